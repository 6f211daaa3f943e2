"""Correcting the details of someone on a case after it was recorded."""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.models import CaseEvent, EventKind, Person
from heeded.cases.tests.factories import record

from .conftest import RECEIVED

pytestmark = pytest.mark.django_db


def person_url(case) -> str:
    return f"/cases/{case.reference}/people/{case.parties.get().pk}/"


def answers(person, **changes) -> dict:
    data = {
        "full_name": person.full_name,
        "email": person.email,
        "telephone": person.telephone,
        "address": person.address,
        "postcode": person.postcode,
        "preferred_contact": person.preferred_contact,
        "date_of_birth_day": "",
        "date_of_birth_month": "",
        "date_of_birth_year": "",
        "organisation": person.organisation,
        "seen": actions.person_version(person),
    }
    return {**data, **changes}


@pytest.fixture
def dana(complaint) -> Person:
    return complaint.parties.get().person


def test_an_officer_corrects_a_telephone_number_and_the_timeline_says_what_changed(
    client, officer, complaint, dana
):
    client.force_login(officer)
    page = client.get(f"/cases/{complaint.reference}/").content.decode()
    assert f'href="{person_url(complaint)}">Change' in page
    response = client.post(
        person_url(complaint),
        answers(dana, telephone="01983 123456", postcode="po30 1ud", preferred_contact="telephone"),
    )
    assert response.status_code == 302
    assert (
        "Dana Whitlock&#x27;s details changed" in client.get(response["Location"]).content.decode()
    )
    dana.refresh_from_db()
    assert (dana.telephone, dana.postcode, dana.preferred_contact) == (
        "01983 123456",
        "PO30 1UD",
        "telephone",
    )
    event = CaseEvent.objects.get(case=complaint, kind=EventKind.EDITED)
    assert event.description == (
        "Dana Whitlock's details changed: telephone, postcode, preferred contact"
    )
    assert event.by == officer
    # The old number is kept in the person's history, not on the timeline.
    assert dana.history.earliest().telephone == ""


def test_bad_answers_are_named_and_everything_typed_is_kept(client, officer, complaint, dana):
    client.force_login(officer)
    response = client.post(
        person_url(complaint),
        answers(
            dana,
            full_name="",
            email="dana-at-example",
            postcode="ZZ9 ZZZZ",
            telephone="07700 900123",
            date_of_birth_day="30",
            date_of_birth_month="2",
            date_of_birth_year="2012",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Enter their full name",
        "Enter an email address in the correct format, like name@example.com",
        "Enter a real postcode, like AA1 1AA",
        "Date of birth must be a real date",
    ):
        assert message in page
    assert 'value="07700 900123"' in page
    dana.refresh_from_db()
    assert dana.telephone == ""


@pytest.mark.parametrize(
    ("year", "refused"),
    [("1985", ""), ("1899", "Date of birth must be in 1900 or later")],
)
def test_a_date_of_birth_is_held_to_1900_not_to_the_calendars_years(
    client, officer, complaint, dana, year, refused
):
    """A date of birth counts no working days: a care leaver's or a parent's from 1985 was
    refused as "must be in 1990 or later", the years whose bank holidays are known."""
    client.force_login(officer)
    born = {"date_of_birth_day": "4", "date_of_birth_month": "5", "date_of_birth_year": year}
    response = client.post(person_url(complaint), answers(dana, **born))
    dana.refresh_from_db()
    if refused:
        assert refused in response.content.decode()
        assert dana.date_of_birth is None
    else:
        assert dana.date_of_birth == dt.date(1985, 5, 4)


def clash(client, case, people, typed: dict, saved: dict):
    """Two browsers: the first of ``people`` opens the form and types ``typed``; the
    second saves ``saved`` first; then the first sends theirs."""
    officer, other = people
    person = case.parties.get().person
    client.force_login(officer)
    opened = client.get(person_url(case)).context["form"]
    details = {name: getattr(person, name) for name in actions.PERSON_DETAILS}
    seen = actions.person_version(person)
    actions.change_person_details(case, person, by=other, details={**details, **saved}, seen=seen)
    answers_typed = {**answers(person, **typed), "seen": seen}
    return client.post(
        person_url(case), {**answers_typed, "opened_with": opened.initial["opened_with"]}
    )


def test_a_change_saved_meanwhile_is_told_with_its_values_and_saving_again_keeps_both(
    client, officer, manager, complaint, dana
):
    """Two browsers on one person: the officer opens the form and types a telephone number;
    the manager corrects the e-mail address and saves first. The officer is told who changed
    what, from what to what; the form shows the manager's address (left alone by the
    officer) with the officer's number; saved again, both stand. The form used to come back
    with the address as first opened, and saving it put the old address back unseen."""
    manager.first_name, manager.last_name = "Daniel", "Okafor"
    manager.save()
    old = dana.email
    mine, theirs = {"telephone": "01983 111111"}, {"email": "dana.new@example.com"}
    response = clash(client, complaint, (officer, manager), mine, theirs)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed Dana Whitlock&#x27;s details while you had this page open." in page
    assert "<li>Details corrected by Daniel Okafor</li>" in page
    assert f"<li>Email: &#x27;{old}&#x27; became &#x27;dana.new@example.com&#x27;</li>" in page
    again = response.context["form"].data
    assert (again["email"], again["telephone"]) == ("dana.new@example.com", "01983 111111")
    dana.refresh_from_db()
    assert (dana.email, dana.telephone) == ("dana.new@example.com", "")
    saved = client.post(person_url(complaint), dict(again.items()))
    assert saved.status_code == 302
    dana.refresh_from_db()
    assert (dana.email, dana.telephone) == ("dana.new@example.com", "01983 111111")


def test_a_detail_both_changed_keeps_what_this_person_typed_and_says_what_the_other_saved(
    client, officer, manager, complaint, dana
):
    mine = {"telephone": "01983 111111"}
    theirs = {"telephone": "01983 222222", "preferred_contact": "telephone"}
    response = clash(client, complaint, (officer, manager), mine, theirs)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Telephone: none became &#x27;01983 222222&#x27;" in page
    # A choice in the words the form offered it, not its stored code.
    assert "Preferred contact: none became Telephone" in page
    again = response.context["form"].data
    assert (again["telephone"], again["preferred_contact"]) == ("01983 111111", "telephone")


def test_a_person_on_other_cases_is_said_to_be_so(client, officer, complaint, dana):
    record(officer, received_on=RECEIVED, people=[(dana, "complainant", "Mother")])
    client.force_login(officer)
    page = client.get(person_url(complaint)).content.decode()
    assert "Dana Whitlock is on 1 other case too: the change applies to it as well." in page


def test_only_the_complaints_team_corrects_people_and_only_those_on_the_case(
    client, officer, responding, complaint
):
    actions.assign(complaint, by=officer, responding_manager=responding)
    client.force_login(responding)
    assert client.get(person_url(complaint)).status_code == 403
    assert b"details</span></a>" not in client.get(f"/cases/{complaint.reference}/").content
    other = record(officer, received_on=dt.date(2022, 9, 13))
    client.force_login(officer)
    not_on_it = f"/cases/{other.reference}/people/{complaint.parties.get().pk}/"
    assert client.get(not_on_it).status_code == 404
