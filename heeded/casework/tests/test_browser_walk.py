"""A complaints officer takes a complaint from first contact to closure, by clicking.

Every page of the walk is checked with axe-core (WCAG 2.2 AA) and saved as a screenshot in
test-artefacts/. Dates are relative to today: the live server runs on the real clock.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils.timezone import localdate
from playwright.sync_api import expect

from heeded.calendars.working_days import add_working_days, next_working_day_on_or_after
from heeded.cases.models import Case
from heeded.tests_support.browser import check_accessibility, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


def fill_date(page, prefix: str, day: dt.date) -> None:
    page.fill(f"#id_{prefix}_day", str(day.day))
    page.fill(f"#id_{prefix}_month", str(day.month))
    page.fill(f"#id_{prefix}_year", str(day.year))


def look(page, name: str) -> None:
    check_accessibility(page)
    screenshot(page, f"casework-walk-{name}")


def sign_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_login", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def banner(page, text: str) -> None:
    """Wait for the success banner the case page shows after a move."""
    page.locator(".govuk-notification-banner").get_by_text(text).wait_for()


def do(page, action: str, name: str, look=look) -> None:
    """Open an action from the case page's list of actions."""
    with page.expect_navigation():
        page.locator(".app-case-actions").get_by_text(action, exact=True).click()
    look(page, name)


def start_recording(page, live_server, kind: str, look=look) -> None:
    """Choose what kind of representation to record, and go on to its details."""
    page.goto(f"{live_server.url}/cases/new/")
    look(page, "01-what-kind")
    page.get_by_label(kind).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    look(page, "02-details-empty")


def check_and_record(page, look=look) -> None:
    """From the filled-in details, through the check page, to the case recorded."""
    look(page, "03-details-filled")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Check before recording").wait_for()
    look(page, "04-check")
    page.get_by_role("button", name="Record it").click()
    banner(page, "recorded")
    look(page, "05-recorded")


