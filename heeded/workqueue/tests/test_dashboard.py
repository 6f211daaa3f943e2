import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from heeded.cases import actions
from heeded.cases.actions.clocks import refresh_clocks
from heeded.cases.models import Case
from heeded.cases.tests.factories import record
from heeded.taxonomy.models import RecordType

from .conftest import TODAY, complaint

pytestmark = pytest.mark.django_db
URL = "/"
LONDON = ZoneInfo("Europe/London")


def queue(response, which: str, key: str):
    queues = response.context["mine" if which == "mine" else "team"]
    return next(q for q in queues if q.key == key)


def references(q) -> list[str]:
    return [case.reference for case in q.cases]


def test_the_dashboard_is_the_home_page():
    assert reverse("workqueue:dashboard") == URL


def test_the_team_view_puts_each_open_case_in_the_right_queue(client, officer, caseload):
    client.force_login(officer)
    response = client.get(URL)
    assert response.status_code == 200
    assert references(queue(response, "team", "overdue")) == [caseload["overdue"].reference]
    assert references(queue(response, "team", "due_today")) == [caseload["due_today"].reference]
    assert references(queue(response, "team", "due_soon")) == [caseload["due_soon"].reference]
    awaiting = queue(response, "team", "awaiting_acknowledgement")
    # Everything not yet acknowledged, soonest deadline first; not the closed compliment.
    assert references(awaiting) == [
        caseload[k].reference for k in ("overdue", "due_today", "due_soon")
    ]
    assert references(queue(response, "team", "unassigned")) == [caseload["due_today"].reference]


def test_a_case_answered_before_its_acknowledgement_waits_for_none(client, officer, caseload):
    # The dashboard asks this as a flag on every open case, the case list as a filter (two
    # ways of writing it in SQL, chosen for speed): both must give the same cases.
    actions.respond_to_stage(
        caseload["due_soon"], 1, by=officer, on=dt.date(2022, 10, 12), outcome="upheld"
    )
    client.force_login(officer)
    awaiting = queue(client.get(URL), "team", "awaiting_acknowledgement")
    expected = [caseload[k].reference for k in ("overdue", "due_today")]
    assert references(awaiting) == expected and awaiting.count == 2
    listed = client.get(awaiting.view_all_url).context["page"].object_list
    assert sorted(c.reference for c in listed) == sorted(expected)


def test_a_corporate_escalation_awaits_its_own_acknowledgement(client, officer, caseload):
    # The Ombudsman's Code: a Stage 2 request is acknowledged within 5 working days, as the
    # case's deadline says; the queue and the list that count acknowledgements include it.
    from heeded.cases.tests.factories import record

    case = record(officer, "corporate_complaint", received_on=dt.date(2022, 9, 26))
    actions.acknowledge(case, by=officer, on=dt.date(2022, 9, 27))
    actions.respond_to_stage(case, 1, by=officer, on=dt.date(2022, 10, 3), outcome="upheld")
    actions.start_stage(case, 2, by=officer, requested_on=dt.date(2022, 10, 10))
    client.force_login(officer)
    awaiting = queue(client.get(URL), "team", "awaiting_acknowledgement")
    assert case.reference in references(awaiting) and awaiting.count == 4
    listed = client.get(awaiting.view_all_url).context["page"].object_list
    assert case.reference in [c.reference for c in listed]
    # Acknowledged, it waits no more.
    actions.acknowledge_stage(case, 2, by=officer, on=dt.date(2022, 10, 11))
    awaiting = queue(client.get(URL), "team", "awaiting_acknowledgement")
    assert case.reference not in references(awaiting) and awaiting.count == 3
    listed = client.get(awaiting.view_all_url).context["page"].object_list
    assert case.reference not in [c.reference for c in listed]


