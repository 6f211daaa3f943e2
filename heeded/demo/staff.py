"""The demo council's staff: one sign-in per role, printed by ``heeded demo``.

Demo-only passwords: they are published in the README's quick start output and must never
be used on a real installation (``heeded demo`` refuses to run without HEEDED_DEMO=true).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, User

from heeded.access.roles import Role, ensure_role_groups


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    role: Role


SIGN_INS = (
    DemoUser("officer", "officer-demo-2026", "Priya", "Shah", Role.COMPLAINTS_OFFICER),
    DemoUser("manager", "manager-demo-2026", "Daniel", "Okafor", Role.COMPLAINTS_MANAGER),
    DemoUser("responding", "responding-demo-2026", "Helen", "Marsh", Role.RESPONDING_MANAGER),
    DemoUser("viewer", "viewer-demo-2026", "Cllr Alan", "Price", Role.REPORT_VIEWER),
    DemoUser("admin", "admin-demo-2026", "Sam", "Whitfield", Role.ADMINISTRATOR),
)

# Responding managers and investigators cases are shared between; no sign-in printed.
COLLEAGUES = (
    ("rmorgan", "Rachel", "Morgan", Role.RESPONDING_MANAGER),
    ("tbennett", "Tom", "Bennett", Role.RESPONDING_MANAGER),
    ("akhan", "Aisha", "Khan", Role.RESPONDING_MANAGER),
    ("gevans", "Gareth", "Evans", Role.RESPONDING_MANAGER),
    ("lfoster", "Lucy", "Foster", Role.COMPLAINTS_OFFICER),
)


def ensure_staff() -> dict[str, User]:
    """Create (or reset) every demo account; returns them by username."""
    ensure_role_groups()
    people: dict[str, User] = {}
    for demo in SIGN_INS:
        people[demo.username] = _user(
            demo.username, demo.first_name, demo.last_name, demo.role, demo.password
        )
    for username, first, last, role in COLLEAGUES:
        people[username] = _user(username, first, last, role, None)
    return people


def _user(username, first, last, role, password) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name = first, last
    user.email = f"{username}@demo-borough.example"
    user.is_active = True
    user.is_staff = role is Role.ADMINISTRATOR
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get(name=role.value)])
    return user


def sign_in_table() -> str:
    rows = [("Role", "Sign-in name", "Password", "Name")]
    rows += [
        (d.role.value.replace("_", " "), d.username, d.password, f"{d.first_name} {d.last_name}")
        for d in SIGN_INS
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
