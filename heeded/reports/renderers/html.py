"""The report as HTML: a fragment for the page in the application, and a standalone
document (its own print stylesheet inlined) for the HTML download and for WeasyPrint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string

from ..document.structure import Cell, Document

PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "reports" / "print.css"
SCREEN_CSS = PRINT_CSS.with_name("report.css")


def fragment(
    document: Document,
    case_link: Callable[[Cell], str] | None = None,
    recommendations_url: str = "",
) -> str:
    """The report's sections; ``case_link`` turns figures into links to their cases, and
    ``recommendations_url`` (for someone who may change them) is offered under the
    recommendations."""
    return render_to_string(
        "reports/_document.html",
        {
            "document": document,
            "case_link": case_link,
            "recommendations_url": recommendations_url,
        },
    )


def standalone(document: Document) -> str:
    css = SCREEN_CSS.read_text().replace(".app-cover, .app-running { display: none; }", "")
    return render_to_string(
        "reports/standalone.html",
        {"document": document, "css": css + PRINT_CSS.read_text(), "case_link": None},
    )


def render(document: Document) -> bytes:
    return standalone(document).encode("utf-8")
