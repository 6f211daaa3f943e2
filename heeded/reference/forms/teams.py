from crispy_forms_gds.layout import Field
from django import forms

from heeded.taxonomy.models import ServiceLevel, ServiceTeam

from .base import GovukForm, code_field, description_field, label_field, position_field


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.label} ({unit.get_level_display().lower()})"


class UnitForm(GovukForm):
    def __init__(self, *args, unit: ServiceTeam | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        if unit is None:
            fields["code"] = code_field()
        fields["label"] = label_field("directorate, service or team")
        fields["level"] = forms.ChoiceField(
            label="Level",
            choices=ServiceLevel.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Select whether this is a directorate, service or team"},
        )
        # Units a directorate or service can hold; the service rejects impossible choices
        # (a level too low, a unit inside this one) with a message saying why.
        parents = ServiceTeam.objects.exclude(level=ServiceLevel.TEAM).filter(retired=False)
        if unit is not None:
            parents = parents.exclude(pk=unit.pk) | ServiceTeam.objects.filter(pk=unit.parent_id)
        fields["parent"] = ParentChoiceField(
            label="Sits under (optional)",
            queryset=parents.order_by("level", "position", "label"),
            required=False,
            empty_label="Nothing: it is at the top",
            help_text="A service sits under a directorate; a team under a service or a "
            "directorate.",
            error_messages={"invalid_choice": "Select a directorate or service from the list"},
        )
        fields["description"] = description_field()
        fields["position"] = position_field(adding=unit is None)
        self.fields = fields

    def layout(self):
        return [
            Field.text("code", field_width=20)
            if name == "code"
            else Field.text("position", field_width=4)
            if name == "position"
            else Field.radios("level", legend_size="s", inline=True)
            if name == "level"
            else Field(name)
            for name in self.fields
        ]
