import datetime as dt

import pytest

from heeded.reports.periods import (
    Period,
    comparison_periods,
    custom,
    financial_year,
    half_year,
    parse_year,
    quarter,
    recognise,
)

D = dt.date


def test_a_financial_year_runs_from_1_april_to_31_march_and_is_labelled_like_the_seeds():
    year = financial_year(2019)
    assert (year.start, year.end, year.label) == (D(2019, 4, 1), D(2020, 3, 31), "2019/20")
    assert year.months == 12


def test_the_year_1999_to_2000_is_labelled_1999_00():
    assert financial_year(1999).label == "1999/00"


@pytest.mark.parametrize("text", ["2019/20", "2019-20", " 2019 / 20 ", "2019/2020"])
def test_a_financial_year_is_read_with_a_slash_or_a_hyphen(text):
    assert parse_year(text) == financial_year(2019)


@pytest.mark.parametrize("text", ["2019", "2019/21", "19/20", "2019/20/21", "", "twenty"])
def test_anything_else_is_refused_saying_how_to_write_a_year(text):
    with pytest.raises(ValueError, match="2019/20"):
        parse_year(text)


def test_halves_run_april_to_september_and_october_to_march():
    first, second = half_year(2019, 1), half_year(2019, 2)
    assert (first.start, first.end, first.label) == (D(2019, 4, 1), D(2019, 9, 30), "2019/20 H1")
    assert (second.start, second.end) == (D(2019, 10, 1), D(2020, 3, 31))
    assert first.months == second.months == 6
    with pytest.raises(ValueError):
        half_year(2019, 3)


def test_quarter_four_is_january_to_march_of_the_next_calendar_year():
    q4 = quarter(2019, 4)
    assert (q4.start, q4.end, q4.label) == (D(2020, 1, 1), D(2020, 3, 31), "2019/20 Q4")
    assert quarter(2019, 1).end == D(2019, 6, 30)
    with pytest.raises(ValueError):
        quarter(2019, 5)


def test_a_custom_period_is_labelled_with_its_dates_in_words():
    period = custom(D(2019, 4, 1), D(2019, 9, 30))
    assert period.label == "1 April 2019 to 30 September 2019"
    assert period.months == 6


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="before"):
        custom(D(2020, 1, 2), D(2020, 1, 1))
    with pytest.raises(ValueError):
        Period(D(2020, 1, 2), D(2020, 1, 1), "backwards")


def test_a_single_day_is_a_period_of_one_month():
    day = custom(D(2020, 1, 15), D(2020, 1, 15))
    assert day.label == "15 January 2020"  # not "15 January 2020 to 15 January 2020"
    assert day.months == 1 and day.contains(D(2020, 1, 15))
    assert not day.contains(D(2020, 1, 16))


def test_months_counts_the_calendar_months_touched():
    assert custom(D(2019, 4, 15), D(2019, 5, 2)).months == 2
    assert financial_year(2019).month_keys()[:2] == ["2019-04", "2019-05"]
    assert financial_year(2019).month_keys()[-1] == "2020-03"


def test_dates_making_a_financial_year_half_or_quarter_get_its_label():
    assert recognise(D(2019, 4, 1), D(2020, 3, 31)).label == "2019/20"
    assert recognise(D(2020, 1, 1), D(2020, 3, 31)).label == "2019/20 Q4"
    assert recognise(D(2019, 10, 1), D(2020, 3, 31)).label == "2019/20 H2"
    assert recognise(D(2019, 4, 2), D(2020, 3, 31)).label == "2 April 2019 to 31 March 2020"


def test_isle_of_wight_2019_20_compares_with_the_three_years_of_table_1_1():
    labels = [p.label for p in comparison_periods(financial_year(2019))]
    assert labels == ["2018/19", "2017/18", "2016/17"]


def test_comparisons_keep_halves_and_quarters():
    assert [p.label for p in comparison_periods(half_year(2019, 2), 2)] == [
        "2018/19 H2",
        "2017/18 H2",
    ]
    assert comparison_periods(quarter(2019, 4), 1)[0] == quarter(2018, 4)


def test_a_custom_span_is_compared_with_the_same_dates_earlier():
    earlier = comparison_periods(custom(D(2019, 5, 10), D(2019, 8, 20)), 1)[0]
    assert (earlier.start, earlier.end) == (D(2018, 5, 10), D(2018, 8, 20))


def test_a_period_ending_on_29_february_is_compared_with_one_ending_on_28_february():
    period = custom(D(2023, 3, 1), D(2024, 2, 29))
    one, two, three = comparison_periods(period, 3)
    assert (one.start, one.end) == (D(2022, 3, 1), D(2023, 2, 28))
    assert (three.start, three.end) == (D(2020, 3, 1), D(2021, 2, 28))


def test_a_period_from_1_march_keeps_all_of_a_leap_february_out_and_in():
    """The day before the start is the last of February, so 29 February is the last day
    before an earlier period, or the last day of it, never its first."""
    one = comparison_periods(custom(D(2024, 3, 1), D(2025, 2, 28)), 1)[0]
    assert (one.start, one.end) == (D(2023, 3, 1), D(2024, 2, 29))


def test_a_period_starting_on_29_february_is_compared_with_one_starting_on_1_march():
    earlier = comparison_periods(custom(D(2024, 2, 29), D(2024, 6, 30)), 1)[0]
    assert (earlier.start, earlier.end) == (D(2023, 3, 1), D(2023, 6, 30))


def test_no_comparisons_gives_an_empty_list_and_more_than_three_or_negative_is_refused():
    assert comparison_periods(financial_year(2019), 0) == []
    assert len(comparison_periods(financial_year(2019), 3)) == 3
    for count in (-1, 4):
        with pytest.raises(ValueError, match=f"0 to 3 earlier years, not {count}"):
            comparison_periods(financial_year(2019), count)
