"""Reference data each process keeps between requests, read again after any change to it.

Every page reads the organisation and the signed-in person's roles, and the case list the
officers and the type, team and nature codes: the same few rows on every request, a query
and a queryset each. A process
keeps them (``Kept``) with the *edition* of the reference data they were read in: a random
number in one row (``Edition``) that database triggers change whenever a watched table
changes (``watched_tables``), in the same transaction, however it is changed: a form, the
admin, an update() of many rows, a migration, psql. A request reads the edition once, one
small query, and uses what the process keeps only if it was read in that edition, so every
worker sees an edit from its next request on.

Only a request uses what is kept (``EditionMiddleware`` marks one, ``one_request`` in a
test): a command or anything else outside a request reads afresh every time.

The triggers are made after every migrate (``install``), not by a migration: SQLite drops a
table's triggers when a migration rebuilds the table. Whatever a process keeps must come
from watched tables only; keeping something else means watching its table here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

from django.db import connections

T = TypeVar("T")

# The request being answered: what it has looked up of the editions (None: no request).
_request: ContextVar[dict | None] = ContextVar("heeded_edition_request", default=None)


def watched_tables() -> dict[str, tuple[str, ...]]:
    """The tables whose changes make a new edition, each with the columns whose updates do
    (none named: any). A user's last sign-in does not: what is kept of people is their names,
    whether they are active, and their roles (the groups they are in)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from heeded.calendars.models import ClosureDay
    from heeded.organisation.models import Organisation
    from heeded.taxonomy.models import Nature, RecordType, ServiceTeam

    user = get_user_model()
    return {
        Organisation._meta.db_table: (),
        ClosureDay._meta.db_table: (),
        RecordType._meta.db_table: (),
        ServiceTeam._meta.db_table: (),
        Nature._meta.db_table: (),
        user._meta.db_table: ("username", "first_name", "last_name", "is_active"),
        user.groups.through._meta.db_table: (),
        Group._meta.db_table: (),
    }


@contextmanager
def one_request() -> Iterator[None]:
    """While this lasts, what is kept may be used, in the edition first looked up in it."""
    token = _request.set({})
    try:
        yield
    finally:
        _request.reset(token)


class EditionMiddleware:
    """Answers each request inside ``one_request``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_request():
            return self.get_response(request)


def edition() -> int | None:
    """The edition of the reference data the request being answered reads, looked up once
    a request. None outside a request, or where there is no edition (a test's database just
    emptied): then nothing kept is used."""
    looked_up = _request.get()
    if looked_up is None:
        return None
    if "edition" not in looked_up:
        table = connections["default"].ops.quote_name(_edition_model()._meta.db_table)
        with connections["default"].cursor() as cursor:
            cursor.execute(f"SELECT number FROM {table}")
            row = cursor.fetchone()
        looked_up["edition"] = row[0] if row else None
    return looked_up["edition"]


class Kept(Generic[T]):
    """A value read from watched tables, kept in this process for the edition it was read
    in. Shared by every request of the process: never changed once read."""

    def __init__(self, read: Callable[[], T]):
        self._read = read
        self._kept: tuple[int, T] | None = None

    def get(self) -> T:
        now = edition()
        kept = self._kept  # one read of the pair: another thread may replace it
        if now is not None and kept is not None and kept[0] == now:
            return kept[1]
        # Read after the edition: if an edit lands in between, what is kept is newer than
        # its edition says, and is read again on the next request, which sees the new one.
        value = self._read()
        if now is not None:
            self._kept = (now, value)
        return value


def _edition_model():
    from .models import Edition

    return Edition


def install(using: str = "default") -> None:
    """Make the edition row if there is none, and the triggers that renew its number."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    Edition = _edition_model()
    edition_table = Edition._meta.db_table
    if edition_table not in tables:
        return  # migrated back to before editions
    make = {"postgresql": _postgresql, "sqlite": _sqlite}.get(connection.vendor)
    if make is None:
        return  # no triggers, so no edition: every request reads afresh
    quote = connection.ops.quote_name
    statements = make(
        quote(edition_table),
        {table: columns for table, columns in watched_tables().items() if table in tables},
        quote,
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    if not Edition.objects.using(using).exists():
        # A new number, not 0: a process may keep values from before a test emptied the
        # database, read in the edition a fresh row would otherwise repeat.
        Edition.objects.using(using).create(number=_new_number(connection))


def uninstall(apps, schema_editor) -> None:
    """Drop the triggers, before the edition's table goes (a migration undone): left, they
    would fail every change to a watched table."""
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    tables = set(connection.introspection.table_names()) & set(watched_tables())
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {_trigger(table)} ON {quote(table)}")
            elif connection.vendor == "sqlite":
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, event)}")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS heeded_new_edition()")


def _trigger(table: str, event: str = "") -> str:
    """A trigger's name: one a table on PostgreSQL, one an event (``event``) on SQLite."""
    return f'"heeded_edition_{table}{"_" + event if event else ""}"'


def _new_number(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_RANDOM[connection.vendor]}")
        return cursor.fetchone()[0]


# A random 64-bit number (SQLite) or one below 10**18 (PostgreSQL), in SQL.
_RANDOM = {"postgresql": "floor(random() * 1e18)::bigint", "sqlite": "random()"}


def _postgresql(edition_table: str, watched: dict, quote) -> list[str]:
    statements = [
        "CREATE OR REPLACE FUNCTION heeded_new_edition() RETURNS trigger LANGUAGE plpgsql AS"
        f" $$ BEGIN UPDATE {edition_table} SET number = {_RANDOM['postgresql']};"
        " RETURN NULL; END $$"
    ]
    for table, columns in watched.items():
        name = _trigger(table)
        update = "UPDATE OF " + ", ".join(map(quote, columns)) if columns else "UPDATE"
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {quote(table)}",
            # Once a statement, not a row: an update of many rows renews the number once.
            f"CREATE TRIGGER {name} AFTER INSERT OR {update} OR DELETE OR TRUNCATE"
            f" ON {quote(table)} FOR EACH STATEMENT EXECUTE FUNCTION heeded_new_edition()",
        ]
    return statements


def _sqlite(edition_table: str, watched: dict, quote) -> list[str]:
    statements = []
    for table, columns in watched.items():
        update = "UPDATE OF " + ", ".join(map(quote, columns)) if columns else "UPDATE"
        for event in ("INSERT", update, "DELETE"):
            name = _trigger(table, event.split()[0].lower())
            statements += [
                f"DROP TRIGGER IF EXISTS {name}",
                # SQLite's triggers are a row's: each row changed renews the number.
                f"CREATE TRIGGER {name} AFTER {event} ON {quote(table)}"
                f" BEGIN UPDATE {edition_table} SET number = {_RANDOM['sqlite']}; END",
            ]
    return statements
