"""heeded.cases.bulk: the pieces a bulk load (the import) is built from."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from heeded.cases import bulk
from heeded.cases.models import Case, CaseEvent, Stage

from .factories import record

pytestmark = pytest.mark.django_db


def test_reserved_keys_are_never_issued_again(officer):
    case = record(officer)
    reserved = bulk.reserve_ids(Stage, 3)
    assert len(set(reserved)) == 3 and min(reserved) > case.stages.count()
    stage = Stage.objects.create(case=case, number=2, started_on=case.received_on)
    assert stage.pk > max(reserved)
    assert min(bulk.reserve_ids(Stage, 2)) > stage.pk


def test_an_id_pool_hands_out_its_keys_without_a_query(django_assert_num_queries):
    pool = bulk.IdPool(Case)
    pool.reserve(5)
    with django_assert_num_queries(0):
        first = pool.take(2)
        pool.reserve(3)  # three still free: no query
        second = pool.take(3)
    assert len(set(first + second)) == 5
    with pytest.raises(RuntimeError, match="1 Case keys taken, 0 free"):
        pool.take(1)


def test_keys_by_finds_the_rows_holding_any_of_the_values(officer):
    held = [record(officer, reference=reference) for reference in ("R-1", "R\u00e9\U0001f600")]
    found = bulk.keys_by(Case, "reference", ["R\u00e9\U0001f600", "R-1", "R-2", "r-1"])
    assert found == {case.reference: case.pk for case in held}
    assert bulk.keys_by(Case, "reference", []) == {}


def test_alongside_writes_on_another_thread_in_this_transaction(officer):
    case = record(officer)
    threads = []

    def write(note: str) -> None:
        threads.append(threading.get_ident())
        CaseEvent.objects.create(
            case=case, kind="note", happened_on=case.received_on, description=note
        )

    with bulk.Alongside() as alongside:
        alongside.start(write, "first")
        alongside.start(write, "second")  # waits for the first
        alongside.wait()
        notes = list(case.events.filter(kind="note").values_list("description", flat=True))
    assert notes == ["first", "second"]
    assert threading.get_ident() not in threads
    assert connection.in_atomic_block  # still the test's transaction


def test_alongside_raises_the_writes_error_here():
    def fail() -> None:
        raise ValueError("no room")

    with pytest.raises(ValueError, match="no room"), bulk.Alongside() as alongside:
        alongside.start(fail)
        alongside.wait()


def test_alongside_lets_a_write_finish_before_this_threads_error_leaves(officer):
    case = record(officer)
    started, finished = threading.Event(), threading.Event()

    def slow_write() -> None:
        started.set()
        Case.objects.filter(pk=case.pk).update(summary="written")
        finished.set()

    with pytest.raises(KeyError), bulk.Alongside() as alongside:
        alongside.start(slow_write)
        started.wait()
        raise KeyError("checking failed")
    assert finished.is_set()


def test_foreign_keys_are_checked_as_rows_are_stored_on_postgresql(officer):
    case = record(officer)
    recorded_at = CaseEvent._meta.get_field("recorded_at").get_db_prep_save(
        timezone.now(), connection
    )
    columns = [
        "case_id",
        "kind",
        "happened_on",
        "recorded_at",
        "description",
        "old_value",
        "new_value",
    ]
    good = (case.pk, "note", case.received_on, recorded_at, "", "", "")
    bad = (case.pk + 1000, *good[1:])
    with bulk.foreign_keys_checked_at_once():
        bulk.insert_tuples(CaseEvent._meta.db_table, columns, [good])
        if connection.vendor == "postgresql":
            with pytest.raises(IntegrityError), transaction.atomic():
                bulk.insert_tuples(CaseEvent._meta.db_table, columns, [bad])
        else:  # SQLite checks at commit, with or without it
            bulk.insert_tuples(CaseEvent._meta.db_table, columns, [bad])
            CaseEvent.objects.filter(case_id=bad[0]).delete()
    assert case.events.filter(kind="note").count() == 1


def test_history_tables_are_indexed_by_the_records_id_only():
    """simple-history would copy every index of the record (see models.HistoricalRecords)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, Case.history.model._meta.db_table
        )
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["primary_key"]}
    assert indexed == {("history_id",), ("id",), ("history_date",), ("history_user_id",)}


def test_values_bound_directly_are_stored_as_before():
    """None as NULL, booleans as 1 and 0, dates as ISO text, date-times left to Django.

    On a connection of Python's own sqlite3 whatever database the suite runs on: the
    adapters are the sqlite3 module's, so it is their binding that is checked."""
    import datetime as dt
    import sqlite3

    import django.db.backends.sqlite3.base  # noqa: F401  Django's adapters, as in use

    day, moment = dt.date(2019, 10, 7), dt.datetime(2019, 10, 7, 9, 30)
    sql = "SELECT typeof(?), ?, typeof(?), ?, ?, ?, ?"
    values = [None, None, True, True, False, day, moment]

    def stored():
        with sqlite3.connect(":memory:") as plain:
            return plain.execute(sql, values).fetchone()

    before = stored()
    bulk.bind_directly()
    assert stored() == before
    assert before == ("null", None, "integer", 1, 0, "2019-10-07", "2019-10-07 09:30:00")
