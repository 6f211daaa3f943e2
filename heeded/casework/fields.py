"""Form fields with GOV.UK markup and messages: the date input and its three boxes."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.timezone import localdate

from heeded.calendars.working_days import in_known_years, known_years_limit

PARTS = ("day", "month", "year")


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
    """

    widget = DateWidget

    def __init__(self, *, name: str, missing: str = "", past_only: bool = False, **kwargs) -> None:
        self.name = name
        self.missing = missing or f"Enter the {name[0].lower() + name[1:]}"
        self.past_only = past_only
        fields = tuple(forms.CharField(required=False) for _ in PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        # Which of the three boxes to mark red: set by clean() for the template.
        self.bad_parts: tuple[str, ...] = ()

    def clean(self, value):
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                self.bad_parts = PARTS
                raise ValidationError(self.missing, code="required")
            return None
        missing = [name for name, text in zip(PARTS, parts, strict=True) if not text]
        if missing:
            self.bad_parts = tuple(missing)
            raise ValidationError(
                f"{self.name} must include a {' and '.join(missing)}", code="incomplete"
            )
        # As the public form and GOV.UK's date input: words in the day or month are not a
        # real date (say so first, marking those boxes); a year of other than 4 numbers
        # ("22", "20222") is told so, marking the year.
        not_numbers = tuple(
            name for name, text in zip(PARTS[:2], parts[:2], strict=True) if not text.isdigit()
        )
        if not_numbers:
            self.bad_parts = not_numbers
            raise ValidationError(f"{self.name} must be a real date", code="invalid")
        if not (parts[2].isdigit() and len(parts[2]) == 4):
            self.bad_parts = ("year",)
            raise ValidationError("Year must include 4 numbers", code="year_digits")
        try:
            day, month, year = (int(p) for p in parts)
            value = dt.date(year, month, day)
        except (ValueError, OverflowError):
            # OverflowError: a number too long for any date ("99999999999999999999").
            self.bad_parts = PARTS
            raise ValidationError(f"{self.name} must be a real date", code="invalid") from None
        if self.past_only and value > localdate():
            self.bad_parts = PARTS
            raise ValidationError(f"{self.name} must be today or in the past", code="future")
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
