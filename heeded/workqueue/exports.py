"""The case list as a CSV file: exactly the filtered cases, streamed a chunk at a time."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet

from heeded.calendars.working_days import describe_deadline
from heeded.cases.models import Case, CaseParty
from heeded.interchange import cells

HEADINGS = [
    "Reference",
    "Type",
    "Received",
    "Status",
    "Stage",
    "Officer",
    "Next deadline",
    "Deadline for",
    "Working days left",
    "Services and teams",
    "Natures",
    "People",
    "Acknowledged",
    "Closed",
]


def safe_cell(value) -> str:
    """The cell's text, never run as a formula by a spreadsheet (CSV injection)."""
    return cells.escape("" if value is None else str(value))


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def deadline_words(case: Case, today: dt.date) -> str:
    if case.closed_on or not case.next_deadline:
        return ""
    # On the procedure's own calendar: an FOI request's deadline skips UK-wide bank holidays.
    return describe_deadline(today, case.next_deadline, case.procedure.calendar)


def with_everything_exported(queryset: QuerySet[Case]) -> QuerySet[Case]:
    parties = CaseParty.objects.select_related("person").order_by("role", "id")
    return queryset.select_related("record_type", "assigned_officer").prefetch_related(
        "service_teams", "natures", Prefetch("parties", queryset=parties)
    )


def row(case: Case, today: dt.date) -> list[str]:
    officer = case.assigned_officer
    return [
        case.reference,
        case.record_type.label,
        _date(case.received_on),
        case.status,
        str(case.current_stage or ""),
        (officer.get_full_name() or officer.username) if officer else "",
        _date(case.next_deadline),
        case.next_deadline_what,
        deadline_words(case, today),
        "; ".join(team.label for team in case.service_teams.all()),
        "; ".join(nature.label for nature in case.natures.all()),
        # Each person once: a young person complaining is both complainant and child.
        "; ".join(
            {party.person_id: party.person.full_name for party in case.parties.all()}.values()
        ),
        _date(case.acknowledged_on),
        _date(case.closed_on),
    ]


class _Echo:
    """csv.writer writes to this and gets the line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(queryset: QuerySet[Case], today: dt.date, chunk_size: int = 2000) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(HEADINGS)
    cases: Iterable[Case] = with_everything_exported(queryset).iterator(chunk_size=chunk_size)
    for case in cases:
        yield writer.writerow([safe_cell(value) for value in row(case, today)])
