"""Finding people already on file, so a returning complainant is not recorded twice."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When

from heeded.calendars.dates import long_date
from heeded.cases.models import CaseParty, PartyRole, Person

MOST = 6


def normalise_postcode(postcode: str) -> str:
    """ "db53lt", "DB5  3LT" and "db5 3lt" as the Royal Mail writes them: "DB5 3LT". The
    inward code is always the last three characters, so the space goes before them."""
    compact = "".join(postcode.upper().split())
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) >= 5 else compact


def _matches(term: Q) -> Case:
    return Case(When(term, then=Value(1)), default=Value(0), output_field=IntegerField())


def find_people(*, name: str = "", email: str = "", postcode: str = "") -> list[Person]:
    """People matching any of a name, an email address or a postcode, those matching most of
    what was typed first.

    A name matches whatever its words' case, order or spacing ("evie  WRIGHT" finds Evie
    Wright; so does "Wright"). Someone whose name and email both match comes before
    everyone who shares only the email (a family's, or an advocacy service's), who would
    otherwise fill the list alphabetically and hide them.

    A term with a null character in it (refused by the form, but searched for as it is
    typed) matches no one: nothing kept holds one, and PostgreSQL refuses to be asked."""
    name, email, postcode = ("" if "\x00" in term else term for term in (name, email, postcode))
    words, email, postcode = name.split(), email.strip(), normalise_postcode(postcode)
    terms = []
    if len("".join(words)) >= 3:
        terms.append(Q(*(Q(full_name__icontains=word) for word in words)))
        terms.append(Q(full_name__iexact=" ".join(words)))  # the whole name: first
    if email:
        terms.append(Q(email__iexact=email))
    if len(postcode) >= 6:
        terms.append(Q(postcode__iexact=postcode) | Q(postcode__iexact=postcode.replace(" ", "")))
    if not terms:
        return []
    query = Q()
    for term in terms:
        query |= term
    score = sum((_matches(term) for term in terms[1:]), _matches(terms[0]))
    made = CaseParty.objects.filter(role=PartyRole.COMPLAINANT).select_related("case__record_type")
    people = list(
        Person.objects.filter(query)
        .annotate(score=score)
        .prefetch_related(
            Prefetch(
                "case_parties",
                queryset=made.order_by("-case__received_on", "-case_id"),
                to_attr="made",
            )
        )
        .order_by("-score", "full_name", "id")[:MOST]
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
