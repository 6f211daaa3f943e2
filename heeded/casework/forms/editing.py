"""Correcting a case's details, safely when two people have the case open."""

from __future__ import annotations

from django import forms

from heeded.cases import actions
from heeded.cases.models import Case
from heeded.taxonomy.models import ComplainantType, HowReceived, Nature, Outcome, ServiceTeam

from ..fields import DateField
from .actions import ActionForm
from .base import as_answer, as_bool, yes_no

BOOLEANS = ("young_person", "via_professional", "remedial_action")
MULTI = ("service_teams", "natures", "outcomes_sought")


def _terms(model, label):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.in_use(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
    )


class EditDetailsForm(ActionForm):
    received_on = DateField(name="Date received", label="Date received", past_only=True)
    how_received = forms.ModelChoiceField(
        queryset=HowReceived.objects.in_use(),
        required=False,
        label="How received",
        empty_label="Not recorded",
    )
    complainant_type = forms.ModelChoiceField(
        queryset=ComplainantType.objects.in_use(),
        required=False,
        label="Complainant type",
        empty_label="Not recorded",
    )
    young_person = yes_no("Made by a child or young person?", unknown=True)
    via_professional = yes_no("Made by an advocate or professional on their behalf?", unknown=True)
    service_teams = _terms(ServiceTeam, "Services and teams")
    natures = _terms(Nature, "Nature of the complaint")
    outcomes_sought = _terms(Outcome, "Outcomes sought")
    summary = forms.CharField(widget=forms.Textarea, required=False, label="Summary")
    remedial_action = yes_no("Was remedial action taken?", unknown=True)
    remedial_action_details = forms.CharField(
        widget=forms.Textarea, required=False, label="Remedial action"
    )
    lessons_learned = forms.CharField(
        widget=forms.Textarea, required=False, label="Lessons learned"
    )
    learning_for_report = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Learning for the annual report (anonymised)",
    )
    title = "Edit details"
    button = "Save changes"

    def initial_for(self, case: Case) -> dict:
        initial = {
            name: getattr(case, name)
            for name in (
                "received_on",
                "how_received",
                "complainant_type",
                "summary",
                "remedial_action_details",
                "lessons_learned",
                "learning_for_report",
            )
        }
        initial.update({name: as_answer(getattr(case, name)) for name in BOOLEANS})
        initial.update({name: list(getattr(case, name).all()) for name in MULTI})
        return initial

    def changes(self) -> dict:
        data = self.cleaned_data
        changes = {name: data[name] for name in self.fields if name != "expected_version"}
        for name in BOOLEANS:
            changes[name] = as_bool(changes[name])
        for name in MULTI:
            changes[name] = list(changes[name])
        return changes

    def perform(self, *, by, version):
        actions.update_details(self.case, by=by, expected_version=version, **self.changes())
        return "Details saved"
