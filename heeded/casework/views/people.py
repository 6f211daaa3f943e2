"""Correcting the details of someone on a case: a new telephone number, a misspelt name."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from heeded.access.policies import can_record_cases
from heeded.calendars.dates import long_date
from heeded.cases.actions import (
    PERSON_DETAILS,
    ProcedureError,
    StalePerson,
    change_person_details,
    same_person_as,
)
from heeded.cases.models import Person

from ..forms.person import PersonDetailsForm
from ..people import role_words, same_as
from ..selectors import case_for, with_stages


def _case_and_party(request, reference: str, party: int):
    # A person may be on other cases a responding manager cannot see: the team corrects them.
    if not can_record_cases(request.user):
        raise PermissionDenied
    case = case_for(request.user, reference, read=with_stages)
    return case, get_object_or_404(case.parties.select_related("person"), pk=party)


@login_required
@require_http_methods(["GET", "POST"])
def person_details(request, reference: str, party: int):
    case, party = _case_and_party(request, reference, party)
    person = party.person
    status, stale = 200, None
    if request.method == "POST":
        form = PersonDetailsForm(request.POST, person=person)
        if form.is_valid():
            try:
                changed = change_person_details(
                    case,
                    person,
                    by=request.user,
                    details=form.details(),
                    seen=form.cleaned_data["seen"],
                )
            except StalePerson as error:
                stale, person = error, error.person
                form = form.after_clash(PersonDetailsForm(person=person))
            except ProcedureError as error:
                form.add_error(None, str(error))
            else:
                name = form.details()["full_name"]
                messages.success(
                    request,
                    f"{name}'s details changed" if changed else f"{name}'s details are unchanged",
                )
                return redirect("casework:case", reference=case.reference)
        status = 409 if stale else 400
    else:
        form = PersonDetailsForm(person=person)
    return render(
        request,
        "casework/person.html",
        {
            "case": case,
            "party": party,
            "person": person,
            "form": form,
            "others": _others(party),
            "stale": stale,
            "same_as": same_as(party),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def same_person(request, reference: str, party: int, person: int):
    """Confirm that someone on the case is a person already on file, seeing both records
    side by side, then join them (``same_person_as``)."""
    case, party = _case_and_party(request, reference, party)
    on_file = get_object_or_404(Person.objects.exclude(pk=party.person_id), pk=person)
    if request.method == "POST":
        try:
            same_person_as(case, party.person, on_file, by=request.user)
        except ProcedureError as error:
            messages.warning(request, str(error).removesuffix("."))
        else:
            messages.success(request, f"{case.reference} now names {on_file.full_name} on file")
        return redirect("casework:case", reference=case.reference)
    this = party.person
    # Chosen on file when the case was recorded, this case's record has cases of its own:
    # they keep naming it after the join, and the officer is told so before joining.
    here_cases = _other_cases(this, case)
    return render(
        request,
        "casework/same_person.html",
        {
            "case": case,
            "party": party,
            "person": this,
            "on_file": on_file,
            "rows": _side_by_side(this, on_file),
            "case_lists": [
                (f"The record on {case.reference} is also on", here_cases),
                ("The record on file is on", _other_cases(on_file, case)),
            ],
            "here_cases": here_cases,
        },
    )


def _other_cases(person: Person, case) -> list:
    parties = list(
        person.case_parties.exclude(case=case)
        .select_related("case__record_type")
        .order_by("-case__received_on")
    )
    for party in parties:
        party.role_words = role_words(party)
    return parties


def _side_by_side(this: Person, on_file: Person) -> list[tuple[str, str, str, bool]]:
    """Each detail either record has: its name, as on this case, as on file, and whether
    both have it differently (what decides it, so it is marked)."""
    rows = []
    for name in PERSON_DETAILS:
        here, there = _shown(this, name), _shown(on_file, name)
        if here or there:
            label = Person._meta.get_field(name).verbose_name
            rows.append((label, here, there, bool(here and there and here != there)))
    return rows


def _shown(person: Person, name: str) -> str:
    display = getattr(person, f"get_{name}_display", None)
    value = display() if display else getattr(person, name)
    if isinstance(value, dt.date):
        return long_date(value)
    return "" if value in (None, "") else str(value)


def _others(party) -> int:
    """How many other cases the person is on: a correction reaches them all."""
    return (
        party.person.case_parties.exclude(case_id=party.case_id)
        .values("case_id")
        .distinct()
        .count()
    )
