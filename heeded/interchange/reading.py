"""Reading an interchange file safely: CSV or XLSX, into a header and numbered rows of text.

Everything a hostile or mistaken file can do is stopped here with a message saying what is
wrong, before any row is validated and long before anything is written:

* size: over ``MAX_FILE_BYTES`` is refused before a byte is read;
* not text: a PDF, a zip, binary junk or NUL bytes in a ``.csv``;
* encoding: UTF-16 or UTF-32 (the file refused), or a cell that is not UTF-8, as in a
  Latin-1 file (each such cell named, with its value read as Windows-1252);
* shape: a header of more than ``MAX_COLUMNS`` columns (the format has 30);
* length: more than ``MAX_ROWS`` rows, or a run of more than ``MAX_EMPTY_RUN`` empty rows
  (so ten million blank lines are not read for ever); empty rows are skipped otherwise,
  because spreadsheets often leave some at the end, but a long run is refused rather than
  taken as the end of the data, so rows after a gap are never silently dropped;
* XLSX: a workbook that would expand to more than ``MAX_XLSX_EXPANDED`` bytes (a zip bomb),
  or whose shared strings (read whole) are more than its rows could need, is refused before
  they are read; the first sheet's rows are then streamed as stored, each as wide as its
  last value, whatever size the sheet declares, and a row stored out of order is refused.

Rows are numbered as a spreadsheet user counts them: the header is row 1. Cells come back as
text exactly as in the file (validation strips and unescapes them).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .columns import column_letter
from .problems import Problems

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_EMPTY_RUN = 10_000
MAX_COLUMNS = 200
# A data row wider than this is refused as the file's problem rather than the row's.
MAX_ROW_CELLS = 100_000
MAX_XLSX_EXPANDED = 400 * 1024 * 1024
MAX_XLSX_ENTRIES = 1_000
# Read whole before the first row: a million unique references take about 30 MB.
MAX_XLSX_SHARED_STRINGS = 64 * 1024 * 1024
MAX_XLSX_STRINGS = MAX_ROWS + 200_000
_STRING_ITEM = re.compile(rb"<(?:\w+:)?si[\s/>]")
BLANK = (None, "")
NOT_A_WORKBOOK = (
    "The file is not a valid Excel workbook (.xlsx). Save it from Excel or LibreOffice as "
    ".xlsx, or as CSV UTF-8."
)
UTF8_MESSAGE = "The file must be saved as UTF-8 CSV"
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f]")
NOT_UTF8 = re.compile("[\udc80-\udcff]")
NOT_UTF8_MESSAGE = (
    "This cell has characters that are not UTF-8: the file was probably saved as Latin-1 or "
    "Windows-1252. Save it as CSV UTF-8 and import it again."
)


class FileRefused(Exception):
    """The file cannot be read as an interchange file at all; the message says why."""


@dataclass
class Table:
    name: str
    format: str  # "csv" or "xlsx"
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]


def file_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise FileRefused(
        f"{Path(name).name} is not a CSV (.csv) or Excel workbook (.xlsx). "
        "Save the cases as CSV UTF-8 or as an .xlsx workbook."
    )


def check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise FileRefused(
            f"The file is {size / 1024 / 1024:,.0f} MB; the largest that can be imported is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )


@contextmanager
def open_table(path: str | os.PathLike, name: str | None = None, problems: Problems | None = None):
    """The file as a Table; raises FileRefused (also while its rows are read).

    A CSV cell that is not UTF-8 is read as Windows-1252 and added to ``problems``.
    """
    path = Path(path)
    name = name or path.name
    kind = file_format(name)
    if not path.is_file():
        raise FileRefused(f"There is no file at {path}. Check the name and the folder.")
    check_size(path.stat().st_size)
    if kind == "csv":
        with _open_csv(path, Problems() if problems is None else problems) as rows:
            yield _table(name, kind, rows)
    else:
        with _open_xlsx(path) as rows:
            yield _table(name, kind, rows)


def _table(name: str, kind: str, rows: Iterator[list[str]]) -> Table:
    try:
        header = next(rows)
    except StopIteration:
        raise FileRefused("The file is empty: it needs a header row and a row per case.") from None
    if kind == "xlsx":
        # Spreadsheets pad rows to the sheet's width: empty headings at the end are not columns.
        while header and header[-1] == "":
            header.pop()
    if len(header) > MAX_COLUMNS:
        raise FileRefused(
            f"The header row has {len(header):,} columns, but the case interchange format has "
            "30. Check that this is a case interchange file."
        )
    if not any(cell.strip() for cell in header):
        raise FileRefused("The first row must be the header row, naming the columns.")
    return Table(name, kind, header, _numbered(rows))


def _numbered(rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    empty_since = None
    for number, cells in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise FileRefused(
                f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files."
            )
        if not any(map(str.strip, cells)):
            empty_since = empty_since or number
            if number - empty_since >= MAX_EMPTY_RUN:
                raise FileRefused(
                    f"The file has more than {MAX_EMPTY_RUN:,} empty rows in a row, from row "
                    f"{empty_since:,}. Delete the empty rows and try again."
                )
            continue
        empty_since = None
        yield number, cells


# --- CSV -------------------------------------------------------------------------------------


# Files a manager may pick by mistake, by how they begin: what to tell them it is.
SIGNATURES = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    # Compound files: an Excel 97-2003 workbook, a Word document, or a workbook with a
    # password (Excel encrypts an .xlsx into one).
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": (
        "an Excel 97-2003 workbook (.xls), a password-protected workbook or another Office document"
    ),
}


def _signature(head: bytes) -> str:
    return next((kind for start, kind in SIGNATURES.items() if head.startswith(start)), "")


def _sniff_csv(path: Path) -> None:
    with open(path, "rb") as raw:
        head = raw.read(64 * 1024)
    if kind := _signature(head):
        raise FileRefused(f"The file is {kind}, not a CSV file. Save the cases as CSV UTF-8.")
    if head.startswith(b"PK\x03\x04"):
        raise FileRefused(
            "The file is an Excel workbook or another zip file, not a CSV file. "
            "Save it as CSV UTF-8, or upload the workbook with the .xlsx ending."
        )
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise FileRefused(f"{UTF8_MESSAGE} (this file is UTF-32).")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(head):
        raise FileRefused(f"{UTF8_MESSAGE} (this file is UTF-16).")
    if b"\x00" in head:
        raise FileRefused("The file contains NUL bytes, so it is not a CSV text file.")


def _looks_utf16(head: bytes) -> bool:
    # UTF-16 without a byte-order mark: text in the Latin alphabet has a NUL in every other
    # byte, all on the same side (binary junk has NULs anywhere).
    sample = head[:200]
    half = len(sample) // 2
    return half >= 2 and max(sample[0::2].count(0), sample[1::2].count(0)) >= half * 0.9


@contextmanager
def _open_csv(path: Path, problems: Problems):
    _sniff_csv(path)
    # Bytes that are not UTF-8 are kept (as surrogates) so each cell holding them can be
    # named, rather than the whole file refused at the first.
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        yield _csv_rows(text, problems)


def _csv_rows(text, problems: Problems) -> Iterator[list[str]]:
    # No cell can be longer than the file: one too long for its column is then refused by
    # validation, which names the column, rather than here, where only the row is known.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    lines = _Lines(text)
    reader = csv.reader(iter(lines), strict=True)
    number, names = 1, None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except _TooManyCells:
            raise FileRefused(
                f"Row {number:,} has more than {MAX_ROW_CELLS:,} cells, but the case "
                "interchange format has 30 columns. Check that this is a case interchange file."
            ) from None
        except csv.Error as error:
            raise FileRefused(_csv_problem(number, str(error))) from None
        if lines.not_utf8:
            row = _read_as_windows_1252(number, row, names, problems)
            lines.not_utf8 = False
        names = names or row
        yield row
        number += 1


class _TooManyCells(Exception):
    pass


class _Lines:
    """The file's lines for the csv reader, each looked at before it is split."""

    def __init__(self, text):
        self.text = text
        self.not_utf8 = False  # a line of the row being read has bytes that are not UTF-8

    def __iter__(self) -> Iterator[str]:
        for line in self.text:
            # The csv module holds a row's cells as a list: a 49 MB line of commas took
            # 570 MB. A comma inside quotes counts too, which only errs on a row far too
            # wide to be a case anyway.
            if line.count(",") >= MAX_ROW_CELLS:
                raise _TooManyCells
            if not line.isascii() and NOT_UTF8.search(line):
                self.not_utf8 = True
            yield line


