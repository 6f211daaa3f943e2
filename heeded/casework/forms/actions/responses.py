"""The response that ends a stage: its finding, the outcomes, remedial action and learning."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.timezone import localdate

from heeded.cases import actions
from heeded.cases.models import StageOutcome
from heeded.taxonomy.models import Outcome

from ...deadlines import deadline_rows
from ..base import as_answer, as_bool, learning_for_report, yes_no
from ._base import ActionForm, on_date


class RespondForm(ActionForm):
    on = on_date("Date of the response", label="Date of the response")
    outcome = forms.ChoiceField(
        choices=[c for c in StageOutcome.choices if c[0] != StageOutcome.WITHDRAWN],
        widget=forms.RadioSelect,
        label="What was the finding?",
        error_messages={"required": "Select whether the complaint was upheld"},
    )
    summary = forms.CharField(
        widget=forms.Textarea, required=False, label="Summary of the response"
    )
    actual_outcomes = forms.ModelMultipleChoiceField(
        queryset=Outcome.objects.in_use(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="What outcomes did the complainant get?",
        # Payment is an outcome here, its amount a record of its own (the team's "Record a
        # payment"): a responding manager who ticks it is not left looking for the amount.
        help_text="Select all that apply. Choosing Payment does not record the amount: "
        "the complaints team records it with ‘Record a payment’.",
    )
    remedial_action = yes_no(
        "Was remedial action taken?",
        help_text="Needed when the complaint is upheld or partially upheld. "
        "Select No if none was needed.",
    )
    remedial_action_details = forms.CharField(
        widget=forms.Textarea, required=False, label="What remedial action?"
    )
    lessons_learned = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Lessons learned",
        # The report publishes only ``learning_for_report``: said here, as the two boxes
        # are one above the other and read as the same thing.
        help_text="What the service will do differently, if anything. "
        "Only the anonymised learning below goes in the annual report.",
    )
    learning_for_report = learning_for_report()
    answering = True  # what it answers and by when, above the answers

    def setup(self):
        rule = self.case.procedure.stage(self.stage_number)
        if not rule.records_finding:
            for name in (
                "outcome",
                "actual_outcomes",
                "remedial_action",
                "remedial_action_details",
                "lessons_learned",
                "learning_for_report",
            ):
                del self.fields[name]
        # The menu's words: "Record the Stage 1 response", or "Record the response".
        self.button = self.move.label
        # What the page shows above the answers (casework/_answering.html): by when, in the
        # case page's words, and the earlier stage's response a Stage 2 or 3 answers after.
        self.stage = self.case.stage(self.stage_number)
        self.deadlines = deadline_rows(self.case, localdate(), stage_number=self.stage_number)
        earlier = self.case.stage(self.stage_number - 1) if self.stage_number > 1 else None
        self.earlier_response = (
            {
                "title": self.case.procedure.stage(earlier.number).response_title,
                "summary": earlier.response_summary,
            }
            if earlier and earlier.response_summary
            else None
        )

    def refused(self, stage, data) -> list:
        remedial_action = as_bool(data.get("remedial_action", ""))
        return actions.response_refusals(
            self.case,
            stage,
            on=data.get("on"),
            outcome=data.get("outcome", ""),
            remedial_action=remedial_action,
            remedial_action_details=data.get("remedial_action_details", ""),
        ) + actions.remedial_answer_refusals(
            self.case, outcome=data.get("outcome", ""), remedial_action=remedial_action
        )

    def initial_for(self, case):
        return {
            "actual_outcomes": list(case.actual_outcomes.all()),
            "remedial_action": as_answer(case.remedial_action),
            "remedial_action_details": case.remedial_action_details,
            "lessons_learned": case.lessons_learned,
            "learning_for_report": case.learning_for_report,
        }

    def perform(self, *, by, version):
        data = self.cleaned_data
        with transaction.atomic():
            actions.respond_to_stage(
                self.case,
                self.stage_number,
                by=by,
                on=data["on"],
                outcome=data.get("outcome", ""),
                summary=data["summary"],
                actual_outcomes=list(data["actual_outcomes"])
                if "actual_outcomes" in data
                else None,
                remedial_action=as_bool(data.get("remedial_action", "")),
                remedial_action_details=data.get("remedial_action_details", ""),
                lessons_learned=data.get("lessons_learned", ""),
                expected_version=version,
            )
            learning = data.get("learning_for_report", "").strip()
            # Emptied too: the box shows the example the report publishes, so a text
            # cleared from it must not stay chosen for publication.
            if "learning_for_report" in data and learning != self.case.learning_for_report:
                # The report's anonymised example is a detail of the case, saved in the
                # same transaction as the response that produced it.
                actions.update_details(
                    self.case, by=by, expected_version=version + 1, learning_for_report=learning
                )
        outcome = data.get("outcome")
        words = f": {StageOutcome(outcome).label.lower()}" if outcome else ""
        return f"{self.stage_rule.response_title} recorded{words}"
