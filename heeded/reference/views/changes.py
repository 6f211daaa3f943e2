from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import capfirst

from heeded.access.policies import can_manage_reference_data, can_manage_staff
from heeded.calendars.models import ClosureDay
from heeded.organisation.models import Organisation
from heeded.taxonomy.models import TAXONOMY_MODELS

from ..forms.organisation import OrganisationForm
from ..models import ChangeLog
from .access import allowed_if

# What each area of the log is about, in the words of the settings pages.
AREA_MODELS = {**TAXONOMY_MODELS, "organisation": Organisation, "closure_day": ClosureDay}
AREA_WORDS = {
    "organisation": "Organisation settings",
    "staff": "Staff member",
    # The annual report's recommendations (heeded.reports.recommendations), kept here too.
    "recommendation": "Recommendation",
    "recommendation_progress": "Progress on a recommendation",
}
# Fields whose names are not already the words a manager would use.
FIELD_WORDS = {"is_active": "Active", "position": "Position in lists", "roles": "Roles"}
# ... and in an area whose fields another page labels.
AREA_FIELD_WORDS = {
    "recommendation": {
        "title": "Title",
        "text": "Recommendation",
        "raised_in": "Raised in",
        "position": "Position",
    },
    "recommendation_progress": {
        "period_label": "Report year",
        "status": "Status",
        "text": "Progress",
    },
}


@allowed_if(can_manage_reference_data, can_manage_staff)
def change_list(request):
    changes = ChangeLog.objects.select_related("changed_by")
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    for change in page:
        change.area_words = area_words(change.area)
        change.field_words = field_words(change.area, change.field)
    return render(request, "reference/change_list.html", {"page": page})


def area_words(area: str) -> str:
    """ "closure_day" -> "Closure day", "nature" -> "Nature of complaint", and so on."""
    if area in AREA_WORDS:
        return AREA_WORDS[area]
    model = AREA_MODELS.get(area)
    words = str(model._meta.verbose_name) if model else area.replace("_", " ")
    return capfirst(words)


def field_words(area: str, field: str) -> str:
    """A changed field as its settings page labels it ("Small number threshold")."""
    if not field:
        return ""
    if field in AREA_FIELD_WORDS.get(area, {}):
        return AREA_FIELD_WORDS[area][field]
    if field in FIELD_WORDS:
        return FIELD_WORDS[field]
    if area == "organisation" and field in OrganisationForm.base_fields:
        return str(OrganisationForm.base_fields[field].label).removesuffix(" (optional)")
    try:
        words = str(AREA_MODELS[area]._meta.get_field(field).verbose_name)
    except (KeyError, FieldDoesNotExist):
        words = field.replace("_", " ")
    return capfirst(words)