def test_an_officer_takes_a_complaint_from_recording_to_closure(
    browser_page, casework_live_server, officer, manager, responding
):
    page, live_server = browser_page, casework_live_server
    today = localdate()
    received = today - dt.timedelta(days=14)
    sign_in(page, live_server, officer)

    start_recording(page, live_server, "Complaint (statutory)")

    fill_date(page, "received_on", received)
    page.select_option("#id_how_received", label="Email")
    page.fill("#id_full_name", "Dana Whitlock")
    page.fill("#id_email", "dana@example.com")
    page.fill("#id_postcode", "PO30 1UD")
    page.select_option("#id_complainant_type", label="Parent")
    page.get_by_role("group", name="Is the complaint made by a child").get_by_label(
        "No", exact=True
    ).check()
    page.fill("#id_summary", "The social worker did not return calls for three weeks.")
    page.get_by_label("Children looked after").check()
    page.get_by_label("Poor communication").check()
    page.get_by_label("Apology", exact=True).check()
    # The deadline appears as soon as the date is typed (htmx), before saving.
    page.locator("#deadlines").get_by_text("Stage 1 response").wait_for()
    check_and_record(page)
    case = Case.objects.get()
    assert case.parties.get().person.full_name == "Dana Whitlock"

    # She rings with a new number: the officer corrects her details from the case page.
    with page.expect_navigation():
        page.get_by_role("link", name="Change Dana Whitlock's details").click()
    look(page, "05a-person-details")
    page.fill("#id_telephone", "01983 123456")
    page.get_by_role("button", name="Save changes").click()
    banner(page, "Dana Whitlock's details changed")
    assert case.parties.get().person.telephone == "01983 123456"

    do(page, "Acknowledge", "06-acknowledge")
    fill_date(page, "on", received + dt.timedelta(days=1))
    page.get_by_role("button", name="Acknowledge").click()
    banner(page, "Acknowledgement recorded")

    do(page, "Assign", "07-assign")
    page.select_option("#id_officer", label="Officer Tester")
    page.select_option("#id_responding_manager", label="Responding Tester")
    page.get_by_role("button", name="Assign").click()
    banner(page, "Assignment saved")

    latest = add_working_days(received, 20)
    do(page, "Extend Stage 1", "08-extend")
    fill_date(page, "to", latest)
    page.fill("#id_reason", "The team manager is on leave; the complainant agreed.")
    page.get_by_role("button", name="Extend").click()
    banner(page, "Stage 1 extended")
    look(page, "09-extended")

    # Chasing the responding manager by hand, between the reminders sent each morning.
    do(page, "Remind the responding manager", "09a-remind")
    page.fill("#id_message", "Please tell me by Friday if the new date is a problem.")
    page.get_by_role("button", name="Send the reminder").click()
    banner(page, "Reminder sent to Responding Tester")
    assert "Please tell me by Friday" in mail.outbox[-1].body

    # Stopping the morning reminders while a meeting is arranged: the case page says so.
    do(page, "Stop reminders on this case", "09b-stop-reminders")
    page.get_by_role("button", name="Stop reminders").click()
    page.locator(".govuk-error-summary").get_by_text("Enter why reminders").wait_for()
    look(page, "09c-stop-reminders-error")
    page.fill("#id_reason", "The complainant agreed to wait while a meeting is arranged.")
    page.get_by_role("button", name="Stop reminders").click()
    banner(page, "Reminders stopped on")
    page.locator(".app-reminders-stopped").get_by_text("The deadline still counts").wait_for()
    look(page, "09d-reminders-stopped")
    do(page, "Start reminders again", "09e-start-reminders")
    page.get_by_role("button", name="Start reminders again").click()
    banner(page, "Reminders started again on")

    do(page, "Record the Stage 1 response", "10-respond-stage-1")
    fill_date(page, "on", today)
    page.get_by_label("Partially upheld").check()
    page.fill("#id_summary", "Calls were missed; the worker has apologised.")
    page.get_by_role("group", name="What outcomes did the complainant get?").get_by_label(
        "Apology", exact=True
    ).check()
    page.get_by_role("group", name="Was remedial action taken?").get_by_label(
        "Yes", exact=True
    ).check()
    page.fill("#id_lessons_learned", "Cover for calls when a worker is away.")
    page.fill("#id_learning_for_report", "A parent could not reach a social worker for weeks.")
    # Yes, without saying what was done: asked for beside the field, nothing typed is lost.
    page.get_by_role("button", name="Record the Stage 1 response").click()
    page.locator("#id_remedial_action_details-error").wait_for()
    assert "Enter what remedial action was taken" in page.inner_text(
        "#id_remedial_action_details-error"
    )
    assert page.input_value("#id_lessons_learned") == "Cover for calls when a worker is away."
    look(page, "10b-remedial-action-details-needed")
    page.fill("#id_remedial_action_details", "A duty worker now covers calls.")
    page.get_by_role("button", name="Record the Stage 1 response").click()
    banner(page, "Stage 1 response recorded: partially upheld")
    look(page, "11-stage-1-answered")

    do(page, "Start Stage 2", "12-start-stage-2")
    fill_date(page, "requested_on", today)
    page.get_by_role("button", name="Start Stage 2").click()
    banner(page, "Stage 2 started")

    do(page, "Record the Stage 2 response", "13-respond-stage-2")
    fill_date(page, "on", today)
    page.get_by_label("Not upheld").check()
    page.get_by_role("button", name="Record the Stage 2 response").click()
    banner(page, "Stage 2 response recorded: not upheld")

    do(page, "Close the case", "14-close")
    fill_date(page, "on", today)
    page.get_by_role("button", name="Close the case").click()
    banner(page, "Case closed")
    look(page, "15-closed")

    case.refresh_from_db()
    assert case.closed_on == today
    assert [s.outcome for s in case.stages.order_by("number")] == ["partially_upheld", "not_upheld"]
    assert case.learning_for_report.startswith("A parent could not reach")


