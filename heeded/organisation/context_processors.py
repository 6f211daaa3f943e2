from django.conf import settings

from heeded.reference.editions import Kept

from .models import Organisation

# Read for every page: kept by the process until the reference data changes.
KEPT = Kept(Organisation.current)


def organisation(request):
    if not hasattr(request, "_heeded_organisation"):
        request._heeded_organisation = KEPT.get()
    org = request._heeded_organisation
    return {
        "organisation": org,
        "organisation_name": org.name,
        "service_name": "Heeded",
        "demo_mode": settings.DEMO,
    }
