"""The timeout warning in Chromium, with a session of a few seconds: the dialog opens before
the end, takes focus and is named; "Stay signed in" keeps the person signed in past the
first expiry; with no answer they reach the sign-in page, told why (WCAG 2.2.1). With two
tabs, work in one keeps the other open and "Stay signed in" in one closes the other's
warning; the time left is announced at intervals, not every second (WCAG 4.1.3)."""

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

from .test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMED_OUT = re.compile(r"/accounts/login/\?timed_out=1")
SIGNED_OUT_BECAUSE = "You were signed out because you did not do anything for 1 minute."
WARNING_NAME = "You are about to be signed out"
# Notes, in the page, whether its warning ever opened; the note is gone if the tab leaves.
WATCH_THE_WARNING = """() => {
    const dialog = document.querySelector('[data-app-timeout-dialog]')
    window.warned = false
    new MutationObserver(() => { if (dialog.open) window.warned = true })
        .observe(dialog, {attributes: true, attributeFilter: ['open']})
}"""


def signed_in(page, server) -> list[str]:
    """Signed in, on the dashboard; and the policy refusals the page reports from then on."""
    refused = watch_for_policy_violations(page)
    sign_in(page, server)
    page.wait_for_url(server.url + "/")
    return refused


def two_tabs(page, server) -> tuple:
    """Signed in, with the dashboard in one tab and the case list in another (one browser:
    one session, one storage); and the policy refusals both report."""
    refused = signed_in(page, server)
    second = page.context.new_page()
    refused += watch_for_policy_violations(second)
    second.goto(server.url + "/cases/")
    return page, second, refused


def test_the_timeout_warning_keeps_a_session_or_signs_out_with_a_reason(
    browser_page, workqueue_live_server, officer, short_sessions
):
    page = browser_page
    refused = signed_in(page, workqueue_live_server)
    loaded = time.monotonic()

    dialog = expect_the_timeout_warning(page, WARNING_NAME)
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
    page.wait_for_timeout(max(0, loaded + SHORT_SESSION_SECONDS + 1 - time.monotonic()) * 1000)
    page.reload()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    # Escape keeps it too.
    expect(dialog).to_be_visible(timeout=SHORT_SESSION_SECONDS * 1000)
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


