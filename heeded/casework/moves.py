"""What can be done to a case right now, by whom: the one list the case page offers.

Derived from the case's state (its prefetched stages, so no queries) and its procedure's
declaration. The actions themselves still check every rule; this list only decides which
buttons appear, and the action views refuse a move that is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from heeded.access.policies import can_record_cases
from heeded.cases.actions import long_date, not_the_ombudsman
from heeded.cases.models import Case, EventKind, StageOutcome
from heeded.procedures import StageRule
from heeded.taxonomy.wording import in_sentence

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


def respond_label(rule: StageRule) -> str:
    """ "Record the Stage 1 response"; for an FOI request, "Record the response"."""
    if rule.numbered:
        return f"Record the {rule.title} response"
    return f"Record the {in_sentence(rule.title)}"


def extend_label(rule: StageRule) -> str:
    """ "Extend Stage 1"; for an FOI request, "Extend the response deadline"."""
    if rule.numbered:
        return f"Extend {rule.title}"
    return f"Extend the {in_sentence(rule.title)} deadline"


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
    # A responding manager moves on only the stages given to them.
    their_stages = {s.number for s in stages if s.responding_manager_id == user.pk}
    moves: list[Move] = []

    def add(slug, label, group, stage=None, primary=False):
        theirs = slug in RESPONDING_MANAGER_MOVES and (stage is None or stage in their_stages)
        if officer or theirs:
            moves.append(Move(slug, label, group, stage, primary))

    # Once a response has gone, an acknowledgement has nothing left to promise.
    if is_open and case.acknowledged_on is None and procedure.acknowledgement and not answered:
        add("acknowledge", "Acknowledge", PROGRESS, primary=True)
    if open_stage is not None and is_open:
        n = open_stage.number
        rule = procedure.stage(n)
        if rule.acknowledgement and open_stage.acknowledged_on is None:
            add("acknowledge-stage", f"Acknowledge Stage {n}", PROGRESS, n, primary=True)
        if n == 2 and open_stage.statement_agreed_on is None and rule.records_finding:
            add("agree-statement", "Record the agreed statement", PROGRESS, n)
        if rule.panel and open_stage.panel_held_on is None:
            add("panel-held", "Record the panel meeting", PROGRESS, n, primary=True)
        elif rule.panel_report and open_stage.panel_report_on is None:
            add("panel-report", "Record the panel's report", PROGRESS, n, primary=True)
        else:
            # A review panel's stage is answered by the authority's response to its report.
            add("respond", respond_label(rule), PROGRESS, n, True)
        if rule.response.max_limit is not None:
            add("extend", extend_label(rule), PROGRESS, n)
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
    # Declared by the procedure: an information request goes to the Information Commissioner.
    if procedure.has_ombudsman:
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
        add("withdraw", f"Withdrawn by the {procedure.asker}", END)
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
    stages, open_stage = _stages(case)
    procedure = case.procedure
    refused = case.record_type.code == "refused"
    closed = case.closed_on is not None
    ref = case.reference
    kind = f"{ref} ({case.record_type.label})"
    recording = ("edit", "contact", "note", "document", "payment")
    # A refused case is never reopened, so "reopen it first" is never the advice for one.
    never_for_refused = ("close", "reopen", "start-stage", "convert", "refuse")
    if refused and (slug in never_for_refused or (closed and slug not in recording)):
        return f"{ref} was refused: it is not in the complaints procedure."
    if closed and slug not in ("reopen", *recording):
        closed_on = long_date(case.closed_on)
        return f"{ref} was closed on {closed_on}. Reopen it first if there is more to do."
    if slug in ("payment", "ombudsman-enquiry", "ombudsman-decision") and not (
        procedure.has_ombudsman
    ):
        return f"{not_the_ombudsman(case)}."
    if slug in STAGE_MOVES:
        if not procedure.has_stages:
            return f"{kind} has no stages to respond to or extend: close it when it is dealt with."
        not_started = _not_started(case, slug, stages)
        if not_started:
            return not_started
        if open_stage is None:
            if slug == "respond" and stages:
                return _already_answered(case, stages[-1])
            return f"No stage of {ref} is open: start the next stage first."
        return _why_not_on_stage(case, slug, open_stage)
    answered = next((s for s in stages if s.responded_on), None)
    reasons = {
        "reopen": f"{ref} is open: only a closed case can be reopened.",
        "acknowledge": (
            f"{ref} was acknowledged on {long_date(case.acknowledged_on)}."
            if case.acknowledged_on
            else f"{kind} has no acknowledgement to record."
        ),
        "close": _still_open(case, open_stage, "before closing the case") if open_stage else "",
        "start-stage": (
            f"{kind} has one stage only: there is no further stage to start."
            if len(procedure.stages) < 2
            else _still_open(case, open_stage, "first")
            if open_stage
            else f"{ref} has no answered stage to escalate from, or no further stage."
        ),
        "convert": (
            f"A stage of {ref} has been answered: its record type can no longer change."
            if answered
            else ""
        ),
        "refuse": (
            f"A stage of {ref} has been answered: it can no longer be refused."
            if answered
            else f"Only a statutory complaint can be refused: {kind} is not one."
        ),
        "withdraw": f"{kind} has no procedure to withdraw from: close it instead.",
        "advocacy": f"Advocacy is recorded on Children Act 1989 complaints; {kind} is not one.",
        "ombudsman-enquiry": f"The Ombudsman's enquiry about {ref} is already recorded.",
        "ombudsman-decision": f"No Ombudsman enquiry about {ref} has been recorded yet.",
    }
    return reasons.get(slug) or (
        f"That cannot be done to {ref} now: the case has moved on. Check the timeline."
    )


def _already_answered(case: Case, stage) -> str:
    """ "Stage 1 of CS-2026-01127 was responded to on 4 December 2026 (recorded by Lucy
    Foster)": for someone whose colleague recorded the response while they typed theirs."""
    rule = case.procedure.stage(stage.number)
    event = (
        case.events.filter(kind=EventKind.STAGE_RESPONDED, stage_number=stage.number)
        .select_related("by")
        .order_by("-recorded_at", "-id")
        .first()
    )
    who = (event.by.get_full_name() or event.by.username) if event and event.by else ""
    recorded = f" (recorded by {who})" if who else ""
    what = f"{rule.title} of {case.reference}" if rule and rule.numbered else case.reference
    return f"{what} was responded to on {long_date(stage.responded_on)}{recorded}."


