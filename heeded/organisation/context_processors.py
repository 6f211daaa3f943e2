from django.conf import settings

from .models import Organisation


def organisation(request):
    # Read on every page; one small primary-key query, cached on the request.
    if not hasattr(request, "_heeded_organisation"):
        request._heeded_organisation = Organisation.current()
    org = request._heeded_organisation
    return {
        "organisation": org,
        "organisation_name": org.name,
        "service_name": "Heeded",
        "demo_mode": settings.DEMO,
    }
