"""Comparison years in which Heeded holds no case are left out of the documents, not shown
as columns of zeros; the machine-readable report still carries them, as the spec defines."""

import copy
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from heeded.reports.build import build_report
from heeded.reports.document import Labels, build_document
from heeded.reports.document.structure import Note
from heeded.reports.measures import compute_measures, compute_supplementary
from heeded.reports.periods import financial_year
from heeded.reports.renderers import render_document

from .case_data import case, many
from .document_text import section_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db

NOTE = "There are no records for 2020/21, 2021/22 or 2022/23, so those years are not shown."


def words(document) -> str:
    return "\n".join(section_texts(document))


def records_from_2023():
    """Like the demo council: the first case was received in April 2023."""
    many(20, "complaint", dt.date(2023, 5, 2))
    many(6, "case_concern", dt.date(2023, 9, 12))
    case("complaint", dt.date(2023, 6, 1), stage1=(dt.date(2023, 6, 9), "upheld"))


def test_a_2023_24_report_for_records_starting_in_2023_shows_no_earlier_year(db):
    records_from_2023()
    report = build_report(financial_year(2023))  # the self-check runs inside
    # The machine-readable report is unchanged: three comparison years, every count 0.
    assert list(report["comparisons"]) == ["2022/23", "2021/22", "2020/21"]
    assert [m["representations.total"] for m in report["comparisons"].values()] == [0, 0, 0]

    document = build_document(report, labels=Labels.load())
    assert document.comparison_labels == []
    table_1 = next(t for t in document.tables() if t.id == "representations")
    assert table_1.header == ["Type of representation", "2023/24", "% of 27 representations"]
    total = next(r for r in table_1.rows if r.label == "Total representations")
    assert [c.text for c in total.cells] == ["Total representations", "27", ""]
    assert all(cell.period is None for t in document.tables() for r in t.rows for cell in r.cells)
    text = words(document)
    assert text.count(NOTE) == 1
    assert "27 representations were received in 2023/24." in text
    for earlier in ("2022/23", "2021/22", "2020/21"):
        assert text.count(earlier) == 1  # in the note, and nowhere else
    assert not re.search(r"\bnew\b", text)


def test_the_note_comes_in_the_introduction_before_any_table(db):
    records_from_2023()
    document = build_document(build_report(financial_year(2023)), labels=Labels.load())
    introduction = next(s for s in document.sections if s.id == "introduction")
    notes = [b.text for b in introduction.blocks if isinstance(b, Note)]
    assert notes == [NOTE]
    # Last, beside how the figures are given, not between the purpose and the procedure.
    assert introduction.blocks[-1].text == NOTE
    assert [s.id for s in document.sections][:2] == ["summary", "introduction"]


def test_a_year_with_only_a_stage_response_in_it_is_still_shown(db):
    # Received in 2022/23, answered at Stage 1 in 2023/24; the report is for 2024/25.
    case("complaint", dt.date(2023, 3, 20), stage1=(dt.date(2023, 4, 5), "not_upheld"))
    many(9, "complaint", dt.date(2024, 6, 3))
    report = build_report(financial_year(2024))
    document = build_document(report, labels=Labels.load())
    assert document.comparison_labels == ["2023/24", "2022/23"]
    assert "There are no records for 2021/22, so that year is not shown." in words(document)
    table_1 = next(t for t in document.tables() if t.id == "representations")
    assert table_1.header[:-1] == ["Type of representation", "2024/25", "2023/24", "2022/23"]
    # 2023/24 received nothing, so the summary compares with its 0 plainly, once.
    assert "9 representations were received in 2024/25, up from none in 2023/24." in (
        words(document)
    )


def test_the_sample_reports_empty_2016_17_is_left_out_of_every_format(db):
    report = sample_report()
    empty = financial_year(2016)  # no cases in this test's database
    report["comparisons"]["2016/17"] = compute_measures(empty)
    report["comparison_supplementary"] = copy.deepcopy(report.get("comparison_supplementary") or {})
    report["comparison_supplementary"]["2016/17"] = compute_supplementary(empty)
    document = build_document(report, labels=Labels.load())
    assert document.comparison_labels == ["2018/19", "2017/18"]
    assert "There are no records for 2016/17, so that year is not shown." in words(document)
    table_1 = next(t for t in document.tables() if t.id == "representations")
    assert table_1.header[:-1] == ["Type of representation", "2019/20", "2018/19", "2017/18"]
    html = render_document(document, "html").decode()
    assert html.count("2016/17") == 1
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    header = next(book[book.sheetnames[1]].iter_rows(min_row=3, max_row=3, values_only=True))
    assert header[:-1] == ("Type of representation", "2019/20", "2018/19", "2017/18")


def test_a_quarter_left_out_for_want_of_records_is_a_period_not_a_year(db):
    # Demo 2025/26 Q1: "There are no records for 2022/23 Q1, so that year is not shown."
    report = sample_report()
    report["period"]["label"] = "2019/20 Q1"
    report["comparisons"] = {
        "2018/19 Q1": report["comparisons"]["2018/19"],
        "2017/18 Q1": compute_measures(financial_year(2016)),  # nothing in this database
    }
    report["comparison_supplementary"] = {"2017/18 Q1": compute_supplementary(financial_year(2016))}
    document = build_document(report, labels=Labels.load())
    assert "There are no records for 2017/18 Q1, so that period is not shown." in words(document)
