"""Writing valid rows as cases, in bulk, so that they look just as if recorded in Heeded.

Each chunk of rows is built in memory as rows of each table (cases, their history, stages
and theirs, timeline events, multi-valued links, payments: ``build``, no query), then stored
as one bulk insert a table (``store``: COPY on PostgreSQL), never a save per row; the
import stores one chunk while it checks the next. Deadlines come
from the same functions the application uses (``heeded.cases.clocks``), applied the way
``actions.refresh_clocks`` applies them, on the rows in memory before they are inserted.

Rules the file does not spell out, decided here:

* Stage rows. A record type whose procedure has stages always gets Stage 1 (as when recorded
  in the application). Any other stage, including every stage of a type with no procedure
  (a compliment, a case concern), is created only when the file gives its dates; such a stage
  has no statutory clock, so no deadline.
* Stage 2's date is the date its clock started (the spec's meaning); it is stored as the
  request date, or as the date the statement was agreed when the organisation counts from
  that (Organisation.stage2_clock_start), the other being not recorded. Only a Stage 2 with
  a statement of complaint (the children's procedure) can count from one: a corporate
  Stage 2's date is always its request, as when started in the application.
* Stage 1's start, left empty, is the spec's default (a complaint's conversion date, else
  the date received), remembered as such (Stage.start_implied): the export leaves it empty
  again, and an update that corrects those dates moves it with them.
* A stage already answered keeps the deadline it had while it was open, as in the
  application (refresh_clocks leaves an answered stage's due date alone).
* The timeline is written as the application would have written it (timeline.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from operator import attrgetter

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from heeded.cases import bulk
from heeded.cases.clocks import open_deadlines, stage_deadline
from heeded.cases.models import Case, CaseEvent, EventKind, Payment, Stage
from heeded.organisation.models import Organisation, Stage2ClockStart
from heeded.procedures import Procedure, procedure_for

from .columns import BOOLEAN_FIELDS, CODE_FIELDS, DATE_FIELDS, MULTI_FIELDS, STAGES
from .timeline import EVENT_COLUMNS, Timeline
from .validation import CaseRow, StageDates

BATCH = 2_000
CASE_FIELDS_SET = (
    list(CODE_FIELDS.values()) + list(DATE_FIELDS.values()) + list(BOOLEAN_FIELDS.values())
)
DERIVED = ["current_stage", "next_deadline", "next_deadline_what"]
# What a new case's row is built from (every other column takes its default), in order.
CASE_GIVEN = [
    "id",
    "reference",
    *(Case._meta.get_field(f).attname for f in CODE_FIELDS.values()),
    *DATE_FIELDS.values(),
    *BOOLEAN_FIELDS.values(),
    *DERIVED,
    "version",
    "created_by_id",
]
# A stage's columns a file sets (directly, or through its clock).
STAGE_SET = [
    "started_on",
    "start_implied",
    "requested_on",
    "statement_agreed_on",
    "extended_to",
    "responded_on",
    "outcome",
    "due_on",
]
STAGE_GIVEN = ["id", "case_id", "number", *STAGE_SET]
PAYMENT_GIVEN = ["id", "case_id", "amount", "recorded_by_id"]


@dataclass
class Batch:
    """One chunk, built: (table, columns, rows) to store in order; the keys of the new rows
    whose history the database then copies, by model; the cases to update."""

    tables: list[tuple[str, list[str], list[tuple]]] = dataclasses.field(default_factory=list)
    created: dict[type, list[int]] = dataclasses.field(default_factory=dict)
    updating: list[CaseRow] = dataclasses.field(default_factory=list)


@dataclass(slots=True)
class NewStage:
    """A stage about to be inserted: its columns, and all the clock functions read of it."""

    number: int
    started_on: dt.date
    start_implied: bool
    requested_on: dt.date | None
    statement_agreed_on: dt.date | None
    extended_to: dt.date | None
    responded_on: dt.date | None
    outcome: str
    due_on: dt.date | None = None
    # A file never gives these: an imported stage's acknowledgement and panel are unrecorded.
    acknowledged_on: None = None
    panel_held_on: None = None
    panel_report_on: None = None
    delay_explained_on: None = None


class _Stages(list):
    """A case's stages as ``case.stages.all()`` gives them to the clock functions."""

    def all(self):
        return self


@dataclass(slots=True)
class CaseClocks:
    """What the clock functions (heeded.cases.clocks) read of a case: a row's dates."""

    procedure: Procedure
    received_on: dt.date
    converted_on: dt.date | None
    acknowledged_on: dt.date | None
    closed_on: dt.date | None
    stages: _Stages


