"""Finding the child a complaint concerns on file while recording, so that a child three
complaints are about is one person with one history, not three.

QA on the demo: a second complaint about Kit Whitlock, recorded by a complaints officer,
added a second Kit Whitlock; the case page's history and the young people's figures could
not join them.
"""

import datetime as dt
import re

import pytest

from heeded.cases.models import Case, PartyRole, Person
from heeded.cases.tests.factories import PersonFactory, record

from ..people import MOST, find_children
from .conftest import RECEIVED, date_parts
from .test_recording_views import complaint_answers

pytestmark = pytest.mark.django_db

BORN = dt.date(2015, 1, 1)


def _child_on_a_case(officer, name: str, born: dt.date | None = None, cases: int = 1) -> Person:
    child = PersonFactory(full_name=name, email="", postcode="", date_of_birth=born)
    for _ in range(cases):
        record(officer, "complaint", received_on=RECEIVED, people=[(child, "child", "")])
    return child


def _offered(client, **typed) -> list[Person]:
    page = client.get("/cases/new/children/", typed).content.decode()
    return [Person.objects.get(pk=pk) for pk in re.findall(r'id="child-(\d+)"', page)]


def test_the_child_is_offered_by_part_of_their_name_and_their_parent_is_not(client, officer):
    kit = _child_on_a_case(officer, "Kit Whitlock")
    record(
        officer, "complaint", people=[(PersonFactory(full_name="Dana Whitlock"), "complainant", "")]
    )
    client.force_login(officer)
    assert _offered(client, child_name="whitlock  KIT") == [kit]
    assert _offered(client, child_name="Whitlock") == [kit]


def test_a_young_person_who_complained_themselves_is_offered_as_the_child(client, officer):
    sam = PersonFactory(full_name="Sam Okafor")
    record(officer, "complaint", young_person=True, people=[(sam, "complainant", "")])
    client.force_login(officer)
    assert _offered(client, child_name="Sam Okafor") == [sam]


def test_a_date_of_birth_typed_finds_the_child_and_puts_them_first_among_namesakes(client, officer):
    other = _child_on_a_case(officer, "Kit Whitlock", dt.date(2012, 3, 27))
    kit = _child_on_a_case(officer, "Kit Whitlock", BORN)
    renamed = _child_on_a_case(officer, "Christopher Whitlock", BORN)
    client.force_login(officer)
    born = date_parts("child_date_of_birth", BORN)
    # Name and date of birth first; then the name alone; then the date alone.
    assert _offered(client, child_name="Kit Whitlock", **born) == [kit, other, renamed]
    # Born that day, whatever name they go by now.
    assert set(_offered(client, **born)) == {kit, renamed}


def test_children_of_one_name_are_told_apart_by_their_birth_and_their_cases(client, officer):
    kit = _child_on_a_case(officer, "Kit Whitlock", BORN, cases=3)
    client.force_login(officer)
    page = client.get("/cases/new/children/", {"child_name": "Kit"}).content.decode()
    hint = page[page.index(f'id="child-{kit.pk}"') :]
    hint = hint[hint.index('govuk-radios__hint">') : hint.index("</div>")]
    reference = Case.objects.order_by("-id").first().reference
    assert "Born 1 January 2015" in hint
    assert f"Child or young person on {reference}: Complaint (statutory), received" in hint
    assert "; and 1 more" in hint
    assert "None of these: a different child or young person" in page


def test_finding_children_takes_two_queries_however_many_are_found(
    officer, django_assert_num_queries
):
    _child_on_a_case(officer, "Kit Whitlock", BORN, cases=2)
    with django_assert_num_queries(2):  # the children, then their cases
        assert len(find_children(name="Whitlock", date_of_birth=BORN)) == 1
    for n in range(MOST + 1):
        _child_on_a_case(officer, f"Kit Whitlock {n}", cases=2)
    with django_assert_num_queries(2):
        assert len(find_children(name="Whitlock", date_of_birth=BORN)) == MOST


