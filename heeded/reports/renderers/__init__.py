"""Render a report dict (``heeded.reports.build.build_report``) as HTML, PDF, DOCX or XLSX.

The sections are computed once (``heeded.reports.document``); each format only writes them.
"""

from __future__ import annotations

from ..document import build_document
from ..document.sources import document_inputs
from ..document.structure import Document

FORMATS = ("html", "pdf", "docx", "xlsx", "json")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def document_for(report: dict, public: bool) -> Document:
    return build_document(report, public=public, **document_inputs(report, public=public))


def render(report: dict, fmt: str, public: bool = False) -> bytes:
    """The report as a file. JSON: the report dict itself, or for the public the public
    tables (``renderers.data``)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format '{fmt}': use one of {', '.join(FORMATS)}")
    if fmt == "json" and not public:
        from ..management.commands.report import report_json

        return report_json(report).encode("utf-8")
    return render_document(document_for(report, public), fmt)


def render_document(document: Document, fmt: str) -> bytes:
    from . import data, docx, html, pdf, xlsx

    writers = {
        "html": html.render,
        "pdf": pdf.render,
        "docx": docx.render,
        "xlsx": xlsx.render,
        "json": data.render,
    }
    return writers[fmt](document)
