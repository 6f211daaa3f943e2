"""Things recorded on a case that do not move it through its procedure."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.timezone import localdate, localtime, now

from heeded.taxonomy.defaults import HOW_RECEIVED_INCOMING_ONLY, OMBUDSMAN_ONGOING
from heeded.taxonomy.models import HowReceived, OmbudsmanDecision
from heeded.taxonomy.wording import in_sentence

from ..models import Case, Contact, ContactDirection, EventKind, Payment, Person, Stage
from ._base import (
    ProcedureError,
    StalePerson,
    locked,
    long_date,
    record_event,
    require,
    require_date,
    require_known_year,
    require_not_before,
    save_case,
    save_with_history,
    staff_name,
)
from .clocks import refresh_clocks
from .editing import history_in_words


def _finish(case: Case, by, reason: str) -> Case:
    refresh_clocks(case)
    save_case(case, by, reason)
    return case


def not_the_ombudsman(case: Case) -> str:
    """Why the Ombudsman's steps are not for this case ("" where they are): an FOI request
    goes to the Information Commissioner (declared by its procedure's ``oversight``)."""
    procedure = case.procedure
    if procedure.has_ombudsman:
        return ""
    kind = f"{case.reference} ({case.record_type.label})"
    if procedure.oversight is None:
        # A compliment or a comment: nothing was put right, so there is nothing to review.
        return f"{kind} is not a complaint, so nothing about it goes to the Ombudsman"
    return (
        f"{kind} goes to {procedure.oversight}, not the Local Government and Social Care Ombudsman"
    )


def _require_ombudsman(case: Case, what: str) -> None:
    why = not_the_ombudsman(case)
    require(not why, f"{why}: {what} cannot be recorded on it.")


def assign(
    case: Case,
    *,
    by,
    officer=None,
    responding_manager=None,
    stage_number: int | None = None,
    investigating_officer: str | None = None,
    independent_person: str | None = None,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Case:
    """Give a case to a complaints officer, or a stage to a responding manager."""
    with transaction.atomic():
        case = locked(case, expected_version)
        today = on or localdate()
        if officer is not None:
            old = case.assigned_officer
            case.assigned_officer = officer
            record_event(
                case,
                EventKind.ASSIGNED,
                by=by,
                on=today,
                old=old or "",
                new=officer,
                description=f"Case officer: {staff_name(officer)}",
            )
        if any(
            x is not None for x in (responding_manager, investigating_officer, independent_person)
        ):
            number = stage_number or case.current_stage
            stage = Stage.objects.filter(case=case, number=number).first()
            require(stage is not None, "Start the stage before assigning people to it.")
            require(stage.responded_on is None, f"Stage {number} has already been responded to.")
            if responding_manager is not None:
                stage.responding_manager = responding_manager
                record_event(
                    case,
                    EventKind.ASSIGNED,
                    by=by,
                    on=today,
                    stage_number=number,
                    new=responding_manager,
                    description=f"Responding manager: {staff_name(responding_manager)}",
                )
            named = {
                "investigating_officer": ("Investigating officer", investigating_officer),
                "independent_person": ("Independent person", independent_person),
            }
            for field, (role, name) in named.items():
                # Often people outside the council, by name: the timeline says who was named.
                if name is None or name.strip() == getattr(stage, field):
                    continue
                setattr(stage, field, name.strip())
                record_event(
                    case,
                    EventKind.ASSIGNED,
                    by=by,
                    on=today,
                    stage_number=number,
                    new=name.strip(),
                    description=f"{role}: {name.strip() or 'no longer named'}",
                )
            save_with_history(stage, by, "Assigned")
        require(
            officer is not None
            or responding_manager is not None
            or investigating_officer is not None
            or independent_person is not None,
            "Choose who to assign.",
        )
        return _finish(case, by, "Assigned")


def record_advocacy(
    case: Case,
    *,
    by,
    offered: bool | None,
    offered_on: dt.date | None = None,
    taken_up: bool | None = None,
    provider: str = "",
    expected_version: int | None = None,
) -> Case:
    """CA 1989 s.26A: advocacy offered to a child, whether taken up, and who provides it."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require(offered is not None, "Say whether advocacy was offered.", "offered")
        if offered_on:
            require_known_year(offered_on, "advocacy was offered", "offered_on")
            require_not_before(
                offered_on,
                case.received_on,
                "advocacy was offered",
                "the date received",
                "offered_on",
            )
        require(
            not (taken_up and not offered),
            "Advocacy cannot be taken up if not offered.",
            "taken_up",
        )
        case.advocacy_offered = offered
        case.advocacy_offered_on = offered_on
        case.advocacy_taken_up = taken_up
        case.advocacy_provider = provider.strip()
        words = "offered" if offered else "not offered"
        if taken_up:
            words += f", taken up ({case.advocacy_provider or 'provider not recorded'})"
        record_event(
            case,
            EventKind.ADVOCACY,
            by=by,
            on=offered_on or localdate(),
            description=f"Advocacy {words}",
        )
        return _finish(case, by, "Advocacy recorded")


def record_ombudsman_enquiry(
    case: Case,
    *,
    by,
    received_on: dt.date,
    reference: str = "",
    expected_version: int | None = None,
) -> Case:
    with transaction.atomic():
        case = locked(case, expected_version)
        _require_ombudsman(case, "an Ombudsman enquiry")
        require(
            case.ombudsman_received_on is None,
            "An Ombudsman enquiry is already recorded on this case.",
        )
        require_date(received_on, "the Ombudsman's enquiry was received", "received_on")
        require_not_before(
            received_on,
            case.received_on,
            "of the Ombudsman's enquiry",
            "the date received",
            "received_on",
        )
        case.ombudsman_received_on = received_on
        case.ombudsman_reference = reference.strip()
        record_event(
            case, EventKind.OMBUDSMAN_RECEIVED, by=by, on=received_on, new=case.ombudsman_reference
        )
        return _finish(case, by, "Ombudsman enquiry received")


def ombudsman_decision_refusals(
    decision: OmbudsmanDecision | None, decided_on: dt.date | None
) -> list[ProcedureError]:
    """What is refused in a decision's date as given: an "Ongoing" investigation has not
    been decided, so it has no decision date (the report counts it as still ongoing, not
    as decided on a day); any other decision was made on one. Listed so that the form shows
    it beside the date with its own errors (``record_ombudsman_decision`` checks again)."""
    if not isinstance(decision, OmbudsmanDecision):
        return []
    ongoing = decision.code == OMBUDSMAN_ONGOING
    if ongoing and decided_on is not None:
        return [
            ProcedureError(
                "Leave the date of the decision empty: an ongoing investigation has not "
                "been decided yet.",
                "decided_on",
            )
        ]
    if not ongoing and decided_on is None:
        return [ProcedureError("Enter the date of the decision.", "decided_on")]
    return []


def record_ombudsman_decision(
    case: Case,
    *,
    by,
    decision: OmbudsmanDecision,
    decided_on: dt.date | None,
    remedy: str = "",
    expected_version: int | None = None,
) -> Case:
    with transaction.atomic():
        case = locked(case, expected_version)
        _require_ombudsman(case, "an Ombudsman decision")
        require(
            case.ombudsman_received_on is not None,
            "Record the Ombudsman's enquiry before its decision.",
        )
        require(
            isinstance(decision, OmbudsmanDecision), "Choose the Ombudsman's decision.", "decision"
        )
        for refusal in ombudsman_decision_refusals(decision, decided_on):
            raise refusal
        if decided_on is not None:
            require_date(decided_on, "of the Ombudsman's decision", "decided_on")
            require_not_before(
                decided_on,
                case.ombudsman_received_on,
                "of the Ombudsman's decision",
                "the enquiry",
                "decided_on",
            )
        old = case.ombudsman_decision
        case.ombudsman_decision = decision
        case.ombudsman_decided_on = decided_on
        case.ombudsman_remedy = remedy.strip()
        record_event(
            case,
            EventKind.OMBUDSMAN_DECIDED,
            by=by,
            # Still ongoing: dated the day it was recorded, as the enquiry stood then.
            on=decided_on or localdate(),
            old=old.label if old else "",
            new=decision.label,
            description=case.ombudsman_remedy,
        )
        return _finish(case, by, "Ombudsman decision recorded")


# The most Payment.amount holds (10 digits, 2 of them pence).
LARGEST_PAYMENT = Decimal("99999999.99")


def _require_ombudsman_enquiry(case: Case, paid_on: dt.date | None) -> None:
    """A payment the Ombudsman recommended follows the Ombudsman's enquiry. Not necessarily
    the final decision: a council often pays the remedy of a draft decision."""
    require(
        case.ombudsman_received_on is not None,
        "Record the Ombudsman's enquiry before a payment the Ombudsman recommended.",
        "recommended_by_ombudsman",
    )
    if paid_on:
        require_not_before(
            paid_on,
            case.ombudsman_received_on,
            "of the payment",
            "the Ombudsman's enquiry",
            "paid_on",
        )


def record_payment(
    case: Case,
    *,
    by,
    amount,
    paid_on: dt.date | None,
    reason: str = "",
    recommended_by_ombudsman: bool = False,
    separate: bool = False,
    expected_version: int | None = None,
) -> Payment:
    """Record a payment. One of the same amount and date already on the case is refused,
    saying who recorded it and when, unless ``separate`` says this is a second payment
    (the Ombudsman's £200 to each parent), not the first sent again or recorded twice."""
    try:
        amount = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ProcedureError(f"'{amount}' is not an amount of money, like 250.00.") from None
    require(amount > 0, "The payment must be more than £0.00.")
    require(amount <= LARGEST_PAYMENT, f"The payment must be £{LARGEST_PAYMENT:,} or less.")
    with transaction.atomic():
        case = locked(case, expected_version)
        # Time-and-trouble and remedy payments belong to the complaints the Ombudsman oversees.
        _require_ombudsman(case, "a payment")
        if paid_on:
            require_known_year(paid_on, "of the payment", "paid_on")
            require_not_before(
                paid_on, case.received_on, "of the payment", "the date received", "paid_on"
            )
        if recommended_by_ombudsman:
            _require_ombudsman_enquiry(case, paid_on)
        payment = Payment(
            case=case,
            amount=amount,
            paid_on=paid_on,
            reason=reason.strip(),
            recommended_by_ombudsman=recommended_by_ombudsman,
            recorded_by=by,
        )
        if not separate:
            _not_a_payment_again(case, payment)
        save_with_history(payment, by, "Payment recorded")
        record_event(
            case,
            EventKind.PAYMENT,
            by=by,
            on=paid_on or localdate(),
            new=f"£{amount:,.2f}",
            description=payment.reason,
        )
        _finish(case, by, "Payment recorded")
    return payment


def _not_a_payment_again(case: Case, payment: Payment) -> None:
    """The same payment recorded twice (Back, then the button; or two colleagues each
    recording the cheque) is not paid twice in the report: the same amount on the same date
    (or both not paid yet) is taken for the same payment, whatever each says it was for,
    since two people word it differently."""
    first = (
        case.payments.filter(amount=payment.amount, paid_on=payment.paid_on)
        .select_related("recorded_by")
        .order_by("id")
        .first()
    )
    if first is None:
        return
    what = f" for '{first.reason}'" if first.reason else ""
    when = f"paid on {long_date(first.paid_on)}" if first.paid_on else "not paid yet"
    recorded = first.history.order_by("history_date").values_list("history_date", flat=True)
    at = localtime(recorded[0]) if recorded else None
    who = staff_name(first.recorded_by) or "someone"
    by = f"by {who} on {long_date(at.date())} at {at:%H:%M}" if at else f"by {who}"
    raise ProcedureError(
        f"A payment of {first}{what}, {when}, is already recorded on {case.reference}, {by}: "
        "this one has not been recorded. If it is a separate payment of the same amount, "
        "say so and save it again.",
        "separate",
    )


def contact_refusals(
    case: Case,
    on: dt.date | None,
    direction: str | None = None,
    method: HowReceived | None = None,
) -> list[ProcedureError]:
    """What the procedure refuses in a contact's date, and in how it says a contact from us
    was made: listed so that the form shows them with its own errors in one round
    (``log_contact`` checks again when it saves). An answer not given is not checked."""
    refusals = []
    if on is not None:
        try:
            require_known_year(on, "of the contact", "happened_at")
            require_not_before(
                on, case.received_on, "of the contact", "the date received", "happened_at"
            )
        except ProcedureError as refusal:
            refusals.append(refusal)
    if (
        direction == ContactDirection.OUTGOING
        and method is not None
        and method.code in HOW_RECEIVED_INCOMING_ONLY
    ):
        refusals.append(
            ProcedureError(
                f'A contact from us cannot be "{method.label}": select how it was made, '
                "for example Email or Letter",
                "method",
            )
        )
    return refusals


def log_contact(
    case: Case,
    *,
    by,
    happened_at: dt.datetime,
    direction: str,
    method: HowReceived,
    summary: str,
    with_whom: str = "",
) -> Contact:
    """A later contact: a call, a letter, a meeting. Never changes the case's version."""
    require(direction in ContactDirection.values, "Choose who the contact was from.")
    require(bool(summary and summary.strip()), "Enter a summary of the contact.")
    require(isinstance(method, HowReceived), "Choose how the contact was made.")
    for refusal in contact_refusals(case, localtime(happened_at).date(), direction, method):
        raise refusal
    # A minute's grace: the form keeps minutes only, and "now" moves while it is sent.
    require(
        happened_at <= now() + dt.timedelta(minutes=1),
        "The contact cannot be later than now: enter the time it happened.",
        "time",
    )
    with transaction.atomic():
        # Sends of the same contact one after the other: the second sees the first.
        case = locked(case)
        _not_a_contact_again(case, happened_at, direction, method, summary, with_whom)
        contact = Contact(
            case=case,
            happened_at=happened_at,
            direction=direction,
            method=method,
            summary=summary.strip(),
            with_whom=with_whom.strip(),
            by=by,
        )
        save_with_history(contact, by, "Contact logged")
        record_event(
            case,
            EventKind.CONTACT,
            by=by,
            on=happened_at.date(),
            description=summary.strip()[:500],
            new=method.label,
        )
    return contact


# Two contacts alike this close together are one sent twice (with no time typed, the form
# takes the minute it is sent, so a resend is a few minutes later); further apart, they are
# two calls that went the same way ("No answer, left a message" at 10:00 and at 15:00).
SAME_CONTACT_WITHIN = dt.timedelta(minutes=15)


def _not_a_contact_again(case, happened_at, direction, method, summary, with_whom) -> None:
    """The same contact sent again is not logged twice."""
    first = (
        case.contacts.filter(
            direction=direction,
            method=method,
            summary=summary.strip(),
            with_whom=with_whom.strip(),
            happened_at__gt=happened_at - SAME_CONTACT_WITHIN,
            happened_at__lt=happened_at + SAME_CONTACT_WITHIN,
        )
        .order_by("happened_at")
        .first()
    )
    if first is not None:
        when = localtime(first.happened_at)
        raise ProcedureError(
            f"This contact ({first.get_direction_display().lower()}, {in_sentence(method.label)}, "
            f"{long_date(when.date())} at {when:%H:%M}) is already logged on "
            f"{case.reference}: it has not been logged again. If there were two, enter the "
            "time of each."
        )


def add_note(case: Case, *, by, text: str, on: dt.date | None = None):
    require(bool(text and text.strip()), "Enter the note.")
    on = on or localdate()
    with transaction.atomic():
        # Sends of the same note one after the other: the second sees the first.
        case = locked(case)
        same = case.events.filter(kind=EventKind.NOTE, happened_on=on, description=text.strip())
        first = same.select_related("by").first()
        if first is not None:
            raise ProcedureError(
                f"This note is already on {case.reference}, added {long_date(on)} by "
                f"{staff_name(first.by) or 'someone'}: it has not been added again.",
                "text",
            )
        return record_event(case, EventKind.NOTE, by=by, on=on, description=text.strip())


# A person's details an officer may correct after recording, in the order forms show them.
PERSON_DETAILS = (
    "full_name",
    "email",
    "telephone",
    "address",
    "postcode",
    "preferred_contact",
    "date_of_birth",
    "organisation",
)


def person_version(person: Person) -> str:
    """A fingerprint of the person's details as a form showed them: a person has no version
    number of their own, and is shared by every case they are on."""
    values = repr([getattr(person, name) for name in PERSON_DETAILS])
    return hashlib.sha256(values.encode()).hexdigest()[:16]


def person_changes_since(person: Person, seen: str) -> list[str]:
    """Plain words for who changed what in the person's details since they were as
    ``seen`` ("Details corrected by Priya Shah", "Telephone: none became '01983 123456'"),
    read back through their history to the details that fingerprint was taken of; nothing
    if it is not found there (a damaged fingerprint)."""
    newer = []
    for record in person.history.order_by("-history_date").select_related("history_user"):
        if person_version(record) == seen:
            return history_in_words(reversed(newer))
        newer.append(record)
    return []


def change_person_details(
    case: Case, person: Person, *, by, details: dict, seen: str, on: dt.date | None = None
) -> list[str]:
    """Correct the details of someone on ``case`` (a new telephone number, a spelling), as
    they were when the form was opened (``seen``): if someone else changed them since, the
    change is refused (``StalePerson``), saying who changed what. Returns the names of the
    details changed; the person's history keeps the old values, and the case's timeline
    says what changed."""
    with transaction.atomic():
        current = Person.objects.select_for_update().get(pk=person.pk)
        if person_version(current) != seen:
            raise StalePerson(current, person_changes_since(current, seen))
        changed = [
            Person._meta.get_field(name).verbose_name
            for name, value in details.items()
            if getattr(current, name) != value
        ]
        if not changed:
            return []
        for name, value in details.items():
            setattr(current, name, value)
        save_with_history(current, by, "Details corrected")
        record_event(
            case,
            EventKind.EDITED,
            by=by,
            on=on or localdate(),
            description=f"{current.full_name}'s details changed: {', '.join(changed)}",
        )
    return changed
