"""The service navigation, built from what the signed-in person's roles let them do."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from . import policies, sessions


def _url(name: str, fallback: str) -> str:
    # Each app owns its own pages; before an app has named its index page the navigation
    # still points at the app's prefix from heeded/urls.py.
    try:
        return reverse(name)
    except NoReverseMatch:
        return fallback


def nav_links(user) -> list[tuple[str, str]]:
    """(text, href) pairs for ``user``, in the order they appear in the header."""
    links: list[tuple[str, str]] = []
    if policies.can_see_case_records(user):
        links.append(("Dashboard", _url("workqueue:dashboard", "/")))
        links.append(("Cases", _url("workqueue:case_list", "/cases/")))
    if policies.can_record_cases(user):
        links.append(("Record a representation", _url("casework:record", "/cases/new/")))
    if policies.can_view_reports(user):
        links.append(("Reports", _url("reports:index", "/reports/")))
    if policies.can_import(user):
        links.append(("Import", _url("interchange:upload", "/import/")))
    if policies.can_manage_reference_data(user) or policies.can_manage_staff(user):
        links.append(("Settings", _url("reference:index", "/settings/")))
    return links


def _is_current(path: str, href: str, hrefs: list[str]) -> bool:
    if href == "/":
        return path == "/"
    if not path.startswith(href):
        return False
    # "/cases/new/" belongs to "Record a representation", not to "Cases" ("/cases/").
    return not any(len(other) > len(href) and path.startswith(other) for other in hrefs)


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    links = nav_links(user)
    hrefs = [href for _, href in links]
    return {
        "nav_items": [
            {
                "text": text,
                "href": href,
                "current": request.path == href,
                "active": _is_current(request.path, href, hrefs),
            }
            for text, href in links
        ],
        "logout_url": _url("account_logout", "/accounts/logout/"),
    }


# The public's pages that hold answers a session's end would delete.
PUBLIC_FORM_PAGES = frozenset({"question", "check"})


def idle_minutes() -> int:
    """How long a session lasts without a request, in whole minutes (at least one)."""
    return max(1, settings.SESSION_COOKIE_AGE // 60)


def session_timeout(request):
    """What the timeout warning (js/timeout-warning.js) needs, on the pages that have one:
    every signed-in page, and the public's form pages once their answers are kept.

    Reading the time left renews a session that is due for it, so the page's clock starts
    from this request, as the session's does.
    """
    context = {"session_idle_minutes": idle_minutes()}
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return context
    match = request.resolver_match
    if user is not None and user.is_authenticated:
        kind = "staff"
        keep_alive = reverse("session_keep_alive")
        status = reverse("session_status")
        query = urlencode({"timed_out": 1, "next": request.get_full_path()})
        timed_out = f"{reverse('account_login')}?{query}"
        # Where a tab goes when the person signs out in another: nothing of a case stays
        # on the screen of a shared computer after "Sign out".
        signed_out = f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
    elif (
        match is not None
        and "public" in match.namespaces
        and match.url_name in PUBLIC_FORM_PAGES
        and "journey" in match.kwargs
    ):
        kind = "public"
        keep_alive = reverse("public:keep_alive")
        status = reverse("public:session_status")
        timed_out = reverse("public:timed_out", args=[match.kwargs["journey"]])
        signed_out = ""  # the public do not sign in
    else:
        return context
    session.get(sessions.RENEWED)  # loads it: the key of one that had ended is dropped
    if not session.session_key:  # nothing left to keep, and no session to make
        return context
    sessions.renew(session)
    context["session_timeout"] = {
        "kind": kind,
        "seconds_left": sessions.seconds_left(session),
        "warning_seconds": settings.SESSION_WARNING_SECONDS,
        "keep_alive_url": keep_alive,
        "status_url": status,
        "timed_out_url": timed_out,
        "signed_out_url": signed_out,
    }
    return context
