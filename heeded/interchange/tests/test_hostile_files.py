"""Files that are not what they claim, or built to hurt: refused with a clear message and
nothing written."""

import datetime as dt
import io
import tracemalloc
import zipfile

import pytest

from heeded.cases.models import Case
from heeded.interchange import reading
from heeded.interchange.columns import NAMES
from heeded.interchange.importing import import_file

from .helpers import complaint, csv_file

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def refused(path):
    report = import_file(path, by=None, today=TODAY)
    assert not report.written and Case.objects.count() == 0
    return report.refused


def test_binary_junk_and_a_pdf_renamed_csv(tmp_path):
    pdf = tmp_path / "report.csv"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert refused(pdf) == "The file is a PDF, not a CSV file. Save the cases as CSV UTF-8."
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    assert refused(junk) == "The file contains NUL bytes, so it is not a CSV text file."


def test_latin_1_and_utf_16_are_refused_as_not_utf_8(tmp_path):
    text = ",".join(NAMES) + "\r\n" + ",".join(complaint(reference="Zoë").get(n, "") for n in NAMES)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(text.encode("utf-16"))
    assert refused(utf16) == "The file must be saved as UTF-8 CSV (this file is UTF-16)."


def test_each_cell_of_a_latin_1_file_that_is_not_utf_8_is_named_with_its_value(tmp_path):
    # Refused at the first bad byte, the file was said to be wrong at "line 3" alone: no
    # column, no value, and nothing about the other cells.
    rows = [
        complaint("IOW-1"),
        complaint("IOW-£2", natures="delay"),
        complaint("IOW-3", natures="café"),
    ]
    lines = [",".join(NAMES)] + [",".join(row.get(n, "") for n in NAMES) for row in rows]
    path = tmp_path / "latin.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    report = import_file(path, by=None, today=TODAY)
    assert not report.written and Case.objects.count() == 0
    not_utf8 = "This cell has characters that are not UTF-8"
    assert [(p.row, p.column, p.value, p.message[: len(not_utf8)]) for p in report.problems] == [
        (3, "reference", "IOW-£2", not_utf8),
        (4, "natures", "café", not_utf8),
        (4, "natures", "café", "café is not a nature code."),
    ]