def test_choosing_the_child_on_file_adds_no_one(client, officer, code):
    kit = _child_on_a_case(officer, "Kit Whitlock", BORN)
    people = Person.objects.count()
    client.force_login(officer)
    answers = complaint_answers(code, child=str(kit.pk), child_name="")
    check = client.post("/cases/new/complaint/", answers).content.decode()
    assert "Child or young person on file" in check
    assert "Kit Whitlock, born 1 January 2015" in check
    client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    assert Person.objects.count() == people + 1  # Dana, who made it; not Kit again
    case = Case.objects.order_by("-id").first()
    assert case.parties.get(role=PartyRole.CHILD).person == kit
    assert kit.case_parties.count() == 2


def test_a_date_of_birth_typed_beside_the_child_chosen_is_kept_on_their_record(
    client, officer, code
):
    kit = _child_on_a_case(officer, "Kit Whitlock")
    client.force_login(officer)
    answers = complaint_answers(
        code, child=str(kit.pk), child_name="", **date_parts("child_date_of_birth", BORN)
    )
    check = client.post("/cases/new/complaint/", answers).content.decode()
    assert "Child&#x27;s date of birth, saved to Kit Whitlock&#x27;s details" in check
    client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    kit.refresh_from_db()
    assert kit.date_of_birth == BORN
    case = Case.objects.order_by("-id").first()
    page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Kit Whitlock&#x27;s details changed: date of birth</p>" in page
    assert "Date of birth: 1 January 2015" in page


def test_a_new_child_is_recorded_with_their_date_of_birth(client, officer, code):
    client.force_login(officer)
    answers = complaint_answers(
        code, child_name="Kit Whitlock", **date_parts("child_date_of_birth", BORN)
    )
    client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    kit = Case.objects.get().parties.get(role=PartyRole.CHILD).person
    assert (kit.full_name, kit.date_of_birth) == ("Kit Whitlock", BORN)


def test_without_javascript_find_children_lists_them_and_keeps_the_answers(client, officer, code):
    kit = _child_on_a_case(officer, "Kit Whitlock", BORN)
    client.force_login(officer)
    answers = complaint_answers(code, child_name="kit", find_people="1", child=str(kit.pk))
    page = client.post("/cases/new/complaint/", answers).content.decode()
    assert f'id="child-{kit.pk}" name="child" type="radio" value="{kit.pk}" checked' in page
    assert "No reply to calls for three weeks.</textarea>" in page
    assert "There is a problem" not in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (("1", "1", "2999"), "Child&#x27;s date of birth must be today or in the past"),
        (("31", "12", "1899"), "Child&#x27;s date of birth must be in 1900 or later"),
        (("30", "2", "2015"), "Child&#x27;s date of birth must be a real date"),
    ],
)
def test_a_wrong_date_of_birth_is_refused_saying_so_and_everything_typed_is_kept(
    client, officer, code, typed, message
):
    client.force_login(officer)
    day, month, year = typed
    answers = complaint_answers(
        code,
        child_name="Kit Whitlock",
        child_date_of_birth_day=day,
        child_date_of_birth_month=month,
        child_date_of_birth_year=year,
    )
    response = client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_child_date_of_birth_' in page
    assert page.count(message) == 2  # in the summary and beside the date
    assert 'value="Kit Whitlock"' in page
    assert f'name="child_date_of_birth_year" type="text" inputmode="numeric" value="{year}"' in page
    assert "No reply to calls for three weeks.</textarea>" in page
    assert not Case.objects.exists()


def test_a_date_of_birth_before_the_calendars_years_is_a_date_of_birth_all_the_same(
    client, officer, code
):
    """A date of birth counts no working days: 1989 is refused as a date received (bank
    holidays are known from 1990), not as a care leaver's or a parent's date of birth."""
    client.force_login(officer)
    born = dt.date(1989, 5, 4)
    answers = complaint_answers(
        code, child_name="Kit Whitlock", **date_parts("child_date_of_birth", born)
    )
    client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    assert Case.objects.get().parties.get(role=PartyRole.CHILD).person.date_of_birth == born


def _found_page(client, **typed) -> str:
    return client.get("/cases/new/children/", typed).content.decode()


