"""Recording a new representation, with a reference nobody else can be given."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.timezone import localdate

from heeded.organisation.models import Organisation
from heeded.procedures import procedure_for
from heeded.taxonomy.models import RecordType

from ..models import Case, CaseParty, EventKind, Person, ReferenceCounter, Stage
from ._base import (
    ProcedureError,
    record_event,
    require,
    require_known_year,
    save_case,
    save_with_history,
)
from .clocks import refresh_clocks

MULTI_VALUED = ("service_teams", "natures", "outcomes_sought", "actual_outcomes")


def next_reference(prefix: str | None = None, year: int | None = None) -> str:
    """The next case reference, e.g. ``CS-2026-00042``.

    The counter row is incremented with a single UPDATE inside the caller's transaction, so
    two officers saving at the same moment are serialised by the database row lock and can
    never be given the same number (tested with concurrent threads on PostgreSQL).
    """
    prefix = prefix or Organisation.current().reference_prefix
    year = year or localdate().year
    with transaction.atomic():
        updated = ReferenceCounter.objects.filter(prefix=prefix, year=year).update(
            last_number=F("last_number") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(prefix=prefix, year=year, last_number=1)
            except IntegrityError:
                # Another transaction created the row first: take the next number after it.
                ReferenceCounter.objects.filter(prefix=prefix, year=year).update(
                    last_number=F("last_number") + 1
                )
        number = ReferenceCounter.objects.get(prefix=prefix, year=year).last_number
    return f"{prefix}-{year}-{number:05d}"


class AlreadyRecorded(ProcedureError):
    """The answers confirmed on this check page were recorded already, as ``case``."""

    def __init__(self, case: Case):
        self.case = case
        super().__init__(
            f"{case.reference} was recorded from these answers already: "
            "it has not been recorded again."
        )


def record_representation(
    *,
    by,
    record_type: RecordType,
    received_on: dt.date,
    people: list[tuple[Person, str, str]] = (),
    reference: str | None = None,
    today: dt.date | None = None,
    recorded_from: uuid.UUID | None = None,
    **details,
) -> Case:
    """Record a new representation and start its procedure's clock.

    ``people`` holds (person, role, relationship) triples. ``details`` are Case fields,
    including the multi-valued ones (lists of taxonomy rows). ``recorded_from`` names the
    page the answers were confirmed on: sent twice, the second is refused with the first's
    case (``AlreadyRecorded``), even when both arrive at once (the unique column decides).
    """
    if recorded_from is not None:
        _not_recorded_already(recorded_from)
    today = today or localdate()
    require(
        isinstance(received_on, dt.date),
        f"Enter the date the {procedure_for(record_type.procedure).noun} was received.",
        "received_on",
    )
    require(received_on <= today, "The date received cannot be in the future.", "received_on")
    require_known_year(received_on, "received", "received_on")
    require(not record_type.retired, f"'{record_type.label}' is retired and cannot be used.")
    multi = {name: details.pop(name) for name in MULTI_VALUED if name in details}
    unknown = set(details) - {f.name for f in Case._meta.get_fields()}
    if unknown:
        raise ProcedureError(f"Unknown case details: {', '.join(sorted(unknown))}")
    try:
        with transaction.atomic():
            return _record(
                by, record_type, received_on, people, reference, recorded_from, multi, details
            )
    except IntegrityError:
        if recorded_from is not None:
            # The same page sent a moment ago: the database made us wait for that one.
            _not_recorded_already(recorded_from)
        raise


def _not_recorded_already(recorded_from: uuid.UUID) -> None:
    earlier = Case.objects.filter(recorded_from=recorded_from).first()
    if earlier is not None:
        raise AlreadyRecorded(earlier)


def _record(by, record_type, received_on, people, reference, recorded_from, multi, details):
    """The new case, its people, its event and its first stage (in the caller's transaction)."""
    case = Case(
        reference=reference or next_reference(),
        record_type=record_type,
        received_on=received_on,
        created_by=by,
        recorded_from=recorded_from,
        **details,
    )
    case.version = 0
    save_case(case, by, "Recorded")
    for name, values in multi.items():
        getattr(case, name).set(values)
    for person, role, relationship in people:
        CaseParty.objects.create(case=case, person=person, role=role, relationship=relationship)
    record_event(
        case,
        EventKind.RECORDED,
        by=by,
        on=received_on,
        description=f"{record_type.label} received",
        new=record_type.label,
    )
    start_first_stage(case, by=by, on=case.stage1_clock_start)
    refresh_clocks(case)
    case.save(update_fields=["current_stage", "next_deadline", "next_deadline_what"])
    return case


def start_first_stage(case: Case, *, by, on: dt.date) -> Stage | None:
    """Stage 1's clock starts on receipt (or conversion) for every procedure with stages."""
    if not case.procedure.has_stages or case.stages.exists():
        return None
    stage = Stage(case=case, number=1, started_on=on, requested_on=on)
    save_with_history(stage, by, "Stage 1 started")
    record_event(
        case,
        EventKind.STAGE_STARTED,
        by=by,
        on=on,
        stage_number=1,
        description=case.procedure.stage(1).name,
    )
    return stage
