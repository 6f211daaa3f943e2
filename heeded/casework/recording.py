"""Turning the recording journey's answers into a case: people first, then the action."""

from __future__ import annotations

import uuid

from django.db import transaction

from heeded.cases import actions
from heeded.cases.actions._base import save_with_history
from heeded.cases.models import Case, PartyRole, Person

from .forms.recording import CONTACT_DETAILS, RepresentationForm
from .people import normalise_postcode


def contact_details(data: dict) -> dict:
    """The contact details typed, as they are kept (a postcode as Royal Mail writes it)."""
    details = {name: (data.get(name) or "").strip() for name in CONTACT_DETAILS}
    details["postcode"] = normalise_postcode(details["postcode"])
    return details


def _new_person(by, **fields) -> Person:
    person = Person(**fields)
    save_with_history(person, by, "Added when recording a representation")
    return person


def _representative_on_file(name: str, office: str) -> Person | None:
    """The MP or councillor of this name and office who made an earlier enquiry: the same
    MP writing every month was a new person each time, their enquiries never together.
    Only someone recorded as a representative before, of the same name and office
    (whatever the capitals), is the same person."""
    return (
        Person.objects.filter(
            full_name__iexact=name,
            organisation__iexact=office,
            case_parties__role=PartyRole.REPRESENTATIVE,
        )
        .order_by("id")
        .first()
    )


def record_from_form(
    form: RepresentationForm, *, by, recorded_from: uuid.UUID | None = None
) -> Case:
    """Record the representation the form describes, with its people, in one transaction:
    answers confirmed on a page already recorded add nobody (``AlreadyRecorded``)."""
    data = form.cleaned_data
    q = form.questions
    with transaction.atomic():
        people = []
        person = data.get("existing_person")
        if person is None and data.get("full_name"):
            person = _new_person(by, full_name=data["full_name"].strip(), **contact_details(data))
        if person is not None:
            people.append((person, PartyRole.COMPLAINANT, data.get("relationship", "")))
        if q.representative and data.get("representative_name"):
            name = " ".join(data["representative_name"].split())
            office = " ".join(data.get("representative_organisation", "").split())
            mp = _representative_on_file(name, office) or _new_person(
                by, full_name=name, organisation=office
            )
            people.append((mp, PartyRole.REPRESENTATIVE, ""))
        child = data.get("existing_child")
        if q.child and child is None and data.get("child_name"):
            child = _new_person(
                by,
                full_name=data["child_name"].strip(),
                date_of_birth=data.get("child_date_of_birth"),
            )
        if child is not None:
            people.append((child, PartyRole.CHILD, ""))
        case = actions.record_representation(
            by=by,
            record_type=form.record_type,
            received_on=data["received_on"],
            people=people,
            recorded_from=recorded_from,
            **form.case_details(),
        )
        if data.get("existing_person"):
            _keep_typed_details(case, person, contact_details(data), by)
        if data.get("existing_child"):
            _keep_typed_details(case, child, {"date_of_birth": data.get("child_date_of_birth")}, by)
        return case


def _keep_typed_details(case: Case, person: Person, typed: dict, by) -> None:
    """The details typed beside someone chosen on file: a new telephone number was shown on
    the check page, then silently left out. What was typed replaces what is on file; what
    was left blank keeps it. The case's timeline says what changed."""
    typed = {name: value for name, value in typed.items() if value}
    if typed:
        # As they are now: the young person chosen as the child may be the complainant
        # chosen too, whose details were changed a moment ago.
        person.refresh_from_db()
        actions.change_person_details(
            case, person, by=by, details=typed, seen=actions.person_version(person)
        )
