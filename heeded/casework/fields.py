"""Form fields with GOV.UK markup and messages: the date input and its three boxes."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.timezone import localdate

from heeded.calendars.date_boxes import PARTS, DateProblem, not_in_future, read_date_boxes
from heeded.calendars.working_days import in_known_years, known_years_limit


class DateWidget(forms.MultiWidget):
    """Day, month and year boxes named ``<name>_day`` and so on (the GOV.UK date input)."""

    def __init__(self, attrs=None):
        widgets = {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in PARTS}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A GOV.UK date input whose messages name the date, e.g. "Date received".

    ``name`` is how the date is called in messages ("Date received"); ``missing`` is the
    message when nothing is entered ("Enter the date the complaint was received").
    ``earliest_year`` is for a date that starts no clock (a date of birth): it need not be
    in the years whose bank holidays are known, only in that year or later.
    """

    widget = DateWidget

    def __init__(
        self,
        *,
        name: str,
        missing: str = "",
        past_only: bool = False,
        earliest_year: int | None = None,
        **kwargs,
    ) -> None:
        self.name = name
        self.earliest_year = earliest_year
        self.missing = missing or f"Enter the {name[0].lower() + name[1:]}"
        self.past_only = past_only
        fields = tuple(forms.CharField(required=False) for _ in PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        # Which of the three boxes to mark red: set by clean() for the template.
        self.bad_parts: tuple[str, ...] = ()

    def clean(self, value):
        try:
            read = read_date_boxes(
                value, name=self.name, missing=self.missing if self.required else ""
            )
            if read is None:
                return None
            value, _ = read
            if self.past_only:
                not_in_future(value, localdate(), self.name)
        except DateProblem as problem:
            self.bad_parts = problem.parts
            raise
        if self.earliest_year is not None:
            if value.year < self.earliest_year:
                self.bad_parts = ("year",)
                raise ValidationError(
                    f"{self.name} must be in {self.earliest_year} or later",
                    code="year_out_of_range",
                )
            return value
        # Every date typed here starts, stops or moves a clock counted in working days (or
        # picks out cases by such dates), and bank holidays are known only for some years.
        if not in_known_years(value):
            self.bad_parts = ("year",)
            raise ValidationError(
                f"{self.name} must be in {known_years_limit(value)}", code="year_out_of_range"
            )
        return value

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        return data_list
