"""Editing a case's details safely when two people have it open."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..clocks import latest_extension
from ..models import Case, EventKind, Stage
from ._base import (
    ProcedureError,
    locked,
    long_date,
    record_event,
    require,
    require_known_year,
    require_not_before,
    require_remedial_details,
    save_case,
    save_with_history,
    staff_name,
)
from .clocks import refresh_clocks
from .recording import MULTI_VALUED

# Details an officer may correct from the case page. Dates that drive clocks (stage dates,
# closure) change only through their own actions, so the procedure's rules always apply.
EDITABLE = (
    "how_received",
    "complainant_type",
    "young_person",
    "via_professional",
    "summary",
    "received_on",
    "acknowledged_on",
    "remedial_action",
    "remedial_action_details",
    "lessons_learned",
    "learning_for_report",
    "advocacy_provider",
)


# Kept up to date by the actions themselves: a change to them is not news to the reader.
# Nor are who stopped the reminders and when: the line above them says it ("Reminders
# stopped by Priya Shah"); why is still told.
NOT_NEWS = (
    "version",
    "current_stage",
    "next_deadline",
    "next_deadline_what",
    "reminders_stopped_on",
    "reminders_stopped_by",
)


def changes_since(case: Case, version: int) -> list[str]:
    """Plain words for what changed after ``version``, to show the second editor:
    "Assigned by Priya Shah", then "Case officer: none became Daniel Okafor"; and what
    each action changed on a stage ("Stage 1 outcome: none became Upheld"), which the
    case's own history does not hold."""
    newer = case.history.filter(version__gt=version).order_by("history_date")
    opened = case.history.filter(version=version).values_list("history_date", flat=True)
    # Without the record of the version opened (a case imported without history), when its
    # stages changed since cannot be told: only the case's own changes are.
    stages = (
        Stage.history.filter(case_id=case.pk, history_date__gt=max(opened)).order_by("history_date")
        if opened
        else ()
    )
    return history_in_words(
        newer.select_related("history_user"),
        skip=NOT_NEWS,
        stages=stages,
        stage_called=lambda number: _stage_called(case, number),
    )


def _stage_called(case: Case, number: int) -> str:
    """ "Stage 1 " before what changed on a numbered stage; nothing on an FOI request's or an
    MP's enquiry's one stage, whose "Stage 1 outcome" was a stage they never heard of."""
    rule = case.procedure.stage(number)
    return "" if rule is not None and not rule.numbered else f"Stage {number} "


def history_in_words(records, *, skip=(), stages=(), stage_called=None) -> list[str]:
    """Each history record, oldest first, as who did what ("Details corrected by Priya
    Shah") and then each detail it changed, from what to what. ``stages``: the stages'
    history records, oldest first; each is told under the first record saved after it (an
    action saves its stage, then the case, in one transaction); ``stage_called`` names a
    stage before what changed on it ("Stage 1 ")."""
    stages = list(stages)
    lines = []
    for record in records:
        who = staff_name(record.history_user) or "someone"
        lines.append(f"{record.history_change_reason or 'Changed'} by {who}")
        while stages and stages[0].history_date <= record.history_date:
            stage = stages.pop(0)
            called = stage_called(stage.number) if stage_called else f"Stage {stage.number} "
            lines += _diff_in_words(stage, skip=STAGE_NOT_NEWS, called=called)
        lines += _diff_in_words(record, skip=skip)
    return lines


# Kept for the interchange format only: not something an officer did.
STAGE_NOT_NEWS = ("start_implied",)


def _diff_in_words(record, *, skip, called: str = "") -> list[str]:
    """What a history record changed since the one before it: "Outcome: none became
    Upheld", or with ``called`` "Stage 1 outcome: ..."; nothing for a new row (its
    action's name says it: "Stage 2 started")."""
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    lines = []
    for change in record.diff_against(previous).changes:
        if change.field in skip:
            continue
        field = model._meta.get_field(change.field)
        label = called + field.verbose_name
        old, new = _in_words(field, change.old), _in_words(field, change.new)
        lines.append(f"{label[:1].upper()}{label[1:]}: {old} became {new}")
    return lines


def _in_words(field, value) -> str:
    """A stored value as the case page shows it: a name for a code or a person, a date in
    words, yes or no. One query for a code or person (only when two people collided)."""
    if value is None or value == "":
        return "none"
    if field.is_relation:
        found = field.related_model._default_manager.filter(pk=value).first()
        if found is None:
            return str(value)
        return staff_name(found) if hasattr(found, "get_full_name") else str(found)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field.choices:
        # "Telephone", as the form offered it, not the stored "telephone".
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, dt.date):
        return long_date(value)
    return f"'{value}'"


