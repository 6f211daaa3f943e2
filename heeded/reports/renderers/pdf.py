"""The report as PDF: the standalone HTML through WeasyPrint (A4, print.css), tagged."""

from __future__ import annotations

import logging

from ..document.structure import Document
from . import html


def render(document: Document) -> bytes:
    # WeasyPrint logs every layout step at INFO (from its first import), and warns about
    # the screen-only CSS the standalone page shares with the application (overflow-x);
    # neither is worth a log. Errors (an unreadable resource) still are.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    from weasyprint import HTML

    # Tagged (a structure tree of headings, paragraphs, lists and tables, in reading
    # order): published PDFs fall under the public sector accessibility regulations, and
    # screen readers need the tags to read a PDF as anything more than loose text.
    return HTML(string=html.standalone(document)).write_pdf(pdf_tags=True)
