"""Finding people already on file, so a returning complainant, or a child a second complaint
is about, is not recorded twice."""

from __future__ import annotations

import datetime as dt
import operator
from functools import reduce

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from heeded.calendars.dates import long_date
from heeded.cases.models import CaseParty, PartyRole, Person

from .questions import questions_for

MOST = 6

# A child or young person on file: the child a case concerns, or a young person who made a
# complaint themselves (recorded by staff, they are its complainant only).
AS_A_CHILD = Q(role=PartyRole.CHILD) | Q(role=PartyRole.COMPLAINANT, case__young_person=True)


def normalise_postcode(postcode: str) -> str:
    """ "db53lt", "DB5  3LT" and "db5 3lt" as the Royal Mail writes them: "DB5 3LT". The
    inward code is always the last three characters, so the space goes before them."""
    compact = "".join(postcode.upper().split())
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) >= 5 else compact


def _matches(term: Q) -> Case:
    return Case(When(term, then=Value(1)), default=Value(0), output_field=IntegerField())


def _searchable(term: str) -> str:
    """A term with a null character in it (refused by the form, but searched for as it is
    typed) matches no one: nothing kept holds one, and PostgreSQL refuses to be asked."""
    return "" if "\x00" in term else term


def _name_terms(name: str) -> list[Q]:
    """A name matches whatever its words' case, order or spacing ("evie  WRIGHT" finds Evie
    Wright; so does "Wright"); the whole name, matching a second term, comes first."""
    words = _searchable(name).split()
    if len("".join(words)) < 3:
        return []
    return [
        Q(*(Q(full_name__icontains=word) for word in words)),
        Q(full_name__iexact=" ".join(words)),
    ]


def name_fits(person: Person, name: str) -> bool:
    """Whether ``person`` is still someone the name typed finds: every word of it is part
    of their name, as the search matches one, however short (nothing typed fits anyone)."""
    full_name = person.full_name.casefold()
    return all(word in full_name for word in _searchable(name).casefold().split())


def chosen_on_file(pk: int, *, child: bool) -> Person | None:
    """The person chosen from the suggestions, as they are suggested (with their cases):
    offered still when what was typed since pushes them out of the first few found."""
    people, on, as_ = _CHILDREN if child else _PEOPLE
    found = _best_first(people().filter(pk=pk), [Q(pk=pk)], on=on, as_=as_)
    return found[0] if found else None


def find_people(*, name: str = "", email: str = "", postcode: str = "") -> list[Person]:
    """People matching any of a name, an email address or a postcode, those matching most of
    what was typed first, each with the cases they made.

    Someone whose name and email both match comes before everyone who shares only the email
    (a family's, or an advocacy service's), who would otherwise fill the list
    alphabetically and hide them."""
    email, postcode = _searchable(email).strip(), normalise_postcode(_searchable(postcode))
    terms = _name_terms(name)
    if email:
        terms.append(Q(email__iexact=email))
    if len(postcode) >= 6:
        terms.append(Q(postcode__iexact=postcode) | Q(postcode__iexact=postcode.replace(" ", "")))
    people, on, as_ = _PEOPLE
    return _best_first(people(), terms, on=on, as_=as_)


def find_children(*, name: str = "", date_of_birth: dt.date | None = None) -> list[Person]:
    """Children and young people on file matching a name or a date of birth, those matching
    both first, each with the cases they were the child on: three complaints about one
    child are then one child's history, not three children's.

    Only people on file as a child are offered: the parent who complained shares the
    child's surname, and is not who the officer is looking for here."""
    terms = _name_terms(name)
    if date_of_birth is not None:
        terms.append(Q(date_of_birth=date_of_birth))
    children, on, as_ = _CHILDREN
    return _best_first(children(), terms, on=on, as_=as_)


def _children() -> QuerySet:
    return Person.objects.filter(
        Exists(CaseParty.objects.filter(AS_A_CHILD, person=OuterRef("pk")))
    )


