"""The response form: what it answers and by when, above the answers.

The complaint (conftest): received Monday 12 September 2022, Stage 1 due 10 working days
after, Tuesday 27 September (19 September was the Queen's State Funeral, a bank holiday).
"""

import datetime as dt
import html
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from heeded.cases import actions

from .conftest import action_url

pytestmark = pytest.mark.django_db


def on(day: dt.date):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Europe/London")),
        tick=False,
    )


def answering(page: str) -> str:
    """The words of the "What you are answering" list, as someone reads them."""
    start = page.index('<dl class="govuk-summary-list app-answering">')
    text = page[start : page.index("</dl>", start)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture
def helen(client, officer, responding, complaint):
    """The responding manager given Stage 1, signed in."""
    actions.assign(complaint, by=officer, responding_manager=responding, stage_number=1)
    client.force_login(responding)
    return client


def test_the_form_says_what_the_complaint_is_about_and_what_they_want(helen, complaint):
    with on(dt.date(2022, 9, 14)):
        page = helen.get(action_url(complaint, "respond")).content.decode()
    assert answering(page) == (
        "Stage 1 response Due 27 September 2022 8 working days left"
        " What it is about Social worker did not return calls for three weeks."
        " About Poor communication What they want Apology"
    )


def test_the_form_says_how_late_the_response_is_after_an_extended_deadline(
    helen, complaint, officer
):
    actions.extend_stage(
        complaint,
        1,
        by=officer,
        to=dt.date(2022, 10, 11),
        reason="Advocate needed",
        on=dt.date(2022, 9, 20),
    )
    with on(dt.date(2022, 10, 13)):
        page = helen.get(action_url(complaint, "respond")).content.decode()
    assert answering(page).startswith(
        "Stage 1 response (extended) Due 11 October 2022 2 working days overdue"
        " Extended from 27 September 2022: Advocate needed"
    )
    assert "govuk-tag--red" in page


def test_a_stage_2_response_shows_what_stage_1_said(client, officer, complaint):
    actions.respond_to_stage(
        complaint,
        1,
        by=officer,
        on=dt.date(2022, 9, 23),
        outcome="not_upheld",
        summary="Calls were returned within the team's timescale.",
    )
    actions.start_stage(complaint, 2, by=officer, requested_on=dt.date(2022, 9, 28))
    client.force_login(officer)
    page = client.get(action_url(complaint, "respond")).content.decode()
    assert "Stage 1 response Calls were returned within the team's timescale." in (answering(page))


def test_the_form_reads_the_case_in_a_fixed_number_of_queries(
    helen, complaint, django_assert_max_num_queries
):
    with django_assert_max_num_queries(22):
        response = helen.get(action_url(complaint, "respond"))
    assert response.status_code == 200