def test_my_work_is_the_cases_i_am_the_officer_for(client, officer, caseload):
    client.force_login(officer)
    response = client.get(URL)
    assert references(queue(response, "mine", "overdue")) == [caseload["overdue"].reference]
    assert queue(response, "mine", "due_today").count == 0
    assert queue(response, "mine", "due_soon").count == 0  # that one is the manager's
    assert [q.key for q in response.context["mine"]] == [
        "overdue",
        "due_today",
        "due_soon",
        "awaiting_acknowledgement",
    ]


def test_deadlines_are_described_in_working_days(client, officer, caseload):
    client.force_login(officer)
    page = client.get(URL).content.decode()
    # Acknowledgement due Thu 6 Oct; Fri 7, Mon 10, Tue 11 and Wed 12 have passed since.
    assert "4 working days overdue" in page
    assert "Due today" in page
    assert "2 working days left" in page  # due Fri 14 Oct


def test_view_all_links_go_to_the_filtered_case_list(client, officer, caseload):
    client.force_login(officer)
    response = client.get(URL)
    overdue = queue(response, "mine", "overdue")
    assert overdue.view_all_url == "/cases/?status=open&officer=me&deadline=overdue"
    listed = client.get(overdue.view_all_url)
    assert [c.reference for c in listed.context["page"].object_list] == [
        caseload["overdue"].reference
    ]
    unassigned = queue(response, "team", "unassigned")
    listed = client.get(unassigned.view_all_url)
    assert [c.reference for c in listed.context["page"].object_list] == [
        caseload["due_today"].reference
    ]


def test_a_responding_manager_sees_only_their_own_cases_and_no_team_view(
    client, officer, responding, caseload
):
    actions.assign(caseload["due_soon"], by=officer, responding_manager=responding)
    client.force_login(responding)
    response = client.get(URL)
    assert response.context["team"] is None
    assert references(queue(response, "mine", "due_soon")) == [caseload["due_soon"].reference]
    page = response.content.decode()
    assert caseload["overdue"].reference not in page
    assert 'href="#team-work"' not in page


def test_a_stage_handed_to_someone_else_leaves_my_work(
    client, officer, responding, adjudicator, caseload
):
    # Stage 2 must go to someone other than Stage 1's responding manager (domain.md): once
    # they have answered Stage 1, the Stage 2 deadline is another manager's work, and the
    # reminders go to them. Helen Marsh's dashboard in the demo counted CS-2026-01071's
    # overdue Stage 2 adjudication, given to Aisha Khan, as hers.
    case = complaint(officer, dt.date(2022, 8, 1), officer=officer)
    case = actions.assign(case, by=officer, responding_manager=responding)
    case = actions.acknowledge(case, by=officer, on=dt.date(2022, 8, 2))
    actions.respond_to_stage(case, 1, by=responding, on=dt.date(2022, 8, 5), outcome="upheld")
    actions.start_stage(case, 2, by=officer, requested_on=dt.date(2022, 8, 8))
    actions.assign(case, by=officer, responding_manager=adjudicator, stage_number=2)
    client.force_login(responding)
    mine = client.get(URL).context["mine"]
    assert all(case.reference not in references(q) and q.count == 0 for q in mine)
    assert "a stage waiting for your response" in client.get(URL).content.decode()
    # "View all" agrees: the open list of my cases has nothing either.
    listed = client.get("/cases/?status=open&officer=me")
    assert list(listed.context["page"].object_list) == []
    # Stage 1 was theirs: they can still open the case.
    assert client.get(f"/cases/{case.reference}/").status_code == 200
    client.force_login(adjudicator)
    overdue = queue(client.get(URL), "mine", "overdue")
    assert references(overdue) == [case.reference]


def test_a_report_viewer_is_sent_to_the_reports(client, viewer):
    client.force_login(viewer)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/reports/"


def test_someone_with_no_role_is_refused(client, nobody):
    client.force_login(nobody)
    assert client.get(URL).status_code == 403


def test_an_empty_caseload_says_so(client, officer, on_a_wednesday):
    client.force_login(officer)
    page = client.get(URL).content.decode()
    assert "Nothing is overdue." in page
    assert "Every open case has an officer." in page


