"""The report in Chromium: chosen through the form, read, and checked with axe-core
(WCAG 2.2 AA), tables and inline SVG charts included. Screenshots go to test-artefacts/."""

from __future__ import annotations

import datetime as dt

import pytest

from heeded.tests_support.browser import check_accessibility, screenshot

from .case_data import case, many

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def server(request, settings):
    from heeded.taxonomy.seeding import seed_default_taxonomy

    # Transactional tests start from flushed tables: put the seeded taxonomy back. The live
    # server's media handler cannot parse Heeded's MEDIA_URL = None.
    seed_default_taxonomy()
    settings.MEDIA_URL = "/documents-not-served/"
    return request.getfixturevalue("live_server")


@pytest.fixture
def page(browser_page):
    return browser_page


def sign_in(page, server, user) -> None:
    page.goto(f"{server.url}/accounts/login/")
    page.fill("#id_login", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_a_manager_chooses_a_year_reads_the_report_and_follows_a_figure(page, server, manager):
    many(6, "complaint", dt.date(2019, 5, 1), how_received="email")
    case("complaint", dt.date(2019, 11, 4), stage1=(dt.date(2019, 11, 12), "upheld"))
    many(2, "case_concern", dt.date(2020, 1, 6))
    sign_in(page, server, manager)

    page.goto(f"{server.url}/reports/?kind=custom&from-day=31&from-month=2&from-year=2024")
    page.get_by_text("There is a problem").wait_for()
    check_accessibility(page)
    screenshot(page, "reports-period-errors")

    page.goto(f"{server.url}/reports/")
    page.get_by_label("A financial year", exact=True).check()
    page.get_by_label("Financial year", exact=True).select_option(label="2019/20")
    page.get_by_role("button", name="Show the report").click()
    page.get_by_role("heading", name="1. Executive summary").wait_for()
    assert page.url.endswith("/reports/2019-04-01/2020-03-31/")
    check_accessibility(page)
    screenshot(page, "reports-2019-20")

    page.locator("#table-representations").get_by_role("link", name="7").first.click()
    page.get_by_role("heading", name="Cases behind the figure").wait_for()
    assert page.locator("tbody tr").count() == 7
    check_accessibility(page)


def test_the_report_and_its_cases_on_a_phone(phone_page, server, manager):
    # Wide four-year tables scroll inside their own region; the page does not (reflow).
    many(3, "complaint", dt.date(2019, 5, 1), how_received="email")
    sign_in(phone_page, server, manager)
    phone_page.goto(f"{server.url}/reports/2019-04-01/2020-03-31/")
    phone_page.get_by_role("heading", name="1. Executive summary").wait_for()
    check_accessibility(phone_page)
    screenshot(phone_page, "reports-2019-20-phone")
    phone_page.locator("#table-representations").get_by_role("link", name="3").first.click()
    phone_page.get_by_role("heading", name="Cases behind the figure").wait_for()
    check_accessibility(phone_page)


def test_choosing_a_quarter_from_its_list_selects_the_quarter(page, server, manager):
    # Picking Q3 while "A financial year" is still selected must not give the whole year.
    sign_in(page, server, manager)
    page.goto(f"{server.url}/reports/")
    page.get_by_label("Financial year", exact=True).select_option(label="2019/20")
    assert page.get_by_label("A financial year", exact=True).is_checked()
    page.locator("#id_quarter").select_option(value="3")
    assert page.get_by_label("A quarter of a financial year", exact=True).is_checked()
    page.get_by_role("button", name="Show the report").click()
    page.get_by_role("heading", name="1. Executive summary").wait_for()
    assert page.url.endswith("/reports/2019-10-01/2019-12-31/")
