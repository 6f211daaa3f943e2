"""Editing a case's details safely when two people have it open."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from heeded.taxonomy.wording import in_sentence

from ..models import Case, EventKind
from ._base import (
    ProcedureError,
    locked,
    long_date,
    record_event,
    require_known_year,
    require_not_before,
    require_remedial_details,
    save_case,
    staff_name,
)
from .clocks import refresh_clocks
from .recording import MULTI_VALUED

# Details an officer may correct from the case page. Dates that drive clocks (stage dates,
# closure) change only through their own actions, so the procedure's rules always apply.
EDITABLE = (
    "how_received",
    "complainant_type",
    "young_person",
    "via_professional",
    "summary",
    "received_on",
    "acknowledged_on",
    "remedial_action",
    "remedial_action_details",
    "lessons_learned",
    "learning_for_report",
    "advocacy_provider",
)


# Kept up to date by the actions themselves: a change to them is not news to the reader.
NOT_NEWS = ("version", "current_stage", "next_deadline", "next_deadline_what")


def changes_since(case: Case, version: int) -> list[str]:
    """Plain words for what changed after ``version``, to show the second editor:
    "Assigned by Priya Shah", then "Case officer: none became Daniel Okafor"."""
    newer = case.history.filter(version__gt=version).order_by("history_date")
    lines = []
    for record in newer.select_related("history_user"):
        who = staff_name(record.history_user) or "someone"
        lines.append(f"{record.history_change_reason or 'Changed'} by {who}")
        previous = record.prev_record
        if previous is None:
            continue
        for change in record.diff_against(previous).changes:
            if change.field in NOT_NEWS:
                continue
            field = Case._meta.get_field(change.field)
            label = field.verbose_name[:1].upper() + field.verbose_name[1:]
            old, new = _in_words(field, change.old), _in_words(field, change.new)
            lines.append(f"{label}: {old} became {new}")
    return lines


def _in_words(field, value) -> str:
    """A stored value as the case page shows it: a name for a code or a person, a date in
    words, yes or no. One query for a code or person (only when two people collided)."""
    if value is None or value == "":
        return "none"
    if field.is_relation:
        found = field.related_model._default_manager.filter(pk=value).first()
        if found is None:
            return str(value)
        return staff_name(found) if hasattr(found, "get_full_name") else str(found)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return long_date(value)
    return f"'{value}'"


def update_details(case: Case, *, by, expected_version: int, **changes) -> Case:
    """Save edited details, refusing if someone else saved the case in the meantime."""
    multi = {name: changes.pop(name) for name in MULTI_VALUED if name in changes}
    not_editable = set(changes) - set(EDITABLE)
    if not_editable:
        raise ProcedureError(
            f"These details cannot be edited here: {', '.join(sorted(not_editable))}"
        )
    with transaction.atomic():
        case = locked(case, expected_version)
        if "received_on" in changes:
            require_known_year(changes["received_on"], "received", "received_on")
            first = case.stages.order_by("started_on").first()
            if first and changes["received_on"] > first.started_on:
                raise ProcedureError(
                    f"The date received cannot be after {_started(case, first)} "
                    f"({long_date(first.started_on)}).",
                    "received_on",
                )
        if changes.get("acknowledged_on"):
            require_known_year(
                changes["acknowledged_on"], "of the acknowledgement", "acknowledged_on"
            )
            require_not_before(
                changes["acknowledged_on"],
                changes.get("received_on", case.received_on),
                "of the acknowledgement",
                "the date received",
                "acknowledged_on",
            )
        if changes.get("remedial_action") and not case.remedial_action:
            # Only when Yes is new: a case imported with Yes and no details stays editable.
            require_remedial_details(
                True, changes.get("remedial_action_details", case.remedial_action_details)
            )
        changed = [name for name, value in changes.items() if getattr(case, name) != value]
        for name, value in changes.items():
            setattr(case, name, value)
        for name, values in multi.items():
            current = set(getattr(case, name).values_list("pk", flat=True))
            if current != {v.pk for v in values}:
                getattr(case, name).set(values)
                changed.append(name)
        if changed:
            labels = ", ".join(Case._meta.get_field(n).verbose_name for n in changed)
            record_event(
                case,
                EventKind.EDITED,
                by=by,
                on=case.updated_at.date(),
                description=f"Changed: {labels}",
            )
        refresh_clocks(case)
        save_case(case, by, "Details changed")
    return case


def _started(case: Case, stage) -> str:
    """ "Stage 1 started"; for an FOI request, whose one stage is its response, "the
    response clock started", as its timeline says."""
    rule = case.procedure.stage(stage.number)
    if rule is None or rule.numbered:
        return f"Stage {stage.number} started"
    return f"the {in_sentence(rule.response.what)} clock started"


__all__ = ["changes_since", "update_details", "transaction"]
