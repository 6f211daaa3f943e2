"""The Ombudsman's enquiry into a case and the decision that ends it."""

from __future__ import annotations

from django import forms

from heeded.cases import actions
from heeded.cases.models import Case
from heeded.taxonomy.models import OmbudsmanDecision

from ..base import kept_text
from ._base import ActionForm, on_date


class OmbudsmanEnquiryForm(ActionForm):
    # Named for the enquiry: "Enter the date received" beside the case's own date received
    # left the officer to guess which one was meant.
    received_on = on_date(
        "Date the enquiry arrived", label="When did the Ombudsman's enquiry arrive?"
    )
    reference = kept_text(Case, "ombudsman_reference", label="Ombudsman's reference")
    button = "Save"

    def perform(self, *, by, version):
        actions.record_ombudsman_enquiry(
            self.case,
            by=by,
            received_on=self.cleaned_data["received_on"],
            reference=self.cleaned_data["reference"],
            expected_version=version,
        )
        return "Ombudsman enquiry recorded"


class OmbudsmanDecisionForm(ActionForm):
    decision = forms.ModelChoiceField(
        queryset=OmbudsmanDecision.objects.in_use(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="What did the Ombudsman decide?",
        error_messages={"required": "Select the Ombudsman's decision"},
    )
    # An ongoing investigation has not been decided: its date is left empty (and refused).
    decided_on = on_date(
        "Date of the decision",
        required=False,
        help_text="Leave empty if the investigation is ongoing.",
    )
    remedy = forms.CharField(widget=forms.Textarea, required=False, label="Remedy")
    button = "Save"

    def initial_for(self, case: Case) -> dict:
        # A decision already recorded opens as it stands: a correction changes what is
        # wrong, rather than starting from a blank form and losing the remedy typed before.
        if case.ombudsman_decision_id is None:
            return {}
        return {
            "decision": case.ombudsman_decision_id,
            "decided_on": case.ombudsman_decided_on,
            "remedy": case.ombudsman_remedy,
        }

    def clean(self):
        data = super().clean()
        self.refusals(
            actions.ombudsman_decision_refusals(data.get("decision"), data.get("decided_on"))
        )
        return data

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.record_ombudsman_decision(
            self.case,
            by=by,
            decision=data["decision"],
            decided_on=data["decided_on"],
            remedy=data["remedy"],
            expected_version=version,
        )
        return "Ombudsman decision recorded"
