"""The deadlines a new representation will have, shown as soon as the date received is typed."""

from __future__ import annotations

import datetime as dt

from heeded.cases.clocks import Deadline, acknowledgement_deadline, stage_deadline
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
