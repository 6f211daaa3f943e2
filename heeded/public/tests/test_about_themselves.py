"""A young person or care leaver making a complaint about themselves on the complaint form.

QA on the demo: a care leaver of 22, using the complaint form rather than the children's,
found no answer for "What is your relationship to the child or young person?" but
"Something else", was then asked "Who is the child or young person?" and typed their own
name again: the case had two of them, complainant and child, and was not counted among
the complaints children and young people made.
"""

import pytest

from heeded.cases.models import Case, PartyRole, Person
from heeded.public.forms import THEMSELVES

from .journeys import COMPLAINT, answer_all, check_url, send, step_url, token_on

pytestmark = pytest.mark.django_db

# In the order the pages come: the advocate's after the relationship, where the child's was.
ABOUT_ME = {
    "your-name": {"full_name": "Jade Morris"},
    "relationship": {"relationship": THEMSELVES},
    # Offered an advocate, as on the young person's form (Children Act 1989 s.26A).
    "advocate": {"advocate": "yes"},
    "contact": {"contact_methods": ["email"], "email": "jade@example.com"},
    **{
        step: answers
        for step, answers in COMPLAINT.items()
        if step not in ("your-name", "relationship", "contact", "child")
    },
}


def test_someone_complaining_about_themselves_is_not_asked_who_it_is_about(client):
    client.post(step_url("complaint", "your-name"), ABOUT_ME["your-name"])
    response = client.post(step_url("complaint", "relationship"), ABOUT_ME["relationship"])
    assert response["Location"] == step_url("complaint", "advocate")
    page = client.get(step_url("complaint", "advocate")).content.decode()
    assert "Would you like an advocate to help you?" in page
    response = client.post(step_url("complaint", "advocate"), ABOUT_ME["advocate"])
    assert response["Location"] == step_url("complaint", "contact")
    response = client.post(step_url("complaint", "contact"), ABOUT_ME["contact"])
    assert response["Location"] == step_url("complaint", "what-happened")
    page = client.get(step_url("complaint", "what-happened")).content.decode()
    assert f'href="{step_url("complaint", "contact")}" class="govuk-back-link"' in page
    # The child's page, opened from its address, asks nothing: on to what is still to answer.
    child = client.get(step_url("complaint", "child"))
    assert child["Location"] == step_url("complaint", "what-happened")


def test_their_complaint_has_them_as_complainant_and_child_once(client):
    answer_all(client, "complaint", ABOUT_ME)
    check = client.get(check_url("complaint")).content.decode()
    assert "It is about me: I am the child or young person" in check
    assert step_url("complaint", "child") not in check
    send(client, "complaint", ABOUT_ME)
    case = Case.objects.get()
    assert Person.objects.count() == 1
    jade = Person.objects.get()
    assert {(p.person, p.role) for p in case.parties.all()} == {
        (jade, PartyRole.COMPLAINANT),
        (jade, PartyRole.CHILD),
    }
    assert case.parties.get(role=PartyRole.COMPLAINANT).relationship == "Themselves"
    assert case.complainant_type.code == THEMSELVES
    assert case.young_person is True
    assert case.via_professional is False
    # The offer the form made, and their answer, are on the case for the team to act on.
    assert (case.advocacy_offered, case.advocacy_taken_up) == (True, True)


def test_saying_it_is_about_them_after_naming_a_child_forgets_the_child(client):
    answer_all(client, "complaint")
    change = step_url("complaint", "relationship") + "?change=1"
    # Now about themselves: offered an advocate before their answers are checked.
    assert client.post(change, {"relationship": THEMSELVES})["Location"] == check_url("complaint")
    assert client.get(check_url("complaint"))["Location"] == step_url("complaint", "advocate")
    client.post(step_url("complaint", "advocate"), {"advocate": "no"})
    check = client.get(check_url("complaint"))
    assert "Tayo Okafor" not in check.content.decode()
    client.post(check_url("complaint"), {"token": token_on(check)})
    assert not Person.objects.filter(full_name="Tayo Okafor").exists()
    assert Case.objects.get().parties.get(role=PartyRole.CHILD).person.full_name == (
        "Margaret Okafor"
    )


def test_saying_it_is_about_someone_else_after_all_asks_who(client):
    answer_all(client, "complaint", ABOUT_ME)
    change = step_url("complaint", "relationship") + "?change=1"
    client.post(change, {"relationship": "parent"})
    assert client.get(check_url("complaint"))["Location"] == step_url("complaint", "child")
    assert (
        step_url("complaint", "advocate")
        not in client.get(step_url("complaint", "child")).content.decode()
    )  # no longer asked: they are not the child
