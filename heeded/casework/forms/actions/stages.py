"""The stage clock: acknowledging, starting a stage, the statement of complaint, extending
the deadline, the review panel. The response that ends a stage is in responses.py."""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.timezone import localdate

from heeded.cases import actions
from heeded.cases.clocks import delay_notice_deadline, latest_extension

from ...fields import DateField
from ...templatetags.casework import long_date
from ...timeline import agreed_date_title
from ._base import ActionForm, on_date


class AcknowledgeForm(ActionForm):
    on = on_date("Date acknowledged")
    button = "Acknowledge"

    def perform(self, *, by, version):
        actions.acknowledge(self.case, by=by, on=self.cleaned_data["on"], expected_version=version)
        return "Acknowledgement recorded"


class AcknowledgeStageForm(AcknowledgeForm):
    def perform(self, *, by, version):
        actions.acknowledge_stage(
            self.case,
            self.stage_number,
            by=by,
            on=self.cleaned_data["on"],
            expected_version=version,
        )
        return f"Stage {self.stage_number} acknowledgement recorded"


class StartStageForm(ActionForm):
    requested_on = on_date("Date requested", label="When did the complainant ask for it?")
    statement_agreed_on = DateField(
        name="Date the statement was agreed",
        label="Date the statement of complaint was agreed (if agreed)",
        required=False,
        past_only=True,
    )
    accept_late_request = forms.BooleanField(
        required=False,
        label="The council accepts this request although it was made late",
    )

    def setup(self):
        # Asked only where the procedure has them: a statement of complaint (children's
        # Stage 2), and a time limit for asking that a late request would break.
        if not self.stage_rule.statement_of_complaint:
            del self.fields["statement_agreed_on"]
        if self.case.procedure.stage(self.stage_number - 1).escalation_window is None:
            del self.fields["accept_late_request"]
        self.button = self.heading()

    def heading(self):
        return f"Start Stage {self.stage_number}"

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.start_stage(
            self.case,
            self.stage_number,
            by=by,
            requested_on=data["requested_on"],
            statement_agreed_on=data.get("statement_agreed_on"),
            accept_late_request=data.get("accept_late_request", False),
            expected_version=version,
        )
        return f"Stage {self.stage_number} started"


class AgreeStatementForm(ActionForm):
    on = on_date("Date agreed", label="When was the statement of complaint agreed?")
    button = "Save"

    def perform(self, *, by, version):
        actions.agree_statement(
            self.case, by=by, on=self.cleaned_data["on"], expected_version=version
        )
        return "Statement of complaint recorded"


class ExtendForm(ActionForm):
    to = DateField(name="New deadline", label="New deadline")
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Why is more time needed?",
        error_messages={"required": "Enter the reason for the extension"},
    )
    # Often keyed later than it was agreed: dated as agreed, it stands in the timeline
    # before a response recorded since.
    on = on_date(
        "Date agreed",
        label="When was the extension agreed?",
        required=False,
        help_text="Leave it as today if it was agreed today",
    )
    button = "Extend"

    def initial_for(self, case):
        return {"on": localdate()}

    def setup(self):
        self.fields[
            "reason"
        ].help_text = f"The {self.case.procedure.asker} must be told the reason."
        stage = self.case.stage(self.stage_number)
        # Shown above the form (casework/action.html); extend_stage enforces it, and that the
        # new deadline is a working day.
        self.latest = latest_extension(self.case, stage)
        rule = self.stage_rule
        self.extended_words = capfirst(rule.the_deadline)
        if rule.warning:
            # Adult social care: an agreed period has no maximum, but past the warning's
            # limit, unless a longer period was agreed, the complainant must be told why.
            warning = rule.warning
            self.lead = (
                f"There is no latest date. If there is no response within {warning.limit} "
                f"{warning.unit} of {self.case.procedure.counts_from(warning)}, or the longer "
                f"period agreed, the {self.case.procedure.asker} must be told why "
                f"({warning.source})."
            )
        if rule.response.agreed:
            self._as_agreed()

    def _as_agreed(self):
        """A response period agreed with the complainant (adult social care, SI 2009/309)
        has no deadline to extend: its date is agreed, and later perhaps changed."""
        asker = self.case.procedure.asker
        to = self.fields["to"]
        to.label, to.name = "What response date was agreed?", "Agreed response date"
        to.missing = "Enter the agreed response date"
        reason = self.fields["reason"]
        reason.label = f"How was it agreed with the {asker}?"
        reason.help_text = "For example, on the telephone when the complaint was acknowledged"
        reason.error_messages["required"] = "Enter how it was agreed"
        self.fields["on"].label = "When was it agreed?"
        self.button = "Save"

    def perform(self, *, by, version):
        data = self.cleaned_data
        changed = self.case.stage(self.stage_number).extended_to is not None
        actions.extend_stage(
            self.case,
            self.stage_number,
            by=by,
            to=data["to"],
            reason=data["reason"],
            on=data.get("on"),
            expected_version=version,
        )
        if self.stage_rule.response.agreed:
            # The banner says what the timeline says: "changed", once a date was agreed.
            return agreed_date_title(data["to"], changed=changed)
        # A headline, as "Stage 1 extended to ...": "Response deadline extended to ...".
        return f"{self.stage_rule.deadline_title} extended to {long_date(data['to'])}"

    def refused(self, stage, data) -> list:
        return actions.extension_refusals(
            self.case, stage, to=data.get("to"), reason=data.get("reason", ""), on=data.get("on")
        )


class ExplainDelayForm(ActionForm):
    on = on_date("Date they were told", label="When were they told?")
    explanation = forms.CharField(
        widget=forms.Textarea,
        label="What were they told?",
        help_text="Why there is no response yet, and when they can expect one",
        error_messages={"required": "Enter what they were told"},
    )
    button = "Save"

    def initial_for(self, case):
        return {"on": localdate()}

    def setup(self):
        asker = self.case.procedure.asker
        self.fields["on"].label = f"When was the {asker} told?"
        self.fields["explanation"].label = f"What was the {asker} told?"
        notice = delay_notice_deadline(self.case, self.case.stage(self.stage_number))
        if notice:
            warning = notice.clock
            self.lead = (
                f"If there is no response within {warning.limit} {warning.unit} of "
                f"{self.case.procedure.counts_from(warning)}, or the longer period agreed, "
                f"the {asker} must be told why ({warning.source}): by "
                f"{long_date(notice.due_on)} on this case."
            )

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.explain_delay(
            self.case,
            self.stage_number,
            by=by,
            on=data["on"],
            explanation=data["explanation"],
            expected_version=version,
        )
        return f"Recorded that the {self.case.procedure.asker} was told why"

    def refused(self, stage, data) -> list:
        return actions.delay_notice_refusals(
            self.case, stage, on=data.get("on"), explanation=data.get("explanation", "")
        )


class PanelHeldForm(ActionForm):
    on = on_date("Date the panel met", label="When did the review panel meet?")
    button = "Save"
    refusal_fields = {"held_on": "on"}

    def perform(self, *, by, version):
        actions.record_panel(
            self.case, by=by, held_on=self.cleaned_data["on"], expected_version=version
        )
        return "Review panel meeting recorded"


class PanelReportForm(ActionForm):
    on = on_date("Date of the panel's report", label="When was the panel's report received?")
    button = "Save"

    def perform(self, *, by, version):
        actions.record_panel_report(
            self.case, by=by, on=self.cleaned_data["on"], expected_version=version
        )
        return "Panel report recorded"
