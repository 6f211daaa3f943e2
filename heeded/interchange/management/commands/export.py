"""``heeded export FILE [--from DATE] [--to DATE]``: cases received in a period, as a file."""

from django.core.management.base import BaseCommand, CommandError

from heeded.calendars.management.arguments import iso_date
from heeded.interchange.exporting import export_file, left_out
from heeded.interchange.reading import FileRefused, file_format
from heeded.output_files import check_output


class Command(BaseCommand):
    help = (
        "Export cases in the case interchange format: .csv (UTF-8) or .xlsx by the file's "
        "ending. --from and --to select by the date received (both included)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--from", dest="date_from", type=iso_date)
        parser.add_argument("--to", dest="date_to", type=iso_date)

    def handle(self, *args, file, date_from, date_to, **options):
        try:
            file_format(file)
        except FileRefused as error:
            raise CommandError(str(error)) from None
        if date_from and date_to and date_to < date_from:
            raise CommandError("--to must not be before --from.")
        check_output(file)
        count = export_file(file, date_from, date_to)
        self.stdout.write(
            self.style.SUCCESS(f"Exported {count:,} case{'' if count == 1 else 's'} to {file}.")
        )
        if warning := left_out(date_from, date_to):
            self.stderr.write(self.style.WARNING(f"Note: {warning}"))
