"""Finding a returning complainant on file while recording, however their details are typed.

QA on the demo, as a complaints officer recording a complaint from someone already on file.
"""

import re

import pytest

from heeded.cases.models import Case, PartyRole, Person
from heeded.cases.tests.factories import PersonFactory, record

from ..people import MOST
from .conftest import RECEIVED, date_parts
from .test_recording_views import complaint_answers

pytestmark = pytest.mark.django_db

SHARED = "family@example.org"


def _offered(client, **typed) -> list[str]:
    page = client.get("/cases/new/people/", typed).content.decode()
    return [Person.objects.get(pk=pk).full_name for pk in re.findall(r'id="person-(\d+)"', page)]


def test_the_person_whose_name_and_email_match_is_offered_before_others_sharing_the_email(
    client, officer
):
    """Name and email typed, the one person matching both was not offered at all: everyone
    else with that email (a family's, an advocacy service's) filled the six places,
    alphabetically, so the officer saw no match and added a duplicate."""
    for n in range(MOST + 2):
        PersonFactory(full_name=f"Aaron Abbott {n}", email=SHARED)
    zoe = PersonFactory(full_name="Zoe Young", email=SHARED)
    PersonFactory(full_name="Zoe Youngman", email="zy@example.org")
    client.force_login(officer)
    offered = _offered(client, full_name="Zoe Young", email=SHARED)
    assert offered[0] == zoe.full_name
    assert len(offered) == MOST
    # The whole name matching comes before a longer name that contains it.
    assert _offered(client, full_name="zoe young")[:2] == ["Zoe Young", "Zoe Youngman"]


@pytest.mark.parametrize(
    "typed", ["dana  whitlock", "DANA WHITLOCK", "  Dana   Whitlock ", "Whitlock Dana", "Whitlock"]
)
def test_a_name_typed_with_other_capitals_spaces_or_order_finds_them(client, officer, typed):
    PersonFactory(full_name="Dana Whitlock")
    client.force_login(officer)
    assert _offered(client, full_name=typed) == ["Dana Whitlock"]


@pytest.mark.parametrize("typed", ["po301ud", "PO30  1UD", " po30 1ud"])
def test_a_postcode_typed_without_its_space_finds_them(client, officer, typed):
    PersonFactory(full_name="Dana Whitlock", postcode="PO30 1UD")
    client.force_login(officer)
    assert _offered(client, postcode=typed) == ["Dana Whitlock"]


def test_a_new_persons_postcode_is_kept_as_it_is_written_so_it_is_found_again(
    client, officer, code
):
    client.force_login(officer)
    client.post("/cases/new/complaint/", complaint_answers(code, confirm="1", postcode="po301ud"))
    person = Case.objects.get().parties.get(role=PartyRole.COMPLAINANT).person
    assert person.postcode == "PO30 1UD"
    assert _offered(client, postcode="PO30 1UD") == ["Dana Whitlock"]


def test_details_typed_beside_someone_chosen_on_file_are_kept_on_their_record(
    client, officer, code
):
    """QA on the demo: a new telephone number typed, then the person on file chosen; the
    check page listed the number, the case did not have it. What was typed now replaces
    what was on file, what was left blank keeps it, and the timeline says so."""
    dana = PersonFactory(
        full_name="Dana Whitlock", email="old@example.com", telephone="", postcode="PO30 1UD"
    )
    client.force_login(officer)
    typed = complaint_answers(
        code, person=str(dana.pk), email="new@example.com", telephone="07700 900123", postcode=""
    )
    check = client.post("/cases/new/complaint/", typed).content.decode()
    assert "Telephone, saved to Dana Whitlock&#x27;s details" in check
    # The name on file is kept: one row says whose, none the name typed.
    assert check.count("Who is making the complaint</dt>") == 1
    assert "Dana Whitlock, old@example.com, PO30 1UD (on file)</dd>" in check
    client.post("/cases/new/complaint/", {**typed, "confirm": "1"})
    assert Person.objects.count() == 1
    case = Case.objects.get()
    dana.refresh_from_db()
    assert case.parties.get().person == dana
    assert (dana.email, dana.telephone, dana.postcode) == (
        "new@example.com",
        "07700 900123",
        "PO30 1UD",
    )
    assert dana.history.count() == 2  # added, then changed: the old email is kept there
    timeline = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Dana Whitlock&#x27;s details changed: email, telephone</p>" in timeline


def _enquiry_answers(code, **typed) -> dict:
    """An MP's enquiry from Jane Smith MP of Demo North, with what else is ``typed``."""
    return {
        **date_parts("received_on", RECEIVED),
        "how_received": code("how_received", "email").pk,
        "representative_name": "Jane Smith MP",
        "representative_organisation": "Demo North",
        "summary": "Asks why the family has had no reply.",
        **typed,
    }


def _mp_enquiry(client, code, mp: str, office: str, constituent: str):
    client.post(
        "/cases/new/mp_councillor_enquiry/",
        _enquiry_answers(
            code,
            representative_name=mp,
            representative_organisation=office,
            full_name=constituent,
            confirm="1",
        ),
    )


