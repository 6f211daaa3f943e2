"""Reading a case for its page: everything it shows in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, F, Prefetch, QuerySet, Value
from django.http import Http404

from heeded.access.policies import can_see_case_records, cases_visible_to
from heeded.cases.models import Case, CaseEvent, CaseParty, Contact, Document, EventKind, Stage

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
    ).prefetch_related(
        Prefetch("stages", queryset=Stage.objects.select_related("responding_manager")),
        "payments",
        Prefetch("parties", queryset=CaseParty.objects.select_related("person").order_by("id")),
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


def with_everything(queryset: QuerySet[Case]) -> QuerySet[Case]:
    """The case page's rows and the term lists as terms, which the action forms start from."""
    return for_case_page(queryset).prefetch_related(*TERM_LISTS)


def with_stages(queryset: QuerySet[Case]) -> QuerySet[Case]:
    return queryset.select_related("record_type").prefetch_related("stages")


def term_labels(case: Case) -> dict[str, list[str]]:
    """The labels of each of the case's lists of terms (``TERM_LISTS``), in the terms' order.

    One query for the four lists: prefetched, they took a query each, and building those
    queries was a fifth of the case page's time.
    """
    parts = []
    for name in TERM_LISTS:
        relation = Case._meta.get_field(name)
        term = relation.m2m_reverse_field_name()
        parts.append(
            relation.remote_field.through.objects.filter(case_id=case.pk)
            .annotate(
                relation=Value(name, output_field=CharField()),
                position=F(f"{term}__position"),
                label=F(f"{term}__label"),
            )
            .values_list("relation", "position", "label")
        )
    # The terms' own order (Term.Meta.ordering), by the database as before: its collation
    # orders labels of the same position, not Python's.
    rows = parts[0].union(*parts[1:], all=True).order_by("position", "label")
    labels: dict[str, list[str]] = {name: [] for name in TERM_LISTS}
    for relation, _, label in rows:
        labels[relation].append(label)
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
