"""``heeded import FILE``: import cases from an interchange file (CSV or XLSX)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from heeded.interchange.importing import import_file


class Command(BaseCommand):
    help = (
        "Import cases from a case interchange file (.csv or .xlsx). All or nothing: if any "
        "row has a problem, every problem is listed and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--update", action="store_true", help="Change cases whose references already exist."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file only; write nothing."
        )
        parser.add_argument(
            "--user", help="Username to record the import as (default: nobody in particular)."
        )

    def handle(self, *args, **options):
        by = None
        if options["user"]:
            try:
                by = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"There is no user called {options['user']}.") from None
        report = import_file(
            options["file"],
            by=by,
            update=options["update"],
            dry_run=options["dry_run"],
            progress=options["verbosity"] > 0,
        )
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.problems.more:
            self.stderr.write(f"... and {report.problems.more:,} more problems.")
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
