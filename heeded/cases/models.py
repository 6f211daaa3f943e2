"""A case: one representation, from first contact to closure, and everything recorded on it.

Facts about one row live here as properties ("which stage is open, when is it due"). Every
change of state goes through a function in ``actions.py``, which checks the procedure, writes
a ``CaseEvent`` and keeps the history; views and imports call those functions, never
``save()`` with new state of their own.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords as _HistoricalRecords

from heeded.procedures import Procedure, procedure_for
from heeded.taxonomy.models import (
    ComplainantType,
    HowReceived,
    Nature,
    OmbudsmanDecision,
    Outcome,
    RecordType,
    RefusalReason,
    ServiceTeam,
)


class HistoricalRecords(_HistoricalRecords):
    """A record's change history, looked up only by the record's id (and ordered by time).

    simple-history copies every index of the record onto its history table; none of those
    copies serves a query here, and each costs every save and every imported row.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            field.db_index = name == model._meta.pk.name
        return fields


# A foreign key to a short list of terms (a taxonomy) has no index of its own: no page looks
# cases up by the term alone, and deleting a term (refused while cases use it) may scan.
TERM = {"db_index": False, "on_delete": models.PROTECT, "related_name": "+"}


class StageOutcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTIALLY_UPHELD = "partially_upheld", "Partially upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


UPHELD_AT_LEAST_IN_PART = (StageOutcome.UPHELD, StageOutcome.PARTIALLY_UPHELD)


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    TELEPHONE = "telephone", "Telephone"
    LETTER = "letter", "Letter"


class Person(models.Model):
    """Someone on file: a complainant, a child a case is about, an advocate."""

    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    telephone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True, db_index=True)
    date_of_birth = models.DateField(null=True, blank=True)
    preferred_contact = models.CharField(
        max_length=10, choices=ContactPreference.choices, blank=True
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For advocates and professionals."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["full_name"]),
            # Finding a case by the email address a message came from, in any case of letters.
            models.Index(Upper("email"), name="cases_person_email_upper"),
        ]

    def __str__(self) -> str:
        return self.full_name


