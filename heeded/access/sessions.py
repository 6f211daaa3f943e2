"""A session lasts while it is used: renewed on use, but written at most once a minute.

Sessions end after SESSION_COOKIE_AGE of inactivity. Django's way of making that idle time
(SESSION_SAVE_EVERY_REQUEST) writes the session row on every page, a database commit that
was an eighth of the dashboard's time. Renewing it only when the last renewal is a minute old
keeps the same rule to within that minute, and on the safe side: a session ends between 29
and 30 minutes after the last request, never later.

The pages say how long is left (``seconds_left``), so that a warning can come before the
end (WCAG 2.2.1, timing adjustable): on <body> for the page itself, and in the
``Heeded-Session-Seconds-Left`` header of every answer that used the session, for the
requests a page makes while it is open (htmx, "Stay signed in"). A page whose clock has run
out asks a status address (``reads_time_left``) before acting: another tab may have kept the
session alive, and asking must not keep it alive itself.
"""

import time

from django.conf import settings
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

RENEW_AFTER_SECONDS = 60
# Stored in the session itself: when it was last saved with a new expiry (seconds since the
# epoch), so that the time left is known without asking the database.
RENEWED = "heeded_renewed_at"
SECONDS_LEFT_HEADER = "Heeded-Session-Seconds-Left"


def renew_after() -> int:
    """A minute; less for a session shorter than four minutes (a test's), so that using it
    still keeps it alive."""
    return min(RENEW_AFTER_SECONDS, max(1, settings.SESSION_COOKIE_AGE // 4))


def renew(session, *, now: int | None = None, force: bool = False) -> None:
    """Mark ``session`` to be saved with a new expiry when its last renewal is due (or
    ``force``), and note when. A session saved anyway (it changed) is renewed too."""
    now = int(time.time()) if now is None else now
    if force or session.modified or now - session.get(RENEWED, 0) >= renew_after():
        session[RENEWED] = now


def seconds_left(session, *, now: int | None = None) -> int:
    """How long ``session`` lasts without another request: from its last renewal."""
    now = int(time.time()) if now is None else now
    renewed = session.get(RENEWED, now)
    return max(0, renewed + settings.SESSION_COOKIE_AGE - now)


def reads_time_left(view):
    """Make ``view`` an address that only says how long the session has left: the
    middleware puts that in its header but does not renew the session (otherwise a tab
    asking whether the person is still active elsewhere would itself keep them signed in),
    the answer is never stored (no-store), and it is for GET only."""
    view = never_cache(require_GET(view))
    view.renews_session = False
    return view


def _renews(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return getattr(getattr(match, "func", None), "renews_session", True)


class SessionRenewalMiddleware:
    """Marks a session that the request used as changed, so that SessionMiddleware saves it
    with a new expiry, when it was last renewed a minute or more ago; and says how long it
    has left in a header.

    Sits after SessionMiddleware, so that its answer is seen before the session is saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session the request read (every signed-in page reads it): touching one
        # that was not read would cost a query on the public pages. A new one (the public's
        # first answer) is noted too, so that the status address knows its age.
        if session is not None and session.accessed and (session.session_key or session.modified):
            now = int(time.time())
            if _renews(request):
                renew(session, now=now)
            response[SECONDS_LEFT_HEADER] = str(seconds_left(session, now=now))
        return response
