"""Abandoned attachments are deleted; sending costs a bounded number of queries; no inline
scripts or styles (the site's Content-Security-Policy forbids them)."""

import os
import re
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from heeded.public.uploads import FOLDER

from .journeys import ANSWERS, answer_all, check_url, step_url, token_on


@pytest.mark.django_db
def test_attachments_held_for_more_than_a_day_are_deleted_and_newer_ones_kept():
    old = default_storage.save(f"{FOLDER}/old", ContentFile(b"%PDF-"))
    new = default_storage.save(f"{FOLDER}/new", ContentFile(b"%PDF-"))
    two_days_ago = time.time() - 2 * 86400
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
    out = StringIO()
    call_command("clear_public_uploads", stdout=out)
    assert not default_storage.exists(old)
    assert default_storage.exists(new)
    assert "Deleted 1 abandoned attachment(s)." in out.getvalue()


@pytest.mark.django_db
def test_nothing_to_clear_is_not_an_error():
    out = StringIO()
    call_command("clear_public_uploads", stdout=out)
    assert "Deleted 0" in out.getvalue()


@pytest.mark.django_db
def test_sending_a_complaint_takes_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # 59 when measured: validating nine pages, the case with its history, people, stage,
    # events and both e-mails. A jump means a query crept into a loop.
    answer_all(client, "complaint")
    token = token_on(client.get(check_url("complaint")))
    with django_assert_max_num_queries(65), django_capture_on_commit_callbacks(execute=True):
        client.post(check_url("complaint"), {"token": token})


@pytest.mark.django_db
@pytest.mark.parametrize("journey", list(ANSWERS))
def test_no_page_has_inline_scripts_or_styles(client, journey):
    pages = [client.get("/feedback/"), client.get("/feedback/choose/")]
    for step, answers in ANSWERS[journey].items():
        pages.append(client.get(step_url(journey, step)))
        client.post(step_url(journey, step), answers)
    pages.append(client.get(check_url(journey)))
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert " style=" not in html and "<style" not in html
