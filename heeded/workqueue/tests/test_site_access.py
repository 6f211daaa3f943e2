"""The whole-site sweep: every named URL, for every role and for someone not signed in.

Who may see what is written out below, one line per URL name. A URL name missing from the
table fails the test, so a new page cannot ship without someone deciding who may see it.
Names needing arguments get them from EXAMPLE_ARGUMENTS, filled from a real case.

The cast (root conftest.py): officer and manager see every case; responding sees only the
cases given to them (the example case is); viewer sees reports only; admin_user everything;
nobody is signed in with no role; anonymous is not signed in.
"""

from __future__ import annotations

import fnmatch
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = ("officer", "manager", "responding", "viewer", "admin_user", "nobody")
CASEWORK = frozenset({"officer", "manager", "responding", "admin_user"})
SIGNED_IN = frozenset(ROLES)
PUBLIC = SIGNED_IN | {"anonymous"}
RECORDERS = frozenset({"officer", "manager", "admin_user"})
MANAGERS = frozenset({"manager", "admin_user"})
REPORT_READERS = frozenset({"officer", "manager", "viewer", "admin_user"})
NO_ONE = frozenset()  # of this cast: Django's admin needs is_staff, which no role gives

# {url name (or a namespace pattern): who may see it}
ACCESS: dict[str, frozenset[str]] = {
    "workqueue:dashboard": CASEWORK,
    "workqueue:case_list": CASEWORK,
    "workqueue:case_list_csv": CASEWORK,
    # django-allauth: the pages about signing in are for everyone; the ones about your own
    # account for anyone signed in. Sign-up is closed (heeded.access.adapters).
    "account_login": PUBLIC,
    "account_logout": PUBLIC,
    "account_signup": PUBLIC,
    "account_inactive": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_login_code": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_email": SIGNED_IN,
    "your_account": SIGNED_IN,
    "account_change_password": SIGNED_IN,
    "account_set_password": SIGNED_IN,
    # "Stay signed in" in the timeout warning (heeded.access.views).
    "session_keep_alive": SIGNED_IN,
    # How long the session has left, asked by a tab whose warning ran out (not renewing it).
    "session_status": SIGNED_IN,
    # The admin's own sign-in form sends everyone to Heeded's, where failed sign-ins are
    # limited (heeded/urls.py).
    "admin:*": NO_ONE,
    # Recording and the case page (heeded.casework)
    "casework:record": RECORDERS,
    "casework:people_found": RECORDERS,
    "casework:children_found": RECORDERS,
    "casework:deadlines": RECORDERS,
    "casework:record_details": RECORDERS,
    "casework:case": CASEWORK,
    "casework:document": CASEWORK,
    "casework:action": CASEWORK,
    # Correcting someone's details: they may be on cases a responding manager cannot see.
    "casework:person": RECORDERS,
    "casework:same_person": RECORDERS,
    # Reports (heeded.reports): no case records for report viewers on these pages
    "reports:index": REPORT_READERS,
    "reports:report": REPORT_READERS,
    "reports:download": REPORT_READERS,
    "reports:cases": RECORDERS,  # lists case references: not for report viewers
    # The report's recommendations and their progress: kept by managers, like settings
    # (officers and report viewers read them in the report itself)
    "reports:recommendation_list": MANAGERS,
    "reports:recommendation_add": MANAGERS,
    "reports:recommendation_edit": MANAGERS,
    "reports:recommendation_remove": MANAGERS,
    "reports:progress_add": MANAGERS,
    "reports:progress_edit": MANAGERS,
    "reports:progress_remove": MANAGERS,
    # Imports (heeded.interchange)
    "interchange:upload": MANAGERS,
    "interchange:confirm": MANAGERS,
    "interchange:export": MANAGERS,
    # Settings (heeded.reference): reference data and staff for managers (an administrator's
    # own account only for administrators: heeded/reference/tests/test_access.py)
    "reference:index": MANAGERS,
    "reference:term_list": MANAGERS,
    "reference:term_add": MANAGERS,
    "reference:term_edit": MANAGERS,
    "reference:term_retire": MANAGERS,
    "reference:unit_list": MANAGERS,
    "reference:unit_add": MANAGERS,
    "reference:unit_edit": MANAGERS,
    "reference:unit_retire": MANAGERS,
    "reference:closure_list": MANAGERS,
    "reference:closure_add": MANAGERS,
    "reference:closure_remove": MANAGERS,
    "reference:organisation": MANAGERS,
    "reference:change_list": MANAGERS,
    "reference:staff_list": MANAGERS,
    "reference:staff_add": MANAGERS,
    "reference:staff_edit": MANAGERS,
    "reference:staff_active": MANAGERS,
    "reference:staff_password_link": MANAGERS,
    # Opened from an emailed link before the new member of staff can sign in.
    "reference:set_password": PUBLIC,
    "reference:set_password_done": PUBLIC,
    # The public's feedback forms: no sign-in (heeded.access.middleware.PUBLIC_NAMESPACES)
    "public:start": PUBLIC,
    "public:choose": PUBLIC,
    "public:young_person_start": PUBLIC,
    "public:question": PUBLIC,
    "public:check": PUBLIC,
    "public:done": PUBLIC,
    "public:keep_alive": PUBLIC,
    "public:session_status": PUBLIC,
    "public:timed_out": PUBLIC,
}

