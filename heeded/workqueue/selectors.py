"""What the dashboards and the case list read: querysets built from the viewer and the date.

Everything filters on the case's stored clock fields (``next_deadline``, ``closed_on``,
``acknowledged_on``, ``assigned_officer``), which every action keeps in step, so a queue of
100,000 cases is counted and listed by the database, never by looping in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber
from django.urls import reverse

from heeded.access.policies import assigned_to, cases_visible_to
from heeded.calendars.working_days import add_working_days
from heeded.cases.models import Case, CaseParty
from heeded.procedures import PROCEDURES
from heeded.taxonomy.models import RecordType

# How far ahead "due soon" looks: a week's work, as a complaints team plans it.
DUE_SOON_WORKING_DAYS = 5
# How many cases each dashboard panel lists before "View all".
DASHBOARD_LIST_LENGTH = 10


def open_cases(queryset: QuerySet[Case]) -> QuerySet[Case]:
    return queryset.filter(closed_on__isnull=True)


def procedures_with_acknowledgement() -> list[str]:
    return [code for code, procedure in PROCEDURES.items() if procedure.acknowledgement]


def due_soon_until(today: dt.date) -> dt.date:
    return add_working_days(today, DUE_SOON_WORKING_DAYS)


def deadline_condition(which: str, today: dt.date) -> Q:
    """Open cases whose next deadline is overdue, due today or due within a working week."""
    if which == "overdue":
        return Q(next_deadline__lt=today)
    if which == "due_today":
        return Q(next_deadline=today)
    if which == "due_soon":
        return Q(next_deadline__gt=today, next_deadline__lte=due_soon_until(today))
    raise ValueError(f"Unknown deadline filter: {which}")


def awaiting_acknowledgement() -> Q:
    # Only record types whose procedure asks for an acknowledgement (not compliments).
    needing = RecordType.objects.filter(procedure__in=procedures_with_acknowledgement())
    return Q(acknowledged_on__isnull=True, record_type__in=needing.values("pk"))


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

    @property
    def view_all_url(self) -> str:
        return reverse("workqueue:case_list") + "?" + urlencode(self.params)


def queues(today: dt.date, *, mine: bool) -> list[Queue]:
    base = {"status": "open", **({"officer": "me"} if mine else {})}
    result = [
        Queue(
            "overdue",
            "Overdue",
            "Nothing is overdue.",
            deadline_condition("overdue", today),
            {**base, "deadline": "overdue"},
        ),
        Queue(
            "due_today",
            "Due today",
            "Nothing is due today.",
            deadline_condition("due_today", today),
            {**base, "deadline": "due_today"},
        ),
        Queue(
            "due_soon",
            f"Due in the next {DUE_SOON_WORKING_DAYS} working days",
            f"Nothing is due in the next {DUE_SOON_WORKING_DAYS} working days.",
            deadline_condition("due_soon", today),
            {**base, "deadline": "due_soon"},
        ),
        Queue(
            "awaiting_acknowledgement",
            "Awaiting acknowledgement",
            "Every case has been acknowledged.",
            awaiting_acknowledgement(),
            {**base, "acknowledgement": "awaiting"},
        ),
    ]
    if not mine:
        result.append(
            Queue(
                "unassigned",
                "Not assigned to an officer",
                "Every open case has an officer.",
                not_assigned(),
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
    "assigned_officer__first_name",
    "assigned_officer__last_name",
    "assigned_officer__username",
)


def for_listing(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """What a row of a case table shows, fetched with the rows (no query per row)."""
    return queryset.select_related("record_type", "assigned_officer").only(*LISTED)


# The order each panel lists its cases in: soonest deadline first.
PANEL_ORDER = ("next_deadline", "received_on", "id")


def fill_queues(queryset: QuerySet[Case], panels: list[Queue]) -> list[Queue]:
    """Count every queue and find the first few of each in one query, then read those cases.

    The first query numbers each case within each panel (the panel's own cases first,
    soonest deadline first) and counts each panel over the whole queryset, returning only
    the ids of cases among the first few of some panel. The database sorts the open cases
    once per panel, on a few narrow columns (about a millisecond per thousand open cases
    each). The second query reads those few cases for the tables. Two queries however many
    cases and panels, rather than a count and a list per panel: each query costs Django
    more to build than the database to answer.
    """
    flags = {
        f"in_{p.key}": ExpressionWrapper(p.condition, output_field=BooleanField()) for p in panels
    }
    counts = {f"count_{p.key}": Window(Count("pk", filter=p.condition)) for p in panels}
    places = {
        f"place_{p.key}": Window(RowNumber(), order_by=[F(f"in_{p.key}").desc(), *PANEL_ORDER])
        for p in panels
    }
    first_few = Q()
    for name in places:
        first_few |= Q(**{f"{name}__lte": DASHBOARD_LIST_LENGTH})
    numbered = (
        queryset.order_by()
        .annotate(**flags, **counts, **places)
        .filter(first_few)
        .values("pk", *flags, *counts, *places)
    )
    rows = list(numbered)
    cases = for_listing(Case.objects.all()).in_bulk([row["pk"] for row in rows])
    for panel in panels:
        # Every row carries the counts; no rows at all means every panel is empty.
        panel.count = rows[0][f"count_{panel.key}"] if rows else 0
        # A panel with fewer cases than the list length lets other panels' cases through.
        listed = sorted(
            (row for row in rows if row[f"in_{panel.key}"]),
            key=lambda row, place=f"place_{panel.key}": row[place],
        )
        panel.cases = [cases[row["pk"]] for row in listed[:DASHBOARD_LIST_LENGTH]]
    return panels


def my_work(user, today: dt.date) -> list[Queue]:
    mine = open_cases(cases_visible_to(user).filter(assigned_to(user)))
    return fill_queues(mine, queues(today, mine=True))


def team_work(user, today: dt.date) -> list[Queue]:
    team = open_cases(cases_visible_to(user))
    return fill_queues(team, queues(today, mine=False))


def matching(words: str) -> QuerySet:
    """Ids of cases whose reference or summary contains ``words``, or with someone on them
    whose name does.

    A union of three lookups, each of which a trigram index answers on PostgreSQL
    (migration cases 0005), rather than one "or" across three tables that made PostgreSQL
    read every case to search them.
    """
    by_reference = Case.objects.filter(reference__icontains=words).order_by().values("pk")
    by_summary = Case.objects.filter(summary__icontains=words).order_by().values("pk")
    by_person = (
        CaseParty.objects.filter(person__full_name__icontains=words).order_by().values("case_id")
    )
    return by_reference.union(by_summary, by_person)


def complainants():
    """The people a list row names, fetched for the whole page in one query."""
    return Prefetch(
        "parties",
        queryset=CaseParty.objects.select_related("person").order_by("role", "id"),
        to_attr="people_listed",
    )
