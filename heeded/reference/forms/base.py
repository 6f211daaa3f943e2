from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils.functional import cached_property

from heeded.field_messages import NamesItsFields

from ..services.taxonomy import check_code_format


class GovukForm(NamesItsFields, forms.Form):
    """A form drawn by crispy-forms-gds inside a <form> the template writes."""

    @cached_property
    def helper(self):
        helper = FormHelper()
        helper.form_tag = False
        helper.layout = Layout(*self.layout())
        return helper

    def layout(self):
        return [Field(name) for name in self.fields]

    def full_clean(self):
        super().full_clean()
        # crispy-forms-gds outlines a text box in red when it is wrong, but not an email or
        # web address box: done here, so every box with an error looks it.
        for name in self.errors:
            widget = self.fields[name].widget if name in self.fields else None
            if isinstance(widget, (forms.EmailInput, forms.URLInput)):
                classes = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{classes} govuk-input--error".strip()

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the GOV.UK error summary, each linking to its own input.

        A radio group or checkbox group links to its first item and a date input to its
        day box, since no element carries the field's own id.
        """
        links = []
        first = next(iter(self.fields), "")
        links += [(f"id_{first}", message) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            anchor = self[name].auto_id
            if isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                anchor += "_1"
            elif isinstance(field.widget, forms.MultiWidget):
                anchor += "_0"
            links += [(anchor, message) for message in self.errors.get(name, [])]
        return links


def label_field(what: str) -> forms.CharField:
    return forms.CharField(
        label="Label",
        max_length=200,
        help_text=f"What officers and reports call this {what}.",
        error_messages={"required": "Enter a label"},
    )


def description_field() -> forms.CharField:
    return forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown in the annual report's glossary.",
    )


def numeric_input() -> forms.TextInput:
    # GOV.UK asks for type="text" with inputmode="numeric" rather than type="number".
    return forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})


def position_field(adding: bool = False) -> forms.IntegerField:
    return forms.IntegerField(
        widget=numeric_input(),
        label="Position in lists (optional)" if adding else "Position in lists",
        required=not adding,
        min_value=0,
        max_value=32767,
        help_text="Lower numbers come first. Leave empty to put it at the end."
        if adding
        else "Lower numbers come first.",
        error_messages={
            "required": "Enter a position",
            "invalid": "Position must be a whole number, like 3",
            "min_value": "Position must be 0 or more",
            "max_value": "Position must be 32767 or less",
        },
    )


def code_field() -> forms.CharField:
    return forms.CharField(
        label="Code",
        # The service checks the format and says what is wrong; no max_length here so that a
        # long code gets the same clear message whichever way it is sent.
        help_text="Lower-case letters, digits and underscores, like late_response. A code "
        "cannot be changed once added: imports, exports and reports use it.",
        error_messages={"required": "Enter a code"},
        validators=[check_code_format],
    )
