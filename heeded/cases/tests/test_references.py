"""Case references stay unique when officers record at the same moment."""

import threading

import pytest
from django.db import connections

from heeded.cases.actions import next_reference
from heeded.cases.models import ReferenceCounter


@pytest.mark.django_db(transaction=True)
def test_concurrent_reference_generation_never_gives_a_number_twice():
    # On PostgreSQL the counter row lock serialises the threads; on SQLite the database
    # write lock does (transaction_mode IMMEDIATE). Either way: no number twice.
    references: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def issue(count: int) -> None:
        try:
            start.wait()
            for _ in range(count):
                reference = next_reference("TS", 2026)
                with lock:
                    references.append(reference)
        except BaseException as error:  # reported below, not swallowed
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(25,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert len(references) == 200
    assert len(set(references)) == 200
    assert sorted(references) == [f"TS-2026-{n:05d}" for n in range(1, 201)]
    assert ReferenceCounter.objects.get(prefix="TS", year=2026).last_number == 200


@pytest.mark.django_db
def test_each_prefix_and_year_counts_separately():
    assert next_reference("CS", 2025) == "CS-2025-00001"
    assert next_reference("CS", 2026) == "CS-2026-00001"
    assert next_reference("FOI", 2026) == "FOI-2026-00001"
    assert next_reference("CS", 2025) == "CS-2025-00002"
