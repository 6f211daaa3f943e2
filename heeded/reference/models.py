"""Who changed the council's settings, and what the value was before.

The taxonomy, closure days and the organisation row carry no simple_history of their own, so
every change made through ``heeded.reference.services`` writes one row here per field
changed, in the same transaction (like healthchecks' ``Flip``: one row a report can count).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Action(models.TextChoices):
    CREATED = "created", "Added"
    CHANGED = "changed", "Changed"
    RETIRED = "retired", "Retired"
    UNRETIRED = "unretired", "Put back in use"
    REMOVED = "removed", "Removed"
    DEACTIVATED = "deactivated", "Deactivated"
    REACTIVATED = "reactivated", "Reactivated"
    PASSWORD_LINK = "password_link", "Set-password link made"


class ChangeLog(models.Model):
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # What was changed: a taxonomy kind ("nature", "service_team"), "closure_day",
    # "organisation", "staff", or the annual report's "recommendation" and
    # "recommendation_progress"; and which one (a code, a date, a username, a title).
    area = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    field = models.CharField(max_length=60, blank=True)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = "change to settings"
        verbose_name_plural = "changes to settings"

    def __str__(self) -> str:
        return f"{self.changed_at:%Y-%m-%d %H:%M} {self.area} {self.subject}: {self.action}"


class Edition(models.Model):
    """Which edition of the reference data pages read: one row, whose number database
    triggers change with every change to the tables ``heeded.reference.editions`` watches,
    so each process knows when what it keeps of them is out of date."""

    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Reference data edition {self.number}"
