from django.db import migrations


def seed(apps, schema_editor):
    from heeded.taxonomy.seeding import seed_default_taxonomy

    names = ["RecordType", "HowReceived", "ComplainantType", "ServiceTeam", "Nature", "Outcome",
             "RefusalReason", "OmbudsmanDecision"]
    seed_default_taxonomy({name: apps.get_model("taxonomy", name) for name in names})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
