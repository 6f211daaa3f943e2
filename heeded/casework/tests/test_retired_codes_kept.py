"""Retiring a code keeps it on the cases that have it, through every form that opens on them.

QA on the demo: a complaints manager retired the nature "Funding"; an officer then opened
Edit details on an open case that had it, changed nothing and saved, and Funding was gone
from the case (and so from its row of the annual report): the form offered only the codes
in use, so the retired one was never ticked.
"""

import re

import pytest

from heeded.cases import actions
from heeded.cases.tests.factories import record

from .conftest import RECEIVED, action_url, date_parts

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def nature_boxes(page: str) -> list[str]:
    return re.findall(r'name="natures" value="(\d+)"', page)


def retire(term):
    term.retired = True
    term.save(update_fields=["retired"])
    return term


def save_edit_form_unchanged(client, case, **answers):
    case.refresh_from_db()
    return client.post(
        action_url(case, "edit"),
        {
            "expected_version": case.version,
            **date_parts("received_on", case.received_on),
            "summary": case.summary,
            "young_person": "unknown",
            "via_professional": "unknown",
            **answers,
        },
    )


def test_saving_details_unchanged_keeps_a_retired_nature_the_case_has(signed_in, complaint, code):
    funding = code("nature", "funding")
    actions.update_details(
        complaint, by=complaint.created_by, expected_version=complaint.version, natures=[funding]
    )
    retire(funding)
    page = signed_in.get(action_url(complaint, "edit")).content.decode()
    assert f'value="{funding.pk}" checked' in page
    response = save_edit_form_unchanged(signed_in, complaint, natures=[funding.pk])
    assert response.status_code == 302
    assert [n.code for n in complaint.natures.all()] == ["funding"]


def test_a_retired_way_of_receipt_stays_selected_and_saved(signed_in, officer, code):
    letter = code("how_received", "letter")
    case = record(officer, "complaint", received_on=RECEIVED, how_received=letter, summary="S")
    retire(letter)
    page = signed_in.get(action_url(case, "edit")).content.decode()
    assert f'value="{letter.pk}" selected' in page
    response = save_edit_form_unchanged(signed_in, case, how_received=letter.pk)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.how_received == letter


def test_a_retired_code_the_case_does_not_have_is_still_refused(signed_in, complaint, code):
    funding = retire(code("nature", "funding"))
    page = signed_in.get(action_url(complaint, "edit")).content.decode()
    assert str(funding.pk) not in nature_boxes(page)
    response = save_edit_form_unchanged(signed_in, complaint, natures=[funding.pk])
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not complaint.natures.filter(code="funding").exists()
