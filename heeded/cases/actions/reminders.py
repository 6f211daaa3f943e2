"""Stopping, and starting again, the reminders ``heeded send_reminders`` sends on a case.

A case officer stops the chasing when it would be wrong: the complainant has agreed to wait
while a meeting is arranged, a court or police matter holds the case, or the responding
manager is on leave and the officer is handling it. Only the chasing stops: the statutory
clock runs on, and the case page says so.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.timezone import localdate

from ..models import Case, EventKind
from ._base import locked, long_date, record_event, require, require_open, save_case, staff_name


def stopped_words(case: Case) -> str:
    """ "Reminders stopped on 3 December 2026 by Lucy Foster", as the case page, the timeline
    and a refusal say it."""
    by = staff_name(case.reminders_stopped_by)
    return f"Reminders stopped on {long_date(case.reminders_stopped_on)}{f' by {by}' if by else ''}"


def stop_reminders(
    case: Case, *, by, reason: str, on: dt.date | None = None, expected_version: int | None = None
) -> Case:
    """Stop chasing the responding managers of ``case``, saying why (kept on the case and
    its timeline, so that nobody wonders why a manager was not chased)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require(
            not case.reminders_stopped,
            f"{stopped_words(case)}: they are already stopped on {case.reference}.",
        )
        reason = (reason or "").strip()
        require(bool(reason), "Enter why reminders are being stopped on this case", "reason")
        today = on or localdate()
        case.reminders_stopped_on = today
        case.reminders_stopped_by = by
        case.reminders_stopped_reason = reason
        record_event(case, EventKind.REMINDERS_STOPPED, by=by, on=today, description=reason)
        save_case(case, by, "Reminders stopped")
        return case


def start_reminders(
    case: Case, *, by, on: dt.date | None = None, expected_version: int | None = None
) -> Case:
    """Chase the responding managers of ``case`` again from the next morning's run, on the
    schedule as it stands (nothing missed while stopped is sent late)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        require(case.reminders_stopped, f"Reminders are not stopped on {case.reference}.")
        _start_again(case, by=by, on=on or localdate())
        save_case(case, by, "Reminders started again")
        return case


def start_again_on_reopening(case: Case, *, by, on: dt.date) -> None:
    """Reminders stopped before a case closed start again when it reopens: what held the
    chasing (a meeting being arranged, a manager on leave) belonged to the work that closed,
    and a reopened case nobody chases is one that quietly runs late. The timeline says so;
    the caller saves the case."""
    if case.reminders_stopped:
        _start_again(case, by=by, on=on, why="Started again as the case was reopened.")


def _start_again(case: Case, *, by, on: dt.date, why: str = "") -> None:
    # The timeline says what was undone: since when, by whom, and why.
    was = f"{stopped_words(case)}: {case.reminders_stopped_reason}"
    record_event(
        case,
        EventKind.REMINDERS_STARTED,
        by=by,
        on=on,
        description=f"{was.rstrip('.')}. {why}" if why else was,
    )
    case.reminders_stopped_on = None
    case.reminders_stopped_by = None
    case.reminders_stopped_reason = ""
