"""The recommendation and progress forms, drawn like the settings forms (GOV.UK, crispy)."""

from crispy_forms_gds.layout import Field
from django import forms

from heeded.reference.forms.base import GovukForm, numeric_input

from ..models import RecommendationStatus
from . import services

PUBLICATION = "Written for publication: no names or details that could identify anyone."


def publication_text(label: str, about: str, required: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea,
        help_text=f"{about} {PUBLICATION}",
        error_messages={"required": required},
    )


class ReportYearField(forms.CharField):
    """A report year, written as the report labels it ("2025/26"); "2025-26" is taken too."""

    def __init__(self, *, name: str, **kwargs):
        self.called = name
        super().__init__(
            max_length=None, widget=forms.TextInput(attrs={"spellcheck": "false"}), **kwargs
        )

    def clean(self, value):
        value = super().clean(value)
        return services.report_year(value, self.called) if value else value


class RecommendationForm(GovukForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="A short heading the report prints, for example Stage 1 response times.",
        error_messages={"required": "Enter a title"},
    )
    text = publication_text(
        "Recommendation", "As the report prints it.", "Enter the recommendation"
    )
    raised_in = ReportYearField(
        name="Raised in",
        label="Raised in",
        help_text="The report that made the recommendation, for example 2025/26.",
        error_messages={"required": "Enter the report year the recommendation was raised in"},
    )
    position = forms.IntegerField(
        label="Position",
        widget=numeric_input(),
        min_value=0,
        max_value=32767,
        help_text="Recommendations made in the same report are numbered in this order, lower "
        "numbers first.",
        error_messages={
            "required": "Enter a position",
            "invalid": "Position must be a whole number, like 3",
            "min_value": "Position must be 0 or more",
            "max_value": "Position must be 32767 or less",
        },
    )

    def __init__(self, *args, adding: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            self.fields["position"].required = False
            self.fields["position"].label = "Position (optional)"
            self.fields["position"].help_text += " Leave empty to put it last."

    def layout(self):
        return [
            Field.text("title"),
            Field.textarea("text", rows=5),
            Field.text("raised_in", field_width=10),
            Field.text("position", field_width=4),
        ]


class ProgressForm(GovukForm):
    period_label = ReportYearField(
        name="Report year",
        label="Report year",
        help_text="The report that gives this progress, for example 2026/27. One entry a report.",
        error_messages={"required": "Enter the report year"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=RecommendationStatus.choices,
        widget=forms.RadioSelect,
        help_text="Completed recommendations are not carried into later reports.",
        error_messages={
            "required": "Select the status",
            "invalid_choice": "Select the status",
        },
    )
    text = publication_text(
        "Progress", "What has been done, as the report prints it.", "Enter the progress made"
    )

    def layout(self):
        return [
            Field.text("period_label", field_width=10),
            Field.radios("status", legend_size="s"),
            Field.textarea("text", rows=5),
        ]
