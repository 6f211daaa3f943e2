"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with
axe-core checking every page visited and screenshots saved as test artefacts.

Use the ``browser_page`` fixture with pytest-django's ``live_server``; call
``check_accessibility(page)`` on each page of a walk and ``screenshot(page, name)`` to save.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTEFACTS = Path(
    os.environ.get("TEST_ARTEFACTS", Path(__file__).resolve().parents[2] / "test-artefacts")
)
AXE = Path(__file__).with_name("axe.min.js")
# GOV.UK places the back link outside any landmark on purpose; checking the WCAG rules
# (not axe's best-practice ones) keeps that pattern and still catches every AA failure.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Narrower than GOV.UK Frontend's tablet breakpoint (641px): a phone.
PHONE_WIDTH = 640
# What Playwright says when the document is replaced while a script runs in it.
NAVIGATION_SIGNS = (
    "Execution context was destroyed",
    "reading 'documentElement'",
    "axe is not defined",
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():
    # Playwright's sync API runs an event loop in this thread; the live server and the test's
    # own database calls are ordinary synchronous Django, so allow them alongside it.
    # One browser a module, not a session: while the loop runs, Django keeps this thread's
    # connections per async context, and a database test run after a browser test (in the
    # same worker) left a connection that nothing closed, so the test database could not be
    # dropped at the end.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is not installed at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 740},
        locale="en-GB",
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


# The timeout warning's browser tests: a session of a few seconds, warned near its end.
SHORT_SESSION_SECONDS = 8
SHORT_WARNING_SECONDS = 5


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_COOKIE_AGE = SHORT_SESSION_SECONDS
    settings.SESSION_WARNING_SECONDS = SHORT_WARNING_SECONDS


def expect_the_timeout_warning(page, name: str):
    """The page's timeout warning, named ``name``, once it opens: not before the warning
    time by the page's own clock (what the server said was left when it made the page, as
    a busy machine may take a second or so to show it), and with focus on the dialog
    itself, so that its name and words are read out before its buttons."""
    shown = time.monotonic()
    data = page.evaluate("({...document.body.dataset})")
    seconds = int(data["appSessionSeconds"])
    warning = int(data["appSessionWarningSeconds"])
    dialog = page.get_by_role("dialog", name=name)
    expect(dialog).to_be_visible(timeout=(seconds + 1) * 1000)
    assert time.monotonic() - shown >= seconds - warning - 1
    assert page.evaluate("document.activeElement.id") == "app-timeout-dialog"
    return dialog


def watch_for_policy_violations(page) -> list[str]:
    """The Content-Security-Policy refusals the page reports from now on (an inline script
    or style would be one)."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def check_accessibility(page) -> None:
    """Fail with every WCAG 2.2 AA violation axe-core finds on the page as it is now."""
    result = _run_axe(page)
    problems = []
    for v in result["violations"]:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        problems.append(f"- {v['id']} ({v['impact']}): {v['help']} at {targets}")
    # Reflow (WCAG 1.4.10), which axe does not check: on a phone-sized screen the page
    # never scrolls sideways; a wide table scrolls inside its own region instead.
    if page.viewport_size and page.viewport_size["width"] <= PHONE_WIDTH:
        sideways = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if sideways > 0:
            problems.append(f"- reflow: the page scrolls sideways by {sideways}px on a phone")
    if problems:
        pytest.fail("\n".join([f"{page.url}: {len(problems)} accessibility problem(s)", *problems]))


def _run_axe(page, tries: int = 3) -> dict:
    """axe-core's results for the page once it has loaded.

    A click that follows a link returns before the next page arrives: axe run then may start
    in the old document and find itself in a new one half-built (CI once saw "Cannot read
    properties of null (reading 'documentElement')"). So wait for the load, and if a
    navigation still swaps the document under the check, wait again and check the new one.
    """
    for attempt in range(tries):
        page.wait_for_load_state("load")
        try:
            # Evaluated through the DevTools protocol, not added as a <script>, so the page's
            # Content-Security-Policy stays on while the check runs.
            page.evaluate(AXE.read_text())
            return page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                AXE_TAGS,
            )
        except PlaywrightError as error:
            if attempt == tries - 1 or not _navigated_away(error):
                raise
    raise AssertionError("unreachable")


def _navigated_away(error: Exception) -> bool:
    text = str(error)
    return any(sign in text for sign in NAVIGATION_SIGNS)


def screenshot(page, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
