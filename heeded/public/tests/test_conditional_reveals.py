"""A box that belongs to one choice (GOV.UK "conditionally revealing a related question")
counts only while that choice is chosen: untick it and whatever is in the box is neither
checked nor kept, so a hidden box can never stop someone going on."""

import pytest

from heeded.cases.models import Case, PartyRole
from heeded.public.forms import ContactForm, YoungPersonContactForm
from heeded.public.state import SESSION_KEY

from .journeys import ANSWERS, answer_all, check_url, send, step_url

# What someone typed for a way of contacting them, then unticked: all of it wrong, so any
# check of it would fail, and all of it recognisable if it were kept.
JUNK = {
    "email": {"email": "junk"},
    "phone": {"telephone": "junk-phone"},
    "post": {"address": "junk address", "postcode": "JUNK"},
}
# A good answer for each way, for the way that stays ticked.
GOOD = {
    "email": {"email": "kept@example.com"},
    "phone": {"telephone": "07700 900 982"},
    "post": {"address": "1 High Street\nNewport", "postcode": "PO30 1UD"},
}
KEPT = {"email": "email", "phone": "telephone", "post": "postcode"}
CONTACT_FIELDS = ("email", "telephone", "address", "postcode")


def _contact(ticked: str, unticked: str, extra: dict | None = None) -> dict:
    return {"contact_methods": [ticked], **GOOD[ticked], **JUNK[unticked], **(extra or {})}


PAIRS = [(ticked, unticked) for ticked in GOOD for unticked in JUNK if ticked != unticked]


@pytest.mark.parametrize("form_class", [ContactForm, YoungPersonContactForm])
@pytest.mark.parametrize("ticked,unticked", PAIRS)
def test_a_hidden_box_is_not_checked_and_its_contents_are_dropped(form_class, ticked, unticked):
    form = form_class(_contact(ticked, unticked))
    assert form.is_valid(), form.errors
    for name in JUNK[unticked]:
        assert form.cleaned_data[name] == ""
    assert form.cleaned_data[KEPT[ticked]]


@pytest.mark.django_db
def test_qas_case_junk_email_then_phone_instead_goes_on(client):
    """The defect as found: Email ticked, "junk" typed, Email unticked, Phone ticked."""
    answer_all(client, "complaint", {"your-name": {"full_name": "A Person"}})
    client.post(step_url("complaint", "relationship"), {"relationship": "parent"})
    response = client.post(
        step_url("complaint", "contact"),
        {"contact_methods": ["phone"], "email": "junk", "telephone": "07700 900 982"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == step_url("complaint", "child")
    # Not kept in the session either: the page shown again has an empty email box.
    stored = client.session[SESSION_KEY]["complaint"]["answers"]["contact"]
    assert "junk" not in str(stored)
    page = client.get(step_url("complaint", "contact")).content.decode()
    assert "junk" not in page
    assert 'value="phone" checked' in page and 'value="email" checked' not in page


@pytest.mark.django_db
def test_a_wrong_answer_in_the_ticked_box_is_still_shown_and_the_hidden_one_is_not(client):
    answer_all(client, "complaint", {"your-name": {"full_name": "A Person"}})
    client.post(step_url("complaint", "relationship"), {"relationship": "parent"})
    response = client.post(
        step_url("complaint", "contact"),
        {"contact_methods": ["phone"], "email": "junk", "telephone": "12"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<a href="#telephone">Enter a phone number' in page
    assert "Enter an email address in the correct format" not in page
    assert 'href="#email"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize("journey", ["complaint", "compliment", "comment", "young-person"])
@pytest.mark.parametrize("ticked,unticked", PAIRS)
def test_what_was_typed_for_an_unticked_way_never_reaches_the_case(
    client, journey, ticked, unticked
):
    answers = {**ANSWERS[journey]}
    extra = {"safe_note": "Text first"} if journey == "young-person" else {}
    answers["contact"] = _contact(ticked, unticked, extra)
    response = send(client, journey, answers)
    assert response.status_code == 302
    assert "/sent/" in response["Location"]

    case = Case.objects.get()
    person = case.parties.get(role=PartyRole.COMPLAINANT).person
    stored = {name: getattr(person, name) for name in CONTACT_FIELDS}
    assert "junk" not in str(stored).lower()
    for name in JUNK[unticked]:
        assert stored[name] == ""
    assert stored[KEPT[ticked]]
    assert person.preferred_contact == {"email": "email", "phone": "telephone"}.get(
        ticked, "letter"
    )
    assert "junk" not in case.summary.lower()


@pytest.mark.django_db
def test_check_your_answers_shows_only_the_ticked_way(client):
    answers = {**ANSWERS["comment"], "contact": _contact("phone", "email")}
    answer_all(client, "comment", answers)
    page = client.get(check_url("comment")).content.decode()
    assert "Phone: 07700 900 982" in page
    assert "junk" not in page and "Email:" not in page


@pytest.mark.django_db
def test_something_else_is_only_read_when_something_else_is_chosen(client):
    """The "Something else" box is always on the page (a radio may not reveal one), but it
    belongs to that choice just as a revealed box does."""
    too_long = "junk " * 30  # over the box's 100 characters
    answers = {**ANSWERS["complaint"]}
    answers["relationship"] = {"relationship": "parent", "relationship_other": too_long}
    send(client, "complaint", answers)
    case = Case.objects.get()
    assert case.complainant_type.code == "parent"
    assert case.parties.get(role=PartyRole.COMPLAINANT).relationship == "Parent"
    assert "junk" not in case.summary


@pytest.mark.django_db
def test_something_else_still_needs_saying_when_it_is_chosen(client):
    answer_all(client, "complaint", {"your-name": {"full_name": "A Person"}})
    response = client.post(
        step_url("complaint", "relationship"),
        {"relationship": "other", "relationship_other": "Neighbour"},
    )
    assert response.status_code == 302
    stored = client.session[SESSION_KEY]["complaint"]["answers"]["relationship"]
    assert stored["relationship_other"] == ["Neighbour"]


@pytest.mark.django_db
def test_something_else_that_is_too_long_says_so_in_plain_words(client):
    answer_all(client, "complaint", {"your-name": {"full_name": "A Person"}})
    response = client.post(
        step_url("complaint", "relationship"),
        {"relationship": "other", "relationship_other": "x" * 101},
    )
    assert response.status_code == 200
    assert (
        '<a href="#relationship-other">'
        "Your relationship to the child must be 100 characters or fewer</a>"
    ) in response.content.decode()
