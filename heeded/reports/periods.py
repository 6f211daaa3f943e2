"""Reporting periods: a financial year, a half or quarter of one, or any span of dates.

A period is inclusive at both ends, as measures-v1.md defines P = [from, to]. Labels are the
words a report prints: "2019/20" for a financial year (1 April to 31 March), "2019/20 H1"
and "2019/20 Q3" for its parts, "1 April 2019 to 30 September 2019" for anything else.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from heeded.calendars.dates import long_date
from heeded.calendars.working_days import (
    FIRST_YEAR,
    LAST_YEAR,
    add_calendar_months,
    in_known_years,
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"The end of the period ({self.end.isoformat()}) is before its start "
                f"({self.start.isoformat()})"
            )

    @property
    def months(self) -> int:
        """Calendar months the period touches (April to March: 12), for per-month rates."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def month_keys(self) -> list[str]:
        """ "YYYY-MM" for every calendar month the period touches, in order."""
        keys = []
        year, month = self.start.year, self.start.month
        for _ in range(self.months):
            keys.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys

    def as_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label}


def _year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year(start_year: int) -> Period:
    """1 April ``start_year`` to 31 March of the next year, labelled "2019/20"."""
    return Period(
        dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31), _year_label(start_year)
    )


_YEAR = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


def parse_year(text: str) -> Period:
    """A financial year written "2019/20", "2019-20" or "2019/2020"."""
    match = _YEAR.match(text or "")
    if not match:
        raise ValueError(f"'{text}' is not a financial year: write it as 2019/20 (or 2019-20)")
    first, second = int(match.group(1)), match.group(2)
    expected = first + 1
    if int(second) != (expected if len(second) == 4 else expected % 100):
        raise ValueError(
            f"'{text}' is not a financial year: the second year must follow the first "
            f"(for example {_year_label(first)})"
        )
    return financial_year(first)


def half_year(start_year: int, half: int) -> Period:
    """H1 is April to September, H2 October to March."""
    if half not in (1, 2):
        raise ValueError(f"A half year is 1 or 2, not {half}")
    start = dt.date(start_year, 4, 1) if half == 1 else dt.date(start_year, 10, 1)
    end = dt.date(start_year, 9, 30) if half == 1 else dt.date(start_year + 1, 3, 31)
    return Period(start, end, f"{_year_label(start_year)} H{half}")


def quarter(start_year: int, q: int) -> Period:
    """Q1 is April to June, ..., Q4 January to March."""
    if q not in (1, 2, 3, 4):
        raise ValueError(f"A quarter is 1, 2, 3 or 4, not {q}")
    start = add_calendar_months(dt.date(start_year, 4, 1), 3 * (q - 1))
    end = add_calendar_months(start, 3) - dt.timedelta(days=1)
    return Period(start, end, f"{_year_label(start_year)} Q{q}")


def custom(start: dt.date, end: dt.date) -> Period:
    """Any span of dates, labelled "1 April 2019 to 30 September 2019" (one day: "1 January
    2026")."""
    if end < start:
        raise ValueError(
            f"The end date ({end.isoformat()}) is before the start date ({start.isoformat()})"
        )
    if start == end:
        return Period(start, end, long_date(start))
    return Period(start, end, f"{long_date(start)} to {long_date(end)}")


def recognise(start: dt.date, end: dt.date) -> Period:
    """The financial year, half or quarter these dates make, or else a custom period.

    ``--from 2019-04-01 --to 2020-03-31`` is labelled "2019/20", like ``--year 2019/20``.
    """
    first = start.year if start.month >= 4 else start.year - 1
    named = [financial_year(first)]
    named += [half_year(first, h) for h in (1, 2)]
    named += [quarter(first, q) for q in (1, 2, 3, 4)]
    for period in named:
        if (period.start, period.end) == (start, end):
            return period
    return custom(start, end)


def reportable(start: dt.date, end: dt.date) -> Period:
    """The period a person asked for (in the application, an address or ``heeded report``),
    refused in words if the report could not be built: it counts working days, so it must
    lie within the years whose bank holidays are known. Its comparison years may fall
    earlier; they only select cases."""
    for day in (start, end):
        if not in_known_years(day):
            raise ValueError(
                f"A report can cover dates from {FIRST_YEAR} to {LAST_YEAR}, the years whose "
                f"bank holidays are known; {long_date(day)} is outside them."
            )
    return recognise(start, end)


def unfinished(period: Period, today: dt.date) -> bool:
    """Whether ``period`` ends after ``today``. Its report would say what was so on a day
    still to come ("On 31 March 2027, 15 complaints were still awaiting their Stage 1
    response") and count its months to come as months when none were received, so it is
    not reported on until it has ended; the part of it so far is a period ending today."""
    return period.end > today


def _years_earlier(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; the last day of a month stays the last day of it
    (28 February 2023 three years earlier is 29 February 2020, 29 February 2024 one year
    earlier is 28 February 2023)."""
    earlier = add_calendar_months(day, -12 * years)
    if (day + dt.timedelta(days=1)).month != day.month:
        return dt.date(
            earlier.year, earlier.month, calendar.monthrange(earlier.year, earlier.month)[1]
        )
    return earlier


def _shifted(period: Period, years: int) -> Period:
    one = dt.timedelta(days=1)
    # Shift the day before the start and the day after the end, so that a period starting
    # on the 1st or ending on the last day of a month still does (29 February safe: a year
    # ending 29 February 2024 is compared with one ending 28 February 2023).
    start = _years_earlier(period.start - one, years) + one
    end = _years_earlier(period.end + one, years) - one
    if recognise(period.start, period.end).label == period.label:
        return recognise(start, end)
    return custom(start, end)


# The measures spec: a report carries "each of up to three earlier years".
MOST_COMPARISONS = 3


def comparison_periods(period: Period, count: int = MOST_COMPARISONS) -> list[Period]:
    """The same span 1, 2, ... ``count`` years earlier, most recent first."""
    if not 0 <= count <= MOST_COMPARISONS:
        raise ValueError(f"A report compares 0 to {MOST_COMPARISONS} earlier years, not {count}")
    return [_shifted(period, years) for years in range(1, count + 1)]
