"""Correcting the details of someone on a case: a new telephone number, a misspelt name."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from heeded.access.policies import can_record_cases
from heeded.cases.actions import ProcedureError, StalePerson, change_person_details

from ..forms.person import PersonDetailsForm
from ..selectors import case_for, with_stages


@login_required
@require_http_methods(["GET", "POST"])
def person_details(request, reference: str, party: int):
    # A person may be on other cases a responding manager cannot see: the team corrects them.
    if not can_record_cases(request.user):
        raise PermissionDenied
    case = case_for(request.user, reference, read=with_stages)
    party = get_object_or_404(case.parties.select_related("person"), pk=party)
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
        },
        status=status,
    )


def _others(party) -> int:
    """How many other cases the person is on: a correction reaches them all."""
    return (
        party.person.case_parties.exclude(case_id=party.case_id)
        .values("case_id")
        .distinct()
        .count()
    )
