"""Workbooks edited in Excel: typed cells (dates, true/false, numbers) read as the same text."""

import datetime as dt
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
