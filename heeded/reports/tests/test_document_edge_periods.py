"""Periods a council will ask for besides a busy year: a quarter with nothing in it, a
year with a single case. The report must still read as written by hand: no "0 of 0", no
empty tables, no table numbers skipped, no "1 complaints"."""

import datetime as dt
import re

import pytest

from heeded.reports.build import build_report
from heeded.reports.document import Labels, build_document
from heeded.reports.document.structure import Chart
from heeded.reports.periods import custom, financial_year, quarter

from .case_data import case
from .document_text import section_texts

pytestmark = pytest.mark.django_db


def document(period, public=False):
    return build_document(build_report(period), public=public, labels=Labels.load())


def words(doc) -> str:
    return "\n".join(section_texts(doc))


def empty_quarter():
    return document(quarter(2029, 4))


def one_case_year(public=False):
    case(
        "complaint",
        dt.date(2023, 4, 3),
        complainant_type="parent",
        how_received="letter",
        natures=["conduct_of_worker"],
        service_teams=["cast"],
        outcomes_sought=["apology"],
        actual_outcomes=["apology"],
        stage1=(dt.date(2023, 4, 11), "upheld"),
    )
    return document(financial_year(2023), public=public)


def test_tables_are_numbered_from_1_without_a_gap_when_a_table_is_left_out():
    # With no Stage 2 or 3 response the Stage 2 and 3 table is not printed; its number was
    # taken all the same, and the appendix came after a missing table.
    for doc in (empty_quarter(), one_case_year()):
        numbers = [int(re.match(r"Table (\d+):", t.caption).group(1)) for t in doc.tables()]
        assert numbers == list(range(1, len(numbers) + 1))


def test_a_period_with_nothing_in_it_prints_no_table_without_rows_and_no_chart_of_zeros():
    doc = empty_quarter()
    assert all(t.rows for t in doc.tables())
    charts = [b for s in doc.sections for b in s.blocks if isinstance(b, Chart)]
    assert not charts  # a chart of zeros has an axis from -0.06 to 0.06


@pytest.mark.usefixtures("every_table_printed")
def test_a_percentage_column_does_not_name_a_denominator_the_public_version_hides():
    # One complaint: the Total row says "fewer than 5", and the column header said
    # "% of 1 complaints".
    doc = one_case_year(public=True)
    headers = [h for t in doc.tables() for h in t.header if h.startswith("% of")]
    assert headers and all(h in ("% of complaints", "% of representations") for h in headers)


def test_a_denominator_of_one_is_singular_in_a_column_header():
    headers = [h for t in one_case_year().tables() for h in t.header if h.startswith("% of")]
    assert set(headers) == {"% of 1 complaint", "% of 1 representation"}


def test_a_period_with_nothing_in_it_says_none_rather_than_0_or_0_of_0():
    text = words(empty_quarter())
    assert "No representations were received in 2029/30 Q4." in text
    assert "No Stage 1 responses were completed in 2029/30 Q4." in text
    assert "No complaints went on to Stage 2." in text
    assert "The Ombudsman made no enquiries about complaints." in text
    assert "No complaints were made by children or young people." in text
    # Who complained, natures and outcomes say so rather than stand empty.
    assert text.count("No complaints were received in 2029/30 Q4.") == 3
    for wrong in (r"\b0 of 0\b", r"(^|\s)0 [a-zA-Z]", r"average of 0\.0", r"Of the 0"):
        assert not re.search(wrong, text, re.M), wrong


def test_a_hidden_number_of_responses_is_not_read_as_of_the_fewer_than_5():
    text = words(one_case_year(public=True))
    assert "Of the fewer than 5" not in text and "of fewer than 5" not in text
    assert "The number of Stage 1 responses by outcome is not published" in text


def test_a_single_case_is_not_written_in_the_plural():
    text = words(one_case_year())
    for wrong in (
        # Not "0.1 representations" (an average) nor "Stage 1 responses" (a name).
        r"(?<![\d.])(?<!Stage )1 (complaints|representations|Stage 1 responses)\b",
        r"of 1 (complaints|representations|Stage 1 responses)\b",
        r"\b1 of \d+ \(\d+%\) were\b",
        r"most often (asked for|given at Stage 1) were '[^']*' \(1\),",
    ):
        assert not re.search(wrong, text), (wrong, re.search(wrong, text))


def test_a_one_complaint_year_prints_table_1_and_says_the_breakdowns_are_too_small():
    # Table 1 carries the totals year on year and is always printed; the breakdowns of one
    # complaint would be all "fewer than 5" and each gives way to a line saying so.
    doc = one_case_year(public=True)
    printed = [t.id for t in doc.tables()]
    assert "representations" in printed
    assert "complainant_types" not in printed and "natures" not in printed
    assert (
        "The table of nature of complaints is not published in this version: its numbers are "
        'too small to publish (most would read "fewer than 5" or "withheld").'
    ) in doc.not_published


def test_a_custom_period_reads_from_and_to_and_a_day_reads_on():
    # "were received in 1 April 2023 to 30 June 2023" is not English.
    case("complaint", dt.date(2023, 4, 3), stage1=(dt.date(2023, 4, 11), "upheld"))
    text = words(document(custom(dt.date(2023, 4, 1), dt.date(2023, 6, 30))))
    assert "received from 1 April 2023 to 30 June 2023" in text
    assert "completed from 1 April 2023 to 30 June 2023" in text
    assert re.search(r"in \d{1,2} [A-Z][a-z]+ \d{4} to", text) is None
    day = words(document(custom(dt.date(2023, 4, 3), dt.date(2023, 4, 3))))
    assert "received on 3 April 2023" in day
    assert "in 3 April 2023" not in day


def test_only_a_financial_year_is_called_an_annual_report():
    assert empty_quarter().title == "Report on complaints and representations"
    assert one_case_year().title == "Annual report on complaints and representations"
