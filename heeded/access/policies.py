"""Who may see and do what: one place, used by every view, list and download.

Two questions per kind of object, as in healthchecks' ``_get_check_for_user``: "which cases
may this user see?" (a queryset filter, so lists stay one query) and "may this user act on
this case?".
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from heeded.cases.models import Case

from .roles import Role, has_role

CASEWORK_ROLES = (Role.COMPLAINTS_OFFICER, Role.COMPLAINTS_MANAGER)


def sees_all_cases(user) -> bool:
    return has_role(user, *CASEWORK_ROLES)


def is_responding_manager(user) -> bool:
    return has_role(user, Role.RESPONDING_MANAGER)


def assigned_to(user) -> Q:
    """Cases a responding manager or investigator has been given."""
    return Q(stages__responding_manager=user) | Q(assigned_officer=user)


def cases_visible_to(user, queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    queryset = Case.objects.all() if queryset is None else queryset
    if sees_all_cases(user):
        return queryset
    if is_responding_manager(user):
        # A subquery rather than a join, so a case with two stages is not listed twice.
        ids = Case.objects.filter(assigned_to(user)).values("pk")
        return queryset.filter(pk__in=ids)
    return queryset.none()


def can_view_case(user, case: Case) -> bool:
    return cases_visible_to(user, Case.objects.filter(pk=case.pk)).exists()


def can_act_on_case(user, case: Case) -> bool:
    """Record contacts, notes, documents and stage moves (closure rules are the procedure's)."""
    return can_view_case(user, case)


def can_record_cases(user) -> bool:
    return has_role(user, *CASEWORK_ROLES)


def can_manage_reference_data(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER)


def can_import(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER)


def can_view_reports(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER, Role.REPORT_VIEWER)


def can_manage_staff(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


def can_see_case_records(user) -> bool:
    """Dashboards and the case list: everyone but report viewers (who see reports only)."""
    return has_role(user, *CASEWORK_ROLES, Role.RESPONDING_MANAGER)
