"""The shared cast for tests: one person per role, and quick access to taxonomy codes.

Who may see what (heeded/access/roles.py):
- officer, manager: every case; manager also reference data, imports and reports
- responding: only the cases and stages assigned to them
- viewer: reports only, no case records
- admin: everything
"""

import pytest
from django.contrib.auth.models import Group, User

from heeded.access.roles import Role, ensure_role_groups


def make_user(username: str, role: Role | None, **extra) -> User:
    ensure_role_groups()
    user = User.objects.create_user(
        username=username,
        password="a-long-test-password",
        first_name=username.title(),
        last_name="Tester",
        email=f"{username}@council.example",
        **extra,
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def officer(db):
    return make_user("officer", Role.COMPLAINTS_OFFICER)


@pytest.fixture
def manager(db):
    return make_user("manager", Role.COMPLAINTS_MANAGER)


@pytest.fixture
def responding(db):
    return make_user("responding", Role.RESPONDING_MANAGER)


@pytest.fixture
def viewer(db):
    return make_user("viewer", Role.REPORT_VIEWER)


@pytest.fixture
def admin_user(db):
    return make_user("admin", Role.ADMINISTRATOR)


@pytest.fixture
def nobody(db):
    return make_user("nobody", None)


@pytest.fixture
def code(db):
    """``code("nature", "delay")`` gives that taxonomy row."""
    from heeded.taxonomy.models import TAXONOMY_MODELS

    def get(kind: str, value: str):
        return TAXONOMY_MODELS[kind].objects.get(code=value)

    return get


pytest_plugins = ["heeded.tests_support.browser"]
