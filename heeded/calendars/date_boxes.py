"""What the GOV.UK date input's three boxes must hold to be a date, and what to say when
they do not: one set of rules for the staff forms and the public ones.

The messages follow the GOV.UK Design System's date input: a missing part is named, words
in the day or month are "not a real date", a year must have 4 numbers; and each problem
says which boxes to mark red.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

PARTS = ("day", "month", "year")

# Month names as people type them, as GOV.UK accepts them: "March", "mar", "Sept".
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


class DateProblem(ValidationError):
    """A ValidationError that also says which boxes (``parts``) to mark red."""

    def __init__(self, message: str, code: str, parts: tuple[str, ...] = PARTS):
        super().__init__(message, code=code)
        self.parts = parts


def read_date_boxes(
    boxes, *, name: str, missing: str, day_optional: bool = False
) -> tuple[dt.date, bool] | None:
    """The date in ``boxes`` (day, month, year as typed) and whether a day was given; None
    when all three are empty. ``name`` is how messages call the date ("Date received");
    ``missing`` is the message for three empty boxes (raised only if ``missing`` is set).
    With ``day_optional`` a month and year are enough, the date being the 1st.

    Raises DateProblem naming the first problem, in GOV.UK's order.
    """
    day, month, year = (str(part or "").strip() for part in (boxes or ("", "", "")))
    if not (day or month or year):
        if missing:
            raise DateProblem(missing, "required")
        return None
    absent = tuple(
        part
        for part, text in zip(PARTS, (day, month, year), strict=True)
        if not text and not (part == "day" and day_optional)
    )
    if absent:
        raise DateProblem(f"{name} must include a {' and '.join(absent)}", "incomplete", absent)
    # Words in the day or month are not a real date, whatever is in the year: say so
    # first, marking those boxes, rather than send someone to fix the year.
    not_numbers = tuple(
        part
        for part, wrong in (
            ("day", day and not day.isdigit()),
            ("month", not month.isdigit() and month.lower() not in MONTHS),
        )
        if wrong
    )
    if not_numbers:
        raise DateProblem(f"{name} must be a real date", "invalid", not_numbers)
    # "22" or "20222" is told so, not taken for 2022.
    if not (year.isdigit() and len(year) == 4):
        raise DateProblem("Year must include 4 numbers", "year_digits", ("year",))
    month_number = MONTHS.get(month.lower()) or int(month)
    try:
        return dt.date(int(year), month_number, int(day) if day else 1), bool(day)
    except (ValueError, OverflowError):
        # OverflowError: a number too long for any date ("99999999999999999999").
        raise DateProblem(f"{name} must be a real date", "invalid") from None


def not_in_future(when: dt.date, today: dt.date, name: str) -> None:
    if when > today:
        raise DateProblem(f"{name} must be today or in the past", "future")
