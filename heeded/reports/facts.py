"""The grouped rows the measures are filed from, fetched once for all of a report's periods.

A report shows a period beside up to three earlier years. Each query here runs once over
all of them, grouping its rows by which period they fall in (``_which``), rather than once a
period: the database reads each table once, and the joins every query needs (stages to
their cases, codes to their labels) are paid once rather than four times.

Rows carry taxonomy ids, not codes: grouping by a small integer lets the database hash
instead of sorting text, and the ids are turned into codes here from the (small) code
tables. Working days cannot be counted in SQL portably, so the measures that need them
fetch date columns as day numbers (``DayNumber``) and count them with numpy, by the same
rule as ``heeded.calendars.working_days``.

``report_snapshot`` gives every query of a report the same snapshot of the data, so that a
case recorded while the report is computed cannot make one table disagree with another. On
PostgreSQL the queries then run on two connections at once (``PeriodRows.fetch``), the
second sharing the first's snapshot, as pg_dump's parallel jobs do: most of a report's
time is the database's, and a second connection puts a second core to work.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property, reduce
from itertools import pairwise
from operator import or_

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case as Choose
from django.db.models import Count, DateField, F, Func, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from heeded.cases.models import UPHELD_AT_LEAST_IN_PART, Case, Payment, Stage
from heeded.taxonomy import models as taxonomy
from heeded.taxonomy.code_lists import code_lists
from heeded.taxonomy.defaults import OMBUDSMAN_ONGOING

from .periods import Period

COMPLAINT = "complaint"
UPHELD = tuple(str(outcome) for outcome in UPHELD_AT_LEAST_IN_PART)
INFORMATION_REQUESTS = (
    "foi_request",
    "eir_request",
    "subject_access_request",
    "information_request",
    "mp_councillor_enquiry",
)


class DayNumber(Func):
    """Days since 1 January 1970 of a date column, counted by the database.

    This is numpy's own day number, so a million dates reach numpy as integers instead of
    a Python date object each.
    """

    output_field = IntegerField()
    template = "(%(expressions)s - DATE '1970-01-01')"

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite stores dates as ISO text; julianday of 1970-01-01 is 2440587.5.
        template = "CAST(julianday(%(expressions)s) - 2440587.5 AS INTEGER)"
        return self.as_sql(compiler, connection, template=template)


class MonthNumber(Func):
    """Months since January 1970 of a date column (``year * 12 + month - 1``)."""

    output_field = IntegerField()
    template = (
        "(CAST(EXTRACT(YEAR FROM %(expressions)s) AS INTEGER) * 12"
        " + CAST(EXTRACT(MONTH FROM %(expressions)s) AS INTEGER) - 1)"
    )

    def as_sqlite(self, compiler, connection, **extra):
        template = (
            "(CAST(substr(%(expressions)s, 1, 4) AS INTEGER) * 12"
            " + CAST(substr(%(expressions)s, 6, 2) AS INTEGER) - 1)"
        )
        return self.as_sql(compiler, connection, template=template)


def month_key(number: int) -> str:
    """ "YYYY-MM" of a ``MonthNumber``."""
    year, month = divmod(number, 12)
    return f"{year:04d}-{month + 1:02d}"


def overlap(periods: Sequence[Period]) -> bool:
    ordered = sorted(periods, key=lambda p: p.start)
    return any(later.start <= earlier.end for earlier, later in pairwise(ordered))


# Every query, the slowest first, so that two connections finish at about the same time.
QUERIES = (
    "stage_dates",
    "volume",
    "service_teams",
    "natures",
    "actual_outcomes",
    "outcomes_sought",
    "stage_outcomes",
    "complaints",
    "information_requests",
    "young_people_upheld",
    "stage1_ongoing",
    "acknowledgements",
    "stages_started",
    "payments",
    "ombudsman",
)


def _tune(cursor) -> None:
    """Settings for a report's queries, for this transaction only (see report_snapshot)."""
    cursor.execute("SET LOCAL work_mem = '64MB'")
    cursor.execute("SET LOCAL jit = off")


def shared_snapshot() -> str | None:
    """The id another connection can read this transaction's snapshot by, when it can."""
    if connection.vendor != "postgresql" or not getattr(connection, "report_snapshot", False):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


