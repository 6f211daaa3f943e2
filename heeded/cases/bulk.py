"""Multi-row inserts of many cases (imports, benchmark data).

COPY on PostgreSQL, executemany on SQLite.

Django's ``bulk_create`` compiles its SQL value by value, which costs more than the database
spends storing the rows (profiled: three quarters of an import's time). Here each table gets
one prepared statement and plain tuples.

Keys of cases, stages and payments are taken from the table's own sequence before the rows
are built, so stages, events and links can point at their case without reading anything
back. PostgreSQL: ``nextval`` on the identity sequence. SQLite: above the highest key ever
issued, moving the table's AUTOINCREMENT counter past them so that no insert takes them
meanwhile (inside the import's write transaction, which SQLite's IMMEDIATE mode makes the
only writer).

Values are passed as Python objects: psycopg and the adapters Django registers for SQLite
store dates, booleans and text exactly as Django would. Date-times and decimals go through
the field's own ``get_db_prep_save`` (SQLite keeps date-times as naive UTC text). History
rows are written the same way, with the columns django-simple-history gives its tables
(checked: any other column falls back to simple-history's own ``bulk_history_create``).

For many thousands of rows, ``TableRows`` builds the tuples without model instances at all
(an instance costs more to build than the database spends storing its row): the caller
gives the values it sets, every other column takes its field's default; ``copy_history``
then has the database copy the rows stored into their history table.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from contextlib import contextmanager
from functools import lru_cache
from operator import attrgetter, itemgetter

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

CONVERTED_TYPES = {"DateTimeField", "DecimalField"}
HISTORY_EXTRA = ("history_date", "history_change_reason", "history_type", "history_user_id")
BATCH = 5_000
# SQLite's page cache while loading: the default 2 MB cannot hold the parts of a few dozen
# indexes a load keeps writing to (measured: a tenth faster at 100,000 cases).
LOAD_CACHE_KIB = 64 * 1024


@contextmanager
def loading():
    """For the length of a bulk load: on SQLite, a bigger page cache for this connection,
    and values bound without a Python call each (bind_directly).

    Only memory and speed: what is written, and how durably it is committed, is unchanged.
    """
    if connection.vendor != "sqlite":
        yield
        return
    bind_directly()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def bind_directly() -> None:
    """Have Python's sqlite3 bind None, booleans and dates through C functions.

    Python 3.11's sqlite3 looks for an adapter for every value that is not exactly an int,
    float, str or bytes. None and booleans have none, so each one first fails two attribute
    lookups (formatting an error message each time); a date goes through Django's adapter, a
    Python function that calls date.isoformat, which formats it anew each time. Profiled
    with callgrind, that was a quarter of the work of storing an import on SQLite. The
    adapters registered here give the very values bound before (NULL, 1 or 0, the ISO date
    text Django's adapter gives), so they stay registered: every query binds the same, only
    sooner. Registered when a load starts rather than at import, as Django registers its
    own when its SQLite backend is loaded.
    """
    sqlite3.register_adapter(type(None), {}.get)  # {}.get(None) is None: bound as NULL
    sqlite3.register_adapter(bool, int)
    sqlite3.register_adapter(dt.date, _iso_date)


# The text of each date bound lately: an import binds a few thousand dates a hundred times
# each. Only dates come here (a date-time has an adapter of its own).
_iso_date = lru_cache(maxsize=8_192)(dt.date.isoformat)


def reserve_ids(model, count: int) -> list[int]:
    """``count`` new primary keys for ``model``, never to be issued to anyone else."""
    if count == 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT MAX("{column}") FROM "{table}"')
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        found = cursor.fetchone()
        highest = max(highest, found[0] if found else 0)
        # Moved on past the keys reserved, as an insert would: the next insert (by Django
        # or by reserve_ids) takes the key after them, even before they are used.
        if found:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [highest + count, table]
            )
        else:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest + count]
            )
    return list(range(highest + 1, highest + 1 + count))


def insert_tuples(table: str, columns: list[str], rows: list[tuple]) -> None:
    """Insert ``rows``: by COPY on PostgreSQL, by executemany on SQLite."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: PostgreSQL's own bulk load, with psycopg adapting each value. Its errors
            # are Django's (IntegrityError and the rest), as an ORM query's are.
            copy_sql = f'COPY "{table}" ({names}) FROM STDIN'
            with connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _getter(field, now, set_automatic: bool = True):
    """A function giving the field's value for the database, setting automatic dates."""
    if set_automatic and _automatic(field):
        stored = field.get_db_prep_save(now, connection)

        def automatic(obj, name=field.attname):
            setattr(obj, name, now)
            return stored

        return automatic
    get = attrgetter(field.attname)
    if field.get_internal_type() in CONVERTED_TYPES:
        return lambda obj: field.get_db_prep_save(get(obj), connection)
    return get


def insert_objects(model, objects: list, *, now=None) -> None:
    """Insert model instances whose primary keys are already set (see reserve_ids)."""
    if not objects:
        return
    now = now or timezone.now()
    fields = list(model._meta.concrete_fields)
    getters = [_getter(f, now) for f in fields]
    rows = [tuple(get(obj) for get in getters) for obj in objects]
    insert_tuples(model._meta.db_table, [f.column for f in fields], rows)


def insert_history(model, objects: list, *, by, reason: str, now=None) -> None:
    """The "+" (created) history row of each object, as simple-history would write it."""
    if not objects:
        return
    now = now or timezone.now()
    history = model.history.model
    tracked = list(history.tracked_fields)
    columns = [f.column for f in tracked] + list(HISTORY_EXTRA)
    expected = {f.column for f in history._meta.concrete_fields} - {history._meta.pk.column}
    if set(columns) != expected:
        for obj in objects:
            obj._history_user = by
        model.history.bulk_history_create(
            objects, default_user=by, default_change_reason=reason, default_date=now
        )
        return
    getters = [_getter(f, now, set_automatic=False) for f in tracked]
    date = history._meta.get_field("history_date").get_db_prep_save(now, connection)
    extra = (date, reason, "+", by.pk if by else None)
    rows = [tuple(get(obj) for get in getters) + extra for obj in objects]
    insert_tuples(history._meta.db_table, columns, rows)


class TableRows:
    """Rows of ``model``'s table as tuples, from the values of the fields named in ``given``.

    ``given`` names fields by attname (``case_id``, not ``case``); each row passes their
    values, in that order, as the database takes them (dates, numbers, text; date-times and
    decimals through the field's ``get_db_prep_save``). Every other column holds its field's
    default, worked out once; created and updated times hold ``now``. The primary key is given (see
    reserve_ids) or, when left out, issued by the database.
    """

    def __init__(self, model, given: Sequence[str], *, now):
        self.model = model
        self.table = model._meta.db_table
        pk = model._meta.pk
        self.fields = [f for f in model._meta.concrete_fields if f is not pk or pk.attname in given]
        names = {f.attname for f in self.fields}
        if unknown := set(given) - names:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        others = [f for f in self.fields if f.attname not in given]
        self.defaults = tuple(_default(f, now) for f in others)
        place = {name: i for i, name in enumerate(given)}
        place.update({f.attname: len(given) + i for i, f in enumerate(others)})
        self.columns = [f.column for f in self.fields]
        self.positions = [place[f.attname] for f in self.fields]
        self._in_order = itemgetter(*self.positions)

    def row(self, values: tuple) -> tuple:
        """The row, in the table's column order: one C-level call, however many columns."""
        return self._in_order(values + self.defaults)


def copy_history(model, ids: list[int], *, by, reason: str, now) -> None:
    """The "+" (created) history row of each of ``model``'s rows ``ids``, as simple-history
    writes it, copied by the database from the rows just stored: nothing to build or send."""
    if not ids:
        return
    history = model.history.model
    columns = [f.column for f in history.tracked_fields]
    expected = {f.column for f in history._meta.concrete_fields} - {history._meta.pk.column}
    if set(columns) | set(HISTORY_EXTRA) != expected:
        raise ValueError(f"{history._meta.db_table} has columns copy_history does not fill")
    copied = ", ".join(f'"{c}"' for c in columns)
    names = ", ".join([copied, *(f'"{c}"' for c in HISTORY_EXTRA)])
    which, id_list = _one_of(model._meta.pk.column, ids)
    date = history._meta.get_field("history_date").get_db_prep_save(now, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f'INSERT INTO "{history._meta.db_table}" ({names}) '
            f'SELECT {copied}, %s, %s, %s, %s FROM "{model._meta.db_table}" WHERE {which}',
            [date, reason, "+", by.pk if by else None, id_list],
        )


def keys_by(model, field: str, values: list) -> dict:
    """The primary keys of ``model``'s rows whose ``field`` is one of ``values``, by value.

    One parameter however many values, where ``filter(field__in=values)`` compiles one for
    each (profiled: a tenth of the time an import spends checking its rows).
    """
    if not values:
        return {}
    column = model._meta.get_field(field).column
    which, param = _one_of(column, values)
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "{column}", "{model._meta.pk.column}" FROM "{model._meta.db_table}" '
            f"WHERE {which}",
            [param],
        )
        return dict(cursor.fetchall())