def test_utf_8_with_a_byte_order_mark_is_fine(tmp_path):
    path = csv_file(tmp_path, [complaint(reference="Zoë-1")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert import_file(path, by=None, today=TODAY).written


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as out:
        out.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written
    assert refused(huge) == (
        "The file is 200 MB; the largest that can be imported is 50 MB. "
        "Split it into smaller files."
    )


def test_a_nul_byte_inside_a_row(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    path.write_bytes(path.read_bytes() + b"X,complaint\x00,2019-10-07" + b"," * 27 + b"\r\n")
    assert refused(path) == "The file contains NUL bytes, so it is not a CSV text file."


def test_a_header_of_ten_thousand_columns_is_refused_at_once(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(10_000)) + "\r\n", encoding="utf-8")
    assert refused(path) == (
        "The header row has 10,000 columns, but the case interchange format has 30. "
        "Check that this is a case interchange file."
    )


def test_a_data_row_of_ten_thousand_cells_is_one_problem(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write("X" + "," * 9_999 + "\r\n")
    report = import_file(path, by=None, today=TODAY)
    assert report.problems.total == 1
    assert report.problems.shown[0].message.startswith("Row 3 has 10,000 cells")


def test_ten_thousand_unknown_columns_do_not_make_ten_thousand_messages(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_COLUMNS", 20_000)
    path = tmp_path / "typos.csv"
    path.write_text(
        ",".join(["reference", "record_type", "received_on"] + [f"x{i}" for i in range(10_000)])
        + "\r\n",
        encoding="utf-8",
    )
    report = import_file(path, by=None, today=TODAY)
    assert report.problems.total == 10_000 and len(report.problems.shown) == 1_000
    assert report.problems.more == 9_000


def test_millions_of_empty_rows_are_not_read_for_ever(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write("\r\n" * (reading.MAX_EMPTY_RUN + 5) + ",".join(complaint("LATE").values()))
    assert refused(path) == (
        "The file has more than 10,000 empty rows in a row, from row 3. "
        "Delete the empty rows and try again."
    )


def test_a_few_empty_rows_are_skipped_and_numbering_stays_a_spreadsheets(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write("\r\n" + "," * 29 + "\r\n")
        out.write(",".join(complaint("B", received_on="bad").get(n, "") for n in NAMES) + "\r\n")
    report = import_file(path, by=None, today=TODAY)
    assert [p.row for p in report.problems] == [5]


def test_the_row_limit_is_checked_while_streaming(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 1_000)
    endless = (["x"] for _ in iter(int, 1))  # a generator that never ends
    with pytest.raises(reading.FileRefused, match="more than 1,000 rows"):
        for _ in reading._numbered(endless):
            pass


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(450):
            part.write(b"\0" * (1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert refused(bomb).startswith("The workbook expands to 450 MB")


def test_a_csv_called_xlsx_and_an_xlsx_called_csv(tmp_path):
    fake = tmp_path / "cases.xlsx"
    fake.write_text("reference\r\n", encoding="utf-8")
    assert refused(fake) == "The file is not a valid Excel workbook (.xlsx)."
    # It was told only that it is not a valid workbook, not what it is.
    fake.write_text("reference,record_type,received_on\r\nIOW-1,complaint,2019-10-07\r\n")
    assert refused(fake) == (
        "The file is a CSV text file, not an Excel workbook (.xlsx). Upload it with the .csv "
        "ending."
    )
    real = io.BytesIO()
    with zipfile.ZipFile(real, "w") as archive:
        archive.writestr("x", "y")
    renamed = tmp_path / "cases.csv"
    renamed.write_bytes(real.getvalue())
    assert "is an Excel workbook or another zip file" in refused(renamed)


def test_a_new_reference_a_spreadsheet_would_run_is_refused_naming_each(tmp_path):
    # The export would have to write each with a ' in front, so it could not give the
    # file's cell back (issue 5); every other cell of a row is a code, a date, a number
    # or true/false, which such text never is.
    formulas = ['=HYPERLINK("http://evil","x")', "+441234", "-20", "@SUM(A1)"]
    rows = [complaint(reference=text) for text in formulas]
    # The exporter's protective quote is taken off first: this is the reference =x.
    rows += [complaint(reference="'=x"), complaint(reference="IOW-2")]
    report = import_file(csv_file(tmp_path, rows), by=None, today=TODAY)
    assert not report.written and Case.objects.count() == 0
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (row, "reference", text) for row, text in enumerate([*formulas, "=x"], start=2)
    ]
    assert {p.message for p in report.problems} == {
        "A new reference cannot begin with =, +, - or @: a spreadsheet would run it as a "
        "formula, so the export could not give it back unchanged. Begin it with a letter or "
        "a number."
    }


def test_bad_quoting_names_the_row(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write('"B"x,complaint\r\n')
    assert refused(path).startswith("Row 3 is not valid CSV")


def test_other_extensions_are_refused(tmp_path):
    path = tmp_path / "cases.txt"
    path.write_text("reference\r\n")
    assert refused(path).startswith("cases.txt is not a CSV (.csv) or Excel workbook (.xlsx)")


def test_a_cell_of_a_megabyte_is_named_by_its_row_and_column(tmp_path):
    path = csv_file(tmp_path, [complaint(received_on="2019-10-07" + "x" * 1_000_000)])
    report = import_file(path, by=None, today=TODAY)
    assert not report.written and Case.objects.count() == 0
    [problem] = list(report.problems)
    assert (problem.row, problem.column) == (2, "received_on")
    assert len(str(problem)) < 300  # the value is shortened, not printed whole


def test_an_unclosed_quote_names_the_row_where_it_starts(tmp_path):
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write('IOW-2,"complaint\r\n' + "more text\r\n" * 20_000)
    assert refused(path).startswith("Row 3 is not valid CSV")


def test_a_row_of_millions_of_cells_is_refused_without_holding_them(tmp_path):
    # A 49 MB line of commas was split into a list of 51 million cells (570 MB), then
    # skipped as an empty row: "valid, 0 cases to create".
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write("," * 5_000_000 + "\r\n")
    tracemalloc.start()
    try:
        message = refused(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == (
        "Row 3 has more than 100,000 cells, but the case interchange format has 30 columns. "
        "Check that this is a case interchange file."
    )
    assert peak < 30 * 1024 * 1024


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # A PNG's NUL bytes were taken for UTF-16, and the manager told to re-save as UTF-8.
        (
            "photo.csv",
            PNG,
            "The file is a PNG image, not a CSV file. Save the cases as CSV UTF-8.",
        ),
        (
            "cases.csv",
            OLD_EXCEL,
            "The file is an Excel 97-2003 workbook (.xls), a password-protected workbook or "
            "another Office document, not a CSV file. Save the cases as CSV UTF-8.",
        ),
        (
            "cases.xlsx",
            OLD_EXCEL,
            "The file is an Excel 97-2003 workbook (.xls), a password-protected workbook or "
            "another Office document, not an Excel workbook (.xlsx). Save it as an Excel "
            "workbook (.xlsx) without a password, or as CSV UTF-8.",
        ),
        (
            "photo.xlsx",
            PNG,
            "The file is a PNG image, not an Excel workbook (.xlsx). Save it as an Excel "
            "workbook (.xlsx), or as CSV UTF-8.",
        ),
        (
            "cases.csv",
            "reference\r\n".encode("utf-32"),
            "The file must be saved as UTF-8 CSV (this file is UTF-32).",
        ),
        (
            "cases.csv",
            "reference,record_type\r\n".encode("utf-16-le"),
            "The file must be saved as UTF-8 CSV (this file is UTF-16).",
        ),
    ],
    ids=[
        "png",
        "xls-called-csv",
        "xls-called-xlsx",
        "png-called-xlsx",
        "utf-32",
        "utf-16-without-bom",
    ],
)
def test_a_file_of_another_kind_is_told_what_it_is(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert refused(path) == message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '"IOW-2"x,complaint',
            "Row 3 is not valid CSV: a cell's closing quote is followed by more text before "
            'the next comma. Inside a quoted cell, write a quote as two quotes ("").',
        ),
        (
            'IOW-2,"complaint,2019-10-07',
            "Row 3 is not valid CSV: a quote opened in this row is never closed, so the rest "
            "of the file would be read as one cell. Close the quote, or remove it.",
        ),
    ],
    ids=["stray", "unclosed"],
)
def test_broken_quotes_are_explained_in_words_not_the_csv_modules(tmp_path, line, message):
    # Were: "Row 3 is not valid CSV (',' expected after '"')" and "(unexpected end of data)".
    path = csv_file(tmp_path, [complaint()])
    with open(path, "a", encoding="utf-8") as out:
        out.write(line + "\r\n")
    assert refused(path) == message
