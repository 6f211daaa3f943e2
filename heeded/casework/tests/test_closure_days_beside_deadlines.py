"""A council's closure days never move a deadline; the case page shows, beside each open
deadline a closure day falls before, the date counting them as well.

QA on the demo: the closure days page promised "an internal figure shown beside the
deadline", but nothing showed one: adding a training day changed nothing a manager or an
officer could see anywhere.
"""

import datetime as dt

import pytest

from heeded.calendars.models import ClosureDay
from heeded.cases import actions
from heeded.cases.clocks import internal_target, open_deadlines

from .conftest import RECEIVED

pytestmark = pytest.mark.django_db

D = dt.date


def stage_1(case):
    case.refresh_from_db()
    return next(d for d in open_deadlines(case) if d.stage_number == 1)


def test_the_case_page_shows_the_date_counting_closure_days_beside_the_deadline(
    client, officer, complaint, on_14_september_2022
):
    client.force_login(officer)
    url = f"/cases/{complaint.reference}/"
    assert "closure days" not in client.get(url).content.decode()
    # Received Monday 12 September 2022, Stage 1 due Tuesday 27 September; a training day
    # on Wednesday 21 September falls before it, the acknowledgement (15 September) not.
    ClosureDay.objects.create(date=D(2022, 9, 21), description="Training day")
    page = client.get(url).content.decode()
    assert "Stage 1 response</strong> due 27 September 2022" in page
    assert page.count("Internal target, leaving out the council's closure days") == 1
    assert "Internal target, leaving out the council's closure days: 28 September 2022." in page


def test_each_closure_day_before_the_deadline_adds_a_working_day(complaint):
    deadline = stage_1(complaint)
    assert deadline.due_on == D(2022, 9, 27)
    assert internal_target(deadline, []) == D(2022, 9, 27)
    # Before the clock started, after the deadline, on a weekend: none counts.
    assert internal_target(deadline, [D(2022, 9, 12), D(2022, 9, 28), D(2022, 9, 24)]) == (
        D(2022, 9, 27)
    )
    # Two before it: Wednesday 28 is the first working day after, Thursday 29 the second.
    assert internal_target(deadline, [D(2022, 9, 21), D(2022, 9, 27)]) == D(2022, 9, 29)
    # A closure day on the day it would move to is skipped as well.
    assert internal_target(deadline, [D(2022, 9, 21), D(2022, 9, 28)]) == D(2022, 9, 29)


def test_an_extended_deadline_counts_closure_days_up_to_its_new_date(complaint, officer):
    actions.extend_stage(
        complaint, 1, by=officer, to=D(2022, 10, 10), reason="Waiting for records", on=RECEIVED
    )
    deadline = stage_1(complaint)
    assert deadline.due_on == D(2022, 10, 10)
    # 5 October is after the first deadline but before the extended one.
    assert internal_target(deadline, [D(2022, 10, 5)]) == D(2022, 10, 11)


def test_the_response_form_shows_it_beside_the_deadline_too(
    client, officer, complaint, on_14_september_2022
):
    ClosureDay.objects.create(date=D(2022, 9, 21), description="Training day")
    client.force_login(officer)
    page = client.get(f"/cases/{complaint.reference}/respond/").content.decode()
    assert "Internal target, leaving out the council's closure days: 28 September 2022." in page
