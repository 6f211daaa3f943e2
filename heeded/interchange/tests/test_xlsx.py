"""Workbooks edited in Excel: typed cells (dates, true/false, numbers) read as the same text."""

import datetime as dt
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from heeded.cases.models import Case
from heeded.interchange.importing import import_file

pytestmark = pytest.mark.django_db


def test_typed_cells_of_a_workbook_import_like_their_text(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "reference",
            "record_type",
            "received_on",
            "young_person",
            "payment_amount",
            "stage1_responded_on",
            None,
            None,
        ]
    )
    sheet.append(["WB-1", "complaint", dt.datetime(2022, 9, 12), True, 250, dt.date(2022, 9, 26)])
    sheet.append([None] * 6)  # an empty row, as spreadsheets leave
    sheet.append(["WB-2", "compliment", "2023-05-08", False, 12.5])
    path = tmp_path / "edited.xlsx"
    book.save(path)
    report = import_file(path, by=None, today=dt.date(2024, 1, 1))
    assert report.written, [str(p) for p in report.problems]
    first = Case.objects.get(reference="WB-1")
    assert first.received_on == dt.date(2022, 9, 12) and first.young_person is True
    assert first.stage(1).responded_on == dt.date(2022, 9, 26)
    assert first.payments.get().amount == Decimal("250.00")
    assert Case.objects.get(reference="WB-2").payments.get().amount == Decimal("12.50")


def test_a_value_beyond_the_headings_is_named(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["reference", "record_type", "received_on"])
    sheet.append(["WB-1", "complaint", "2022-09-12", None, "stray"])
    path = tmp_path / "stray.xlsx"
    book.save(path)
    report = import_file(path, by=None)
    assert [str(p) for p in report.problems] == [
        "Row 2, E ('stray'): Column E has a value but no heading."
    ]


def test_a_formula_never_calculated_is_refused_naming_its_cell(tmp_path):
    # openpyxl, like other programs, saves a formula without its result; Excel saves both.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["reference", "record_type", "received_on"])
    sheet.append(["WB-1", "complaint", "2022-09-12"])
    sheet.append(['=CONCAT("WB-",2)', "complaint", "2022-09-12"])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    report = import_file(path, by=None)
    assert report.refused.startswith("Cell A3 holds a formula whose result was never saved")
    assert not report.written and Case.objects.count() == 0


def test_a_formula_with_its_saved_result_imports_the_result(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["reference", "record_type", "received_on"])
    sheet.append(['=CONCAT("WB-",1)', "compliment", "2022-09-12"])
    path = tmp_path / "saved.xlsx"
    book.save(path)
    _save_result_of_a2(path, b"WB-1")  # as Excel would
    report = import_file(path, by=None, today=dt.date(2024, 1, 1))
    assert report.written, [str(p) for p in report.problems]
    assert Case.objects.get().reference == "WB-1"


def _save_result_of_a2(path, text: bytes) -> None:
    """Write a text result beside cell A2's formula, which openpyxl saved without one."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = (
        parts[sheet]
        .replace(b'<c r="A2">', b'<c r="A2" t="str">')
        .replace(b"<v></v>", b"<v>" + text + b"</v>", 1)
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
