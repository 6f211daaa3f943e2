"""The taxonomy: the codes cases are classified by.

Codes are stable (they are the interchange format's vocabulary and the keys of every report
measure); labels and descriptions are the organisation's to change. A code that is no longer
used is retired, never deleted, so old cases keep their meaning.
"""

from django.core.validators import RegexValidator
from django.db import models

from heeded.procedures.declarations import PROCEDURE_CHOICES

code_validator = RegexValidator(
    r"^[a-z0-9_]+$", "A code uses only lower-case letters, digits and underscores."
)


class TermQuerySet(models.QuerySet):
    def in_use(self):
        return self.filter(retired=False)


class Term(models.Model):
    code = models.CharField(max_length=50, unique=True, validators=[code_validator])
    label = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="Shown in the annual report's glossary.")
    retired = models.BooleanField(
        default=False, help_text="Retired codes stay on old cases but are not offered."
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return self.label


class Family(models.TextChoices):
    STATUTORY = "statutory", "Statutory"
    OTHER = "other", "Other"


class RecordType(Term):
    family = models.CharField(max_length=10, choices=Family.choices, default=Family.OTHER)
    procedure = models.CharField(
        max_length=40,
        default="none",
        choices=PROCEDURE_CHOICES,
        help_text="The procedure whose clocks and stages apply (see heeded/procedures).",
    )

    class Meta(Term.Meta):
        verbose_name = "record type"


class HowReceived(Term):
    class Meta(Term.Meta):
        verbose_name = "how received"
        verbose_name_plural = "how received"


class ComplainantType(Term):
    class Meta(Term.Meta):
        verbose_name = "complainant type"


class ServiceLevel(models.TextChoices):
    DIRECTORATE = "directorate", "Directorate"
    SERVICE = "service", "Service"
    TEAM = "team", "Team"


class ServiceTeam(Term):
    """A directorate, service or team: what a representation is about, and who answers it."""

    level = models.CharField(max_length=12, choices=ServiceLevel.choices, default=ServiceLevel.TEAM)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta(Term.Meta):
        verbose_name = "service or team"
        verbose_name_plural = "services and teams"


class Nature(Term):
    class Meta(Term.Meta):
        verbose_name = "nature of complaint"
        verbose_name_plural = "natures of complaint"


class Outcome(Term):
    """What a complainant asks for (outcome sought) and what they get (actual outcome)."""

    # The label is the complaints team's and the annual report's word ("Meeting offer"); the
    # online complaint form asks a parent or a child in theirs ("A meeting to talk about it").
    public_wording = models.CharField(
        "wording on the online form",
        max_length=200,
        blank=True,
        help_text="How the online complaint form offers it. Left empty, the label is used.",
    )
    asked_online = models.BooleanField(
        "offered on the online form",
        default=True,
        help_text="Whether someone complaining online can ask for it.",
    )

    class Meta(Term.Meta):
        verbose_name = "outcome"

    @property
    def public_label(self) -> str:
        return self.public_wording or self.label


class RefusalReason(Term):
    class Meta(Term.Meta):
        verbose_name = "refusal reason"


class OmbudsmanDecision(Term):
    class Meta(Term.Meta):
        verbose_name = "Ombudsman decision"


TAXONOMY_MODELS = {
    "record_type": RecordType,
    "how_received": HowReceived,
    "complainant_type": ComplainantType,
    "service_team": ServiceTeam,
    "nature": Nature,
    "outcome": Outcome,
    "refusal_reason": RefusalReason,
    "ombudsman_decision": OmbudsmanDecision,
}
