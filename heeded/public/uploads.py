"""Attachments held between the upload page and sending the form.

They are stored under a random name in the documents storage (outside the web root) and
listed in the session; when the form is sent they become the case's documents and the
held copies are deleted. Abandoned files are removed by ``heeded clear_public_uploads``.
"""

from __future__ import annotations

import os
import uuid

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile

from heeded.cases.actions import ProcedureError
from heeded.cases.documents import check_upload

from . import conf

FOLDER = "public-pending"


class UploadRefused(Exception):
    pass


def hold(upload: UploadedFile) -> dict:
    """Check one uploaded file and keep it until the form is sent."""
    name = os.path.basename(upload.name or "")[:255]
    try:
        check_upload(upload, max_bytes=conf.upload_max_bytes())
    except ProcedureError as error:
        # GOV.UK says "The selected file ..."; with several files, say which one.
        raise UploadRefused(str(error).replace("The selected file", f"‘{name}’", 1)) from None
    file_id = uuid.uuid4().hex
    path = default_storage.save(f"{FOLDER}/{file_id}", upload)
    return {"id": file_id, "name": name, "size": upload.size, "path": path}


def open_held(item: dict) -> File:
    handle = default_storage.open(item["path"], "rb")
    return File(handle, name=item["name"])


def discard(items: list[dict]) -> None:
    for item in items:
        if item["path"].startswith(f"{FOLDER}/"):
            default_storage.delete(item["path"])
