"""Telling Heeded that someone on a case is a person already on file."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heeded.cases.models import Person
from heeded.cases.tests.factories import PersonFactory, record

from .conftest import RECEIVED

pytestmark = pytest.mark.django_db

BORN = dt.date(2012, 4, 7)


def chloe(**details) -> Person:
    return PersonFactory(**{"full_name": "Chloe Evans", "email": "", "postcode": "", **details})


def about(officer, child: Person, received_on=RECEIVED):
    return record(officer, received_on=received_on, people=[(child, "child", "")])


def person_url(case) -> str:
    return f"/cases/{case.reference}/people/{case.parties.get().pk}/"


def test_a_child_sent_online_is_offered_the_child_on_file_and_joined_to_them(client, officer):
    on_file = chloe(date_of_birth=BORN)
    first = about(officer, on_file)
    again = chloe(date_of_birth=BORN, postcode="DB8 6ES")
    case = about(officer, again, received_on=dt.date(2022, 10, 3))
    client.force_login(officer)

    page = client.get(person_url(case)).content.decode()
    assert "Already on file?" in page
    assert f"Child or young person on {first.reference}: Complaint (statutory)" in page
    compare = f"{person_url(case)}same-as/{on_file.pk}/"
    assert f'href="{compare}"' in page

    page = client.get(compare).content.decode()
    assert "Is Chloe Evans the person on file?" in page
    assert "DB8 6ES</td>" in page and "Not recorded</td>" in page  # postcode: here, not there
    assert f"{first.reference}: Complaint (statutory), received 12 September 2022" in page
    assert "This case's record is then removed." in page

    response = client.post(compare)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"{case.reference} now names Chloe Evans on file" in page
    assert case.parties.get().person_id == on_file.pk
    on_file.refresh_from_db()
    assert on_file.postcode == "DB8 6ES"
    # Done: a second go (an old tab) finds no second record to join.
    assert client.post(compare).status_code == 404


def test_comparing_a_record_chosen_on_file_says_its_other_cases_keep_naming_it(client, officer):
    """QA on the demo: Chloe Evans, chosen on file while recording, compared with another
    Chloe Evans: the page showed the other's cases only, as if this case's Chloe were a
    record made for it, and said she would be removed. Joined, her earlier case still
    names her: the page now lists her cases and says so."""
    other = about(officer, chloe(date_of_birth=BORN))
    ours = chloe()
    earlier = about(officer, ours)
    case = about(officer, ours, received_on=dt.date(2022, 10, 3))
    client.force_login(officer)
    party = case.parties.get()
    page = client.get(f"{person_url(case)}same-as/{other.parties.get().person_id}/").content
    page = page.decode()
    assert f"The record on {case.reference} is also on</h2>" in page
    assert f"<li>{earlier.reference}: Complaint (statutory), received 12 September 2022" in page
    assert "This case's record is kept, as 1 other case names it" in page
    assert "is then removed" not in page
    assert party.person == ours


def test_a_detail_the_two_records_hold_differently_is_marked(client, officer):
    on_file = chloe(date_of_birth=BORN)
    about(officer, on_file)
    case = about(officer, chloe(date_of_birth=dt.date(2012, 4, 8)))
    client.force_login(officer)
    page = client.get(f"{person_url(case)}same-as/{on_file.pk}/").content.decode()
    assert "Different</strong>" in page
    assert "8 April 2012</td>" in page


def test_no_one_on_file_no_question(client, officer):
    case = about(officer, chloe(date_of_birth=BORN))
    client.force_login(officer)
    assert "Already on file?" not in client.get(person_url(case)).content.decode()


def test_the_person_page_asks_the_same_number_of_queries_however_many_match(client, officer):
    case = about(officer, chloe(date_of_birth=BORN))
    about(officer, chloe())
    client.force_login(officer)
    client.get(person_url(case))
    with CaptureQueriesContext(connection) as one:
        client.get(person_url(case))
    for _ in range(5):
        about(officer, chloe())
    with CaptureQueriesContext(connection) as six:
        page = client.get(person_url(case)).content.decode()
    # At most six found, this Chloe among them.
    assert page.count("Compare with Chloe Evans") == 5
    assert len(six) == len(one)


def test_a_responding_manager_cannot_join_records(client, officer, responding):
    on_file = chloe()
    about(officer, on_file)
    case = about(officer, chloe())
    client.force_login(responding)
    response = client.post(f"{person_url(case)}same-as/{on_file.pk}/")
    assert response.status_code == 403
    assert case.parties.get().person_id != on_file.pk


def test_the_case_page_says_where_another_record_of_the_same_name_is_on_file(
    client, officer, django_assert_num_queries
):
    """QA on the demo: Chloe Evans chosen on file while recording, the case page then said
    "Someone of this name is already on file", as if a second Chloe had been made. It is
    said beside both records, the first as much as the second: "another record"."""
    on_file = chloe(date_of_birth=BORN)
    first = about(officer, on_file)
    case = about(officer, chloe())
    alone = about(officer, PersonFactory(full_name="Kit Whitlock"))
    client.force_login(officer)
    client.get(f"/cases/{case.reference}/")  # warm the session
    # In the case's own queries: the page's count is the same (test_case_page.QUERIES).
    with django_assert_num_queries(11):
        page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Another record of this name is on file" in page
    assert f'href="{person_url(case)}#already-on-file"' in page
    page = client.get(f"/cases/{first.reference}/").content.decode()
    assert "Another record of this name is on file" in page
    assert "already on file" not in page
    page = client.get(f"/cases/{alone.reference}/").content.decode()
    assert "Another record of this name is on file" not in page


def test_the_person_page_says_only_this_case_is_moved_to_the_record_on_file(client, officer):
    """QA on the demo: the person page said using the record on file meant "their cases
    are joined"; joining moves only this case to it (the compare page says so). The person
    page now says what happens as the compare page does: this case names the record on
    file, which takes the details it lacks; this case's record is removed, or kept while
    other cases name it."""
    about(officer, chloe(date_of_birth=BORN))
    case = about(officer, chloe(date_of_birth=BORN, postcode="DB8 6ES"))
    client.force_login(officer)
    page = client.get(person_url(case)).content.decode()
    assert "their cases are joined" not in page
    assert (
        f"If one of them is the same person, use their record: {case.reference} will then "
        "name it, and it is given the details it does not have from this case's record. "
        "This case's record is then removed."
    ) in page
    about(officer, case.parties.get().person, received_on=dt.date(2022, 10, 3))
    page = client.get(person_url(case)).content.decode()
    assert (
        "Only this case changes: this case's record is kept, as 1 other case names it: "
        "join it to the record on file there too if they are the same person."
    ) in page


def test_the_compare_page_says_a_constituent_was_the_subject_of_an_mps_enquiry(client, officer):
    # It said "(made the representation)": the MP made it.
    on_file = chloe()
    enquiry = record(
        officer,
        "mp_councillor_enquiry",
        received_on=RECEIVED,
        people=[(on_file, "complainant", "")],
    )
    case = about(officer, chloe(), received_on=dt.date(2022, 10, 3))
    client.force_login(officer)
    page = client.get(f"{person_url(case)}same-as/{on_file.pk}/").content.decode()
    assert f"{enquiry.reference}: MP or councillor enquiry" in page
    assert "(the constituent the enquiry is about)" in page
    assert "made the representation" not in page