def test_the_child_chosen_stays_chosen_while_the_name_retyped_is_still_theirs(client, officer):
    """QA: Chloe Evans chosen, then her name retyped: at "Chl" six other Chloes filled the
    suggestions, her radio vanished, and "none of these" added a second Chloe Evans."""
    chloe = _child_on_a_case(officer, "Chloe Evans", BORN)
    for n in range(MOST):
        _child_on_a_case(officer, f"Chloe Adams {n}")
    client.force_login(officer)
    page = _found_page(client, child_name="Chl", child=chloe.pk, child_found_for="Chloe Evans")
    assert f'id="child-{chloe.pk}" name="child" type="radio" value="{chloe.pk}" checked' in page
    assert 'id="child-new" name="child" type="radio" value="new" checked' not in page
    assert "no longer chosen" not in page
    assert 'name="child_found_for" value="Chl"' in page


def test_the_child_chosen_is_dropped_saying_so_when_the_name_typed_is_no_longer_theirs(
    client, officer
):
    chloe = _child_on_a_case(officer, "Chloe Evans", BORN)
    zoe = _child_on_a_case(officer, "Zoe Smith")
    client.force_login(officer)
    page = _found_page(
        client, child_name="Zoe Smith", child=chloe.pk, child_found_for="Chloe Evans"
    )
    assert "Chloe Evans is no longer chosen: the name typed is not theirs." in page
    assert f'id="child-{zoe.pk}" name="child" type="radio" value="{zoe.pk}" checked' not in page
    assert 'id="child-new" name="child" type="radio" value="new" checked' in page
    # Still found, by her date of birth: she may be chosen again.
    page = _found_page(
        client,
        child_name="Zoe Smith",
        child=chloe.pk,
        child_found_for="Chloe Evans",
        **date_parts("child_date_of_birth", BORN),
    )
    assert "no longer chosen: the name typed is not theirs. Choose them again below" in page
    assert f'value="{chloe.pk}">' in page


def test_a_child_chosen_for_their_date_of_birth_though_named_otherwise_stays_chosen(
    client, officer, code
):
    """Kit, on file as Christopher, is found by the date of birth typed beside "Kit
    Whitlock": chosen, he stays chosen while the name is not changed."""
    christopher = _child_on_a_case(officer, "Christopher Whitlock", BORN)
    client.force_login(officer)
    born = date_parts("child_date_of_birth", BORN)
    page = _found_page(
        client,
        child_name="Kit Whitlock",
        child=christopher.pk,
        child_found_for="Kit Whitlock",
        **born,
    )
    assert f'value="{christopher.pk}" checked' in page
    answers = complaint_answers(
        code,
        child=str(christopher.pk),
        child_name="Kit Whitlock",
        child_found_for="Kit Whitlock",
        confirm="1",
        **born,
    )
    client.post("/cases/new/complaint/", answers)
    assert (
        Case.objects.order_by("-id").first().parties.get(role=PartyRole.CHILD).person == christopher
    )


def test_a_name_changed_after_choosing_the_child_and_sent_at_once_is_refused_not_ignored(
    client, officer, code
):
    """Continue pressed before the suggestions caught up with the name, or without
    JavaScript: Chloe Evans would have been recorded, "Zoe Smith" silently unused."""
    chloe = _child_on_a_case(officer, "Chloe Evans", BORN)
    client.force_login(officer)
    answers = complaint_answers(
        code, child=str(chloe.pk), child_name="Zoe Smith", child_found_for="Chloe Evans"
    )
    response = client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    message = (
        "Chloe Evans, chosen on file, does not have the name typed: continue to add Zoe Smith "
        "as someone new, or choose Chloe Evans again"
    )
    assert page.count(message) == 2
    assert "Chloe Evans is no longer chosen" in page
    assert f'id="child-{chloe.pk}"' not in page
    assert Case.objects.count() == 1
    # Sent again as it now stands: a new child, Zoe Smith, as the officer says.
    again = {**answers, "child": "new", "child_found_for": "Zoe Smith", "confirm": "1"}
    client.post("/cases/new/complaint/", again)
    child = Case.objects.order_by("-id").first().parties.get(role=PartyRole.CHILD).person
    assert child.full_name == "Zoe Smith"
