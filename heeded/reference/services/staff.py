"""Staff accounts and their roles, for administrators and complaints managers.

A complaints manager looks after everyone but administrators: they cannot give the
administrator role, nor change, deactivate or send a password link to an administrator
(``can_manage_administrators``), so nobody can raise themselves above their own role.

People are never deleted: cases, stages and their history point at them. Someone who leaves
is deactivated, which stops them signing in and keeps every record they made theirs. A new
member of staff sets their own password through a one-time link (Django's password reset
token), so nobody who adds them ever knows it; the link stops working once used.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from heeded.access.policies import can_manage_administrators
from heeded.access.roles import ROLES, Role

from ..models import Action
from . import changelog

AREA = "staff"
User = get_user_model()


def roles_of(user) -> list[Role]:
    """The user's roles in the order ROLES declares them (uses prefetched groups if any)."""
    names = {group.name for group in user.groups.all()}
    return [role for role in ROLES if role.value in names]


def roles_given_by(by) -> list[Role]:
    """The roles ``by`` may give and take away, in the order ROLES declares them."""
    if can_manage_administrators(by):
        return list(ROLES)
    return [role for role in ROLES if role != Role.ADMINISTRATOR]


def may_change(user, *, by) -> bool:
    """Whether ``by`` may change ``user``'s account: an administrator's only if ``by`` is one."""
    return can_manage_administrators(by) or not is_administrators_account(user)


def is_administrators_account(user) -> bool:
    """An administrator's account: the role, or Django's own superuser or admin-site flags
    (the first account, made by ``heeded createsuperuser``, has no role but holds them all).
    A complaints manager who could send such an account a "set your password" link could
    take it over."""
    return user.is_superuser or user.is_staff or Role.ADMINISTRATOR in roles_of(user)


def check_may_change(user, *, by) -> None:
    if not may_change(user, by=by):
        raise PermissionDenied("Only an administrator can change an administrator's account")


def _check_roles_given(roles, *, by, before=()) -> None:
    """Refuse a role ``by`` may not give, or take away (one the person had before)."""
    allowed = set(roles_given_by(by))
    changed = {Role(role) for role in roles} ^ {Role(role) for role in before}
    if changed - allowed:
        raise ValidationError(
            {"roles": "Only an administrator can give or take away the administrator role"}
        )


def check_username(username: str) -> None:
    if not username:
        raise ValidationError({"username": "Enter a username"})
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise ValidationError(
            {"username": "Username must use only letters, digits and the characters @ . + - _"}
        ) from None
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": f"There is already a member of staff with the username {username}"}
        )


def check_email(email: str, user=None) -> None:
    others = User.objects.filter(email__iexact=email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    if email and others.exists():
        raise ValidationError({"email": "Another member of staff already has this email address"})


def _set_roles(user, roles) -> None:
    wanted = {Role(role).value for role in roles}
    role_groups = {
        name: Group.objects.get_or_create(name=name)[0] for name in (r.value for r in ROLES)
    }
    # Groups that are not roles (added in the Django admin) are left alone.
    user.groups.remove(*[g for name, g in role_groups.items() if name not in wanted])
    user.groups.add(*[role_groups[name] for name in wanted])
    user.__dict__.pop("_heeded_roles", None)


def add_staff(*, by, username: str, first_name: str, last_name: str, email: str, roles) -> User:
    """Add a member of staff with no password yet (they set it through their link)."""
    username = username.strip()
    check_username(username)
    check_email(email)
    if not roles:
        raise ValidationError({"roles": "Select at least one role"})
    _check_roles_given(roles, by=by)
    try:
        with transaction.atomic():
            user = User(username=username, first_name=first_name, last_name=last_name, email=email)
            user.set_unusable_password()
            user.save()
            _set_roles(user, roles)
            changelog.log_created(
                by=by,
                area=AREA,
                subject=username,
                values={"name": user.get_full_name(), "email": email, "roles": roles},
            )
    except IntegrityError:
        check_username(username)
        raise
    return user


def update_staff(user, *, by, first_name: str, last_name: str, email: str, roles) -> User:
    check_may_change(user, by=by)
    check_email(email, user)
    roles = sorted({Role(role) for role in roles})
    if not roles:
        raise ValidationError(
            {"roles": "Select at least one role (to stop someone signing in, deactivate them)"}
        )
    current = roles_of(user)
    _check_roles_given(roles, by=by, before=current)
    if user.pk == by.pk:
        check_own_roles(before=current, after=roles)
    before = {"name": user.get_full_name(), "email": user.email, "roles": current}
    with transaction.atomic():
        user.first_name, user.last_name, user.email = first_name, last_name, email
        user.save(update_fields=["first_name", "last_name", "email"])
        _set_roles(user, roles)
        after = {"name": user.get_full_name(), "email": email, "roles": roles}
        changelog.log_changes(by=by, area=AREA, subject=user.username, before=before, after=after)
    return user


def check_own_roles(*, before, after) -> None:
    """Refuse to let someone take away their own way back to these screens.

    An administrator keeps their administrator role (only another one can take it away). A
    complaints manager who unticked their own role would be told "saved" and then be shut out
    of Settings, unable to put it back: unless they stay an administrator, they keep it.
    """
    if Role.ADMINISTRATOR in before and Role.ADMINISTRATOR not in after:
        raise ValidationError(
            {"roles": "You cannot remove your own administrator role: ask another administrator"}
        )
    staff_roles = {Role.ADMINISTRATOR, Role.COMPLAINTS_MANAGER}
    if Role.COMPLAINTS_MANAGER in before and not staff_roles & set(after):
        raise ValidationError(
            {
                "roles": "You cannot remove your own complaints manager role, or you could no "
                "longer change staff or settings: ask an administrator"
            }
        )


def deactivate_staff(user, *, by) -> User:
    """Stop someone signing in; everything they recorded stays theirs."""
    check_may_change(user, by=by)
    if user.pk == by.pk:
        raise ValidationError(
            "You cannot deactivate your own account: ask someone else who looks after staff"
        )
    return _set_active(user, False, by=by)


def reactivate_staff(user, *, by) -> User:
    check_may_change(user, by=by)
    return _set_active(user, True, by=by)


def _set_active(user, active: bool, *, by) -> User:
    if user.is_active == active:
        return user
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        changelog.log(
            by=by,
            area=AREA,
            subject=user.username,
            action=Action.REACTIVATED if active else Action.DEACTIVATED,
            field="active",
            old=not active,
            new=active,
        )
    return user


def set_password_path(user, *, by) -> str:
    """The path of a one-time "set your password" page for ``user``, to send them.

    Django's token is a hash of the user's password and last sign-in: it stops working once
    the password is set or they sign in, and after PASSWORD_RESET_TIMEOUT (3 days).
    """
    check_may_change(user, by=by)
    if not user.is_active:
        name = user.get_full_name() or user.username
        raise ValidationError(f"{name} is deactivated: reactivate them first")
    changelog.log(by=by, area=AREA, subject=user.username, action=Action.PASSWORD_LINK)
    return reverse(
        "reference:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
