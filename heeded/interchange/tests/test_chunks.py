"""A long file is checked and written a chunk at a time, each chunk written on a second
thread while the next is checked: the outcome must not depend on where the chunks fall."""

import datetime as dt

import pytest
from django.db import transaction

from heeded.interchange import importing
from heeded.interchange.exporting import export_rows
from heeded.interchange.importing import import_file
from heeded.interchange.writing import Writer

from .helpers import complaint, csv_file, stored

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def first_file(tmp_path):
    rows = [complaint(f"A{i:02}") for i in range(7)]
    return csv_file(tmp_path, rows, name="first.csv")


def second_file(tmp_path):
    """Updates (new stages, a payment, other outcomes) mixed with new cases."""
    rows = []
    for i in range(7):
        if i % 2:
            rows.append(complaint(f"A{i:02}", stage1_outcome="upheld"))
        else:
            rows.append(
                complaint(
                    f"A{i:02}",
                    stage2_started_on="2019-10-25",
                    stage2_responded_on="2019-12-02",
                    stage2_outcome="partially_upheld",
                    payment_amount="150.00",
                    closed_on="2019-12-02",
                )
            )
        rows.append(complaint(f"B{i:02}", payment_amount="25.00", natures="delay"))
    return csv_file(tmp_path, rows, name="second.csv")


def import_both(tmp_path) -> list[dict[str, str]]:
    assert import_file(first_file(tmp_path), by=None, today=TODAY).written
    report = import_file(second_file(tmp_path), by=None, update=True, today=TODAY)
    assert report.written, [str(p) for p in report.problems]
    assert (report.to_create, report.to_update) == (7, 7)
    return list(export_rows())


class _Undo(Exception):
    pass


def imported_in_chunks_of(size: int, tmp_path, monkeypatch) -> tuple:
    """What the two files give, read in chunks of ``size``; then undone."""
    monkeypatch.setattr(importing, "CHUNK", size)
    try:
        with transaction.atomic():
            outcome = (import_both(tmp_path), stored())
            raise _Undo
    except _Undo:
        return outcome


def test_small_chunks_write_what_one_chunk_writes(tmp_path, monkeypatch):
    whole = imported_in_chunks_of(1000, tmp_path, monkeypatch)
    # 14 cases; 14 first stages and 4 second; 21 case and 25 stage history rows (each
    # created, then the 7 A cases and their first stages updated); 4 + 7 payments.
    assert whole[1] == (14, 18, 103, 21, 25, 11)
    for size in (1, 3):
        assert imported_in_chunks_of(size, tmp_path, monkeypatch) == whole


def test_a_chunk_that_fails_to_store_leaves_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK", 3)
    stores = []
    store = Writer.store

    def failing_store(self, batch):
        stores.append(batch)
        if len(stores) == 2:
            raise RuntimeError("the disk is full")
        store(self, batch)

    monkeypatch.setattr(Writer, "store", failing_store)
    with pytest.raises(RuntimeError, match="the disk is full"):
        import_file(first_file(tmp_path), by=None, today=TODAY)
    assert stored() == (0, 0, 0, 0, 0, 0)


def test_a_problem_in_a_later_chunk_leaves_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK", 2)
    rows = [complaint(f"A{i:02}") for i in range(6)] + [complaint("Z", received_on="soon")]
    report = import_file(csv_file(tmp_path, rows), by=None, today=TODAY)
    assert not report.written and report.problems.total == 1
    assert stored() == (0, 0, 0, 0, 0, 0)