def _more_cases(by, officer, count: int):
    for n in range(count):
        complaint(by, dt.date(2022, 10, 3) + dt.timedelta(days=n % 7), officer=officer)


@pytest.mark.parametrize("extra", [0, 15])
def test_the_dashboard_makes_the_same_queries_however_many_cases(
    client, officer, caseload, extra, django_assert_num_queries
):
    _more_cases(officer, officer, extra)
    client.force_login(officer)
    # session, user; the edition of the reference data (new: the fixtures made people), so
    # everyone's roles and the organisation; one query that counts every queue of my work and the
    # team's and picks the first few cases of each, and one that reads those cases; then the
    # session save (savepoint, update, release).
    with django_assert_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
    # Then, in the same edition, the roles and the organisation are kept; the session is not
    # saved again within the minute.
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert response.status_code == 200


def test_a_long_queue_lists_its_soonest_ten_and_counts_them_all(client, officer, manager, caseload):
    # Fifteen more overdue cases, received 15 to 29 September: officer's and manager's in turn.
    for n in range(15):
        complaint(
            officer, dt.date(2022, 9, 15) + dt.timedelta(days=n), officer=(officer, manager)[n % 2]
        )
    client.force_login(officer)
    response = client.get(URL)
    team, mine = queue(response, "team", "overdue"), queue(response, "mine", "overdue")
    assert (team.count, mine.count) == (16, 9)
    everyone = Case.objects.filter(next_deadline__lt=TODAY).order_by(
        "next_deadline", "received_on", "id"
    )
    assert references(team) == [c.reference for c in everyone[:10]]
    assert references(mine) == [c.reference for c in everyone.filter(assigned_officer=officer)[:9]]
    # Every queue still has its own cases, not the overdue ones that crowd the others.
    assert references(queue(response, "team", "unassigned")) == [caseload["due_today"].reference]
    page = response.content.decode()
    # The panel says how many it shows of how many, and each link names its queue to a
    # screen reader (the panels are written by workqueue's queue_panel tag).
    assert "Team: overdue, first 10 of 16</caption>" in page
    assert 'aria-label="My work: overdue" tabindex="0">' in page
    assert "Overdue: 16 cases</h3>" in page and "Overdue: 9 cases</h3>" in page
    assert (
        '<a class="govuk-link" href="/cases/?status=open&amp;deadline=overdue">View all 16 cases'
        '<span class="govuk-visually-hidden"> overdue (team)</span></a></p>'
    ) in page
    assert "My work: overdue</caption>" in page  # nine: no "first ... of"
    assert "Not assigned to an officer: 1 case</h3>" in page


def test_cases_without_a_deadline_come_last_in_a_queue_on_every_database(client, officer, caseload):
    """QA on the demo (SQLite): the team's "Not assigned" panel listed an Ombudsman enquiry, a
    pre-complaint and two other cases with no deadline above cases 16 working days overdue,
    because SQLite sorts an empty date first and PostgreSQL last. Soonest deadline first, on
    both, leaves the cases without one at the end."""
    concern = record(officer, "case_concern", received_on=dt.date(2022, 10, 11))
    assert concern.next_deadline is None and concern.closed_on is None
    overdue = complaint(officer, dt.date(2022, 9, 1))
    client.force_login(officer)
    response = client.get(URL)
    assert references(queue(response, "team", "unassigned")) == [
        overdue.reference,
        caseload["due_today"].reference,
        concern.reference,
    ]


