"""The data appendix as a spreadsheet (XlsxWriter): one sheet per table, titled in A1, its
header row bold and frozen, numbers (shares too) as numbers, hidden small counts as their
words, and under the table what the report's text says of its figures, then its notes."""

from __future__ import annotations

import functools
import io
import re

import xlsxwriter

from ..document.structure import Cell, Document, Table

# Each table sheet: its title (row 1), what it is (row 2), then the table's header row.
HEADER_ROW = 2
# A rounded share as every format prints it ("31%"); a change ("+6 (+10%)") is not one.
_PERCENT = re.compile(r"(\d+)%")
_BEYOND_WHOLE = re.compile(r"(less|more) than \d+%")


def render(document: Document) -> bytes:
    buffer = io.BytesIO()
    # Text is text: a label or a learning example starting with "=" is never run as a formula.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties(
        {
            "title": f"{document.title} {document.period_label}: data tables",
            "company": document.organisation,
            "created": None,
        }
    )
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    title = book.add_format({"bold": True, "font_size": 14})
    total = book.add_format({"bold": True})
    part = book.add_format({"indent": 1})  # "of which ...", set in under its figure
    # A figure that is not a count keeps its places ("0.0", "500.00"), as in the PDF.
    decimals: dict[int, object] = {}
    percent = book.add_format({"num_format": "0%"})
    # A change on the year before, signed both ways as the other formats print it.
    signed = (
        book.add_format({"num_format": "+0;-0;0"}),
        book.add_format({"num_format": "+0%;-0%;0%"}),
    )
    used: set[str] = set()

    @functools.cache
    def words(text: str):
        # A number format of nothing but words: the cell keeps its number, shown as they are.
        return book.add_format({"num_format": f'"{text}"'})

    contents = book.add_worksheet("Contents")
    contents.write_row(
        0, 0, [f"{document.organisation}: {document.title}", document.period_label], bold
    )
    contents.write(1, 0, f"{_version(document)}.")
    for number, table in enumerate(document.tables(), start=1):
        name = _sheet_name(table.caption, used)
        contents.write_url(2 + number, 0, f"internal:'{name}'!A1", string=table.caption)
        sheet = book.add_worksheet(name)
        # As the GSS asks of published spreadsheets: the title in A1, what the table is
        # under it, then the table, with no blank row a screen reader would stop at.
        sheet.write_string(0, 0, table.caption, title)
        sheet.write_string(1, 0, _about(document, table))
        changes = _change_columns(table)
        sheet.write_row(HEADER_ROW, 0, _header(table, changes), bold)
        sheet.freeze_panes(HEADER_ROW + 1, 1)
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, len(table.header) + len(changes), 14)
        for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
            style = total if row.kind in ("total", "subtotal", "group") else None
            label = part if row.kind == "part" else style
            c = 0
            for n, cell in enumerate(row.cells):
                if n in changes:
                    _write_change(sheet, r, c, cell, style, signed, words)
                    c += 2
                    continue
                if cell.is_number and c:
                    places = cell.decimals or (1 if isinstance(cell.value, float) else 0)
                    if places and places not in decimals:
                        decimals[places] = book.add_format({"num_format": "#,##0." + "0" * places})
                    fmt = decimals[places] if places else style
                    sheet.write_number(r, c, cell.value, fmt)
                elif c and cell.fraction is not None and not cell.suppressed:
                    # "less than 1%": the exact share, shown in those words.
                    sheet.write_number(r, c, cell.fraction, words(cell.text))
                elif c and (share := _PERCENT.fullmatch(cell.text)):
                    # A share as a number ("31%" is 0.31 shown as 31%, as the PDF prints
                    # it), so that a column of shares sorts and sums as figures do.
                    sheet.write_number(r, c, int(share.group(1)) / 100, percent)
                elif not cell.text:
                    # Empty, not a string of nothing: a heading row's blank figures were ""
                    # cells that a filter listed and COUNTA counted.
                    sheet.write_blank(r, c, None, style)
                else:
                    sheet.write_string(r, c, cell.text, style if c else label)
                c += 1
        for n, note in enumerate(_notes(table)):
            sheet.write_string(HEADER_ROW + len(table.rows) + 2 + n, 0, note)
    contents.set_column(0, 0, 70)
    book.close()
    return buffer.getvalue()


def _change_columns(table: Table) -> set[int]:
    """The columns of changes on the year before, each written as two: the difference and
    the percentage change, numbers that sort and chart, where "+6 (+10%)" was text."""
    return {c for row in table.rows for c, cell in enumerate(row.cells) if cell.change}


def _header(table: Table, changes: set[int]) -> list[str]:
    header: list[str] = []
    for c, heading in enumerate(table.header):
        header.append(heading)
        if c in changes:  # "Change on 2024/25", then "Percentage change on 2024/25"
            header.append(f"Percentage {heading[:1].lower()}{heading[1:]}")
    return header


def _write_change(sheet, r: int, c: int, cell: Cell, style, signed, words) -> None:
    """A change as its difference and percentage change (6 and 0.10, shown "+6" and
    "+10%"); from a base of 0 the percentage is "new", as the other formats say. A change
    the public version withholds is "withheld" in both: either would give it away."""
    if not cell.change:
        sheet.write_blank(r, c, None, style)
        sheet.write_blank(r, c + 1, None, style)
        return
    if cell.suppressed:
        sheet.write_string(r, c, cell.text, style)
        sheet.write_string(r, c + 1, cell.text, style)
        return
    difference, share = cell.change
    sheet.write_number(r, c, difference, signed[0])
    if cell.fraction is not None:  # "+1 (less than 1%)": the exact change, in those words
        sheet.write_number(r, c + 1, cell.fraction, words(_BEYOND_WHOLE.search(cell.text)[0]))
    elif share is not None:
        sheet.write_number(r, c + 1, share / 100, signed[1])
    elif difference:
        sheet.write_string(r, c + 1, cell.text, style)  # "new"
    else:
        sheet.write_blank(r, c + 1, None, style)  # none then, none now


def _about(document: Document, table) -> str:
    """The line under a sheet's title: whose figures, for when, which version, and where
    its notes are."""
    notes = " Notes are below the table." if _notes(table) else ""
    return f"{document.organisation}, {document.period_label}. {_version(document)}.{notes}"


def _notes(table) -> list[str]:
    """The lines under a table: the report's comparison of its figures with the year before
    (the percentage points the other formats print beside the chart), then its notes."""
    return [*table.said, *table.notes]


def _version(document: Document) -> str:
    # As the Word version's cover says it.
    return "Public version" if document.public else "Internal version: not for publication"


def _sheet_name(caption: str, used: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ and unique in the workbook.
    base = _words_within(re.sub(r"[\[\]:*?/\\]", "", caption).replace("Table ", "T"), 31)
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _words_within(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word's end: cut at 31 characters, demo
    2025/26's tabs read "T7 Complaints by service or tea" and "T2 Representations received
    mon"."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut if cut else text[:limit]
