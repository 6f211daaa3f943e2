"""``heeded send_reminders``: responding managers are chased before their deadlines pass."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from heeded.cases import actions
from heeded.cases.models import CaseEvent, EventKind
from heeded.cases.reminders import Schedule, due_today, send_reminders, subject
from heeded.casework.timeline import timeline
from heeded.organisation.models import Organisation
from heeded.tests_support.mail import MAIL_SERVER_DOWN

from .factories import PersonFactory, record

D = dt.date
# A Monday: its Stage 1 response, ten working days on, is due after the Christmas holidays.
MONDAY_12_DECEMBER = D(2022, 12, 12)
pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def given_to(manager, officer, received_on=MONDAY_12_DECEMBER, **details):
    case = record(officer, received_on=received_on, **details)
    actions.acknowledge(case, by=officer, on=received_on)
    actions.assign(case, by=officer, responding_manager=manager, stage_number=1, on=received_on)
    return case


def test_the_schedule_a_week_ahead_two_days_ahead_on_the_day_then_weekly_once_late():
    falls_due = Schedule().falls_due
    assert [left for left in range(12, -17, -1) if falls_due(left)] == [5, 2, 0, -1, -6, -11, -16]


@pytest.mark.parametrize(
    ("before", "every", "chased", "words"),
    [
        (
            (3,),
            0,
            [3, -1],
            "3 working days before the deadline, then on the first working day late",
        ),
        (
            (),
            1,
            list(range(-1, -14, -1)),
            "on the first working day late and every working day after",
        ),
        (
            (10, 1, 0),
            10,
            [10, 1, 0, -1, -11],
            "10 and 1 working days before the deadline, on the day, then on the first working "
            "day late and every 10 working days after",
        ),
    ],
)
def test_a_councils_own_schedule_chases_on_the_days_it_names(before, every, chased, words):
    schedule = Schedule(before, every)
    assert [left for left in range(12, -14, -1) if schedule.falls_due(left)] == chased
    assert schedule.describe() == words


def test_the_organisation_settings_schedule_is_the_one_the_morning_run_follows(officer, responding):
    given_to(responding, officer)  # Stage 1 response due Wednesday 28 December 2022
    # 3 working days before: Thursday 22 December, which the usual schedule passes over.
    assert due_today(D(2022, 12, 21)) == {}
    Organisation.objects.update(reminder_days_before=[3], reminder_overdue_every=0)
    out, _ = run("--date", "2022-12-21", "--dry-run")
    assert out.splitlines() == [
        "Would remind 1 responding manager of 1 response on 2022-12-21.",
        "Responses are chased 3 working days before the deadline, then on the first working "
        "day late (Settings, Organisation settings).",
    ]
    assert run("--date", "2022-12-21")[0].startswith("Reminded 1 responding manager")
    # Late on the 29th, and not again: 0 means once.
    later = [D(2022, 12, 28) + dt.timedelta(days=n) for n in range(20)]
    reminded = [day for day in later if run("--date", day.isoformat())[0].startswith("Remind")]
    assert reminded == [D(2022, 12, 29)]


def test_a_daily_run_across_christmas_reminds_on_the_working_days_the_schedule_names(
    officer, responding
):
    case = given_to(responding, officer)
    # Received Monday 12 December 2022: Stage 1's ten working days skip the bank holidays
    # of 26 and 27 December, so the response is due on Wednesday 28 December.
    case.refresh_from_db()
    assert case.next_deadline == D(2022, 12, 28)
    days = [D(2022, 12, 12) + dt.timedelta(days=n) for n in range(30)]
    for day in days:
        run("--date", day.isoformat())

    events = CaseEvent.objects.filter(case=case, kind=EventKind.REMINDED).order_by("happened_on")
    assert [event.happened_on for event in events] == [
        D(2022, 12, 19),  # 5 working days left
        D(2022, 12, 22),  # 2 left
        D(2022, 12, 28),  # due today
        D(2022, 12, 29),  # 1 working day overdue
        D(2023, 1, 6),  # 6 overdue: 2 January 2023 was a bank holiday
    ]
    assert events[0].description == (
        "To Responding Tester: Stage 1 response due 28 December 2022, 5 working days left."
    )
    assert events[4].description.endswith("6 working days overdue.")
    assert len(mail.outbox) == 5
    assert [message.to for message in mail.outbox] == [["responding@council.example"]] * 5


@override_settings(SITE_URL="https://complaints.example.gov.uk/")
def test_each_manager_gets_one_email_listing_their_responses_by_reference_not_by_person(
    officer, responding, manager
):
    complainant = PersonFactory(full_name="Alexandra Quince")
    late = given_to(
        responding, officer, received_on=D(2022, 11, 25), people=[(complainant, "complainant", "")]
    )
    soon = given_to(responding, officer)
    other = given_to(manager, officer)

    assert run("--date", "2022-12-19") == (
        "Reminded 2 responding managers of 3 responses on 2022-12-19.",
        "",
    )
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"responding@council.example", "manager@council.example"}
    email = by_address["responding@council.example"]
    assert email.subject == "Reminder: 1 response overdue and 1 due soon"
    assert email.body.index(late.reference) < email.body.index(soon.reference)
    assert (
        f"- {late.reference}, Complaint (statutory): Stage 1 response was due "
        "Friday 9 December 2022 (6 working days overdue)"
    ) in email.body
    assert f"https://complaints.example.gov.uk/cases/{soon.reference}/" in email.body
    html = email.alternatives[0][0]
    assert f'<a href="https://complaints.example.gov.uk/cases/{soon.reference}/">' in html
    # The details stay in Heeded, behind sign-in.
    assert "Alexandra" not in email.body and "Alexandra" not in html
    assert other.reference in by_address["manager@council.example"].body
    assert other.reference not in email.body


def test_a_second_run_on_the_same_day_sends_nothing_twice(officer, responding):
    given_to(responding, officer)
    assert run("--date", "2022-12-22")[0].startswith("Reminded 1 responding manager of 1 ")
    assert run("--date", "2022-12-22")[0] == "No responses fall due a reminder on 2022-12-22."
    assert len(mail.outbox) == 1


def test_answered_closed_unassigned_and_former_staff_responses_are_not_chased(
    officer, responding, manager, nobody
):
    answered = given_to(responding, officer)
    actions.respond_to_stage(answered, 1, by=officer, on=D(2022, 12, 16), outcome="upheld")
    closed = given_to(responding, officer)
    actions.withdraw(closed, by=officer, on=D(2022, 12, 14))
    record(officer)  # no responding manager: the officer's dashboard shows it
    manager.is_active = False
    manager.save()
    given_to(manager, officer)

    assert due_today(D(2022, 12, 19)) == {}
    assert run("--date", "2022-12-19")[0] == "No responses fall due a reminder on 2022-12-19."


def test_no_reminder_on_a_day_off_or_between_the_days_the_schedule_names(officer, responding):
    given_to(responding, officer)
    assert run("--date", "2022-12-17") == (
        "2022-12-17 is not a working day: nobody is reminded.",
        "",
    )
    assert run("--date", "2022-12-27")[0].startswith("2022-12-27 is not a working day")
    assert run("--date", "2022-12-20")[0] == "No responses fall due a reminder on 2022-12-20."
    assert not send_reminders(D(2022, 12, 25)).managers
    assert mail.outbox == []


def test_a_manager_without_an_email_address_is_named_for_the_team_to_chase(officer, responding):
    responding.email = ""
    responding.save()
    case = given_to(responding, officer)

    out, err = run("--date", "2022-12-19")
    assert out == "Reminded 0 responding managers of 0 responses on 2022-12-19."
    assert err == (
        "Not reminded: Responding Tester has no e-mail address in Heeded (an administrator "
        f"can add one under Staff). Chase them about: {case.reference}"
    )
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDED).exists()


def test_a_dry_run_says_who_would_be_reminded_and_sends_and_records_nothing(officer, responding):
    given_to(responding, officer)
    assert run("--date", "2022-12-19", "--dry-run")[0].splitlines()[0] == (
        "Would remind 1 responding manager of 1 response on 2022-12-19."
    )
    assert mail.outbox == []
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDED).exists()


@override_settings(**MAIL_SERVER_DOWN)
def test_when_the_email_cannot_be_sent_no_reminder_is_recorded_and_the_run_fails(
    officer, responding
):
    case = given_to(responding, officer)
    with pytest.raises(CommandError, match="1 e-mail could not be sent: check EMAIL_URL"):
        run("--date", "2022-12-19")
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDED).exists()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        # Run again once the mail server is back: the reminder goes, once.
        assert run("--date", "2022-12-19")[0].startswith("Reminded 1 responding manager")
    assert CaseEvent.objects.filter(case=case, kind=EventKind.REMINDED).count() == 1


def test_the_timeline_says_whom_a_reminder_went_to(officer, responding):
    case = given_to(responding, officer)
    run("--date", "2022-12-22")
    entry = next(e for e in timeline(case) if e.kind == EventKind.REMINDED)
    assert entry.title == "Stage 1: reminder sent"
    assert entry.text == (
        "To Responding Tester: Stage 1 response due 28 December 2022, 2 working days left."
    )


def test_a_bad_date_is_refused_with_what_to_give():
    with pytest.raises(CommandError, match="'2022-02-30' is not a date: use YYYY-MM-DD"):
        run("--date", "2022-02-30")


def test_the_subject_counts_what_is_late_and_what_is_due():
    class Late:
        overdue = True

    class Soon:
        overdue = False

    assert subject([Soon()]) == "Reminder: 1 response due soon"
    assert subject([Soon(), Soon()]) == "Reminder: 2 responses due soon"
    assert subject([Late(), Late()]) == "Reminder: 2 responses overdue"
    assert subject([Late(), Soon(), Soon()]) == "Reminder: 1 response overdue and 2 due soon"


def test_working_out_the_days_reminders_reads_the_same_few_rows_however_many_are_due(
    officer, responding, manager, django_assert_num_queries
):
    given_to(responding, officer)
    with django_assert_num_queries(4):  # stages, their cases' stages, today's, organisation
        assert len(due_today(D(2022, 12, 19))[responding]) == 1
    for _ in range(3):
        given_to(responding, officer)
        given_to(manager, officer)
    with django_assert_num_queries(4):
        assert sum(map(len, due_today(D(2022, 12, 19)).values())) == 7


def test_a_case_whose_reminders_are_stopped_is_not_chased_until_they_start_again(
    officer, responding
):
    stopped = given_to(responding, officer)
    chased = given_to(responding, officer)
    actions.stop_reminders(
        stopped, by=officer, reason="Court proceedings: on hold.", on=D(2022, 12, 14)
    )

    assert run("--date", "2022-12-19") == (
        "Reminded 1 responding manager of 1 response on 2022-12-19.\n"
        "Skipped 1 response whose reminders the complaints team stopped on the case (the case "
        f"page says why): {stopped.reference} (stopped on 14 December 2022 by Officer Tester).",
        "",
    )
    (email,) = mail.outbox
    assert chased.reference in email.body and stopped.reference not in email.body
    assert not CaseEvent.objects.filter(case=stopped, kind=EventKind.REMINDED).exists()
    # The reason may name the complainant: it stays on the case page, out of the logs.
    assert "Court" not in run("--date", "2022-12-22")[0]

    actions.start_reminders(stopped, by=officer, on=D(2022, 12, 23))
    run("--date", "2022-12-28")
    assert CaseEvent.objects.filter(case=stopped, kind=EventKind.REMINDED).count() == 1


def test_a_dry_run_says_how_many_it_would_skip_and_why(officer, responding, manager):
    first = given_to(responding, officer)
    second = given_to(manager, officer)
    nothing_due = given_to(manager, officer, received_on=D(2022, 12, 16))
    for case in (first, second, nothing_due):
        actions.stop_reminders(case, by=officer, reason="Manager on leave", on=D(2022, 12, 14))

    out, _ = run("--date", "2022-12-19", "--dry-run")
    assert out.splitlines() == [
        "No responses fall due a reminder on 2022-12-19.",
        "Would skip 2 responses whose reminders the complaints team stopped on the case (the "
        f"case page says why): {first.reference} (stopped on 14 December 2022 by Officer "
        f"Tester); {second.reference} (stopped on 14 December 2022 by Officer Tester).",
        "Responses are chased 5 and 2 working days before the deadline, on the day, then on "
        "the first working day late and every 5 working days after (Settings, Organisation "
        "settings).",
    ]
    assert mail.outbox == []


def test_stopped_cases_are_read_with_the_rest_in_the_same_few_queries(
    officer, responding, manager, django_assert_num_queries
):
    given_to(responding, officer)
    with django_assert_num_queries(4):  # stages, their cases' stages, today's, organisation
        assert len(send_reminders(D(2022, 12, 19), dry_run=True).stopped) == 0
    for _ in range(3):
        actions.stop_reminders(given_to(responding, officer), by=officer, reason="On hold")
        actions.stop_reminders(given_to(manager, officer), by=manager, reason="On leave")
    with django_assert_num_queries(4):
        sent = send_reminders(D(2022, 12, 19), dry_run=True)
        # Who stopped each is read with its case, not one query a case.
        assert {str(r.case.reminders_stopped_by) for r in sent.stopped} == {"officer", "manager"}
    assert (sent.responses, len(sent.stopped)) == (1, 6)


def test_reopening_a_case_starts_its_stopped_reminders_again_and_the_timeline_says_why(
    officer, responding
):
    case = given_to(responding, officer)
    actions.stop_reminders(case, by=officer, reason="Meeting being arranged", on=D(2022, 12, 13))
    actions.withdraw(case, by=officer, on=D(2022, 12, 14))

    case = actions.reopen(case, by=officer, reason="Withdrawn by mistake", on=D(2022, 12, 15))

    assert not case.reminders_stopped
    started = case.events.get(kind=EventKind.REMINDERS_STARTED)
    assert started.description == (
        "Reminders stopped on 13 December 2022 by Officer Tester: Meeting being arranged. "
        "Started again as the case was reopened."
    )


def test_asking_for_stage_2_on_a_closed_case_starts_its_stopped_reminders_again(
    officer, responding
):
    case = given_to(responding, officer)
    actions.respond_to_stage(case, 1, by=officer, on=D(2022, 12, 16), outcome="not_upheld")
    actions.stop_reminders(case, by=officer, reason="Awaiting feedback", on=D(2022, 12, 16))
    actions.close(case, by=officer, on=D(2022, 12, 19))

    actions.start_stage(case, 2, by=officer, requested_on=D(2023, 1, 3))

    case.refresh_from_db()
    assert case.is_open and not case.reminders_stopped
    assert case.events.filter(kind=EventKind.REMINDERS_STARTED).exists()


def test_a_case_reopened_without_reminders_stopped_says_nothing_of_them(officer, responding):
    case = given_to(responding, officer)
    actions.withdraw(case, by=officer, on=D(2022, 12, 14))
    actions.reopen(case, by=officer, reason="Withdrawn by mistake", on=D(2022, 12, 15))
    assert not case.events.filter(kind=EventKind.REMINDERS_STARTED).exists()


def test_outside_the_demo_without_a_mail_server_the_run_refuses_and_records_nothing(
    officer, responding, settings
):
    """A council that has not set EMAIL_URL would otherwise see "Reminder sent" on each case
    while the e-mails went only to the server's output and no manager was chased."""
    settings.DEMO = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    given_to(responding, officer)
    with pytest.raises(CommandError, match="E-mail is not sent: EMAIL_URL is not set"):
        run("--date", "2022-12-19")
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDED).exists()
    # Saying who would be reminded needs no mail server.
    assert run("--date", "2022-12-19", "--dry-run")[0].startswith("Would remind 1")
