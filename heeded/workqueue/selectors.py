"""What the dashboards and the case list read: querysets built from the viewer and the date.

Everything filters on the case's stored clock fields (``next_deadline``, ``closed_on``,
``acknowledged_on``, ``assigned_officer``), which every action keeps in step, so a queue of
100,000 cases is counted and listed by the database, never by looping in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils.functional import cached_property

from heeded.access.policies import cases_visible_to, sees_all_cases, working_on
from heeded.calendars.working_days import Calendar, add_working_days
from heeded.cases.models import Case, CaseParty, Stage
from heeded.procedures import PROCEDURES
from heeded.public.fields import clean_postcode
from heeded.taxonomy.models import RecordType

# How far ahead "due soon" looks: a week's work, as a complaints team plans it.
DUE_SOON_WORKING_DAYS = 5
# How many cases each dashboard panel lists before "View all".
DASHBOARD_LIST_LENGTH = 10


def open_cases(queryset: QuerySet[Case]) -> QuerySet[Case]:
    return queryset.filter(closed_on__isnull=True)


def procedures_with_acknowledgement() -> list[str]:
    return [code for code, procedure in PROCEDURES.items() if procedure.acknowledgement]


def _on_each_calendar(condition: Callable[[Calendar], Q]) -> Q:
    """``condition`` on each case's own procedure's calendar (an FOI request's skips UK-wide
    bank holidays), as its deadline words are counted."""
    uk_wide = [code for code, procedure in PROCEDURES.items() if procedure.calendar is Calendar.UK]
    counted_uk_wide = Q(record_type__procedure__in=uk_wide)
    return (counted_uk_wide & condition(Calendar.UK)) | (
        ~counted_uk_wide & condition(Calendar.ENGLAND_AND_WALES)
    )


def due_today(today: dt.date) -> Q:
    """Due today, or on a day off before the next working day: no working day is left, as
    the words say ("Due today"). A deadline on Christmas Day 2026 or the Saturday after (from
    a legacy system's file, or a bank holiday declared after the date was agreed) is due
    today on Thursday 24 December, the last working day before it."""
    return _on_each_calendar(
        lambda calendar: Q(
            next_deadline__gte=today, next_deadline__lt=add_working_days(today, 1, calendar)
        )
    )


def due_soon(today: dt.date) -> Q:
    """Due after the next working day begins and within the next working week: 1 to 5
    working days left."""
    return _on_each_calendar(
        lambda calendar: Q(
            next_deadline__gte=add_working_days(today, 1, calendar),
            next_deadline__lte=add_working_days(today, DUE_SOON_WORKING_DAYS, calendar),
        )
    )


def deadline_condition(which: str, today: dt.date) -> Q:
    """Open cases whose next deadline is overdue, due today or due within a working week."""
    if which == "overdue":
        return Q(next_deadline__lt=today)
    if which == "due_today":
        return due_today(today)
    if which == "due_soon":
        return due_soon(today)
    raise ValueError(f"Unknown deadline filter: {which}")


def _stage_acknowledgement_awaited() -> Q:
    """Stages that are acknowledged on their own (the corporate procedure's Stage 2: the
    Ombudsman's Code gives 5 working days to acknowledge the escalation), started and
    neither acknowledged nor answered yet: as the clocks chase them."""
    own = Q(pk__in=[])
    for code, procedure in PROCEDURES.items():
        for rule in procedure.stages:
            if rule.acknowledgement:
                own |= Q(case__record_type__procedure=code, number=rule.number)
    return own & Q(acknowledged_on__isnull=True, responded_on__isnull=True)


def awaiting_acknowledgement(*, as_flag: bool = False) -> Q:
    """Open cases of a kind that is acknowledged, not acknowledged yet, and not answered;
    and cases with a stage of its own acknowledgement awaiting it (corporate Stage 2).

    ``as_flag``: for the dashboard, where this marks each open case rather than filtering.
    There PostgreSQL answered NOT EXISTS by hashing every answered stage of every case (most
    of the page's time); "its first answered stage is none" looks up only the open cases'
    stages, by index. As a filter, NOT EXISTS is the quicker (an anti-join).
    """
    # Only record types whose procedure asks for an acknowledgement (not compliments).
    needing = RecordType.objects.filter(procedure__in=procedures_with_acknowledgement())
    # A case already answered is no longer waiting for its acknowledgement (as the clocks).
    answered = Stage.objects.filter(case=OuterRef("pk"), responded_on__isnull=False)
    if as_flag:
        not_answered = IsNull(Subquery(answered.order_by().values("pk")[:1]), True)
    else:
        not_answered = ~Exists(answered)
    # Last, so that it is looked up only for cases the cheaper conditions leave.
    case_waiting = Q(acknowledged_on__isnull=True, record_type__in=needing.values("pk")) & Q(
        not_answered
    )
    stage_waiting = Stage.objects.filter(_stage_acknowledgement_awaited(), case=OuterRef("pk"))
    # Only a case at a stage acknowledged on its own can be waiting for that (a corporate
    # complaint past Stage 1): the lookup is made for those few.
    staged = RecordType.objects.filter(procedure__in=_staged_acknowledgement())
    past_stage_1 = Q(current_stage__gt=1, record_type__in=staged.values("pk"))
    return case_waiting | (past_stage_1 & Q(Exists(stage_waiting)))


def _staged_acknowledgement() -> list[str]:
    return [
        code
        for code, procedure in PROCEDURES.items()
        if any(rule.acknowledgement for rule in procedure.stages)
    ]


# The stage filter's value for the one stage of a procedure whose stage is not numbered.
RESPONSE_STAGE = "response"


def at_stage(value: str) -> Q:
    """Cases at a stage as the Stage column names it: "Stage 1" is a numbered stage (a
    complaint's), ``RESPONSE_STAGE`` the one unnumbered stage of an FOI request, a subject
    access request or an enquiry ("Response"), "0" no stage at all."""
    unnumbered = [
        code
        for code, procedure in PROCEDURES.items()
        if procedure.stages and not procedure.stages[0].numbered
    ]
    one_stage = Q(record_type__procedure__in=unnumbered)
    if value == RESPONSE_STAGE:
        return Q(current_stage=1) & one_stage
    if value == "0":
        return Q(current_stage=0)
    return Q(current_stage=value) & ~one_stage


def not_assigned() -> Q:
    return Q(assigned_officer__isnull=True)


@dataclass
class Queue:
    """One panel of a dashboard: how many cases are in it, the first few, and the filter."""

    key: str
    title: str
    empty: str
    condition: Q
    # The case list's query string that shows the whole queue ("View all").
    params: dict[str, str]
    count: int = 0
    cases: list[Case] = field(default_factory=list)

    @cached_property  # used twice by each panel of the dashboard
    def view_all_url(self) -> str:
        return reverse("workqueue:case_list") + "?" + urlencode(self.params)


def queue_conditions(today: dt.date) -> dict[str, Q]:
    """What puts an open case in each kind of queue, by the queue's key."""
    return {
        "overdue": deadline_condition("overdue", today),
        "due_today": deadline_condition("due_today", today),
        "due_soon": deadline_condition("due_soon", today),
        "awaiting_acknowledgement": awaiting_acknowledgement(as_flag=True),
        "unassigned": not_assigned(),
    }


def queues(today: dt.date, *, mine: bool, conditions: dict[str, Q] | None = None) -> list[Queue]:
    """The queues of my work (``mine``) or the team's; ``conditions`` (``queue_conditions``)
    may be shared by both: the dashboard works them out once, not once for each."""
    conditions = conditions or queue_conditions(today)
    base = {"status": "open", **({"officer": "me"} if mine else {})}
    result = [
        Queue(
            "overdue",
            "Overdue",
            "Nothing is overdue.",
            conditions["overdue"],
            {**base, "deadline": "overdue"},
        ),
        Queue(
            "due_today",
            "Due today",
            "Nothing is due today.",
            conditions["due_today"],
            {**base, "deadline": "due_today"},
        ),
        Queue(
            "due_soon",
            f"Due in the next {DUE_SOON_WORKING_DAYS} working days",
            f"Nothing is due in the next {DUE_SOON_WORKING_DAYS} working days.",
            conditions["due_soon"],
            {**base, "deadline": "due_soon"},
        ),
        Queue(
            "awaiting_acknowledgement",
            "Awaiting acknowledgement",
            "Every case has been acknowledged.",
            conditions["awaiting_acknowledgement"],
            {**base, "acknowledgement": "awaiting"},
        ),
    ]
    if not mine:
        result.append(
            Queue(
                "unassigned",
                "Not assigned to an officer",
                "Every open case has an officer.",
                conditions["unassigned"],
                {**base, "officer": "none"},
            )
        )
    return result


# The columns a row of a case table shows (or works its deadline words out from): only
# these are read, not the case's long texts or its officer's password hash.
LISTED = (
    "reference",
    "received_on",
    "closed_on",
    "current_stage",
    "next_deadline",
    "next_deadline_what",
    "record_type__label",
    "record_type__procedure",  # whose calendar its deadline words count on
    "assigned_officer__first_name",
    "assigned_officer__last_name",
    "assigned_officer__username",
)


def for_listing(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """What a row of a case table shows, fetched with the rows (no query per row)."""
    return queryset.select_related("record_type", "assigned_officer").only(*LISTED)


# The order each panel lists its cases in: soonest deadline first, those without one last.
PANEL_ORDER = ("next_deadline", "received_on", "id")


def dashboard_queues(user, today: dt.date) -> tuple[list[Queue], list[Queue] | None]:
    """The queues of "My work", and of the team if ``user`` sees every case, filled at once.

    My work is the open cases ``user`` is working on (``working_on``: the officer, or the
    responding manager of a stage not yet answered) among those they may see; the team's is
    every open case they may see.
    """
    conditions = queue_conditions(today)
    mine = queues(today, mine=True, conditions=conditions)
    team = queues(today, mine=False, conditions=conditions) if sees_all_cases(user) else None
    fill_queues(open_cases(cases_visible_to(user)), mine, team or [], working_on(user))
    return mine, team


def fill_queues(
    queryset: QuerySet[Case], mine: list[Queue], everyone: list[Queue], assigned: Q
) -> None:
    """Count every queue and find the first few cases of each in one query, then read those
    cases in a second: two queries however many cases and queues.

    Django works out which queues each open case is in (``everyone``'s queues over the whole
    ``queryset``, ``mine`` only where ``assigned`` holds too); the numbering around it is
    SQL written out here (``_numbering_sql``).
    """
    panels = [(queue, True) for queue in mine] + [(queue, False) for queue in everyone]
    # One flag a kind of queue: my "overdue" and the team's share the condition, not the rows.
    kinds = {queue.key: queue.condition for queue, _ in panels}
    flags = {
        f"is_{key}": ExpressionWrapper(condition, output_field=BooleanField())
        for key, condition in kinds.items()
    }
    flagged = queryset.order_by().annotate(
        assigned=ExpressionWrapper(assigned, output_field=BooleanField()), **flags
    )
    try:
        inner, params = (
            flagged.values_list(*PANEL_ORDER, "assigned", *flags)
            .query.get_compiler(using=queryset.db)
            .as_sql()
        )
    except EmptyResultSet:  # nothing visible at all: every queue is empty
        return
    membership = [
        f"(assigned AND is_{queue.key})" if only_mine else f"is_{queue.key}"
        for queue, only_mine in panels
    ]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(_numbering_sql(inner, membership), params)
        rows = cursor.fetchall()
    cases = for_listing(Case.objects.using(queryset.db)).in_bulk([row[0] for row in rows])
    for n, (queue, _) in enumerate(panels):
        # Every row carries the counts; no rows at all means every queue is empty.
        queue.count = rows[0][1 + 3 * n] if rows else 0
        listed = sorted((row for row in rows if row[2 + 3 * n]), key=itemgetter(3 + 3 * n))
        queue.cases = [cases[row[0]] for row in listed[:DASHBOARD_LIST_LENGTH]]


def _numbering_sql(inner: str, membership: list[str]) -> str:
    """SQL over ``inner`` (one row per open case, with its queue flags) that gives, for each
    queue, its count and each case's place in it, keeping only cases among the first few of
    some queue. Columns: id, then for each queue its count, whether the case is in it, and
    its place.

    The places are running counts along one order (soonest deadline first), so the database
    sorts the open cases once for every queue together, where a row number per queue sorts
    them once per queue. Only column names made here go into the text; every value is a
    parameter of ``inner``.
    """
    # Cases with no deadline last: SQLite sorts an empty date first, PostgreSQL last.
    order = ", ".join(
        ["flagged.next_deadline IS NULL", *(f"flagged.{column}" for column in PANEL_ORDER)]
    )
    columns, first_few = [], []
    for n, member in enumerate(membership):
        one = f"CASE WHEN {member} THEN 1 ELSE 0 END"
        columns += [
            f"SUM({one}) OVER () AS count_{n}",
            f"{one} AS in_{n}",
            f"SUM({one}) OVER (ORDER BY {order} ROWS UNBOUNDED PRECEDING) AS place_{n}",
        ]
        first_few.append(f"(in_{n} = 1 AND place_{n} <= {DASHBOARD_LIST_LENGTH})")
    # MATERIALIZED: otherwise the database copies each flag's expression (subqueries
    # included) into every place that uses it, working out "assigned to me" nine times.
    return (
        f"WITH flagged AS MATERIALIZED ({inner}) SELECT * FROM "
        f"(SELECT flagged.id, {', '.join(columns)} FROM flagged) numbered"
        f" WHERE {' OR '.join(first_few)}"
    )


def matching(words: str) -> QuerySet:
    """Ids of cases whose reference or summary contains ``words``, or with someone on them
    whose name does, or whose email address or postcode it is.

    A union of lookups, each of which an index answers on PostgreSQL (migration cases 0005
    for the words, 0009 for email addresses), rather than one "or" across three tables that
    made PostgreSQL read every case to search them. An email address or a postcode is looked
    for only when the words are one, so an ordinary search costs no more.
    """
    by_reference = Case.objects.filter(reference__icontains=words).order_by().values("pk")
    by_summary = Case.objects.filter(summary__icontains=words).order_by().values("pk")
    on_cases = CaseParty.objects.order_by().values("case_id")
    by_person = [on_cases.filter(person__full_name__icontains=words)]
    if EMAIL.fullmatch(words):
        by_person.append(on_cases.filter(person__email__iexact=words))
    postcode = postcode_in(words)
    if postcode:
        by_person.append(on_cases.filter(person__postcode__in=postcode))
    return by_reference.union(by_summary, *by_person)


EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


def postcode_in(words: str) -> list[str]:
    """The ways a postcode typed in ``words`` may be stored (with or without its space)."""
    try:
        spaced = clean_postcode(words)
    except ValidationError:
        return []
    return [spaced, spaced.replace(" ", "")]


def name_people(cases: list[Case]) -> list[Case]:
    """Give each of ``cases`` the names of its people (``people_listed``), first by role, for
    a list row, in one query for them all.

    Names only, read as plain values: prefetching the people as objects built two objects
    for each of them, a large part of the case list's time.
    """
    if not cases:
        return cases
    names: dict[int, list[str]] = {case.pk: [] for case in cases}
    seen: set[tuple[int, int]] = set()
    parties = CaseParty.objects.filter(case_id__in=names).order_by("role", "id")
    for case_id, person_id, name in parties.values_list(
        "case_id", "person_id", "person__full_name"
    ):
        # A young person complaining for themselves is both the complainant and the child:
        # one person, named once (not "Alex, Alex").
        if (case_id, person_id) not in seen:
            seen.add((case_id, person_id))
            names[case_id].append(name)
    for case in cases:
        case.people_listed = names[case.pk]
    return cases
