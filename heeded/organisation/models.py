from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from heeded.procedures.declarations import MP_ENQUIRY

# When ``heeded send_reminders`` chases a responding manager (heeded/cases/reminders.py),
# unless the council chooses otherwise: a week ahead to plan, two days ahead and on the day
# (working days before the response's deadline), then on the first working day late and
# every week after. A council's own choice, not a statutory rule.
REMINDER_DAYS_BEFORE = (5, 2, 0)
REMINDER_OVERDUE_EVERY = 5
# A reminder further ahead than a month of working days is no longer a reminder.
REMINDER_MOST_DAYS = 20


def default_reminder_days() -> list[int]:
    return list(REMINDER_DAYS_BEFORE)


def validate_reminder_days(days) -> None:
    if not isinstance(days, list) or not all(
        isinstance(day, int) and 0 <= day <= REMINDER_MOST_DAYS for day in days
    ):
        raise ValidationError(
            f"Reminder days must be whole numbers from 0 to {REMINDER_MOST_DAYS}",
            code="invalid",
        )


class Stage2ClockStart(models.TextChoices):
    # LGSCO decisions count Stage 2 "from the date of request" (Staffordshire 25 010 090);
    # many councils count from the agreed statement of complaint (domain.md section 1.6).
    REQUEST = "request", "The date the complainant asked for Stage 2"
    STATEMENT_AGREED = "statement_agreed", "The date the statement of complaint was agreed"


class Organisation(models.Model):
    """The council running Heeded: one row, edited by complaints managers."""

    name = models.CharField(max_length=200, default="Demo Borough Council")
    department = models.CharField(max_length=200, default="Children's Services", blank=True)
    reference_prefix = models.CharField(
        max_length=8,
        default="CS",
        help_text="Starts every new case reference, as in CS-2026-00042.",
    )
    stage2_clock_start = models.CharField(
        max_length=20,
        choices=Stage2ClockStart.choices,
        default=Stage2ClockStart.REQUEST,
        help_text="Both dates are always recorded; this chooses which one starts the clock.",
    )
    mp_enquiry_working_days = models.PositiveSmallIntegerField(
        # The declared target, until the council sets its own.
        default=MP_ENQUIRY.stage(1).response.limit,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Local target for MP and councillor enquiries (no statutory timescale).",
    )
    small_number_threshold = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(20)],
        help_text='In the public report, counts below this are shown as "fewer than N".',
    )
    reminder_days_before = models.JSONField(
        default=default_reminder_days,
        blank=True,
        validators=[validate_reminder_days],
        help_text="Working days before a response's deadline when its responding manager is "
        "reminded (0: the day it is due). None: no reminder before it is late.",
    )
    reminder_overdue_every = models.PositiveSmallIntegerField(
        default=REMINDER_OVERDUE_EVERY,
        validators=[MaxValueValidator(REMINDER_MOST_DAYS)],
        help_text="Once a response is late: reminded on the first working day late, then every "
        "this many working days (0: only once).",
    )
    complaints_manager_name = models.CharField(max_length=200, blank=True)
    complaints_email = models.EmailField(blank=True)
    # What the public forms show: where to turn if a child is at risk, and the council's own
    # privacy notice and accessibility statement (the forms collect personal data about
    # children, and a public sector site must publish an accessibility statement).
    safeguarding_phone = models.CharField(max_length=40, blank=True)
    # Who the council's advocates for children come from (CA 1989 s.26A): a child who
    # complains must be told about advocacy and offered help to get it (domain.md 1.7).
    advocacy_service_name = models.CharField(max_length=200, blank=True)
    advocacy_service_phone = models.CharField(max_length=40, blank=True)
    advocacy_service_url = models.URLField(blank=True)
    privacy_notice_url = models.URLField(blank=True)
    accessibility_statement_url = models.URLField(blank=True)

    class Meta:
        verbose_name = "organisation"

    def __str__(self) -> str:
        return self.name

    @property
    def public_links(self) -> list[dict[str, str]]:
        """The footer links of the public forms (as base.html's ``footer_links``)."""
        links = [
            ("Privacy notice", self.privacy_notice_url),
            ("Accessibility statement", self.accessibility_statement_url),
        ]
        return [{"text": text, "href": href} for text, href in links if href]

    @classmethod
    def current(cls) -> "Organisation":
        organisation = cls.objects.order_by("pk").first()
        return organisation or cls.objects.create()
