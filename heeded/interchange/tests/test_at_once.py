"""Two imports at the same moment: the second waits for the first and is told what the
first changed, cell by cell, rather than failing with a server error."""

import datetime as dt
import threading
from contextlib import contextmanager

import pytest
from django.db import connection, connections, transaction

from heeded.cases.models import Case
from heeded.interchange import importing
from heeded.interchange.importing import import_file

from .helpers import complaint, csv_file

TODAY = dt.date(2024, 6, 1)


def while_one_is_open(first, second, *, release_after: float | None) -> dict:
    """Run ``first`` in a transaction held open in one thread, then ``second`` in another;
    ``first`` commits ``release_after`` seconds into ``second`` (None: once it has ended).

    What each returned, under "first" and "second"; fails on any error either raised.
    """
    held, release = threading.Event(), threading.Event()
    outcome: dict = {}

    def hold():
        try:
            with transaction.atomic():
                outcome["first"] = first()
                held.set()
                release.wait(30)
        finally:
            connections.close_all()

    def run_second():
        try:
            outcome["second"] = second()
        except Exception as error:  # reported by the assertion below
            outcome["error"] = error
        finally:
            connections.close_all()

    one = threading.Thread(target=hold)
    one.start()
    assert held.wait(30)
    two = threading.Thread(target=run_second)
    two.start()
    two.join(release_after)
    release.set()
    one.join()
    two.join()
    assert "error" not in outcome, outcome.get("error")
    return outcome


@contextmanager
def sqlite_waits_one_second():
    """SQLite's busy timeout at 1 second, not 20, for the connection opened inside."""
    options = connection.settings_dict["OPTIONS"]
    if connection.vendor == "sqlite":
        connection.settings_dict["OPTIONS"] = {**options, "timeout": 1}
    try:
        yield
    finally:
        connection.settings_dict["OPTIONS"] = options


@pytest.mark.django_db(transaction=True)
def test_a_second_import_of_the_same_new_cases_waits_and_names_each_reference(tmp_path):
    # Two managers confirm the same file a moment apart: the first import is still open
    # (its rows written, not yet committed) when the second starts.
    first_file = csv_file(tmp_path, [complaint("IOW-1"), complaint("IOW-2")], name="first.csv")
    second_file = csv_file(tmp_path, [complaint("IOW-2"), complaint("IOW-3")], name="second.csv")

    outcome = while_one_is_open(
        lambda: import_file(first_file, by=None, today=TODAY),
        lambda: import_file(second_file, by=None, today=TODAY),
        release_after=1,  # the second import is waiting for the first
    )

    assert outcome["first"].written
    report = outcome["second"]
    assert not report.written
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "reference", "IOW-2")]
    assert sorted(Case.objects.values_list("reference", flat=True)) == ["IOW-1", "IOW-2"]


@pytest.mark.django_db(transaction=True)
def test_an_import_that_cannot_wait_any_longer_says_so_rather_than_failing(tmp_path, monkeypatch):
    # On SQLite a second writer waits for the busy timeout (20 seconds), then fails with
    # "database is locked": the import page's server error, a traceback from the command.
    # On PostgreSQL it waited for the other import with no limit, past the web server's.
    monkeypatch.setattr(importing, "LOCK_WAIT_SECONDS", 1)
    path = csv_file(tmp_path, [complaint("IOW-1")])

    def second():
        with sqlite_waits_one_second():
            return import_file(path, by=None, today=TODAY)

    # On SQLite the open transaction is IMMEDIATE, the one writer; on PostgreSQL it holds
    # the import's own lock.
    outcome = while_one_is_open(importing._one_import_at_a_time, second, release_after=None)

    assert outcome["second"].refused == (
        "Another import, or another large change, is being saved at this moment. Nothing "
        "was written. Try again in a minute."
    )
    assert Case.objects.count() == 0
