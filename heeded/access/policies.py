"""Who may see and do what: one place, used by every view, list and download.

Two questions per kind of object, as in healthchecks' ``_get_check_for_user``: "which cases
may this user see?" (a queryset filter, so lists stay one query) and "may this user act on
this case?".
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from heeded.cases.models import Case, Stage

from .roles import Role, has_role

CASEWORK_ROLES = (Role.COMPLAINTS_OFFICER, Role.COMPLAINTS_MANAGER)


def sees_all_cases(user) -> bool:
    return has_role(user, *CASEWORK_ROLES)


def is_responding_manager(user) -> bool:
    return has_role(user, Role.RESPONDING_MANAGER)


def assigned_to(user) -> Q:
    """Cases someone is the officer for, or responding manager of a stage of.

    The union of two indexed lookups (the case's officer; the stages given to them), as a
    subquery: a case with two stages is not counted twice, and "officer or stage manager"
    across a join made PostgreSQL read every case ever recorded to find one person's few
    hundred.
    """
    return _officer_or_manager(user, Stage.objects.filter(responding_manager=user))


def _officer_or_manager(user, stages: QuerySet[Stage]) -> Q:
    """Cases ``user`` is the officer for, or that hold one of ``stages``."""
    as_officer = Case.objects.filter(assigned_officer=user).order_by().values("pk")
    return Q(pk__in=as_officer.union(stages.order_by().values("case_id")))


def working_on(user) -> Q:
    """Cases someone has work on now: the officer for, or the responding manager of a stage
    not yet answered. What makes an open case theirs (``responsible_for``); the dashboard,
    which reads open cases only, asks just this."""
    answering = Stage.objects.filter(responding_manager=user, responded_on__isnull=True)
    return _officer_or_manager(user, answering)


def responsible_for(user) -> Q:
    """Cases that are someone's work: open cases they are working on (``working_on``), and
    closed cases they had any part in.

    A stage's responding manager stays able to see the case (``assigned_to``), but once
    they have answered their stage its next deadline belongs to someone else: Stage 2 goes to
    a different person from Stage 1's, who is the one reminded (domain.md, Stage 2).
    """
    return (Q(closed_on__isnull=True) & working_on(user)) | (
        Q(closed_on__isnull=False) & assigned_to(user)
    )


def cases_visible_to(user, queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    queryset = Case.objects.all() if queryset is None else queryset
    if sees_all_cases(user):
        return queryset
    if is_responding_manager(user):
        return queryset.filter(assigned_to(user))
    return queryset.none()


def can_record_cases(user) -> bool:
    return has_role(user, *CASEWORK_ROLES)


def can_manage_reference_data(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER)


def can_manage_recommendations(user) -> bool:
    """The annual report's recommendations and their progress: the complaints manager's,
    like reference data. Officers and report viewers read them in the report itself."""
    return has_role(user, Role.COMPLAINTS_MANAGER)


def can_import(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER)


def can_view_reports(user) -> bool:
    return has_role(user, Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER, Role.REPORT_VIEWER)


def can_manage_staff(user) -> bool:
    """Staff accounts. A council's complaints manager adds and removes responding managers
    and officers as people come and go, so the screens are theirs as well as the
    administrator's; an administrator's account is not (``can_manage_administrators``)."""
    return has_role(user, Role.ADMINISTRATOR, Role.COMPLAINTS_MANAGER)


def can_manage_administrators(user) -> bool:
    """Only an administrator gives, changes or takes away an administrator's account, so that
    nobody can raise themselves above their own role."""
    return has_role(user, Role.ADMINISTRATOR)


def can_see_case_records(user) -> bool:
    """Dashboards and the case list: everyone but report viewers (who see reports only)."""
    return has_role(user, *CASEWORK_ROLES, Role.RESPONDING_MANAGER)