def test_a_deadline_agreed_for_a_day_off_is_due_today_on_the_last_working_day_before_it(
    client, officer
):
    """QA: a response date of Saturday 26 December 2026 said "Due today" on Thursday
    24th (Christmas Day and the Monday's substitute Boxing Day follow, no working day before
    it) but sat under "Due in the next 5 working days", with "Due today: 0" above it. It is
    due today, as its words say, on the last working day before it, and on the days off too."""
    case = complaint(officer, dt.date(2026, 12, 1), officer=officer)
    case = actions.acknowledge(case, by=officer, on=dt.date(2026, 12, 1))
    # Agreed in the application, a date must be a working day; a legacy system's file can
    # hold any date, and a bank holiday declared after the date was agreed makes one too.
    saturday = dt.date(2026, 12, 26)
    case.stages.filter(number=1).update(extended_to=saturday)
    refresh_clocks(case)
    case.save()
    assert Case.objects.get(pk=case.pk).next_deadline == saturday

    def seen_on(day):
        with time_machine.travel(dt.datetime(*day.timetuple()[:3], 10, tzinfo=LONDON)):
            client.force_login(officer)
            response = client.get(URL)
        return {q.key: references(q) for q in response.context["team"]}, response

    for day in (dt.date(2026, 12, 24), dt.date(2026, 12, 25), saturday):
        queues, response = seen_on(day)
        assert queues["due_today"] == [case.reference], day
        assert queues["due_soon"] == [], day
        assert queue(response, "team", "due_today").cases[0].deadline_words == "Due today"
    queues, response = seen_on(dt.date(2026, 12, 23))
    assert (queues["due_today"], queues["due_soon"]) == ([], [case.reference])
    assert queue(response, "team", "due_soon").cases[0].deadline_words == "1 working day left"
    # Monday 28th, the substitute Boxing Day: the date has passed.
    queues, _ = seen_on(dt.date(2026, 12, 28))
    assert (queues["overdue"], queues["due_today"]) == ([case.reference], [])
    # The case list's filter is the same.
    with time_machine.travel(dt.datetime(2026, 12, 24, 10, tzinfo=LONDON)):
        client.force_login(officer)
        listed = client.get("/cases/?deadline=due_today").context["page"].object_list
    assert [c.reference for c in listed] == [case.reference]


def test_a_deadline_missed_on_friday_is_overdue_on_sunday_not_due_today(officer):
    from heeded.cases.models import Case

    from ..exports import deadline_words

    complaint = RecordType.objects.get(code="complaint")
    friday, sunday = dt.date(2022, 10, 14), dt.date(2022, 10, 16)

    def due(day):
        return Case(record_type=complaint, next_deadline=day)

    assert deadline_words(due(friday), sunday) == "Overdue"
    assert deadline_words(due(friday), friday) == "Due today"
    assert deadline_words(due(friday), dt.date(2022, 10, 17)) == "1 working day overdue"


def test_an_information_request_counts_its_days_on_its_own_calendar(officer):
    from ..exports import deadline_words

    # Friday 17 March 2023, St Patrick's Day, is a bank holiday in Northern Ireland: the
    # Freedom of Information clock skips it (UK-wide), a complaint's does not.
    thursday, monday = dt.date(2023, 3, 16), dt.date(2023, 3, 20)
    foi, complaint = (RecordType.objects.get(code=code) for code in ("foi_request", "complaint"))
    assert deadline_words(Case(record_type=complaint, next_deadline=monday), thursday) == (
        "2 working days left"
    )
    assert deadline_words(Case(record_type=foi, next_deadline=monday), thursday) == (
        "1 working day left"
    )


def test_due_in_the_next_working_week_counts_on_each_procedures_calendar(officer):
    from heeded.cases.tests.factories import record

    from ..selectors import deadline_condition

    # Thursday 16 March 2023; Friday 17th is St Patrick's Day, a bank holiday in Northern
    # Ireland. Five working days on: Thursday 23rd in England and Wales, Friday 24th UK-wide.
    thursday, friday_week = dt.date(2023, 3, 16), dt.date(2023, 3, 24)
    foi = record(officer, "foi_request", received_on=dt.date(2023, 3, 1))
    complaint = record(officer, "complaint", received_on=dt.date(2023, 3, 1))
    Case.objects.filter(pk__in=[foi.pk, complaint.pk]).update(next_deadline=friday_week)
    due = Case.objects.filter(deadline_condition("due_soon", thursday))
    assert list(due) == [foi]
