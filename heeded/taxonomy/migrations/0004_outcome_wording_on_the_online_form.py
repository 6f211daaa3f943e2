from django.db import migrations, models


def word_the_default_outcomes(apps, schema_editor):
    """The default outcomes get the online form's words they had in code until now; an
    outcome the council added keeps its label there (an empty wording), as before."""
    from heeded.taxonomy.defaults import NOT_ASKED_ONLINE, PUBLIC_OUTCOME_WORDING

    Outcome = apps.get_model("taxonomy", "Outcome")
    for code, wording in PUBLIC_OUTCOME_WORDING.items():
        Outcome.objects.filter(code=code).update(public_wording=wording)
    Outcome.objects.filter(code__in=NOT_ASKED_ONLINE).update(asked_online=False)


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0003_compliments_and_comments_procedure"),
    ]

    operations = [
        migrations.AddField(
            model_name="outcome",
            name="asked_online",
            field=models.BooleanField(
                default=True,
                help_text="Whether someone complaining online can ask for it.",
                verbose_name="offered on the online form",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="public_wording",
            field=models.CharField(
                blank=True,
                help_text="How the online complaint form offers it. Left empty, the label is used.",
                max_length=200,
                verbose_name="wording on the online form",
            ),
        ),
        migrations.RunPython(word_the_default_outcomes, migrations.RunPython.noop),
    ]
