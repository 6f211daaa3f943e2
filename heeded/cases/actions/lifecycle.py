"""Acknowledging, converting, refusing, withdrawing, closing and reopening a case."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.timezone import localdate

from heeded.taxonomy.defaults import REFUSAL_REASONS_EXPLAINED
from heeded.taxonomy.models import RecordType, RefusalReason

from ..models import Case, EventKind, Stage, StageOutcome
from ._base import (
    ProcedureError,
    locked,
    long_date,
    record_event,
    refused_words,
    require,
    require_date,
    require_not_before,
    require_open,
    save_case,
    save_with_history,
)
from .clocks import refresh_clocks
from .recording import start_first_stage
from .reminders import start_again_on_reopening


def _finish(case: Case, by, reason: str) -> Case:
    refresh_clocks(case)
    save_case(case, by, reason)
    return case


def acknowledge(case: Case, *, by, on: dt.date, expected_version: int | None = None) -> Case:
    with transaction.atomic():
        case = locked(case, expected_version)
        require(
            case.acknowledged_on is None,
            f"{case.reference} was already acknowledged on {long_date(case.acknowledged_on)}."
            if case.acknowledged_on
            else "",
        )
        require_date(on, "of the acknowledgement", "on")
        require_not_before(
            on, case.received_on, "of the acknowledgement", "the date received", "on"
        )
        case.acknowledged_on = on
        record_event(case, EventKind.ACKNOWLEDGED, by=by, on=on)
        return _finish(case, by, "Acknowledged")


def convert(
    case: Case, *, by, to: RecordType, on: dt.date, expected_version: int | None = None
) -> Case:
    """Change what a representation is: a pre-complaint or case concern becomes a complaint.

    The case keeps where it came from and when (``converted_from``, ``converted_on``); a
    procedure's Stage 1 clock counts from the conversion.
    """
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require(
            to.pk != case.record_type_id,
            f"{case.reference} is already a record of this type ({to.label}).",
            "to",
        )
        require(not to.retired, f"'{to.label}' is retired and cannot be used.", "to")
        require(to.code != "refused", "Use 'Refuse' to refuse a complaint, giving the reason.")
        require_date(on, "of the conversion", "on")
        require_not_before(on, case.received_on, "of the conversion", "the date received", "on")
        answered = Stage.objects.filter(case=case, responded_on__isnull=False)
        require(
            not answered.exists(),
            "A stage has already been responded to, so the record type can no longer change.",
        )
        # An unanswered Stage 1 under the old procedure never ran to completion; the new
        # procedure's clock starts afresh from the conversion (history keeps the old row).
        for stage in Stage.objects.filter(case=case):
            stage._history_user = by
            stage.delete()
        old = case.record_type
        case.converted_from = old
        case.converted_on = on
        case.record_type = to
        record_event(
            case,
            EventKind.CONVERTED,
            by=by,
            on=on,
            old=old.label,
            new=to.label,
            description=f"{old.label} became {to.label}",
        )
        start_first_stage(case, by=by, on=on)
        return _finish(case, by, f"Converted from {old.label}")


def refusal_details_refusals(reason: RefusalReason | None, details: str) -> list[ProcedureError]:
    """A refusal for a reason that says nothing by itself ("Other") says what it was."""
    if not isinstance(reason, RefusalReason) or reason.code not in REFUSAL_REASONS_EXPLAINED:
        return []
    if details and details.strip():
        return []
    return [ProcedureError("Enter what the other reason for the refusal is.", "details")]


def refuse(
    case: Case,
    *,
    by,
    reason: RefusalReason,
    on: dt.date,
    details: str = "",
    expected_version: int | None = None,
) -> Case:
    """Refuse to consider a representation under the statutory procedure, with the reason
    (and, for "Other", what it was: ``details``)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require(case.record_type.code != "refused", f"{case.reference} is already refused.")
        require(isinstance(reason, RefusalReason), "Choose the reason for the refusal.")
        require_date(on, "of the refusal", "on")
        require_not_before(on, case.received_on, "of the refusal", "the date received", "on")
        require(
            not Stage.objects.filter(case=case, responded_on__isnull=False).exists(),
            "A stage has already been responded to; the complaint can no longer be "
            "refused. Withdraw or close it instead.",
        )
        for refusal in refusal_details_refusals(reason, details):
            raise refusal
        # The complaint was never accepted, so its Stage 1 clock never ran.
        for stage in Stage.objects.filter(case=case):
            stage._history_user = by
            stage.delete()
        old = case.record_type
        case.record_type = RecordType.objects.get(code="refused")
        case.refusal_reason = reason
        case.refusal_details = details.strip()
        case.closed_on = on
        record_event(
            case,
            EventKind.REFUSED,
            by=by,
            on=on,
            old=old.label,
            new=reason.label,
            description=refused_because(case),
        )
        return _finish(case, by, f"Refused: {reason.label}")


