"""Writing valid rows as cases, in bulk, so that they look just as if recorded in Heeded.

Each chunk of rows becomes a handful of multi-row INSERTs (cases, their history, stages and
theirs, timeline events, multi-valued links, payments), never a save per row. Deadlines come
from the same functions the application uses (``heeded.cases.clocks``), applied the way
``actions.refresh_clocks`` applies them, on the rows in memory before they are inserted.

Rules the file does not spell out, decided here:

* Stage rows. A record type whose procedure has stages always gets Stage 1 (as when recorded
  in the application). Any other stage, including every stage of a type with no procedure
  (a compliment, a case concern), is created only when the file gives its dates; such a stage
  has no statutory clock, so no deadline.
* Stage 2's date is the date its clock started (the spec's meaning); it is stored as the
  request date, or as the date the statement was agreed when the organisation counts from
  that (Organisation.stage2_clock_start), the other being not recorded.
* A stage already answered keeps the deadline it had while it was open, as in the
  application (refresh_clocks leaves an answered stage's due date alone).
* Events the file gives no date for (an extension being agreed, the Ombudsman's decision,
  a payment) are dated the day of the import and say so.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from heeded.cases import bulk
from heeded.cases.clocks import open_deadlines, stage_deadline
from heeded.cases.models import Case, CaseEvent, EventKind, Payment, Stage, StageOutcome
from heeded.organisation.models import Organisation, Stage2ClockStart

from .columns import BOOLEAN_FIELDS, CODE_FIELDS, DATE_FIELDS, MULTI_FIELDS, STAGES
from .validation import CaseRow, StageDates

BATCH = 2_000
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
CASE_FIELDS_SET = (
    list(CODE_FIELDS.values()) + list(DATE_FIELDS.values()) + list(BOOLEAN_FIELDS.values())
)
DERIVED = ["current_stage", "next_deadline", "next_deadline_what"]


class Writer:
    def __init__(self, *, by, file_name: str, today: dt.date):
        self.by = by
        self.reason = f"Imported from {file_name}"
        self.today = today
        self.organisation = Organisation.current()

    # --- new cases -------------------------------------------------------------------------

    def create(self, rows: list[CaseRow]) -> None:
        if not rows:
            return
        now = timezone.now()
        cases, stages, payments, events = [], [], [], []
        for row, pk in zip(rows, bulk.reserve_ids(Case, len(rows)), strict=True):
            case = Case(pk=pk, reference=row.reference, created_by=self.by, version=1)
            self._set_fields(case, row)
            case_stages = [self._new_stage(case, s) for s in row.stages.values()]
            self._refresh_clocks(case, case_stages)
            cases.append(case)
            stages += case_stages
            if row.values.get("payment_amount"):
                payments.append(self._payment(case, row.values["payment_amount"]))
            events += self._events(case, row, previous=None)
            events.append(self._event(case, EventKind.IMPORTED, self.today, self.reason))
        for objects, model in ((stages, Stage), (payments, Payment)):
            for obj, pk in zip(objects, bulk.reserve_ids(model, len(objects)), strict=True):
                obj.pk = pk
        for model, objects in ((Case, cases), (Stage, stages), (Payment, payments)):
            bulk.insert_objects(model, objects, now=now)
            bulk.insert_history(model, objects, by=self.by, reason=self.reason, now=now)
        self._insert_events(events, now)
        self._link(cases, rows, replace=False)

    # --- existing cases --------------------------------------------------------------------

    def update(self, rows: list[CaseRow]) -> None:
        if not rows:
            return
        by_reference = {
            case.reference: case
            for case in Case.objects.select_for_update()
            .filter(reference__in=[row.reference for row in rows])
            .select_related("record_type")
        }
        existing_stages: dict[int, dict[int, Stage]] = {}
        for stage in Stage.objects.filter(case__in=by_reference.values()):
            existing_stages.setdefault(stage.case_id, {})[stage.number] = stage
        cases, changed_stages, new_stages, gone_stages, payments, events = [], [], [], [], [], []
        for row in rows:
            case = by_reference[row.reference]
            self._set_fields(case, row)
            case.version += 1
            had = existing_stages.get(case.pk, {})
            kept = []
            for number in STAGES:
                wanted, stage = row.stages.get(number), had.get(number)
                if wanted and stage:
                    self._set_stage(stage, wanted)
                    changed_stages.append(stage)
                    kept.append(stage)
                elif wanted:
                    stage = self._new_stage(case, wanted)
                    new_stages.append(stage)
                    kept.append(stage)
                elif stage:
                    gone_stages.append(stage)
            self._refresh_clocks(case, kept)
            cases.append(case)
            now, before = row.canonical(), row.previous.cells
            if now["payment_amount"] != before.get("payment_amount"):
                for payment in Payment.objects.filter(case=case):
                    self._delete(payment)
                if row.values.get("payment_amount"):
                    payments.append(self._payment(case, row.values["payment_amount"]))
            events += self._events(case, row, previous=row.previous)
            changed = [name for name, text in now.items() if before.get(name) != text]
            events.append(
                self._event(
                    case,
                    EventKind.IMPORTED,
                    self.today,
                    f"Updated from {self.reason[len('Imported from ') :]}: " + ", ".join(changed),
                )
            )
        for stage in gone_stages:
            self._delete(stage)
        fields = CASE_FIELDS_SET + DERIVED + ["version"]
        bulk_update_with_history(
            cases,
            Case,
            fields,
            batch_size=BATCH,
            default_user=self.by,
            default_change_reason=self.reason,
        )
        if changed_stages:
            bulk_update_with_history(
                changed_stages,
                Stage,
                [
                    "started_on",
                    "requested_on",
                    "statement_agreed_on",
                    "extended_to",
                    "responded_on",
                    "outcome",
                    "due_on",
                ],
                batch_size=BATCH,
                default_user=self.by,
                default_change_reason=self.reason,
            )
        self._insert(Stage, new_stages)
        self._insert(Payment, payments)
        self._insert_events(events, timezone.now())
        self._link(cases, rows, replace=True)

    # --- pieces ----------------------------------------------------------------------------

    def _set_fields(self, case: Case, row: CaseRow) -> None:
        v = row.values
        for column, field in {**CODE_FIELDS, **DATE_FIELDS, **BOOLEAN_FIELDS}.items():
            if column in row.cells:
                setattr(case, field, v.get(column))

    def _new_stage(self, case: Case, dates: StageDates) -> Stage:
        stage = Stage(case=case, number=dates.number)
        self._set_stage(stage, dates)
        return stage

    def _set_stage(self, stage: Stage, dates: StageDates) -> None:
        stage.started_on = dates.started_on
        if (
            dates.number == 2
            and self.organisation.stage2_clock_start == Stage2ClockStart.STATEMENT_AGREED
        ):
            stage.statement_agreed_on = dates.started_on
        else:
            stage.requested_on = dates.started_on
        stage.extended_to = dates.extended_to
        stage.responded_on = dates.responded_on
        stage.outcome = dates.outcome

    def _refresh_clocks(self, case: Case, stages: list[Stage]) -> None:
        """What actions.refresh_clocks stores, worked out on the rows in memory.

        The clock functions read the case's stages through ``case.stages.all()``: the case
        already has its key (reserved), so its stages are given to it as prefetched rows.
        """
        case._prefetched_objects_cache = {"stages": stages}
        for stage in stages:
            # An answered stage keeps the deadline it had while it was open.
            responded, stage.responded_on = stage.responded_on, None
            deadline = stage_deadline(case, stage, self.organisation)
            stage.responded_on = responded
            stage.due_on = deadline.due_on if deadline else None
        case.current_stage = max((s.number for s in stages), default=0)
        upcoming = open_deadlines(case, self.organisation)
        case.next_deadline = upcoming[0].due_on if upcoming else None
        case.next_deadline_what = upcoming[0].what if upcoming else ""
        del case._prefetched_objects_cache

    def _payment(self, case: Case, amount) -> Payment:
        return Payment(case=case, amount=amount, paid_on=None, recorded_by=self.by)

    def _insert(self, model, objects: list) -> None:
        for obj, pk in zip(objects, bulk.reserve_ids(model, len(objects)), strict=True):
            obj.pk = pk
        now = timezone.now()
        bulk.insert_objects(model, objects, now=now)
        bulk.insert_history(model, objects, by=self.by, reason=self.reason, now=now)

    def _insert_events(self, events: list[tuple], now) -> None:
        recorded_at = CaseEvent._meta.get_field("recorded_at").get_db_prep_save(now, connection)
        bulk.insert_tuples(
            CaseEvent._meta.db_table,
            EVENT_COLUMNS,
            [event[:3] + (recorded_at,) + event[3:] for event in events],
        )

    def _delete(self, obj) -> None:
        obj._history_user = self.by
        obj._change_reason = self.reason
        obj.delete()

    def _link(self, cases: list[Case], rows: list[CaseRow], *, replace: bool) -> None:
        """The multi-valued columns, straight into the M2M through tables."""
        for column, field in MULTI_FIELDS.items():
            relation = getattr(Case, field)
            through = relation.through
            target = relation.field.m2m_reverse_field_name()
            ids = [c.pk for c, row in zip(cases, rows, strict=True) if column in row.cells]
            if replace and ids:
                through.objects.filter(case_id__in=ids).delete()
            source = through._meta.get_field(relation.field.m2m_field_name()).column
            target_column = through._meta.get_field(target).column
            links = [
                (case.pk, term.pk)
                for case, row in zip(cases, rows, strict=True)
                for term in row.values.get(column) or ()
            ]
            bulk.insert_tuples(through._meta.db_table, [source, target_column], links)

    def _event(self, case, kind, on, description="", stage_number=None, old="", new=""):
        """A timeline row, as the tuple EVENT_COLUMNS less recorded_at."""
        return (
            case.pk,
            str(kind),
            on,
            self.by.pk if self.by else None,
            stage_number,
            description,
            str(old)[:200],
            str(new)[:200],
        )

    def _events(self, case: Case, row: CaseRow, previous: CaseRow | None) -> list[CaseEvent]:
        """The timeline the application would have written, less what is already there."""
        events = self._story(case, row)
        if previous is None:
            return events
        before = {_key(e) for e in self._story(case, previous)}
        return [e for e in events if _key(e) not in before]

    def _story(self, case: Case, row: CaseRow) -> list[CaseEvent]:
        v = row.values
        record_type, received = v["record_type"], v["received_on"]
        first_type = v.get("converted_from") or record_type
        story = [
            self._event(
                case,
                EventKind.RECORDED,
                received,
                f"{first_type.label} received",
                new=first_type.label,
            )
        ]
        if v.get("converted_on"):
            story.append(
                self._event(
                    case,
                    EventKind.CONVERTED,
                    v["converted_on"],
                    f"{first_type.label} became {record_type.label.lower()}",
                    old=first_type.label,
                    new=record_type.label,
                )
            )
        if v.get("acknowledged_on"):
            story.append(self._event(case, EventKind.ACKNOWLEDGED, v["acknowledged_on"]))
        procedure = case.procedure
        withdrawn_on = None
        for number, stage in row.stages.items():
            rule = procedure.stage(number)
            story.append(
                self._event(
                    case,
                    EventKind.STAGE_STARTED,
                    stage.started_on,
                    rule.name if rule else f"Stage {number}",
                    number,
                )
            )
            if stage.extended_to:
                story.append(
                    self._event(
                        case,
                        EventKind.STAGE_EXTENDED,
                        self.today,
                        "Extension imported; the date it was agreed and its reason were "
                        "not recorded",
                        number,
                        new=stage.extended_to.isoformat(),
                    )
                )
            if stage.responded_on and stage.outcome == StageOutcome.WITHDRAWN:
                withdrawn_on = stage.responded_on
                story.append(
                    self._event(case, EventKind.WITHDRAWN, stage.responded_on, stage_number=number)
                )
            elif stage.responded_on:
                label = StageOutcome(stage.outcome).label if stage.outcome else "Responded"
                story.append(
                    self._event(
                        case,
                        EventKind.STAGE_RESPONDED,
                        stage.responded_on,
                        stage_number=number,
                        new=label,
                    )
                )
        if v.get("lgsco_received_on"):
            story.append(self._event(case, EventKind.OMBUDSMAN_RECEIVED, v["lgsco_received_on"]))
        if v.get("lgsco_decision"):
            story.append(
                self._event(
                    case,
                    EventKind.OMBUDSMAN_DECIDED,
                    self.today,
                    "Decision imported; the date of the decision was not recorded",
                    new=v["lgsco_decision"].label,
                )
            )
        if v.get("payment_amount"):
            story.append(
                self._event(
                    case,
                    EventKind.PAYMENT,
                    self.today,
                    "Payment imported; the date it was paid was not recorded",
                    new=f"£{v['payment_amount']:,.2f}",
                )
            )
        closed = v.get("closed_on")
        if record_type.code == "refused":
            reason = v.get("refusal_reason")
            story.append(
                self._event(
                    case,
                    EventKind.REFUSED,
                    closed or received,
                    f"Refused: {reason.label}" if reason else "Refused",
                    new=reason.label if reason else "",
                )
            )
        elif closed and closed != withdrawn_on:
            story.append(self._event(case, EventKind.CLOSED, closed))
        return story


def _key(event: tuple) -> tuple:
    # kind, stage number, date, new value
    return (event[1], event[4], event[2], event[7])
