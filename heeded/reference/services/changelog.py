"""Writing the settings change log (see ``heeded.reference.models.ChangeLog``)."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models

from ..models import Action, ChangeLog


def as_text(value) -> str:
    """How a value is kept in the log: codes for related rows, ISO dates, "" for None."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return getattr(value, "code", None) or str(value.pk)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(sorted(as_text(v) for v in value))
    return str(value)


def log(*, by, area: str, subject: str, action: Action, field="", old="", new="") -> ChangeLog:
    return ChangeLog.objects.create(
        changed_by=by,
        area=area,
        subject=subject,
        action=action,
        field=field,
        old=as_text(old),
        new=as_text(new),
    )


def log_created(*, by, area: str, subject: str, values: Mapping) -> None:
    ChangeLog.objects.bulk_create(
        ChangeLog(
            changed_by=by,
            area=area,
            subject=subject,
            action=Action.CREATED,
            field=name,
            new=as_text(value),
        )
        for name, value in values.items()
        if as_text(value) != ""
    )


def log_changes(*, by, area: str, subject: str, before: Mapping, after: Mapping) -> int:
    """One row per field whose value differs; returns how many fields changed."""
    rows = [
        ChangeLog(
            changed_by=by,
            area=area,
            subject=subject,
            action=Action.CHANGED,
            field=name,
            old=as_text(before[name]),
            new=as_text(after[name]),
        )
        for name in after
        if as_text(before[name]) != as_text(after[name])
    ]
    ChangeLog.objects.bulk_create(rows)
    return len(rows)
