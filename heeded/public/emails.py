"""The two e-mails a sent form causes: the team is told, the person gets a receipt.

Sent after the case is committed (``transaction.on_commit``), so nobody is told about a case
that was rolled back. The team's e-mail carries the reference and the type only: the
details stay in Heeded, behind sign-in, not in mailboxes.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from heeded.cases.links import case_link
from heeded.cases.models import Case, PartyRole
from heeded.organisation.models import Organisation

from . import conf
from .journeys import Journey

log = logging.getLogger(__name__)


def team_address(organisation: Organisation) -> str:
    return conf.team_email() or organisation.complaints_email or settings.DEFAULT_FROM_EMAIL


def send_for(case_id: int, journey: Journey) -> None:
    from .submission import acknowledge_within, respond_by

    case = Case.objects.select_related("record_type").get(pk=case_id)
    organisation = Organisation.current()
    party = case.parties.filter(role=PartyRole.COMPLAINANT).select_related("person").first()
    person = party.person if party else None
    context = {
        "case": case,
        "journey": journey,
        "organisation": organisation,
        "person": person,
        "respond_by": respond_by(case),
        "acknowledge_within": acknowledge_within(case),
        "documents": case.documents.count(),
        "link": case_link(case.reference),
    }
    _send(
        f"New {journey.noun} from the online form: {case.reference}",
        "team",
        context,
        [team_address(organisation)],
    )
    if person and person.email:
        template = "young_person_receipt" if journey.for_young_people else "receipt"
        subject = (
            f"We have got your message: {case.reference}"
            if journey.for_young_people
            else f"We have received your {journey.noun}: {case.reference}"
        )
        _send(subject, template, context, [person.email])


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    text = render_to_string(f"public/email/{template}.txt", context)
    html = render_to_string(f"public/email/{template}.html", context)
    send_mail(subject, text, None, to, html_message=html)
    log.info("Sent %s e-mail for %s", template, context["case"].reference)
