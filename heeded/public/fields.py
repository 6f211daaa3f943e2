"""Form fields the GOV.UK patterns need and Django lacks: a three-box date with GOV.UK's
error messages, and a phone number that accepts how people really type one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

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


@dataclass(frozen=True)
class PartialDate:
    """A date someone remembers, perhaps only to the month."""

    year: int
    month: int
    day: int | None = None

    def __str__(self) -> str:
        month = dt.date(self.year, self.month, 1).strftime("%B")
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


class DateParts(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__(
            {"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput}
        )

    def decompress(self, value):
        if isinstance(value, PartialDate):
            return [value.day or "", value.month, value.year]
        return ["", "", ""]


class GovDateField(forms.Field):
    """Day, month and year boxes (GOV.UK "Dates" pattern) with its error messages.

    ``what`` names the date in messages ("Date of birth must include a month"). With
    ``day_optional`` a month and year are enough: people remember "last March". With
    ``within_years`` a year further back than that many years is refused as a slip ("Date of
    birth must be in 2000 or later"). ``error_parts`` says which boxes to highlight, as
    GOV.UK asks.
    """

    widget = DateParts

    def __init__(
        self,
        *,
        what: str,
        day_optional: bool = False,
        within_years: int | None = None,
        **kwargs,
    ):
        self.what = what
        self.day_optional = day_optional
        self.within_years = within_years
        self.error_parts: tuple[str, ...] = ()
        super().__init__(**kwargs)

    def clean(self, value):
        day, month, year = ((part or "").strip() for part in (value or ["", "", ""]))
        if not (day or month or year):
            if self.required:
                self._fail(f"Enter {self.what.lower()}", ("day", "month", "year"))
            return None
        missing = [
            name
            for name, part in (("day", day), ("month", month), ("year", year))
            if not part and not (name == "day" and self.day_optional)
        ]
        if missing:
            self._fail(f"{self.what} must include a {' and '.join(missing)}", tuple(missing))
        month_number = MONTHS.get(month.lower()) or (int(month) if month.isdigit() else 0)
        # Words in the day or month box are not a real date, whatever is in the year: say
        # so first, marking those boxes, rather than send someone to fix the year.
        not_numbers = tuple(
            name
            for name, wrong in (
                ("day", day and not day.isdigit()),
                ("month", not month.isdigit() and month.lower() not in MONTHS),
            )
            if wrong
        )
        if not_numbers:
            self._fail(f"{self.what} must be a real date", not_numbers)
        if not year.isdigit() or len(year) != 4:
            self._fail("Year must include 4 numbers", ("year",))
        try:
            when = dt.date(int(year), month_number, int(day) if day else 1)
        except (ValueError, OverflowError):
            # OverflowError: a number too long for any date ("99999999999999999999").
            self._fail(f"{self.what} must be a real date", ("day", "month", "year"))
        today = dt.date.today()
        if when > today:
            self._fail(f"{self.what} must be today or in the past", ("day", "month", "year"))
        if self.within_years is not None and when.year < today.year - self.within_years:
            earliest = today.year - self.within_years
            self._fail(f"{self.what} must be in {earliest} or later", ("year",))
        return PartialDate(when.year, when.month, when.day if day else None)

    def _fail(self, message: str, parts: tuple[str, ...]):
        self.error_parts = parts
        raise ValidationError(message)


PHONE = re.compile(r"^\+?[0-9 ()\-]{10,20}$")


def clean_phone(value: str) -> str:
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    if not PHONE.match(value) or not 10 <= len(digits) <= 15:
        raise ValidationError("Enter a phone number, like 01632 960 001 or 07700 900 982")
    return value


POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def clean_postcode(value: str) -> str:
    value = re.sub(r"\s+", " ", value.strip().upper())
    if not POSTCODE.match(value):
        raise ValidationError("Enter a real postcode, like AA1 1AA")
    if " " not in value:
        value = f"{value[:-3]} {value[-3:]}"
    return value
