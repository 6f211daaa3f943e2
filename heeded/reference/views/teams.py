from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from heeded.access.policies import can_manage_reference_data
from heeded.taxonomy.models import ServiceTeam

from ..forms.teams import UnitForm
from ..services import teams as service
from .access import allowed_if, apply_errors


@allowed_if(can_manage_reference_data)
def unit_list(request):
    return render(request, "reference/unit_list.html", {"tree": service.hierarchy()})


@allowed_if(can_manage_reference_data)
def unit_add(request):
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = service.add_unit(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{unit.label} added with the code {unit.code}")
            return redirect("reference:unit_list")
    return render(request, "reference/unit_form.html", {"form": form})


@allowed_if(can_manage_reference_data)
def unit_edit(request, code):
    unit = get_object_or_404(ServiceTeam.objects.select_related("parent"), code=code)
    initial = {
        name: getattr(unit, name)
        for name in ("label", "level", "parent", "description", "position")
    }
    form = UnitForm(request.POST or None, initial=initial, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            service.update_unit(unit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{unit.label} saved")
            return redirect("reference:unit_list")
    return render(request, "reference/unit_form.html", {"form": form, "unit": unit})


@require_POST
@allowed_if(can_manage_reference_data)
def unit_retire(request, code):
    unit = get_object_or_404(ServiceTeam.objects.select_related("parent"), code=code)
    try:
        if request.POST.get("retired") == "false":
            service.unretire_unit(unit, by=request.user)
            messages.success(request, f"{unit.label} is back in use")
        else:
            service.retire_unit(unit, by=request.user)
            messages.success(
                request, f"{unit.label} retired: cases that have it keep it, new cases cannot"
            )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reference:unit_edit", code=unit.code)
    return redirect("reference:unit_list")
