"""Robots, floods and bad files: refused clearly, without losing what a person typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heeded.cases.models import Case, Document

from .journeys import COMPLAINT, answer_all, check_url, send, step_url, token_on

PDF = b"%PDF-1.4\n%test letter\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _to_documents(client):
    steps = dict(COMPLAINT)
    steps.pop("documents")
    answer_all(client, "complaint", steps)
    return step_url("complaint", "documents")


@pytest.mark.django_db
def test_a_filled_honeypot_is_shown_with_an_error_and_nothing_is_lost(client):
    response = client.post(
        step_url("complaint", "your-name"), {"full_name": "Ann Lee", "website": "http://spam"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "Delete what is in the box labelled ‘Leave this blank’" in page
    assert 'value="Ann Lee"' in page
    # Revealed so a person whose autofill filled it can empty it.
    assert "app-extra-field" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("filled", ["x" * 201, "x" * 5000, "http://spam\x00"])
def test_whatever_fills_the_honeypot_it_is_told_the_same_plain_words(client, filled):
    """Not "Leave this blank must be 200 characters or fewer" (nor Django's "Ensure this
    value has at most..."), which would puzzle whoever filled it: what to do, and no more."""
    response = client.post(
        step_url("complaint", "your-name"), {"full_name": "Ann Lee", "website": filled}
    )
    page = response.content.decode()
    assert response.status_code == 200
    message = "Delete what is in the box labelled ‘Leave this blank’"
    assert f'<a href="#website">{message}</a>' in page
    assert (
        '<p id="website-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
    ) in page
    assert "characters" not in page.split('id="website-error"')[1].split("</p>")[0]
    assert "Ensure this value" not in page and "null character" not in page
    assert 'value="Ann Lee"' in page


@pytest.mark.django_db
def test_the_honeypot_is_hidden_untabbable_and_never_autofilled(client):
    page = client.get(step_url("complaint", "your-name")).content.decode()
    assert 'class="govuk-form-group app-extra-field"' in page
    assert '<label class="govuk-label" for="website">Leave this blank</label>' in page
    assert 'autocomplete="off"' in page and 'tabindex="-1"' in page


@pytest.mark.django_db
def test_a_honeypot_filled_on_check_your_answers_sends_nothing(client):
    answer_all(client, "comment")
    token = token_on(client.get(check_url("comment")))
    response = client.post(check_url("comment"), {"token": token, "website": "x"})
    assert response.status_code == 200
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_more_than_ten_forms_an_hour_from_one_address_are_refused(client, settings):
    settings.PUBLIC_RATE_LIMIT = 2
    settings.PUBLIC_POST_RATE_LIMIT = 1000
    send(client, "comment")
    send(client, "comment")
    response = send(client, "comment")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = response.content.decode()
    assert "There is a problem" in page and "Wait an hour" in page
    assert Case.objects.count() == 2
    # The answers are kept for when they try again.
    assert client.get(check_url("comment")).status_code == 200


@pytest.mark.django_db
def test_too_many_page_posts_a_minute_are_refused(client, settings):
    settings.PUBLIC_POST_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(step_url("comment", "your-name"), {"full_name": "A"}).status_code == 302
    response = client.post(step_url("comment", "your-name"), {"full_name": "Alex Jones"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Wait a minute, then select Continue again" in page
    # What was typed on the refused page comes back in its field, not marked as wrong.
    assert 'value="Alex Jones"' in page
    assert "govuk-form-group--error" not in page


@pytest.mark.django_db
def test_a_refused_page_keeps_ticked_boxes_as_typed(client, settings):
    settings.PUBLIC_POST_RATE_LIMIT = 1
    assert client.post(step_url("comment", "your-name"), {"full_name": "A"}).status_code == 302
    typed = {"contact_methods": ["email", "post"], "email": "alex@example.com"}
    response = client.post(step_url("comment", "contact"), typed)
    assert response.status_code == 429
    page = response.content.decode()
    assert 'value="alex@example.com"' in page
    assert page.count('type="checkbox" value="email" checked') == 1
    assert page.count('type="checkbox" value="post" checked') == 1
    assert 'type="checkbox" value="phone" checked' not in page


@pytest.mark.django_db
def test_rate_limits_can_be_switched_off(client, settings):
    settings.PUBLIC_RATE_LIMIT = 0
    settings.PUBLIC_POST_RATE_LIMIT = 1
    for _ in range(3):
        assert send(client, "comment").status_code == 302


@pytest.mark.django_db
def test_limits_count_per_address(client, settings):
    settings.PUBLIC_POST_RATE_LIMIT = 1
    assert client.post(step_url("comment", "your-name"), {"full_name": "A"}).status_code == 302
    other = client.post(
        step_url("comment", "your-name"), {"full_name": "A"}, REMOTE_ADDR="192.0.2.9"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_attachments_become_the_cases_documents_from_the_public(client):
    url = _to_documents(client)
    files = [
        SimpleUploadedFile("letter.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("photo.png", PNG, "image/png"),
    ]
    assert client.post(url, {"action": "upload", "documents": files}).status_code == 302
    page = client.get(url).content.decode()
    assert "letter.pdf" in page and "photo.png" in page
    assert client.post(url, {"action": "continue"})["Location"] == check_url("complaint")
    token = token_on(client.get(check_url("complaint")))
    client.post(check_url("complaint"), {"token": token})
    case = Case.objects.get()
    documents = Document.objects.filter(case=case).order_by("original_name")
    assert [(d.original_name, d.from_public, d.uploaded_by) for d in documents] == [
        ("letter.pdf", True, None),
        ("photo.png", True, None),
    ]
    assert documents[0].file.read() == PDF


@pytest.mark.django_db
def test_a_file_can_be_removed_before_sending(client):
    url = _to_documents(client)
    client.post(url, {"action": "upload", "documents": SimpleUploadedFile("a.pdf", PDF)})
    file_id = client.session["public_forms"]["complaint"]["files"][0]["id"]
    client.post(url, {"remove": file_id})
    assert client.session["public_forms"]["complaint"]["files"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "upload,message",
    [
        (("virus.exe", b"MZ\x90\x00"), "‘virus.exe’ must be a PDF, Word, OpenDocument"),
        (("empty.pdf", b""), "‘empty.pdf’ is empty"),
        (("fake.pdf", b"not a pdf at all"), "‘fake.pdf’ is not a real PDF"),
        (("big.pdf", PDF + b"x" * (2 * 2**20)), "‘big.pdf’ must be smaller than 1MB"),
    ],
)
def test_a_refused_file_gets_a_gov_uk_file_upload_message(client, settings, upload, message):
    settings.PUBLIC_UPLOAD_MAX_MB = 1
    url = _to_documents(client)
    response = client.post(url, {"action": "upload", "documents": SimpleUploadedFile(*upload)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert message in page
    assert 'href="#documents"' in page
    assert "govuk-file-upload--error" in page


@pytest.mark.django_db
def test_upload_with_no_file_chosen_says_select_a_file(client):
    url = _to_documents(client)
    page = client.post(url, {"action": "upload"}).content.decode()
    assert "Select a file" in page


@pytest.mark.django_db
def test_no_more_than_the_allowed_number_of_files(client, settings):
    settings.PUBLIC_UPLOAD_MAX_FILES = 1
    url = _to_documents(client)
    client.post(url, {"action": "upload", "documents": SimpleUploadedFile("a.pdf", PDF)})
    page = client.post(
        url, {"action": "upload", "documents": SimpleUploadedFile("b.pdf", PDF)}
    ).content.decode()
    assert "You can send up to 1 file. Remove a file before adding another" in page
    # The hint says it as the message does, not "up to 1 files".
    assert "You can send up to 1 file, each smaller than" in page


@pytest.mark.django_db
def test_selecting_too_many_files_at_once_says_how_many_may_be_added(client, settings):
    # "Remove a file before adding another" was said with no file added to remove.
    settings.PUBLIC_UPLOAD_MAX_FILES = 2
    url = _to_documents(client)
    three = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in "abc"]
    page = client.post(url, {"action": "upload", "documents": three}).content.decode()
    assert "Select up to 2 files" in page and "Remove a file" not in page
    client.post(url, {"action": "upload", "documents": SimpleUploadedFile("a.pdf", PDF)})
    two = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in "bc"]
    page = client.post(url, {"action": "upload", "documents": two}).content.decode()
    assert "You can add 1 more file. Select fewer files" in page
