"""The import pages: upload, problems or summary, confirm. Complaints managers only."""

import os
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from heeded.cases.models import Case
from heeded.interchange import uploads
from heeded.interchange.columns import NAMES

from .helpers import complaint, csv_file

pytestmark = pytest.mark.django_db
UPLOAD = reverse("interchange:upload")
CONFIRM = reverse("interchange:confirm")


def csv_upload(rows, name="cases.csv"):
    lines = [",".join(NAMES)] + [",".join(row.get(n, "") for n in NAMES) for row in rows]
    return SimpleUploadedFile(name, ("\r\n".join(lines) + "\r\n").encode(), "text/csv")


@pytest.fixture(autouse=True)
def upload_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "FOLDER", tmp_path / "pending")


@pytest.fixture
def as_manager(client, manager):
    client.force_login(manager)
    return client


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["officer", "responding", "viewer", "nobody"])
def test_only_complaints_managers_may_import(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(UPLOAD).status_code == 403
    assert client.post(CONFIRM).status_code == 403


def test_the_upload_page(as_manager):
    response = as_manager.get(UPLOAD)
    assert response.status_code == 200
    assert b'class="govuk-file-upload"' in response.content


def test_a_file_with_problems_lists_each_and_writes_nothing(as_manager):
    bad = complaint("B", natures="dealy", received_on="2019-02-30")
    response = as_manager.post(UPLOAD, {"file": csv_upload([complaint(), bad])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "govuk-table" in page
    assert "dealy is not a nature code. Did you mean delay?" in page
    assert "2019-02-30 is not a real date." in page
    assert "<title>Error: cases.csv cannot be imported – Heeded</title>" in page
    assert Case.objects.count() == 0


def test_a_case_already_held_is_explained_in_the_applications_words_not_the_commands(
    as_manager,
):
    as_manager.post(UPLOAD, {"file": csv_upload([complaint("A")])})
    as_manager.post(CONFIRM)
    page = as_manager.post(UPLOAD, {"file": csv_upload([complaint("A")])}).content.decode()
    assert (
        "A case with the reference A already exists. To change it, upload the file again "
        "with &#x27;Update cases that already exist&#x27; ticked."
    ) in page
    assert "--update" not in page


def test_a_good_file_is_summarised_then_created_on_confirm_once(as_manager, manager):
    response = as_manager.post(UPLOAD, {"file": csv_upload([complaint("A"), complaint("B")])})
    assert response.status_code == 302 and response.url == CONFIRM
    assert Case.objects.count() == 0  # nothing before confirming
    page = as_manager.get(CONFIRM).content.decode()
    assert "Cases to create" in page and "Confirm import" in page
    response = as_manager.post(CONFIRM, follow=True)
    assert "Imported cases.csv: 2 cases created" in response.content.decode()
    assert Case.objects.count() == 2
    assert Case.objects.first().history.first().history_user == manager
    # A second submit of the same confirmation imports nothing more.
    again = as_manager.post(CONFIRM, follow=True)
    assert "no import waiting" in again.content.decode()
    assert Case.objects.count() == 2
    assert not list(uploads.FOLDER.glob("*claimed*"))


def test_a_double_submitted_confirmation_is_imported_once(as_manager):
    as_manager.post(UPLOAD, {"file": csv_upload([complaint("A")])})
    token = as_manager.session["interchange_pending"]["token"]
    pending = uploads.PendingFile(token, "csv")
    assert pending.claim() is not None  # as if the first click were still running
    response = as_manager.post(CONFIRM, follow=True)
    assert "This import is already under way" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_second_click_after_the_first_finished_is_told_it_was_confirmed(as_manager):
    data, _ = _pending_after_upload(as_manager, [complaint("A")])
    as_manager.post(CONFIRM)
    # The second click's request read the session before the first one ended.
    session = as_manager.session
    session["interchange_pending"] = data
    session.save()
    response = as_manager.post(CONFIRM, follow=True)
    assert "This import has already been confirmed." in response.content.decode()
    assert Case.objects.count() == 1


def test_a_confirmation_that_found_problems_is_not_later_called_confirmed(as_manager):
    data, _ = _pending_after_upload(as_manager, [complaint("A")])
    _imported(uploads.FOLDER.parent, [complaint("A")])  # someone else, meanwhile
    page = as_manager.post(CONFIRM).content.decode()
    assert "A case with the reference A already exists" in page
    session = as_manager.session
    session["interchange_pending"] = data  # the second click of a double click
    session.save()
    page = as_manager.post(CONFIRM, follow=True).content.decode()
    assert "already been confirmed" not in page
    assert "The file you checked is no longer waiting to be imported" in page


def _pending_after_upload(client, rows):
    client.post(UPLOAD, {"file": csv_upload(rows)})
    data = client.session["interchange_pending"]
    return data, uploads.PendingFile(data["token"], data["extension"]).path


def test_confirming_after_the_file_was_changed_on_the_server_imports_nothing(as_manager):
    _, path = _pending_after_upload(as_manager, [complaint("A")])
    path.write_bytes(path.read_bytes().replace(b"\r\nA,", b"\r\nB,"))
    response = as_manager.post(CONFIRM, follow=True)
    assert "The file changed on the server after it was checked" in response.content.decode()
    assert Case.objects.count() == 0
    assert not list(uploads.FOLDER.glob("*.csv"))


def test_confirming_after_the_file_was_removed_says_nothing_was_imported(as_manager):
    _, path = _pending_after_upload(as_manager, [complaint("A")])
    path.unlink()  # a server restart that empties its temporary folder
    page = as_manager.post(CONFIRM, follow=True).content.decode()
    assert "The file you checked is no longer waiting to be imported" in page
    assert "already been confirmed" not in page
    assert Case.objects.count() == 0


def test_a_file_left_by_an_expired_session_is_removed_a_day_later(client, manager):
    client.force_login(manager)
    _, forgotten = _pending_after_upload(client, [complaint("A")])
    a_day_ago = forgotten.stat().st_mtime - uploads.KEPT_SECONDS - 1
    os.utime(forgotten, (a_day_ago, a_day_ago))
    client.logout()  # the session ends without the file being confirmed
    client.force_login(manager)
    _, newer = _pending_after_upload(client, [complaint("B")])
    assert not forgotten.exists() and newer.exists()


def test_an_unreadable_file_gets_the_error_summary(as_manager):
    upload = SimpleUploadedFile("cases.csv", "reference\r\nZoë\r\n".encode("utf-16"))
    response = as_manager.post(UPLOAD, {"file": upload})
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The file must be saved as UTF-8 CSV" in page


def test_a_file_too_big_is_refused_by_its_size(as_manager, monkeypatch):
    from heeded.interchange import forms

    monkeypatch.setattr(forms, "MAX_FILE_BYTES", 10)
    response = as_manager.post(UPLOAD, {"file": csv_upload([complaint()])})
    assert "The selected file must be smaller than 0 MB" in response.content.decode()


def test_a_200_mb_upload_is_refused_from_its_declared_length_before_it_is_read(as_manager):
    class Endless:
        """A request body that fails the test if anything reads it."""

        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = as_manager.generic(
        "POST",
        UPLOAD,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": Endless()},
    )
    assert response.status_code == 413
    assert "The selected file must be smaller than 50 MB" in response.content.decode()
    assert Case.objects.count() == 0


def test_the_upload_still_checks_its_csrf_token(manager):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    response = client.post(UPLOAD, {"file": csv_upload([complaint()])})
    assert response.status_code == 403
    assert Case.objects.count() == 0


def test_an_empty_file_is_told_what_it_needs(as_manager):
    response = as_manager.post(UPLOAD, {"file": SimpleUploadedFile("cases.csv", b"")})
    page = response.content.decode()
    assert "The selected file is empty: it needs a header row and a row per case" in page
    assert "The submitted file is empty." not in page


def test_a_file_of_a_header_alone_is_not_offered_for_confirmation(as_manager):
    # It was: "Cases to create 0", and a Confirm import button that imported nothing.
    response = as_manager.post(UPLOAD, {"file": csv_upload([])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The selected file has no cases: there are no rows below its header row" in page
    assert "interchange_pending" not in as_manager.session
    assert not list(uploads.FOLDER.glob("*.csv"))


def test_no_file_selected(as_manager):
    response = as_manager.post(UPLOAD, {})
    assert "Select a CSV or Excel file of cases" in response.content.decode()


def test_update_existing_cases_through_the_page(as_manager):
    as_manager.post(UPLOAD, {"file": csv_upload([complaint("A")])})
    as_manager.post(CONFIRM)
    changed = complaint("A", stage1_outcome="upheld")
    response = as_manager.post(UPLOAD, {"file": csv_upload([changed]), "update": "on"})
    assert response.url == CONFIRM
    as_manager.post(CONFIRM)
    assert Case.objects.get().stage(1).outcome == "upheld"


# Export ------------------------------------------------------------------------------------

EXPORT = reverse("interchange:export")


def _dates(prefix: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{prefix}_day": day, f"{prefix}_month": month, f"{prefix}_year": year}


def test_the_import_page_leads_to_the_export(as_manager):
    page = as_manager.get(UPLOAD).content.decode()
    assert f'href="{EXPORT}"' in page
    page = as_manager.get(EXPORT).content.decode()
    assert '<h1 class="govuk-heading-l">Export cases</h1>' in page
    assert 'name="received_from_day"' in page and 'value="csv"' in page


def _imported(directory, rows) -> None:
    call_command("import", str(csv_file(directory, rows)), stdout=StringIO())


def test_the_download_is_the_same_file_as_the_export_command(as_manager, tmp_path):
    _imported(
        tmp_path,
        [
            complaint(
                "CS-2024-00001",
                received_on="2024-05-01",
                stage1_responded_on="2024-05-10",
                closed_on="2024-05-10",
            ),
            complaint(
                "CS-2024-00002",
                received_on="2024-07-01",
                stage1_responded_on="2024-07-10",
                closed_on="2024-07-10",
            ),
            complaint("CS-2023-00003"),
        ],
    )
    response = as_manager.get(
        EXPORT,
        {**_dates("received_from", "1", "4", "2024"), "received_to_day": "", "file_format": "csv"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == ('attachment; filename="cases-2024-04-01-latest.csv"')
    downloaded = b"".join(response.streaming_content)
    command_file = tmp_path / "command.csv"
    call_command("export", str(command_file), "--from", "2024-04-01", stdout=StringIO())
    assert downloaded == command_file.read_bytes()
    text = downloaded.decode("utf-8-sig")
    assert "CS-2024-00001" in text and "CS-2024-00002" in text
    assert "CS-2023-00003" not in text


def test_an_excel_download_and_who_took_it(as_manager, manager, tmp_path, caplog):
    _imported(tmp_path, [complaint()])
    with caplog.at_level("INFO", logger="heeded.interchange.views"):
        response = as_manager.get(EXPORT, {"file_format": "xlsx"})
    assert f"{manager.username} exported 1 cases" in caplog.text
    assert response.status_code == 200
    assert response["Content-Disposition"] == ('attachment; filename="cases-earliest-latest.xlsx"')
    assert b"".join(response.streaming_content)[:2] == b"PK"  # a zip, as .xlsx files are


def test_bad_dates_are_named_and_nothing_is_downloaded(as_manager):
    response = as_manager.get(
        EXPORT,
        {
            **_dates("received_from", "31", "2", "2024"),
            **_dates("received_to", "1", "1", ""),
            "file_format": "pdf",
        },
    )
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert "Received from must be a real date" in page
    assert "Received to must include a year" in page
    assert "Select a file type" in page
    assert 'value="31"' in page  # what was typed is kept


def test_received_to_before_received_from_is_refused(as_manager):
    response = as_manager.get(
        EXPORT,
        {
            **_dates("received_from", "1", "4", "2024"),
            **_dates("received_to", "31", "3", "2024"),
            "file_format": "csv",
        },
    )
    assert "Content-Disposition" not in response
    assert "Received to must be the same as or after received from" in response.content.decode()


@pytest.mark.parametrize("who", ["officer", "responding", "viewer"])
def test_only_complaints_managers_may_export(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(EXPORT, {"file_format": "csv"}).status_code == 403
