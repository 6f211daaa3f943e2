"""One small form per move on the case page. Each parses its answers and calls one action.

``perform`` returns the words for the success banner; a refused move raises the action's
``ProcedureError``, which the view shows in the error summary with the form kept.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.timezone import localdate

from heeded.access.roles import Role
from heeded.cases import actions
from heeded.cases.actions.records import LARGEST_PAYMENT
from heeded.cases.clocks import latest_extension
from heeded.cases.documents import ALLOWED_DESCRIPTION, MAX_BYTES, add_document
from heeded.cases.models import (
    Case,
    Contact,
    ContactDirection,
    Document,
    Payment,
    Stage,
    StageOutcome,
)
from heeded.taxonomy.models import (
    HowReceived,
    OmbudsmanDecision,
    Outcome,
    RecordType,
    RefusalReason,
)

from ..fields import DateField
from ..templatetags.casework import long_date
from .base import YES_NO, GovForm, as_answer, as_bool, kept_in, kept_text, yes_no

LONDON = ZoneInfo("Europe/London")


def staff(*roles: Role):
    users = get_user_model().objects.filter(is_active=True)
    wanted = Q(groups__name__in=[r.value for r in roles]) | Q(is_superuser=True)
    return users.filter(wanted).distinct().order_by("first_name", "last_name", "username")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ActionForm(GovForm):
    """Carries the version of the case the form was opened at (see StaleCase)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    title = ""
    button = "Save"

    def __init__(self, *args, case: Case, move, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("expected_version", case.version)
        kwargs["initial"].update(self.initial_for(case))
        super().__init__(*args, **kwargs)
        self.case = case
        self.move = move
        self.setup()

    def initial_for(self, case: Case) -> dict:
        return {}

    def setup(self) -> None:
        pass

    @property
    def stage_number(self) -> int | None:
        return self.move.stage_number

    @property
    def stage_rule(self):
        return self.case.procedure.stage(self.stage_number) if self.stage_number else None

    def heading(self) -> str:
        return self.title or self.move.label

    def perform(self, *, by, version: int) -> str:
        raise NotImplementedError

    def refused(self, stage, data: dict) -> list:
        """What the procedure refuses in these answers on ``stage`` (its ``*_refusals``),
        where the action lists them: shown beside their answers with the form's own errors,
        in one round (the action checks them again when it saves)."""
        return []

    def clean(self):
        data = super().clean()
        stage = self.case.stage(self.stage_number) if self.stage_number else None
        if stage is not None:
            self.refusals(self.refused(stage, data))
        return data

    def after_clash(self, current: ActionForm) -> tuple[QueryDict, list[str]]:
        """This form's answers to show again after someone else saved the case first
        (``current``: the form as it would open now), and any of their changes the case's
        history does not tell. The answers stand as typed unless a form says otherwise."""
        return self.data.copy(), []


def on_date(name: str, label: str = "", **kwargs) -> DateField:
    return DateField(name=name, label=label or name, past_only=True, **kwargs)


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


class AssignForm(ActionForm):
    officer = StaffChoiceField(
        queryset=None, required=False, label="Complaints officer", empty_label="No change"
    )
    responding_manager = StaffChoiceField(
        queryset=None, required=False, label="Responding manager", empty_label="No change"
    )
    investigating_officer = forms.CharField(
        required=False,
        label="Investigating officer",
        max_length=kept_in(Stage, "investigating_officer"),
    )
    independent_person = forms.CharField(
        required=False,
        label="Independent person",
        max_length=kept_in(Stage, "independent_person"),
    )
    button = "Assign"

    def setup(self):
        self.fields["officer"].queryset = staff(Role.COMPLAINTS_OFFICER, Role.COMPLAINTS_MANAGER)
        stage = self.case.open_stage
        rule = self.case.procedure.stage(stage.number) if stage else None
        if rule is None:
            for name in ("responding_manager", "investigating_officer", "independent_person"):
                del self.fields[name]
            return
        self.fields["responding_manager"].queryset = staff(
            Role.RESPONDING_MANAGER, Role.COMPLAINTS_MANAGER
        )
        self.fields["responding_manager"].label = f"Responding manager for Stage {stage.number}"
        for name in ("investigating_officer", "independent_person"):
            if name not in rule.roles:
                del self.fields[name]
            elif not self.is_bound:
                self.initial[name] = getattr(stage, name)

    def clean(self):
        data = super().clean()
        chosen = any(
            data.get(name)
            for name in (
                "officer",
                "responding_manager",
                "investigating_officer",
                "independent_person",
            )
        )
        if not chosen and not self.errors:
            # Beside the first answer, linked from the summary, as every other message is.
            self.add_error("officer", "Choose who to assign")
        return data

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.assign(
            self.case,
            by=by,
            officer=data.get("officer"),
            responding_manager=data.get("responding_manager"),
            investigating_officer=data.get("investigating_officer") or None,
            independent_person=data.get("independent_person") or None,
            expected_version=version,
        )
        return "Assignment saved"


class ContactForm(ActionForm):
    happened_on = on_date("Date of the contact")
    # The action takes the moment (date and time); its date is this form's happened_on.
    refusal_fields = {"happened_at": "happened_on"}
    time = forms.CharField(required=False, label="Time (optional)", help_text="For example, 14:30")
    direction = forms.ChoiceField(
        choices=ContactDirection.choices,
        widget=forms.RadioSelect,
        label="Who was the contact from?",
        error_messages={"required": "Select who the contact was from"},
    )
    method = forms.ModelChoiceField(
        queryset=HowReceived.objects.in_use(),
        label="How",
        empty_label="Choose how",
        error_messages={"required": "Select how the contact was made"},
    )
    with_whom = kept_text(
        Contact, "with_whom", label="With whom", called="Who the contact was with"
    )
    summary = forms.CharField(
        widget=forms.Textarea,
        label="Summary",
        error_messages={"required": "Enter a summary of the contact"},
    )
    button = "Save contact"

    def clean_time(self):
        text = self.cleaned_data["time"].strip()
        if not text:
            return None
        try:
            return dt.datetime.strptime(text.replace(".", ":"), "%H:%M").time()
        except ValueError:
            raise forms.ValidationError("Enter a time like 14:30") from None

    def clean(self):
        data = super().clean()
        if data.get("happened_on"):
            self.refusals(actions.contact_refusals(self.case, data["happened_on"]))
        return data

    def happened_at(self) -> dt.datetime:
        """The moment of the contact; with no time given, midday, or now if that is
        earlier (a contact logged this morning did not happen this afternoon)."""
        data = self.cleaned_data
        if data["time"] is not None:
            return dt.datetime.combine(data["happened_on"], data["time"], tzinfo=LONDON)
        midday = dt.datetime.combine(data["happened_on"], dt.time(12, 0), tzinfo=LONDON)
        return min(midday, dt.datetime.now(LONDON).replace(second=0, microsecond=0))

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.log_contact(
            self.case,
            by=by,
            happened_at=self.happened_at(),
            direction=data["direction"],
            method=data["method"],
            summary=data["summary"],
            with_whom=data["with_whom"],
        )
        return "Contact logged"


class NoteForm(ActionForm):
    text = forms.CharField(
        widget=forms.Textarea, label="Note", error_messages={"required": "Enter the note"}
    )
    button = "Add note"

    def perform(self, *, by, version):
        actions.add_note(self.case, by=by, text=self.cleaned_data["text"])
        return "Note added"


class DocumentForm(ActionForm):
    file = forms.FileField(
        label="Upload a file",
        help_text=f"{ALLOWED_DESCRIPTION}, smaller than {MAX_BYTES // 2**20}MB",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )
    description = forms.CharField(
        required=False,
        label="Description (optional)",
        max_length=kept_in(Document, "description"),
    )
    button = "Upload"

    def perform(self, *, by, version):
        document = add_document(
            self.case,
            self.cleaned_data["file"],
            by=by,
            description=self.cleaned_data["description"],
        )
        return f"{document.original_name} uploaded"


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
        if self.stage_number != 2:
            del self.fields["statement_agreed_on"]
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
            accept_late_request=data["accept_late_request"],
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

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.extend_stage(
            self.case,
            self.stage_number,
            by=by,
            to=data["to"],
            reason=data["reason"],
            on=data.get("on"),
            expected_version=version,
        )
        # A headline, as "Stage 1 extended to ...": "Response deadline extended to ...".
        return f"{self.stage_rule.deadline_title} extended to {long_date(data['to'])}"

    def refused(self, stage, data) -> list:
        return actions.extension_refusals(
            self.case, stage, to=data.get("to"), reason=data.get("reason", ""), on=data.get("on")
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
    )
    remedial_action = yes_no("Was remedial action taken?")
    remedial_action_details = forms.CharField(
        widget=forms.Textarea, required=False, label="What remedial action?"
    )
    lessons_learned = forms.CharField(
        widget=forms.Textarea, required=False, label="Lessons learned"
    )
    learning_for_report = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Learning for the annual report (anonymised)",
        help_text="Leave out names, dates and anything that could identify the family.",
    )

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

    def refused(self, stage, data) -> list:
        return actions.response_refusals(
            self.case,
            stage,
            on=data.get("on"),
            outcome=data.get("outcome", ""),
            remedial_action=as_bool(data.get("remedial_action", "")),
            remedial_action_details=data.get("remedial_action_details", ""),
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
            if learning and learning != self.case.learning_for_report:
                # The report's anonymised example is a detail of the case, saved in the
                # same transaction as the response that produced it.
                actions.update_details(
                    self.case, by=by, expected_version=version + 1, learning_for_report=learning
                )
        outcome = data.get("outcome")
        words = f": {StageOutcome(outcome).label.lower()}" if outcome else ""
        return f"{self.stage_rule.response_title} recorded{words}"


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
    on = on_date("Date of the refusal")
    button = "Refuse"

    def perform(self, *, by, version):
        actions.refuse(
            self.case,
            by=by,
            reason=self.cleaned_data["reason"],
            on=self.cleaned_data["on"],
            expected_version=version,
        )
        return "Refused"


class WithdrawForm(ActionForm):
    on = on_date("Date withdrawn")
    button = "Record the withdrawal"

    def perform(self, *, by, version):
        actions.withdraw(self.case, by=by, on=self.cleaned_data["on"], expected_version=version)
        return "Withdrawal recorded; the case is closed"


class OmbudsmanEnquiryForm(ActionForm):
    received_on = on_date("Date received", label="When did the Ombudsman's enquiry arrive?")
    reference = forms.CharField(
        required=False,
        label="Ombudsman's reference",
        max_length=kept_in(Case, "ombudsman_reference"),
    )
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
    decided_on = on_date("Date of the decision")
    remedy = forms.CharField(widget=forms.Textarea, required=False, label="Remedy")
    button = "Save"

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


# Money as people write it: "250", "250.00", "£250", "1,000.00". Commas only between groups
# of three digits: "1,50" is more likely a decimal comma (£1.50) than a hundred and fifty.
# No "1e3", which Python would read as a thousand.
MONEY = re.compile(r"£?\s*(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?P<pence>\.\d+)?")


class AmountField(forms.DecimalField):
    """Pounds and pence, up to the largest payment a case holds, with one message at a time
    as GOV.UK asks (Django would list "too large" and "too many decimal places" together)."""

    def to_python(self, value):
        text = str(value or "").strip()
        if not text:
            return super().to_python(text)
        money = MONEY.fullmatch(text)
        if money is None and MONEY.fullmatch(text.removeprefix("-").strip()):
            # A number below nothing, not a word: said as for £0.
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if money is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(money["pounds"].replace(",", "") + (money["pence"] or ""))

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            # Pence first: 0.001 and 123456789.123 are most likely a slip of the point.
            errors = sorted(error.error_list, key=lambda e: e.code != "max_decimal_places")
            raise forms.ValidationError(errors[:1]) from None


class PaymentForm(ActionForm):
    amount = AmountField(
        label="Amount, in pounds",
        min_value=Decimal("0.01"),
        max_value=LARGEST_PAYMENT,
        decimal_places=2,
        error_messages={
            "required": "Enter the amount",
            "invalid": "Amount must be a number, like 250.00",
            "min_value": "Amount must be more than £0.00",
            "max_value": f"Amount must be £{LARGEST_PAYMENT:,} or less",
            "max_decimal_places": "Amount must be in pounds and pence, like 250.00",
        },
    )
    paid_on = DateField(
        name="Date paid", label="Date paid (if paid)", required=False, past_only=True
    )
    reason = kept_text(Payment, "reason", label="What for", called="What the payment is for")
    recommended_by_ombudsman = forms.BooleanField(
        required=False, label="Recommended by the Ombudsman"
    )
    button = "Save payment"

    def perform(self, *, by, version):
        data = self.cleaned_data
        payment = actions.record_payment(
            self.case,
            by=by,
            amount=data["amount"],
            paid_on=data["paid_on"],
            reason=data["reason"],
            recommended_by_ombudsman=data["recommended_by_ombudsman"],
            expected_version=version,
        )
        return f"Payment of {payment} recorded"


class AdvocacyForm(ActionForm):
    offered = forms.ChoiceField(
        choices=YES_NO,
        widget=forms.RadioSelect,
        label="Was the child offered an advocate?",
        error_messages={"required": "Select whether an advocate was offered"},
    )
    offered_on = DateField(
        name="Date offered", label="When (if offered)", required=False, past_only=True
    )
    taken_up = yes_no("Did they take it up?")
    provider = forms.CharField(
        required=False,
        label="Advocacy provider",
        max_length=kept_in(Case, "advocacy_provider"),
        help_text="For example NYAS or Coram Voice.",
    )
    button = "Save"

    def initial_for(self, case):
        return {
            "offered": as_answer(case.advocacy_offered),
            "offered_on": case.advocacy_offered_on,
            "taken_up": as_answer(case.advocacy_taken_up),
            "provider": case.advocacy_provider,
        }

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.record_advocacy(
            self.case,
            by=by,
            offered=as_bool(data["offered"]),
            offered_on=data["offered_on"],
            taken_up=as_bool(data["taken_up"]),
            provider=data["provider"],
            expected_version=version,
        )
        return "Advocacy recorded"


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
