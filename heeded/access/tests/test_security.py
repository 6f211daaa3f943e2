"""What a council's information-security officer checks before go-live, each tried as an
attacker would: guessing passwords where they are not counted, and settings that a
production server must have."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_user
from heeded.access.roles import Role
from heeded.cases.documents import add_document
from heeded.cases.tests.factories import PersonFactory, record

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # conftest.make_user's


@pytest.fixture
def staff_admin(db):
    """An administrator who can open Django's admin, as ``heeded createsuperuser`` makes."""
    return make_user("root", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


def test_the_admins_own_sign_in_form_takes_no_passwords(client, staff_admin):
    """Django's admin checks a password itself, without allauth's limit on failed sign-ins:
    the administrator's password could be guessed there without end. It sends people to
    Heeded's sign-in page instead, where the sixth wrong guess locks the account out."""
    for guess in range(10):
        client.post("/admin/login/", {"username": "root", "password": f"guess-{guess}"})
    response = client.post("/admin/login/?next=/admin/", {"username": "root", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_an_administrator_signed_in_through_heeded_still_reaches_the_admin(client, staff_admin):
    response = client.post("/accounts/login/", {"login": "root", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    # Someone signed in without the admin's permission is refused, not asked to sign in.
    client.logout()
    client.force_login(make_user("clerk", Role.COMPLAINTS_OFFICER))
    assert client.get("/admin/login/").status_code == 403


# What a council's server sets beyond the secret key and host (none is connected to).
MAIL = {
    "DATABASE_URL": "postgres://heeded@db.example.gov.uk:5432/heeded",
    "EMAIL_URL": "smtp+tls://heeded@smtp.example.gov.uk:587",
    "DEFAULT_FROM_EMAIL": "complaints@example.gov.uk",
    "SITE_URL": "https://complaints.example.gov.uk",
    "CACHE_URL": "redis://cache.example.gov.uk:6379/0",
}


def deployment_check(tmp_path, **variables) -> subprocess.CompletedProcess:
    """``heeded check --deploy`` with production settings (no HEEDED_DEMO)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"HEEDED_DEMO", "DEBUG", "SECURE_COOKIES", "CACHE_URL", *MAIL}
    }
    environment |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "complaints.example.gov.uk",
        "HEEDED_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "heeded.settings",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-m", "heeded", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_djangos_deployment_checks(tmp_path):
    """No warnings. It warned that HSTS was off and that plain HTTP was not sent to HTTPS."""
    result = deployment_check(tmp_path, **MAIL)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checks_refuse_a_server_left_in_demo_mode(tmp_path):
    """Demo mode signs sessions with the published key when SECRET_KEY is not set."""
    result = deployment_check(tmp_path, HEEDED_DEMO="true", **MAIL)
    assert result.returncode == 1
    assert "(heeded.E001) HEEDED_DEMO is true" in result.stderr


@pytest.mark.parametrize(
    "missing, warning",
    [
        # Reminders, receipts and password-reset links would go to the server's log.
        ("EMAIL_URL", "heeded.W001) E-mail is not sent: EMAIL_URL is not set"),
        # Mail from complaints@heeded.invalid is refused or lost as spam.
        ("DEFAULT_FROM_EMAIL", "heeded.W002) DEFAULT_FROM_EMAIL is not set"),
        # Reminders and the team's e-mail about an online form could not link to the case.
        ("SITE_URL", "heeded.W003) SITE_URL is not set"),
        # The cases would go to a SQLite file in the installation folder.
        ("DATABASE_URL", "heeded.W004) DATABASE_URL is not PostgreSQL"),
        # Each gunicorn worker would count failed sign-ins on its own.
        ("CACHE_URL", "heeded.W005) CACHE_URL is not set"),
    ],
)
def test_the_deployment_checks_name_each_email_setting_left_out(tmp_path, missing, warning):
    result = deployment_check(tmp_path, **{k: v for k, v in MAIL.items() if k != missing})
    assert result.returncode == 1
    assert warning in result.stderr
    assert result.stderr.count("heeded.W") == 1


@pytest.fixture
def case_with_a_letter(officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    complainant = PersonFactory(full_name="Dana Whitlock")
    case = record(officer, "complaint", people=[(complainant, "complainant", "Mother")])
    letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter", "application/pdf")
    return case, add_document(case, letter, by=officer)


def test_nothing_a_signed_in_person_is_sent_is_kept_by_their_browser(
    client, manager, case_with_a_letter
):
    """A case page, the case list, its CSV, a document and a report download: all
    ``no-store``, so a shared office computer keeps no copy of a child's complaint on disk
    and shows none on Back after its user has signed out."""
    case, letter = case_with_a_letter
    client.force_login(manager)
    urls = [
        f"/cases/{case.reference}/",
        "/cases/",
        "/cases/export.csv",
        f"/cases/{case.reference}/documents/{letter.pk}/",
        "/reports/2022-04-01/2023-03-31/download/internal/json/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response.get("Cache-Control", "")
        assert "no-store" in cache_control, f"{url}: Cache-Control {cache_control!r}"
        assert "private" in cache_control, f"{url}: Cache-Control {cache_control!r}"


def test_static_files_are_still_cached(client, manager):
    client.force_login(manager)
    response = client.get("/static/js/htmx.min.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def _file_of(megabytes: float) -> SimpleUploadedFile:
    return SimpleUploadedFile("big.pdf", b"%PDF-1.4" + b"x" * int(megabytes * 2**20))


def test_someone_not_signed_in_cannot_post_more_than_the_public_forms_take(client, settings):
    """Django writes a posted file to disk whatever its size before any view, or the CSRF
    check, runs: anyone could fill the server's disk. The public's forms take at most their
    attachments; a request declaring more is refused unread."""
    settings.PUBLIC_UPLOAD_MAX_MB = 1
    settings.PUBLIC_UPLOAD_MAX_FILES = 2
    response = client.post("/feedback/complaint/documents/", {"documents": _file_of(3.5)})
    assert response.status_code == 413
    page = response.content.decode()
    assert "must add up to less than 2MB" in page
    assert "Nothing has been sent" in page


def test_someone_not_signed_in_cannot_post_a_file_to_a_page_that_takes_none(client):
    response = client.post("/accounts/login/", {"login": "x", "password": "y", "file": _file_of(4)})
    assert response.status_code == 413
    assert "Sorry, what you sent could not be read" in response.content.decode()


def test_staff_signed_in_are_held_only_to_each_pages_own_limit(client, officer, case_with_a_letter):
    case, _ = case_with_a_letter
    client.force_login(officer)
    response = client.post(
        f"/cases/{case.reference}/document/",
        {"expected_version": case.version, "file": _file_of(4), "description": "Letter"},
    )
    assert response.status_code != 413
    assert case.documents.filter(original_name="big.pdf").exists()
