"""The import pages in a browser: upload, problems, confirm; each checked with axe-core."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from heeded.cases.models import Case
from heeded.interchange import uploads
from heeded.tests_support.browser import check_accessibility, screenshot

from .helpers import complaint, csv_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def import_live_server(request):
    """The live server with taxonomy codes and a MEDIA_URL its media handler can parse.

    Heeded sets MEDIA_URL = None (documents are served only through a checked view), which
    the live server's media handler cannot parse; transactional tests also empty the tables
    the migrations seeded, so the default codes are put back.
    """
    from heeded.taxonomy.seeding import seed_default_taxonomy

    seed_default_taxonomy()
    original = settings.MEDIA_URL
    settings.MEDIA_URL = original or "/documents-not-served/"
    try:
        return request.getfixturevalue("live_server")
    finally:
        settings.MEDIA_URL = original


@pytest.fixture
def page(browser_page):
    return browser_page


def signed_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def look(page, name):
    check_accessibility(page)
    screenshot(page, f"interchange-{name}")


def test_a_manager_imports_a_file_after_fixing_its_problems(
    page, import_live_server, manager, tmp_path, monkeypatch
):
    monkeypatch.setattr(uploads, "FOLDER", tmp_path / "pending")
    live_server = import_live_server
    signed_in(page, live_server, manager)
    page.goto(f"{live_server.url}/import/")
    look(page, "01-upload")
    page.get_by_role("button", name="Check the file").click()
    look(page, "02-no-file")
    bad = csv_file(tmp_path, [complaint("A"), complaint("B", natures="dealy")], name="bad.csv")
    page.set_input_files("#file", str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("dealy is not a nature code. Did you mean delay?")).to_be_visible()
    look(page, "03-problems")
    page.get_by_role("link", name="Upload a corrected file").click()
    good = csv_file(tmp_path, [complaint("A"), complaint("B")], name="good.csv")
    page.set_input_files("#file", str(good))
    page.get_by_role("button", name="Check the file").click()
    look(page, "04-confirm")
    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_text("Imported good.csv: 2 cases created")).to_be_visible()
    look(page, "05-done")
    assert Case.objects.count() == 2
    # Then takes them out again: a wrong date first, then the whole file.
    page.get_by_role("link", name="download cases in the same format").click()
    look(page, "06-export")
    page.fill("#id_received_from_day", "31")
    page.fill("#id_received_from_month", "2")
    page.fill("#id_received_from_year", "2019")
    page.get_by_role("button", name="Download").click()
    expect(page.get_by_text("Received from must be a real date").first).to_be_visible()
    look(page, "07-export-bad-date")
    page.fill("#id_received_from_day", "1")
    page.fill("#id_received_from_month", "4")
    page.get_by_label("Excel workbook (.xlsx)").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename == "cases-2019-04-01-latest.xlsx"
