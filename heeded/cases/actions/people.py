"""Joining two records of one person: someone recorded again who was already on file."""

from __future__ import annotations

from django.db import transaction
from django.utils.timezone import localdate

from ..models import Case, CaseParty, EventKind, Person
from ._base import record_event, require, save_with_history
from .records import PERSON_DETAILS


def same_person_as(case: Case, person: Person, on_file: Person, *, by) -> list[str]:
    """``person`` on ``case`` is ``on_file``, someone already on file: the case names
    ``on_file`` instead, in every role ``person`` had on it.

    A public form cannot show a parent or child who is on file (it would tell a stranger
    who is), so each form sent makes new records; three complaints about one child made
    three children, whose history on the case page and in the young people's figures could
    not be joined. The details ``on_file`` lacks are taken from ``person`` (those it has
    are kept: the officer saw both side by side), and ``person`` is removed once no case
    names them; their history keeps what they were. Returns the names of the details taken.
    """
    with transaction.atomic():
        require(person.pk != on_file.pk, f"{person.full_name} is already that record.")
        parties = list(CaseParty.objects.select_for_update().filter(case=case, person=person))
        require(bool(parties), f"{person.full_name} is no longer on {case.reference}.")
        held = set(
            CaseParty.objects.filter(case=case, person=on_file).values_list("role", flat=True)
        )
        for party in parties:
            if party.role in held:  # on the case in that role already: once is enough
                party._history_user = by
                party.delete()
            else:
                party.person = on_file
                save_with_history(party, by, "Same person as someone on file")
        taken = _take_missing_details(on_file, person, by)
        if not person.case_parties.exists():
            person._history_user = by
            person.delete()
        record_event(
            case,
            EventKind.EDITED,
            by=by,
            on=localdate(),
            description=_joined_in_words(person, on_file, taken),
        )
    return taken


def _joined_in_words(person: Person, on_file: Person, taken: list[str]) -> str:
    """ "A second record of Kit Whitlock joined to the one already on file, which was
    given their postcode."; "Kit Whitlok joined to Kit Whitlock, ..." where the names differ."""
    if person.full_name == on_file.full_name:
        joined = f"A second record of {on_file.full_name} joined to the one already on file"
    else:
        joined = f"{person.full_name} joined to {on_file.full_name}, the same person on file"
    return joined + (f", which was given their {', '.join(taken).lower()}" if taken else "") + "."


def _take_missing_details(on_file: Person, person: Person, by) -> list[str]:
    missing = [
        name for name in PERSON_DETAILS if not getattr(on_file, name) and getattr(person, name)
    ]
    for name in missing:
        setattr(on_file, name, getattr(person, name))
    if missing:
        save_with_history(on_file, by, "Details taken from a second record of them")
    return [Person._meta.get_field(name).verbose_name for name in missing]
