"""The organisation's own settings (one row: ``Organisation.current()``)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from heeded.organisation.models import Organisation

from . import changelog

EDITABLE = (
    "name",
    "department",
    "reference_prefix",
    "stage2_clock_start",
    "mp_enquiry_working_days",
    "small_number_threshold",
    "reminder_days_before",
    "reminder_overdue_every",
    "complaints_manager_name",
    "complaints_email",
    "safeguarding_phone",
    "advocacy_service_name",
    "advocacy_service_phone",
    "advocacy_service_url",
    "privacy_notice_url",
    "accessibility_statement_url",
)


def update_organisation(organisation: Organisation, *, by, **changes) -> Organisation:
    """Change the organisation's settings; raises ValidationError naming the field.

    A new reference prefix applies to cases recorded from now on: references already given
    never change, and each prefix has its own counter, so no reference can be given twice.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"These cannot be changed here: {', '.join(sorted(unknown))}")
    prefix = changes.get("reference_prefix")
    if prefix is not None and not re.fullmatch(r"[A-Z][A-Z0-9]{0,7}", prefix):
        # The prefix is followed by "-YEAR-NUMBER": a hyphen or space in it would make
        # references ambiguous to read back and to import.
        raise ValidationError(
            {
                "reference_prefix": "Reference prefix must be 1 to 8 capital letters or "
                "digits, starting with a letter, like CS"
            }
        )
    before = {name: getattr(organisation, name) for name in changes}
    for name, value in changes.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        changelog.log_changes(
            by=by,
            area="organisation",
            subject=organisation.name,
            before=_as_logged(before),
            after=_as_logged(changes),
        )
    return organisation


def _as_logged(values: dict) -> dict:
    """Reminder days as the settings page writes them ("10, 3, 0"), not sorted as text as
    the log keeps other lists: their order is the order of the reminders."""
    days = values.get("reminder_days_before")
    if days is None:
        return values
    return values | {"reminder_days_before": ", ".join(map(str, days))}