# Who each search offers, which of their cases it names, and how it words them.
# The cases named beside someone found: those they made; else, as a child, an MP or an
# advocate, those they are on (a child on file was offered to an officer looking for a
# parent with nothing to say who they were).
_PEOPLE = (
    Person.objects.all,
    Q(),
    (
        (PartyRole.COMPLAINANT, "Made"),
        (PartyRole.CHILD, "Child or young person on"),
        (PartyRole.REPRESENTATIVE, "Representative on"),
        (PartyRole.ADVOCATE, "Advocate on"),
    ),
)
_CHILDREN = (_children, AS_A_CHILD, ((None, "Child or young person on"),))


def same_as(party: CaseParty) -> list[Person]:
    """Who on file ``party``'s person may be, recorded again: by name, email or postcode for
    someone who made a representation, by name or date of birth for a child. Offered on
    their page, since a public form, which cannot show anyone on file, always makes new
    records."""
    person = party.person
    if party.role == PartyRole.CHILD:
        found = find_children(name=person.full_name, date_of_birth=person.date_of_birth)
    else:
        found = find_people(name=person.full_name, email=person.email, postcode=person.postcode)
    # Not anyone on this case already: a parent and child at one postcode are two people.
    here = set(CaseParty.objects.filter(case_id=party.case_id).values_list("person_id", flat=True))
    return [other for other in found if other.pk not in here]


def _best_first(
    people: QuerySet, terms: list[Q], *, on: Q, as_: tuple[tuple[str | None, str], ...]
) -> list[Person]:
    """The first few of ``people`` matching any of ``terms``, those matching most first, in
    two queries however many are found. Each has ``their_cases``: the cases they are
    party to ``on`` those terms, in the words ``as_`` gives the first of their roles it
    names (a role of None: any)."""
    if not terms:
        return []
    score = sum((_matches(term) for term in terms[1:]), _matches(terms[0]))
    parties = CaseParty.objects.filter(on).select_related("case__record_type")
    found = list(
        people.filter(reduce(operator.or_, terms))
        .annotate(score=score)
        .prefetch_related(
            Prefetch(
                "case_parties",
                queryset=parties.order_by("-case__received_on", "-case_id"),
                to_attr="parties_on",
            )
        )
        .order_by("-score", "full_name", "id")[:MOST]
    )
    for person in found:
        person.their_cases = _their_cases(person.parties_on, as_)
    return found


def _their_cases(parties: list[CaseParty], as_: tuple[tuple[str | None, str], ...]) -> str:
    for role, words in as_:
        theirs = [party for party in parties if role in (None, party.role)]
        if theirs:
            return cases_in_words(theirs, as_=words)
    return ""


def _as(party: CaseParty, as_: str) -> str:
    """How ``party`` is on their case, in the words ``as_`` gives their role, unless the
    person recorded first did not make it: an MP's enquiry is about its constituent
    ("Constituent on"), the MP made it."""
    if party.role == PartyRole.COMPLAINANT:
        questions = questions_for(party.case.record_type)
        if questions.complainant_role:
            return f"{questions.person_noun.capitalize()} on"
    return as_


def role_words(party: CaseParty) -> str:
    """Who ``party`` is on their case, for a list of someone's cases: "Made the
    representation"; an MP's enquiry's constituent, "The constituent the enquiry is about"
    (the MP made it)."""
    if party.role != PartyRole.COMPLAINANT:
        return party.get_role_display()
    return questions_for(party.case.record_type).complainant_role or party.get_role_display()


def cases_in_words(parties: list[CaseParty], most: int = 2, *, as_: str = "Made") -> str:
    """What tells two people of one name apart when neither has an email or postcode on
    file: "Made CS-2026-00042: Compliment, received 12 September 2022; and 1 more",
    "Made CS-2026-00042: …; constituent on CS-2026-00040: MP or councillor enquiry, …".
    A young person both made a complaint and is its child: the case is named once."""
    first_on: dict[int, CaseParty] = {}
    for party in parties:
        first_on.setdefault(party.case_id, party)
    theirs = list(first_on.values())
    if not theirs:
        return ""
    shown, said = [], ""
    for party in theirs[:most]:
        case, words = party.case, _as(party, as_)
        named = (
            f"{case.reference}: {case.record_type.label}, received {long_date(case.received_on)}"
        )
        # Each case's words once, where they change from the case before.
        shown.append(named if words == said else f"{words if not shown else words.lower()} {named}")
        said = words
    more = len(theirs) - most
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
