"""Who works the case and who speaks for the child: assigning officers, the advocacy offer."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.timezone import localdate

from heeded.access.roles import Role
from heeded.calendars.dates import long_date
from heeded.cases import actions
from heeded.cases.actions import ProcedureError, stopped_words
from heeded.cases.actions._base import staff_name
from heeded.cases.models import Case, Stage
from heeded.cases.reminders import remind_now, reminder_for

from ...fields import DateField
from ..base import YES_NO, as_answer, as_bool, kept_text, yes_no
from ._base import ActionForm


def staff(*roles: Role):
    users = get_user_model().objects.filter(is_active=True)
    wanted = Q(groups__name__in=[r.value for r in roles]) | Q(is_superuser=True)
    return users.filter(wanted).distinct().order_by("first_name", "last_name", "username")


class StaffChoiceField(forms.ModelChoiceField):
    # Someone chosen who has left, or changed role, since the form was opened: the list the
    # form shows again no longer has them, so say so rather than Django's "valid choice".
    default_error_messages = {
        "invalid_choice": "The person you chose can no longer be given cases: "
        "select someone from the list"
    }

    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class AssignForm(ActionForm):
    officer = StaffChoiceField(
        queryset=None, required=False, label="Complaints officer", empty_label="No change"
    )
    responding_manager = StaffChoiceField(
        queryset=None, required=False, label="Responding manager", empty_label="No change"
    )
    investigating_officer = kept_text(Stage, "investigating_officer", label="Investigating officer")
    independent_person = kept_text(Stage, "independent_person", label="Independent person")
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
    provider = kept_text(
        Case,
        "advocacy_provider",
        label="Advocacy provider",
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


class RemindForm(ActionForm):
    """An officer chasing a responding manager by hand, between the reminders Heeded sends
    each morning (``heeded send_reminders``): the same e-mail, with a message if one is
    written, recorded on the timeline."""

    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Add a message (optional)",
        help_text="It goes in the e-mail and on the timeline. Leave out the complainant's "
        "details: the e-mail leaves Heeded.",
        required=False,
        max_length=2000,
    )
    button = "Send the reminder"

    def setup(self):
        stage = self.case.stage(self.stage_number)
        try:
            self.reminder = reminder_for(self.case, stage, localdate())
        except ProcedureError as error:
            self.reminder, self.problem = None, str(error)

    @property
    def lead(self) -> str:
        """What will be sent, to whom, before it is."""
        if self.reminder is None:
            return self.problem
        manager = self.reminder.stage.responding_manager
        due_on = self.reminder.deadline.due_on
        lead = (
            f"Heeded will e-mail {staff_name(manager)} ({manager.email}) that "
            f"{self.stage_rule.the_response} is due {long_date(due_on)} "
            f"({self.reminder.time_left.lower()}), with a link to the case, and record the "
            "reminder on the timeline."
        )
        if self.case.reminders_stopped:
            # Chasing by hand is still allowed (the officer decides), but not unawares.
            lead += (
                f" {stopped_words(self.case)}: this one is sent all the same, and the "
                "morning reminders stay stopped."
            )
        return lead

    def perform(self, *, by, version):
        return remind_now(
            self.case,
            self.stage_number,
            by=by,
            today=localdate(),
            message=self.cleaned_data["message"],
        )


# Said on the form and beside the deadline: stopping the chasing is not stopping the clock.
CLOCK_STILL_RUNS = (
    "The deadline still counts: stopping reminders does not stop the statutory clock. "
    "Extend the deadline if the complainant has agreed to one."
)


class StopRemindersForm(ActionForm):
    """The complaints team stops the morning reminders to this case's responding managers,
    saying why, so that nobody is surprised a manager was not chased."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why are reminders being stopped?",
        help_text="For example, the complainant has agreed to wait while a meeting is "
        "arranged, the case is on hold for a court or police matter, or the manager is on "
        "leave and you are handling it. It is shown on the case page and the timeline.",
        max_length=2000,
        error_messages={
            "required": "Enter why reminders are being stopped on this case",
            "max_length": "Why reminders are being stopped must be 2,000 characters or fewer",
        },
    )
    button = "Stop reminders"

    @property
    def lead(self) -> str:
        return (
            "Heeded will stop e-mailing this case's responding managers the reminders it "
            f"sends each morning, until someone starts them again. {CLOCK_STILL_RUNS}"
        )

    def perform(self, *, by, version):
        actions.stop_reminders(
            self.case, by=by, reason=self.cleaned_data["reason"], expected_version=version
        )
        return f"Reminders stopped on {self.case.reference}"


class StartRemindersForm(ActionForm):
    button = "Start reminders again"

    @property
    def lead(self) -> str:
        why = self.case.reminders_stopped_reason.rstrip(". ")
        return (
            f"{stopped_words(self.case)}: {why}. Heeded will chase this case's "
            "responding managers again from its next morning run, on the usual schedule."
        )

    def perform(self, *, by, version):
        actions.start_reminders(self.case, by=by, expected_version=version)
        return f"Reminders started again on {self.case.reference}"