class Case(models.Model):
    reference = models.CharField(max_length=40, unique=True)
    # Indexed with received_on (Meta.indexes), which serves lookups by record type too.
    record_type = models.ForeignKey(
        RecordType, db_index=False, on_delete=models.PROTECT, related_name="cases"
    )
    received_on = models.DateField()  # indexed by cases_newest_first, read either way
    # Where it came from: a pre-complaint or case concern that became a complaint.
    converted_from = models.ForeignKey(RecordType, null=True, blank=True, **TERM)
    converted_on = models.DateField(null=True, blank=True)

    how_received = models.ForeignKey(HowReceived, null=True, blank=True, **TERM)
    complainant_type = models.ForeignKey(ComplainantType, null=True, blank=True, **TERM)
    # None means "not recorded", which reports keep apart from False.
    young_person = models.BooleanField(
        null=True, blank=True, help_text="Made by a child or young person."
    )
    via_professional = models.BooleanField(
        null=True, blank=True, help_text="Made on their behalf by an advocate or professional."
    )
    # CA 1989 s.26A: a child making a complaint must be offered an advocate.
    advocacy_offered = models.BooleanField(null=True, blank=True)
    advocacy_offered_on = models.DateField(null=True, blank=True)
    advocacy_taken_up = models.BooleanField(null=True, blank=True)
    advocacy_provider = models.CharField(
        max_length=200, blank=True, help_text="For example NYAS or Coram Voice."
    )

    service_teams = models.ManyToManyField(ServiceTeam, blank=True, related_name="cases")
    natures = models.ManyToManyField(Nature, blank=True, related_name="cases")
    outcomes_sought = models.ManyToManyField(Outcome, blank=True, related_name="sought_by")
    actual_outcomes = models.ManyToManyField(Outcome, blank=True, related_name="achieved_by")

    summary = models.TextField(blank=True)
    refusal_reason = models.ForeignKey(RefusalReason, null=True, blank=True, **TERM)
    # What the reason was, where the reason chosen says no more than "Other". Not in the
    # interchange format (which has the reason's code only): an import leaves it as it is.
    refusal_details = models.TextField("what the other reason is", blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)

    remedial_action = models.BooleanField(null=True, blank=True)
    remedial_action_details = models.TextField(blank=True)
    lessons_learned = models.TextField(blank=True)
    # Anonymised text chosen by staff for the annual report's learning examples.
    learning_for_report = models.TextField(blank=True)

    ombudsman_received_on = models.DateField(null=True, blank=True)
    ombudsman_reference = models.CharField(max_length=40, blank=True)
    ombudsman_decision = models.ForeignKey(OmbudsmanDecision, null=True, blank=True, **TERM)
    ombudsman_decided_on = models.DateField(null=True, blank=True)
    ombudsman_remedy = models.TextField(blank=True)

    closed_on = models.DateField(null=True, blank=True)  # indexed with next_deadline
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )

    # The complaints team stopped the morning reminders to this case's responding managers
    # (heeded send_reminders): the complainant agreed to wait for a meeting, a court or police
    # matter holds it, or the manager is on leave and the officer is handling it. Only the
    # chasing stops: the statutory clock still runs. Set by actions.stop_reminders, cleared by
    # actions.start_reminders, each with its event on the timeline.
    reminders_stopped_on = models.DateField(null=True, blank=True)
    # No index, as for a term: only ever read from the case, never looked up by who stopped.
    reminders_stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, **TERM
    )
    reminders_stopped_reason = models.TextField("why reminders were stopped", blank=True)

    # Kept up to date by actions.refresh_clocks() so that dashboards and lists can filter
    # and sort on them in the database instead of computing every deadline in Python.
    current_stage = models.PositiveSmallIntegerField(default=0)
    next_deadline = models.DateField(null=True, blank=True, db_index=True)
    next_deadline_what = models.CharField(max_length=100, blank=True)

    # The check page its recording was confirmed on: sent again (Back, then "Record it"; a
    # double click), it finds this case instead of recording the representation twice.
    recorded_from = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    # Optimistic locking: a form carries the version it was read at; saving an older one
    # is refused so that two officers never silently overwrite each other.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        db_index=False,  # only ever read from the case
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["record_type", "received_on"]),
            models.Index(fields=["closed_on", "next_deadline"]),
            # The case list's default order.
            models.Index(fields=["-received_on", "-id"], name="cases_newest_first"),
            # The report's Ombudsman measures count by this date.
            models.Index(fields=["ombudsman_received_on"], name="cases_ombudsman_received"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def procedure(self) -> Procedure:
        return procedure_for(self.record_type.procedure)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def status(self) -> str:
        return "Open" if self.is_open else "Closed"

    @property
    def payment_total(self) -> Decimal | None:
        total = self.payments.aggregate(total=Sum("amount"))["total"]
        return total

    def stage(self, number: int) -> Stage | None:
        # Uses prefetched stages when a list view prefetched them.
        for stage in self.stages.all():
            if stage.number == number:
                return stage
        return None

    @property
    def open_stage(self) -> Stage | None:
        open_stages = [s for s in self.stages.all() if s.responded_on is None]
        return max(open_stages, key=lambda s: s.number) if open_stages else None

    @property
    def reminders_stopped(self) -> bool:
        return self.reminders_stopped_on is not None

    @property
    def stage1_clock_start(self) -> dt.date:
        """Interchange rule: a converted complaint's Stage 1 counts from its conversion."""
        return self.converted_on or self.received_on


class Stage(models.Model):
    """One stage of a procedure on one case, with its clock."""

    # Indexed first in one_stage_of_each_number.
    case = models.ForeignKey(Case, db_index=False, on_delete=models.PROTECT, related_name="stages")
    number = models.PositiveSmallIntegerField()
    requested_on = models.DateField(
        null=True, blank=True, help_text="When the complainant asked for this stage."
    )
    statement_agreed_on = models.DateField(
        null=True, blank=True, help_text="Stage 2: when the statement of complaint was agreed."
    )
    started_on = models.DateField(help_text="When the clock started.")
    # Imported from a file that left Stage 1's start empty: the interchange format's rule
    # gave it (the conversion or received date), so it is exported empty again and follows
    # a correction of those dates.
    start_implied = models.BooleanField(
        default=False, help_text="Stage 1's start was left to the interchange format's rule."
    )
    acknowledged_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True, help_text="The statutory deadline.")
    extended_to = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    late_request_accepted = models.BooleanField(
        default=False, help_text="Asked for after the usual window, and accepted."
    )
    panel_held_on = models.DateField(null=True, blank=True)
    panel_report_on = models.DateField(null=True, blank=True)
    # Adult social care: when the complainant was told why there was no response within 6
    # months, or the longer period agreed, and what they were told (SI 2009/309 reg 14).
    delay_explained_on = models.DateField(null=True, blank=True)
    delay_explanation = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=20, choices=StageOutcome.choices, blank=True)
    response_summary = models.TextField(blank=True)
    responding_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stages_responding",
    )
    investigating_officer = models.CharField(max_length=200, blank=True)
    independent_person = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "number"]
        # The report counts Stage 2 and 3 starts in a period.
        indexes = [models.Index(fields=["number", "started_on"], name="stages_started")]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_stage_of_each_number")
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} stage {self.number}"

    @property
    def effective_due_on(self) -> dt.date | None:
        return self.extended_to or self.due_on

    @property
    def is_open(self) -> bool:
        return self.responded_on is None


