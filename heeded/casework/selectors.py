"""Reading a case for its page: everything it shows in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from heeded.access.policies import can_see_case_records, cases_visible_to
from heeded.cases.models import (
    Case,
    CaseEvent,
    CaseParty,
    Contact,
    Document,
    EventKind,
    Person,
    Stage,
)

# The case's lists of reference terms (services and teams, natures, outcomes sought and
# given), each held by the relation of that name.
TERM_LISTS = ("service_teams", "natures", "outcomes_sought", "actual_outcomes")


def for_case_page(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """Everything the case page shows but its lists of terms, which ``term_labels`` reads."""
    return queryset.select_related(
        "record_type",
        "converted_from",
        "how_received",
        "complainant_type",
        "refusal_reason",
        "ombudsman_decision",
        "assigned_officer",
        "reminders_stopped_by",
    ).prefetch_related(
        Prefetch("stages", queryset=Stage.objects.select_related("responding_manager")),
        "payments",
        Prefetch("parties", queryset=_parties_with_namesakes()),
        # Contacts and documents have their own, richer rows in the timeline.
        Prefetch(
            "events",
            queryset=CaseEvent.objects.exclude(
                kind__in=[EventKind.CONTACT, EventKind.DOCUMENT]
            ).select_related("by"),
        ),
        Prefetch("contacts", queryset=Contact.objects.select_related("method", "by")),
        Prefetch("documents", queryset=Document.objects.select_related("uploaded_by")),
    )


def _parties_with_namesakes() -> QuerySet[CaseParty]:
    """The case's people, each marked if another record of the same name is on file: a
    form sent online always makes new records, and the team is told where one may be a
    second record of someone (the person's page compares and joins them). In the same
    query: the name is indexed."""
    namesakes = Person.objects.filter(full_name=OuterRef("person__full_name")).exclude(
        pk=OuterRef("person_id")
    )
    return (
        CaseParty.objects.select_related("person")
        .annotate(namesake_on_file=Exists(namesakes))
        .order_by("id")
    )


def with_everything(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """The case page's rows and the term lists as terms, which the action forms start from."""
    return for_case_page(queryset).prefetch_related(*TERM_LISTS)


def with_stages(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """The case with its type and stages only: enough to hand over one of its documents."""
    return queryset.select_related("record_type").prefetch_related("stages")


def term_labels(case: Case) -> dict[str, list[str]]:
    """The labels of each of the case's lists of terms (``TERM_LISTS``), in the terms' order.

    One query for the four lists, written out here: prefetched, they took a query each, and
    building those four queries (or one union of them) was a fifth of the case page's time.
    """
    connection = connections[case._state.db]
    quote = connection.ops.quote_name
    selects = []
    for n, name in enumerate(TERM_LISTS):
        relation = Case._meta.get_field(name)
        through = relation.remote_field.through._meta
        case_id = quote(through.get_field(relation.m2m_field_name()).column)
        term_id = quote(through.get_field(relation.m2m_reverse_field_name()).column)
        term = quote(relation.related_model._meta.db_table)
        term_pk = quote(relation.related_model._meta.pk.column)
        # Only names from the models and the list's own number go into the text.
        selects.append(
            f"SELECT {n}, {term}.{quote('position')}, {term}.{quote('label')}"
            f" FROM {quote(through.db_table)}"
            f" JOIN {term} ON {term}.{term_pk} = {term_id} WHERE {case_id} = %s"
        )
    # The terms' own order (Term.Meta.ordering), by the database as the prefetches were: its
    # collation orders labels of the same position, not Python's.
    sql = " UNION ALL ".join(selects) + " ORDER BY 2, 3"
    with connection.cursor() as cursor:
        cursor.execute(sql, [case.pk] * len(TERM_LISTS))
        rows = cursor.fetchall()
    labels: dict[str, list[str]] = {name: [] for name in TERM_LISTS}
    for n, _, label in rows:
        labels[TERM_LISTS[n]].append(label)
    return labels


def case_for(
    user,
    reference: str,
    *,
    read: Callable[[QuerySet[Case]], QuerySet[Case]] = with_everything,
) -> Case:
    """The case ``user`` may see, or 404; report viewers and others without case records: 403.

    ``read`` says what comes with it (``with_everything``, ``for_case_page``, ``with_stages``).
    A responding manager asking for a case not assigned to them gets 404, as if it did not
    exist, so references of other people's cases cannot be confirmed by guessing.
    """
    if not can_see_case_records(user):
        raise PermissionDenied
    try:
        return read(cases_visible_to(user)).get(reference=reference)
    except Case.DoesNotExist:
        raise Http404("No such case") from None