def _read_as_windows_1252(number: int, row: list[str], names, problems: Problems) -> list[str]:
    """The row, each cell that is not UTF-8 named and read as Excel's "CSV" would have
    written it (Windows-1252, of which Latin-1 is nearly all), to be checked like the rest."""
    cells = []
    for index, cell in enumerate(row):
        if NOT_UTF8.search(cell):
            cell = cell.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
            column = names[index] if names and index < len(names) else column_letter(index)
            problems.add(number, column, cell, NOT_UTF8_MESSAGE)
        cells.append(cell)
    return cells


# The csv module's words for what is wrong with a row, in a council officer's.
CSV_PROBLEMS = {
    "expected after": (
        "a cell's closing quote is followed by more text before the next comma. Inside a "
        'quoted cell, write a quote as two quotes ("")'
    ),
    "unexpected end of data": (
        "a quote opened in this row is never closed, so the rest of the file would be read "
        "as one cell. Close the quote, or remove it"
    ),
}


def _csv_problem(number: int, problem: str) -> str:
    if "NUL" in problem:
        return f"Row {number:,} contains NUL bytes, so the file is not a CSV text file."
    why = next((words for key, words in CSV_PROBLEMS.items() if key in problem), "")
    if why:
        return f"Row {number:,} is not valid CSV: {why}."
    return f"Row {number:,} is not valid CSV ({problem}). Check its quotes."


