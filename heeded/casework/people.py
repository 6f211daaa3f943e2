"""Finding people already on file, so a returning complainant is not recorded twice."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from heeded.calendars.dates import long_date
from heeded.cases.models import CaseParty, PartyRole, Person

MOST = 6


def normalise_postcode(postcode: str) -> str:
    return " ".join(postcode.upper().split())


def find_people(*, name: str = "", email: str = "", postcode: str = "") -> list[Person]:
    """People matching any of a name (part of it), an email address or a postcode.

    A term with a null character in it (refused by the form, but searched for as it is
    typed) matches no one: nothing kept holds one, and PostgreSQL refuses to be asked."""
    name, email, postcode = ("" if "\x00" in term else term for term in (name, email, postcode))
    name, email, postcode = name.strip(), email.strip(), normalise_postcode(postcode)
    query = Q()
    if len(name) >= 3:
        query |= Q(full_name__icontains=name)
    if email:
        query |= Q(email__iexact=email)
    if len(postcode) >= 5:
        query |= Q(postcode__iexact=postcode) | Q(postcode__iexact=postcode.replace(" ", ""))
    if not query:
        return []
    made = CaseParty.objects.filter(role=PartyRole.COMPLAINANT).select_related("case__record_type")
    people = list(
        Person.objects.filter(query)
        .prefetch_related(
            Prefetch(
                "case_parties",
                queryset=made.order_by("-case__received_on", "-case_id"),
                to_attr="made",
            )
        )
        .order_by("full_name", "id")[:MOST]
    )
    for person in people:
        person.cases_made = cases_made(person.made)
    return people


def cases_made(parties: list[CaseParty], most: int = 2) -> str:
    """What tells two people of one name apart when neither has an email or postcode on
    file: "Made CS-2026-00042: Compliment, received 12 September 2022; and 1 more"."""
    if not parties:
        return ""
    shown = [
        f"{p.case.reference}: {p.case.record_type.label}, received {long_date(p.case.received_on)}"
        for p in parties[:most]
    ]
    more = len(parties) - most
    return "Made " + "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
