"""``heeded demo``: the demo council, its cases and one sign-in per role.

heeded demo                      load the demo once, then print the sign-ins
heeded demo --scale 100000       add 100,000 benchmark cases fast (bulk inserts)
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.timezone import localdate

from heeded.calendars.management.arguments import iso_date
from heeded.cases.models import Case
from heeded.demo.generator import DemoCouncil
from heeded.demo.staff import ensure_staff, sign_in_table


class Command(BaseCommand):
    help = "Load the demo council (once) and print a sign-in for each role."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--today",
            type=iso_date,
            default=None,
            help="Pretend today is this date (the default is today).",
        )
        parser.add_argument(
            "--volume-factor",
            type=float,
            default=1.0,
            help="Scale the yearly volumes (tests use a small factor).",
        )
        parser.add_argument(
            "--years", type=int, default=3, help="Complete financial years before the current one."
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=None,
            help="Instead of the demo, bulk-insert this many benchmark cases.",
        )

    def handle(self, *args, seed, today, volume_factor, years, scale, **options):
        if not settings.DEMO:
            raise CommandError(
                "The demo publishes its passwords: run it only with HEEDED_DEMO=true, never "
                "on a council's real database."
            )
        today = today or localdate()
        if scale is not None:
            from heeded.demo.scale import generate

            if scale < 1:
                raise CommandError("--scale needs a number of cases of at least 1.")
            made = generate(
                scale,
                seed=seed,
                today=today,
                progress=self._bar("Benchmark cases"),
            )
            self.stdout.write(f"Added {made:,} benchmark cases.")
            return
        if Case.objects.exists():
            self.stdout.write("Demo data already loaded: nothing to add.")
            ensure_staff()
        else:
            council = DemoCouncil(
                seed=seed,
                today=today,
                volume_factor=volume_factor,
                years=years,
                progress=self._bar("Demo cases"),
            )
            made = council.build()
            self.stdout.write(f"\nLoaded {sum(made.values()):,} demo representations.")
        self.stdout.write("\nSign in at http://127.0.0.1:8000/ as:\n")
        self.stdout.write(sign_in_table())
        self.stdout.write("\nThese passwords are for the demo only.\n")

    def _bar(self, what: str):
        interactive = sys.stderr.isatty()
        state = {"last": -1}

        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != state["last"] and (interactive or percent % 10 == 0):
                state["last"] = percent
                end = "\r" if interactive and done < total else "\n"
                sys.stderr.write(f"{what}: {done:,} of {total:,} ({percent}%){end}")
                sys.stderr.flush()

        return progress