def test_extending_beyond_the_maximum_shows_the_procedures_message(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import record

    page, live_server = browser_page, casework_live_server
    received = localdate() - dt.timedelta(days=3)
    case = record(officer, "complaint", received_on=received)
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/cases/{case.reference}/extend/")
    latest = add_working_days(received, 20)
    fill_date(page, "to", latest + dt.timedelta(days=7))
    page.fill("#id_reason", "Waiting for records from another authority.")
    page.get_by_role("button", name="Extend").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "at the latest" in summary.inner_text()
    # Beside the date too, and the summary's link takes the officer to its first box.
    assert "at the latest" in page.inner_text("#id_to-error")
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_to_day"
    # What was typed is kept.
    assert page.input_value("#id_reason") == "Waiting for records from another authority."
    look(page, "extend-refused")


def next_saturday(after: dt.date) -> dt.date:
    return after + dt.timedelta(days=(5 - after.weekday()) % 7 or 7)


def test_extending_to_a_saturday_names_the_day_beside_the_date(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import record

    page, live_server = browser_page, casework_live_server
    received = localdate() - dt.timedelta(days=3)
    case = record(officer, "complaint", received_on=received)
    due = case.stage(1).due_on
    saturday = next_saturday(due)
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/cases/{case.reference}/extend/")
    fill_date(page, "to", saturday)
    page.fill("#id_reason", "Waiting for the school's records.")
    page.get_by_role("button", name="Extend").click()
    page.locator("#id_to-error").wait_for()
    monday = next_working_day_on_or_after(saturday)
    expected = (
        f"{saturday.day} {saturday:%B %Y} is a Saturday: choose a working day, such as "
        f"{monday:%A} {monday.day} {monday:%B %Y}"
    )
    assert expected in page.inner_text("#id_to-error")
    assert expected in page.inner_text(".govuk-error-summary")
    assert page.get_attribute(".govuk-error-summary a", "href") == "#id_to_day"
    assert page.input_value("#id_reason") == "Waiting for the school's records."
    look(page, "extend-saturday-refused")
    case.refresh_from_db()
    assert case.stage(1).extended_to is None


def test_an_foi_request_reads_as_a_request_in_the_browser(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import record

    page, live_server = browser_page, casework_live_server
    foi = record(officer, "foi_request", received_on=localdate() - dt.timedelta(days=2))
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/cases/{foi.reference}/")
    look(page, "foi-case-page")
    actions_list = page.inner_text(".app-case-actions")
    assert "Extend the response deadline" in actions_list
    assert "Ombudsman" not in actions_list and "payment" not in actions_list
    with page.expect_navigation():
        page.locator(".app-primary-moves").get_by_text("Record the response", exact=True).click()
    look(page, "foi-respond")
    page.get_by_role("button", name="Record the response").wait_for()


def test_the_case_page_and_the_recording_journey_fit_a_phone(
    phone_page, browser_page, casework_live_server, officer, code
):
    """Screenshots at phone and desktop size, each checked by axe-core."""
    from heeded.cases import actions
    from heeded.cases.tests.factories import PersonFactory, record

    received = localdate() - dt.timedelta(days=5)
    case = record(
        officer,
        "complaint",
        received_on=received,
        summary="Contact arrangements changed without notice.",
        natures=[code("nature", "poor_communication")],
        outcomes_sought=[code("outcome", "apology")],
        people=[(PersonFactory(full_name="Priya Shah"), "complainant", "Grandmother")],
    )
    actions.acknowledge(case, by=officer, on=received)
    actions.add_note(case, by=officer, text="Spoke to the team manager.")
    for page, size in ((phone_page, "phone"), (browser_page, "desktop")):
        sign_in(page, casework_live_server, officer)
        page.goto(f"{casework_live_server.url}/cases/{case.reference}/")
        look(page, f"case-page-{size}")
        page.goto(f"{casework_live_server.url}/cases/new/")
        look(page, f"record-type-{size}")
        page.goto(f"{casework_live_server.url}/cases/new/complaint/")
        page.get_by_role("button", name="Continue").click()
        page.locator(".govuk-error-summary").wait_for()
        look(page, f"record-details-errors-{size}")


def test_a_long_link_in_a_note_or_the_summary_wraps_instead_of_widening_the_page(
    phone_page, browser_page, casework_live_server, officer
):
    """QA on the demo: a 300-character SharePoint address in a note pushed the case page
    sideways, past the screen, at both sizes."""
    from heeded.cases.tests.factories import record

    link = "https://council.sharepoint.com/sites/childrens-services/" + "x" * 244
    case = record(
        officer,
        "complaint",
        received_on=localdate() - dt.timedelta(days=5),
        summary=f"Papers at {link}",
    )
    for page, size in ((phone_page, "phone"), (browser_page, "desktop")):
        sign_in(page, casework_live_server, officer)
        page.goto(f"{casework_live_server.url}/cases/{case.reference}/note/")
        # A note of its own at each size: the same note again is refused.
        page.fill("#id_text", f"The records are at {link} now (seen on a {size}).")
        with page.expect_navigation():
            page.get_by_role("button", name="Add note").click()
        banner(page, "Note added")
        # The screen's width: on a phone, a page too wide also widens window.innerWidth.
        width = page.viewport_size["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        look(page, f"long-link-{size}")


def choose_as_typed(page, live_server, officer, kind: str, box: str, name: str) -> None:
    """On the recording form for ``kind``, type the start of a name in ``box`` and choose
    ``name`` from the people on file offered, the date received and how filled in."""
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/cases/new/{kind}/")
    page.fill(f"#id_{box}", "Whitl")
    # htmx asks the server as the officer types; no button pressed.
    page.get_by_label(f"Use {name}").check()
    look(page, f"{box}-on-file-offered")
    fill_date(page, "received_on", localdate())
    page.select_option("#id_how_received", label="Letter")


def test_typing_a_name_offers_the_person_already_on_file(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import PersonFactory

    dana = PersonFactory(full_name="Dana Whitlock", email="dana@example.com", postcode="PO30 1UD")
    page = browser_page
    choose_as_typed(page, casework_live_server, officer, "compliment", "full_name", "Dana Whitlock")
    page.fill("#id_summary", "Thanks to the fostering team.")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Record it").click()
    banner(page, "recorded")
    assert Case.objects.get().parties.get().person == dana


def record_about_the_child(page, parent: str) -> None:
    """Finish recording a complaint by ``parent`` about the child chosen, and record it."""
    page.fill("#id_full_name", parent)
    page.select_option("#id_complainant_type", label="Parent")
    page.fill("#id_summary", "No reply from the social worker.")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Check before recording").wait_for()
    page.get_by_role("button", name="Record it").click()
    banner(page, "recorded")


def test_typing_a_childs_name_offers_the_child_already_on_file(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import PersonFactory, record

    kit = PersonFactory(full_name="Kit Whitlock", date_of_birth=dt.date(2015, 1, 1))
    record(officer, "complaint", people=[(kit, "child", "")])
    page = browser_page
    choose_as_typed(page, casework_live_server, officer, "complaint", "child_name", "Kit Whitlock")
    record_about_the_child(page, "Dana Whitlock")
    look(page, "child-on-file-recorded")
    case = Case.objects.order_by("-id").first()
    assert case.parties.get(role="child").person == kit
    assert kit.case_parties.count() == 2


def test_the_child_chosen_stays_chosen_as_their_name_is_retyped_and_no_one_is_added(
    browser_page, casework_live_server, officer
):
    """QA on the demo: Chloe Evans chosen, her name then retyped; at "Chl" other Chloes
    filled the suggestions, her radio vanished and a second Chloe Evans was recorded."""
    from heeded.cases.models import Person
    from heeded.cases.tests.factories import PersonFactory, record

    chloe = PersonFactory(full_name="Chloe Evans", date_of_birth=dt.date(2015, 1, 1))
    record(officer, "complaint", people=[(chloe, "child", "")])
    for n in range(6):
        record(
            officer,
            "complaint",
            people=[(PersonFactory(full_name=f"Chloe Adams {n}"), "child", "")],
        )
    page = browser_page
    sign_in(page, casework_live_server, officer)
    page.goto(f"{casework_live_server.url}/cases/new/complaint/")
    fill_date(page, "received_on", localdate())
    page.select_option("#id_how_received", label="Letter")
    page.fill("#id_child_name", "Chloe Evans")
    page.get_by_label("Use Chloe Evans").check()
    people = Person.objects.count()
    box = page.locator("#id_child_name")
    box.fill("Chl")
    page.get_by_label("Use Chloe Adams 0").wait_for()
    expect(page.get_by_label("Use Chloe Evans")).to_be_checked()
    box.press_sequentially("oe Evans")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_label("Use Chloe Evans")).to_be_checked()
    # Another name: she is dropped, and the page says so.
    box.fill("Zoe Smith")
    page.get_by_text("Chloe Evans is no longer chosen: the name typed is not theirs.").wait_for()
    look(page, "chosen-child-dropped")
    box.fill("Chloe Evans")
    page.get_by_label("Use Chloe Evans").check()
    record_about_the_child(page, "Dana Evans")
    assert Case.objects.order_by("-id").first().parties.get(role="child").person == chloe
    assert Person.objects.count() == people + 1  # Dana; not Chloe again


def test_a_child_recorded_again_is_joined_to_the_child_on_file_by_clicking(
    browser_page, casework_live_server, officer
):
    from heeded.cases.tests.factories import PersonFactory, record

    kit = PersonFactory(full_name="Kit Whitlock", date_of_birth=dt.date(2015, 1, 1))
    record(officer, "complaint", people=[(kit, "child", "")])
    # Sent online: the form made a second Kit.
    again = PersonFactory(full_name="Kit Whitlock", date_of_birth=dt.date(2015, 1, 1))
    case = record(officer, "complaint", people=[(again, "child", "")])
    page, live_server = browser_page, casework_live_server
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/cases/{case.reference}/")
    page.get_by_text("Another record of this name is on file").wait_for()
    look(page, "namesake-on-file")
    page.get_by_role("link", name="compare them with Kit Whitlock").click()
    page.get_by_role("heading", name="Already on file?").wait_for()
    look(page, "person-already-on-file")
    page.get_by_role("link", name="Compare with Kit Whitlock").click()
    page.get_by_role("heading", name="Is Kit Whitlock the person on file?").wait_for()
    look(page, "same-person-compared")
    page.get_by_role("button", name="Yes, they are the same person").click()
    banner(page, "now names Kit Whitlock on file")
    look(page, "same-person-joined")
    assert case.parties.get(role="child").person == kit
