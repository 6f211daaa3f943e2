"""Working days as SI 2006/1738 reg 2 and FOIA s.10(6) count them.

Reference dates: shared/domain.md section 6.3 (worked examples) and 6.4 (England and Wales
bank holidays 2019-2027), and the examples of shared/spec/measures-v1.md.
"""

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heeded.calendars.working_days import (
    Calendar,
    add_calendar_months,
    add_working_days,
    add_working_days_array,
    bank_holidays,
    calendar_month_deadline,
    describe_deadline,
    describe_working_days_left,
    is_working_day,
    working_days,
    working_days_array,
    working_days_left,
)

D = dt.date
UK = Calendar.UK


class TestTheSpecExamples:
    def test_received_monday_answered_next_monday_is_five_working_days(self):
        assert working_days(D(2025, 6, 2), D(2025, 6, 9)) == 5

    def test_the_day_of_receipt_is_day_zero(self):
        assert working_days(D(2025, 6, 2), D(2025, 6, 2)) == 0
        assert working_days(D(2025, 6, 2), D(2025, 6, 3)) == 1

    def test_the_cli_examples_of_the_foundation_issue(self):
        # Monday 12 Sep 2022 + 10: the State Funeral on Monday 19 Sep is skipped.
        assert add_working_days(D(2022, 9, 12), 10) == D(2022, 9, 27)
        assert working_days(D(2019, 12, 20), D(2020, 1, 6)) == 8
        assert add_working_days(D(2019, 12, 20), 20, UK) == D(2020, 1, 23)


class TestWorkedExamplesOfDomainSection63:
    @pytest.mark.parametrize(
        "received, days, calendar, due",
        [
            (D(2019, 12, 20), 10, Calendar.ENGLAND_AND_WALES, D(2020, 1, 8)),
            (D(2019, 12, 20), 20, Calendar.ENGLAND_AND_WALES, D(2020, 1, 22)),
            # 2 January 2020 is a Scottish bank holiday, so FOI loses a day.
            (D(2019, 12, 20), 20, UK, D(2020, 1, 23)),
            (D(2019, 12, 20), 25, Calendar.ENGLAND_AND_WALES, D(2020, 1, 29)),
            (D(2019, 12, 20), 65, Calendar.ENGLAND_AND_WALES, D(2020, 3, 25)),
            # Good Friday, Easter Monday and the early May bank holiday excluded.
            (D(2025, 4, 17), 10, Calendar.ENGLAND_AND_WALES, D(2025, 5, 6)),
            (D(2025, 4, 17), 20, UK, D(2025, 5, 20)),
            # Received on a Saturday: the Monday after is day 1.
            (D(2025, 6, 7), 20, UK, D(2025, 7, 4)),
            (D(2025, 12, 19), 20, Calendar.ENGLAND_AND_WALES, D(2026, 1, 21)),
            (D(2025, 12, 19), 20, UK, D(2026, 1, 22)),
        ],
    )
    def test_deadline(self, received, days, calendar, due):
        assert add_working_days(received, days, calendar) == due


