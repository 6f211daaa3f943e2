"""Why a move cannot be made on a case now, one function a move ("" when it can be).

``heeded.casework.moves`` declares each move with its function here: the case page offers
a move when it returns "", and an action view refuses it with the words it returns, for
someone who followed an old link or whose colleague got there first. Everything is read from
the case's prefetched stages and its procedure's declaration, without a query, except the
name of whoever answered a stage a moment ago.
"""

from __future__ import annotations

from functools import cached_property

from heeded.cases.actions import long_date, not_the_ombudsman, refused_words, stopped_words
from heeded.cases.clocks import latest_extension
from heeded.cases.models import Case, EventKind, Stage, StageOutcome
from heeded.cases.reminders import cannot_remind
from heeded.procedures import StageRule
from heeded.taxonomy.wording import in_sentence


class Situation:
    """A case as the moves read it, worked out once from its prefetched stages."""

    def __init__(self, case: Case):
        self.case = case
        self.procedure = case.procedure
        self.stages: list[Stage] = sorted(case.stages.all(), key=lambda s: s.number)
        self.ref = case.reference
        self.kind = f"{case.reference} ({case.record_type.label})"
        self.is_open = case.closed_on is None
        self.refused = case.record_type.code == "refused"

    @cached_property
    def open_stage(self) -> Stage | None:
        """The first stage not answered yet, among the stages the procedure declares. A stage
        it does not (an imported compliment's "Stage 1") is history, with no moves of its own
        and nothing to hold the case open."""
        return next(
            (
                s
                for s in self.stages
                if s.responded_on is None and self.procedure.stage(s.number) is not None
            ),
            None,
        )

    @property
    def open_rule(self) -> StageRule | None:
        return self.procedure.stage(self.open_stage.number) if self.open_stage else None

    @cached_property
    def answered(self) -> Stage | None:
        """The first stage answered, if any: once one is, the case cannot change type."""
        return next((s for s in self.stages if s.responded_on), None)

    @property
    def last(self) -> Stage | None:
        return self.stages[-1] if self.stages else None


# Reasons shared by many moves -------------------------------------------------------------


def _refused(s: Situation) -> str:
    # A refused case is never reopened, so "reopen it first" is never the advice for one.
    return refused_words(s.case) if s.refused else ""


def _closed(s: Situation) -> str:
    if s.is_open:
        return ""
    return _refused(s) or (
        f"{s.ref} was closed on {long_date(s.case.closed_on)}. Reopen it first if there is "
        "more to do."
    )


def not_for_the_ombudsman(s: Situation) -> str:
    # Declared by the procedure: an information request goes to the Information Commissioner.
    reason = not_the_ombudsman(s.case)
    return f"{reason}." if reason else ""


def _on_the_open_stage(s: Situation, slug: str) -> str:
    """Why a move on the open stage cannot be made at all now: the case is closed, its
    procedure has no stages, the stage the move belongs to has not started, or none is open."""
    if reason := _closed(s):
        return reason
    if not s.procedure.has_stages:
        return f"{s.kind} has no stages to respond to or extend: close it when it is dealt with."
    if reason := _not_started(s, slug):
        return reason
    if s.open_stage is None:
        if slug == "respond" and s.stages:
            return _already_answered(s.case, s.stages[-1])
        return f"No stage of {s.ref} is open: start the next stage first."
    return ""


def _not_started(s: Situation, slug: str) -> str:
    """ "Stage 3 has not started": the move belongs to a later stage than the case is at."""
    procedure = s.procedure
    if slug in ("panel-held", "panel-report"):
        belongs = next((r for r in procedure.stages if r.panel), None)
        if belongs is None:
            return f"The {procedure.name} has no review panel."
        step = "the review panel meets"
    elif slug == "agree-statement":
        belongs = next((r for r in procedure.stages if r.statement_of_complaint), None)
        if belongs is None:
            return f"The {procedure.name} has no statement of complaint."
        step = "the statement of complaint is agreed"
    else:
        return ""
    if belongs is None or any(stage.number >= belongs.number for stage in s.stages):
        return ""
    at = f"{s.ref} is at {procedure.stage_title(s.stages[-1].number)}, and " if s.stages else ""
    return f"{belongs.title} has not started: {at}{step} at {belongs.title}."


