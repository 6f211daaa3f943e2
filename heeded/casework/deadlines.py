"""Deadlines as casework shows them: a new representation's as soon as the date received is
typed, and an open case's in the words the dashboards use."""

from __future__ import annotations

import datetime as dt

from heeded.calendars.working_days import describe_deadline, working_days_left
from heeded.cases.clocks import (
    Deadline,
    acknowledgement_deadline,
    closure_days,
    internal_target,
    open_deadlines,
    stage_deadline,
)
from heeded.cases.models import Case, Stage
from heeded.taxonomy.models import RecordType


def expected_deadlines(record_type: RecordType, received_on: dt.date) -> list[Deadline]:
    """What recording it now would start: the acknowledgement and the Stage 1 clock.

    Works on unsaved rows through the same clock functions the case page uses, so the date
    promised before saving is the date the case then shows.
    """
    case = Case(record_type=record_type, received_on=received_on)
    deadlines = []
    ack = acknowledgement_deadline(case)
    if ack:
        deadlines.append(ack)
    if case.procedure.has_stages:
        stage = Stage(number=1, started_on=received_on, requested_on=received_on)
        first = stage_deadline(case, stage)
        if first:
            deadlines.append(first)
    return sorted(deadlines, key=lambda d: d.due_on)


def deadline_rows(case: Case, today: dt.date, *, stage_number: int | None = None) -> list[dict]:
    """The case's open deadlines, soonest first, each with its words ("3 working days
    left", "2 working days overdue") and whether it is overdue or due soon; only the
    stage's, for ``stage_number``. ``internal`` is the same deadline counted without the
    council's closure days, where any falls before it (``None`` otherwise)."""
    rows = []
    deadlines = [
        d for d in open_deadlines(case) if stage_number is None or d.stage_number == stage_number
    ]
    closures = closure_days() if deadlines else frozenset()
    for deadline in deadlines:
        internal = internal_target(deadline, closures)
        left = working_days_left(today, deadline.due_on, deadline.clock.calendar)
        rows.append(
            {
                "what": deadline.what,
                "due_on": deadline.due_on,
                "words": describe_deadline(today, deadline.due_on, deadline.clock.calendar),
                "overdue": left < 0,
                "soon": 0 <= left <= 2,
                "internal": internal if internal != deadline.due_on else None,
            }
        )
    return rows