def test_the_same_mp_writing_again_is_the_same_person_not_a_new_one(client, officer, code):
    """Recording an MP's enquiry added the MP anew every time: an MP who writes monthly
    became a dozen people, their enquiries never seen together. The MP or councillor of the
    same name and office is now the one on file; another of the same name is not."""
    client.force_login(officer)
    _mp_enquiry(client, code, "Jane Smith MP", "Demo North", "Dana Whitlock")
    _mp_enquiry(client, code, "jane  smith MP", "demo north", "Sam Jones")
    _mp_enquiry(client, code, "Jane Smith MP", "Demo South", "Ali Khan")
    mps = [
        case.parties.get(role=PartyRole.REPRESENTATIVE).person
        for case in Case.objects.order_by("id")
    ]
    assert len(mps) == 3
    assert mps[0] == mps[1]
    assert mps[2] != mps[0]
    assert Person.objects.filter(full_name__iexact="Jane Smith MP").count() == 2


def test_the_person_chosen_is_dropped_when_another_name_is_typed_though_the_email_matches(
    client, officer
):
    """A family's email address finds Dana Whitlock; chosen, then Sam Whitlock typed: Dana
    stayed chosen, and the case would have named her, "Sam Whitlock" silently unused."""
    dana = PersonFactory(full_name="Dana Whitlock", email="family@example.com")
    client.force_login(officer)
    typed = {"email": "family@example.com", "person": dana.pk, "person_found_for": "Dana"}
    page = client.get("/cases/new/people/", {**typed, "full_name": "Dana Whit"}).content.decode()
    assert f'value="{dana.pk}" checked' in page
    page = client.get("/cases/new/people/", {**typed, "full_name": "Sam Whitlock"}).content.decode()
    assert "Dana Whitlock is no longer chosen: the name typed is not theirs." in page
    assert f'id="person-{dana.pk}" name="person" type="radio" value="{dana.pk}" checked' not in page


def test_a_child_on_file_offered_for_a_name_says_which_case_they_are_on(client, officer):
    """QA on the demo: "Evie Wright" typed offered, among the parents who made complaints,
    an Evie Wright born 2017 with nothing to say who she was: she had made none. The case
    she is the child on is named instead."""
    evie = PersonFactory(full_name="Evie Wright", email="", postcode="")
    case = record(officer, "complaint", people=[(evie, "child", "")])
    client.force_login(officer)
    page = client.get("/cases/new/people/", {"full_name": "Evie Wright"}).content.decode()
    assert f"Child or young person on {case.reference}: Complaint (statutory), received" in page


def test_the_check_page_says_who_the_person_chosen_on_file_is_to_the_enquiry(client, officer, code):
    """QA on the demo: an MP's enquiry with the constituent chosen on file was checked as
    "Person on file", above the MP's name: whose constituent, or the MP? The row is the
    form's heading over them, as for a name typed."""
    evie = PersonFactory(full_name="Evie Wright", email="", postcode="DB5 3LT")
    client.force_login(officer)
    check = client.post(
        "/cases/new/mp_councillor_enquiry/", _enquiry_answers(code, person=str(evie.pk))
    ).content.decode()
    assert "Person on file" not in check
    row = '<dt class="govuk-summary-list__key">The constituent it is about</dt>'
    assert row in check
    assert "Evie Wright, DB5 3LT (on file)</dd>" in check[check.index(row) :]


def test_a_constituent_offered_on_file_is_named_the_constituent_on_the_mp_enquiry(client, officer):
    """QA on the demo: Dana Whitlock, the constituent an MP wrote about, was offered as
    "Made CS-…: MP or councillor enquiry": the MP made it. She is named its constituent;
    the MP its representative; a complaint she made is still one she made."""
    dana = PersonFactory(full_name="Dana Whitlock", email="", postcode="")
    mp = PersonFactory(full_name="Jane Smith MP", email="", postcode="")
    people = [(dana, "complainant", ""), (mp, "representative", "")]
    enquiry = record(officer, "mp_councillor_enquiry", people=people)
    client.force_login(officer)
    page = client.get("/cases/new/people/", {"full_name": "Dana Whitlock"}).content.decode()
    assert f"Constituent on {enquiry.reference}: MP or councillor enquiry, received" in page
    assert "Made CS" not in page
    page = client.get("/cases/new/people/", {"full_name": "Jane Smith"}).content.decode()
    assert f"Representative on {enquiry.reference}: MP or councillor enquiry" in page
    complaint = record(
        officer, "complaint", received_on=RECEIVED, people=[(dana, "complainant", "")]
    )
    page = client.get("/cases/new/people/", {"full_name": "Dana Whitlock"}).content.decode()
    assert f"Made {complaint.reference}: Complaint (statutory), received" in page
    assert f"constituent on {enquiry.reference}: MP or councillor enquiry" in page


def test_an_mp_enquiry_with_no_constituent_asks_for_the_constituent(client, officer, code):
    """QA on the demo: an MP's enquiry sent with no constituent named was told "Enter the
    full name of the person", beside the MP's name already typed: which person? The form
    asks for "The constituent it is about"; the message names them as it does."""
    client.force_login(officer)
    response = client.post("/cases/new/mp_councillor_enquiry/", _enquiry_answers(code))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the full name of the constituent, or choose someone on file" in page
    assert "full name of the person" not in page
