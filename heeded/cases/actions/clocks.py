"""Keeping a case's stored deadlines in step with its dates."""

from __future__ import annotations

from ..clocks import open_deadlines, stage_deadline
from ..models import Case


def refresh_clocks(case: Case) -> None:
    """Recompute each open stage's statutory deadline and the case's next deadline.

    Called by every action after it changes dates, so what lists and dashboards filter on is
    never out of step with the procedure's declared clocks.
    """
    stages = list(case.stages.all())
    for stage in stages:
        deadline = stage_deadline(case, stage)
        due_on = deadline.due_on if deadline else (stage.due_on if stage.responded_on else None)
        if stage.due_on != due_on:
            stage.due_on = due_on
            stage.save(update_fields=["due_on"])
    case.current_stage = max((s.number for s in stages), default=0)
    upcoming = open_deadlines(case)
    case.next_deadline = upcoming[0].due_on if upcoming else None
    case.next_deadline_what = upcoming[0].what if upcoming else ""
