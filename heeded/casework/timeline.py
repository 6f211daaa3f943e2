"""The case's timeline: events, contacts and documents merged in the order they happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from heeded.calendars.dates import long_date
from heeded.cases.clocks import deadline_passed_when_extended
from heeded.cases.models import Case, EventKind


@dataclass(frozen=True)
class Entry:
    on: dt.date
    at: dt.datetime  # for ordering within a day
    title: str
    text: str = ""
    by: object = None
    stage_number: int | None = None
    link: str = ""
    link_text: str = ""
    kind: str = ""
    imported: bool = False  # written by an import, whose own entry says when

    @property
    def recorded_on(self) -> dt.date | None:
        """The day it was keyed, when that is not the day it happened (a receipt or a
        response entered later): the timeline is an audit trail, so it says both."""
        keyed = timezone.localdate(self.at)
        return keyed if keyed != self.on and not self.imported else None


def _title(event, procedure) -> str:
    kind = EventKind(event.kind)
    if kind is EventKind.RECORDED:
        # Dated the day it was received; when it was keyed is shown beside (recorded_on).
        return "Received"
    if kind in _CASE_RECORDS and event.new_value:
        return _CASE_RECORDS[kind](event.old_value, event.new_value)
    rule = procedure.stage(event.stage_number) if event.stage_number else None
    if rule is not None and not rule.numbered:
        return _unnumbered_title(event, kind, rule)
    stage = f"Stage {event.stage_number}: " if event.stage_number else ""
    if kind is EventKind.STAGE_RESPONDED and event.new_value:
        return f"{stage}responded to, {event.new_value.lower()}"
    if kind is EventKind.STAGE_EXTENDED and event.new_value:
        new = dt.date.fromisoformat(event.new_value)
        return f"{stage}deadline extended to {long_date(new)}"
    if kind is EventKind.STAGE_STARTED:
        return f"Stage {event.stage_number} started" if event.stage_number else "Started"
    return f"{stage}{kind.label}" if not stage else f"{stage}{kind.label.lower()}"


def _ombudsman_decision(old: str, new: str) -> str:
    """What the Ombudsman decided, and when it is corrected, what it was before: the
    timeline is the audit trail, and "Ombudsman decision" three times told none of it."""
    if not old:
        return f"Ombudsman decision: {new}"
    if old == new:
        return f"Ombudsman decision corrected: {new}"
    return f"Ombudsman decision changed from {old} to {new}"


def _payment(old: str, new: str) -> str:
    # An import's "no payment was made" carries £0.00: its text says so, not the title.
    return "Payment recorded" if new == "£0.00" else f"Payment of {new} recorded"


# Events on the case as a whole whose title says what was recorded (held in new_value).
_CASE_RECORDS = {
    EventKind.OMBUDSMAN_RECEIVED: lambda old, new: f"Ombudsman enquiry received, reference {new}",
    EventKind.OMBUDSMAN_DECIDED: _ombudsman_decision,
    EventKind.PAYMENT: _payment,
}


def agreed_date_title(new: dt.date, *, changed: bool) -> str:
    """A response date agreed with the complainant (adult social care), or changed."""
    if changed:
        return f"Agreed response date changed to {long_date(new)}"
    return f"Response date agreed: {long_date(new)}"


def _unnumbered_title(event, kind: EventKind, rule) -> str:
    """An FOI request's one stage is its response: its events are not "Stage 1" events."""
    if kind is EventKind.STAGE_STARTED:
        return f"{rule.response.what} clock started"
    if kind is EventKind.STAGE_RESPONDED:
        outcome = event.new_value if event.new_value not in ("", "Responded") else ""
        return f"Responded, {outcome.lower()}" if outcome else "Responded"
    if kind is EventKind.STAGE_EXTENDED and event.new_value:
        new = dt.date.fromisoformat(event.new_value)
        if rule.response.agreed:
            # Adult social care: the date is agreed with the complainant, not extended.
            return agreed_date_title(new, changed=bool(event.old_value))
        return f"Deadline extended to {long_date(new)}"
    return kind.label


