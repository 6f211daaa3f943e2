"""``heeded refresh_deadlines``: recompute the stored deadlines of every open case.

Dashboards and the case list filter on deadlines stored with each case, which every action
keeps in step. Run this after upgrading Heeded when the release notes say a clock's rule
changed, or after a new bank holiday is declared in ``heeded/calendars``, so that cases
nobody has touched since show the deadline the rules now give.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from heeded.cases.actions import refresh_clocks
from heeded.cases.models import Case

BATCH = 500
STORED = ("current_stage", "next_deadline", "next_deadline_what")


class Command(BaseCommand):
    help = "Recompute the stored deadlines of every open case from the procedure's clocks."

    def handle(self, *args, **options):
        open_cases = Case.objects.filter(closed_on__isnull=True).order_by("pk")
        ids = list(open_cases.values_list("pk", flat=True))
        changed = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                batch = (
                    Case.objects.select_for_update(of=("self",))
                    .filter(pk__in=ids[start : start + BATCH])
                    .select_related("record_type")
                    .prefetch_related("stages")
                )
                for case in batch:
                    before = [getattr(case, name) for name in STORED]
                    refresh_clocks(case)
                    if [getattr(case, name) for name in STORED] != before:
                        case.save(update_fields=STORED)
                        changed += 1
        self.stdout.write(f"{len(ids):,} open cases checked; {changed:,} had a deadline changed.")
