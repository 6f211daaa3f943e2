"""What the document needs from the database besides the report dict: the organisation's
labels and threshold, the learning text staff wrote for publication, and recommendations."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from .labels import Labels


def learning_examples(period_from: str, period_to: str) -> list[tuple[str, str]]:
    """Cases received or answered in the period whose ``learning_for_report`` is filled in.

    Only that field is used: staff write it anonymised for the public report. Headings are
    the record type and the furthest stage reached, never a reference or a name.
    """
    from heeded.cases.models import Case

    start, end = dt.date.fromisoformat(period_from), dt.date.fromisoformat(period_to)
    cases = (
        Case.objects.filter(
            Q(received_on__range=(start, end)) | Q(stages__responded_on__range=(start, end))
        )
        .exclude(learning_for_report="")
        .select_related("record_type")
        .distinct()
        .order_by("received_on", "pk")
    )
    examples = []
    for case in cases:
        stage = f", Stage {case.current_stage}" if case.current_stage else ""
        young = " (a young person's complaint)" if case.young_person else ""
        examples.append((f"{case.record_type.label}{stage}{young}", case.learning_for_report))
    return examples


def document_inputs(report: dict) -> dict:
    from heeded.organisation.models import Organisation

    from ..models import for_report

    organisation = Organisation.current()
    period = report["period"]
    return {
        "labels": Labels.load(),
        "threshold": organisation.small_number_threshold,
        "department": organisation.department,
        "recommendations": for_report(period["label"]),
        "learning": learning_examples(period["from"], period["to"]),
    }
