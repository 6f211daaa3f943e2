"""The timeline an imported case gets: the events the application would have written.

An event the file gives no date for (an extension being agreed, the Ombudsman's decision, a
payment, an outcome whose response date went unrecorded) is dated the day of the import and
says so.
"""

from __future__ import annotations

import datetime as dt

from heeded.cases.models import EventKind, StageOutcome
from heeded.procedures import procedure_for

from .validation import CaseRow

# The columns of a timeline row, in the order Timeline gives them.
EVENT_COLUMNS = [
    "case_id",
    "kind",
    "happened_on",
    "recorded_at",
    "by_id",
    "stage_number",
    "description",
    "old_value",
    "new_value",
]


class Timeline:
    """Timeline rows (tuples of EVENT_COLUMNS) for one import."""

    def __init__(self, *, by_pk: int | None, recorded_at, today: dt.date):
        self.by_pk = by_pk
        self.recorded_at = recorded_at  # as the database takes it
        self.today = today

    def event(self, case_pk, kind, on, description="", stage_number=None, old="", new=""):
        """A timeline row, as the tuple EVENT_COLUMNS."""
        return (
            case_pk,
            str(kind),
            on,
            self.recorded_at,
            self.by_pk,
            stage_number,
            description,
            str(old)[:200],
            str(new)[:200],
        )

    def events(self, case_pk: int, row: CaseRow, previous: CaseRow | None) -> list[tuple]:
        """The timeline the application would have written, less what is already there."""
        events = self.story(case_pk, row)
        if previous is None:
            return events
        before = {_key(e) for e in self.story(case_pk, previous)}
        return [e for e in events if _key(e) not in before]

    def story(self, case_pk: int, row: CaseRow) -> list[tuple]:
        v = row.values
        procedure = procedure_for(v["record_type"].procedure)
        story = self._received(case_pk, v)
        withdrawn_on = None
        for number, stage in row.stages.items():
            story += self._stage(case_pk, number, stage, procedure.stage(number))
            if stage.responded_on and stage.outcome == StageOutcome.WITHDRAWN:
                withdrawn_on = stage.responded_on
        story += self._ombudsman_and_payment(case_pk, v)
        story += self._end(case_pk, v, withdrawn_on)
        return story

    def _received(self, case_pk: int, v: dict) -> list[tuple]:
        """Received (as the type it first was), converted, acknowledged."""
        record_type = v["record_type"]
        first_type = v.get("converted_from") or record_type
        events = [
            self.event(
                case_pk,
                EventKind.RECORDED,
                v["received_on"],
                f"{first_type.label} received",
                new=first_type.label,
            )
        ]
        if v.get("converted_on"):
            events.append(
                self.event(
                    case_pk,
                    EventKind.CONVERTED,
                    v["converted_on"],
                    f"{first_type.label} became {record_type.label}",
                    old=first_type.label,
                    new=record_type.label,
                )
            )
        if v.get("acknowledged_on"):
            events.append(self.event(case_pk, EventKind.ACKNOWLEDGED, v["acknowledged_on"]))
        return events

    def _stage(self, case_pk: int, number: int, stage, rule) -> list[tuple]:
        """A stage started, extended, then withdrawn, responded to, or its outcome alone."""
        events = [
            self.event(
                case_pk,
                EventKind.STAGE_STARTED,
                stage.started_on,
                rule.name if rule else f"Stage {number}",
                number,
            )
        ]
        if stage.extended_to:
            events.append(
                self.event(
                    case_pk,
                    EventKind.STAGE_EXTENDED,
                    self.today,
                    "Extension imported; the date it was agreed and its reason were not recorded",
                    number,
                    new=stage.extended_to.isoformat(),
                )
            )
        if stage.responded_on and stage.outcome == StageOutcome.WITHDRAWN:
            events.append(
                self.event(case_pk, EventKind.WITHDRAWN, stage.responded_on, stage_number=number)
            )
        elif stage.responded_on:
            label = StageOutcome(stage.outcome).label if stage.outcome else "Responded"
            events.append(
                self.event(
                    case_pk,
                    EventKind.STAGE_RESPONDED,
                    stage.responded_on,
                    stage_number=number,
                    new=label,
                )
            )
        elif stage.outcome:
            label = StageOutcome(stage.outcome).label
            events.append(
                self.event(
                    case_pk,
                    EventKind.OUTCOMES_RECORDED,
                    self.today,
                    f"Outcome imported: {label}; the date of the response was not recorded",
                    number,
                    new=label,
                )
            )
        return events

    def _ombudsman_and_payment(self, case_pk: int, v: dict) -> list[tuple]:
        events = []
        if v.get("lgsco_received_on"):
            events.append(self.event(case_pk, EventKind.OMBUDSMAN_RECEIVED, v["lgsco_received_on"]))
        if v.get("lgsco_decision"):
            events.append(
                self.event(
                    case_pk,
                    EventKind.OMBUDSMAN_DECIDED,
                    self.today,
                    "Decision imported; the date of the decision was not recorded",
                    new=v["lgsco_decision"].label,
                )
            )
        amount = v.get("payment_amount")
        if amount is not None:
            events.append(
                self.event(
                    case_pk,
                    EventKind.PAYMENT,
                    self.today,
                    "Payment imported; the date it was paid was not recorded"
                    if amount
                    else "Imported: no payment was made",
                    new=f"£{amount:,.2f}",
                )
            )
        return events

    def _end(self, case_pk: int, v: dict, withdrawn_on: dt.date | None) -> list[tuple]:
        """Refused, or closed: a withdrawal that closed the case on its day has said so."""
        closed = v.get("closed_on")
        if v["record_type"].code == "refused":
            reason = v.get("refusal_reason")
            return [
                self.event(
                    case_pk,
                    EventKind.REFUSED,
                    closed or v["received_on"],
                    f"Refused: {reason.label}" if reason else "Refused",
                    new=reason.label if reason else "",
                )
            ]
        if closed and closed != withdrawn_on:
            return [self.event(case_pk, EventKind.CLOSED, closed)]
        return []


def _key(event: tuple) -> tuple:
    # kind, stage number, date, new value
    return (event[1], event[5], event[2], event[8])