@contextmanager
def report_snapshot() -> Iterator[None]:
    """Run a report's queries in one transaction that sees one snapshot of the data.

    On PostgreSQL the transaction is REPEATABLE READ (READ COMMITTED would give each query
    its own snapshot) and may sort and hash up to 64 MB in memory: a year's grouping over a
    million cases otherwise spills to disk. JIT compilation is off: it is meant for long
    analytical queries, and compiling these took longer than running them (measured with
    bench.reports). Inside a transaction already begun, the isolation level is the caller's.

    SQLite (the demo's database) is left in autocommit: Heeded opens its transactions
    there as writers (IMMEDIATE), and a report must not hold up every save while it runs.
    """
    if connection.vendor != "postgresql":
        yield
        return
    fresh = not connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            if fresh:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            _tune(cursor)
        # Only a snapshot this block began can be shared: inside a caller's transaction
        # (a test's, say) other connections could not see what it has written.
        connection.report_snapshot = fresh
        try:
            yield
        finally:
            connection.report_snapshot = False


def _spans(periods: Sequence[Period]) -> list[tuple[dt.date, dt.date]]:
    """The periods as date ranges, back-to-back ones joined (a year and the three before
    it are one range of four years, which the database tests once a row, not four times)."""
    spans: list[tuple[dt.date, dt.date]] = []
    for period in sorted(periods, key=lambda p: p.start):
        if spans and period.start == spans[-1][1] + dt.timedelta(days=1):
            spans[-1] = (spans[-1][0], period.end)
        else:
            spans.append((period.start, period.end))
    return spans


def _within(field: str, periods: Sequence[Period]) -> Q:
    return reduce(or_, (Q(**{f"{field}__range": span}) for span in _spans(periods)))


def _which(field: str, periods: Sequence[Period]) -> Choose:
    """The index in ``periods`` of the period a date column falls in."""
    whens = [
        When(**{f"{field}__range": (p.start, p.end)}, then=Value(i)) for i, p in enumerate(periods)
    ]
    return Choose(*whens, output_field=IntegerField())


def _last_day(field: str, periods: Sequence[Period]) -> Choose:
    """The last day of the period a date column falls in: what was still open on it."""
    whens = [When(**{f"{field}__range": (p.start, p.end)}, then=Value(p.end)) for p in periods]
    return Choose(*whens, output_field=DateField())


def _fetch(queryset) -> list[tuple]:
    """The rows of a ``values_list`` queryset as the database driver gives them.

    For the hundreds of thousands of rows of day numbers the working-day measures fetch,
    Django's per-row handling costs more than the query; these columns are plain integers,
    which need none of it.
    """
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _table(rows: list[tuple], width: int) -> np.ndarray:
    """Fetched rows of numbers as a 2-D array, None as NaN."""
    return np.array(rows, dtype="float64").reshape(len(rows), width)


def _dates(day_numbers: np.ndarray) -> np.ndarray:
    """Day numbers (NaN for no date) as a datetime64 array (NaT for no date)."""
    days = np.full(len(day_numbers), np.datetime64("NaT"), dtype="datetime64[D]")
    dated = ~np.isnan(day_numbers)
    days[dated] = day_numbers[dated].astype("int64").astype("datetime64[D]")
    return days


