"""The children's Stage 3 panel clocks were renamed ("Review panel meets" became "Review panel
meeting", "Panel report sent" became "Panel's report") so that "<name> due <date>" reads as
what is due. Open cases keep the name of their next deadline: give them the new one."""

from django.db import migrations

RENAMED = {
    "Review panel meets": "Review panel meeting",
    "Panel report sent": "Panel's report",
}


def rename(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    for old, new in RENAMED.items():
        Case.objects.filter(next_deadline_what=old).update(next_deadline_what=new)


def rename_back(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    for old, new in RENAMED.items():
        Case.objects.filter(next_deadline_what=new).update(next_deadline_what=old)


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_case_recorded_from")]

    operations = [migrations.RunPython(rename, rename_back)]