def test_work_in_one_tab_keeps_the_other_open_until_the_session_really_ends(
    browser_page, workqueue_live_server, officer, settings
):
    # Long enough that pages every second renew it (every 3 seconds) well before a warning.
    settings.SESSION_COOKIE_AGE = session = 12
    settings.SESSION_WARNING_SECONDS = 4
    first, second, refused = two_tabs(browser_page, workqueue_live_server)
    first.evaluate(WATCH_THE_WARNING)

    # Work in the second tab for longer than the session lasts: the first never warns.
    working_until = time.monotonic() + session + 3
    while time.monotonic() < working_until:
        second.wait_for_timeout(1000)
        second.reload()
    assert first.evaluate("window.warned") is False
    expect(first.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    # The work stops: once the session has really ended, both tabs say why.
    for tab in (first, second):
        tab.wait_for_url(TIMED_OUT, timeout=(session + 8) * 1000)
        expect(tab.get_by_text(SIGNED_OUT_BECAUSE)).to_be_visible()
    assert refused == []


def test_stay_signed_in_in_one_tab_closes_the_warning_in_the_other(
    browser_page, workqueue_live_server, officer, short_sessions
):
    first, second, refused = two_tabs(browser_page, workqueue_live_server)
    warnings = [tab.get_by_role("dialog", name=WARNING_NAME) for tab in (first, second)]
    for warning in warnings:
        expect(warning).to_be_visible(timeout=SHORT_SESSION_SECONDS * 1000)

    warnings[1].get_by_role("button", name="Stay signed in").click()
    expect(warnings[1]).to_be_hidden()
    # Well before the first tab's own clock would have run out.
    expect(warnings[0]).to_be_hidden(timeout=2000)
    first.wait_for_timeout(2000)
    expect(warnings[0]).to_be_hidden()
    expect(first.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    assert refused == []


def test_a_tab_whose_clock_has_run_out_asks_before_signing_out(
    browser_page, workqueue_live_server, officer, short_sessions
):
    # Work the page cannot see (as in a tab where storage is switched off): requests in the
    # same browser that keep the session alive without telling the page.
    page = browser_page
    refused = signed_in(page, workqueue_live_server)
    page.evaluate("window.stillHere = true")
    working_until = time.monotonic() + SHORT_SESSION_SECONDS + 4
    while time.monotonic() < working_until:
        assert page.context.request.get(workqueue_live_server.url + "/cases/").ok
        page.wait_for_timeout(1000)
    # Its own clock ran out at least once, but the server said the session was still alive.
    assert page.evaluate("window.stillHere") is True

    page.wait_for_url(TIMED_OUT, timeout=(SHORT_SESSION_SECONDS + 8) * 1000)
    expect(page.get_by_text(SIGNED_OUT_BECAUSE)).to_be_visible()
    assert refused == []


# Records every text the status region is given, in the page.
RECORD_ANNOUNCEMENTS = """() => {
    const region = document.querySelector('[data-app-timeout-announcement]')
    window.announcements = []
    new MutationObserver((changes) => {
        for (const change of changes) {
            for (const node of change.addedNodes) window.announcements.push(node.textContent)
        }
    }).observe(region, {childList: true, characterData: true, subtree: true})
}"""


def test_the_time_left_is_announced_on_opening_each_minute_and_at_30_and_15_seconds(
    browser_page, workqueue_live_server, officer, settings
):
    # The page's clock is Playwright's, run on faster than real time; the session's is real,
    # and long enough not to end meanwhile.
    settings.SESSION_COOKIE_AGE = 300
    settings.SESSION_WARNING_SECONDS = 180
    page = browser_page
    refused = signed_in(page, workqueue_live_server)
    page.clock.install()
    page.goto(workqueue_live_server.url + "/")
    page.evaluate(RECORD_ANNOUNCEMENTS)
    loaded = time.monotonic()
    seconds = int(page.evaluate("document.body.dataset.appSessionSeconds"))
    dialog = page.get_by_role("dialog", name=WARNING_NAME)
    region = dialog.get_by_role("status")
    countdown = page.locator("[data-app-timeout-countdown]")

    run_on = [0.0]  # seconds the page's clock has been run on, beyond real time

    def run_until(left: int) -> None:
        ahead = seconds - left - (time.monotonic() - loaded) - run_on[0]
        page.clock.run_for(int(ahead * 1000))
        run_on[0] += ahead

    run_until(170)
    expect(dialog).to_be_visible()
    expect(region).to_have_text("We will sign you out in 3 minutes.")
    expect(countdown).to_have_text("3 minutes")
    run_until(125)
    assert page.evaluate("window.announcements") == ["We will sign you out in 3 minutes."]
    run_until(100)
    expect(region).to_have_text("We will sign you out in 2 minutes.")
    run_until(20)
    expect(region).to_have_text("We will sign you out in 30 seconds.")
    expect(countdown).to_have_text(re.compile(r"^(1[6-9]|2[0-4]) seconds$"))
    run_until(8)
    expect(region).to_have_text("We will sign you out in 15 seconds.")
    # Once on opening, then only at each point: not every second.
    assert [text for text in page.evaluate("window.announcements") if text] == [
        f"We will sign you out in {time_left}."
        for time_left in ("3 minutes", "2 minutes", "1 minute", "30 seconds", "15 seconds")
    ]
    # The visible countdown is hidden from screen readers: they hear the status region.
    expect(page.locator("[aria-hidden=true]", has=countdown)).to_have_count(1)
    check_accessibility(page)
    assert refused == []


def test_signing_out_in_one_tab_leaves_the_case_list_in_the_other(
    browser_page, workqueue_live_server, officer
):
    # On a shared computer, "Sign out" left every other tab showing its cases.
    first, second, refused = two_tabs(browser_page, workqueue_live_server)
    first.get_by_role("button", name="Sign out").first.click()
    first.wait_for_url(re.compile(r"/accounts/login/\?signed_out=1$"))
    expect(first.get_by_text("You have signed out.")).to_be_visible()
    second.wait_for_url(re.compile(r"/accounts/login/\?next=(/|%2F)cases(/|%2F)$"), timeout=5000)
    # Not told they did nothing for a while: they signed out.
    expect(second.get_by_text(SIGNED_OUT_BECAUSE)).to_have_count(0)
    expect(second.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert refused == []
