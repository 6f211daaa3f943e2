"""Writing cases out in the interchange format: every column, in the spec's order.

Cases are streamed a chunk at a time (one query for the chunk's cases, one for its stages,
one per multi-valued column and one for payments), so a million cases never sit in memory
and the number of queries grows with chunks, not cases. Multi-valued cells list their codes
in code order and rows come in (received_on, reference) order, so the same cases always give
the same file, byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.db.models import Sum

from heeded.cases.models import Case, Payment, Stage
from heeded.reports.timescales import STAGE2_DAYS
from heeded.taxonomy.models import TAXONOMY_MODELS

from . import cells
from .columns import BOOLEAN_FIELDS, CODE_FIELDS, DATE_FIELDS, MULTI_FIELDS, NAMES, STAGES
from .reading import file_format

CHUNK = 2_000
# Written into the workbook's properties instead of "now", so exports are reproducible.
XLSX_CREATED = dt.datetime(2000, 1, 1)
CASE_FIELDS = (
    ["id", "reference"]
    + [f"{field}_id" for field in CODE_FIELDS.values()]
    + list(DATE_FIELDS.values())
    + list(BOOLEAN_FIELDS.values())
)
TAXONOMY_OF_FIELD = {
    "record_type": "record_type",
    "converted_from": "record_type",
    "how_received": "how_received",
    "complainant_type": "complainant_type",
    "refusal_reason": "refusal_reason",
    "ombudsman_decision": "ombudsman_decision",
}


def _codes_by_id() -> dict[str, dict[int, str]]:
    return {
        kind: dict(model.objects.values_list("id", "code"))
        for kind, model in TAXONOMY_MODELS.items()
    }


def cases_received(date_from: dt.date | None = None, date_to: dt.date | None = None):
    cases = Case.objects.all()
    if date_from:
        cases = cases.filter(received_on__gte=date_from)
    if date_to:
        cases = cases.filter(received_on__lte=date_to)
    return cases


def export_rows(cases=None, chunk_size: int = CHUNK) -> Iterator[dict[str, str]]:
    """Each case as its interchange cells (plain text, before formula escaping)."""
    cases = Case.objects.all() if cases is None else cases
    codes = _codes_by_id()
    rows = cases.order_by("received_on", "reference").values_list(*CASE_FIELDS)
    chunk: list[tuple] = []
    for values in rows.iterator(chunk_size=chunk_size):
        chunk.append(values)
        if len(chunk) == chunk_size:
            yield from _chunk_cells(chunk, codes)
            chunk = []
    if chunk:
        yield from _chunk_cells(chunk, codes)


def _chunk_cells(chunk: list[tuple], codes) -> Iterator[dict[str, str]]:
    ids = [values[0] for values in chunk]
    stages: dict[int, dict[int, Stage]] = defaultdict(dict)
    for stage in Stage.objects.filter(case_id__in=ids).only(
        "case_id",
        "number",
        "started_on",
        "start_implied",
        "extended_to",
        "responded_on",
        "outcome",
    ):
        stages[stage.case_id][stage.number] = stage
    multi = {column: _multi_codes(field, ids) for column, field in MULTI_FIELDS.items()}
    payments = dict(
        Payment.objects.filter(case_id__in=ids)
        .values("case_id")
        .order_by("case_id")
        .annotate(total=Sum("amount"))
        .values_list("case_id", "total")
    )
    for values in chunk:
        case = dict(zip(CASE_FIELDS, values, strict=True))
        pk = case["id"]
        row = {"reference": case["reference"]}
        for column, field in CODE_FIELDS.items():
            term_id = case[f"{field}_id"]
            row[column] = codes[TAXONOMY_OF_FIELD[field]][term_id] if term_id else ""
        for column, field in DATE_FIELDS.items():
            row[column] = _date(case[field])
        for column, field in BOOLEAN_FIELDS.items():
            row[column] = _boolean(case[field])
        for column in MULTI_FIELDS:
            row[column] = "|".join(sorted(multi[column].get(pk, ())))
        for number in STAGES:
            stage = stages[pk].get(number)
            # Left empty as the file that brought it in left it (the spec's rule gave it).
            start = None if not stage or stage.start_implied else stage.started_on
            row[f"stage{number}_started_on"] = _date(start)
            if number == 1:
                row["stage1_extended_to"] = _date(stage.extended_to if stage else None)
            row[f"stage{number}_responded_on"] = _date(stage.responded_on if stage else None)
            row[f"stage{number}_outcome"] = stage.outcome if stage else ""
        total = payments.get(pk)
        row["payment_amount"] = f"{total:.2f}" if total is not None else ""
        yield {name: row[name] for name in NAMES}


def _multi_codes(field: str, ids: list[int]) -> dict[int, list[str]]:
    through = getattr(Case, field).through
    target = getattr(Case, field).field.m2m_reverse_field_name()
    found: dict[int, list[str]] = defaultdict(list)
    for case_id, code in through.objects.filter(case_id__in=ids).values_list(
        "case_id", f"{target}__code"
    ):
        found[case_id].append(code)
    return found


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _boolean(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def left_out(date_from: dt.date | None = None, date_to: dt.date | None = None) -> str:
    """What the cases of the period hold that version 1 of the format has no column for and
    that changes a measure, in words ("" when nothing). A Stage 2 deadline agreed to be
    extended is the one: imported again, such a case's Stage 2 response is timed against the
    normal limit alone, and ``stage2.within_deadline`` may move from within to late."""
    extended = Stage.objects.filter(
        case__in=cases_received(date_from, date_to), number=2, extended_to__isnull=False
    ).count()
    if not extended:
        return ""
    cases = f"{extended:,} case{'' if extended == 1 else 's'}"
    return (
        f"{cases} had the Stage 2 deadline extended. Version 1 of the interchange format has "
        "no column for that, so the file leaves it out: imported again, each Stage 2 response "
        f"is timed against {STAGE2_DAYS} working days."
    )


# --- files -----------------------------------------------------------------------------------


def export_file(
    path: str | Path, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> int:
    """Write the cases received in the period to ``path`` (.csv or .xlsx); the row count.

    Rows are streamed, so a failure half way (the database gone, the disk full, Ctrl-C)
    left a header and some rows under the final name: a file that imports as a smaller,
    valid set of cases, over the last good export of that name. The file is written beside
    ``path`` and renamed into place only once complete.
    """
    path = Path(path)
    write = write_csv if file_format(str(path)) == "csv" else write_xlsx
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        count = write(partial, export_rows(cases_received(date_from, date_to)))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _escaped(rows: Iterable[dict[str, str]]) -> Iterator[list[str]]:
    for row in rows:
        yield [cells.escape(row[name]) for name in NAMES]


def write_csv(path: str | Path, rows: Iterable[dict[str, str]]) -> int:
    # RFC 4180 (CRLF line ends), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(NAMES)
        for row in _escaped(rows):
            writer.writerow(row)
            count += 1
    return count


def write_xlsx(path: str | Path, rows: Iterable[dict[str, str]]) -> int:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,  # rows are flushed as written
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"created": XLSX_CREATED})
    sheet = workbook.add_worksheet("Cases")
    for col, name in enumerate(NAMES):
        sheet.write_string(0, col, name)
    count = 0
    for count, row in enumerate(_escaped(rows), start=1):
        for col, text in enumerate(row):
            if text:
                sheet.write_string(count, col, text)
    workbook.close()
    return count
