"""Workbooks built to hurt: held to the memory and time of their real rows, refused with a
message naming what is wrong, never read in part without a word."""

import datetime as dt
import re
import tracemalloc
import zipfile

import pytest
import xlsxwriter

from heeded.cases.models import Case
from heeded.interchange import reading
from heeded.interchange.importing import import_file

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def workbook(tmp_path, rows, name="cases.xlsx"):
    """A workbook as Excel writes one: a declared size, text in a table of shared strings."""
    path = tmp_path / name
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for number, row in enumerate([["reference", "record_type", "received_on"], *rows]):
        sheet.write_row(number, 0, row)
    book.close()
    return path


def rewrite(path, part: str, change) -> None:
    """Rewrite one part of the workbook, as a program writing it by hand might."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_declared_size_of_every_column_does_not_pad_each_row_to_it(tmp_path):
    # A sheet may declare itself A1:XFD1048576; read as declared, each row was 16,384 cells
    # (measured: four and a half minutes for a 1.5 MB file of 200,000 rows).
    path = workbook(tmp_path, [["WB-1", "complaint", "2022-09-12"]])
    rewrite(
        path,
        SHEET,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    with reading.open_table(path) as table:
        rows = list(table.rows)
    assert [(number, cells) for number, cells in rows] == [(2, ["WB-1", "complaint", "2022-09-12"])]


def test_a_sheet_that_declares_no_size_is_not_read_through_before_its_first_row(tmp_path):
    # Without a declared size, openpyxl read the whole sheet first to find it, holding every
    # row: a gigabyte for a 25 MB workbook of ten million empty rows.
    path = workbook(tmp_path, [["WB-1", "complaint", "2022-09-12"]])
    empty_rows = b"".join(b'<row r="%d"/>' % n for n in range(3, 400_003))
    rewrite(
        path,
        SHEET,
        lambda xml: re.sub(rb"<dimension [^>]*/>", b"", xml).replace(
            b"</sheetData>", empty_rows + b"</sheetData>"
        ),
    )
    tracemalloc.start()
    try:
        report = import_file(path, by=None, today=TODAY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.refused.startswith("The file has more than 10,000 empty rows in a row")
    assert peak < 20 * 1024 * 1024


def test_a_table_of_millions_of_shared_strings_is_refused_before_it_is_read(tmp_path):
    # 63 MB of one-letter strings held 450 MB and took 24 seconds to read.
    path = workbook(tmp_path, [["WB-1", "complaint", "2022-09-12"]])
    many = b"<si><t>a</t></si>" * (reading.MAX_XLSX_STRINGS + 1)
    rewrite(path, STRINGS, lambda xml: xml.replace(b"</sst>", many + b"</sst>"))
    report = import_file(path, by=None, today=TODAY)
    assert report.refused == (
        "The workbook holds more text than a case interchange file of 1,000,000 rows can. "
        "Check that this is a case interchange file, or save it as CSV UTF-8."
    )
    assert Case.objects.count() == 0


def test_a_row_stored_out_of_order_is_refused_never_dropped(tmp_path):
    path = workbook(
        tmp_path, [["WB-1", "compliment", "2022-09-12"], ["WB-2", "compliment", "2022-09-13"]]
    )
    # Row 3 stored before row 2: openpyxl's reader skipped row 2 without a word.
    rewrite(
        path,
        SHEET,
        lambda xml: re.sub(rb'(<row r="2".*?</row>)(<row r="3".*?</row>)', rb"\2\1", xml),
    )
    report = import_file(path, by=None, today=TODAY)
    assert report.refused.startswith("Row 2 is stored after row 3 in the workbook")
    assert Case.objects.count() == 0


def test_a_value_in_the_last_column_of_the_sheet_names_its_row_column_and_value(tmp_path):
    path = workbook(tmp_path, [["WB-1", "complaint", "2022-09-12"]])
    far = b'<c r="XFD2" t="inlineStr"><is><t>stray</t></is></c></row>'
    rewrite(path, SHEET, lambda xml: xml.replace(b"</row>", far, 2).replace(far, b"</row>", 1))
    report = import_file(path, by=None, today=TODAY)
    assert report.refused == (
        "Row 2 has a value in column XFD ('stray'), but the case interchange format has 30 "
        "columns. Check that this is a case interchange file."
    )


def test_a_zip_that_is_not_a_workbook_is_told_so_in_words(tmp_path):
    path = tmp_path / "cases.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert import_file(path, by=None).refused == (
        "The file is not a valid Excel workbook (.xlsx). Save it from Excel or LibreOffice "
        "as .xlsx, or as CSV UTF-8."
    )