class PeriodRows:
    """The grouped rows of several periods that do not overlap, each query run once.

    Every property is a list with one entry per period, in the order given.
    """

    def __init__(self, periods: Sequence[Period]):
        if overlap(periods):
            raise ValueError("The periods overlap: compute each on its own")
        self.periods = tuple(periods)

    def index(self, period: Period) -> int:
        return self.periods.index(period)

    def fetch(self, snapshot: str | None = None) -> None:
        """Run every query now: on this connection alone, or, given a snapshot exported by
        this transaction (``shared_snapshot``), on further connections as well."""
        self.record_types, self._codes  # noqa: B018 (used by every query: fetch them first)
        if snapshot is None:
            for name in QUERIES:
                getattr(self, name)
            return
        if not re.fullmatch(r"[0-9A-F-]+", snapshot):
            raise ValueError(f"{snapshot!r} is not a PostgreSQL snapshot id")
        waiting: queue.SimpleQueue[str] = queue.SimpleQueue()
        for name in QUERIES:
            waiting.put(name)
        failures: list[BaseException] = []
        helpers = [
            threading.Thread(target=self._fetch_in, args=(snapshot, waiting, failures))
            for _ in range(settings.REPORT_DATABASE_CONNECTIONS - 1)
        ]
        for helper in helpers:
            helper.start()
        self._take(waiting)
        for helper in helpers:
            helper.join()
        if failures:
            raise failures[0]

    def _take(self, waiting: queue.SimpleQueue) -> None:
        while True:
            try:
                name = waiting.get_nowait()
            except queue.Empty:
                return
            getattr(self, name)

    def _fetch_in(self, snapshot: str, waiting: queue.SimpleQueue, failures: list) -> None:
        """Run queries on this thread's own connection, reading the given snapshot."""
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    # A utility statement: it takes no parameters (the id is checked above).
                    cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
                    _tune(cursor)
                self._take(waiting)
        except BaseException as error:  # raised again on the report's own thread
            failures.append(error)
        finally:
            connection.close()

    # --- Codes ----------------------------------------------------------------------------

    @cached_property
    def record_types(self) -> dict[int, tuple[str, str]]:
        """id -> (code, family). Filtering on these ids, not on a join to the codes, lets
        the database estimate how many cases match and use the (record type, received)
        index."""
        return {
            pk: (code, family)
            for pk, code, family in taxonomy.RecordType.objects.values_list("pk", "code", "family")
        }

    @cached_property
    def _codes(self) -> dict[type, dict[int, str]]:
        """id -> code of every code table the rows carry ids of, in one query."""
        models = (
            taxonomy.HowReceived,
            taxonomy.ComplainantType,
            taxonomy.RefusalReason,
            taxonomy.Nature,
            taxonomy.Outcome,
            taxonomy.ServiceTeam,
            taxonomy.OmbudsmanDecision,
        )
        return {
            model: {term.pk: term.code for term in terms}
            for model, terms in code_lists(*models).items()
        }

    def _ids(self, *codes: str) -> list[int]:
        return [pk for pk, (code, _) in self.record_types.items() if code in codes]

    def _code(self, model, pk: int | None) -> str | None:
        codes = self._codes[model]  # fetched whether or not a code is used: a fixed count
        return None if pk is None else codes[pk]

    def _record_type(self, pk: int | None) -> tuple[str | None, str | None]:
        return self.record_types.get(pk, (None, None))

    def _split(self, rows) -> list[list[dict]]:
        """Grouped rows filed under their period's index (and without it)."""
        split: list[list[dict]] = [[] for _ in self.periods]
        for row in rows:
            split[row.pop("period")].append(row)
        return split

    def _received(self, field: str = "received_on") -> Q:
        return _within(field, self.periods)

    # --- The rows --------------------------------------------------------------------------

    @cached_property
    def volume(self) -> list[list[dict]]:
        """Cases received, counted by type, month, channel, origin and refusal reason."""
        rows = (
            Case.objects.filter(self._received())
            .annotate(period=_which("received_on", self.periods), month=MonthNumber("received_on"))
            .values(
                "period",
                "record_type_id",
                "month",
                "how_received_id",
                "converted_from_id",
                "refusal_reason_id",
            )
            .annotate(n=Count("id"))
            .order_by()
        )
        filed = []
        for row in rows:
            code, family = self._record_type(row.pop("record_type_id"))
            filed.append(
                {
                    "period": row["period"],
                    "record_type__code": code,
                    "record_type__family": family,
                    "month": month_key(row["month"]),
                    "how_received__code": self._code(taxonomy.HowReceived, row["how_received_id"]),
                    "converted_from__code": self._record_type(row["converted_from_id"])[0],
                    "refusal_reason__code": self._code(
                        taxonomy.RefusalReason, row["refusal_reason_id"]
                    ),
                    "n": row["n"],
                }
            )
        return self._split(filed)

    @cached_property
    def complaints(self) -> list[list[dict]]:
        """Complaints received, by complainant, young person and advocacy."""
        rows = (
            Case.objects.filter(record_type_id__in=self._ids(COMPLAINT))
            .filter(self._received())
            .annotate(period=_which("received_on", self.periods))
            .values(
                "period",
                "complainant_type_id",
                "young_person",
                "via_professional",
                "advocacy_offered",
                "advocacy_taken_up",
            )
            .annotate(n=Count("id"))
            .order_by()
        )
        filed = []
        for row in rows:
            pk = row.pop("complainant_type_id")
            row["complainant_type__code"] = self._code(taxonomy.ComplainantType, pk)
            filed.append(row)
        return self._split(filed)

    @cached_property
    def young_people_upheld(self) -> list[int]:
        """Young people's complaints received in each period whose Stage 1 (whenever it
        was answered) was upheld at least in part. A case has one Stage 1 at most."""
        rows = (
            Stage.objects.filter(
                number=1,
                outcome__in=UPHELD,
                case__record_type_id__in=self._ids(COMPLAINT),
                case__young_person=True,
            )
            .filter(self._received("case__received_on"))
            .annotate(period=_which("case__received_on", self.periods))
        )
        return self._counted_by_period(rows)

    @cached_property
    def stage1_ongoing(self) -> list[int]:
        """Complaints received in each period whose Stage 1 had begun and was not yet
        answered (or withdrawn, which records a response date) on the period's last day:
        Southampton 2009/10's "14 (7.7%) outcomes were recorded as ongoing" (6.2)."""
        rows = (
            Stage.objects.filter(number=1, case__record_type_id__in=self._ids(COMPLAINT))
            .filter(self._received("case__received_on"))
            .annotate(
                period=_which("case__received_on", self.periods),
                period_end=_last_day("case__received_on", self.periods),
            )
            .filter(started_on__lte=F("period_end"))
            .filter(Q(responded_on__isnull=True) | Q(responded_on__gt=F("period_end")))
        )
        return self._counted_by_period(rows)

    def _counted_by_period(self, rows) -> list[int]:
        """How many of ``rows`` (annotated with their ``period``) fall in each period."""
        counts = [0 for _ in self.periods]
        for row in rows.values("period").annotate(n=Count("id")).order_by():
            counts[row["period"]] = row["n"]
        return counts

    def _codes_of(self, field: str, model, record_types, extra=()) -> list[list[dict]]:
        """Rows of a many-to-many code field of cases received, by code and record type."""
        through = getattr(Case, field).through
        column = f"{model.__name__.lower()}_id"
        code_field = f"{model.__name__.lower()}__code"
        rows = (
            through.objects.filter(case__record_type_id__in=self._ids(*record_types))
            .filter(self._received("case__received_on"))
            .annotate(period=_which("case__received_on", self.periods))
            .values("period", column, "case__record_type_id", *extra)
            .annotate(n=Count("id"))
            .order_by()
        )
        filed = []
        for row in rows:
            row[code_field] = self._code(model, row.pop(column))
            row["case__record_type__code"] = self._record_type(row.pop("case__record_type_id"))[0]
            filed.append(row)
        return self._split(filed)

    @cached_property
    def natures(self) -> list[list[dict]]:
        return self._codes_of("natures", taxonomy.Nature, [COMPLAINT])

    @cached_property
    def outcomes_sought(self) -> list[list[dict]]:
        return self._codes_of("outcomes_sought", taxonomy.Outcome, [COMPLAINT])

    @cached_property
    def service_teams(self) -> list[list[dict]]:
        """Service teams of complaints and compliments, with the young person flag."""
        return self._codes_of(
            "service_teams",
            taxonomy.ServiceTeam,
            [COMPLAINT, "compliment"],
            extra=("case__young_person",),
        )

    def _in_each(self, columns: list[np.ndarray], on: np.ndarray) -> list[list[np.ndarray]]:
        """Date-array columns split by the period their ``on`` date falls in."""
        split = []
        for period in self.periods:
            chosen = (on >= np.datetime64(period.start)) & (on <= np.datetime64(period.end))
            split.append([column[chosen] for column in columns])
        return split

    @cached_property
    def acknowledgements(self) -> list[list[np.ndarray]]:
        """[received, acknowledged, how many] of complaints received, as arrays: one entry
        for each pair of dates, which is far fewer than one a case."""
        rows = _fetch(
            Case.objects.filter(record_type_id__in=self._ids(COMPLAINT))
            .filter(self._received())
            .annotate(received=DayNumber("received_on"), acknowledged=DayNumber("acknowledged_on"))
            .values_list("received", "acknowledged")
            .annotate(n=Count("id"))
            .order_by()
        )
        table = _table(rows, 3)
        columns = [_dates(table[:, 0]), _dates(table[:, 1]), table[:, 2].astype("int64")]
        return self._in_each(columns, columns[0])

    @cached_property
    def stage_dates(self) -> list[list[np.ndarray]]:
        """[stage, clock start, response, extended to, how many] of complaints' Stage 1 and
        2 responses, as arrays: one entry for each set of dates."""
        rows = _fetch(
            Stage.objects.filter(case__record_type_id__in=self._ids(COMPLAINT), number__in=(1, 2))
            .filter(self._received("responded_on"))
            .annotate(
                start=DayNumber("started_on"),
                response=DayNumber("responded_on"),
                extended=DayNumber("extended_to"),
            )
            .values_list("number", "start", "response", "extended")
            .annotate(n=Count("id"))
            .order_by()
        )
        table = _table(rows, 5)
        columns = [
            table[:, 0].astype("int64"),
            *(_dates(table[:, i]) for i in (1, 2, 3)),
            table[:, 4].astype("int64"),
        ]
        return self._in_each(columns, columns[2])

    @cached_property
    def stage_outcomes(self) -> list[list[dict]]:
        return self._split(
            Stage.objects.filter(case__record_type_id__in=self._ids(COMPLAINT))
            .filter(self._received("responded_on"))
            .annotate(period=_which("responded_on", self.periods))
            .values("period", "number", "outcome", "case__remedial_action")
            .annotate(n=Count("id"))
            .order_by()
        )

    @cached_property
    def stages_started(self) -> list[dict[int, int]]:
        rows = (
            Stage.objects.filter(case__record_type_id__in=self._ids(COMPLAINT), number__in=(2, 3))
            .filter(self._received("started_on"))
            .annotate(period=_which("started_on", self.periods))
            .values("period", "number")
            .annotate(n=Count("id"))
            .order_by()
        )
        return [{row["number"]: row["n"] for row in in_period} for in_period in self._split(rows)]

    @cached_property
    def actual_outcomes(self) -> list[list[dict]]:
        """Actual outcomes of complaints answered at Stage 1, by the Stage 1 finding."""
        through = Case.actual_outcomes.through
        # One filter() call, so the stage conditions and the grouped outcome share one join.
        rows = (
            through.objects.filter(
                self._received("case__stages__responded_on"),
                case__record_type_id__in=self._ids(COMPLAINT),
                case__stages__number=1,
            )
            .annotate(period=_which("case__stages__responded_on", self.periods))
            .values("period", "outcome_id", "case__stages__outcome")
            .annotate(n=Count("id"))
            .order_by()
        )
        filed = []
        for row in rows:
            row["outcome__code"] = self._code(taxonomy.Outcome, row.pop("outcome_id"))
            filed.append(row)
        return self._split(filed)

    @cached_property
    def ombudsman(self) -> list[list[dict]]:
        # ``ongoing``: no decision yet on the period's last day (Isle of Wight 2019/20,
        # 12.1: "two currently ongoing"): none recorded, "Ongoing" recorded, or one made
        # after that day.
        undecided = [
            pk
            for pk, code in self._codes[taxonomy.OmbudsmanDecision].items()
            if code == OMBUDSMAN_ONGOING
        ]
        ongoing = (
            Q(ombudsman_decision__isnull=True)
            | Q(ombudsman_decision_id__in=undecided)
            | Q(ombudsman_decided_on__gt=F("period_end"))
        )
        rows = (
            Case.objects.filter(self._received("ombudsman_received_on"))
            .annotate(
                period=_which("ombudsman_received_on", self.periods),
                period_end=_last_day("ombudsman_received_on", self.periods),
            )
            .values("period", "ombudsman_decision_id")
            .annotate(n=Count("id"), ongoing=Count("id", filter=ongoing))
            .order_by()
        )
        filed = []
        for row in rows:
            pk = row.pop("ombudsman_decision_id")
            row["ombudsman_decision__code"] = self._code(taxonomy.OmbudsmanDecision, pk)
            filed.append(row)
        return self._split(filed)

    @cached_property
    def payments(self) -> list[tuple]:
        """Each period's payment total and the number of cases paid something (a payment
        of 0.00 records that nothing was): the public report publishes a total only where
        it is shared by enough cases not to tell what one complainant was paid."""
        rows = (
            Payment.objects.filter(self._received("case__closed_on"))
            .annotate(period=_which("case__closed_on", self.periods))
            .values("period")
            .annotate(
                total=Sum("amount"), cases=Count("case", distinct=True, filter=Q(amount__gt=0))
            )
            .order_by()
        )
        totals = [(0, 0) for _ in self.periods]
        for row in rows:
            totals[row["period"]] = (row["total"], row["cases"])
        return totals

    @cached_property
    def information_requests(self) -> list[list[dict]]:
        deadline = Coalesce("extended_to", "due_on")
        rows = (
            Stage.objects.filter(
                case__record_type_id__in=self._ids(*INFORMATION_REQUESTS), number=1
            )
            .filter(self._received("responded_on"))
            .annotate(period=_which("responded_on", self.periods), deadline=deadline)
            .values("period", "case__record_type_id")
            .annotate(
                n=Count("id"),
                within=Count("id", filter=Q(responded_on__lte=deadline)),
                no_deadline=Count("id", filter=Q(deadline__isnull=True)),
            )
            .order_by()
        )
        filed = []
        for row in rows:
            pk = row.pop("case__record_type_id")
            row["case__record_type__code"] = self._record_type(pk)[0]
            filed.append(row)
        return self._split(filed)
