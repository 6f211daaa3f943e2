"""The response form: what it answers and by when, above the answers, and what an upheld
finding must say about remedial action.

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
from heeded.cases.models import Case

from .conftest import RECEIVED, action_url, date_parts
from .test_action_views import field_error, post, summary_links

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
        " What they told us Social worker did not return calls for three weeks."
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


def at_stage_2(complaint, officer, **stage_1):
    """Stage 1 answered Not upheld on 23 September 2022 (with ``stage_1``'s answers), and
    Stage 2 started at the complainant's request on the 28th."""
    actions.respond_to_stage(
        complaint, 1, by=officer, on=dt.date(2022, 9, 23), outcome="not_upheld", **stage_1
    )
    actions.start_stage(complaint, 2, by=officer, requested_on=dt.date(2022, 9, 28))


def test_a_stage_2_response_shows_what_stage_1_said(client, officer, complaint):
    at_stage_2(complaint, officer, summary="Calls were returned within the team's timescale.")
    client.force_login(officer)
    page = client.get(action_url(complaint, "respond")).content.decode()
    assert "Stage 1 response Calls were returned within the team's timescale." in (answering(page))


def test_the_form_reads_the_case_in_a_fixed_number_of_queries(
    helen, complaint, django_assert_max_num_queries
):
    # 23 on a cold process: the closure days, for the date counting them beside the
    # deadline, are read once and kept until one is added or removed.
    with django_assert_max_num_queries(23):
        response = helen.get(action_url(complaint, "respond"))
    assert response.status_code == 200


def respond(client, case, finding: str, on: dt.date = dt.date(2022, 9, 23)):
    """The response form sent with a finding and nothing said about remedial action."""
    return post(client, case, "respond", {**date_parts("on", on), "outcome": finding})


@pytest.mark.parametrize(
    ("finding", "message"),
    [
        ("upheld", "Select whether remedial action was taken for an upheld complaint"),
        (
            "partially_upheld",
            "Select whether remedial action was taken for a partially upheld complaint",
        ),
    ],
)
def test_an_upheld_finding_must_say_whether_remedial_action_was_taken(
    helen, complaint, finding, message
):
    # Answered No, it is recorded (test_action_views: remedial action answered No).
    response = respond(helen, complaint, finding)
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_remedial_action") == f"{message}, or No if none was needed"
    assert summary_links(page) == ["#id_remedial_action_0"]
    assert complaint.stages.get().responded_on is None


def test_a_finding_not_upheld_needs_no_answer_about_remedial_action(helen, complaint):
    assert respond(helen, complaint, "not_upheld").status_code == 302
    assert Case.objects.get(pk=complaint.pk).remedial_action is None


def test_remedial_action_answered_at_stage_1_stands_for_stage_2(client, officer, complaint):
    at_stage_2(complaint, officer, remedial_action=False)
    client.force_login(officer)
    assert 'value="no" checked' in client.get(action_url(complaint, "respond")).content.decode()
    assert respond(client, complaint, "partially_upheld", dt.date(2022, 10, 20)).status_code == 302


def test_the_form_says_when_remedial_action_is_needed_and_where_learning_goes(helen, complaint):
    page = helen.get(action_url(complaint, "respond")).content.decode()
    assert "Needed when the complaint is upheld or partially upheld." in page
    assert "Only the anonymised learning below goes in the annual report." in page


def test_the_form_says_the_team_records_a_payments_amount(helen, complaint):
    page = html.unescape(helen.get(action_url(complaint, "respond")).content.decode())
    assert (
        "Choosing Payment does not record the amount: the complaints team records it with "
        "‘Record a payment’." in page
    )
    # The amount is theirs: not a move a responding manager may make.
    assert helen.get(action_url(complaint, "payment")).status_code == 403


def test_the_team_still_records_a_response_without_the_answer_by_other_means(officer, complaint):
    """Imported and older cases may lack it; the report counts them as not recorded."""
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="upheld")
    assert Case.objects.get(pk=complaint.pk).remedial_action is None
