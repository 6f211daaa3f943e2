"""A walk through the settings pages in Chromium, checked by axe-core (WCAG 2.2 AA)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from heeded.tests_support.browser import check_accessibility, screenshot

PAGES = [
    ("index", reverse("reference:index")),
    ("record-types", reverse("reference:term_list", kwargs={"kind": "record-type"})),
    (
        "record-type-edit",
        reverse("reference:term_edit", kwargs={"kind": "record-type", "code": "complaint"}),
    ),
    ("nature-add", reverse("reference:term_add", kwargs={"kind": "nature"})),
    ("services-and-teams", reverse("reference:unit_list")),
    ("team-edit", reverse("reference:unit_edit", kwargs={"code": "fostering"})),
    ("closure-days", reverse("reference:closure_list") + "?year=2026"),
    ("closure-day-add", reverse("reference:closure_add")),
    ("organisation", reverse("reference:organisation")),
    ("staff", reverse("reference:staff_list")),
    ("staff-add", reverse("reference:staff_add")),
    ("changes", reverse("reference:change_list")),
]


def sign_in(page, live_server, user):
    # Sign-in is another app's page; the session cookie of a forced login does the same.
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_settings_page_passes_the_accessibility_checks(live_server, browser_page, admin_user):
    sign_in(browser_page, live_server, admin_user)
    for name, path in PAGES:
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, name
        check_accessibility(browser_page)
        screenshot(browser_page, f"reference-{name}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_bad_code_shows_an_accessible_error_summary_that_links_to_the_field(
    live_server, browser_page, manager
):
    page = browser_page
    sign_in(page, live_server, manager)
    page.goto(live_server.url + reverse("reference:term_add", kwargs={"kind": "nature"}))
    page.get_by_label("Code").fill("Late Response")
    page.get_by_label("Label").fill("Late response")
    page.get_by_role("button", name="Add").click()
    # The form comes back at the same address: wait for the answer, not the page sent from.
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    assert "Code must use only lower-case letters" in summary.inner_text()
    check_accessibility(page)
    screenshot(page, "reference-nature-add-error")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_code"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_closure_day_is_added_with_the_date_input(live_server, browser_page, manager):
    page = browser_page
    sign_in(page, live_server, manager)
    page.goto(live_server.url + reverse("reference:closure_add"))
    page.get_by_label("Day").fill("24")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("What is the closure?").fill("Christmas Eve privilege day")
    page.get_by_role("button", name="Add closure day").click()
    assert "Thursday 24 December 2026 added as a closure day" in page.content()
    check_accessibility(page)
    screenshot(page, "reference-closure-day-added")
