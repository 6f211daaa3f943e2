"""Cell text in and out: keeping spreadsheet formulas from running (OWASP CSV injection).

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run
as a formula by Excel and LibreOffice. On export such a cell is written with a single quote
in front (OWASP's advice), so the spreadsheet shows it as text. On import one leading quote
is taken off again when what follows would need it, so an exported file imports back to
the very same text. A quote is added in front of text that already starts with quotes
before such a character too (``'=x`` is written ``''=x``), which keeps the round trip exact
for any text: ``unescape(escape(text)) == text``.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS)


def escape(text: str) -> str:
    """Text as written to a file: never a formula."""
    return "'" + text if needs_quote(text) else text


def unescape(text: str) -> str:
    """Text as read from a file: the exporter's protective quote taken off."""
    if text.startswith("'") and needs_quote(text[1:]):
        return text[1:]
    return text