class TestSpecialAndMoveableBankHolidays:
    def test_easter_2025_good_friday_and_easter_monday_are_not_working_days(self):
        assert not is_working_day(D(2025, 4, 18))
        assert not is_working_day(D(2025, 4, 21))
        assert is_working_day(D(2025, 4, 22))

    def test_the_2022_platinum_jubilee_thursday_and_friday(self):
        # Received Wed 1 June 2022: Thu 2 and Fri 3 June were bank holidays.
        assert add_working_days(D(2022, 6, 1), 1) == D(2022, 6, 6)
        assert working_days(D(2022, 6, 1), D(2022, 6, 6)) == 1
        # The late May bank holiday moved to the Jubilee: 30 May 2022 was a working day.
        assert is_working_day(D(2022, 5, 30))

    def test_the_2022_state_funeral_of_queen_elizabeth(self):
        assert not is_working_day(D(2022, 9, 19))
        assert working_days(D(2022, 9, 16), D(2022, 9, 20)) == 1

    def test_the_2023_coronation_from_a_saturday_start(self):
        # ecosystem.md trap: Sat 6 May 2023 + 1 is Tue 9 May (Mon 8 May was the Coronation).
        assert add_working_days(D(2023, 5, 6), 1) == D(2023, 5, 9)
        assert not is_working_day(D(2023, 5, 8))

    def test_christmas_substitute_days(self):
        # 2021: Christmas and Boxing Day fell at the weekend; 27 and 28 Dec substitute.
        assert not is_working_day(D(2021, 12, 27))
        assert not is_working_day(D(2021, 12, 28))
        assert is_working_day(D(2021, 12, 29))
        # 2022: Christmas Day on a Sunday, so Tuesday 27 Dec substitutes.
        assert not is_working_day(D(2022, 12, 27))
        # 2020: Boxing Day on a Saturday, Monday 28 Dec substitutes.
        assert add_working_days(D(2020, 12, 24), 1) == D(2020, 12, 29)

    def test_2020_early_may_bank_holiday_moved_to_ve_day(self):
        assert not is_working_day(D(2020, 5, 8))
        assert is_working_day(D(2020, 5, 4))

    @pytest.mark.parametrize(
        "year, expected",
        [
            (2019, ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"]),
            (2020, ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"]),
            (2021, ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"]),
            (
                2022,
                [
                    "01-03",
                    "04-15",
                    "04-18",
                    "05-02",
                    "06-02",
                    "06-03",
                    "08-29",
                    "09-19",
                    "12-26",
                    "12-27",
                ],
            ),
            (
                2023,
                ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
            ),
            (2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"]),
            (2025, ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"]),
            (2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]),
            (2027, ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"]),
        ],
    )
    def test_weekday_bank_holidays_match_the_gov_uk_list(self, year, expected):
        """domain.md section 6.4: the England and Wales list, weekdays only."""
        weekday_holidays = sorted(
            d.strftime("%m-%d")
            for d in bank_holidays(Calendar.ENGLAND_AND_WALES)
            if d.year == year and d.weekday() < 5
        )
        assert weekday_holidays == expected

    def test_scottish_and_northern_irish_holidays_count_only_for_foi(self):
        st_patricks_2025 = D(2025, 3, 17)
        assert is_working_day(st_patricks_2025)
        assert not is_working_day(st_patricks_2025, UK)
        assert not is_working_day(D(2020, 1, 2), UK)


class TestClosureDays:
    def test_closure_days_are_counted_only_when_passed_in(self):
        closed = [D(2025, 12, 29), D(2025, 12, 30), D(2025, 12, 31)]
        assert add_working_days(D(2025, 12, 19), 10) == D(2026, 1, 7)
        assert add_working_days(D(2025, 12, 19), 10, extra_closed=closed) == D(2026, 1, 12)


class TestSubjectAccess:
    @pytest.mark.parametrize(
        "received, due",
        [
            (D(2025, 1, 31), D(2025, 2, 28)),  # no 31 February: last day of the month
            (D(2024, 1, 31), D(2024, 2, 29)),  # leap year
            (D(2025, 3, 3), D(2025, 4, 3)),
            (D(2025, 4, 18), D(2025, 5, 19)),  # 18 May 2025 is a Sunday: next working day
            # Due Christmas Day 2025; Boxing Day and a weekend follow.
            (D(2025, 11, 25), D(2025, 12, 29)),
        ],
    )
    def test_one_calendar_month_with_the_day_of_receipt_as_day_one(self, received, due):
        assert calendar_month_deadline(received) == due

    def test_the_two_month_extension_counts_three_months_in_all(self):
        assert add_calendar_months(D(2025, 1, 31), 3) == D(2025, 4, 30)


class TestWorkingDaysLeft:
    def test_a_friday_deadline_seen_on_sunday_is_overdue_not_due_today(self):
        assert working_days_left(D(2025, 6, 8), D(2025, 6, 6)) == -1

    def test_a_deadline_today_is_zero_and_next_monday_from_friday_is_one(self):
        assert working_days_left(D(2025, 6, 6), D(2025, 6, 6)) == 0
        assert working_days_left(D(2025, 6, 6), D(2025, 6, 9)) == 1


class TestWords:
    @pytest.mark.parametrize(
        "days, words",
        [
            (3, "3 working days left"),
            (1, "1 working day left"),
            (0, "Due today"),
            (-1, "1 working day overdue"),
            (-2, "2 working days overdue"),
        ],
    )
    def test_working_days_left_in_words(self, days, words):
        assert describe_working_days_left(days) == words

    def test_a_friday_deadline_is_overdue_at_the_weekend_and_one_day_over_on_monday(self):
        friday = D(2025, 6, 6)
        assert describe_deadline(D(2025, 6, 6), friday) == "Due today"
        assert describe_deadline(D(2025, 6, 7), friday) == "Overdue"
        assert describe_deadline(D(2025, 6, 8), friday) == "Overdue"
        assert describe_deadline(D(2025, 6, 9), friday) == "1 working day overdue"
        assert describe_deadline(D(2025, 6, 5), friday) == "1 working day left"


class TestBadInput:
    def test_a_date_outside_the_known_years_is_refused_clearly(self):
        with pytest.raises(ValueError, match="outside the years"):
            add_working_days(D(1850, 1, 1), 3)


dates = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
calendars = st.sampled_from(list(Calendar))


class TestProperties:
    @settings(max_examples=300, deadline=None)
    @given(start=dates, n=st.integers(min_value=0, max_value=300), calendar=calendars)
    def test_the_nth_working_day_after_a_date_is_n_working_days_from_it(self, start, n, calendar):
        due = add_working_days(start, n, calendar)
        assert working_days(start, due, calendar) == n
        if n > 0:
            assert is_working_day(due, calendar)
            # ...and it is the first such day: the day before is n - 1 or fewer away.
            assert working_days(start, due - dt.timedelta(days=1), calendar) == n - 1

    @settings(max_examples=300, deadline=None)
    @given(a=dates, b=dates, calendar=calendars)
    def test_working_days_is_antisymmetric_and_additive(self, a, b, calendar):
        assert working_days(a, b, calendar) == -working_days(b, a, calendar)
        middle = min(a, b) + (max(a, b) - min(a, b)) / 2
        assert working_days(min(a, b), max(a, b), calendar) == working_days(
            min(a, b), middle, calendar
        ) + working_days(middle, max(a, b), calendar)

    @settings(max_examples=100, deadline=None)
    @given(
        pairs=st.lists(
            st.tuples(dates, st.integers(min_value=0, max_value=70)), min_size=1, max_size=50
        ),
        calendar=calendars,
    )
    def test_the_vectorised_forms_agree_with_the_scalar_ones(self, pairs, calendar):
        starts = np.array([p[0] for p in pairs], dtype="datetime64[D]")
        ns = np.array([p[1] for p in pairs])
        dues = add_working_days_array(starts, ns, calendar)
        assert [d.astype(dt.date) for d in dues] == [
            add_working_days(s, n, calendar) for s, n in pairs
        ]
        counts = working_days_array(starts, dues, calendar)
        assert counts.tolist() == ns.tolist()
        assert working_days_array(dues, starts, calendar).tolist() == (-ns).tolist()
