from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from heeded.access.policies import can_manage_reference_data

from ..forms.taxonomy import TermForm
from ..kinds import kind_for
from ..services import taxonomy as service
from .access import allowed_if, apply_errors


def _form(kind, data=None, *, term=None):
    initial = None
    if term is not None:
        initial = {name: getattr(term, name) for name in service.editable(kind.key)}
    return TermForm(
        data,
        initial=initial,
        what=kind.singular,
        adding=term is None,
        record_type=kind.is_record_type,
        outcome=kind.is_outcome,
    )


@allowed_if(can_manage_reference_data)
def term_list(request, kind):
    kind = kind_for(kind)
    terms = kind.model.objects.order_by("retired", "position", "label")
    if kind.is_record_type:
        terms = terms.annotate(case_count=Count("cases"))
    return render(request, "reference/term_list.html", {"kind": kind, "terms": terms})


@allowed_if(can_manage_reference_data)
def term_add(request, kind):
    kind = kind_for(kind)
    form = _form(kind, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = service.add_term(kind.key, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{term.label} added with the code {term.code}")
            return redirect("reference:term_list", kind=kind.slug)
    return render(request, "reference/term_form.html", {"kind": kind, "form": form})


@allowed_if(can_manage_reference_data)
def term_edit(request, kind, code):
    kind = kind_for(kind)
    term = get_object_or_404(kind.model, code=code)
    form = _form(kind, request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        try:
            service.update_term(term, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{term.label} saved")
            return redirect("reference:term_list", kind=kind.slug)
    case_count = term.cases.count() if kind.is_record_type else None
    return render(
        request,
        "reference/term_form.html",
        {"kind": kind, "form": form, "term": term, "case_count": case_count},
    )


@require_POST
@allowed_if(can_manage_reference_data)
def term_retire(request, kind, code):
    kind = kind_for(kind)
    term = get_object_or_404(kind.model, code=code)
    if request.POST.get("retired") == "false":
        service.unretire_term(term, by=request.user)
        messages.success(request, f"{term.label} is back in use")
    else:
        service.retire_term(term, by=request.user)
        messages.success(
            request, f"{term.label} retired: cases that have it keep it, new cases cannot"
        )
    return redirect("reference:term_list", kind=kind.slug)
