"""What can be done to a case right now, by whom: the one list the case page offers, and
why anything else cannot be done.

Each move is declared once (``MOVES``): its label, its group, and one function that says why
it cannot be made now, or "" when it can. The case page offers the moves with nothing
against them; an action view refuses any other with that same reason, the words for someone
who followed an old link or whose colleague got there first. Everything is read from the
case's prefetched stages and its procedure's declaration (no query). The actions themselves
still check every rule (``heeded.cases.actions``): this decides which buttons appear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.timezone import localdate

from heeded.access.policies import can_record_cases
from heeded.calendars.working_days import add_working_days
from heeded.cases.actions._base import staff_name
from heeded.cases.clocks import delay_notice_deadline
from heeded.cases.models import Case
from heeded.procedures import StageRule
from heeded.workqueue.selectors import DUE_SOON_WORKING_DAYS

from . import reasons
from .reasons import Situation

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


@dataclass(frozen=True)
class Declared:
    """A move: its label and group now, and why it cannot be made now ("" when it can)."""

    slug: str
    group: str
    label: Callable[[Situation], str]
    cannot: Callable[[Situation], str]
    stage: Callable[[Situation], int | None] = lambda s: None
    primary: Callable[[Situation], bool] = lambda s: False


def _yes(s: Situation) -> bool:
    return True


def _label(text: str) -> Callable[[Situation], str]:
    return lambda s: text


def respond_label(rule: StageRule) -> str:
    """ "Record the Stage 1 response"; for an FOI request, "Record the response"."""
    return f"Record {rule.the_response}"


def extend_label(rule: StageRule, stage=None) -> str:
    """ "Extend Stage 1"; for an FOI request, "Extend the response deadline". Where the
    response period is agreed with the complainant (adult social care) there is no deadline
    to extend: "Agree a response date", then "Change the agreed response date"."""
    if rule.response.agreed:
        return (
            "Change the agreed response date"
            if stage and stage.extended_to
            else ("Agree a response date")
        )
    return f"Extend {rule.the_deadline}"


def _notice_falls_due(s: Situation) -> bool:
    """Telling the complainant why there is no response yet is due soon or overdue, as the
    dashboard counts them: a button beside the response's, not a link among the actions.
    Months before, it is only the date a response must beat."""
    notice = delay_notice_deadline(s.case, s.open_stage) if s.open_stage else None
    if notice is None:
        return False
    soon = add_working_days(localdate(), DUE_SOON_WORKING_DAYS, s.procedure.calendar)
    return notice.due_on <= soon


def _open_stage_number(s: Situation) -> int | None:
    return s.open_stage.number if s.open_stage else None


# Every move, in the order the case page lists them within their groups.
MOVES = [
    Declared("acknowledge", PROGRESS, _label("Acknowledge"), reasons.acknowledge, primary=_yes),
    Declared(
        "acknowledge-stage",
        PROGRESS,
        lambda s: f"Acknowledge Stage {s.open_stage.number}",
        reasons.acknowledge_stage,
        _open_stage_number,
        primary=_yes,
    ),
    Declared(
        "agree-statement",
        PROGRESS,
        _label("Record the agreed statement"),
        reasons.agree_statement,
        _open_stage_number,
    ),
    Declared(
        "panel-held",
        PROGRESS,
        _label("Record the panel meeting"),
        reasons.panel_held,
        _open_stage_number,
        primary=_yes,
    ),
    Declared(
        "panel-report",
        PROGRESS,
        _label("Record the panel's report"),
        reasons.panel_report,
        _open_stage_number,
        primary=_yes,
    ),
    Declared(
        "respond",
        PROGRESS,
        lambda s: respond_label(s.open_rule),
        reasons.respond,
        _open_stage_number,
        primary=_yes,
    ),
    Declared(
        "extend",
        PROGRESS,
        lambda s: extend_label(s.open_rule, s.open_stage),
        reasons.extend,
        _open_stage_number,
    ),
    Declared(
        "explain-delay",
        PROGRESS,
        lambda s: f"Record that the {s.procedure.asker} was told why there is no response yet",
        reasons.explain_delay,
        _open_stage_number,
        primary=_notice_falls_due,
    ),
    Declared(
        "start-stage",
        PROGRESS,
        lambda s: f"Start Stage {reasons.next_stage(s)}",
        reasons.start_stage,
        reasons.next_stage,
    ),
    Declared(
        "close",
        PROGRESS,
        _label("Close the case"),
        reasons.close,
        primary=lambda s: not s.procedure.has_stages or s.answered is not None,
    ),
    Declared("assign", PEOPLE, _label("Assign"), reasons.none),
    Declared("advocacy", PEOPLE, _label("Record advocacy"), reasons.advocacy),
    Declared(
        "remind",
        PEOPLE,
        _label("Remind the responding manager"),
        reasons.remind,
        _open_stage_number,
    ),
    # The complaints team's alone (not in RESPONDING_MANAGER_MOVES): a manager does not
    # stop their own chasing.
    Declared(
        "stop-reminders", PEOPLE, _label("Stop reminders on this case"), reasons.stop_reminders
    ),
    Declared("start-reminders", PEOPLE, _label("Start reminders again"), reasons.start_reminders),
    Declared("contact", RECORD, _label("Log a contact"), reasons.none),
    Declared("note", RECORD, _label("Add a note"), reasons.none),
    Declared("document", RECORD, _label("Upload a document"), reasons.none),
    Declared("payment", RECORD, _label("Record a payment"), reasons.not_for_the_ombudsman),
    Declared(
        "ombudsman-enquiry",
        RECORD,
        _label("Record an Ombudsman enquiry"),
        reasons.ombudsman_enquiry,
    ),
    Declared(
        "ombudsman-decision",
        RECORD,
        # Once recorded, the same move corrects it: said so, so that no one records it
        # "again" thinking it is a second decision.
        lambda s: (
            "Change the Ombudsman's decision"
            if s.case.ombudsman_decision_id
            else "Record the Ombudsman's decision"
        ),
        reasons.ombudsman_decision,
    ),
    Declared("edit", END, _label("Edit details"), reasons.none),
    Declared("convert", END, _label("Change the record type"), reasons.convert),
    Declared("refuse", END, _label("Refuse"), reasons.refuse),
    Declared("withdraw", END, lambda s: f"Withdrawn by the {s.procedure.asker}", reasons.withdraw),
    Declared("reopen", END, _label("Reopen"), reasons.reopen),
]
DECLARED = {move.slug: move for move in MOVES}


def _theirs(user, s: Situation, move: Declared) -> bool:
    """Whether ``user`` may make ``move`` on this case: the complaints team may make any; a
    responding manager only theirs, and on a stage only one given to them."""
    if can_record_cases(user):
        return True
    if move.slug not in RESPONDING_MANAGER_MOVES:
        return False
    number = move.stage(s)
    return number is None or any(
        stage.number == number and stage.responding_manager_id == user.pk for stage in s.stages
    )


def available_moves(case: Case, user) -> list[Move]:
    """Every move the procedure allows on ``case`` now, that ``user`` may make."""
    s = Situation(case)
    return [
        Move(move.slug, move.label(s), move.group, move.stage(s), move.primary(s))
        for move in MOVES
        if not move.cannot(s) and _theirs(user, s, move)
    ]


def why_not(case: Case, slug: str, user=None) -> str:
    """Why ``slug`` is not among the moves ``user`` may make on ``case`` now."""
    s = Situation(case)
    move = DECLARED[slug]
    reason = move.cannot(s)
    if reason:
        return reason
    if user is not None and not _theirs(user, s, move):
        number = move.stage(s)
        if number is None:
            return f"Only the complaints team can do that on {s.ref}."
        return (
            f"{s.procedure.stage_title(number)} of {s.ref} is given to another responding "
            "manager: they, or the complaints team, can record it."
        )
    return f"That cannot be done to {s.ref} now: the case has moved on. Check the timeline."


def complaints_team_only(case: Case, slug: str) -> str:
    """Why a responding manager may not make a move of the complaints team's, on the page
    refusing it: followed from a link, or typed, "Forbidden" alone left them guessing."""
    label = DECLARED[slug].label(Situation(case))
    officer = staff_name(case.assigned_officer) if case.assigned_officer_id else ""
    ask = f"{officer}, the case officer," if officer else "the complaints team"
    return (
        f"‘{label}’ is for the complaints team, not a responding manager. If {case.reference} "
        f"needs it, ask {ask} to do it. On a stage given to you, you can record its "
        "response, extend it, log contacts, add notes and upload documents."
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