# Pages that, for someone allowed, answer with a redirect rather than a page of their own
# (allauth sends a signed-in person away from "sign in" and from steps that do not apply).
REDIRECT_IS_AN_ANSWER = {
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_confirm_login_code",
    "account_reauthenticate",
    "account_set_password",
    "account_change_password",
    "account_inactive",
    "public:check",  # nothing answered yet: back to the first question
    "interchange:confirm",  # nothing uploaded yet: back to the upload page
}
# A sign-in step with no sign-in under way sends you back to the start of signing in; so
# does signing out (already signed out, or not: ACCOUNT_LOGOUT_REDIRECT_URL).
BACK_TO_SIGN_IN_IS_AN_ANSWER = {"account_confirm_login_code", "account_logout"}
# "Sent" pages show only in the browser that sent the form (a shared computer must not show
# that a child complained), so a made-up example is, rightly, not found.
NOT_FOUND_IS_AN_ANSWER = {"public:done"}
# The timeout warning's keep-alive and status addresses answer with no page: renewed or
# still there (204), or, for a visitor with no session, gone (410).
EMPTY_ANSWERS = {
    "session_keep_alive": {204},
    "session_status": {204},
    "public:keep_alive": {204, 410},
    "public:session_status": {204, 410},
}
# Changes made by a button (POST only). The sweep checks that those not allowed are refused
# a POST; it does not press the button for those allowed (each app's tests do that).
POST_ONLY = {
    "reference:staff_active",
    "reference:staff_password_link",
    "reference:term_retire",
    "reference:unit_retire",
}
# Query strings some pages need to be more than a "not found" (htmx partials).
QUERY_FOR = {"casework:deadlines": "?record_type=complaint&received_on=12/9/2022"}


def named_urls() -> list[tuple[str, tuple[str, ...]]]:
    """Every (namespaced name, argument names) the resolver knows."""
    found: list[tuple[str, tuple[str, ...]]] = []

    def walk(patterns, namespaces: list[str], arguments: tuple[str, ...]):
        for pattern in patterns:
            own = tuple(_argument_names(pattern))
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, inner, arguments + own)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((":".join([*namespaces, pattern.name]), arguments + own))

    walk(get_resolver().url_patterns, [], ())
    return sorted(set(found))


def _argument_names(pattern) -> list[str]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return list(converters)
    regex = pattern.pattern.regex
    if regex.groupindex:
        return list(regex.groupindex)
    # Unnamed groups (simple_history's admin pages) are given positionally.
    return [f"#{n}" for n in range(regex.groups)]


def allowed_for(name: str) -> frozenset[str]:
    if name in ACCESS:
        return ACCESS[name]
    for key, who in ACCESS.items():
        if "*" in key and fnmatch.fnmatch(name, key):
            return who
    pytest.fail(f"add {name} to the access table in {__file__}")


