"""Driving a page by keyboard only, as someone who cannot use a mouse would.

Every move is Tab, Shift+Tab, arrow keys, Space, Enter or typing; the page is only read
(never clicked) to know where focus is.
"""

from __future__ import annotations

MAX_TABS = 150


def focused_matches(page, selector: str) -> bool:
    return page.evaluate(
        "s => !!document.activeElement && document.activeElement.matches(s)", selector
    )


def tab_to(page, selector: str) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def shift_tab_to(page, selector: str) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"Could not reach {selector} with Shift+Tab")


def type_into(page, name: str, text: str) -> None:
    tab_to(page, f"[name='{name}']")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def choose_radio(page, name: str, value: str) -> None:
    # Tab reaches a radio group once; the arrow keys move (and select) within it.
    tab_to(page, f"input[type=radio][name='{name}']")
    for _ in range(40):
        if focused_matches(page, f"[value='{value}']"):
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No radio {name}={value}")


def tick(page, name: str, value: str) -> None:
    tab_to(page, f"input[type=checkbox][name='{name}'][value='{value}']")
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")


# The page's main button: Continue, Send, or the green start button (in <main>: the
# timeout warning's "Continue with my answers", hidden until it opens, is outside it).
MAIN_BUTTON = "main button.govuk-button:not(.govuk-button--secondary)"
START_BUTTON = "a.govuk-button--start"


def press(page, selector: str) -> None:
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def fill_page(page, data: dict) -> None:
    """Answer one question page from a dict of field name -> value(s), by keyboard."""
    for name, value in data.items():
        if name == "action":
            continue
        kind = page.evaluate(
            "n => { const e = document.querySelector(`[name='${n}']`); "
            "return e ? (e.type || e.tagName.toLowerCase()) : null }",
            name,
        )
        if kind == "radio":
            choose_radio(page, name, value)
        elif kind == "checkbox":
            for each in value:
                tick(page, name, each)
        elif kind is None:
            raise AssertionError(f"No field {name} on {page.url}")
        else:
            type_into(page, name, value)
