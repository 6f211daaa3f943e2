"""Chasing by hand: an officer reminds a stage's responding manager from the case page."""

import pytest
from django.core import mail
from django.test import override_settings

from heeded.cases import actions
from heeded.cases.models import CaseEvent, EventKind
from heeded.casework.moves import available_moves
from heeded.tests_support.mail import MAIL_SERVER_DOWN

from .conftest import RECEIVED, action_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def chased(complaint, officer, responding):
    actions.assign(complaint, by=officer, responding_manager=responding, stage_number=1)
    complaint.refresh_from_db()
    return complaint


def send(client, case, message=""):
    case.refresh_from_db()
    return client.post(
        action_url(case, "remind"), {"expected_version": case.version, "message": message}
    )


def offered(case, user) -> bool:
    case.refresh_from_db()
    return any(move.slug == "remind" for move in available_moves(case, user))


def test_the_page_says_what_will_be_sent_to_whom_before_it_is(
    client, officer, chased, on_14_september_2022
):
    client.force_login(officer)
    page = client.get(action_url(chased, "remind")).content.decode()
    # Not acknowledged yet: the response counts from the last day it may be acknowledged.
    assert (
        "Heeded will e-mail Responding Tester (responding@council.example) that the Stage 1 "
        "response is due 27 September 2022 (8 working days left), with a link to the case, "
        "and record the reminder on the timeline."
    ) in page
    assert mail.outbox == []


def test_sending_emails_the_manager_with_the_message_and_records_who_chased(
    client, officer, chased, on_14_september_2022
):
    client.force_login(officer)
    response = send(client, chased, "Please call me if the 26th is a problem.")
    assert response.status_code == 302
    assert "Reminder sent to Responding Tester" in client.get(response["Location"]).content.decode()

    (email,) = mail.outbox
    assert email.to == ["responding@council.example"]
    assert email.subject == "Reminder: 1 response due soon"
    assert "Officer Tester of the complaints team writes:" in email.body
    assert "Please call me if the 26th is a problem." in email.body
    assert f"/cases/{chased.reference}/" in email.body
    assert "Dana Whitlock" not in email.body  # the complainant stays in Heeded
    event = CaseEvent.objects.get(case=chased, kind=EventKind.REMINDED)
    assert (event.by, event.stage_number, event.happened_on.isoformat()) == (
        officer,
        1,
        "2022-09-14",
    )
    assert event.description == (
        "To Responding Tester: Stage 1 response due 27 September 2022, 8 working days left. "
        "Message: Please call me if the 26th is a problem."
    )


def test_not_offered_without_a_manager_to_email_and_an_old_link_says_why(
    client, officer, complaint, chased, responding
):
    client.force_login(officer)
    assert offered(chased, officer)
    responding.email = ""
    responding.save()
    assert not offered(chased, officer)
    response = client.get(action_url(chased, "remind"), follow=True)
    assert (
        "Responding Tester has no e-mail address in Heeded: an administrator can add one "
        "under Staff."
    ) in response.content.decode()


def test_not_offered_before_a_manager_is_assigned_or_once_the_stage_is_answered(officer, complaint):
    assert not offered(complaint, officer)
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="upheld")
    assert not offered(complaint, officer)


def test_a_responding_manager_is_not_offered_reminding_themselves(client, responding, chased):
    assert not offered(chased, responding)
    client.force_login(responding)
    assert client.get(action_url(chased, "remind")).status_code == 403
    assert send(client, chased).status_code == 403
    assert mail.outbox == []


@override_settings(**MAIL_SERVER_DOWN)
def test_when_the_mail_server_is_down_the_officer_is_told_and_nothing_is_recorded(
    client, officer, chased, on_14_september_2022
):
    client.force_login(officer)
    response = send(client, chased, "Kept when it fails")
    page = response.content.decode()
    assert response.status_code == 400  # as every refused form
    assert "The e-mail to Responding Tester could not be sent" in page
    assert "so nothing was recorded. Try again later" in page
    assert "Kept when it fails" in page
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDED).exists()


def test_chasing_by_hand_while_reminders_are_stopped_says_so_and_keeps_them_stopped(
    client, officer, manager, chased, on_14_september_2022
):
    actions.stop_reminders(chased, by=manager, reason="Waiting for a meeting")
    client.force_login(officer)
    page = client.get(action_url(chased, "remind")).content.decode()
    assert (
        "Reminders stopped on 14 September 2022 by Manager Tester: this one is sent all the "
        "same, and the morning reminders stay stopped."
    ) in page
    assert send(client, chased).status_code == 302
    assert len(mail.outbox) == 1
    chased.refresh_from_db()
    assert chased.reminders_stopped


def test_outside_the_demo_without_a_mail_server_it_is_refused_saying_why(
    client, officer, chased, settings
):
    """As ``send_reminders`` refuses: otherwise the timeline would say "Reminder sent" while
    the e-mail went only to the server's output and no one was chased."""
    settings.DEMO = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    client.force_login(officer)
    assert not offered(chased, officer)
    why = (
        "Heeded cannot send e-mail: no mail server is set up (EMAIL_URL). Remind Responding "
        "Tester another way and log it as a contact."
    )
    assert why in client.get(action_url(chased, "remind"), follow=True).content.decode()
    response = send(client, chased)
    assert response.status_code == 409
    assert why in response.content.decode()
    assert not CaseEvent.objects.filter(case=chased, kind=EventKind.REMINDED).exists()
