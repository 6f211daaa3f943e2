from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from heeded.access.policies import can_manage_reference_data
from heeded.organisation.models import Organisation

from ..forms.organisation import OrganisationForm
from ..services import organisation as service
from .access import allowed_if, apply_errors


@allowed_if(can_manage_reference_data)
def organisation_edit(request):
    organisation = Organisation.current()
    initial = {name: getattr(organisation, name) for name in service.EDITABLE}
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service.update_organisation(organisation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Organisation settings saved")
            return redirect("reference:organisation")
    return render(request, "reference/organisation_form.html", {"form": form})
