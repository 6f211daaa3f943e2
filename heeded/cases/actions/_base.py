"""What every action shares: the error it raises, locking, saving with history, events."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from heeded.calendars.dates import long_date
from heeded.calendars.working_days import (
    Calendar,
    add_working_days,
    bank_holidays,
    bank_holidays_named,
    in_known_years,
    is_working_day,
    known_years_limit,
    next_working_day_on_or_after,
)

from ..models import Case, CaseEvent, EventKind, Person


class ProcedureError(Exception):
    """A move the procedure does not allow, with a message an officer can act on.

    ``field`` names the action's argument the refusal is about (``"to"``, ``"on"``), when
    there is one, so that a form can show the message beside the answer to change.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class StaleCase(ProcedureError):
    """The case changed since the form was opened (someone else saved first)."""

    def __init__(self, case: Case, changes: list[str]):
        self.case = case
        self.changes = changes
        super().__init__(
            "Someone else changed this case while you were editing it. "
            "Check their changes, then make yours again."
        )


class StalePerson(ProcedureError):
    """A person's details changed since the form was opened (someone else saved first)."""

    def __init__(self, person: Person, changes: list[str]):
        self.person = person
        self.changes = changes
        super().__init__(
            f"Someone else changed {person.full_name}'s details while you were editing them."
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


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise ProcedureError(message, field)


def require_remedial_details(remedial_action: bool | None, details: str) -> None:
    """Remedial action answered Yes says what it was: the report's learning is made of it."""
    require(
        not (remedial_action and not details.strip()),
        "Enter what remedial action was taken, or answer No",
        "remedial_action_details",
    )


def require_date(when: dt.date | None, what: str, field: str | None = None) -> None:
    require(isinstance(when, dt.date), f"Enter the date {what}.", field)
    require_known_year(when, what, field)


def require_known_year(when: dt.date | None, what: str, field: str | None = None) -> None:
    """Refuse a date whose year's bank holidays are not known: no clock can count from it.

    The forms refuse such a year beside the date; this is for callers that bypass them (an
    import, a script), who would otherwise meet a ValueError from the calendar.
    """
    if when is None or in_known_years(when):
        return
    raise ProcedureError(
        f"The date {what} ({long_date(when)}) must be in {known_years_limit(when)}.", field
    )


def require_not_before(
    when: dt.date, earliest: dt.date | None, what: str, than: str, field: str | None = None
) -> None:
    if earliest is not None and when < earliest:
        raise ProcedureError(
            f"The date {what} ({long_date(when)}) cannot be before {than} ({long_date(earliest)}).",
            field,
        )


def require_working_day(
    day: dt.date,
    calendar: Calendar,
    *,
    latest: dt.date | None = None,
    after: dt.date | None = None,
    field: str | None = None,
) -> None:
    """Refuse a deadline that is not a working day, naming the day and the nearest one that is.

    The suggestion is the next working day, or the one before when the next would be later
    than ``latest``; none is offered if that would not be after ``after`` either.
    """
    if is_working_day(day, calendar):
        return
    if day.weekday() >= 5:
        why = f"a {day:%A}"
    else:
        name = dict(bank_holidays_named(day.year, calendar)).get(day, "")
        why = f"{name}, a bank holiday" if name else "a bank holiday"
        if day not in bank_holidays(Calendar.ENGLAND_AND_WALES):
            why += " in part of the UK, which stops this clock"
    suggestion = next_working_day_on_or_after(day, calendar)
    if latest is not None and suggestion > latest:
        suggestion = add_working_days(day, -1, calendar)
        if after is not None and suggestion <= after:
            suggestion = None
    such_as = f", such as {suggestion:%A} {long_date(suggestion)}" if suggestion else ""
    raise ProcedureError(f"{long_date(day)} is {why}: choose a working day{such_as}.", field)


def refused_words(case: Case) -> str:
    """Why nothing more is done on a refused complaint, with what to do instead: it was never
    in the procedure, so it is not reopened or made into something else; anything more the
    person raises starts afresh. One sentence wherever the refusal is told."""
    return (
        f"{case.reference} was refused: it is not in the complaints procedure. Record a new "
        "representation instead."
    )


def require_open(case: Case) -> None:
    # "Reopen it first" is never the advice for a refused complaint: it cannot be reopened.
    require(case.record_type.code != "refused", refused_words(case))
    require(case.closed_on is None, f"Case {case.reference} is closed. Reopen it first.")
