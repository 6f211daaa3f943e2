from django.db import migrations


def create(apps, schema_editor):
    Organisation = apps.get_model("organisation", "Organisation")
    if not Organisation.objects.exists():
        Organisation.objects.create()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
