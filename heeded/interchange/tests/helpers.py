"""Building small interchange files for tests."""

from __future__ import annotations

import csv
from pathlib import Path

from heeded.cases.models import Case, CaseEvent, Payment, Stage
from heeded.interchange.columns import NAMES


def csv_file(
    directory: Path, rows: list[dict[str, str]], columns=None, name: str = "cases.csv"
) -> Path:
    """A UTF-8 CSV with ``columns`` (default: every column of the spec) and ``rows``."""
    columns = list(columns or NAMES)
    path = Path(directory) / name
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])
    return path


def complaint(reference: str = "IOW-1920-001", **cells: str) -> dict[str, str]:
    """A statutory complaint answered at Stage 1, as a row; ``cells`` override."""
    row = {
        "reference": reference,
        "record_type": "complaint",
        "received_on": "2019-10-07",
        "how_received": "email",
        "complainant_type": "parent",
        "young_person": "false",
        "natures": "conduct_of_worker|quality_of_service",
        "stage1_responded_on": "2019-10-18",
        "stage1_outcome": "not_upheld",
        "actual_outcomes": "explanation",
        "closed_on": "2019-10-18",
    }
    row.update(cells)
    return row


def stored() -> tuple[int, ...]:
    """How many cases, stages, events, case and stage history rows and payments there are."""
    return (
        Case.objects.count(),
        Stage.objects.count(),
        CaseEvent.objects.count(),
        Case.history.count(),
        Stage.history.count(),
        Payment.objects.count(),
    )
