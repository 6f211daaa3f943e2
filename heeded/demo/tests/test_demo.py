"""The demo council: deterministic, idempotent, realistic enough for every report table."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from heeded.access.roles import Role, has_role
from heeded.cases.models import Case, CaseParty, PartyRole, Person, Stage
from heeded.demo.generator import DemoCouncil
from heeded.demo.staff import SIGN_INS
from heeded.procedures import Unit, procedure_for
from heeded.reports.build import build_report
from heeded.reports.document.suppression import disclosed_across
from heeded.reports.periods import financial_year
from heeded.reports.renderers import document_for

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.django_db


def fingerprint() -> list[tuple]:
    return list(
        Case.objects.order_by("reference").values_list(
            "reference",
            "record_type__code",
            "received_on",
            "closed_on",
            "next_deadline",
            "current_stage",
        )
    )


def build(**options):
    options = {"seed": 7, "today": TODAY, "volume_factor": 0.15, "years": 1} | options
    return DemoCouncil(**options).build()


class Rollback(Exception):
    pass


def test_the_same_seed_and_day_give_the_same_council():
    prints = []
    for _ in range(2):
        try:
            with transaction.atomic():
                build()
                prints.append(fingerprint())
                raise Rollback
        except Rollback:
            pass
    assert prints[0] and prints[0] == prints[1]


def test_the_demos_timeline_entries_were_keyed_on_the_day_they_happened():
    from django.utils import timezone

    from heeded.cases.models import CaseEvent

    build(volume_factor=0.1, years=1)
    events = list(CaseEvent.objects.all())
    assert events
    assert all(timezone.localtime(e.recorded_at).date() == e.happened_on for e in events)
    # Keyed in the order they were made, so a day's entries keep their order.
    by_id = sorted(events, key=lambda e: e.pk)
    assert [e.pk for e in sorted(by_id, key=lambda e: (e.happened_on, e.recorded_at))] == [
        e.pk for e in sorted(by_id, key=lambda e: (e.happened_on, e.pk))
    ]


def test_no_demo_entry_is_keyed_later_than_now_so_what_a_visitor_records_comes_first():
    import time_machine
    from django.utils import timezone

    from heeded.cases.models import CaseEvent

    monday_8am = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(monday_8am, tick=False):
        build(today=monday_8am.date())
        assert CaseEvent.objects.filter(happened_on=monday_8am.date()).exists()
        assert not CaseEvent.objects.filter(recorded_at__gt=timezone.now()).exists()


def test_each_learning_example_is_about_what_the_report_heads_it_with():
    from heeded.demo import mix

    build(volume_factor=0.5)
    examples = Case.objects.exclude(learning_for_report="").prefetch_related("natures")
    assert examples.count() >= 3
    for case in examples:
        first = next(iter(case.natures.all()), None)
        fitting = mix.LEARNING.get(first.code if first else "", mix.LEARNING_WITHOUT_NATURE)
        assert case.learning_for_report in fitting, (case.reference, first)


def test_a_different_seed_gives_a_different_council():
    build(seed=1)
    first = fingerprint()
    assert first != [] and Case.objects.count() == len(first)


def test_a_full_council_has_realistic_volumes_the_report_mix_and_open_work():
    # One full build checked three ways: it is the slowest thing the demo does.
    build(volume_factor=1.0, years=3)
    for start_year in (2023, 2024, 2025):
        received = Case.objects.filter(
            received_on__range=(dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31))
        )
        assert 60 <= received.count() <= 450, start_year

    types = set(Case.objects.values_list("record_type__code", flat=True))
    assert {
        "complaint",
        "refused",
        "pre_complaint",
        "case_concern",
        "compliment",
        "mp_councillor_enquiry",
        "foi_request",
        "subject_access_request",
    } <= types
    assert Case.objects.exclude(converted_from=None).exists()
    assert Case.objects.filter(young_person=True, advocacy_offered=True).exists()
    assert Case.objects.exclude(ombudsman_received_on=None).exists()
    # The people on a case agree with its complainant type.
    grandparents = CaseParty.objects.filter(
        role=PartyRole.COMPLAINANT, case__complainant_type__code="grandparent"
    )
    assert grandparents.exists()
    assert not grandparents.exclude(relationship="Grandparent").exists()
    assert not Case.objects.filter(complainant_type__code="young_person", young_person=False)
    assert Stage.objects.filter(number=2).exists()
    findings = dict(
        Stage.objects.filter(number=1)
        .exclude(outcome="")
        .values_list("outcome")
        .annotate(n=Count("id"))
    )
    assert findings["not_upheld"] > findings["upheld"]

    open_cases = Case.objects.filter(closed_on=None)
    assert open_cases.filter(next_deadline__lt=TODAY).exists()
    assert open_cases.filter(next_deadline__gte=TODAY).exists()

    # Every year's public report, read table against table, gives no small count away.
    for start_year in (2023, 2024, 2025):
        period = financial_year(start_year)
        public = document_for(build_report(period), public=True)
        assert disclosed_across(public.tables(), public.threshold) == [], start_year


def test_stage_deadlines_are_what_the_procedure_declares():
    build()
    for stage in Stage.objects.filter(number=1).select_related("case__record_type")[:50]:
        clock = procedure_for(stage.case.record_type.procedure).stage(1).response
        if (
            stage.extended_to is None
            and clock.limit
            and clock.counts_from.name in ("STAGE_START", "RECEIVED")
        ):
            assert stage.due_on == clock.deadline(stage.started_on)


def test_the_command_loads_once_and_prints_every_sign_in(settings):
    out = StringIO()
    call_command(
        "demo", "--today", "2026-11-20", "--volume-factor", "0.1", "--years", "1", stdout=out
    )
    loaded = Case.objects.count()
    again = StringIO()
    call_command("demo", stdout=again)
    assert "already loaded" in again.getvalue()
    assert Case.objects.count() == loaded
    for demo in SIGN_INS:
        assert demo.username in out.getvalue() and demo.password in out.getvalue()
        user = authenticate(username=demo.username, password=demo.password)
        assert user is not None and has_role(user, demo.role)
    assert {d.role for d in SIGN_INS} == set(Role)


def test_the_demo_refuses_to_run_outside_demo_mode(settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="HEEDED_DEMO=true"):
        call_command("demo")


def test_scale_adds_benchmark_cases_with_stages_and_categories():
    call_command("demo", "--scale", "1500", "--today", "2026-11-20", stdout=StringIO())
    cases = Case.objects.filter(reference__startswith="SC-")
    assert cases.count() == 1500
    assert cases.values("reference").distinct().count() == 1500
    assert Case.history.filter(reference__startswith="SC-").count() == 1500
    with_stages = cases.filter(stages__isnull=False).distinct().count()
    assert with_stages > 500
    assert Case.natures.through.objects.filter(case__in=cases).exists()
    open_with_stage = cases.filter(closed_on=None, current_stage=1)
    assert open_with_stage.exists()
    assert all(c.next_deadline for c in open_with_stage)
    assert Case.service_teams.through.objects.filter(case__in=cases).exists()
    assert Case.outcomes_sought.through.objects.filter(case__in=cases).exists()
    checked = 0
    for stage in Stage.objects.filter(case__in=cases).select_related("case__record_type"):
        clock = procedure_for(stage.case.record_type.procedure).stage(1).response
        if clock.unit is Unit.WORKING_DAYS and clock.limit:
            assert stage.due_on == clock.deadline(stage.started_on), stage.case.reference
            checked += 1
    assert checked > 500
    # A second run takes fresh references.
    call_command("demo", "--scale", "10", "--today", "2026-11-20", stdout=StringIO())
    assert Case.objects.filter(reference__startswith="SC-").count() == 1510


def test_dashboards_have_work_due_today_overdue_and_in_the_next_few_days():
    build()
    open_cases = Case.objects.filter(closed_on=None)
    assert open_cases.filter(next_deadline=TODAY).exists()  # a Friday: something is due
    assert open_cases.filter(next_deadline__lt=TODAY).exists()
    assert open_cases.filter(
        next_deadline__gt=TODAY, next_deadline__lte=TODAY + dt.timedelta(days=7)
    ).exists()


def test_the_latest_complete_years_report_has_recommendations_and_their_progress():
    # TODAY is in 2026/27, so the latest complete report is 2025/26.
    build(volume_factor=0.05, years=1)
    document = document_for(build_report(financial_year(2025)), public=True)
    section = next(s for s in document.sections if s.id == "recommendations")
    headings = [block.heading for block in section.blocks if block.kind == "quote"]
    assert headings == [
        "Recommendation 1 (2024/25): Stage 1 response times",
        "Recommendation 2 (2024/25): Telling families when their social worker changes",
        "Recommendation 1: Offering advocacy to children and young people",
        "Recommendation 2: Learning from upheld complaints",
    ]
    texts = " ".join(block.text for block in section.blocks if block.kind == "quote")
    assert "Progress (Completed):" in texts and "Progress (Carried forward):" in texts
    # The year under way carries forward all but the completed one.
    current = document_for(build_report(financial_year(2026)), public=False)
    section = next(s for s in current.sections if s.id == "recommendations")
    assert [b.heading for b in section.blocks if b.kind == "quote"] == [
        "Recommendation 1 (2024/25): Telling families when their social worker changes",
        "Recommendation 2 (2025/26): Offering advocacy to children and young people",
        "Recommendation 3 (2025/26): Learning from upheld complaints",
    ]


def test_the_demos_responding_managers_were_chased_as_the_morning_run_would_have():
    from heeded.calendars.working_days import is_working_day
    from heeded.cases.models import CaseEvent, EventKind

    build()
    reminders = list(CaseEvent.objects.filter(kind=EventKind.REMINDED).select_related("case"))
    assert reminders, "no reminders in the demo"
    for event in reminders:
        # In the fortnight before today, on working days, about a stage still to be answered.
        assert TODAY - dt.timedelta(days=14) <= event.happened_on < TODAY
        assert is_working_day(event.happened_on)
        stage = event.case.stages.get(number=event.stage_number)
        assert stage.responded_on is None and event.description.startswith(
            f"To {stage.responding_manager.get_full_name()}: "
        )
    # Nothing chased twice on one day.
    days = [(event.case_id, event.stage_number, event.happened_on) for event in reminders]
    assert len(days) == len(set(days))


def test_the_demo_shows_a_case_whose_reminders_the_team_stopped():
    from heeded.calendars.working_days import working_days_left
    from heeded.cases.models import Case
    from heeded.cases.reminders import send_reminders

    build()
    (stopped,) = Case.objects.filter(reminders_stopped_on__isnull=False)
    assert stopped.closed_on is None
    assert stopped.stages.get(number=1).responding_manager is not None
    assert stopped.reminders_stopped_on == TODAY
    assert "agreed to wait" in stopped.reminders_stopped_reason
    # Time for the meeting it waits for: due a few working days on, not today.
    assert working_days_left(TODAY, stopped.next_deadline) >= 3
    # The next morning's run leaves it out, and says so.
    skipped = send_reminders(stopped.next_deadline, dry_run=True).stopped
    assert [reminder.case for reminder in skipped] == [stopped]


def test_the_demo_shows_the_adult_social_care_notice_of_delay_at_each_point():
    # SI 2009/309 regulation 14: no response within 6 months of receipt (or the longer period
    # agreed), and the complainant must be told why. One of each: owed and overdue, given,
    # a date agreed, answered in time.
    from heeded.cases.clocks import delay_notice_deadline, open_deadlines

    build()
    cases = list(
        Case.objects.filter(record_type__code="adult_social_care_complaint").order_by("pk")
    )
    assert len(cases) == 4
    overdue, told, agreed, answered = cases
    for case in cases:
        assert case.acknowledged_on and case.stage(1).responding_manager is not None
        # As recording one asks: the person complaining, and no child it concerns.
        assert list(case.parties.values_list("role", flat=True)) == [PartyRole.COMPLAINANT]

    # Received about 7 months ago; nothing sent: the notice is what the dashboard chases.
    assert dt.date(2026, 4, 10) <= overdue.received_on <= dt.date(2026, 4, 30)
    stage = overdue.stage(1)
    assert stage.responded_on is None and stage.delay_explained_on is None
    notice = delay_notice_deadline(overdue, stage)
    assert notice and notice.due_on < TODAY
    assert (overdue.next_deadline, overdue.next_deadline_what) == (notice.due_on, notice.what)

    # Told why before the 6 months ran out, and a new date agreed.
    stage = told.stage(1)
    assert stage.delay_explained_on and stage.delay_explained_on < TODAY
    assert told.received_on < TODAY - dt.timedelta(days=183)
    assert "We expect to respond by" in stage.delay_explanation
    assert delay_notice_deadline(told, stage) is None
    assert told.next_deadline == stage.extended_to and stage.extended_to > TODAY

    # A response date agreed at acknowledgement, still to come.
    stage = agreed.stage(1)
    assert stage.responded_on is None and stage.extended_to > TODAY
    # Chased first; the notice is owed only if 6 months pass without a response.
    assert [d.what for d in open_deadlines(agreed)] == [
        "Agreed response date",
        "Tell the complainant why there is no response yet",
    ]
    assert agreed.next_deadline == stage.extended_to

    # Answered by the date agreed, and closed.
    stage = answered.stage(1)
    assert stage.responded_on <= stage.extended_to and answered.closed_on is not None


def test_the_adult_social_care_complaints_leave_the_childrens_figures_as_they_were(monkeypatch):
    # They are other representations in the children's report, as a corporate complaint
    # is: counted as received, never as Children Act complaints, Stage 1 responses,
    # Ombudsman enquiries or payments.
    def figures():
        return {
            start: build_report(financial_year(start), comparisons=0)["measures"]
            for start in (2025, 2026)
        }

    try:
        with transaction.atomic():
            monkeypatch.setattr(DemoCouncil, "_adult_social_care", lambda self, *a: [])
            build()
            without = figures()
            before = fingerprint()
            raise Rollback
    except Rollback:
        pass
    monkeypatch.undo()
    build()
    with_them = figures()
    assert [row for row in fingerprint() if row[1] != "adult_social_care_complaint"] == before
    assert with_them[2025] == without[2025]
    changed = {key for key in with_them[2026] if with_them[2026][key] != without[2026][key]}
    assert changed and all(key.startswith("representations.") for key in changed), changed
    assert with_them[2026]["representations.by_type"]["adult_social_care_complaint"] == 4


def test_each_demo_adult_has_an_email_of_their_own_so_a_search_by_email_finds_them():
    """QA on the demo: every adult's email was someone@example.org, so searching people by
    email on the recording page offered everyone. Each has a plausible one of their own,
    at a domain kept for examples."""
    build()
    emails = list(Person.objects.exclude(email="").values_list("email", flat=True))
    adults = CaseParty.objects.filter(role=PartyRole.COMPLAINANT, person__date_of_birth=None)
    assert len(emails) == adults.values("person").distinct().count() > 50
    assert len(set(emails)) == len(emails)
    assert {email.split("@")[1] for email in emails} <= {"example.org", "example.com"}
    assert all(re.fullmatch(r"[a-z]+\.[a-z]+\d*@example\.(org|com)", e) for e in emails[:50])
