"""The service navigation, built from what the signed-in person's roles let them do."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from . import policies


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
