"""Dates written the GOV.UK way, the one place that says how: "5 January 2023".

GOV.UK's style: no leading zero, the month in full (abbreviated only in tables), no comma.
Written out directly rather than through Django's ``date`` filter, which looks up the
language and parses its format on every call (a fifth of a millisecond a row of a table).
"""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date | None) -> str:
    """5 January 2023 ("" when not recorded)."""
    return f"{day.day} {day:%B %Y}" if day else ""


def long_date_with_weekday(day: dt.date) -> str:
    """Thursday 5 January 2023: where the day of the week is the point (closure days)."""
    return f"{day:%A} {long_date(day)}"


def short_date(day: dt.date | None) -> str:
    """5 Jan 2023, for tables ("" when not recorded)."""
    return f"{day.day} {day:%b %Y}" if day else ""