def refused_because(case: Case) -> str:
    """ "Refused: Other – a matter for the school's governing body", as the timeline and
    the case page tell it."""
    reason = case.refusal_reason
    said = f"Refused: {reason.label}" if reason else "Refused"
    return f"{said} – {case.refusal_details}" if case.refusal_details else said


def withdraw(case: Case, *, by, on: dt.date, expected_version: int | None = None) -> Case:
    """The complainant withdrew: the open stage ends as withdrawn and the case closes."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require_date(on, "of the withdrawal", "on")
        require_not_before(on, case.received_on, "of the withdrawal", "the date received", "on")
        stage = (
            Stage.objects.filter(case=case, responded_on__isnull=True).order_by("-number").first()
        )
        if stage is not None:
            require_not_before(
                on,
                stage.started_on,
                "of the withdrawal",
                f"the start of Stage {stage.number}",
                "on",
            )
            stage.responded_on = on
            stage.outcome = StageOutcome.WITHDRAWN
            save_with_history(stage, by, "Withdrawn")
        case.closed_on = on
        record_event(
            case, EventKind.WITHDRAWN, by=by, on=on, stage_number=stage.number if stage else None
        )
        return _finish(case, by, "Withdrawn")


def close(case: Case, *, by, on: dt.date, expected_version: int | None = None) -> Case:
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require_date(on, "of closure", "on")
        require_not_before(on, case.received_on, "of closure", "the date received", "on")
        # A stage the procedure does not declare (an imported compliment's "Stage 1") is
        # history, not something still to answer.
        declared = [rule.number for rule in case.procedure.stages]
        open_stage = Stage.objects.filter(
            case=case, responded_on__isnull=True, number__in=declared
        ).first()
        require(
            open_stage is None,
            f"Stage {open_stage.number} is still open: record its response or the withdrawal first."
            if open_stage
            else "",
        )
        last = (
            Stage.objects.filter(case=case, responded_on__isnull=False)
            .order_by("-responded_on")
            .first()
        )
        if last is not None:
            require_not_before(
                on, last.responded_on, "of closure", f"the Stage {last.number} response", "on"
            )
        case.closed_on = on
        record_event(case, EventKind.CLOSED, by=by, on=on)
        return _finish(case, by, "Closed")


def reopen(
    case: Case,
    *,
    by,
    reason: str,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Case:
    with transaction.atomic():
        case = locked(case, expected_version)
        require(case.record_type.code != "refused", refused_words(case))
        require(case.closed_on is not None, f"{case.reference} is not closed.")
        require(bool(reason and reason.strip()), "Enter why the case is being reopened.", "reason")
        old = case.closed_on
        case.closed_on = None
        on = on or localdate()
        record_event(
            case,
            EventKind.REOPENED,
            by=by,
            on=on,
            description=reason.strip(),
            old=old.isoformat(),
        )
        start_again_on_reopening(case, by=by, on=on)
        return _finish(case, by, "Reopened")
