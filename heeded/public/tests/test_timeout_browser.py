"""The public's timeout warning in Chromium, with a session of a few seconds: once a form's
answers are kept, the warning opens before they would be deleted, takes focus, says how
long is left in its status region (WCAG 4.1.3); "Continue with my answers" keeps them past
the first expiry; with no answer the page says they were deleted (WCAG 2.2.1)."""

import re
import time

import pytest
from playwright.sync_api import expect

from heeded.tests_support.browser import (
    SHORT_SESSION_SECONDS,
    check_accessibility,
    expect_the_timeout_warning,
    screenshot,
    watch_for_policy_violations,
)

from .journeys import COMPLAINT, step_url
from .keyboard import MAIN_BUTTON

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_timeout_warning_keeps_a_visitors_answers_or_says_they_were_deleted(
    browser_page, public_live_server, taxonomy, short_sessions
):
    page = browser_page
    refused = watch_for_policy_violations(page)
    name = COMPLAINT["your-name"]["full_name"]
    first_page = public_live_server.url + step_url("complaint", "your-name")
    page.goto(first_page)
    # Nothing kept yet: nothing to warn about.
    assert page.evaluate("document.body.dataset.appSessionSeconds") is None
    page.locator("[name=full_name]").fill(name)
    page.locator(MAIN_BUTTON).click()
    page.wait_for_url(re.compile(r"/feedback/complaint/relationship/"))
    loaded = time.monotonic()

    dialog = expect_the_timeout_warning(page, "We are about to delete your answers")
    expect(dialog.get_by_role("status")).to_have_text(
        re.compile(r"^We will delete your answers in [1-5] seconds? to protect your information\.$")
    )
    expect(page.locator("[data-app-timeout-countdown]")).to_have_text(re.compile(r"^\d seconds?$"))
    screenshot(page, "timeout-warning-public")
    check_accessibility(page)

    page.keyboard.press("Tab")
    continue_button = dialog.get_by_role("button", name="Continue with my answers")
    expect(continue_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    # Past the answers' first end, they are still there.
    page.wait_for_timeout(max(0, loaded + SHORT_SESSION_SECONDS + 1 - time.monotonic()) * 1000)
    page.goto(first_page)
    expect(page.locator("[name=full_name]")).to_have_value(name)

    # No answer: the answers go, and the page says so.
    page.wait_for_url(re.compile(r"/feedback/complaint/timed-out/"), timeout=20_000)
    expect(page.get_by_text("so we deleted your answers")).to_be_visible()
    check_accessibility(page)
    page.goto(first_page)
    expect(page.locator("[name=full_name]")).to_have_value("")
    assert refused == []