# --- XLSX ------------------------------------------------------------------------------------


def _looks_like_csv(head: bytes) -> bool:
    # A CSV renamed .xlsx (or saved with the wrong ending): a first line of text with commas.
    line = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    return b"," in line and not CONTROL_BYTES.search(line)


def _check_zip(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as raw:
            head = raw.read(4096)
        if kind := _signature(head):
            # The password advice only for the kind that may be a protected workbook.
            unlocked = " without a password" if "password" in kind else ""
            raise FileRefused(
                f"The file is {kind}, not an Excel workbook (.xlsx). Save it as an Excel "
                f"workbook (.xlsx){unlocked}, or as CSV UTF-8."
            )
        if _looks_like_csv(head):
            raise FileRefused(
                "The file is a CSV text file, not an Excel workbook (.xlsx). Upload it with "
                "the .csv ending."
            )
        raise FileRefused("The file is not a valid Excel workbook (.xlsx).")
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_XLSX_ENTRIES:
        raise FileRefused("The workbook has too many parts to be a case interchange file.")
    # Declared sizes bind: zipfile stops at the declared size and checks the CRC.
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_XLSX_EXPANDED:
        raise FileRefused(
            f"The workbook expands to {expanded / 1024 / 1024:,.0f} MB, more than the "
            f"{MAX_XLSX_EXPANDED // 1024 // 1024} MB allowed. Save it as CSV UTF-8 instead."
        )


@contextmanager
def _open_xlsx(path: Path):
    # openpyxl's own read-only loader is not used: it reads every sheet through to find its
    # size when the sheet does not declare one (a gigabyte held for ten million empty
    # rows), and pads every row to the size a sheet declares (16,384 columns a row, minutes
    # for a small file). Its parts are used instead, on the first sheet alone.
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    _check_zip(path)
    try:
        reader = ExcelReader(str(path), read_only=True, data_only=True)
        reader.read_manifest()
        _check_shared_strings(reader)
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheet = _first_sheet(reader)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise FileRefused(NOT_A_WORKBOOK) from None
    try:
        _refuse_uncalculated_formulas(reader.archive, sheet)
        yield _sheet_rows(reader, sheet)
    finally:
        reader.archive.close()


def _check_shared_strings(reader) -> None:
    """Refuse a table of shared strings too big to hold: it is read whole, before any row."""
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return
    name = part.PartName[1:]
    size = reader.archive.getinfo(name).file_size
    if size > MAX_XLSX_SHARED_STRINGS or _count_strings(reader.archive, name) > MAX_XLSX_STRINGS:
        raise FileRefused(
            "The workbook holds more text than a case interchange file of "
            f"{MAX_ROWS:,} rows can. Check that this is a case interchange file, or save it "
            "as CSV UTF-8."
        )


def _count_strings(archive, name: str) -> int:
    # Each string costs far more held than stored (a 63 MB table of one-letter strings took
    # 450 MB): counted first, as the table is read whole. A tag cut in two by the chunking
    # is missed, which a limit can afford.
    count = 0
    with archive.open(name) as source:
        while chunk := source.read(_CHUNK):
            count += len(_STRING_ITEM.findall(chunk))
    return count


def _first_sheet(reader) -> str:
    """The path inside the zip of the workbook's first worksheet."""
    for _, link in reader.parser.find_sheets():
        if link.target in reader.valid_files and "chartsheet" not in link.Type:
            return link.target
    raise FileRefused("The workbook has no sheets.")


def _sheet_rows(reader, sheet: str) -> Iterator[list[str]]:
    """The sheet's rows as they come, those it leaves out as empty rows (to be counted)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = reader.wb
    with reader.archive.open(sheet) as source:
        parser = WorkSheetParser(
            source,
            reader.shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        expected = 1
        rows = parser.parse()
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            except Exception:  # damaged XML, a row numbered "x"
                raise FileRefused(
                    f"The workbook's first sheet is damaged after row {expected - 1:,}. Open it "
                    "in Excel or LibreOffice, save it, and import it again."
                ) from None
            if number < expected:
                # openpyxl would drop such a row without a word.
                raise FileRefused(
                    f"Row {number:,} is stored after row {expected - 1:,} in the workbook, so "
                    "it could be missed. Open the workbook in Excel or LibreOffice, save it, "
                    "and import it again."
                )
            yield from ([] for _ in range(expected, number))
            expected = number + 1
            yield _row_texts(number, cells)


def _row_texts(number: int, cells: list[dict]) -> list[str]:
    """A row's texts up to its last value: never wider than the format could need."""
    filled = [(cell["column"], cell["value"]) for cell in cells if cell["value"] not in BLANK]
    if not filled:
        return []
    width = max(column for column, _ in filled)
    if width > MAX_COLUMNS:
        column, value = min(item for item in filled if item[0] > MAX_COLUMNS)
        raise FileRefused(
            f"Row {number:,} has a value in column {column_letter(column - 1)} "
            f"({_cell_text(value)[:60]!r}), but the case interchange format has 30 columns. "
            "Check that this is a case interchange file."
        )
    texts = [""] * width
    for column, value in filled:
        texts[column - 1] = _cell_text(value)
    return texts


# A formula cell with no saved result: <c r="B2"><f>A2+1</f></c>, its <v> absent or empty.
_UNCALCULATED = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*'
    rb"<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_CHUNK = 1024 * 1024
_OVERLAP = 64 * 1024


def _refuse_uncalculated_formulas(archive, sheet: str) -> None:
    """Refuse a sheet holding a formula whose result was never saved.

    Excel and LibreOffice save each formula's result beside it, and that result is what is
    imported; a workbook written by a program may hold the formula alone, which would read
    as an empty cell ("the reference is missing") and hide the real cause.
    """
    with archive.open(sheet) as source:  # the sheet's XML, streamed from the zip
        tail = b""
        while chunk := source.read(_CHUNK):
            found = _UNCALCULATED.search(tail + chunk)
            if found:
                cell = found.group(1).decode()
                raise FileRefused(
                    f"Cell {cell} holds a formula whose result was never saved, as happens "
                    "when a program rather than a spreadsheet wrote the workbook. Open it in "
                    "Excel or LibreOffice, save it, and import it again, or paste the values "
                    "in place of the formulas."
                )
            tail = chunk[-_OVERLAP:]


def _cell_text(value) -> str:
    """An XLSX cell as the text the same cell would hold in the CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
