"""The timeout warning in Chromium, with a session of a few seconds: the dialog opens before
the end, takes focus and is named; "Stay signed in" keeps the person signed in past the
first expiry; with no answer they reach the sign-in page, told why (WCAG 2.2.1)."""

import re
import time

import pytest
from playwright.sync_api import expect

from heeded.tests_support.browser import check_accessibility, screenshot

from .test_browser import sign_in, watch_for_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SESSION_SECONDS = 8
WARNING_SECONDS = 5


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_COOKIE_AGE = SESSION_SECONDS
    settings.SESSION_WARNING_SECONDS = WARNING_SECONDS


def test_the_timeout_warning_keeps_a_session_or_signs_out_with_a_reason(
    browser_page, workqueue_live_server, officer, short_sessions
):
    page = browser_page
    refused = watch_for_policy_violations(page)
    sign_in(page, workqueue_live_server)
    page.wait_for_url(workqueue_live_server.url + "/")
    loaded = time.monotonic()

    dialog = page.get_by_role("dialog", name="You are about to be signed out")
    expect(dialog).to_be_visible(timeout=SESSION_SECONDS * 1000)
    # Not before the warning time: the clock comes from the page's own session.
    assert time.monotonic() - loaded >= SESSION_SECONDS - WARNING_SECONDS - 1
    # Focus is in the dialog (on it, so that its name and words are read first).
    assert page.evaluate("document.activeElement.id") == "app-timeout-dialog"
    expect(dialog).to_have_attribute("aria-describedby", "app-timeout-dialog-text")
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_visible()
    expect(dialog.get_by_role("button", name="Sign out")).to_be_visible()
    screenshot(page, "timeout-warning-staff")
    check_accessibility(page)

    # Keyboard only: Tab reaches the button, Enter keeps the session.
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    # Past the session's first end, the person is still signed in.
    page.wait_for_timeout(max(0, loaded + SESSION_SECONDS + 1 - time.monotonic()) * 1000)
    page.reload()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    # Escape keeps it too.
    expect(dialog).to_be_visible(timeout=SESSION_SECONDS * 1000)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    # No answer: the sign-in page, saying why.
    page.wait_for_url(re.compile(r"/accounts/login/\?timed_out=1"), timeout=15_000)
    expect(
        page.get_by_text("You were signed out because you did not do anything for 1 minute.")
    ).to_be_visible()
    check_accessibility(page)
    assert refused == []
