"""Documents: checked on the way in, stored outside the web root, downloaded only by viewers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heeded.cases import actions
from heeded.cases.documents import MAX_BYTES

from .conftest import action_url
from .test_action_views import field_error, summary_links

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def documents_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


def upload(client, case, name, content, description=""):
    case.refresh_from_db()
    return client.post(
        action_url(case, "document"),
        {
            "expected_version": case.version,
            "file": SimpleUploadedFile(name, content),
            "description": description,
        },
    )


def test_a_pdf_is_uploaded_and_downloaded_as_an_attachment(
    client, officer, complaint, documents_in_tmp
):
    client.force_login(officer)
    response = upload(client, complaint, "response letter.pdf", b"%PDF-1.4 reply", "Stage 1 reply")
    assert response.status_code == 302
    document = complaint.documents.get()
    assert str(documents_in_tmp) in document.file.path
    page = client.get(f"/cases/{complaint.reference}/").content.decode()
    url = f"/cases/{complaint.reference}/documents/{document.pk}/"
    assert url in page
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert "response letter.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 reply"


def test_a_file_of_the_wrong_type_is_refused_in_govuk_words(client, officer, complaint):
    client.force_login(officer)
    response = upload(client, complaint, "run-me.exe", b"MZ\x90\x00")
    assert response.status_code == 400
    assert "The selected file must be a PDF, Word" in response.content.decode()
    assert not complaint.documents.exists()


def test_a_file_pretending_to_be_a_pdf_is_refused(client, officer, complaint):
    client.force_login(officer)
    response = upload(client, complaint, "letter.pdf", b"<html>not a pdf</html>")
    assert "The selected file is not a real PDF" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(client, officer, complaint):
    client.force_login(officer)
    response = upload(client, complaint, "scan.pdf", b"%PDF" + b"0" * MAX_BYTES)
    assert response.status_code == 400
    assert "The selected file must be smaller than 20MB" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run-me.exe", b"MZ\x90\x00", "The selected file must be a PDF, Word"),
        ("letter.pdf", b"<html>not a pdf</html>", "The selected file is not a real PDF"),
        ("scan.pdf", b"%PDF" + b"0" * MAX_BYTES, "The selected file must be smaller than 20MB"),
    ],
)
def test_a_refused_file_is_told_beside_the_file_box_and_linked_from_the_summary(
    client, officer, complaint, name, content, message
):
    client.force_login(officer)
    page = upload(client, complaint, name, content).content.decode()
    assert field_error(page, "id_file").startswith(message)
    assert summary_links(page) == ["#id_file"]


def test_no_file_chosen_is_explained(client, officer, complaint):
    client.force_login(officer)
    complaint.refresh_from_db()
    response = client.post(
        action_url(complaint, "document"), {"expected_version": complaint.version}
    )
    assert "Select a file" in response.content.decode()


def test_a_responding_manager_not_assigned_cannot_download(client, officer, responding, complaint):
    client.force_login(officer)
    upload(client, complaint, "letter.pdf", b"%PDF-1.4")
    url = f"/cases/{complaint.reference}/documents/{complaint.documents.get().pk}/"
    client.force_login(responding)
    assert client.get(url).status_code == 404
    actions.assign(complaint, by=officer, responding_manager=responding)
    assert client.get(url).status_code == 200


def test_a_document_of_another_case_is_not_found_through_this_one(client, officer, complaint):
    from heeded.cases.tests.factories import record

    other = record(officer, "compliment")
    client.force_login(officer)
    upload(client, other, "thanks.pdf", b"%PDF-1.4")
    url = f"/cases/{complaint.reference}/documents/{other.documents.get().pk}/"
    assert client.get(url).status_code == 404


def test_a_report_viewer_cannot_download(client, officer, viewer, complaint):
    client.force_login(officer)
    upload(client, complaint, "letter.pdf", b"%PDF-1.4")
    client.force_login(viewer)
    url = f"/cases/{complaint.reference}/documents/{complaint.documents.get().pk}/"
    assert client.get(url).status_code == 403
