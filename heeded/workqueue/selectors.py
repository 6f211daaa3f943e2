"""What the dashboards and the case list read: querysets built from the viewer and the date.

Everything filters on the case's stored clock fields (``next_deadline``, ``closed_on``,
``acknowledged_on``, ``assigned_officer``), which every action keeps in step, so a queue of
100,000 cases is counted and listed by the database, never by looping in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q, QuerySet
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


def assigned_to_me(user) -> Q:
    """Cases someone is the officer for, or responding manager of a stage of.

    A subquery rather than a join, so that a case with two stages is not counted twice.
    """
    return Q(pk__in=Case.objects.filter(assigned_to(user)).values("pk"))


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


def for_listing(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """What a row of a case table shows, fetched with the rows (no query per row)."""
    return queryset.select_related("record_type", "assigned_officer")


def fill_queues(queryset: QuerySet[Case], panels: list[Queue]) -> list[Queue]:
    """Count every queue in one query, then list the first few of each (one query each)."""
    counts = queryset.aggregate(
        **{panel.key: Count("pk", filter=panel.condition) for panel in panels}
    )
    for panel in panels:
        panel.count = counts[panel.key]
        # Listed even when the count is nought, so the page makes the same queries whatever
        # the data (an empty list costs the database next to nothing).
        ordered = for_listing(queryset.filter(panel.condition)).order_by(
            "next_deadline", "received_on", "id"
        )
        panel.cases = list(ordered[:DASHBOARD_LIST_LENGTH])
    return panels


def my_work(user, today: dt.date) -> list[Queue]:
    mine = open_cases(cases_visible_to(user).filter(assigned_to_me(user)))
    return fill_queues(mine, queues(today, mine=True))


def team_work(user, today: dt.date) -> list[Queue]:
    team = open_cases(cases_visible_to(user))
    return fill_queues(team, queues(today, mine=False))


def people_named(words: str) -> QuerySet:
    """Case ids with someone on them whose name contains ``words``."""
    return CaseParty.objects.filter(person__full_name__icontains=words).values("case_id")


def complainants():
    """The people a list row names, fetched for the whole page in one query."""
    return Prefetch(
        "parties",
        queryset=CaseParty.objects.select_related("person").order_by("role", "id"),
        to_attr="people_listed",
    )
