from django.core.paginator import Paginator
from django.shortcuts import render

from heeded.access.policies import can_manage_reference_data, can_manage_staff

from ..models import ChangeLog
from .access import allowed_if


@allowed_if(can_manage_reference_data, can_manage_staff)
def change_list(request):
    changes = ChangeLog.objects.select_related("changed_by")
    if not can_manage_staff(request.user):
        changes = changes.exclude(area="staff")
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "reference/change_list.html", {"page": page})