def is_sign_in_page(location: str) -> bool:
    path = urlsplit(location).path
    return path in ("/accounts/login/", "/admin/login/")


def test_every_named_url_is_in_the_access_table():
    missing = [name for name, _ in named_urls() if allowed_for_or_none(name) is None]
    assert not missing, "\n".join(f"add {name} to the access table" for name in missing)


def allowed_for_or_none(name: str):
    if name in ACCESS:
        return ACCESS[name]
    return next((who for key, who in ACCESS.items() if fnmatch.fnmatch(name, key)), None)


def test_every_page_answers_each_role_as_the_table_says(client, request, examples):
    by_argument, by_name = examples
    visits = []
    for name, argument_names in named_urls():
        values = {**by_argument, **by_name.get(name, {})}
        unknown = [a for a in argument_names if a not in values and not a.startswith("#")]
        assert not unknown, f"add an example value for {unknown} (used by {name})"
        if any(a.startswith("#") for a in argument_names):
            url = reverse(name, args=["1"] * len(argument_names))
        else:
            url = reverse(name, kwargs={a: values[a] for a in argument_names})
        visits.append((name, url + QUERY_FOR.get(name, ""), allowed_for(name)))

    problems = []
    for who in ("anonymous", *ROLES):
        client.logout()
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        for name, url, allowed in visits:
            problem = _visit(client, name, url, who, who in allowed)
            if problem:
                problems.append(f"{who} GET {url} ({name}): {problem}")
    assert not problems, "\n".join(problems)


def _visit(client, name: str, url: str, who: str, allowed: bool) -> str | None:
    if name in POST_ONLY:
        if allowed:
            status = client.get(url).status_code
            return None if status == 405 else f"should only take a POST, got {status} for GET"
        response = client.post(url)
    else:
        response = client.get(url)
        if response.status_code == 200 and _leaks_template_syntax(response):
            return "the page shows template syntax (a {# #} comment over two lines?)"
    return _judge(name, who, allowed, response.status_code, response.get("Location", ""))


def _leaks_template_syntax(response) -> bool:
    """Whether an HTML page shows Django template syntax as text: a {# #} comment is one
    line only, and one over two lines is printed on every page that extends it."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    page = response.content.decode()
    return any(mark in page for mark in ("{#", "#}", "{%", "%}"))


def _judge(name: str, who: str, allowed: bool, status: int, location: str) -> str | None:
    if status >= 500:
        return f"server error {status}"
    if allowed:
        if status == 200:
            return None
        if status == 404 and name in NOT_FOUND_IS_AN_ANSWER:
            return None
        if status in EMPTY_ANSWERS.get(name, ()):
            return None
        if status == 302 and name in BACK_TO_SIGN_IN_IS_AN_ANSWER:
            return None
        if status in (301, 302) and name in REDIRECT_IS_AN_ANSWER and not is_sign_in_page(location):
            return None
        return f"should be allowed, got {status} {location}"
    if who == "anonymous":
        if status == 302 and is_sign_in_page(location):
            return None
        return f"should be sent to sign in, got {status} {location}"
    # Signed in but not allowed: refused outright, or sent somewhere they may go (a report
    # viewer's dashboard sends them to the reports; the admin to its own sign-in, which
    # refuses them).
    if status == 403 or (status == 302 and urlsplit(location).path in REFUSED_BY_REDIRECT):
        return None
    return f"should be refused, got {status} {location}"


# Where someone signed in but not allowed may be sent instead of being refused outright:
# anywhere else would be a page that let them in.
REFUSED_BY_REDIRECT = {"/reports/", "/admin/login/", "/admin/"}


def test_every_url_pattern_has_a_name_so_the_sweep_visits_it():
    """The sweep walks named URLs: a page added without a name would escape it. Only the
    admin's own (a redirect to each object's page, and its catch-all) have none."""
    unnamed = []

    def walk(patterns, prefix: str):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif not pattern.name and not route.startswith("admin/"):
                unnamed.append(route)

    walk(get_resolver().url_patterns, "")
    assert not unnamed, f"name these URL patterns, and add them to ACCESS: {unnamed}"
