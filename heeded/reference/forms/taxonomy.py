from crispy_forms_gds.layout import Field
from django import forms

from heeded.procedures.declarations import PROCEDURE_CHOICES
from heeded.taxonomy.models import Family, Outcome

from .base import GovukForm, code_field, description_field, label_field, position_field


class TermForm(GovukForm):
    def __init__(
        self,
        *args,
        what: str,
        adding: bool,
        record_type: bool = False,
        outcome: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        fields = {}
        if adding:
            fields["code"] = code_field()
        fields["label"] = label_field(what)
        fields["description"] = description_field()
        if record_type:
            fields["family"] = forms.ChoiceField(
                label="Family",
                choices=Family.choices,
                widget=forms.RadioSelect,
                help_text="Statutory record types are counted in the statutory tables of the "
                "annual report.",
                error_messages={"required": "Select the family"},
            )
            fields["procedure"] = forms.ChoiceField(
                label="Procedure",
                choices=PROCEDURE_CHOICES,
                widget=forms.RadioSelect,
                help_text="Whose stages and deadlines apply. It cannot be changed once cases "
                "have this record type.",
                error_messages={"required": "Select the procedure"},
            )
        if outcome:
            fields.update(online_form_fields())
        fields["position"] = position_field(adding=adding)
        self.fields = fields

    def layout(self):
        fields = []
        for name in self.fields:
            if name == "code":
                fields.append(Field.text(name, field_width=20))
            elif name == "position":
                fields.append(Field.text(name, field_width=4))
            elif name in ("family", "procedure"):
                fields.append(Field.radios(name, legend_size="s"))
            elif name == "asked_online":
                fields.append(Field.radios(name, legend_size="s", inline=True))
            else:
                fields.append(Field(name))
        return fields


def online_form_fields() -> dict[str, forms.Field]:
    """An outcome as the online complaint form offers it to a parent or a young person."""
    return {
        "public_wording": forms.CharField(
            label="Wording on the online form (optional)",
            required=False,
            max_length=Outcome._meta.get_field("public_wording").max_length,
            help_text="In the words of someone complaining, for example 'A meeting to talk "
            "about it'. Left empty, the label is used.",
        ),
        "asked_online": forms.TypedChoiceField(
            label="Can someone complaining online ask for it?",
            choices=[("True", "Yes"), ("False", "No")],
            coerce=lambda value: value == "True",
            widget=forms.RadioSelect,
            error_messages={"required": "Select yes if someone complaining online can ask for it"},
        ),
    }
