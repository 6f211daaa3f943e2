"""Joining a second record of someone to the one already on file."""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.models import CaseEvent, EventKind, Person

from .factories import PersonFactory, record

pytestmark = pytest.mark.django_db


def about(officer, child: Person, *, parent: Person | None = None, **details):
    people = [(child, "child", "")]
    if parent is not None:
        people.append((parent, "complainant", "Mother"))
    return record(officer, people=people, **details)


def test_a_child_recorded_again_is_joined_to_the_one_on_file(officer):
    # Two complaints about Chloe, the second sent online: the form made a second Chloe.
    on_file = PersonFactory(
        full_name="Chloe Evans", date_of_birth=dt.date(2012, 4, 7), email="", postcode=""
    )
    first = about(officer, on_file)
    again = PersonFactory(full_name="Chloe Evans", email="", postcode="DB8 6ES")
    second = about(officer, again, received_on=dt.date(2022, 10, 3))

    again_id = again.pk  # the action removes it, and its pk with it
    taken = actions.same_person_as(second, again, on_file, by=officer)

    assert taken == ["postcode"]
    assert list(second.parties.values_list("person_id", "role")) == [(on_file.pk, "child")]
    assert not Person.objects.filter(pk=again_id).exists()
    on_file.refresh_from_db()
    # What the record on file lacked is taken; what it had is kept.
    assert (on_file.postcode, on_file.date_of_birth) == ("DB8 6ES", dt.date(2012, 4, 7))
    assert set(on_file.case_parties.values_list("case_id", flat=True)) == {first.pk, second.pk}
    event = CaseEvent.objects.get(case=second, kind=EventKind.EDITED)
    assert event.description == (
        "A second record of Chloe Evans joined to the one already on file, which was given "
        "their postcode."
    )
    # The removed record's history says who removed it.
    assert Person.history.filter(id=again_id, history_type="-").get().history_user == officer


def test_a_young_person_who_complained_about_themselves_is_joined_in_both_roles(officer):
    on_file = PersonFactory(full_name="Alex Moore")
    about(officer, on_file)
    again = PersonFactory(full_name="Alex Moore", email="alex@example.org")
    case = record(officer, people=[(again, "complainant", ""), (again, "child", "")])
    again_id = again.pk

    actions.same_person_as(case, again, on_file, by=officer)

    roles = sorted(case.parties.values_list("person_id", "role"))
    assert roles == [(on_file.pk, "child"), (on_file.pk, "complainant")]
    assert not Person.objects.filter(pk=again_id).exists()


def test_a_second_record_on_another_case_too_is_kept_for_that_case(officer):
    on_file = PersonFactory(full_name="Chloe Evans")
    about(officer, on_file)
    again = PersonFactory(full_name="Chloe Evans")
    case = about(officer, again)
    other = about(officer, again)

    actions.same_person_as(case, again, on_file, by=officer)

    assert other.parties.get().person_id == again.pk
    assert Person.objects.filter(pk=again.pk).exists()


def test_someone_already_on_the_case_in_that_role_is_not_named_twice(officer):
    on_file = PersonFactory(full_name="Dana Whitlock")
    again = PersonFactory(full_name="Dana Whitlock")
    child = PersonFactory(full_name="Sam Whitlock")
    case = record(
        officer,
        people=[
            (on_file, "complainant", "Mother"),
            (again, "complainant", ""),
            (child, "child", ""),
        ],
    )

    actions.same_person_as(case, again, on_file, by=officer)

    assert sorted(case.parties.values_list("person_id", "role")) == sorted(
        [(on_file.pk, "complainant"), (child.pk, "child")]
    )


def test_a_name_spelt_differently_is_named_both_ways_on_the_timeline(officer):
    on_file = PersonFactory(full_name="Kit Whitlock")
    case = about(officer, PersonFactory(full_name="Kit Whitlok", email="", postcode=""))
    actions.same_person_as(case, case.parties.get().person, on_file, by=officer)
    assert CaseEvent.objects.get(case=case, kind=EventKind.EDITED).description == (
        "Kit Whitlok joined to Kit Whitlock, the same person on file."
    )


def test_joining_is_refused_for_the_same_record_or_one_not_on_the_case(officer):
    chloe = PersonFactory(full_name="Chloe Evans")
    case = about(officer, chloe)
    with pytest.raises(ProcedureError, match="Chloe Evans is already that record"):
        actions.same_person_as(case, chloe, chloe, by=officer)
    stranger = PersonFactory(full_name="Chloe Evans")
    with pytest.raises(ProcedureError, match=f"no longer on {case.reference}"):
        actions.same_person_as(case, stranger, chloe, by=officer)
    assert case.parties.get().person_id == chloe.pk
