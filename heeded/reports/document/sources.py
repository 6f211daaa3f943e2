"""What the document needs from the database besides the report dict: the organisation's
labels and threshold, the learning text staff wrote for publication, and recommendations."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from heeded.taxonomy.wording import in_sentence

from .labels import Labels


def learning_examples(
    period_from: str, period_to: str, *, public: bool = False
) -> list[tuple[str, str]]:
    """Cases received or answered in the period whose ``learning_for_report`` is filled in.

    Only that field is used: staff write it anonymised for the public report. Headings say
    what each example is about (``learning_heading``), never a reference or a name; in the
    public version, not whether it went beyond Stage 1 or came from a young person either:
    "Fostering: delay (a young person's complaint)" told at least one such complaint where
    the table of young people's complaints by service is withheld as too small to publish.
    """
    from heeded.cases.models import Case

    start, end = dt.date.fromisoformat(period_from), dt.date.fromisoformat(period_to)
    cases = (
        Case.objects.filter(
            Q(received_on__range=(start, end)) | Q(stages__responded_on__range=(start, end))
        )
        .exclude(learning_for_report="")
        .select_related("record_type")
        .prefetch_related("service_teams", "natures")  # each in the council's order
        .distinct()
        .order_by("received_on", "pk")
    )
    return [
        (
            learning_heading(
                service=next((team.label for team in case.service_teams.all()), ""),
                nature=next((nature.label for nature in case.natures.all()), ""),
                record_type=case.record_type.label,
                stage=None if public else case.current_stage,
                young_person=case.young_person and not public,
            ),
            case.learning_for_report,
        )
        for case in cases
    ]


def learning_heading(
    *, service: str, nature: str, record_type: str, stage: int | None, young_person: bool
) -> str:
    """ "Children looked after: conduct of worker": the service a complaint was about and
    what it was about, as the council labels them (its first of each), so that a reader can
    tell one example from the next; "(Stage 2)" where it went beyond Stage 1. The record
    type stands in for a service not recorded.

    No reference, name or date. Service and nature together are a pairing no table of the
    report prints; staff write these examples for publication, and the complaints manager
    reads them before the report is published.
    """
    about = service or record_type
    heading = f"{about}: {in_sentence(nature)}" if nature else about
    notes = ([f"Stage {stage}"] if stage and stage > 1 else []) + (
        ["a young person's complaint"] if young_person else []
    )
    return f"{heading} ({', '.join(notes)})" if notes else heading


def document_inputs(report: dict, *, public: bool = False) -> dict:
    from heeded.organisation.models import Organisation

    from ..models import for_report

    organisation = Organisation.current()
    period = report["period"]
    return {
        "labels": Labels.load(),
        "threshold": organisation.small_number_threshold,
        "department": organisation.department,
        "recommendations": for_report(period["label"]),
        "learning": learning_examples(period["from"], period["to"], public=public),
    }
