"""The case's timeline: events, contacts and documents merged in the order they happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.urls import reverse

from heeded.cases.models import Case, EventKind

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Entry:
    on: dt.date
    at: dt.datetime  # for ordering within a day
    title: str
    text: str = ""
    by: object = None
    stage_number: int | None = None
    link: str = ""
    link_text: str = ""
    kind: str = ""


def _title(event) -> str:
    kind = EventKind(event.kind)
    stage = f"Stage {event.stage_number}: " if event.stage_number else ""
    if kind is EventKind.STAGE_RESPONDED and event.new_value:
        return f"{stage}responded to, {event.new_value.lower()}"
    if kind is EventKind.STAGE_EXTENDED and event.new_value:
        new = dt.date.fromisoformat(event.new_value)
        return f"{stage}deadline extended to {new.day} {new:%B %Y}"
    if kind is EventKind.STAGE_STARTED:
        return f"Stage {event.stage_number} started" if event.stage_number else "Started"
    return f"{stage}{kind.label}" if not stage else f"{stage}{kind.label.lower()}"


def timeline(case: Case) -> list[Entry]:
    """Newest first. Uses the rows prefetched by ``selectors.with_everything``."""
    entries = [
        Entry(
            on=e.happened_on,
            at=e.recorded_at,
            title=_title(e),
            text=e.description,
            by=e.by,
            stage_number=e.stage_number,
            kind=e.kind,
        )
        for e in case.events.all()
    ]
    for c in case.contacts.all():
        local = c.happened_at.astimezone(LONDON)
        entries.append(
            Entry(
                on=local.date(),
                at=c.happened_at,
                title=f"{c.method.label} {c.get_direction_display().lower()}"
                + (f" ({c.with_whom})" if c.with_whom else ""),
                text=c.summary,
                by=c.by,
                kind="contact",
            )
        )
    for d in case.documents.all():
        entries.append(
            Entry(
                on=d.uploaded_at.astimezone(LONDON).date(),
                at=d.uploaded_at,
                title="Document added",
                text=d.description,
                by=d.uploaded_by,
                link=reverse("casework:document", kwargs={"reference": case.reference, "pk": d.pk}),
                link_text=d.original_name,
                kind="document",
            )
        )
    return sorted(entries, key=lambda e: (e.on, e.at), reverse=True)
