"""The import pages: upload, problems or summary, confirm. Complaints managers only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from heeded.cases.models import Case
from heeded.interchange import uploads
from heeded.interchange.columns import NAMES

from .helpers import complaint

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
    assert Case.objects.count() == 0


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
    assert "already been confirmed" in response.content.decode()
    assert Case.objects.count() == 0


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
