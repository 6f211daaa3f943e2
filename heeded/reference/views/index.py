from django.shortcuts import render

from heeded.access.policies import can_manage_reference_data, can_manage_staff

from ..kinds import KINDS
from .access import allowed_if


@allowed_if(can_manage_reference_data, can_manage_staff)
def index(request):
    return render(
        request,
        "reference/index.html",
        {
            "kinds": KINDS,
            "reference_data": can_manage_reference_data(request.user),
            "staff": can_manage_staff(request.user),
        },
    )
