"""Directorates, services and teams: a hierarchy three levels deep.

A unit sits under a unit of a higher level (a team under a service or a directorate, a
service under a directorate; a directorate at the top), so the tree can have no cycles. The
checks below still look for one explicitly, because a level change could otherwise leave a
unit under its own descendant.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from heeded.taxonomy.models import ServiceLevel, ServiceTeam

from . import taxonomy

KIND = "service_team"
RANK = {ServiceLevel.DIRECTORATE: 0, ServiceLevel.SERVICE: 1, ServiceLevel.TEAM: 2}
UNDER = {
    ServiceLevel.SERVICE: "A service must sit under a directorate",
    ServiceLevel.TEAM: "A team must sit under a directorate or a service",
}


@dataclass
class Branch:
    """One unit with the units under it, for the indented list."""

    unit: ServiceTeam
    children: list[Branch]


def hierarchy(units=None) -> list[Branch]:
    """Every unit as a tree (one query); units whose parent is missing are put at the top."""
    units = list(ServiceTeam.objects.all() if units is None else units)
    branches = {unit.pk: Branch(unit, []) for unit in units}
    roots = []
    for unit in units:  # already in position, label order
        parent = branches.get(unit.parent_id)
        (parent.children if parent else roots).append(branches[unit.pk])
    return roots


def descendants(unit: ServiceTeam) -> list[ServiceTeam]:
    found, frontier = [], [unit.pk]
    while frontier:
        children = list(ServiceTeam.objects.filter(parent_id__in=frontier))
        found += children
        frontier = [child.pk for child in children]
    return found


def check_placement(unit: ServiceTeam | None, level: str, parent: ServiceTeam | None) -> None:
    """Raise a ValidationError naming the field if ``unit`` cannot sit where asked."""
    level = ServiceLevel(level)
    if parent is not None:
        if level == ServiceLevel.DIRECTORATE:
            raise ValidationError({"parent": "A directorate does not sit under anything"})
        if RANK[ServiceLevel(parent.level)] >= RANK[level]:
            raise ValidationError({"parent": f"{UNDER[level]}, not under a {parent.level}"})
        if unit is not None and (
            parent.pk == unit.pk or parent.pk in {d.pk for d in descendants(unit)}
        ):
            raise ValidationError(
                {"parent": f"{unit.label} cannot sit under {parent.label}, which is inside it"}
            )
        if parent.retired and (unit is None or unit.parent_id != parent.pk):
            raise ValidationError({"parent": f"{parent.label} is retired: choose one in use"})
    if unit is not None:
        clash = next(
            (c for c in unit.children.all() if RANK[ServiceLevel(c.level)] <= RANK[level]), None
        )
        if clash is not None:
            raise ValidationError(
                {
                    "level": f"{unit.label} cannot become a {level.value} while "
                    f"{clash.label} ({clash.level}) sits under it: move that first"
                }
            )


def add_unit(
    *,
    by,
    code: str,
    label: str,
    level: str,
    parent: ServiceTeam | None = None,
    description: str = "",
    position: int | None = None,
) -> ServiceTeam:
    check_placement(None, level, parent)
    return taxonomy.add_term(
        KIND,
        by=by,
        code=code,
        label=label,
        description=description,
        position=position,
        level=level,
        parent=parent,
    )


def update_unit(
    unit: ServiceTeam,
    *,
    by,
    label: str,
    level: str,
    parent: ServiceTeam | None,
    description: str,
    position: int,
) -> ServiceTeam:
    check_placement(unit, level, parent)
    taxonomy.check_label_free(ServiceTeam, label, besides=unit)
    before = {
        "label": unit.label,
        "level": unit.level,
        "parent": unit.parent,
        "description": unit.description,
        "position": unit.position,
    }
    after = {
        "label": label,
        "level": level,
        "parent": parent,
        "description": description,
        "position": position,
    }
    for name, value in after.items():
        setattr(unit, name, value)
    unit.full_clean(validate_unique=False)
    with transaction.atomic():
        unit.save()
        taxonomy.changelog.log_changes(
            by=by, area=KIND, subject=unit.code, before=before, after=after
        )
    return unit


def retire_unit(unit: ServiceTeam, *, by) -> ServiceTeam:
    in_use = unit.children.filter(retired=False).first()
    if in_use is not None:
        raise ValidationError(
            f"{unit.label} cannot be retired while {in_use.label} under it is in use: "
            "retire or move the units under it first"
        )
    return taxonomy.retire_term(unit, by=by)


def unretire_unit(unit: ServiceTeam, *, by) -> ServiceTeam:
    if unit.parent is not None and unit.parent.retired:
        raise ValidationError(
            f"{unit.label} cannot be put back in use while {unit.parent.label}, which it "
            "sits under, is retired: put that back in use first"
        )
    return taxonomy.unretire_term(unit, by=by)
