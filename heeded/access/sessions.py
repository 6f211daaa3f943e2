"""A session lasts while it is used: renewed on use, but written at most once a minute.

Sessions end after SESSION_COOKIE_AGE of inactivity. Django's way of making that idle time
(SESSION_SAVE_EVERY_REQUEST) writes the session row on every page, a database commit that
was an eighth of the dashboard's time. Renewing it only when the last renewal is a minute old
keeps the same rule to within that minute, and on the safe side: a session ends between 29
and 30 minutes after the last request, never later.
"""

import time

RENEW_AFTER_SECONDS = 60
# Stored in the session itself: when it was last renewed (seconds since the epoch).
RENEWED = "heeded_renewed_at"


class SessionRenewalMiddleware:
    """Marks a session that the request used as changed, so that SessionMiddleware saves it
    with a new expiry, when it was last renewed a minute or more ago.

    Sits after SessionMiddleware, so that its answer is seen before the session is saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session the request read (every signed-in page reads it): touching one
        # that was not read would cost a query on the public pages.
        if session is not None and session.accessed and session.session_key:
            now = int(time.time())
            if now - session.get(RENEWED, 0) >= RENEW_AFTER_SECONDS:
                session[RENEWED] = now
        return response