def update_details(case: Case, *, by, expected_version: int, **changes) -> Case:
    """Save edited details, refusing if someone else saved the case in the meantime."""
    multi = {name: changes.pop(name) for name in MULTI_VALUED if name in changes}
    not_editable = set(changes) - set(EDITABLE)
    if not_editable:
        raise ProcedureError(
            f"These details cannot be edited here: {', '.join(sorted(not_editable))}"
        )
    with transaction.atomic():
        case = locked(case, expected_version)
        received = None  # (old, new, the stage whose start moves with it) when corrected
        if "received_on" in changes and changes["received_on"] != case.received_on:
            require_known_year(changes["received_on"], "received", "received_on")
            received = (
                case.received_on,
                changes["received_on"],
                _check_received(case, changes["received_on"]),
            )
        if changes.get("acknowledged_on"):
            require_known_year(
                changes["acknowledged_on"], "of the acknowledgement", "acknowledged_on"
            )
            require_not_before(
                changes["acknowledged_on"],
                changes.get("received_on", case.received_on),
                "of the acknowledgement",
                "the date received",
                "acknowledged_on",
            )
        if "summary" in changes:
            # Recording will not start without what it is about; a correction may reword it
            # but not empty it (an imported case recorded without one may stay so).
            require(
                bool(changes["summary"].strip()) or not case.summary.strip(),
                "Enter the summary of what it is about",
                "summary",
            )
        if changes.get("remedial_action") and not case.remedial_action:
            # Only when Yes is new: a case imported with Yes and no details stays editable.
            require_remedial_details(
                True, changes.get("remedial_action_details", case.remedial_action_details)
            )
        changed = [name for name, value in changes.items() if getattr(case, name) != value]
        for name, value in changes.items():
            setattr(case, name, value)
        for name, values in multi.items():
            current = set(getattr(case, name).values_list("pk", flat=True))
            if current != {v.pk for v in values}:
                getattr(case, name).set(values)
                changed.append(name)
        told = _move_with_received(case, *received, by=by) if received else ""
        if changed:
            # The date received says what it was and became (its field's name, "received
            # on", would say less); the others are named.
            others = [n for n in changed if not (told and n == "received_on")]
            labels = ", ".join(Case._meta.get_field(n).verbose_name for n in others)
            parts = [f"Changed: {labels}" if labels else "", told]
            record_event(
                case,
                EventKind.EDITED,
                by=by,
                on=case.updated_at.date(),
                description=". ".join(part for part in parts if part),
            )
        refresh_clocks(case)
        save_case(case, by, "Details changed")
    return case


def _check_received(case: Case, new: dt.date) -> Stage | None:
    """The stage whose start moves with a corrected date received, if any, refusing a date
    that contradicts what is recorded.

    Stage 1 counts from receipt: when it started on the date received (not on a conversion),
    it moves with the correction, either way. Otherwise the date received cannot be after
    the first stage's start. A later date is refused when something recorded happened
    before it (an acknowledgement, a contact, a response...), naming the earliest.
    """
    old = case.received_on
    first = case.stages.order_by("started_on", "number").first()
    follows = (
        first is not None
        and first.number == 1
        and case.converted_on is None
        and first.started_on == old
    )
    if first is not None and not follows and new > first.started_on:
        raise ProcedureError(
            f"The date received cannot be after {_started(case, first)} "
            f"({long_date(first.started_on)}).",
            "received_on",
        )
    if new > old:
        before = [(when, what) for when, what in _recorded(case, first) if when < new]
        if before:
            when, what = min(before, key=lambda pair: pair[0])
            raise ProcedureError(
                f"The date received cannot be after {what} ({long_date(when)}).", "received_on"
            )
    return first if follows else None


