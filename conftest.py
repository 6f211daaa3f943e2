"""The shared cast for tests: one person per role, and quick access to taxonomy codes.

Who may see what (heeded/access/roles.py):
- officer, manager: every case; manager also reference data, imports and reports
- responding: only the cases and stages assigned to them
- viewer: reports only, no case records
- admin: everything
"""

import os
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from heeded.access.roles import Role, ensure_role_groups


def pytest_configure(config):
    """On Redis (``CACHE_URL=redis://...``, as ``make test`` runs on PostgreSQL), each test
    process of pytest-xdist takes a Redis database of its own, as each takes its own test
    database: a test that empties the cache (rate limits) must not empty another's."""
    cache_settings = settings.CACHES["default"]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    if cache_settings["BACKEND"].endswith(".RedisCache"):
        # Databases 1 to 15 (Redis has 16); 0 is left to whatever else uses this Redis.
        number = 1 + int(worker.removeprefix("gw")) % 15
        cache_settings["LOCATION"] = re.sub(r"(/\d*)?$", f"/{number}", cache_settings["LOCATION"])


@pytest.fixture(scope="session", autouse=True)
def empty_cache_at_start():
    """Nothing a previous run left in a shared cache (Redis keeps it) counts in this one."""
    cache.clear()


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
def adjudicator(db):
    """A second responding manager: Stage 2 goes to a different person from Stage 1's."""
    return make_user("adjudicator", Role.RESPONDING_MANAGER)


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
