"""The signed-in side's keep-alive: "Stay signed in" in the timeout warning."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import sessions


@never_cache
@require_GET
def keep_alive(request):
    """Renews the signed-in person's session and changes nothing else. Sign-in is needed
    (SignInRequiredMiddleware): someone signed out is sent to the sign-in page instead.
    The session middleware's header says how long the session now has."""
    sessions.renew(request.session, force=True)
    return HttpResponse(status=204)
