"""An adult social care complaint (SI 2009/309) from recording to closure, by clicking.

Its response date is agreed with the complainant, not counted: "Agree a response date",
later "Change the agreed response date". With no response within 6 months of receipt (or
the longer period agreed), the complainant must be told why (regulation 14). Every page of
the walk is checked with axe-core (WCAG 2.2 AA) and saved as a screenshot in
test-artefacts/. Dates are relative to today: the live server runs on the real clock.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.timezone import localdate
from playwright.sync_api import expect

from heeded.calendars.dates import long_date
from heeded.calendars.working_days import add_working_days, next_working_day_on_or_after
from heeded.cases.models import Case
from heeded.casework.tests import test_browser_walk as walk
from heeded.casework.tests.test_browser_walk import banner, fill_date, sign_in
from heeded.procedures.declarations import ADULT_SOCIAL_CARE
from heeded.tests_support.browser import check_accessibility, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTICE = "Tell the complainant why there is no response yet"
TOLD = "Record that the complainant was told why there is no response yet"


def look(page, name: str) -> None:
    check_accessibility(page)
    screenshot(page, f"asc-walk-{name}")


def do(page, action: str, name: str) -> None:
    walk.do(page, action, name, look=look)


def agree(page, to: dt.date, how: str, on: dt.date) -> None:
    """Fill in and save the form agreeing (or changing) the response date."""
    fill_date(page, "to", to)
    page.fill("#id_reason", how)
    fill_date(page, "on", on)
    page.get_by_role("button", name="Save").click()


def test_an_officer_tells_an_adult_social_care_complainant_why_there_is_no_response_yet(
    browser_page, casework_live_server, officer
):
    page, live_server = browser_page, casework_live_server
    today = localdate()
    # About 7 months ago: the 6 months of regulation 14 have run without a response.
    received = next_working_day_on_or_after(today - dt.timedelta(days=213))
    acknowledged = add_working_days(received, 1)
    agreed = add_working_days(received, 60)  # about 3 months on: long gone
    sign_in(page, live_server, officer)

    walk.start_recording(page, live_server, "Adult social care complaint", look=look)
    fill_date(page, "received_on", received)
    page.select_option("#id_how_received", label="Letter")
    page.fill("#id_full_name", "Edith Marsh")
    page.fill("#id_email", "edith@example.com")
    page.fill("#id_summary", "Home care visits were cut short and often missed.")
    walk.check_and_record(page, look=look)
    case = Case.objects.get()
    notice_due = ADULT_SOCIAL_CARE.stage(1).warning.deadline(received)
    headline = page.locator(".app-deadline-panel")
    expect(headline).to_contain_text(f"{NOTICE} due {long_date(notice_due)}")

    do(page, "Acknowledge", "06-acknowledge")
    fill_date(page, "on", acknowledged)
    page.get_by_role("button", name="Acknowledge").click()
    banner(page, "Acknowledgement recorded")

    do(page, "Assign", "07-assign")
    page.select_option("#id_officer", label="Officer Tester")
    page.get_by_role("button", name="Assign").click()
    banner(page, "Assignment saved")

    # Acknowledged, the notice is what the officer's dashboard chases: it is overdue.
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("heading", name="Dashboard").wait_for()
    look(page, "08-dashboard")
    row = page.locator("#mine-overdue tr", has_text=case.reference)
    expect(row).to_contain_text(NOTICE)
    expect(row).to_contain_text("overdue")
    with page.expect_navigation():
        row.get_by_role("link", name=case.reference).click()

    # The period was agreed on the telephone when the complaint was acknowledged.
    do(page, "Agree a response date", "09-agree")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agree a response date")
    expect(page.locator("main")).to_contain_text("There is no latest date.")
    agree(page, agreed, "On the telephone when the complaint was acknowledged.", acknowledged)
    banner(page, f"Response date agreed: {long_date(agreed)}")
    look(page, "10-agreed")
    expect(headline).to_contain_text(f"Agreed response date due {long_date(agreed)}")
    expect(headline).to_contain_text(f"{NOTICE} due {long_date(notice_due)}")
    timeline = page.locator(".app-timeline")
    expect(timeline).to_contain_text(f"Response date agreed: {long_date(agreed)}")
    expect(timeline).to_contain_text("Acknowledged")
    actions = page.locator(".app-case-actions")
    expect(actions).to_contain_text("Change the agreed response date")
    expect(actions).not_to_contain_text("Agree a response date")

    # The notice: nothing said, and dated before the complaint arrived.
    do(page, TOLD, "11-notice")
    expect(page.get_by_role("heading", level=1)).to_have_text(TOLD)
    expect(page.locator("main")).to_contain_text(
        f"the complainant must be told why (SI 2009/309 regulation 14): by "
        f"{long_date(notice_due)} on this case."
    )
    too_early = received - dt.timedelta(days=1)
    fill_date(page, "on", too_early)
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    look(page, "12-notice-errors")
    expect(page.locator("#id_explanation-error")).to_contain_text("Enter what they were told")
    # Both told in one round, as GOV.UK forms do: not the date only once the words are in.
    early = (
        f"The date they were told ({long_date(too_early)}) cannot be before the date the "
        f"complaint was received ({long_date(received)})"
    )
    expect(page.locator("#id_on-error")).to_contain_text(early)
    expect(summary.get_by_role("link")).to_have_text([early, "Enter what they were told"])
    expect(page.locator("#id_on_day")).to_have_value(str(too_early.day))
    expect(page.locator("#id_on_year")).to_have_value(str(too_early.year))
    explanation = "The care provider's records are still awaited; we expect to reply in December."
    page.fill("#id_explanation", explanation)
    page.get_by_role("button", name="Save").click()
    page.locator("#id_on-error").wait_for()
    look(page, "13-notice-date-refused")
    expect(page.locator("#id_on-error")).to_contain_text(early)
    expect(page.locator("#id_explanation")).to_have_value(explanation)
    told = add_working_days(notice_due, 1)
    fill_date(page, "on", told)
    page.get_by_role("button", name="Save").click()
    banner(page, "Recorded that the complainant was told why")
    look(page, "14-told")
    expect(headline).not_to_contain_text(NOTICE)
    expect(timeline).to_contain_text("Told why there is no response yet")
    expect(timeline).to_contain_text(explanation)
    expect(actions).not_to_contain_text(TOLD)

    # She asked for until after Christmas: the agreed date moves.
    later = add_working_days(today, 10)
    do(page, "Change the agreed response date", "15-change-agreed")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the agreed response date")
    agree(page, later, "She asked for more time to send the visit logs.", today)
    banner(page, f"Agreed response date changed to {long_date(later)}")
    look(page, "16-agreed-changed")
    expect(headline).to_contain_text(f"Agreed response date due {long_date(later)}")
    expect(timeline).to_contain_text(f"Agreed response date changed to {long_date(later)}")

    do(page, "Record the response", "17-respond")
    fill_date(page, "on", today)
    page.get_by_label("Partially upheld").check()
    page.fill("#id_summary", "Visits were cut short; the provider has changed its rota.")
    page.get_by_role("group", name="Was remedial action taken?").get_by_label(
        "Yes", exact=True
    ).check()
    page.fill("#id_remedial_action_details", "The provider now books 45-minute visits.")
    page.get_by_role("button", name="Record the response").click()
    banner(page, "Response recorded: partially upheld")
    look(page, "18-responded")
    expect(timeline).to_contain_text("Responded, partially upheld")

    do(page, "Close the case", "19-close")
    fill_date(page, "on", today)
    page.get_by_role("button", name="Close the case").click()
    banner(page, "Case closed")
    look(page, "20-closed")
    expect(page.locator("h1")).to_contain_text("Closed")
    expect(page.locator(".app-timeline__title").first).to_have_text("Closed")
    expect(page.locator(".app-case-actions")).not_to_contain_text("Record the response")

    case.refresh_from_db()
    stage = case.stage(1)
    assert case.closed_on == today and case.acknowledged_on == acknowledged
    assert (stage.extended_to, stage.delay_explained_on) == (later, told)
    assert stage.delay_explanation == explanation
    assert stage.outcome == "partially_upheld"