def _recorded(case: Case, first: Stage | None) -> list[tuple[dt.date, str]]:
    """Every dated thing recorded on the case but its receipt and Stage 1's start (those
    move with a correction), with how a refusal names it; rows first, then the timeline's
    other entries (a note, an assignment), so that a tie is named by the row."""
    dated = [
        (timezone.localtime(case.created_at).date(), "the day it was recorded"),
        (case.acknowledged_on, "the acknowledgement"),
        (case.converted_on, "the change of record type"),
        (case.advocacy_offered_on, "the offer of advocacy"),
        (case.ombudsman_received_on, "the Ombudsman's enquiry"),
        (case.ombudsman_decided_on, "the Ombudsman's decision"),
        (case.closed_on, "the closure"),
    ]
    for stage in case.stages.all():
        rule = case.procedure.stage(stage.number)
        named = rule is None or rule.numbered
        # "the Stage 2 response"; an FOI request's one stage is just "the response".
        of = f"Stage {stage.number} " if named else ""
        if stage.pk != getattr(first, "pk", None):
            dated += [
                (stage.requested_on, f"the request for {of or 'it'}".rstrip()),
                (stage.started_on, f"the start of {of or 'it'}".rstrip()),
            ]
        dated += [
            (stage.statement_agreed_on, f"the {of}statement of complaint"),
            (stage.acknowledged_on, f"the {of}acknowledgement"),
            (stage.panel_held_on, "the review panel"),
            (stage.panel_report_on, "the panel's report"),
            (stage.delay_explained_on, "telling the complainant why there is no response yet"),
            (stage.responded_on, f"the {of}response"),
        ]
    for contact in case.contacts.all():
        whom = f" with {contact.with_whom}" if contact.with_whom else ""
        dated.append((timezone.localtime(contact.happened_at).date(), f"the contact{whom}"))
    dated += [
        (paid_on, "a remedy payment") for paid_on in case.payments.values_list("paid_on", flat=True)
    ]
    moving = Q(kind=EventKind.RECORDED) | Q(kind=EventKind.STAGE_STARTED, stage_number=1)
    for event in case.events.exclude(moving).order_by("happened_on"):
        dated.append((event.happened_on, f"'{EventKind(event.kind).label}' in the timeline"))
    return [(when, what) for when, what in dated if when is not None]


def _move_with_received(case: Case, old: dt.date, new: dt.date, stage: Stage | None, *, by):
    """Date the timeline's "Received" (and Stage 1's start, when it counts from receipt) by
    the corrected date, and say so for the timeline's entry of the change."""
    case.events.filter(kind=EventKind.RECORDED, happened_on=old).update(happened_on=new)
    told = f"Date received: {long_date(old)} became {long_date(new)}"
    if stage is None:
        return told
    stage.started_on = new
    if stage.requested_on == old:
        stage.requested_on = new
    start = _start_called(case, stage)
    save_with_history(stage, by, f"{start[:1].upper()}{start[1:]} moved with the date received")
    case.events.filter(kind=EventKind.STAGE_STARTED, stage_number=1, happened_on=old).update(
        happened_on=new
    )
    refresh_clocks(case)
    stage.refresh_from_db()
    _require_extension_still_fits(case, stage, new)
    due = f" (now due {long_date(stage.due_on)})" if stage.due_on and not stage.responded_on else ""
    return f"{told}; {start} moved with it{due}"


def _require_extension_still_fits(case: Case, stage: Stage, new: dt.date) -> None:
    """An agreed extension stays later than the deadline and within the procedure's limit,
    counted from the corrected start."""
    if not stage.extended_to or stage.responded_on:
        return
    latest = latest_extension(case, stage)
    if (stage.due_on and stage.extended_to <= stage.due_on) or (
        latest and stage.extended_to > latest
    ):
        called = _start_called(case, stage).removesuffix("'s start").removesuffix(" start")
        raise ProcedureError(
            f"The date received cannot be {long_date(new)}: {called} was extended to "
            f"{long_date(stage.extended_to)}, which counted from that date is "
            + (
                f"no later than its deadline ({long_date(stage.due_on)})."
                if stage.due_on and stage.extended_to <= stage.due_on
                else f"later than it may be extended ({long_date(latest)})."
            ),
            "received_on",
        )


def _start_called(case: Case, stage: Stage) -> str:
    """ "Stage 1's start", or for an FOI request "the response clock's start"."""
    return f"{_clock(case, stage)}'s start"


def _started(case: Case, stage) -> str:
    """ "Stage 1 started"; for an FOI request, whose one stage is its response, "the
    response clock started", as its timeline says."""
    return f"{_clock(case, stage)} started"


def _clock(case: Case, stage) -> str:
    """ "Stage 1", or "the response clock"; a stage its procedure does not declare (an
    imported case) by its number."""
    rule = case.procedure.stage(stage.number)
    return rule.clock if rule is not None else f"Stage {stage.number}"


__all__ = ["changes_since", "update_details", "transaction"]