def _one_of(column: str, values: list) -> tuple[str, object]:
    """A condition that ``column`` is one of ``values``, and its single parameter."""
    if connection.vendor == "postgresql":
        return f'"{column}" = ANY(%s)', list(values)
    return f'"{column}" IN (SELECT value FROM json_each(%s))', json.dumps(list(values))


def _default(field, now):
    """The value a new row holds in a column its maker does not give."""
    if _automatic(field):
        return field.get_db_prep_save(now, connection)
    if field.has_default() and callable(field.default):
        # Worked out once, it would be shared by every row: the caller must give it.
        raise ValueError(f"{field} has a default worked out per row; give its value")
    return field.get_db_prep_save(field.get_default(), connection)


def _automatic(field) -> bool:
    # The object already carries the value given when it was inserted.
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


class Alongside:
    """One write at a time on a second thread, on this thread's connection and transaction.

    A bulk load into PostgreSQL spends much of its time waiting while the server, in its
    own process, stores rows and checks their foreign keys; meanwhile this thread can read
    and check the next rows. (SQLite works in this process, between rows holding Python's
    lock, so there the two threads take turns: no faster, measured no slower.) The
    connection is never used by both threads at once: ``start`` and ``wait`` finish the write
    under way first, so this thread calls ``wait`` before any query of its own.
    """

    def __init__(self):
        self.connection = connections[DEFAULT_DB_ALIAS]
        self._pool = ThreadPoolExecutor(max_workers=1, initializer=self._share)
        self._pending: Future | None = None

    def _share(self) -> None:
        connections[DEFAULT_DB_ALIAS] = self.connection

    def start(self, write, *args) -> None:
        self.wait()
        self._pending = self._pool.submit(write, *args)

    def wait(self) -> None:
        """Finish the write under way; its error, if it failed, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> Alongside:
        self.connection.inc_thread_sharing()
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                self.wait()
            elif self._pending is not None:
                # This thread failed: the write must still end before the rollback.
                wait_for([self._pending])
        finally:
            self._pool.shutdown()
            self.connection.dec_thread_sharing()


@contextmanager
def foreign_keys_checked_at_once():
    """On PostgreSQL, check each foreign key as its row is stored, not all at commit.

    The same checks, moved: made within each write, they overlap with the next rows being
    read (see Alongside) instead of all waiting for the commit.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


class IdPool:
    """Primary keys of ``model`` reserved ahead (see reserve_ids), handed out by ``take``
    without asking the database, so rows can be built while another thread writes."""

    def __init__(self, model):
        self.model = model
        self.free: list[int] = []

    def reserve(self, at_least: int) -> None:
        """Make sure ``at_least`` keys are free: one query when more are needed."""
        if (wanted := at_least - len(self.free)) > 0:
            self.free += reserve_ids(self.model, wanted)

    def take(self, count: int) -> list[int]:
        if count > len(self.free):
            raise RuntimeError(f"{count} {self.model.__name__} keys taken, {len(self.free)} free")
        taken, self.free = self.free[:count], self.free[count:]
        return taken