def _already_answered(case: Case, stage: Stage) -> str:
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


def _still_open(s: Situation, then: str) -> str:
    stage, rule = s.open_stage, s.open_rule
    if not rule.numbered:
        return f"The {in_sentence(rule.title)} to {s.ref} is not recorded yet: record it {then}."
    if then == "first":
        return f"Stage {stage.number} of {s.ref} is still open: record its response first."
    return (
        f"Stage {stage.number} of {s.ref} is still open: record its response, or the "
        f"complainant's withdrawal, {then}."
    )


def _stage_name(s: Situation) -> str:
    return s.procedure.stage_title(s.open_stage.number)


# Each move's reasons, in the order they are told ------------------------------------------


def acknowledge(s: Situation) -> str:
    if reason := _closed(s):
        return reason
    if s.case.acknowledged_on:
        return f"{s.ref} was acknowledged on {long_date(s.case.acknowledged_on)}."
    if not s.procedure.acknowledgement:
        return f"{s.kind} has no acknowledgement to record."
    if s.answered:
        # Once a response has gone, an acknowledgement has nothing left to promise.
        return (
            f"{s.ref} was answered on {long_date(s.answered.responded_on)}: there is no "
            "acknowledgement left to send."
        )
    return ""


def acknowledge_stage(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "acknowledge-stage"):
        return reason
    if s.open_stage.acknowledged_on:
        return (
            f"{_stage_name(s)} of {s.ref} was acknowledged on "
            f"{long_date(s.open_stage.acknowledged_on)}."
        )
    if not s.open_rule.acknowledgement:
        return f"{_stage_name(s)} of {s.ref} has no separate acknowledgement."
    return ""


def agree_statement(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "agree-statement"):
        return reason
    if s.open_stage.statement_agreed_on:
        return (
            "The statement of complaint was agreed on "
            f"{long_date(s.open_stage.statement_agreed_on)}."
        )
    if not s.open_rule.statement_of_complaint:
        return f"{_stage_name(s)} has no statement of complaint."
    return ""


def panel_held(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "panel-held"):
        return reason
    if not s.open_rule.panel:
        return f"{_stage_name(s)} has no review panel."
    if s.open_stage.panel_held_on:
        return f"The review panel meeting on {long_date(s.open_stage.panel_held_on)} is recorded."
    return ""


def explain_delay(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "explain-delay"):
        return reason
    if not s.open_rule.warning:
        return f"{_stage_name(s)} has no notice of delay: its deadline is the one to meet."
    if s.open_stage.delay_explained_on:
        return (
            f"The {s.procedure.asker} was told why on {long_date(s.open_stage.delay_explained_on)}."
        )
    return ""


def panel_report(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "panel-report"):
        return reason
    if not s.open_rule.panel_report:
        return f"{_stage_name(s)} has no review panel report."
    if s.open_rule.panel and s.open_stage.panel_held_on is None:
        return "Record the panel meeting first: its report comes after it."
    if s.open_stage.panel_report_on:
        return f"The panel's report of {long_date(s.open_stage.panel_report_on)} is recorded."
    return ""


def respond(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "respond"):
        return reason
    # A review panel's stage is answered by the authority's response to its report.
    if s.open_rule.panel and s.open_stage.panel_held_on is None:
        return "Record the panel meeting first: the response follows the panel's report."
    if s.open_rule.panel_report and s.open_stage.panel_report_on is None:
        return "Record the panel's report first: the response answers its recommendations."
    return ""


def extend(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "extend"):
        return reason
    response = s.open_rule.response
    if not response.extendable:
        return response.cannot_be_extended
    return _extended_as_far_as_allowed(s)


