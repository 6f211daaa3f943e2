"""Ending a case, or changing what it is: convert, refuse, withdraw, close and reopen."""

from __future__ import annotations

from django import forms

from heeded.cases import actions
from heeded.taxonomy.defaults import REFUSAL_REASONS_EXPLAINED
from heeded.taxonomy.models import RecordType, RefusalReason

from ._base import ActionForm, on_date


class ConvertForm(ActionForm):
    to = forms.ModelChoiceField(
        queryset=RecordType.objects.in_use().exclude(code="refused"),
        to_field_name="code",
        label="What should it become?",
        empty_label="Choose a record type",
        error_messages={"required": "Select the new record type"},
    )
    on = on_date("Date of the change", label="When did it become this?")
    button = "Change record type"

    def setup(self):
        self.fields["to"].queryset = self.fields["to"].queryset.exclude(pk=self.case.record_type_id)
        if not self.is_bound:
            self.initial["to"] = "complaint"

    def perform(self, *, by, version):
        to = self.cleaned_data["to"]
        actions.convert(
            self.case, by=by, to=to, on=self.cleaned_data["on"], expected_version=version
        )
        return f"Record type changed to {to.label}"


class RefuseForm(ActionForm):
    reason = forms.ModelChoiceField(
        queryset=RefusalReason.objects.in_use(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Why is it refused?",
        error_messages={"required": "Select the reason for the refusal"},
    )
    # Shown under "Other" (GOV.UK conditional reveal): "Other" alone says nothing.
    details = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="What is the reason?",
    )
    on = on_date("Date of the refusal")
    button = "Refuse"

    def setup(self):
        explained = self.fields["reason"].queryset.filter(code__in=REFUSAL_REASONS_EXPLAINED)
        self.fields["reason"].reveals = {
            str(pk): ("details",) for pk in explained.values_list("pk", flat=True)
        }
        self.fields["details"].revealed_by = "reason"

    def clean(self):
        data = super().clean()
        reason = data.get("reason")
        if reason is not None and reason.code not in REFUSAL_REASONS_EXPLAINED:
            # Typed under "Other", then another reason chosen: the hidden answer is not sent.
            data["details"] = ""
        self.refusals(actions.refusal_details_refusals(reason, data.get("details", "")))
        return data

    def perform(self, *, by, version):
        actions.refuse(
            self.case,
            by=by,
            reason=self.cleaned_data["reason"],
            on=self.cleaned_data["on"],
            details=self.cleaned_data["details"],
            expected_version=version,
        )
        return "Refused"


class WithdrawForm(ActionForm):
    on = on_date("Date withdrawn")
    button = "Record the withdrawal"

    def perform(self, *, by, version):
        actions.withdraw(self.case, by=by, on=self.cleaned_data["on"], expected_version=version)
        return "Withdrawal recorded; the case is closed"


class CloseForm(ActionForm):
    on = on_date("Date closed")
    button = "Close the case"

    def perform(self, *, by, version):
        actions.close(self.case, by=by, on=self.cleaned_data["on"], expected_version=version)
        return "Case closed"


class ReopenForm(ActionForm):
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Why is it being reopened?",
        error_messages={"required": "Enter why the case is being reopened"},
    )
    button = "Reopen"

    def perform(self, *, by, version):
        actions.reopen(
            self.case, by=by, reason=self.cleaned_data["reason"], expected_version=version
        )
        return "Case reopened"
