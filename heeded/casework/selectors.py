"""Reading a case for its page: everything it shows in a fixed number of queries."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from heeded.access.policies import can_see_case_records, cases_visible_to
from heeded.cases.models import Case, CaseEvent, CaseParty, Contact, Document, EventKind, Stage


def with_everything(queryset: QuerySet[Case]) -> QuerySet[Case]:
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
        "service_teams",
        "natures",
        "outcomes_sought",
        "actual_outcomes",
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


def case_for(user, reference: str, *, full: bool = True) -> Case:
    """The case ``user`` may see, or 404; report viewers and others without case records: 403.

    A responding manager asking for a case not assigned to them gets 404, as if it did not
    exist, so references of other people's cases cannot be confirmed by guessing.
    """
    if not can_see_case_records(user):
        raise PermissionDenied
    queryset = cases_visible_to(user)
    if full:
        queryset = with_everything(queryset)
    else:
        queryset = queryset.select_related("record_type").prefetch_related("stages")
    try:
        return queryset.get(reference=reference)
    except Case.DoesNotExist:
        raise Http404("No such case") from None
