from heeded.reports.measures import compute_measures
from heeded.reports.periods import financial_year

from . import southampton


def test_southampton_2009_10_table_3_month_by_month(db):
    southampton.build()
    measures = compute_measures(financial_year(2009))
    by_month = measures["representations.by_month"]
    assert list(by_month) == southampton.MONTHS
    assert [sum(cells.values()) for cells in by_month.values()] == southampton.MONTH_TOTALS
    # October 2009: the most formal complaints (22); April and December the fewest (6).
    assert by_month["2009-10"]["complaint"] == 22
    assert by_month["2009-04"]["complaint"] == by_month["2009-12"]["complaint"] == 6
    # Months with none of a type leave the type out rather than carrying a 0.
    assert "comment" not in by_month["2009-04"]
    for code, counts in southampton.TABLE_3.items():
        assert [by_month[month].get(code, 0) for month in southampton.MONTHS] == counts
    assert measures["representations.total"] == 441
    assert measures["representations.per_month"] == 36.8  # 441 / 12 = 36.75, half up


def test_southampton_2009_10_table_2_how_received(db):
    southampton.build()
    measures = compute_measures(financial_year(2009))
    assert measures["representations.by_how_received"] == southampton.TABLE_2
    assert measures["complaints.total"] == 167
    assert measures["representations.by_type"]["mp_councillor_enquiry"] == 89
