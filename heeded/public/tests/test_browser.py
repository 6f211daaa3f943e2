"""The public forms in a real browser: completed by keyboard alone, on a desktop and a
phone, with every page (errors included) checked against WCAG 2.2 AA and photographed."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from heeded.cases.models import Case, Document
from heeded.tests_support.browser import check_accessibility, screenshot

from .journeys import ANSWERS
from .keyboard import (
    MAIN_BUTTON,
    START_BUTTON,
    choose_radio,
    fill_page,
    focused_matches,
    press,
    shift_tab_to,
    tab_to,
    type_into,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVICES = {"desktop": "browser_page", "phone": "phone_page"}


def _intercept_file_choosers(page) -> None:
    """Have the browser hand every file chooser to Playwright from the page's first load.

    expect_file_chooser() alone turns interception on as it starts waiting, racing the
    key press: when the press wins, headless Chromium opens a real dialog that nobody
    closes, and no later press opens another (puppeteer/puppeteer#6040)."""
    page.on("filechooser", lambda chooser: None)


def _upload_by_keyboard(page, path: Path) -> None:
    tab_to(page, "input[type=file]")
    page.wait_for_function("document.activeElement && document.activeElement.type === 'file'")
    # Headless Chromium now and then ignores the first key press that should open the file
    # chooser; pressing again is still keyboard only, so try up to three times.
    for attempt in range(3):
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space" if attempt % 2 == 0 else "Enter")
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    chooser.value.set_files(str(path))
    press(page, "button[value=upload]")


@pytest.mark.parametrize("size", DEVICES)
@pytest.mark.parametrize("journey", ["complaint", "compliment", "comment", "young-person"])
def test_each_form_can_be_completed_by_keyboard_alone(
    request, public_live_server, taxonomy, tmp_path, journey, size
):
    page = request.getfixturevalue(DEVICES[size])
    _intercept_file_choosers(page)

    def look(what: str) -> None:
        check_accessibility(page)
        screenshot(page, f"public-{journey}-{size}-{what}")

    page.goto(f"{public_live_server.url}/feedback/")
    look("start")
    press(page, START_BUTTON)
    press(page, MAIN_BUTTON)  # nothing chosen yet
    assert page.title().startswith("Error: ")
    look("choose-error")
    choose_radio(page, "choice", journey)
    press(page, MAIN_BUTTON)
    if journey == "young-person":
        look("young-person-start")
        press(page, START_BUTTON)

    for number, (step, answers) in enumerate(ANSWERS[journey].items()):
        if number == 0:
            press(page, MAIN_BUTTON)
            assert page.title().startswith("Error: ")
            assert page.locator(".govuk-error-summary").is_visible()
            look(f"{step}-error")
        look(step)
        if step == "documents" and size == "desktop":
            bad = tmp_path / "programme.exe"
            bad.write_bytes(b"MZ\x90\x00")
            _upload_by_keyboard(page, bad)
            assert "must be a PDF" in page.locator(".govuk-error-summary").inner_text()
            look("documents-error")
            good = tmp_path / "letter.pdf"
            good.write_bytes(b"%PDF-1.4\n%a letter\n")
            _upload_by_keyboard(page, good)
            assert "letter.pdf" in page.locator(".govuk-summary-list").inner_text()
            look("documents-uploaded")
        fill_page(page, answers)
        press(page, MAIN_BUTTON)

    look("check")
    if journey == "complaint" and size == "desktop":
        # Change an answer: back to its question, then straight back to the check page.
        tab_to(page, MAIN_BUTTON)
        shift_tab_to(page, "a[href$='/complaint/your-name/?change=1']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        look("change-name")
        type_into(page, "full_name", "Margaret A Okafor")
        press(page, MAIN_BUTTON)
        assert page.url.endswith("/feedback/complaint/check/")
        assert "Margaret A Okafor" in page.locator(".govuk-summary-list").inner_text()
    press(page, MAIN_BUTTON)
    look("sent")

    case = Case.objects.get()
    assert page.locator(".govuk-panel__body strong").inner_text() == case.reference
    expected_type = "complaint" if journey == "young-person" else journey
    assert case.record_type.code == expected_type
    assert case.young_person is (journey == "young-person")
    if journey == "complaint" and size == "desktop":
        assert Document.objects.get(case=case).original_name == "letter.pdf"


def test_the_honeypot_is_never_reached_by_the_tab_key(public_live_server, taxonomy, browser_page):
    page = browser_page
    page.goto(f"{public_live_server.url}/feedback/complaint/your-name/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => document.activeElement.name || ''"))
        if focused_matches(page, MAIN_BUTTON):
            break
    assert "website" not in seen
    assert "full_name" in seen


def test_a_complaint_can_be_sent_with_javascript_switched_off(
    public_live_server, taxonomy, chromium
):
    context = chromium.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{public_live_server.url}/feedback/")
        page.get_by_role("button", name="Start now").click()
        page.get_by_label("Make a complaint").check()
        page.get_by_role("button", name="Continue").click()
        for step, answers in ANSWERS["complaint"].items():
            if step == "contact":
                # Without JavaScript the revealed boxes are simply shown.
                assert page.locator("#email").is_visible()
            for name, value in answers.items():
                if name == "action":
                    continue
                field = page.locator(f"[name='{name}']").first
                kind = field.get_attribute("type")
                if kind in ("radio", "checkbox"):
                    for each in [value] if isinstance(value, str) else value:
                        page.locator(f"[name='{name}'][value='{each}']").check()
                else:
                    field.fill(value)
            page.get_by_role("button", name="Continue").click()
        expect(page).to_have_title(re.compile("Check your answers"))
        page.get_by_role("button", name="Send complaint").click()
        screenshot(page, "public-complaint-no-javascript-sent")
        case = Case.objects.get()
        assert page.locator(".govuk-panel__body strong").inner_text() == case.reference
    finally:
        context.close()


def test_a_box_hidden_again_by_unticking_does_not_stop_anyone(
    public_live_server, taxonomy, browser_page
):
    """QA's report: Email ticked and "junk" typed, then Email unticked and Phone chosen.
    The hidden email box must neither be checked nor kept (GOV.UK conditional reveal)."""
    page = browser_page
    base = f"{public_live_server.url}/feedback/complaint"
    page.goto(f"{base}/your-name/")
    page.locator("[name=full_name]").fill("Margaret Okafor")
    page.get_by_role("button", name="Continue").click()
    page.locator("[name=relationship][value=parent]").check()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/contact/")
    email = page.locator("[name=contact_methods][value=email]")
    email.check()
    expect(page.locator("#email")).to_be_visible()
    page.locator("#email").fill("junk")
    email.uncheck()
    expect(page.locator("#email")).to_be_hidden()
    page.locator("[name=contact_methods][value=phone]").check()
    page.locator("#telephone").fill("07700 900 982")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/child/")
    # Back on the page, the unticked way's box is empty: what was in it was not kept.
    page.goto(f"{base}/contact/")
    expect(page.locator("[name=contact_methods][value=email]")).not_to_be_checked()
    expect(page.locator("#email")).to_have_value("")
    expect(page.locator("#telephone")).to_have_value("07700 900 982")


# One long word in every box a person types into: names, an email address, details.
WORD = "Supercalifragilisticexpialidocious" * 3
LONG_EMAIL = "a.very.long.address.for.one.person@" + "subdomain." * 5 + "example.com"


def _long_answers(journey: str) -> dict:
    answers = {}
    for step, data in ANSWERS[journey].items():
        data = dict(data)
        for name in ("full_name", "child_name", "person", "when_roughly", "address"):
            if name in data:
                data[name] = WORD
        if "first_name" in data:
            data["first_name"] = WORD[:100]
        if "details" in data:
            data["details"] = WORD * 20
        if step == "contact":
            data.update(contact_methods=["email", "phone", "post"], email=LONG_EMAIL)
            data.update(telephone="+44 (0)7700-900-982", address=WORD, postcode="PO30 1UD")
        if step == "relationship":
            data = {"relationship": "other", "relationship_other": WORD[:100]}
        answers[step] = data
    return answers


def _not_sideways(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide on a phone"


@pytest.mark.parametrize("journey", ["complaint", "compliment", "comment", "young-person"])
def test_long_answers_never_push_a_phone_page_sideways(
    public_live_server, taxonomy, phone_page, journey
):
    page = phone_page
    for step, answers in _long_answers(journey).items():
        page.goto(f"{public_live_server.url}/feedback/{journey}/{step}/")
        _not_sideways(page)
        for name, value in answers.items():
            if name == "action":
                continue
            if isinstance(value, list) or page.locator(f"[name='{name}'][value]").count() > 1:
                for each in [value] if isinstance(value, str) else value:
                    page.locator(f"[name='{name}'][value='{each}']").check()
            else:
                page.locator(f"[name='{name}']").fill(value)
        page.locator(MAIN_BUTTON).click()
        page.wait_for_load_state("load")
        assert not page.title().startswith("Error: "), page.url
    page.goto(f"{public_live_server.url}/feedback/{journey}/check/")
    _not_sideways(page)
    page.locator(MAIN_BUTTON).click()
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    _not_sideways(page)


def test_the_publics_problem_pages_pass_at_320_pixels_and_lead_back_to_the_forms(
    public_live_server, taxonomy, chromium
):
    """WCAG 1.4.10 is judged at 320 CSS pixels. The pages seen when something goes wrong:
    an address that does not exist, a page sent after cookies were cleared, and the first
    question again after the session ended, with what was typed kept."""
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="en-GB")
    page = context.new_page()
    base = f"{public_live_server.url}/feedback/young-person"
    try:
        page.goto(f"{base}/no-such-question/")
        check_accessibility(page)
        expect(page.locator("main a.govuk-link")).to_have_attribute("href", "/feedback/")

        page.goto(f"{base}/your-name/")
        page.locator("[name=first_name]").fill("Kai")
        context.clear_cookies()
        page.locator(MAIN_BUTTON).click()
        check_accessibility(page)
        expect(page.get_by_role("link", name="Start again")).to_have_attribute(
            "href", "/feedback/young-person/"
        )
        expect(page.get_by_text("If you do not feel safe")).to_be_visible()

        page.goto(f"{base}/your-name/")
        page.locator("[name=first_name]").fill("Kai")
        page.locator(MAIN_BUTTON).click()
        page.locator("[name=advocate][value=no]").check()
        page.locator(MAIN_BUTTON).click()
        context.clear_cookies(name="sessionid")  # what 30 minutes without a page does
        page.locator("[name=contact_methods][value=email]").check()
        page.locator("#email").fill("kai@example.com")
        page.locator(MAIN_BUTTON).click()
        expect(page).to_have_url(f"{base}/your-name/")
        expect(page.locator(".govuk-notification-banner")).to_contain_text("30 minutes")
        check_accessibility(page)
        screenshot(page, "public-young-person-320-timed-out")
    finally:
        context.close()
