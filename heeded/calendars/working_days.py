"""Working days, as the law counts them.

The rules are those of ``shared/spec/measures-v1.md`` ("Working days"):

* A working day is Monday to Friday, excluding bank holidays. Children's and adult social
  care use the bank holidays of England and Wales (SI 2006/1738 reg 2 names Christmas Day,
  Good Friday and the Banking and Financial Dealings Act 1971 holidays). FOI and EIR exclude
  a bank holiday "in any part of the United Kingdom" (FOIA s.10(6); ICO LTT47).
* The working days *from* A *to* B are the working days d with A < d <= B: the day of
  receipt is day 0 (ICO; domain.md section 6.2).
* The deadline *N working days after* A is the N-th working day after A, even when A
  itself is a weekend or a holiday (Saturday 6 May 2023 + 1 is Tuesday 9 May, the Monday
  being the Coronation).

A council's own closure days never move a statutory clock (domain.md section 6.1); they are
passed in separately as ``extra_closed`` for internal targets only.

Everything is a small pure function over a numpy ``busdaycalendar`` so that one date and a
million dates are counted by the same rule.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from functools import cache, lru_cache

import holidays
import numpy as np

# Far enough either side for any case a council will still hold or import.
FIRST_YEAR = 1990
LAST_YEAR = 2075


class Calendar(StrEnum):
    """Which bank holidays stop a clock."""

    ENGLAND_AND_WALES = "england_and_wales"
    UK = "uk"

    @property
    def label(self) -> str:
        return {
            Calendar.ENGLAND_AND_WALES: "England and Wales bank holidays",
            Calendar.UK: "bank holidays anywhere in the UK",
        }[self]


# holidays.UnitedKingdom() without subdiv drops Easter Monday (ecosystem.md, traps), so
# every calendar is built from named subdivisions.
_SUBDIVISIONS = {
    Calendar.ENGLAND_AND_WALES: ("ENG",),
    Calendar.UK: ("ENG", "NIR", "SCT", "WLS"),
}


@cache
def bank_holidays(calendar: Calendar | str = Calendar.ENGLAND_AND_WALES) -> frozenset[dt.date]:
    """Every bank holiday of ``calendar`` from FIRST_YEAR to LAST_YEAR."""
    calendar = Calendar(calendar)
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    days: set[dt.date] = set()
    for subdivision in _SUBDIVISIONS[calendar]:
        days.update(holidays.UnitedKingdom(subdiv=subdivision, years=years).keys())
    return frozenset(days)


def bank_holidays_named(
    year: int, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> list[tuple[dt.date, str]]:
    """The bank holidays of one year with their names, for screens and the CLI."""
    named: dict[dt.date, str] = {}
    for subdivision in _SUBDIVISIONS[Calendar(calendar)]:
        for day, name in holidays.UnitedKingdom(subdiv=subdivision, years=[year]).items():
            named.setdefault(day, name)
    return sorted(named.items())


@cache
def _busdaycalendar(
    calendar: Calendar | str, extra_closed: frozenset[dt.date] = frozenset()
) -> np.busdaycalendar:
    days = bank_holidays(Calendar(calendar)) | extra_closed
    return np.busdaycalendar(
        weekmask="1111100", holidays=np.array(sorted(days), dtype="datetime64[D]")
    )


def in_known_years(day: dt.date) -> bool:
    """Whether working days can be counted from or to ``day``: its year's bank holidays
    are known. Forms and actions ask this first, so that a date typed as 1985 is refused in
    words beside the date rather than failing deep inside a deadline."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def known_years_limit(day: dt.date) -> str:
    """The limit a date outside the known years breaks, for messages: "1990 or later"
    ("Date received must be in 1990 or later") or "2075 or earlier"."""
    return f"{FIRST_YEAR} or later" if day.year < FIRST_YEAR else f"{LAST_YEAR} or earlier"


def _check_range(*days: dt.date) -> None:
    for day in days:
        if not in_known_years(day):
            raise ValueError(
                f"{day.isoformat()} is outside the years whose bank holidays are known "
                f"({FIRST_YEAR} to {LAST_YEAR})"
            )


def is_working_day(
    day: dt.date,
    calendar: Calendar | str = Calendar.ENGLAND_AND_WALES,
    extra_closed: Iterable[dt.date] = (),
) -> bool:
    _check_range(day)
    return bool(np.is_busday(day, busdaycal=_busdaycalendar(calendar, frozenset(extra_closed))))


def working_days(
    start: dt.date,
    end: dt.date,
    calendar: Calendar | str = Calendar.ENGLAND_AND_WALES,
    extra_closed: Iterable[dt.date] = (),
) -> int:
    """Working days from ``start`` to ``end``: the working days d with start < d <= end.

    Negative when ``end`` is before ``start`` (how far past a deadline we are).
    """
    return _working_days(start, end, Calendar(calendar), frozenset(extra_closed))


