"""What can be done to a case right now, by whom: the one list the case page offers.

Derived from the case's state (its prefetched stages, so no queries) and its procedure's
declaration. The actions themselves still check every rule; this list only decides which
buttons appear, and the action views refuse a move that is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from heeded.access.policies import can_record_cases
from heeded.cases.actions import long_date
from heeded.cases.models import Case, StageOutcome

# Groups, in the order the case page shows them.
PROGRESS = "Move the case on"
PEOPLE = "People"
RECORD = "Record on the case"
END = "Finish or change"


# What a responding manager may do on the cases assigned to them; the rest is the
# complaints team's (recording, assigning, closing, refusing).
RESPONDING_MANAGER_MOVES = frozenset(
    {
        "agree-statement",
        "panel-held",
        "panel-report",
        "respond",
        "extend",
        "contact",
        "note",
        "document",
    }
)


@dataclass(frozen=True)
class Move:
    slug: str
    label: str
    group: str
    stage_number: int | None = None
    primary: bool = False


def _stages(case: Case):
    """The case's stages in order (prefetched: no query), and the one still open, if any."""
    stages = sorted(case.stages.all(), key=lambda s: s.number)
    return stages, next((s for s in stages if s.responded_on is None), None)


def available_moves(case: Case, user) -> list[Move]:
    """Every move the procedure allows on ``case`` now, that ``user`` may make."""
    procedure = case.procedure
    stages, open_stage = _stages(case)
    last = stages[-1] if stages else None
    officer = can_record_cases(user)
    is_open = case.closed_on is None
    refused = case.record_type.code == "refused"
    answered = any(s.responded_on for s in stages)
    moves: list[Move] = []

    def add(slug, label, group, stage=None, primary=False):
        if officer or slug in RESPONDING_MANAGER_MOVES:
            moves.append(Move(slug, label, group, stage, primary))

    if is_open and case.acknowledged_on is None and procedure.acknowledgement:
        add("acknowledge", "Acknowledge", PROGRESS, primary=True)
    if open_stage is not None and is_open:
        n = open_stage.number
        rule = procedure.stage(n)
        if rule.acknowledgement and open_stage.acknowledged_on is None:
            add("acknowledge-stage", f"Acknowledge Stage {n}", PROGRESS, n, primary=True)
        if n == 2 and open_stage.statement_agreed_on is None and rule.records_finding:
            add("agree-statement", "Record the agreed statement", PROGRESS, n)
        if rule.panel and open_stage.panel_held_on is None:
            add("panel-held", "Record the panel meeting", PROGRESS, n)
        elif rule.panel_report and open_stage.panel_report_on is None:
            add("panel-report", "Record the panel's report", PROGRESS, n)
        add("respond", f"Record the {rule.name.split(':')[0]} response", PROGRESS, n, True)
        if rule.response.max_limit is not None:
            add("extend", f"Extend {rule.name.split(':')[0]}", PROGRESS, n)
    if (
        last is not None
        and last.responded_on is not None
        and last.outcome != StageOutcome.WITHDRAWN
        and procedure.stage(last.number + 1) is not None
        and not refused
    ):
        add("start-stage", f"Start Stage {last.number + 1}", PROGRESS, last.number + 1)
    if is_open and open_stage is None and not refused:
        add("close", "Close the case", PROGRESS, primary=not procedure.has_stages or answered)

    add("assign", "Assign", PEOPLE)
    if procedure.code == "children_statutory":
        add("advocacy", "Record advocacy", PEOPLE)

    add("contact", "Log a contact", RECORD)
    add("note", "Add a note", RECORD)
    add("document", "Upload a document", RECORD)
    add("payment", "Record a payment", RECORD)
    if case.ombudsman_received_on is None:
        add("ombudsman-enquiry", "Record an Ombudsman enquiry", RECORD)
    else:
        add("ombudsman-decision", "Record the Ombudsman's decision", RECORD)

    add("edit", "Edit details", END)
    if is_open and not answered and not refused:
        add("convert", "Change the record type", END)
        if case.record_type.family == "statutory":
            add("refuse", "Refuse", END)
    if is_open and procedure.has_stages:
        add("withdraw", "Withdrawn by the complainant", END)
    if not is_open and not refused:
        add("reopen", "Reopen", END)
    return moves


# Moves on the stage that is open: with none open, the next stage must be started first.
STAGE_MOVES = (
    "respond",
    "extend",
    "acknowledge-stage",
    "agree-statement",
    "panel-held",
    "panel-report",
)


def why_not(case: Case, slug: str) -> str:
    """Why a move ``available_moves`` does not offer is not possible on ``case`` now: the
    words for someone who followed an old link, or whose colleague got there first."""
    _, open_stage = _stages(case)
    refused = case.record_type.code == "refused"
    closed = case.closed_on is not None
    ref = case.reference
    if closed and slug not in ("reopen", "edit", "contact", "note", "document", "payment"):
        closed_on = long_date(case.closed_on)
        return f"{ref} was closed on {closed_on}. Reopen it first if there is more to do."
    if refused and slug in ("close", "reopen", "start-stage", "convert", "refuse"):
        return f"{ref} was refused: it is not in the complaints procedure."
    reasons = {
        "reopen": f"{ref} is open: only a closed case can be reopened.",
        "acknowledge": (
            f"{ref} was acknowledged on {long_date(case.acknowledged_on)}."
            if case.acknowledged_on
            else f"{case.record_type.label} has no acknowledgement to record."
        ),
        "close": (
            f"Stage {open_stage.number} of {ref} is still open: record its response, or the "
            "complainant's withdrawal, before closing the case."
            if open_stage
            else ""
        ),
        "start-stage": (
            f"Stage {open_stage.number} of {ref} is still open: record its response first."
            if open_stage
            else f"{ref} has no answered stage to escalate from, or no further stage."
        ),
        "convert": f"A stage of {ref} has been answered: its record type can no longer change.",
        "refuse": f"A stage of {ref} has been answered: it can no longer be refused.",
        "ombudsman-enquiry": f"The Ombudsman's enquiry about {ref} is already recorded.",
        "ombudsman-decision": f"No Ombudsman enquiry about {ref} has been recorded yet.",
    }
    if slug in STAGE_MOVES and open_stage is None:
        return f"No stage of {ref} is open: start the next stage first."
    return reasons.get(slug) or (
        f"That cannot be done to {ref} now: the case has moved on. Check the timeline."
    )


def may_ever(user, slug: str) -> bool:
    """Whether ``user``'s role allows this kind of move at all (else 403, not "not now")."""
    return can_record_cases(user) or slug in RESPONDING_MANAGER_MOVES


def find_move(case: Case, user, slug: str) -> Move | None:
    return next((m for m in available_moves(case, user) if m.slug == slug), None)


def grouped(moves: list[Move]) -> list[tuple[str, list[Move]]]:
    order = (PROGRESS, PEOPLE, RECORD, END)
    return [
        (g, [m for m in moves if m.group == g]) for g in order if any(m.group == g for m in moves)
    ]