class Writer:
    def __init__(self, *, by, file_name: str, today: dt.date):
        self.by = by
        self.reason = f"Imported from {file_name}"
        self.today = today
        self.organisation = Organisation.current()
        self.by_pk = by.pk if by else None
        # One import is recorded at one moment: its rows' created and history times.
        self.now = timezone.now()
        recorded_at = CaseEvent._meta.get_field("recorded_at").get_db_prep_save(
            self.now, connection
        )
        self.timeline = Timeline(by_pk=self.by_pk, recorded_at=recorded_at, today=today)
        self.ids = {model: bulk.IdPool(model) for model in (Case, Stage, Payment)}

    def reserve(self, cases: int) -> None:
        """Keys enough for ``cases`` new cases, taken before build() (which asks no query)."""
        self.ids[Case].reserve(cases)
        self.ids[Stage].reserve(cases * len(STAGES))
        self.ids[Payment].reserve(cases)

    def build(self, creating: list[CaseRow], updating: list[CaseRow]) -> Batch:
        """The rows to store for one chunk, worked out without touching the database."""
        batch = Batch(updating=updating)
        if creating:
            self._new_rows(creating, batch)
        return batch

    def store(self, batch: Batch) -> None:
        """Store a built chunk (the import runs this beside the next chunk's check)."""
        with bulk.foreign_keys_checked_at_once():
            for table, columns, rows in batch.tables:
                bulk.insert_tuples(table, columns, rows)
            for model, ids in batch.created.items():
                bulk.copy_history(model, ids, by=self.by, reason=self.reason, now=self.now)
            self.update(batch.updating)

    # --- new cases -------------------------------------------------------------------------

    def _new_rows(self, rows: list[CaseRow], batch: Batch) -> None:
        """New cases as rows of each table, built as tuples: no model instance is made (one
        costs more to build than the database spends storing its row)."""
        case_ids = self.ids[Case].take(len(rows))
        stages, payments, events = [], [], []
        cases = [
            self._new_case(pk, row, stages, payments, events)
            for pk, row in zip(case_ids, rows, strict=True)
        ]
        self._add(batch, Case, CASE_GIVEN, cases)
        self._add(batch, Stage, STAGE_GIVEN, self._stage_values(stages))
        self._add(batch, Payment, PAYMENT_GIVEN, self._payment_values(payments))
        batch.tables.append((CaseEvent._meta.db_table, EVENT_COLUMNS, events))
        batch.tables += self._links(case_ids, rows)

    def _new_case(self, pk: int, row: CaseRow, stages, payments, events) -> tuple:
        """CASE_GIVEN's values for the row, adding its stages, payment and timeline."""
        new_stages = [self._new_stage(row, dates) for dates in row.stages.values()]
        derived = self._refresh_clocks(row, new_stages)
        stages += [(pk, stage) for stage in new_stages]
        if row.values.get("payment_amount") is not None:
            payments.append((pk, row.values["payment_amount"]))
        events += self.timeline.events(pk, row, previous=None)
        events.append(self.timeline.event(pk, EventKind.IMPORTED, self.today, self.reason))
        return self._case_values(pk, row, derived)

    def _case_values(self, pk: int, row: CaseRow, derived: tuple) -> tuple:
        """CASE_GIVEN's values for a new case."""
        v = row.values
        # A term's id, not its pk: pk is a property, a Python call for every code of a file.
        codes = tuple([term.id if term else None for term in map(v.get, CODE_FIELDS)])
        return (
            (pk, row.reference)
            + codes
            + tuple(map(v.get, DATE_FIELDS))
            + tuple(map(v.get, BOOLEAN_FIELDS))
            + derived
            + (1, self.by_pk)
        )

    def _stage_values(self, stages: list[tuple[int, NewStage]]) -> list[tuple]:
        """STAGE_GIVEN's values for each (case key, new stage)."""
        ids = self.ids[Stage].take(len(stages))
        stage_set = attrgetter(*STAGE_SET)
        return [
            (pk, case_pk, stage.number, *stage_set(stage))
            for pk, (case_pk, stage) in zip(ids, stages, strict=True)
        ]

    def _payment_values(self, payments: list[tuple]) -> list[tuple]:
        amount = Payment._meta.get_field("amount")
        ids = self.ids[Payment].take(len(payments))
        return [
            (pk, case_pk, amount.get_db_prep_save(value, connection), self.by_pk)
            for pk, (case_pk, value) in zip(ids, payments, strict=True)
        ]

    def _add(self, batch: Batch, model, given: list[str], values: list[tuple]) -> None:
        """Rows of ``model``'s table (``given`` starts with the key), and their history."""
        if values:
            table = bulk.TableRows(model, given, now=self.now)
            batch.tables.append((table.table, table.columns, list(map(table.row, values))))
            batch.created[model] = [value[0] for value in values]

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
        existing_payments: dict[int, list[Payment]] = {}
        for payment in Payment.objects.filter(case__in=by_reference.values()):
            existing_payments.setdefault(payment.case_id, []).append(payment)
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
                    self._set_stage(stage, row, wanted)
                    changed_stages.append(stage)
                    kept.append(stage)
                elif wanted:
                    stage = Stage(case=case, number=number)
                    self._set_stage(stage, row, wanted)
                    new_stages.append(stage)
                    kept.append(stage)
                elif stage:
                    gone_stages.append(stage)
            derived = self._refresh_clocks(row, kept)
            case.current_stage, case.next_deadline, case.next_deadline_what = derived
            cases.append(case)
            now, before = row.canonical(), row.previous.cells
            if now["payment_amount"] != before.get("payment_amount"):
                for payment in existing_payments.get(case.pk, []):
                    self._delete(payment)
                if row.values.get("payment_amount") is not None:
                    payments.append(self._payment(case, row.values["payment_amount"]))
            events += self.timeline.events(case.pk, row, previous=row.previous)
            changed = [name for name, text in now.items() if before.get(name) != text]
            events.append(
                self.timeline.event(
                    case.pk,
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
                STAGE_SET,
                batch_size=BATCH,
                default_user=self.by,
                default_change_reason=self.reason,
            )
        self._insert(Stage, new_stages)
        self._insert(Payment, payments)
        bulk.insert_tuples(CaseEvent._meta.db_table, EVENT_COLUMNS, events)
        self._relink([case.pk for case in cases], rows)

    # --- pieces ----------------------------------------------------------------------------

    def _set_fields(self, case: Case, row: CaseRow) -> None:
        v = row.values
        for column, field in {**CODE_FIELDS, **DATE_FIELDS, **BOOLEAN_FIELDS}.items():
            if column in row.cells:
                setattr(case, field, v.get(column))

    def _new_stage(self, row: CaseRow, dates: StageDates) -> NewStage:
        return NewStage(
            dates.number,
            dates.started_on,
            dates.start_implied,
            *self._clock_start(row, dates),
            dates.extended_to,
            dates.responded_on,
            dates.outcome,
        )

    def _set_stage(self, stage: Stage, row: CaseRow, dates: StageDates) -> None:
        stage.started_on = dates.started_on
        stage.start_implied = dates.start_implied
        requested_on, statement_agreed_on = self._clock_start(row, dates)
        if statement_agreed_on:
            stage.statement_agreed_on = statement_agreed_on
        else:
            stage.requested_on = requested_on
        stage.extended_to = dates.extended_to
        stage.responded_on = dates.responded_on
        stage.outcome = dates.outcome

    def _clock_start(
        self, row: CaseRow, dates: StageDates
    ) -> tuple[dt.date | None, dt.date | None]:
        """The stage's requested_on and statement_agreed_on: which one its date is."""
        rule = procedure_for(row.values["record_type"].procedure).stage(dates.number)
        if (
            rule is not None
            and rule.statement_of_complaint
            and self.organisation.stage2_clock_start == Stage2ClockStart.STATEMENT_AGREED
        ):
            return None, dates.started_on
        return dates.started_on, None

    def _refresh_clocks(self, row: CaseRow, stages: list) -> tuple:
        """What actions.refresh_clocks stores, worked out on the rows in memory.

        Sets each stage's due_on and gives the case's current_stage, next_deadline and
        next_deadline_what, from the same clock functions, given the row's dates.
        """
        v = row.values
        case = CaseClocks(
            procedure_for(v["record_type"].procedure),
            v["received_on"],
            v.get("converted_on"),
            v.get("acknowledged_on"),
            v.get("closed_on"),
            _Stages(stages),
        )
        for stage in stages:
            # An answered stage keeps the deadline it had while it was open.
            responded, stage.responded_on = stage.responded_on, None
            deadline = stage_deadline(case, stage, self.organisation)
            stage.responded_on = responded
            stage.due_on = deadline.due_on if deadline else None
        upcoming = open_deadlines(case, self.organisation)
        return (
            max((s.number for s in stages), default=0),
            upcoming[0].due_on if upcoming else None,
            upcoming[0].what if upcoming else "",
        )

    def _payment(self, case: Case, amount) -> Payment:
        return Payment(case=case, amount=amount, paid_on=None, recorded_by=self.by)

    def _insert(self, model, objects: list) -> None:
        for obj, pk in zip(objects, bulk.reserve_ids(model, len(objects)), strict=True):
            obj.pk = pk
        bulk.insert_objects(model, objects, now=self.now)
        bulk.insert_history(model, objects, by=self.by, reason=self.reason, now=self.now)

    def _delete(self, obj) -> None:
        obj._history_user = self.by
        obj._change_reason = self.reason
        obj.delete()

    def _links(self, case_ids: list[int], rows: list[CaseRow]) -> list:
        """The multi-valued columns, as rows of the M2M through tables."""
        tables = []
        for column, field in MULTI_FIELDS.items():
            relation = getattr(Case, field)
            through = relation.through
            source = through._meta.get_field(relation.field.m2m_field_name()).column
            target = through._meta.get_field(relation.field.m2m_reverse_field_name()).column
            links = [
                (pk, term.id)
                for pk, row in zip(case_ids, rows, strict=True)
                for term in row.values.get(column) or ()
            ]
            tables.append((through._meta.db_table, [source, target], links))
        return tables

    def _relink(self, case_ids: list[int], rows: list[CaseRow]) -> None:
        """The multi-valued columns a file gives for existing cases, in place of theirs."""
        for column, field in MULTI_FIELDS.items():
            ids = [pk for pk, row in zip(case_ids, rows, strict=True) if column in row.cells]
            if ids:
                getattr(Case, field).through.objects.filter(case_id__in=ids).delete()
        for table, columns, links in self._links(case_ids, rows):
            bulk.insert_tuples(table, columns, links)
