"""The dashboard and the case list in Chromium: signing in through the form, axe-core's
WCAG 2.2 AA checks, no Content-Security-Policy violations, and screenshots to look at."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from heeded.cases import actions
from heeded.cases.tests.factories import record
from heeded.tests_support.browser import (
    check_accessibility,
    screenshot,
    watch_for_policy_violations,
)

from .conftest import complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ["Priya Shah", "Tom Okafor", "Ann Lee", "Bea Kowalski", "Sam Jones", "Leah Patel"]


@pytest.fixture
def recent_caseload(officer, manager, code):
    today = dt.date.today()
    cases = []
    for n, name in enumerate(NAMES * 3):
        case = complaint(
            officer,
            today - dt.timedelta(days=2 * n),
            name=name,
            officer=officer if n % 3 else None,
            summary=f"About the support given to {name.split()[0]}'s family",
            service_teams=[code("service_team", "fostering" if n % 2 else "mash")],
        )
        if n % 4 == 0 and n:
            case = actions.acknowledge(case, by=officer, on=case.received_on)
        cases.append(case)
    return cases


def sign_in(page, workqueue_live_server, username="officer"):
    page.goto(workqueue_live_server.url + "/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Username or email address").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()


def test_the_dashboard_and_case_list_in_a_browser(
    browser_page, workqueue_live_server, recent_caseload
):
    page = browser_page
    refused = watch_for_policy_violations(page)
    sign_in(page, workqueue_live_server)
    page.wait_for_url(workqueue_live_server.url + "/")
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    # GOV.UK Frontend's JavaScript ran (so the CSP let the module load): tabs are live.
    assert page.locator("html.govuk-template, body.govuk-frontend-supported").count() >= 1
    expect(page.get_by_role("tab", name="Team")).to_be_visible()
    screenshot(page, "workqueue-dashboard")
    check_accessibility(page)

    page.get_by_role("tab", name="Team").click()
    screenshot(page, "workqueue-dashboard-team")

    page.get_by_role("link", name="Cases", exact=True).click()
    expect(page.get_by_role("heading", name="Cases", level=1)).to_be_visible()
    screenshot(page, "workqueue-case-list")
    check_accessibility(page)

    page.get_by_label("Service or team").select_option("fostering")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile("team=fostering"))
    page.get_by_role("link", name="Next deadline").click()
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Next deadline")
    screenshot(page, "workqueue-case-list-filtered")

    page.get_by_label("Received from").fill("2022-13-45")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("Received from must be a real date").first).to_be_visible()
    check_accessibility(page)
    screenshot(page, "workqueue-case-list-error")
    assert refused == []


def test_the_sign_in_page_in_a_browser(browser_page, workqueue_live_server, officer):
    page = browser_page
    refused = watch_for_policy_violations(page)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(workqueue_live_server.url + "/accounts/login/")
    # Everything the page asks for is there: no style sheet, script or image is missing.
    page.wait_for_load_state("networkidle")
    assert failed == []
    check_accessibility(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "workqueue-sign-in-error")
    assert refused == []


def test_the_case_list_on_a_phone(phone_page, workqueue_live_server, recent_caseload):
    sign_in(phone_page, workqueue_live_server)
    phone_page.goto(workqueue_live_server.url + "/cases/")
    screenshot(phone_page, "workqueue-case-list-phone")
    check_accessibility(phone_page)
    # check_accessibility also fails a page that scrolls sideways on a phone (reflow).
    phone_page.goto(workqueue_live_server.url + "/")
    check_accessibility(phone_page)


# Names as they reach a council: typed without spaces, or an email address in place of one.
UNBROKEN_NAME = "Bartholomew" * 11  # 121 characters and not one space
EMAIL_AS_NAME = "bartholomew.featherstonehaugh-cholmondeley@example-community-trust.org.uk"


@pytest.fixture
def unbroken_names(officer, recent_caseload):
    today = dt.date.today()
    complaint(officer, today, name=UNBROKEN_NAME, officer=officer)
    complaint(officer, today, name=EMAIL_AS_NAME)


def sideways_overflow(page) -> dict[str, int]:
    """How far the case list's table reaches beyond its region, and how wide its widest
    name cell is, in pixels."""
    return page.evaluate(
        """() => {
          const region = document.querySelector('.app-table-scroll');
          const names = [...document.querySelectorAll('.app-case-table tbody td:nth-of-type(3)')];
          return {
            beyond: region.scrollWidth - region.clientWidth,
            widest_name: Math.max(...names.map(cell => cell.getBoundingClientRect().width)),
          };
        }"""
    )


def test_a_long_unbroken_name_wraps_inside_its_cell_on_a_desktop(
    browser_page, workqueue_live_server, unbroken_names
):
    sign_in(browser_page, workqueue_live_server)
    browser_page.goto(workqueue_live_server.url + "/cases/")
    screenshot(browser_page, "workqueue-case-list-unbroken-names")
    measured = sideways_overflow(browser_page)
    # The whole table fits the page at 1280px: no column is pushed off to the right.
    assert measured["beyond"] == 0
    assert measured["widest_name"] < 300


def test_the_case_list_fits_a_desktop_with_closed_and_overdue_cases(
    browser_page, workqueue_live_server, officer, recent_caseload
):
    # The widest rows an officer sees: "Closed 27 Nov 2026" in the stage column, a long
    # record type, and "10 working days overdue" as the deadline.
    long_ago = dt.date.today() - dt.timedelta(days=40)
    overdue = complaint(officer, long_ago, name="Harry Brown", officer=officer)
    actions.withdraw(complaint(officer, long_ago, name="Maya Nowak"), by=officer, on=long_ago)
    record(officer, "subject_access_request", received_on=long_ago, summary="Records")
    sign_in(browser_page, workqueue_live_server)
    browser_page.goto(workqueue_live_server.url + "/cases/")
    screenshot(browser_page, "workqueue-case-list-closed-and-overdue")
    assert (
        "working days overdue"
        in browser_page.locator(f"tr:has-text('{overdue.reference}')").inner_text()
    )
    # Nothing scrolls sideways at 1280px: the deadline column stays in sight.
    assert sideways_overflow(browser_page)["beyond"] == 0


def test_a_long_unbroken_name_wraps_inside_its_cell_on_a_phone(
    phone_page, workqueue_live_server, unbroken_names
):
    sign_in(phone_page, workqueue_live_server)
    phone_page.goto(workqueue_live_server.url + "/cases/")
    screenshot(phone_page, "workqueue-case-list-unbroken-names-phone")
    # The table may scroll sideways in its region on a phone, but the name takes no more
    # of it than a phone's width.
    assert sideways_overflow(phone_page)["widest_name"] < 375
