"""What every casework form shares: GOV.UK field kinds, the error summary, yes/no answers."""

from __future__ import annotations

from django import forms

from heeded.cases.models import Person
from heeded.field_messages import NamesItsFields

from ..fields import PARTS, DateField, DateWidget

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]
YES_NO = [("yes", "Yes"), ("no", "No")]


# The complainant type of a child or young person complaining themselves (a default code:
# codes are stable, labels are the council's; the public young person's form records it).
YOUNG_PERSON_TYPE = "young_person"


def check_child_complainant(form: forms.Form, data: dict) -> bool:
    """Whether the complainant type is the child's, adding an error where "Made by a child
    or young person?" then does not say Yes: one fact asked twice. Left at "No" or
    unanswered, the case is missing from the report's complaints from children and young
    people (counted by the second answer) and no advocate is asked about."""
    kind = data.get("complainant_type")
    if kind is None or kind.code != YOUNG_PERSON_TYPE:
        return False
    if (
        "young_person" in form.fields
        and data.get("young_person") != "yes"
        and not form.has_error("young_person")
    ):
        form.add_error("young_person", f"Select Yes: you chose ‘{kind.label}’ for who they are")
    return True


def as_bool(answer: str) -> bool | None:
    """'yes' / 'no' / anything else (not recorded), as the case's nullable booleans."""
    return {"yes": True, "no": False}.get(answer)


def as_answer(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")


def yes_no(label: str, *, unknown: bool = False, required: bool = False, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=YES_NO_UNKNOWN if unknown else YES_NO,
        widget=forms.RadioSelect,
        required=required,
        **kwargs,
    )


def kept_in(model, name: str) -> int:
    """How many characters ``model.name`` holds: a text box for it says so beforehand, as
    PostgreSQL refuses anything longer (a server error) where SQLite keeps it whole."""
    return model._meta.get_field(name).max_length


def email_field() -> forms.EmailField:
    """A person's optional email address, as every form that asks for one asks."""
    return forms.EmailField(
        label="Email address",
        max_length=kept_in(Person, "email"),
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )


# A date of birth starts no clock, so any year may be one; before 1900 it is a slip of the
# keyboard (1012 for 2012), refused with the year it must be from.
EARLIEST_BIRTH_YEAR = 1900


def date_of_birth_field(
    *, name: str = "Date of birth", hint: str = "For a child or young person."
) -> DateField:
    """Someone's optional date of birth, as every staff form that asks for one asks: ``name``
    is how its messages call it ("Child's date of birth must be today or in the past")."""
    return DateField(
        name=name,
        label=f"{name} (optional)",
        past_only=True,
        earliest_year=EARLIEST_BIRTH_YEAR,
        required=False,
        help_text=f"{hint} For example, 27 3 2012".lstrip(),
    )


def kept_text(model, name: str, *, label: str, called: str = "", **kwargs) -> forms.CharField:
    """An optional text box for ``model.name``, holding as much as its column does; ``called``
    names it in its messages where its label would read badly there."""
    field = forms.CharField(label=label, max_length=kept_in(model, name), required=False, **kwargs)
    if called:
        field.called = called  # for every message naming it (see NamesItsFields)
    return field


def learning_for_report() -> forms.CharField:
    """The learning a case gives the annual report, published as typed: the same warning
    wherever it is written (recording a response, or editing the case later)."""
    return forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Learning for the annual report (anonymised)",
        help_text="Leave out names, dates and anything that could identify the people involved.",
    )


def kind_of(field: forms.Field) -> str:
    """Which GOV.UK component renders a field (casework/_field.html)."""
    widget = field.widget
    if isinstance(widget, DateWidget):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


class GovForm(NamesItsFields, forms.Form):
    """A form that renders with GOV.UK components and lists its errors for the summary."""

    # Messages in GOV.UK voice for fields that do not set their own.
    required_messages: dict[str, str] = {}
    # An action's argument whose refusal belongs beside a field of another name
    # (record_panel's ``held_on`` is this form's ``on``).
    refusal_fields: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.gov_kind = kind_of(field)
            if name in self.required_messages:
                field.error_messages["required"] = self.required_messages[name]

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the GOV.UK error summary, in the order of the form."""
        items = [("", str(message)) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            for message in self.errors.get(name, []):
                items.append((self.anchor(name, field), str(message)))
        return items

    def anchor(self, name: str, field: forms.Field) -> str:
        bound = self[name]
        if isinstance(field, DateField):
            first = field.bad_parts[0] if field.bad_parts else "day"
            return f"{bound.auto_id}_{first}"
        if field.gov_kind in ("radios", "checkboxes"):
            return f"{bound.auto_id}_0"
        return bound.auto_id

    def refusals(self, errors) -> None:
        """The procedure's refusals of the answers as given, found while cleaning, beside
        them with the form's own errors in one round; an answer the form already finds wrong
        (none given, not a date) says so once."""
        for error in errors:
            if getattr(error, "field", None) not in self.errors:
                self.refusal(error)

    def refusal(self, error) -> None:
        """Show the procedure's refusal in the error summary (the form keeps what was typed).

        When the action says which of its arguments the refusal is about (``error.field``)
        and this form asks it, the message also goes beside that field, linked from the
        summary, as GOV.UK forms do; otherwise it stands in the summary alone.
        """
        argument = getattr(error, "field", None)
        # An action's refusal is written as sentences (a command, an import report); as a
        # form's error message it takes no full stop at the end, as GOV.UK's do.
        message = str(error).removesuffix(".")
        name = self.refusal_fields.get(argument, argument)
        if name not in self.fields or self.fields[name].gov_kind == "hidden":
            name = None
        elif isinstance(self.fields[name], DateField):
            # The whole date is refused: every box is marked, the summary links to the day.
            self.fields[name].bad_parts = PARTS
        self.add_error(name, message)
