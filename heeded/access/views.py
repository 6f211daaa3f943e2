"""The signed-in person's own account, and the timeout warning's addresses: the keep-alive
behind "Stay signed in", and the status a tab asks before signing the person out."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import sessions
from .roles import ROLES


@login_required
def your_account(request):
    """Name, username, email address and roles, with a link to change the password.

    The email address is an administrator's to set (reminders go to it), so it is shown,
    not edited: allauth's own page for adding and verifying addresses, which this replaces
    at the same address, offered "Re-send verification" on a site that verifies none.
    """
    given = set(request.user.groups.values_list("name", flat=True))
    roles = [definition for role, definition in ROLES.items() if role.value in given]
    return render(request, "account/your_account.html", {"roles": roles})


@never_cache
@require_GET
def keep_alive(request):
    """Renews the signed-in person's session and changes nothing else. Sign-in is needed
    (SignInRequiredMiddleware): someone signed out is sent to the sign-in page instead.
    The session middleware's header says how long the session now has."""
    sessions.renew(request.session, force=True)
    return HttpResponse(status=204)


@sessions.reads_time_left
def session_status(request):
    """How long the signed-in person's session has left (the session middleware's header),
    without renewing it: a tab whose clock has run out asks, because work in another tab
    may have kept the session. Sign-in is needed, as for the keep-alive: someone whose
    session has ended is sent to the sign-in page, which is the tab's answer."""
    return HttpResponse(status=204)