def _extended_as_far_as_allowed(s: Situation) -> str:
    """An extension already at the procedure's maximum leaves nothing to agree: the form
    could only refuse every date, so the move is not offered and says why."""
    stage, rule = s.open_stage, s.open_rule
    latest = latest_extension(s.case, stage)
    if stage.extended_to is None or latest is None or stage.extended_to < latest:
        return ""
    return (
        f"{rule.called} of {s.ref} is already extended to {long_date(stage.extended_to)}, "
        f"the latest allowed ({rule.response.max_limit} {rule.response.unit} from "
        f"{s.procedure.counts_from(rule.response)}; {rule.response.cited})."
    )


def next_stage(s: Situation) -> int:
    return s.last.number + 1 if s.last else 1


def start_stage(s: Situation) -> str:
    if reason := _refused(s):
        return reason
    if len(s.procedure.stages) < 2:
        return f"{s.kind} has one stage only: there is no further stage to start."
    if s.open_stage is not None:
        return _still_open(s, "first")
    last = s.last
    if last is None or last.responded_on is None:
        return f"{s.ref} has no answered stage to escalate from."
    if last.outcome == StageOutcome.WITHDRAWN:
        return (
            f"{s.procedure.stage_title(last.number)} of {s.ref} was withdrawn: there is no "
            "response to escalate from."
        )
    if s.procedure.stage(last.number + 1) is None:
        return f"{s.ref} has been through every stage of the {s.procedure.name}."
    return ""


def close(s: Situation) -> str:
    if reason := _refused(s) or _closed(s):
        return reason
    if s.open_stage is not None:
        return _still_open(s, "before closing the case")
    return ""


def advocacy(s: Situation) -> str:
    if s.procedure.code == "children_statutory":
        return ""
    return f"Advocacy is recorded on Children Act 1989 complaints; {s.kind} is not one."


def ombudsman_enquiry(s: Situation) -> str:
    if reason := not_for_the_ombudsman(s):
        return reason
    if s.case.ombudsman_received_on is not None:
        return f"The Ombudsman's enquiry about {s.ref} is already recorded."
    return ""


def ombudsman_decision(s: Situation) -> str:
    if reason := not_for_the_ombudsman(s):
        return reason
    if s.case.ombudsman_received_on is None:
        return f"No Ombudsman enquiry about {s.ref} has been recorded yet."
    return ""


def convert(s: Situation) -> str:
    if reason := _refused(s) or _closed(s):
        return reason
    if s.answered:
        return f"A stage of {s.ref} has been answered: its record type can no longer change."
    return ""


def refuse(s: Situation) -> str:
    if reason := _refused(s) or _closed(s):
        return reason
    if s.answered:
        return f"A stage of {s.ref} has been answered: it can no longer be refused."
    if s.case.record_type.family != "statutory":
        return f"Only a statutory complaint can be refused: {s.kind} is not one."
    return ""


def withdraw(s: Situation) -> str:
    if reason := _closed(s):
        return reason
    if not s.procedure.has_stages:
        return f"{s.kind} has no procedure to withdraw from: close it instead."
    return ""


def reopen(s: Situation) -> str:
    if reason := _refused(s):
        return reason
    if s.is_open:
        return f"{s.ref} is open: only a closed case can be reopened."
    return ""


def remind(s: Situation) -> str:
    if reason := _on_the_open_stage(s, "remind"):
        return reason
    if s.open_stage.responding_manager_id is None:
        return (
            f"No responding manager is assigned to {_stage_name(s)} of {s.ref}: assign one "
            "before reminding them."
        )
    return cannot_remind(s.open_stage.responding_manager)


def stop_reminders(s: Situation) -> str:
    stageless = (
        ""
        if s.procedure.has_stages
        else f"{s.kind} has no stages, so no responding manager is reminded about it."
    )
    stopped = (
        f"{stopped_words(s.case)}: they are already stopped on {s.ref}."
        if s.case.reminders_stopped
        else ""
    )
    return _closed(s) or stageless or stopped


def start_reminders(s: Situation) -> str:
    chased = f"Reminders are not stopped on {s.ref}: its responding managers are chased."
    return _closed(s) or ("" if s.case.reminders_stopped else chased)


def none(s: Situation) -> str:
    """A move that can always be made (a note, a contact, a document)."""
    return ""
