"""The recommendation screens in Chromium, checked by axe-core (WCAG 2.2 AA) at every step:
a manager adds a recommendation (after a mistake), records progress on it, and is told
beside the field when the year's progress is already recorded."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from heeded.reference.tests.test_browser import sign_in
from heeded.reports.models import Recommendation
from heeded.tests_support.browser import check_accessibility, screenshot


def record_progress(page, year: str, status: str, text: str) -> None:
    """From the recommendation's page, through the progress form."""
    page.get_by_role("button", name="Record progress").click()
    page.get_by_label("Report year").fill(year)
    page.get_by_label(status).check()
    page.get_by_label("Progress", exact=True).fill(text)
    page.get_by_role("button", name="Record progress").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_keeps_recommendations_and_their_progress(live_server, browser_page, manager):
    page = browser_page
    sign_in(page, live_server, manager)
    page.goto(live_server.url + reverse("reports:recommendation_list"))
    check_accessibility(page)
    page.get_by_role("button", name="Add a recommendation").click()

    page.get_by_label("Title").fill("Stage 1 response times")
    page.get_by_label("Raised in").fill("2025")
    page.get_by_role("button", name="Add recommendation").click()
    expect(page).to_have_title(re.compile(r"^Error: Add a recommendation"))
    summary = page.locator(".govuk-error-summary")
    assert summary.inner_text().splitlines()[1:] == [
        "Enter the recommendation",
        "Raised in must be a year written like 2025/26",
    ]
    check_accessibility(page)
    screenshot(page, "recommendation-add-errors")
    summary.get_by_role("link", name="Raised in must be").click()
    assert page.evaluate("document.activeElement.id") == "id_raised_in"

    page.get_by_label("Recommendation", exact=True).fill(
        "Answer Stage 1 complaints within 10 working days."
    )
    page.get_by_label("Raised in").fill("2024/25")
    page.get_by_role("button", name="Add recommendation").click()
    expect(page).to_have_title(re.compile(r"^Recommendations"))
    assert "Stage 1 response times added to the 2024/25 report" in page.content()
    check_accessibility(page)

    page.get_by_role("link", name="Stage 1 response times").click()
    check_accessibility(page)
    record_progress(page, "2025/26", "Carried forward", "Weekly lists go to three of five.")
    expect(page).to_have_title(re.compile(r"^Stage 1 response times"))
    assert "recorded for 2025/26" in page.content()
    check_accessibility(page)
    screenshot(page, "recommendation-edit")

    record_progress(page, "2025-26", "Completed", "Again.")
    expect(page).to_have_title(re.compile(r"^Error: Record progress"))
    beside = page.locator("#id_period_label-error, .govuk-error-message").first
    assert "Progress for 2025/26 is already recorded: change that instead" in beside.inner_text()
    check_accessibility(page)
    screenshot(page, "recommendation-progress-duplicate")

    page.goto(live_server.url + reverse("reports:recommendation_list"))
    check_accessibility(page)
    screenshot(page, "recommendation-list")
    assert Recommendation.objects.get().progress.count() == 1