class EventKind(models.TextChoices):
    RECORDED = "recorded", "Recorded"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    ASSIGNED = "assigned", "Assigned"
    CONVERTED = "converted", "Record type changed"
    REFUSED = "refused", "Refused"
    STAGE_STARTED = "stage_started", "Stage started"
    STAGE_ACKNOWLEDGED = "stage_acknowledged", "Stage acknowledged"
    STAGE_EXTENDED = "stage_extended", "Deadline extended"
    PANEL_HELD = "panel_held", "Review panel held"
    PANEL_REPORTED = "panel_reported", "Panel report received"
    DELAY_EXPLAINED = "delay_explained", "Told why there is no response yet"
    STAGE_RESPONDED = "stage_responded", "Stage responded to"
    WITHDRAWN = "withdrawn", "Withdrawn"
    OUTCOMES_RECORDED = "outcomes_recorded", "Outcomes recorded"
    ADVOCACY = "advocacy", "Advocacy recorded"
    OMBUDSMAN_RECEIVED = "ombudsman_received", "Ombudsman enquiry received"
    OMBUDSMAN_DECIDED = "ombudsman_decided", "Ombudsman decision"
    PAYMENT = "payment", "Payment recorded"
    CONTACT = "contact", "Contact logged"
    NOTE = "note", "Note added"
    DOCUMENT = "document", "Document added"
    EDITED = "edited", "Details changed"
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"
    IMPORTED = "imported", "Imported"
    # The responding manager was e-mailed a reminder of the stage's deadline (reminders.py).
    REMINDED = "reminded", "Reminder sent"
    # The complaints team stopped, or started again, the reminders on a case (actions.reminders).
    REMINDERS_STOPPED = "reminders_stopped", "Reminders stopped"
    REMINDERS_STARTED = "reminders_started", "Reminders started again"


class CaseEvent(models.Model):
    """A row of the case's timeline: what happened, with old and new values, who and when."""

    # Indexed first with happened_on (Meta.indexes).
    case = models.ForeignKey(Case, db_index=False, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    happened_on = models.DateField(help_text="The date it happened (may be before it was keyed).")
    recorded_at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        db_index=False,  # only ever read from the event
        on_delete=models.PROTECT,
        related_name="+",
    )
    stage_number = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)
    old_value = models.CharField(max_length=200, blank=True)
    new_value = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["happened_on", "recorded_at", "id"]
        indexes = [models.Index(fields=["case", "happened_on"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_kind_display()} {self.happened_on}"


class PartyRole(models.TextChoices):
    COMPLAINANT = "complainant", "Made the representation"
    CHILD = "child", "Child or young person it concerns"
    ADVOCATE = "advocate", "Advocate"
    REPRESENTATIVE = "representative", "Representative (MP, councillor, professional)"


class CaseParty(models.Model):
    # Indexed first in one_role_per_person.
    case = models.ForeignKey(Case, db_index=False, on_delete=models.PROTECT, related_name="parties")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    relationship = models.CharField(
        max_length=100, blank=True, help_text="Relationship to the child, in their words."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "case parties"
        constraints = [
            models.UniqueConstraint(fields=["case", "person", "role"], name="one_role_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ContactDirection(models.TextChoices):
    INCOMING = "incoming", "From them"
    OUTGOING = "outgoing", "From us"


class Contact(models.Model):
    """A later contact on a case (the first contact is the case itself)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="contacts")
    happened_at = models.DateTimeField()
    direction = models.CharField(max_length=10, choices=ContactDirection.choices)
    method = models.ForeignKey(HowReceived, on_delete=models.PROTECT, related_name="+")
    with_whom = models.CharField(max_length=200, blank=True)
    summary = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["happened_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} by {self.method}: {self.summary[:60]}"


class Payment(models.Model):
    """A time-and-trouble or remedy payment."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    paid_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    recommended_by_ombudsman = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["paid_on", "id"]

    def __str__(self) -> str:
        return f"£{self.amount:,.2f}"


class ReferenceCounter(models.Model):
    """The last number issued per prefix and year, so references never collide."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="one_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"


def document_path(document: Document, filename: str) -> str:
    # Stored under a random name outside the web root: the original name is kept in the
    # row, never used as a path.
    import uuid

    return f"cases/{document.case_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file on a case: a letter, a response, an attachment sent with an online form."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=document_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_public = models.BooleanField(default=False)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