# Remembered: a dashboard asks for the same few hundred (today, deadline) pairs on every
# page, and an import for the same (received, limit) pairs on thousands of rows; each
# numpy call costs far more than a lookup. Bank holidays do not change while Heeded runs.
@lru_cache(maxsize=65_536)
def _working_days(
    start: dt.date, end: dt.date, calendar: Calendar, extra_closed: frozenset[dt.date]
) -> int:
    _check_range(start, end)
    if end < start:
        return -_working_days(end, start, calendar, extra_closed)
    cal = _busdaycalendar(calendar, extra_closed)
    one = dt.timedelta(days=1)
    # busday_count counts [begin, end); shifting both ends by a day gives (start, end].
    return int(np.busday_count(start + one, end + one, busdaycal=cal))


def add_working_days(
    start: dt.date,
    n: int,
    calendar: Calendar | str = Calendar.ENGLAND_AND_WALES,
    extra_closed: Iterable[dt.date] = (),
) -> dt.date:
    """The ``n``-th working day after ``start`` (``n`` = 0 gives ``start`` itself)."""
    return _add_working_days(start, n, Calendar(calendar), frozenset(extra_closed))


@lru_cache(maxsize=65_536)
def _add_working_days(
    start: dt.date, n: int, calendar: Calendar, extra_closed: frozenset[dt.date]
) -> dt.date:
    if n == 0:
        return start
    _check_range(start)
    cal = _busdaycalendar(calendar, extra_closed)
    # roll="backward" first moves a non-working start to the working day before it, so
    # that counting n from there lands on the n-th working day after the real start.
    # Going backwards the mirror rule applies.
    roll = "backward" if n > 0 else "forward"
    result = np.busday_offset(start, n, roll=roll, busdaycal=cal)
    return result.astype(dt.date)


def next_working_day_on_or_after(
    day: dt.date, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> dt.date:
    _check_range(day)
    return np.busday_offset(day, 0, roll="forward", busdaycal=_busdaycalendar(calendar)).astype(
        dt.date
    )


def add_calendar_months(start: dt.date, months: int) -> dt.date:
    """The same date ``months`` later, or the last day of that month when there is none."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last_day))


def calendar_month_deadline(
    received: dt.date, months: int = 1, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> dt.date:
    """A subject access deadline, as the ICO counts it since August 2019.

    The day of receipt is day 1; the deadline is the corresponding date ``months`` later, or
    the last day of that month where there is none (received 31 January: due 28 or 29
    February), moved to the next working day if it falls on a weekend or bank holiday
    (UK GDPR Art 12(3); domain.md section 5.3).
    """
    return next_working_day_on_or_after(add_calendar_months(received, months), calendar)


# Vectorised forms, for reports computing thousands of deadlines at once ------------------


def working_days_array(
    starts: np.ndarray, ends: np.ndarray, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> np.ndarray:
    """``working_days`` for arrays of dates (datetime64[D]); same rule, element by element."""
    starts = np.asarray(starts, dtype="datetime64[D]")
    ends = np.asarray(ends, dtype="datetime64[D]")
    one = np.timedelta64(1, "D")
    # numpy counts a reversed range differently from the spec, so count the ordered range
    # and put the sign back (negative: how far past a deadline).
    low, high = np.minimum(starts, ends), np.maximum(starts, ends)
    counts = np.busday_count(low + one, high + one, busdaycal=_busdaycalendar(calendar))
    return np.where(ends < starts, -counts, counts)


def add_working_days_array(
    starts: np.ndarray, n: int | np.ndarray, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> np.ndarray:
    """``add_working_days`` for arrays of dates; ``n`` is positive (deadlines)."""
    starts = np.asarray(starts, dtype="datetime64[D]")
    n = np.asarray(n)
    if np.any(n < 0):
        raise ValueError("add_working_days_array counts forwards only")
    result = np.busday_offset(starts, n, roll="backward", busdaycal=_busdaycalendar(calendar))
    # n == 0 means the start itself, even when that is not a working day.
    return np.where(n == 0, starts, result)


def working_days_left(
    today: dt.date, due: dt.date, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> int:
    """Working days until ``due`` (negative once it has passed).

    A deadline that has passed is never "due today": a Friday deadline seen on Sunday has
    no working day between, but it is overdue, so it counts as at least one day over (in
    words it is "Overdue": see ``describe_deadline``).
    """
    left = working_days(today, due, calendar)
    return min(left, -1) if due < today else left


def describe_deadline(
    today: dt.date, due: dt.date, calendar: Calendar | str = Calendar.ENGLAND_AND_WALES
) -> str:
    """A deadline in words, the same on the case page, the dashboards, the list and its CSV.

    A Friday deadline seen at the weekend has passed, but no working day has gone by since:
    it is "Overdue", not "Due today" and not yet "1 working day overdue" (that is Monday).
    """
    left = working_days(today, due, calendar)
    if left == 0 and due < today:
        return "Overdue"
    return describe_working_days_left(left)


def describe_working_days_left(days_left: int) -> str:
    """Plain words for a dashboard: "3 working days left", "2 working days overdue"."""
    if days_left == 0:
        return "Due today"
    unit = "working day" if abs(days_left) == 1 else "working days"
    if days_left > 0:
        return f"{days_left} {unit} left"
    return f"{-days_left} {unit} overdue"
