"""Choosing a report's period: a financial year, a half or quarter of one, or any dates.

Errors are in the GOV.UK voice and name the field they belong to, so the page can show the
error summary with links to the right inputs.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from heeded.calendars.dates import long_date
from heeded.casework.fields import DateField

from . import periods

KINDS = [
    ("year", "A financial year"),
    ("half", "Half of a financial year"),
    ("quarter", "A quarter of a financial year"),
    ("custom", "Other dates"),
]


def year_choices(today: dt.date | None = None) -> list[tuple[str, str]]:
    today = today or dt.date.today()
    current = today.year if today.month >= 4 else today.year - 1
    return [(str(y), periods.financial_year(y).label) for y in range(current, current - 10, -1)]


class DateParts:
    """A GOV.UK date input's three boxes read from the query string."""

    def __init__(self, data, name: str, label: str):
        self.name, self.label = name, label
        self.day = (data.get(f"{name}-day") or "").strip()
        self.month = (data.get(f"{name}-month") or "").strip()
        self.year = (data.get(f"{name}-year") or "").strip()
        self.error = ""

    def parts(self):
        return [
            ("day", "Day", self.day, 2),
            ("month", "Month", self.month, 2),
            ("year", "Year", self.year, 4),
        ]

    def clean(self) -> dt.date | None:
        # Read as every date box in the application reads its three boxes.
        field = DateField(name=self.label, required=True)
        try:
            return field.clean([self.day, self.month, self.year])
        except ValidationError as error:
            self.error = error.messages[0]
            return None


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        choices=KINDS, error_messages={"required": "Select which period the report covers"}
    )
    year = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select a financial year from the list"},
    )
    half = forms.ChoiceField(
        required=False, choices=[("1", "April to September"), ("2", "October to March")]
    )
    quarter = forms.ChoiceField(
        required=False,
        choices=[
            ("1", "Q1: April to June"),
            ("2", "Q2: July to September"),
            ("3", "Q3: October to December"),
            ("4", "Q4: January to March"),
        ],
    )

    def __init__(self, data=None, today: dt.date | None = None):
        super().__init__(data)
        self.fields["year"].choices = year_choices(today)
        # The last complete financial year is the one usually reported on.
        self.default_year = self.fields["year"].choices[1][0]
        self.today = today or dt.date.today()
        source = data or {}
        self.start = DateParts(source, "from", "Start date")
        self.end = DateParts(source, "to", "End date")
        self.period: periods.Period | None = None

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if (
            kind in ("year", "half", "quarter")
            and not data.get("year")
            and "year" not in self.errors
        ):
            self.add_error("year", "Select the financial year")
        if self.errors:
            return data
        year = int(data["year"]) if data.get("year") else None
        if kind == "year":
            self.period = periods.financial_year(year)
        elif kind == "half":
            self.period = periods.half_year(year, int(data.get("half") or 1))
        elif kind == "quarter":
            self.period = periods.quarter(year, int(data.get("quarter") or 1))
        elif kind == "custom":
            self.period = self._custom()
        if kind != "custom" and periods.unfinished(self.period, self.today):
            self.add_error(
                "year",
                f"{self.period.label} does not end until {long_date(self.period.end)}: for "
                "the part of it so far, choose Other dates and end them today",
            )
            self.period = None
        return data

    def _custom(self) -> periods.Period | None:
        start, end = self.start.clean(), self.end.clean()
        if start and end and end < start:
            self.end.error = "End date must be the same as or after the start date"
        elif end and end > self.today:
            self.end.error = "End date must be today or in the past"
        if start and start > self.today:
            self.start.error = "Start date must be today or in the past"
        for parts in (self.start, self.end):
            if parts.error:
                self.add_error(None, parts.error)
        if self.start.error or self.end.error:
            return None
        return periods.recognise(start, end)

    @property
    def date_parts(self) -> list[DateParts]:
        return [self.start, self.end]

    def error_list(self) -> list[tuple[str, str]]:
        """(message, anchor) pairs for the GOV.UK error summary."""
        errors = []
        for name in ("kind", "year"):
            for message in self.errors.get(name, []):
                errors.append((message, f"id_{name}"))
        for parts in (self.start, self.end):
            if parts.error:
                errors.append((parts.error, f"{parts.name}-day"))
        return errors
