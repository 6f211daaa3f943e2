"""The timeout warning (WCAG 2.2.1): the pages carry the session's clock and the script, the
keep-alive addresses renew a session without making one, and the status addresses say how
long it has left without renewing it."""

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session

from heeded.access.sessions import SECONDS_LEFT_HEADER
from heeded.public.tests.journeys import COMPLAINT, answer_all, step_url

pytestmark = pytest.mark.django_db
START = dt.datetime(2022, 10, 12, 9, 0, tzinfo=dt.UTC)
KEEP_ALIVE = "/session/keep-alive/"
PUBLIC_KEEP_ALIVE = "/feedback/keep-alive/"
STATUS = "/session/status/"
PUBLIC_STATUS = "/feedback/session-status/"


def body_data(page: str) -> dict[str, str]:
    body = re.search(r"<body[^>]*>", page).group(0)
    return dict(re.findall(r'data-app-session-([a-z-]+)="([^"]*)"', body))


def expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_signed_in_page_carries_the_clock_the_script_and_the_warning(client, officer):
    settings_seconds = settings.SESSION_COOKIE_AGE
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(officer)
        client.get("/")
        clock.shift(dt.timedelta(seconds=20))  # within the minute: not renewed again
        response = client.get("/cases/", headers={"HX-Request": "true"})
    page = response.content.decode()
    # A request the page makes (htmx) restarts its clock from this header.
    assert response[SECONDS_LEFT_HEADER] == str(settings_seconds - 20)
    data = body_data(page)
    assert data == {
        "seconds": str(settings_seconds - 20),
        "warning-seconds": str(settings.SESSION_WARNING_SECONDS),
        "keep-alive-url": KEEP_ALIVE,
        "status-url": STATUS,
        "timed-out-url": "/accounts/login/?timed_out=1&amp;next=%2Fcases%2F",
        # Signed out in another tab: back to the sign-in page, and here after it.
        "signed-out-url": "/accounts/login/?next=%2Fcases%2F",
    }
    assert re.search(r'<script src="/static/js/timeout-warning\.js" defer>', page)
    assert "You are about to be signed out</h2>" in page
    assert "We will sign you out in" in page
    # The time left is announced through a status region (WCAG 4.1.3), filled by the script.
    assert re.search(
        r'<p class="govuk-visually-hidden" role="status" data-app-timeout-announcement', page
    )
    assert ">Stay signed in</button>" in page
    assert ">Sign out</button>" in page


def test_the_sign_in_page_says_why_someone_was_signed_out(client):
    page = client.get("/accounts/login/?timed_out=1&next=/cases/").content.decode()
    assert "You were signed out because you did not do anything for 30 minutes." in page
    assert "data-app-session-seconds" not in page  # signed out: no clock
    assert "You were signed out" not in client.get("/accounts/login/").content.decode()


def test_stay_signed_in_renews_the_session_and_needs_sign_in(client, officer):
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(officer)
        client.get("/")
        clock.shift(dt.timedelta(seconds=20))  # a page now would not renew it
        response = client.get(KEEP_ALIVE)
        assert response.status_code == 204
        assert response[SECONDS_LEFT_HEADER] == str(settings.SESSION_COOKIE_AGE)
        assert expiry(client) == START + dt.timedelta(seconds=20) + idle
        clock.shift(idle - dt.timedelta(seconds=10))  # past the first expiry
        assert client.get("/").status_code == 200
    client.logout()
    refused = client.get(KEEP_ALIVE)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/login/")


def test_a_public_form_page_with_answers_kept_carries_the_clock(client):
    first = next(iter(COMPLAINT))
    assert (
        "data-app-session-seconds" not in client.get(step_url("complaint", first)).content.decode()
    )
    answer_all(client, "complaint", {first: COMPLAINT[first]})
    second = list(COMPLAINT)[1]
    page = client.get(step_url("complaint", second)).content.decode()
    data = body_data(page)
    assert data["keep-alive-url"] == PUBLIC_KEEP_ALIVE
    assert data["status-url"] == PUBLIC_STATUS
    assert data["timed-out-url"] == "/feedback/complaint/timed-out/"
    assert "signed-out-url" not in data  # the public do not sign in
    assert int(data["seconds"]) > settings.SESSION_COOKIE_AGE - 5
    assert "We will delete your answers in" in page
    assert ">Continue with my answers</button>" in page
    assert "Sign out" not in page


def test_continue_with_my_answers_renews_the_visitors_session(client):
    first = next(iter(COMPLAINT))
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(START, tick=False) as clock:
        answer_all(client, "complaint", {first: COMPLAINT[first]})
        clock.shift(dt.timedelta(seconds=30))
        response = client.get(PUBLIC_KEEP_ALIVE)
        assert response.status_code == 204
        assert expiry(client) == START + dt.timedelta(seconds=30) + idle


def test_the_public_keep_alive_makes_no_session_for_a_visitor_without_one(client):
    response = client.get(PUBLIC_KEEP_ALIVE)
    assert response.status_code == 410
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0
    # Nor for one whose session has ended: its old cookie is not made a new session.
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    assert client.get(PUBLIC_KEEP_ALIVE).status_code == 410
    assert Session.objects.count() == 0


def test_the_timed_out_page_says_why_the_answers_went(client):
    page = client.get("/feedback/complaint/timed-out/").content.decode()
    assert "so we deleted your answers" in page
    assert "data-app-session-seconds" not in page


def test_the_status_says_how_long_is_left_without_renewing_the_session(client, officer):
    # A tab whose clock has run out asks this before signing the person out: asking must
    # not keep the session alive, or an idle tab would never let it end.
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(officer)
        client.get("/")
        renewed_until = expiry(client)
        clock.shift(dt.timedelta(seconds=90))  # a page now would renew it
        response = client.get(STATUS)
        assert response.status_code == 204
        assert response[SECONDS_LEFT_HEADER] == str(settings.SESSION_COOKIE_AGE - 90)
        assert expiry(client) == renewed_until
        clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 89))  # just past it
        assert client.get(STATUS).status_code == 302  # ended: the sign-in page


def test_the_status_needs_sign_in_as_stay_signed_in_does(client):
    refused = client.get(STATUS)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/login/")
    assert SECONDS_LEFT_HEADER not in refused


def test_the_status_is_never_stored_and_only_read(client, officer):
    client.force_login(officer)
    response = client.get(STATUS)
    assert "no-store" in response["Cache-Control"]
    assert client.post(STATUS).status_code == 405


def test_the_public_status_says_how_long_answers_have_left_without_renewing_them(client):
    first = next(iter(COMPLAINT))
    with time_machine.travel(START, tick=False) as clock:
        answer_all(client, "complaint", {first: COMPLAINT[first]})
        renewed_until = expiry(client)
        clock.shift(dt.timedelta(seconds=90))
        response = client.get(PUBLIC_STATUS)
        assert response.status_code == 204
        assert response[SECONDS_LEFT_HEADER] == str(settings.SESSION_COOKIE_AGE - 90)
        assert "no-store" in response["Cache-Control"]
        assert expiry(client) == renewed_until
        clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 89))
        assert client.get(PUBLIC_STATUS).status_code == 410  # the answers have gone


def test_the_public_status_makes_no_session_for_a_visitor_without_one(client):
    response = client.get(PUBLIC_STATUS)
    assert response.status_code == 410
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0
