"""Finding people already on file, so a returning complainant is not recorded twice."""

from __future__ import annotations

from django.db.models import Q

from heeded.cases.models import Person

MOST = 6


def normalise_postcode(postcode: str) -> str:
    return " ".join(postcode.upper().split())


def find_people(*, name: str = "", email: str = "", postcode: str = "") -> list[Person]:
    """People matching any of a name (part of it), an email address or a postcode."""
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
    return list(Person.objects.filter(query).order_by("full_name", "id")[:MOST])
