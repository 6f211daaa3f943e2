import datetime as dt

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from .base import GovukForm

# Messages that say exactly what is wrong; any other (a letter in the day box, say) becomes
# the GOV.UK "must be a real date".
KEPT = ("Date must include", "Enter the date", "Year must")


class ClosureDateField(DateInputField):
    """The GOV.UK date input, with the messages the design system asks for."""

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.error_messages["required"] = "Enter the date the offices are closed"
        self.error_messages["incomplete"] = "Enter the date the offices are closed"
        day, month, year = self.fields
        day.error_messages["incomplete"] = "Date must include a day"
        month.error_messages["incomplete"] = "Date must include a month"
        year.error_messages["incomplete"] = "Date must include a year"

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            messages = [m for m in error.messages if m.startswith(KEPT)]
            raise ValidationError(messages or ["Date must be a real date"]) from None

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError("Date must be a real date") from None


class ClosureDayForm(GovukForm):
    date = ClosureDateField(label="Date", help_text="For example, 24 12 2026")
    description = forms.CharField(
        label="What is the closure?",
        max_length=200,
        help_text="For example, Christmas Eve privilege day",
        error_messages={"required": "Enter what the closure is"},
    )

    called = {"description": "What the closure is"}

    def layout(self):
        return [Field("date"), Field("description")]
