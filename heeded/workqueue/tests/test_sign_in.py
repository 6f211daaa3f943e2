"""Signing in and out, the closed sign-up, throttling, idle sessions and the page headers."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
PASSWORD = "a-long-test-password"  # conftest.make_user


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts failed sign-ins in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    response = client.get("/cases/?status=open")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/cases/%3Fstatus%3Dopen"


def test_the_sign_in_page_uses_govuk_components_and_offers_no_sign_up(client):
    page = client.get(LOGIN).content.decode()
    assert '<h1 class="govuk-heading-l">Sign in</h1>' in page
    assert 'class="govuk-input' in page
    assert "sign up" not in page.lower()
    # One way to a new password: the page's own link, not allauth's hint repeating it.
    assert "Forgot your password" not in page
    assert '<a class="govuk-link" href="/accounts/password/reset/">' in page


def test_every_page_names_an_icon_that_is_served(client):
    # Not GOV.UK's crown; without an icon of its own, browsers ask for /favicon.ico on every
    # first visit and log a 404.
    page = client.get(LOGIN).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert icon is not None
    response = client.get(icon.group(1))
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)


def test_signing_in_by_username_or_email(client, officer):
    response = client.post(LOGIN, {"login": "officer", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    client.logout()
    response = client.post(LOGIN, {"login": "officer@council.example", "password": PASSWORD})
    assert response.status_code == 302


def test_signing_in_greets_the_person_by_name(client, officer):
    response = client.post(LOGIN, {"login": "officer", "password": PASSWORD}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Signed in as Officer Tester."]


def test_signing_in_returns_to_the_page_asked_for(client, officer):
    response = client.post(LOGIN + "?next=/cases/", {"login": "officer", "password": PASSWORD})
    assert response["Location"] == "/cases/"


def test_a_wrong_password_gets_an_error_summary(client, officer):
    response = client.post(LOGIN, {"login": "officer", "password": "wrong"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<title>Error: Sign in" in page


def test_nobody_can_sign_themselves_up(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert "Accounts are made by an administrator" in response.content.decode()
    response = client.post(
        "/accounts/signup/",
        {
            "username": "intruder",
            "email": "intruder@example.com",
            "password1": "a-long-Password-1",
            "password2": "a-long-Password-1",
        },
    )
    from django.contrib.auth.models import User

    assert not User.objects.filter(username="intruder").exists()


def test_the_sixth_failed_sign_in_is_refused_even_with_the_right_password(client, officer):
    for _ in range(5):
        client.post(LOGIN, {"login": "officer", "password": "wrong"})
    response = client.post(LOGIN, {"login": "officer", "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_a_post(client, officer):
    client.force_login(officer)
    response = client.get("/accounts/logout/")
    assert response.status_code == 200
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_session_ends_after_thirty_minutes_without_a_request(client, officer, settings):
    start = dt.datetime(2022, 10, 12, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(officer)
        assert client.get("/").status_code == 200
        clock.shift(dt.timedelta(minutes=29))
        assert client.get("/").status_code == 200  # still working: the clock restarts
        clock.shift(dt.timedelta(minutes=29))
        assert client.get("/").status_code == 200
        clock.shift(dt.timedelta(minutes=settings.SESSION_COOKIE_AGE // 60 + 1))
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_session_is_written_at_most_once_a_minute_and_ends_within_the_idle_time(
    client, officer, settings
):
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def expiry():
        return Session.objects.get(session_key=client.session.session_key).expire_date

    start = dt.datetime(2022, 10, 12, 9, 0, tzinfo=dt.UTC)
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(officer)
        client.get("/")
        assert expiry() == start + idle
        clock.shift(dt.timedelta(seconds=59))
        with CaptureQueriesContext(connection) as within_the_minute:
            client.get("/")
        written = [q for q in within_the_minute.captured_queries if "UPDATE" in q["sql"]]
        assert written == []
        assert expiry() == start + idle  # not renewed: at most a minute early
        clock.shift(dt.timedelta(seconds=1))
        client.get("/")
        assert expiry() == start + dt.timedelta(minutes=1) + idle


def test_pages_carry_a_strict_content_security_policy(client, officer):
    client.force_login(officer)
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    "person, expected",
    [
        ("officer", ["Dashboard", "Cases", "Record a representation", "Reports"]),
        (
            "manager",
            ["Dashboard", "Cases", "Record a representation", "Reports", "Import", "Settings"],
        ),
        ("responding", ["Dashboard", "Cases"]),
        ("viewer", ["Reports"]),
        (
            "admin_user",
            ["Dashboard", "Cases", "Record a representation", "Reports", "Import", "Settings"],
        ),
        ("nobody", []),
    ],
)
def test_the_navigation_offers_what_each_role_may_use(client, request, person, expected):
    client.force_login(request.getfixturevalue(person))
    response = client.get("/accounts/logout/")  # a page everyone signed in may see
    assert [item["text"] for item in response.context["nav_items"]] == expected


def test_the_navigation_marks_the_current_section(client, officer):
    client.force_login(officer)
    items = client.get("/cases/?status=open").context["nav_items"]
    cases = next(item for item in items if item["text"] == "Cases")
    assert cases["current"] and cases["active"]
    assert not any(item["active"] for item in items if item["text"] != "Cases")


def test_a_null_character_in_the_sign_in_name_is_named_in_govuk_words(client, officer):
    response = client.post(LOGIN, {"login": "officer\x00", "password": PASSWORD})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Username or email address must not contain a null character" in page
    assert "Null characters are not allowed" not in page


def _error_beside(page: str, field: str, message: str) -> bool:
    """Whether ``message`` is in the error summary, linked to ``field``, and beside it."""
    return (
        f'<a href="#id_{field}">{message}</a>' in page
        and (
            f'<p id="id_{field}-error" class="govuk-error-message">'
            f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
        )
        in page
    )


def test_a_null_character_in_a_password_being_changed_is_named_in_govuk_words(client, officer):
    client.force_login(officer)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD + "\x00", "password1": "x\x00", "password2": "y\x00"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page
    assert _error_beside(page, "oldpassword", "Current password must not contain a null character")
    assert _error_beside(page, "password1", "New password must not contain a null character")
    assert _error_beside(
        page, "password2", "New password typed again must not contain a null character"
    )
    assert "Null characters are not allowed" not in page
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_a_null_character_in_a_password_reset_by_link_is_named_in_govuk_words(client, officer):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

    link = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(officer),
            "key": default_token_generator.make_token(officer),
        },
    )
    form_page = client.get(link)  # allauth keeps the key and sends on to the form
    assert form_page.status_code == 302
    new = "a-new-long-password\x00"
    response = client.post(form_page["Location"], {"password1": new, "password2": new})
    assert response.status_code == 200
    page = response.content.decode()
    # allauth's page gives its form to the fields alone: the summary is there all the same.
    assert "<title>Error: " in page
    assert _error_beside(page, "password1", "New password must not contain a null character")
    assert "Null characters are not allowed" not in page
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_your_account_shows_your_email_address_and_nobody_can_add_one_themselves(client, officer):
    # Reminders go to it: an administrator sets it. allauth's page at this address let
    # anyone add and "verify" addresses on a site that verifies none.
    client.force_login(officer)
    page = client.get("/accounts/").content.decode()
    assert '<h1 class="govuk-heading-l">Your account</h1>' in page
    assert officer.email in page and "Complaints officer" in page
    assert 'href="/accounts/password/change/"' in page
    response = client.post("/accounts/email/", {"action_add": "", "email": "me@example.org"})
    assert response.status_code == 200 and "Your account" in response.content.decode()
    officer.refresh_from_db()
    assert officer.email != "me@example.org"
    assert not officer.emailaddress_set.filter(email="me@example.org").exists()


def _labels(page: str) -> list[str]:
    return re.findall(r'<label class="govuk-label" for="[^"]+">([^<]+)</label>', page)


def test_the_change_password_page_labels_its_boxes_in_sentence_case(client, officer):
    client.force_login(officer)
    page = client.get("/accounts/password/change/").content.decode()
    assert _labels(page) == ["Current password", "New password", "Confirm new password"]


def test_the_reset_password_page_asks_for_an_email_address(client):
    page = client.get("/accounts/password/reset/").content.decode()
    assert _labels(page) == ["Email address"]


def test_allauth_pages_head_and_act_in_sentence_case_with_their_rules_in_sentences(client, officer):
    client.force_login(officer)
    page = client.get("/accounts/password/change/").content.decode()
    assert "<title>Change password – " in page
    assert '<h1 class="govuk-heading-l">Change password</h1>' in page
    assert re.search(
        r'<button class="govuk-button"[^>]*type="submit">Change password</button>', page
    )
    assert "Change Password" not in page
    # The password rules as sentences, not run together; no link-less "Forgot" text.
    assert "personal information. Your password must contain at least 12 characters." in page
    assert "Forgot your password?" not in page


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("\n   Change Password\n ", "Change password"),
        ("Confirm Access", "Confirm access"),
        ("Enter PIN Code", "Enter PIN code"),
        ("Sign out", "Sign out"),
    ],
)
def test_sentence_case_lowers_every_title_case_word_after_the_first(title, sentence):
    from heeded.access.templatetags.account_words import sentence_case

    assert sentence_case(title) == sentence


def test_behind_a_proxy_failed_sign_ins_are_counted_per_visitor_not_for_the_proxy(
    client, officer, settings
):
    """Every request reaches Heeded from the proxy's address. Counted against that, a
    stranger's wrong guesses would stop every member of staff signing in."""
    settings.PUBLIC_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/ip"}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for attempt in range(4):
        client.post(
            LOGIN,
            {"login": f"guess-{attempt}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.9",
            **proxy,
        )
    stranger = client.post(
        LOGIN,
        {"login": "officer", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
        **proxy,
    )
    assert "Too many failed login attempts" in stranger.content.decode()
    response = client.post(
        LOGIN,
        {"login": "officer", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.44",
        **proxy,
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)
