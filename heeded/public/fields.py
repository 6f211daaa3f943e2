"""Form fields the GOV.UK patterns need and Django lacks: a three-box date with GOV.UK's
error messages, and a phone number that accepts how people really type one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from heeded.calendars.date_boxes import DateProblem, not_in_future, read_date_boxes


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
        try:
            read = read_date_boxes(
                value,
                name=self.what,
                missing=f"Enter {self.what.lower()}" if self.required else "",
                day_optional=self.day_optional,
            )
            if read is None:
                return None
            when, day_given = read
            today = dt.date.today()
            not_in_future(when, today, self.what)
        except DateProblem as problem:
            self.error_parts = problem.parts
            raise
        if self.within_years is not None and when.year < today.year - self.within_years:
            earliest = today.year - self.within_years
            self.error_parts = ("year",)
            raise ValidationError(f"{self.what} must be in {earliest} or later")
        return PartialDate(when.year, when.month, when.day if day_given else None)


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
