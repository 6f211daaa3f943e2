"""A representation confirmed on one check page is recorded once, however often it is sent
(Back then "Record it" again, a double click, two requests at the same instant)."""

import datetime as dt
import threading
import uuid

import pytest
from django.db import connections

from heeded.cases.actions import AlreadyRecorded
from heeded.cases.models import Case
from heeded.cases.tests.factories import record

RECEIVED = dt.date(2022, 9, 12)


@pytest.mark.django_db
def test_the_same_page_sent_again_is_refused_with_the_case_it_recorded(officer):
    page = uuid.uuid4()
    first = record(officer, "compliment", received_on=RECEIVED, recorded_from=page)
    with pytest.raises(AlreadyRecorded) as refused:
        record(officer, "compliment", received_on=RECEIVED, recorded_from=page)
    assert refused.value.case == first
    assert str(refused.value) == (
        f"{first.reference} was recorded from these answers already: "
        "it has not been recorded again."
    )
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_cases_recorded_without_a_page_are_never_taken_for_each_other(officer):
    # Imports, commands and the demo record with no page: each is a case of its own.
    record(officer, "compliment", received_on=RECEIVED)
    record(officer, "compliment", received_on=RECEIVED)
    assert Case.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_page_sent_twice_at_once_records_one_case(officer):
    from heeded.taxonomy.seeding import seed_default_taxonomy

    # A transactional test starts after a flush that emptied the seeded record types.
    seed_default_taxonomy()
    page = uuid.uuid4()
    outcomes: list[object] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def send() -> None:
        try:
            start.wait()
            outcome = record(officer, "compliment", received_on=RECEIVED, recorded_from=page)
        except AlreadyRecorded as refused:
            outcome = refused
        except BaseException as error:  # reported below, not swallowed
            outcome = error
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    case = Case.objects.get()
    assert sorted(type(o).__name__ for o in outcomes) == ["AlreadyRecorded", "Case"]
    assert all(o == case or o.case == case for o in outcomes)