def _still_open(case: Case, stage, then: str) -> str:
    rule = case.procedure.stage(stage.number)
    if rule is not None and not rule.numbered:
        return (
            f"The {in_sentence(rule.title)} to {case.reference} is not recorded yet: "
            f"record it {then}."
        )
    if then == "first":
        return f"Stage {stage.number} of {case.reference} is still open: record its response first."
    return (
        f"Stage {stage.number} of {case.reference} is still open: record its response, or the "
        f"complainant's withdrawal, {then}."
    )


def _not_started(case: Case, slug: str, stages) -> str:
    """ "Stage 3 has not started": the move belongs to a later stage than the case is at."""
    procedure = case.procedure
    if slug in ("panel-held", "panel-report"):
        belongs = next((r for r in procedure.stages if r.panel), None)
        if belongs is None:
            return f"The {procedure.name} has no review panel."
        step = "the review panel meets"
    elif slug == "agree-statement":
        belongs, step = procedure.stage(2), "the statement of complaint is agreed"
    else:
        return ""
    if belongs is None or any(s.number >= belongs.number for s in stages):
        return ""
    at = (
        f"{case.reference} is at {case.procedure.stage_title(stages[-1].number)}, and "
        if stages
        else ""
    )
    return f"{belongs.title} has not started: {at}{step} at {belongs.title}."


def _why_not_on_stage(case: Case, slug: str, stage) -> str:
    """Why a move on the open stage is not offered: the stage it belongs to has not started,
    it is already done, or this procedure has no such step."""
    procedure = case.procedure
    rule = procedure.stage(stage.number)
    ref = case.reference
    name = procedure.stage_title(stage.number)
    if slug in ("panel-held", "panel-report"):
        if slug == "panel-held" and stage.panel_held_on:
            return f"The review panel meeting on {long_date(stage.panel_held_on)} is recorded."
        if slug == "panel-report":
            if stage.panel_held_on is None:
                return "Record the panel meeting first: its report comes after it."
            if stage.panel_report_on:
                return f"The panel's report of {long_date(stage.panel_report_on)} is recorded."
    if slug == "acknowledge-stage":
        if stage.acknowledged_on:
            return f"{name} of {ref} was acknowledged on {long_date(stage.acknowledged_on)}."
        return f"{name} of {ref} has no separate acknowledgement."
    if slug == "agree-statement":
        if stage.statement_agreed_on:
            return (
                f"The statement of complaint was agreed on {long_date(stage.statement_agreed_on)}."
            )
        return f"{name} has no statement of complaint."
    if slug == "extend" and rule.response.max_limit is None:
        return (
            f"The {in_sentence(rule.response.what)} deadline cannot be extended: "
            f"{rule.response.source}."
        )
    return f"That cannot be done to {ref} now: the case has moved on. Check the timeline."


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
