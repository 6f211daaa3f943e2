"""Recording a representation: what kind it is, its details, a check, then the case."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.utils.timezone import localdate
from django.views.decorators.http import require_GET, require_http_methods

from heeded.access.policies import can_record_cases
from heeded.calendars.working_days import describe_deadline
from heeded.cases.actions import AlreadyRecorded, ProcedureError
from heeded.taxonomy.models import RecordType

from ..deadlines import expected_deadlines
from ..fields import DateField
from ..forms.base import date_of_birth_field
from ..forms.recording import ON_FILE, RecordTypeForm, RepresentationForm, name_changed
from ..people import chosen_on_file, find_children, find_people, name_fits
from ..questions import eligibility_warning
from ..recording import record_from_form
from ..templatetags.casework import long_date


def _require_recorder(user) -> None:
    if not can_record_cases(user):
        raise PermissionDenied(
            "Recording a representation is for the complaints team: send what you received "
            "to them, and they will record it."
        )


@login_required
@require_http_methods(["GET", "POST"])
def choose_type(request):
    _require_recorder(request.user)
    data = request.POST if request.method == "POST" else None
    form = RecordTypeForm(data, initial={"record_type": request.GET.get("type")})
    if request.method == "POST" and form.is_valid():
        record_type = form.cleaned_data["record_type"]
        if "carried" in request.POST:
            # The kind changed part way: the answers the new kind also asks are kept.
            return _details_page(
                request,
                RepresentationForm(request.POST, record_type=record_type),
                bound_without_errors=True,
            )
        return redirect("casework:record_details", record_type=record_type.code)
    return _type_page(request, form, _carried(request.POST) if "carried" in request.POST else [])


def _type_page(request, form, carried):
    return render(
        request,
        "casework/recording/type.html",
        {"form": form, "carried": carried},
        status=400 if form.errors else 200,
    )


def _carried(post) -> list[tuple[str, str]]:
    """The answers typed so far, through the page changing what kind it is."""
    return [(n, v) for n, v in _hidden_fields(post) if n not in ("record_type", "carried")]


def _record_type(code: str) -> RecordType:
    record_type = RecordType.objects.in_use().exclude(code="refused").filter(code=code).first()
    if record_type is None:
        raise Http404("No such record type")
    return record_type


@login_required
@require_http_methods(["GET", "POST"])
def details(request, record_type: str):
    _require_recorder(request.user)
    record_type = _record_type(record_type)
    if request.method == "GET":
        form = RepresentationForm(record_type=record_type)
        return _details_page(request, form)
    if "change_type" in request.POST:
        form = RecordTypeForm(initial={"record_type": record_type.code})
        return _type_page(request, form, _carried(request.POST))
    form = RepresentationForm(request.POST, record_type=record_type)
    if "find_people" in request.POST or "change" in request.POST:
        # Without JavaScript: search for people on file, or go back from the check page.
        return _details_page(
            request,
            RepresentationForm(request.POST, record_type=record_type),
            bound_without_errors=True,
        )
    if not form.is_valid():
        return _details_page(request, form, status=400)
    if "confirm" not in request.POST:
        return render(
            request,
            "casework/recording/check.html",
            {
                "form": form,
                "record_type": record_type,
                "answers": form.answers(),
                "deadlines": expected_deadlines(record_type, form.cleaned_data["received_on"]),
                "eligibility": eligibility_warning(
                    record_type, form.cleaned_data.get("complainant_type")
                ),
                "hidden": _hidden_fields(request.POST),
                # This page's answers are recorded once, however often they are sent.
                "token": uuid.uuid4(),
            },
        )
    try:
        case = record_from_form(form, by=request.user, recorded_from=_token(request.POST))
    except AlreadyRecorded as error:
        messages.warning(request, str(error).removesuffix("."))
        return redirect("casework:case", reference=error.case.reference)
    except ProcedureError as error:
        form.refusal(error)
        return _details_page(request, form, status=400)
    messages.success(request, f"{case.reference} recorded{_first_deadline(case)}")
    return redirect("casework:case", reference=case.reference)


def _first_deadline(case) -> str:
    """The deadline recording started, as the case page words it: a case recorded late may
    already be past it ("Acknowledgement was due by 4 December 2026: 2 working days
    overdue")."""
    due = case.next_deadline
    if due is None:
        return ""
    what, today = case.next_deadline_what, localdate()
    if due > today:
        return f". {what} due by {long_date(due)}"
    if due == today:
        return f". {what} due today, {long_date(due)}"
    words = describe_deadline(today, due, case.procedure.calendar)
    return f". {what} was due by {long_date(due)}: {words[:1].lower()}{words[1:]}"


def _token(post) -> uuid.UUID | None:
    """The check page's token; none from a page of an older release, or a damaged one."""
    try:
        return uuid.UUID(post.get("token", ""))
    except ValueError:
        return None


def _hidden_fields(post) -> list[tuple[str, str]]:
    """What was typed, carried through the check page so nothing is stored in between."""
    return [
        (name, value)
        for name, values in post.lists()
        if name
        not in ("csrfmiddlewaretoken", "confirm", "change", "change_type", "find_people", "token")
        for value in values
    ]


def _people_typed(data) -> list:
    return find_people(
        name=data.get("full_name", ""),
        email=data.get("email", ""),
        postcode=data.get("postcode", ""),
    )


def _children_typed(data) -> list:
    born = _date_typed(date_of_birth_field(), data, "child_date_of_birth")
    return find_children(name=data.get("child_name", ""), date_of_birth=born)


@dataclass(frozen=True)
class OnFile:
    """One of the journey's "already on file?" questions (casework/recording/_people.html):
    who it finds from what is typed, and how its radios ask."""

    find: Callable[[QueryDict], list]
    radios: str  # the radios' name, as the form reads the choice ("person", "child")
    region: str  # the id of the part of the page htmx replaces as the officer types
    question: str
    none_of_these: str
    nobody: str

    def context(self, data: QueryDict | None) -> dict:
        """For the template: who matches what was typed in ``data`` (nothing typed yet:
        None), which of them was chosen, and the name they were found for.

        The person chosen stays offered, and chosen, while the name typed is theirs ("Chl"
        of Chloe Evans), though other Chloes then fill the first few found: the radio
        vanished, and "none of these" added a second Chloe Evans. A name typed since that
        is not theirs drops them, saying so (``dropped``): kept, the case would name
        someone the officer had stopped meaning, the name typed silently unused."""
        if data is None:
            return {"on_file": self, "found": [], "chosen": "", "dropped": None, "typed": ""}
        found, chosen = self.find(data), (data.get(self.radios) or "").strip()
        name = data.get(ON_FILE[self.radios][1]) or ""
        context = {
            "on_file": self,
            "found": found,
            "chosen": chosen,
            "dropped": None,
            "typed": name,
        }
        if not chosen.isdigit():
            return context
        person = next((p for p in found if p.pk == int(chosen)), None)
        if person is None or name_changed(data, self.radios):
            person = person or chosen_on_file(int(chosen), child=self.radios == "child")
            if person is None or not name_fits(person, name):
                return {**context, "chosen": "", "dropped": person}
            if person not in found:
                context["found"] = [person, *found]
        return context


PEOPLE = OnFile(
    _people_typed,
    "person",
    "people-found",
    "Already on file: is it one of these people?",
    "None of these: add a new person",
    "No one on file matches yet.",
)
CHILDREN = OnFile(
    _children_typed,
    "child",
    "children-found",
    "Already on file: is it one of these children or young people?",
    "None of these: a different child or young person",
    "No child or young person on file matches yet.",
)


def _details_page(request, form, *, status=200, bound_without_errors=False):
    if bound_without_errors:
        # Show what was typed without complaining about what is not filled in yet.
        form._errors = {}
        form.cleaned_data = {}
    typed = form.data if form.is_bound else None
    deadlines = []
    if form.is_bound:
        received = _date_typed(form.fields["received_on"], form.data, "received_on")
        if received:
            deadlines = expected_deadlines(form.record_type, received)
    return render(
        request,
        "casework/recording/details.html",
        {
            "form": form,
            "record_type": form.record_type,
            "people": PEOPLE.context(typed),
            "children": CHILDREN.context(typed) if CHILDREN.radios in form.fields else {},
            "deadlines": deadlines,
            "searched": form.is_bound,
        },
        status=status,
    )


def _date_typed(field: DateField, data, name: str):
    """The date typed in the boxes of ``name``, or None while they hold none (yet)."""
    try:
        return field.clean(field.widget.value_from_datadict(data, {}, name))
    except ValidationError:
        return None


def _found(request, on_file: OnFile):
    _require_recorder(request.user)
    return render(
        request,
        "casework/recording/_people.html",
        {**on_file.context(request.GET), "searched": True},
    )


@login_required
@require_GET
def people_found(request):
    """htmx partial: people on file matching what has been typed so far."""
    return _found(request, PEOPLE)


@login_required
@require_GET
def children_found(request):
    """htmx partial: children on file matching the child's name or date of birth typed."""
    return _found(request, CHILDREN)


@login_required
@require_GET
def deadlines(request):
    """htmx partial: the deadlines recording now would start, for the date typed."""
    _require_recorder(request.user)
    record_type = _record_type(request.GET.get("record_type", ""))
    field = DateField(name="Date received", past_only=True)
    received = _date_typed(field, request.GET, "received_on")
    return render(
        request,
        "casework/recording/_deadlines.html",
        {"deadlines": expected_deadlines(record_type, received) if received else []},
    )
