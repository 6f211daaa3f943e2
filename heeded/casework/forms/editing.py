"""Correcting a case's details, safely when two people have the case open."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.text import capfirst

from heeded.cases import actions
from heeded.cases.models import Case
from heeded.taxonomy.models import ComplainantType, HowReceived, Nature, Outcome, ServiceTeam

from ..fields import DateField
from ..questions import questions_for
from ..templatetags.casework import long_date
from . import clashes
from .actions import ActionForm
from .base import as_answer, as_bool, check_child_complainant, learning_for_report, yes_no

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
    learning_for_report = learning_for_report()
    # The details as the form was opened (JSON of answers()): after a clash, what this
    # person left alone takes the other person's new value.
    opened_with = forms.CharField(widget=forms.HiddenInput, required=False)
    title = "Edit details"
    button = "Save changes"

    def setup(self) -> None:
        # The questions recording asked this kind of case (a compliment or an FOI request
        # has no nature of the complaint, outcomes sought or child), and any it holds an
        # answer to (converted, or imported), as the case page shows them.
        q = questions_for(self.case.record_type)
        asked = {
            "complainant_type": q.complainant_type,
            "young_person": q.child,
            "via_professional": q.child,
            "natures": q.natures,
            "outcomes_sought": q.outcomes_sought,
        }
        for name, ask in asked.items():
            if not (ask or _holds(self.case, name)):
                del self.fields[name]
        if "natures" in self.fields:
            self.fields["natures"].label = f"Nature of the {q.noun}"
        if not self.is_bound:
            self.initial["opened_with"] = clashes.opened_as(self.answers())

    def answers(self) -> dict[str, list[str]]:
        return clashes.answers(self, self.details)

    @property
    def details(self) -> list[str]:
        return [name for name in self.fields if name not in ("expected_version", "opened_with")]

    def after_clash(self, current: EditDetailsForm) -> tuple[QueryDict, list[str]]:
        """A three-way merge (``clashes.merge``). Their changes to the lists (teams,
        natures, outcomes sought), which the case's history does not hold, are told in
        words."""
        before = clashes.opened_with(self.data.get("opened_with"))
        data, theirs = clashes.merge(self, self.details, current)
        now = current.answers()
        told = [
            f"{self.fields[name].label}: {_words(self.fields[name], before[name])} became "
            f"{_words(self.fields[name], now[name])}"
            for name in theirs
            if name in MULTI
        ]
        return data, told

    def clean(self):
        data = super().clean()
        check_child_complainant(self, data)
        return data

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
        changes = {name: data[name] for name in self.details}
        for name in BOOLEANS:
            if name in changes:
                changes[name] = as_bool(changes[name])
        for name in MULTI:
            if name in changes:
                changes[name] = list(changes[name])
        return changes

    def perform(self, *, by, version):
        first = self.case.stage(1)
        case = actions.update_details(self.case, by=by, expected_version=version, **self.changes())
        moved = case.stage(1)
        if first is None or moved is None or moved.started_on == first.started_on:
            return "Details saved"
        # Stage 1 counts from receipt: a corrected date received moved it (and its deadline).
        rule = case.procedure.stage(1)
        called = "Stage 1" if rule is None else capfirst(rule.clock)
        # Its deadline is on the case page, overdue or not, in the words used everywhere.
        return f"Details saved. {called} now starts on {long_date(moved.started_on)}"


def _holds(case: Case, name: str) -> bool:
    if name in MULTI:
        return getattr(case, name).exists()
    return getattr(case, name) is not None


def _words(field: forms.Field, codes: list[str]) -> str:
    labels = {str(value): str(label) for value, label in field.choices}
    return ", ".join(labels.get(code, code) for code in codes) or "none"
