"""What every action shares: the error it raises, locking, saving with history, events."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ..models import Case, CaseEvent, EventKind


class ProcedureError(Exception):
    """A move the procedure does not allow, with a message an officer can act on."""


class StaleCase(ProcedureError):
    """The case changed since the form was opened (someone else saved first)."""

    def __init__(self, case: Case, changes: list[str]):
        self.case = case
        self.changes = changes
        super().__init__(
            "Someone else changed this case while you were editing it. "
            "Check their changes, then make yours again."
        )


def locked(case: Case, expected_version: int | None = None) -> Case:
    """Re-read the case under a row lock; refuse if it moved on since ``expected_version``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("actions lock cases inside transaction.atomic()")
    fresh = Case.objects.select_for_update().select_related("record_type").get(pk=case.pk)
    if expected_version is not None and fresh.version != expected_version:
        from .editing import changes_since

        raise StaleCase(fresh, changes_since(fresh, expected_version))
    return fresh


def save_case(case: Case, by, reason: str) -> None:
    case.version += 1
    save_with_history(case, by, reason)


def save_with_history(obj, by, reason: str) -> None:
    # simple_history reads these attributes; setting them here means a command-line run
    # or an import is attributed just as a request would be.
    obj._history_user = by
    obj._change_reason = reason
    obj.save()


def record_event(
    case: Case,
    kind: EventKind,
    *,
    by,
    on: dt.date,
    description: str = "",
    stage_number: int | None = None,
    old: str = "",
    new: str = "",
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        by=by,
        happened_on=on,
        description=description,
        stage_number=stage_number,
        old_value=str(old)[:200],
        new_value=str(new)[:200],
    )


def staff_name(user) -> str:
    """A member of staff as the case page names them: their full name, else their sign-in."""
    return (user.get_full_name() or user.get_username()) if user else ""


def long_date(day: dt.date) -> str:
    """GOV.UK style: 5 January 2023."""
    return f"{day.day} {day:%B %Y}"


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ProcedureError(message)


def require_date(when: dt.date | None, what: str) -> None:
    require(isinstance(when, dt.date), f"Enter the date {what}.")


def require_not_before(when: dt.date, earliest: dt.date | None, what: str, than: str) -> None:
    if earliest is not None and when < earliest:
        raise ProcedureError(
            f"The date {what} ({long_date(when)}) cannot be before {than} ({long_date(earliest)})."
        )


def require_open(case: Case) -> None:
    require(case.closed_on is None, f"Case {case.reference} is closed. Reopen it first.")
