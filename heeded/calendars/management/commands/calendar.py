"""``heeded calendar``: working-day arithmetic from the command line.

heeded calendar add 2022-09-12 10                 -> 2022-09-27
heeded calendar between 2019-12-20 2020-01-06     -> 8
heeded calendar add 2019-12-20 20 --calendar uk   -> 2020-01-23
heeded calendar month 2025-01-31                  -> 2025-02-28 (subject access)
heeded calendar holidays 2022
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from heeded.calendars.management.arguments import iso_date
from heeded.calendars.working_days import (
    Calendar,
    add_working_days,
    bank_holidays_named,
    calendar_month_deadline,
    working_days,
)


class Command(BaseCommand):
    help = "Working days as the law counts them (day of receipt is day 0)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        calendars = [c.value for c in Calendar] + ["uk", "england"]

        add = sub.add_parser("add", help="The N-th working day after DATE.")
        add.add_argument("date")
        add.add_argument("days", type=int)

        between = sub.add_parser("between", help="Working days from A to B (A < d <= B).")
        between.add_argument("start")
        between.add_argument("end")

        month = sub.add_parser("month", help="Subject access deadline: one calendar month.")
        month.add_argument("date")
        month.add_argument("--months", type=int, default=1)

        hols = sub.add_parser("holidays", help="The bank holidays of a year.")
        hols.add_argument("year", type=int)

        for p in (add, between, month, hols):
            p.add_argument(
                "--calendar",
                default="england_and_wales",
                choices=calendars,
                help="england_and_wales (social care, the default) or uk (FOI and EIR).",
            )

    def handle(self, *args, action, calendar, **options):
        cal = Calendar.UK if calendar == "uk" else Calendar.ENGLAND_AND_WALES
        try:
            if action == "add":
                result = add_working_days(iso_date(options["date"]), options["days"], cal)
            elif action == "between":
                result = working_days(iso_date(options["start"]), iso_date(options["end"]), cal)
            elif action == "month":
                result = calendar_month_deadline(iso_date(options["date"]), options["months"], cal)
            else:
                for day, name in bank_holidays_named(options["year"], cal):
                    self.stdout.write(f"{day.isoformat()}  {day:%a}  {name}")
                return
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(result.isoformat() if isinstance(result, dt.date) else str(result))
