"""Importing cases in the application: upload, check, confirm. Complaints managers only.

Nothing is written until "Confirm import"; the file is checked again then, since cases may
have changed in between.
"""

from __future__ import annotations

import logging
import os
import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from heeded.access.policies import can_import

from . import uploads
from .exporting import export_file
from .forms import ExportForm, UploadForm
from .importing import HOW_TO_UPDATE_APPLICATION, import_file
from .reading import MAX_FILE_BYTES

# The form's other fields and the multipart framing add a little to the file's own size.
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024
TOO_LARGE = f"The selected file must be smaller than {MAX_FILE_BYTES // 1024 // 1024} MB"

SESSION_KEY = "interchange_pending"
NO_CASES = "The selected file has no cases: there are no rows below its header row"
CHANGED = (
    "The file changed on the server after it was checked, so nothing was imported. "
    "Upload it again to check it."
)

# Who took personal data out of Heeded, and how much: a council must be able to say.
log = logging.getLogger(__name__)


def _manager_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _pending(request) -> tuple[uploads.PendingFile, dict] | tuple[None, None]:
    data = request.session.get(SESSION_KEY)
    if not data or not uploads.valid_token(data.get("token", "")):
        return None, None
    return uploads.PendingFile(data["token"], data["extension"]), data


@csrf_exempt  # checked below, once the request is known not to be too large to read
@_manager_only
@require_http_methods(["GET", "POST"])
def upload(request):
    if request.method == "POST" and _declared_size(request) > MAX_REQUEST_BYTES:
        # Refused from its declared length, before Django reads (and spools to disk) the
        # body. Nothing is done, so there is nothing for the CSRF check to protect.
        response = render(
            request, "interchange/upload.html", {"form": UploadForm(), "too_large": TOO_LARGE}
        )
        response.status_code = 413
        return response
    return _checked_upload(request)


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@csrf_protect
def _checked_upload(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        update = form.cleaned_data["update"]
        old, _ = _pending(request)
        if old:
            old.discard()
        pending, digest = uploads.keep(upload)
        report = import_file(
            pending.path,
            by=request.user,
            file_name=upload.name,
            update=update,
            dry_run=True,
            how_to_update=HOW_TO_UPDATE_APPLICATION,
        )
        if report.refused or report.no_cases:
            pending.discard()
            form.add_error("file", report.refused or NO_CASES)
        elif report.problems:
            pending.discard()
            return render(request, "interchange/problems.html", {"report": report})
        else:
            request.session[SESSION_KEY] = {
                "token": pending.token,
                "extension": pending.extension,
                "digest": digest,
                "name": upload.name,
                "update": update,
                "to_create": report.to_create,
                "to_update": report.to_update,
                "unchanged": report.unchanged,
            }
            return redirect("interchange:confirm")
    return render(request, "interchange/upload.html", {"form": form})


@_manager_only
@require_http_methods(["GET", "POST"])
def confirm(request):
    pending, data = _pending(request)
    if pending is None:
        messages.info(request, "There is no import waiting to be confirmed. Upload a file.")
        return redirect("interchange:upload")
    if request.method == "GET":
        return render(request, "interchange/confirm.html", {"pending": data})
    claimed = pending.claim()
    request.session.pop(SESSION_KEY, None)
    if claimed is None:
        messages.info(request, pending.why_gone())
        return redirect("interchange:upload")
    report = None
    try:
        if uploads.digest_of(claimed) != data.get("digest"):
            messages.info(request, CHANGED)
            return redirect("interchange:upload")
        report = import_file(
            claimed,
            by=request.user,
            file_name=data["name"],
            update=data["update"],
            how_to_update=HOW_TO_UPDATE_APPLICATION,
        )
    finally:
        pending.finished(imported=report is not None and report.written)
    if not report.ok:
        if report.refused:
            messages.info(request, report.refused)
            return redirect("interchange:upload")
        return render(request, "interchange/problems.html", {"report": report})
    messages.success(request, report.summary())
    return redirect("interchange:upload")


@_manager_only
@require_http_methods(["GET"])
def export(request):
    """Cases received in a period, in the interchange format, to correct in a spreadsheet and
    import again, or to take to another system. The same file as ``heeded export``."""
    if "file_format" not in request.GET:
        return render(request, "interchange/export.html", {"form": ExportForm()})
    form = ExportForm(request.GET)
    if not form.is_valid():
        return render(request, "interchange/export.html", {"form": form})
    start, end = form.cleaned_data["received_from"], form.cleaned_data["received_to"]
    extension = form.cleaned_data["file_format"]
    # Written to a temporary file first (an .xlsx cannot be streamed), which is unlinked at
    # once: the open handle keeps it readable until the response has been sent.
    handle, path = tempfile.mkstemp(suffix=f".{extension}")
    os.close(handle)
    try:
        count = export_file(path, start, end)
        download = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        os.unlink(path)
    log.info(
        "%s exported %d cases (received %s to %s) as %s",
        request.user.username,
        count,
        start or "the earliest",
        end or "the latest",
        extension,
    )
    return FileResponse(download, as_attachment=True, filename=_export_name(start, end, extension))


def _export_name(start, end, extension: str) -> str:
    span = "-".join(
        [start.isoformat() if start else "earliest", end.isoformat() if end else "latest"]
    )
    return f"cases-{span}.{extension}"
