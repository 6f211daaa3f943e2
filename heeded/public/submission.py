"""Sending a public form: one case, with its people and documents, exactly once.

The case is recorded through ``record_representation`` (by the public: ``by=None``), so the
procedure sets its deadlines as for any other case. The Submission row keyed by the page's
token is written in the same transaction: a second POST of the same token, even one racing
the first, ends with the first one's case (see ``submit``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from heeded.cases.actions import next_reference, record_advocacy, record_representation
from heeded.cases.documents import add_document
from heeded.cases.models import Case, ContactPreference, PartyRole, Person
from heeded.taxonomy.models import ComplainantType, HowReceived, Outcome, RecordType, ServiceTeam

from . import emails, uploads
from .forms import DONT_KNOW, NO_REPLY, THEMSELVES
from .journeys import Journey
from .models import Submission

PREFERENCES = {
    "email": ContactPreference.EMAIL,
    "phone": ContactPreference.TELEPHONE,
    "post": ContactPreference.LETTER,
}
# Someone acting for a child in their work, rather than as family (for the annual report's
# "via an advocate or professional" count).
ON_BEHALF_IN_THEIR_WORK = {"professional", "advocate"}


def submit(*, journey: Journey, forms: dict, files: list[dict], token: str) -> Case:
    """Record the form as a case, once per token; returns the case (new or already made)."""
    token = uuid.UUID(str(token))
    earlier = _case_for(token)
    if earlier is not None:
        return earlier
    # The reference is taken in its own short transaction, so the counter's row lock is not
    # held while the case is written: under load, sends no longer queue behind each other.
    # The price is a gap in the numbers when two sends of one form race (see below).
    reference = next_reference()
    try:
        with transaction.atomic():
            submission = Submission.objects.create(token=token, journey=journey.slug)
            answers = {slug: form.cleaned_data for slug, form in forms.items()}
            case = _record(journey, answers, reference)
            submission.case = case
            submission.save(update_fields=["case"])
            for item in files:
                with uploads.open_held(item) as upload:
                    add_document(case, upload, by=None, from_public=True)
            case_id = case.pk
            transaction.on_commit(lambda: emails.send_for(case_id, journey), robust=True)
            transaction.on_commit(lambda: uploads.discard(files), robust=True)
        return case
    except IntegrityError:
        # The same token was sent a moment ago (double click, Back and Send): the database
        # made us wait for that transaction, and its case is the answer.
        earlier = _case_for(token)
        if earlier is None:
            raise
        return earlier


def _case_for(token: uuid.UUID) -> Case | None:
    earlier = Submission.objects.filter(token=token).select_related("case").first()
    return earlier.case if earlier else None


def _record(journey: Journey, answers: dict, reference: str) -> Case:
    today = timezone.localdate()
    if journey.for_young_people:
        details, people = _young_person(answers)
    else:
        details, people = _adult(journey, answers)
    case = record_representation(
        by=None,
        record_type=RecordType.objects.get(code=journey.record_type),
        received_on=today,
        today=today,
        reference=reference,
        how_received=HowReceived.objects.filter(code="e_form").first(),
        people=people,
        **details,
    )
    if "advocate" in answers:
        # CA 1989 s.26A: a child making a complaint is offered an advocate, and the form
        # made that offer (the young person's form, or the complaint form to someone
        # complaining about themselves); "yes" means they want one (the provider is
        # arranged by the team).
        case = record_advocacy(
            case,
            by=None,
            offered=True,
            offered_on=today,
            taken_up=answers["advocate"]["advocate"] == "yes",
        )
    return case


def _person(full_name: str, contact: dict, **extra) -> Person:
    # Only the ways to reach them: a compliment or comment may want no reply (NO_REPLY).
    chosen = [method for method in contact.get("contact_methods") or [] if method in PREFERENCES]
    person = Person(
        full_name=full_name.strip(),
        email=contact.get("email", ""),
        telephone=contact.get("telephone", ""),
        address=contact.get("address", "").strip(),
        postcode=contact.get("postcode", ""),
        preferred_contact=PREFERENCES[chosen[0]] if chosen else "",
        **extra,
    )
    person.save()
    return person


def _adult(journey: Journey, answers: dict) -> tuple[dict, list]:
    contact = answers["contact"]
    complainant = _person(answers["your-name"]["full_name"], contact)
    service = answers["service"]["service"]
    lines = []
    details: dict = {
        "service_teams": list(ServiceTeam.objects.filter(code=service)),
        "young_person": False,
    }
    people = []
    relationship = ""
    if journey.record_type == "complaint":
        chosen = answers["relationship"]["relationship"]
        relationship = (
            answers["relationship"]["relationship_other"]
            if chosen == "other"
            else ComplainantType.objects.get(code=chosen).label
        )
        details["complainant_type"] = ComplainantType.objects.get(code=chosen)
        details["via_professional"] = chosen in ON_BEHALF_IN_THEIR_WORK
        if chosen == THEMSELVES:
            # The young person is the child it is about, as on the young person's form: one
            # person, counted among the complaints children and young people made.
            details["young_person"] = True
            relationship = "Themselves"
            people.append((complainant, PartyRole.CHILD, ""))
        else:
            people.append((_child(answers["child"]), PartyRole.CHILD, ""))
        details["outcomes_sought"] = list(
            Outcome.objects.filter(code__in=answers["outcome"]["outcomes"])
        )
        lines += [answers["what-happened"]["details"], ""]
        when = answers["when"]
        lines.append(
            "When it happened: "
            + "; ".join(str(x) for x in (when.get("when"), when.get("when_roughly")) if x)
        )
        if answers["outcome"].get("outcome_details"):
            lines.append(f"What they would like: {answers['outcome']['outcome_details']}")
        if chosen == "other":
            lines.append(f"Relationship to the child: {relationship}")
    elif journey.record_type == "compliment":
        lines.append(answers["compliment"]["details"])
        if answers["who"].get("person"):
            lines += ["", f"Who they would like to thank: {answers['who']['person']}"]
    else:
        lines.append(answers["comment"]["details"])
    if service == DONT_KNOW:
        lines.append("They did not know which service it was about.")
    if NO_REPLY in contact.get("contact_methods", []):
        lines.append("They do not need a reply.")
    people.insert(0, (complainant, PartyRole.COMPLAINANT, relationship))
    details["summary"] = "\n".join(lines).strip()
    return details, people


def _child(child: dict) -> Person:
    dob = child.get("child_date_of_birth")
    return Person.objects.create(
        full_name=child["child_name"].strip(), date_of_birth=dob and dob.date
    )


def _young_person(answers: dict) -> tuple[dict, list]:
    contact = answers["contact"]
    young_person = _person(answers["your-name"]["first_name"], contact)
    lines = [
        answers["what-happened"]["details"],
        "",
        f"What they would like to happen: {answers['what-you-want']['details']}",
    ]
    if contact.get("safe_note"):
        lines.append(f"Contacting them safely: {contact['safe_note']}")
    details = {
        "complainant_type": ComplainantType.objects.filter(code="young_person").first(),
        "young_person": True,
        "via_professional": False,
        "summary": "\n".join(lines),
    }
    people = [
        (young_person, PartyRole.COMPLAINANT, "Themselves"),
        (young_person, PartyRole.CHILD, ""),
    ]
    return details, people


def acknowledge_within(case: Case) -> str:
    """How soon the team will be in touch, as the procedure's acknowledgement clock says it
    ("3 working days"); "" where the procedure sets none."""
    clock = case.procedure.acknowledgement
    return f"{clock.limit} {clock.unit}" if clock else ""


def respond_by(case: Case) -> dt.date | None:
    """The date the first stage's response is due, as the procedure set it."""
    stage = case.stages.filter(number=1).first()
    return stage.effective_due_on if stage else None
