"""``heeded report``: the annual report for a period, as JSON or a document.

    heeded report --year 2019/20 --format json --output report.json
    heeded report --from 2019-04-01 --to 2019-09-30 --format pdf --output half-year.pdf
    heeded report --year 2019/20 --half 2 --comparisons 1 --public --format html

JSON goes to standard output when no --output is given; the other formats are binary and
need --output. Progress is shown on standard error when it is a terminal (or --progress).
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from heeded.output_files import check_output
from heeded.reports.build import build_report
from heeded.reports.periods import (
    MOST_COMPARISONS,
    Period,
    half_year,
    parse_year,
    quarter,
    reportable,
)
from heeded.reports.selfcheck import ReportInconsistent

FORMATS = ("json", "html", "pdf", "docx", "xlsx")


def report_json(report: dict) -> str:
    """The JSON form: sorted keys, ISO dates, numbers as numbers; the same bytes every time."""
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option} must be a real date written as YYYY-MM-DD, for example 2019-04-01 "
            f"(got '{text}')"
        ) from None


def choose_period(options: dict) -> Period:
    year, start, end = options["year"], options["from"], options["to"]
    half, q = options["half"], options["quarter"]
    if year and (start or end):
        raise CommandError("Give either --year or --from and --to, not both")
    if half and q:
        raise CommandError("Give either --half or --quarter, not both")
    if year:
        try:
            financial = parse_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
        first = financial.start.year
        if half:
            financial = half_year(first, half)
        elif q:
            financial = quarter(first, q)
        return _reportable(financial.start, financial.end)
    if half or q:
        raise CommandError("--half and --quarter need --year, for example --year 2019/20 --half 1")
    if not (start and end):
        raise CommandError("Say which period: --year 2019/20, or --from 2019-04-01 --to 2020-03-31")
    first_day, last_day = _date(start, "--from"), _date(end, "--to")
    if last_day < first_day:
        raise CommandError(
            f"--to ({last_day.isoformat()}) is before --from ({first_day.isoformat()})"
        )
    return _reportable(first_day, last_day)


def _reportable(start: dt.date, end: dt.date) -> Period:
    try:
        return reportable(start, end)
    except ValueError as error:
        raise CommandError(str(error)) from None


class Command(BaseCommand):
    help = "Produce the annual report for a period (JSON, HTML, PDF, DOCX or XLSX)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", help="A financial year, for example 2019/20")
        parser.add_argument("--from", dest="from", help="First day, YYYY-MM-DD")
        parser.add_argument("--to", help="Last day, YYYY-MM-DD")
        parser.add_argument("--half", type=int, choices=(1, 2), help="With --year: H1 or H2")
        parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="With --year")
        parser.add_argument(
            "--comparisons",
            type=int,
            default=MOST_COMPARISONS,
            help=f"Earlier years to compare, 0 to {MOST_COMPARISONS} (default {MOST_COMPARISONS})",
        )
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", help="File to write (JSON: standard output if absent)")
        parser.add_argument(
            "--public", action="store_true", help="The public version (small numbers hidden)"
        )
        parser.add_argument("--progress", action="store_true", help="Always show progress")

    def handle(self, *args, **options) -> None:
        period = choose_period(options)
        if not 0 <= options["comparisons"] <= MOST_COMPARISONS:
            raise CommandError(
                f"--comparisons must be a number from 0 to {MOST_COMPARISONS}: a report "
                f"compares up to {MOST_COMPARISONS} earlier years"
            )
        fmt, output = options["format"], options["output"]
        if fmt != "json" and not output:
            raise CommandError(f"The {fmt.upper()} report needs --output, for example report.{fmt}")
        if output:
            check_output(output)
        render = _renderer(fmt) if fmt != "json" or options["public"] else None
        try:
            report = self._build(period, options)
        except ReportInconsistent as error:
            raise CommandError(
                f"The report does not add up, so it was not written: {error}"
            ) from None
        if render is None:
            content = report_json(report).encode()
        else:
            content = render(report, fmt, options["public"])
        if output:
            with open(output, "wb") as file:
                file.write(content)
            self.stderr.write(f"Wrote the {period.label} report to {output}")
        else:
            sys.stdout.flush()
            self.stdout.write(content.decode(), ending="")

    def _build(self, period: Period, options: dict) -> dict:
        show = options["progress"] or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())
        if not show:
            return build_report(period, options["comparisons"])
        from tqdm import tqdm

        # One step per period computed, and one for the self-check.
        bar = tqdm(total=options["comparisons"] + 2, file=sys.stderr, unit="step")
        started = []

        def progress(what: str) -> None:
            if started:
                bar.update(1)  # the step before this one is done
            started.append(what)
            bar.set_description(what)

        try:
            return build_report(period, options["comparisons"], progress=progress)
        finally:
            bar.update(bar.total - bar.n)
            bar.close()


def _renderer(fmt: str):
    """The documents renderers, imported only when a document is asked for."""
    try:
        from heeded.reports.renderers import render
    except ImportError as error:
        raise CommandError(
            f"The {fmt.upper()} report cannot be produced: the report renderers "
            f"(heeded.reports.renderers) are not installed ({error})"
        ) from None
    return render
