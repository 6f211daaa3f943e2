import re

from crispy_forms_gds.layout import Field, Fieldset
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import capfirst

from heeded.organisation.models import REMINDER_MOST_DAYS, Organisation, Stage2ClockStart

from .base import GovukForm, numeric_input


def whole_number(name: str, low: int, high: int, **kwargs) -> forms.IntegerField:
    # Only the first letter made a capital: str.capitalize() would turn "MP" into "mp".
    sentence = capfirst(name)
    return forms.IntegerField(
        widget=numeric_input(),
        min_value=low,
        max_value=high,
        error_messages={
            "required": f"Enter the {name}",
            "invalid": f"{sentence} must be a whole number",
            "min_value": f"{sentence} must be between {low} and {high}",
            "max_value": f"{sentence} must be between {low} and {high}",
        },
        **kwargs,
    )


def _phone_number(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=40,
        required=False,
        # The public pages make it a tel: link, which only digits (and a leading +) dial.
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()-]*[0-9][0-9 ()-]*$",
                "Enter a phone number using digits, spaces and brackets, like 0300 555 0100",
            )
        ],
        **kwargs,
    )


def _web_address(
    what: str,
    field: str,
    help_text: str = "The council's own page, linked at the foot of every public form page.",
) -> forms.URLField:
    address = forms.URLField(
        label=f"{what}: web address (optional)",
        required=False,
        max_length=Organisation._meta.get_field(field).max_length,
        assume_scheme="https",
        help_text=help_text,
        error_messages={
            "invalid": f"{what} must be a web address, like https://www.council.gov.uk/privacy"
        },
    )
    address.called = f"{what} web address"  # its label's colon reads badly in a message
    return address


class WorkingDaysField(forms.CharField):
    """Working days typed in one box as "5, 2, 0": each once, the furthest ahead first."""

    message = (
        f"Reminder days must be whole numbers from 0 to {REMINDER_MOST_DAYS}, separated by "
        "commas, like 5, 2, 0"
    )

    def prepare_value(self, value):
        return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value

    def to_python(self, value) -> list[int]:
        words = [word for word in re.split(r"[,\s]+", super().to_python(value)) if word]
        if not all(word.isdigit() and int(word) <= REMINDER_MOST_DAYS for word in words):
            raise ValidationError(self.message, code="invalid")
        return sorted({int(word) for word in words}, reverse=True)


class OrganisationForm(GovukForm):
    name = forms.CharField(
        label="Organisation name",
        max_length=200,
        error_messages={"required": "Enter the organisation's name"},
    )
    department = forms.CharField(label="Department (optional)", max_length=200, required=False)
    reference_prefix = forms.CharField(
        label="Case reference prefix",
        help_text="Starts every new case reference, as in CS-2026-00042. Existing references "
        "do not change.",
        error_messages={"required": "Enter a case reference prefix"},
    )
    stage2_clock_start = forms.ChoiceField(
        label="When does the Stage 2 clock start?",
        choices=Stage2ClockStart.choices,
        widget=forms.RadioSelect,
        help_text="The Ombudsman counts from the request; many councils count from the agreed "
        "statement of complaint. Both dates are always recorded.",
        error_messages={"required": "Select when the Stage 2 clock starts"},
    )
    mp_enquiry_working_days = whole_number(
        "target for MP and councillor enquiries",
        1,
        60,
        label="Target for MP and councillor enquiries, in working days",
        help_text="A local target: there is no statutory timescale.",
    )
    small_number_threshold = whole_number(
        "small number threshold",
        # Below 3 a count of 1 or 2 would be printed: the public report would protect nobody.
        3,
        20,
        label="Small number threshold",
        help_text='In the public report, counts below this are shown as "fewer than" it, so '
        "no child can be identified. At least 3; 5 is usual.",
    )
    complaints_manager_name = forms.CharField(
        label="Complaints manager's name (optional)", max_length=200, required=False
    )
    complaints_email = forms.EmailField(
        label="Complaints team email address (optional)",
        required=False,
        max_length=Organisation._meta.get_field("complaints_email").max_length,
        help_text="Shown to the public on the feedback forms.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like "
            "complaints@council.gov.uk"
        },
    )

    safeguarding_phone = _phone_number(
        "Phone number for a worry about a child (optional)",
        help_text="Children's social care's front door. The public forms tell anyone worried "
        "about a child to call it.",
    )
    advocacy_service_name = forms.CharField(
        label="Who provides advocates for children and young people (optional)",
        max_length=200,
        required=False,
        help_text="For example, NYAS or Coram Voice. The young person's form tells a child "
        "who it is and how to contact them.",
    )
    advocacy_service_phone = _phone_number("Advocacy service's phone number (optional)")
    advocacy_service_url = _web_address(
        "Advocacy service",
        "advocacy_service_url",
        help_text="Its page for children and young people, linked from the young person's form.",
    )
    reminder_days_before = WorkingDaysField(
        label="Working days before a deadline to remind the responding manager (optional)",
        required=False,
        max_length=60,
        help_text="Separate them with commas, like 5, 2, 0: 0 is the day the response is due. "
        "Leave empty to remind only once a response is late.",
    )
    reminder_overdue_every = whole_number(
        "number of working days between reminders once late",
        0,
        REMINDER_MOST_DAYS,
        label="Once a response is late, remind again every … working days",
        help_text="The first reminder is on the first working day late. 0: only that one.",
    )
    privacy_notice_url = _web_address("Privacy notice", "privacy_notice_url")
    accessibility_statement_url = _web_address(
        "Accessibility statement", "accessibility_statement_url"
    )

    def layout(self):
        return [
            Field.text("name"),
            Field.text("department"),
            Field.text("reference_prefix", field_width=10),
            Field.radios("stage2_clock_start", legend_size="s"),
            Field.text("mp_enquiry_working_days", field_width=3),
            Field.text("small_number_threshold", field_width=3),
            Fieldset(
                Field.text("complaints_manager_name"),
                Field.text("complaints_email"),
                Field.text("safeguarding_phone", field_width=20),
                legend="Contact",
                legend_size="m",
            ),
            Fieldset(
                Field.text("advocacy_service_name"),
                Field.text("advocacy_service_phone", field_width=20),
                Field.text("advocacy_service_url"),
                legend="Advocacy for children and young people",
                legend_size="m",
            ),
            Fieldset(
                Field.text("reminder_days_before", field_width=10),
                Field.text("reminder_overdue_every", field_width=3),
                legend="Reminders to responding managers",
                legend_size="m",
            ),
            Fieldset(
                Field.text("privacy_notice_url"),
                Field.text("accessibility_statement_url"),
                legend="Links on the public forms",
                legend_size="m",
            ),
        ]
