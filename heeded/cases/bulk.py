"""Multi-row inserts of many cases (imports, benchmark data).

COPY on PostgreSQL, executemany on SQLite.

Django's ``bulk_create`` compiles its SQL value by value, which costs more than the database
spends storing the rows (profiled: three quarters of an import's time). Here each table gets
one prepared statement and plain tuples.

Keys of cases, stages and payments are taken from the table's own sequence before the rows
are built, so stages, events and links can point at their case without reading anything
back. PostgreSQL: ``nextval`` on the identity sequence. SQLite: above the highest key ever
issued, inside the import's write transaction, which SQLite's IMMEDIATE mode makes the only
writer (were another writer ever to take a key first, the insert would fail on the primary
key and the whole import would roll back).

Values are passed as Python objects: psycopg and the adapters Django registers for SQLite
store dates, booleans and text exactly as Django would. Date-times and decimals go through
the field's own ``get_db_prep_save`` (SQLite keeps date-times as naive UTC text). History
rows are written the same way, with the columns django-simple-history gives its tables
(checked: any other column falls back to simple-history's own ``bulk_history_create``).
"""

from __future__ import annotations

from operator import attrgetter

from django.db import connection
from django.utils import timezone

CONVERTED_TYPES = {"DateTimeField", "DecimalField"}
HISTORY_EXTRA = ("history_date", "history_change_reason", "history_type", "history_user_id")
BATCH = 5_000


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
    return list(range(highest + 1, highest + 1 + count))


def insert_tuples(table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: PostgreSQL's own bulk load, with psycopg adapting each value.
            with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
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


def _automatic(field) -> bool:
    # The object already carries the value given when it was inserted.
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
