"""The roles people have in Heeded, declared once.

Each role is a Django group of the same name. What a role may see and do is decided by the
predicates in ``rules.py`` and the selectors that list cases, all of which read
``has_role``; the group's model permissions only open the matching Django admin screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from heeded.reference.editions import Kept


class Role(StrEnum):
    COMPLAINTS_OFFICER = "complaints_officer"
    COMPLAINTS_MANAGER = "complaints_manager"
    RESPONDING_MANAGER = "responding_manager"
    REPORT_VIEWER = "report_viewer"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True)
class RoleDefinition:
    role: Role
    label: str
    description: str
    # Django admin permissions ("app_label.codename") the role's group is given.
    admin_permissions: tuple[str, ...] = ()


_TAXONOMY = tuple(
    f"taxonomy.{verb}_{model}"
    for model in (
        "recordtype",
        "howreceived",
        "complainanttype",
        "serviceteam",
        "nature",
        "outcome",
        "refusalreason",
        "ombudsmandecision",
    )
    for verb in ("view", "add", "change")
)

ROLES = {
    d.role: d
    for d in (
        RoleDefinition(
            Role.COMPLAINTS_OFFICER,
            "Complaints officer",
            "Records representations and takes every case through its procedure.",
        ),
        RoleDefinition(
            Role.COMPLAINTS_MANAGER,
            "Complaints manager",
            "Everything an officer does, plus reference data (codes, teams, closure days, "
            "organisation settings), staff accounts other than administrators', imports "
            "and exports.",
            admin_permissions=_TAXONOMY
            + (
                "calendars.view_closureday",
                "calendars.add_closureday",
                "calendars.change_closureday",
                "calendars.delete_closureday",
                "organisation.view_organisation",
                "organisation.change_organisation",
            ),
        ),
        RoleDefinition(
            Role.RESPONDING_MANAGER,
            "Responding manager or investigator",
            "Sees and acts on only the cases and stages assigned to them.",
        ),
        RoleDefinition(
            Role.REPORT_VIEWER,
            "Report viewer",
            "Senior leaders and councillors: reports only, no case records.",
        ),
        RoleDefinition(
            Role.ADMINISTRATOR,
            "Administrator",
            "Manages staff accounts and the system; sees everything.",
            admin_permissions=_TAXONOMY
            + ("auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group"),
        ),
    )
}


def has_role(user, *roles: Role) -> bool:
    """Whether ``user`` holds any of ``roles`` (administrators and superusers hold all)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    names = _group_names(user)
    return Role.ADMINISTRATOR in names or any(role in names for role in roles)


def _group_names(user) -> frozenset[str]:
    # Cached on the user object for however many checks a page makes, from everyone's roles
    # as the process keeps them until the reference data changes (no query for most pages).
    cached = getattr(user, "_heeded_roles", None)
    if cached is None:
        cached = KEPT_ROLES.get().get(user.pk, frozenset())
        user._heeded_roles = cached
    return cached


def _everyones_roles() -> dict[int, frozenset[str]]:
    """The names of the groups each person is in, by their id: one query for everyone."""
    from django.contrib.auth import get_user_model

    names: dict[int, set[str]] = {}
    memberships = get_user_model().groups.through.objects.values_list("user_id", "group__name")
    for user_id, name in memberships:
        names.setdefault(user_id, set()).add(name)
    return {user_id: frozenset(groups) for user_id, groups in names.items()}


KEPT_ROLES = Kept(_everyones_roles)


def ensure_role_groups(group_model=None, permission_model=None) -> None:
    """Create each role's group with its admin permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    group_model = group_model or Group
    permission_model = permission_model or Permission
    for definition in ROLES.values():
        group, _ = group_model.objects.get_or_create(name=definition.role.value)
        wanted = []
        for dotted in definition.admin_permissions:
            app_label, codename = dotted.split(".")
            wanted += list(
                permission_model.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(wanted)