def _text(event, procedure) -> str:
    # A stage's start is described by the stage's name: no news under "Response clock started".
    rule = procedure.stage(event.stage_number) if event.stage_number else None
    if event.kind == EventKind.STAGE_STARTED and rule and not rule.numbered:
        return "" if event.description == rule.name else event.description
    return event.description


def _imported(events) -> set:
    # An import writes a case's events at one instant, with an "Imported" event of its own.
    return {e.recorded_at for e in events if e.kind == EventKind.IMPORTED}


def _passed(event, stages: dict) -> dt.date | None:
    """The deadline that had passed when this extension was agreed (None if in time, or
    not an extension)."""
    stage = stages.get(event.stage_number)
    if event.kind != EventKind.STAGE_EXTENDED or stage is None:
        return None
    previous = dt.date.fromisoformat(event.old_value) if event.old_value else None
    return deadline_passed_when_extended(stage, event.happened_on, previous)


def late_extensions(case: Case) -> dict[int, tuple[dt.date, dt.date]]:
    """Stages whose latest extension was agreed after the deadline had passed, as {stage
    number: (the day it was agreed, the deadline that had passed)}. An imported extension
    is left out: the day it was agreed was not recorded."""
    events = case.events.all()
    imports = _imported(events)
    stages = {s.number: s for s in case.stages.all()}
    late = {}
    for e in sorted(events, key=lambda e: (e.happened_on, e.recorded_at)):
        if e.kind != EventKind.STAGE_EXTENDED or e.recorded_at in imports:
            continue
        passed = _passed(e, stages)
        late[e.stage_number] = (e.happened_on, passed) if passed else None
    return {number: when for number, when in late.items() if when}


def _extension_text(event, stages: dict, text: str, procedure) -> str:
    passed = _passed(event, stages)
    if passed is None:
        return text
    rule = procedure.stage(event.stage_number)
    if rule is not None and rule.response.agreed:
        # Adult social care: no deadline ran out, a date agreed with the complainant did.
        return (
            f"Agreed after the date agreed before ({long_date(passed)}) had passed. {text}".strip()
        )
    return f"Agreed after the deadline of {long_date(passed)} had passed. {text}".strip()


def timeline(case: Case) -> list[Entry]:
    """Newest first. Uses the rows prefetched by ``selectors.for_case_page``."""
    procedure = case.procedure
    events = case.events.all()
    imports = _imported(events)
    stages = {s.number: s for s in case.stages.all()}
    entries = [
        Entry(
            on=e.happened_on,
            at=e.recorded_at,
            title=_title(e, procedure),
            text=_text(e, procedure)
            if e.recorded_at in imports
            else _extension_text(e, stages, _text(e, procedure), procedure),
            by=e.by,
            stage_number=e.stage_number,
            kind=e.kind,
            imported=e.recorded_at in imports and e.kind != EventKind.IMPORTED,
        )
        for e in events
    ]
    for c in case.contacts.all():
        entries.append(
            Entry(
                on=timezone.localdate(c.happened_at),
                at=c.happened_at,
                # "Contact from us: Telephone": the council's label for how, as it is written.
                title=f"Contact {c.get_direction_display().lower()}: {c.method.label}"
                + (f" ({c.with_whom})" if c.with_whom else ""),
                text=c.summary,
                by=c.by,
                kind="contact",
            )
        )
    for d in case.documents.all():
        entries.append(
            Entry(
                on=timezone.localdate(d.uploaded_at),
                at=d.uploaded_at,
                title="Document added",
                text=d.description,
                by=d.uploaded_by,
                link=reverse("casework:document", kwargs={"reference": case.reference, "pk": d.pk}),
                link_text=d.original_name,
                kind="document",
            )
        )
    return sorted(entries, key=lambda e: (e.on, e.at), reverse=True)
