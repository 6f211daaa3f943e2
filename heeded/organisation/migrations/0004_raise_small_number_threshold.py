"""A threshold under 3 no longer protects anyone (0003 made 3 the least a council may set):
raise any stored below it, so that the public report stops printing counts of 1 and 2."""

from django.db import migrations

LEAST = 3


def raise_to_least(apps, schema_editor):
    Organisation = apps.get_model("organisation", "Organisation")
    Organisation.objects.filter(small_number_threshold__lt=LEAST).update(
        small_number_threshold=LEAST
    )


class Migration(migrations.Migration):
    dependencies = [("organisation", "0003_public_links_and_small_number_threshold")]

    # Going back leaves 3: the old value protected nobody.
    operations = [migrations.RunPython(raise_to_least, migrations.RunPython.noop)]
