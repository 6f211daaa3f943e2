from crispy_forms_gds.layout import Field
from django import forms

from heeded.procedures.declarations import PROCEDURE_CHOICES
from heeded.taxonomy.models import Family

from .base import GovukForm, code_field, description_field, label_field, position_field


class TermForm(GovukForm):
    def __init__(self, *args, what: str, adding: bool, record_type: bool = False, **kwargs):
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
            else:
                fields.append(Field(name))
        return fields
