"""Accepting a file onto a case: what is allowed, checked by content as well as by name."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.timezone import localtime

from heeded.calendars.dates import long_date

from .actions._base import ProcedureError, locked, record_event
from .models import Case, Document, EventKind

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a scanned letter or a phone photo, not a video


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    signatures: tuple[bytes, ...]  # what the first bytes must be; empty: any text


ALLOWED = {
    ".pdf": FileKind("PDF", "application/pdf", (b"%PDF",)),
    ".jpg": FileKind("JPEG image", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileKind("JPEG image", "image/jpeg", (b"\xff\xd8\xff",)),
    ".png": FileKind("PNG image", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".docx": FileKind(
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".doc": FileKind(
        "Word 97-2003 document", "application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
    ),
    ".odt": FileKind(
        "OpenDocument text", "application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)
    ),
    ".xlsx": FileKind(
        "Excel workbook",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".txt": FileKind("text file", "text/plain", ()),
    ".eml": FileKind("email", "message/rfc822", ()),
}

ALLOWED_DESCRIPTION = "PDF, Word, OpenDocument, Excel, JPG, PNG, text or email"


def check_upload(upload: UploadedFile, max_bytes: int = MAX_BYTES) -> FileKind:
    """Raise ProcedureError, in GOV.UK words, unless the file is one we accept.

    Each refusal names the ``file`` answer, so that the form shows it beside the file box as
    well as in the error summary (GOV.UK's pattern), not in the summary alone.
    """
    name = upload.name or ""
    extension = os.path.splitext(name)[1].lower()
    kind = ALLOWED.get(extension)
    if kind is None:
        raise ProcedureError(f"The selected file must be a {ALLOWED_DESCRIPTION}", "file")
    if upload.size == 0:
        raise ProcedureError("The selected file is empty", "file")
    if upload.size > max_bytes:
        raise ProcedureError(
            f"The selected file must be smaller than {max_bytes // 2**20}MB", "file"
        )
    head = upload.read(16)
    upload.seek(0)
    if kind.signatures and not any(head.startswith(sig) for sig in kind.signatures):
        raise ProcedureError(f"The selected file is not a real {kind.label}", "file")
    if not kind.signatures and b"\x00" in head:
        raise ProcedureError(f"The selected file is not a real {kind.label}", "file")
    return kind


def _already_there(case: Case, sha256: str, *, from_public: bool) -> Document | None:
    """The same file sent again (Back, then Upload) is kept once: an officer is told so; a
    file attached twice to the public's online form is kept once, quietly."""
    first = case.documents.filter(sha256=sha256).order_by("uploaded_at", "id").first()
    if first is None or from_public:
        return first
    raise ProcedureError(
        f"This file is already on {case.reference}, as {first.original_name}, added "
        f"{long_date(localtime(first.uploaded_at).date())}: it has not been added again.",
        "file",
    )


def add_document(
    case: Case, upload: UploadedFile, *, by, description: str = "", from_public: bool = False
) -> Document:
    kind = check_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        # Sends of the same file one after the other: the second sees the first.
        case = locked(case)
        first = _already_there(case, digest.hexdigest(), from_public=from_public)
        if first is not None:
            return first
        document = Document(
            case=case,
            original_name=os.path.basename(upload.name)[:255],
            content_type=kind.content_type,
            size=upload.size,
            sha256=digest.hexdigest(),
            description=description.strip(),
            uploaded_by=by,
            from_public=from_public,
        )
        document.file.save(upload.name, upload, save=False)
        try:
            document.save()
        except Exception:
            # Nothing half-written: no row, so no file either.
            document.file.delete(save=False)
            raise
        record_event(
            case,
            EventKind.DOCUMENT,
            by=by,
            on=document.uploaded_at.date(),
            new=document.original_name,
            description=document.description,
        )
    return document
