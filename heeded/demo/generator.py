"""The demo council's cases, built through the same actions the application uses.

Deterministic: the same seed and the same ``today`` give the same cases, references and
dates. Three complete financial years and the current one to date, so reports have earlier
years to compare against and dashboards have open work around today.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from django.core.mail import get_connection
from django.db import transaction

from heeded.calendars.dates import long_date
from heeded.calendars.working_days import (
    add_calendar_months,
    add_working_days,
    calendar_month_deadline,
    next_working_day_on_or_after,
)
from heeded.cases import actions
from heeded.cases.models import Case, CaseEvent, ContactDirection, PartyRole, Person, Stage
from heeded.cases.reminders import send_reminders
from heeded.organisation.models import Organisation
from heeded.reports.periods import financial_year as report_period
from heeded.reports.recommendations import services as recommendations
from heeded.taxonomy.models import TAXONOMY_MODELS

from . import mix
from .staff import ensure_staff

INFORMATION_TYPES = ("foi_request", "subject_access_request", "mp_councillor_enquiry")
COMPLAINT_TYPES = ("complaint", "area_initiated", "corporate_complaint", "non_statutory_complaint")
# How many days back the demo's responding managers have been chased by the morning run.
REMINDERS_LOOK_BACK = 14


def financial_year(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def report_year(start_year: int) -> str:
    """The year as the annual report labels it: "2025/26"."""
    return report_period(start_year).label


def current_financial_year_start(today: dt.date) -> int:
    return today.year if today.month >= 4 else today.year - 1


class DemoCouncil:
    def __init__(
        self,
        *,
        seed: int,
        today: dt.date,
        volume_factor: float = 1.0,
        years: int = 3,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.rng = random.Random(seed)
        self.today = today
        self.volume_factor = volume_factor
        self.years = years
        self.progress = progress or (lambda done, total: None)
        # Complaints left open whatever the dice say, received so that their Stage 1
        # deadline (10 working days) falls today, in the next few days, or has passed.
        self.kept_open = {
            add_working_days(today, -days) for days in (10, 9, 8, 7, 11, 13, 16, 1, 0)
        }
        self.codes = {
            kind: {row.code: row for row in model.objects.all()}
            for kind, model in TAXONOMY_MODELS.items()
        }
        # How many people have been given each address's name: the second Chloe Hill's is
        # chloe.hill2@... (see email_for).
        self.emails: Counter[str] = Counter()

    # --- choices ----------------------------------------------------------------------
    def pick(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def some(self, weights: dict[str, int], most: int = 3) -> list[str]:
        count = self.rng.choices([1, 2, 3][:most], weights=[60, 30, 10][:most])[0]
        chosen: list[str] = []
        while len(chosen) < count:
            code = self.pick(weights)
            if code not in chosen:
                chosen.append(code)
        return sorted(chosen)

    def term(self, kind: str, code: str):
        return self.codes[kind][code]

    def after(self, day: dt.date, low: int, high: int) -> dt.date:
        return add_working_days(day, self.rng.randint(low, high))

    def past(self, day: dt.date) -> bool:
        return day <= self.today

    def in_progress(self, case: Case) -> bool:
        """Recent work still open, some of it running late, so dashboards have work."""
        if case.received_on in self.kept_open:
            return True
        recent = case.received_on > self.today - dt.timedelta(days=45)
        return recent and self.rng.random() < 0.6

    # --- the whole council ------------------------------------------------------------
    def build(self) -> Counter:
        staff = ensure_staff()
        self.officers = [staff["officer"], staff["lfoster"]]
        self.responders = [
            staff["responding"],
            staff["rmorgan"],
            staff["tbennett"],
            staff["akhan"],
            staff["gevans"],
        ]
        self._organisation()
        plan = self._plan()
        made: Counter = Counter()
        with transaction.atomic():
            for number, (record_type, received_on) in enumerate(plan, start=1):
                self._one(record_type, received_on)
                made[record_type] += 1
                self.progress(number, len(plan))
            self._reminders_sent()
            self._reminders_stopped(staff["officer"])
            for case in self._adult_social_care(staff["officer"], staff["responding"]):
                made[case.record_type.code] += 1
            keyed_on_the_day()
            self._recommendations(staff["manager"])
        return made

    def _organisation(self) -> None:
        organisation = Organisation.current()
        organisation.name = "Demo Borough Council"
        organisation.department = "Children's Services"
        organisation.complaints_manager_name = "Daniel Okafor"
        organisation.complaints_email = "complaints@demo-borough.example"
        # Ofcom's range for drama (01632 960xxx): a number that reaches nobody.
        organisation.safeguarding_phone = "01632 960123"
        organisation.advocacy_service_name = "Demo Advocacy for Young People"
        organisation.advocacy_service_phone = "01632 960456"
        organisation.advocacy_service_url = "https://advocacy.demo-borough.example"
        organisation.privacy_notice_url = "https://demo-borough.example/privacy"
        organisation.accessibility_statement_url = "https://demo-borough.example/accessibility"
        organisation.save()

    def _reminders_sent(self) -> None:
        """The last fortnight's morning reminders, as ``heeded send_reminders`` run each
        working day would have recorded them, so that timelines show who was chased. Their
        e-mails go nowhere: the demo's managers are made up."""
        nowhere = get_connection("django.core.mail.backends.dummy.EmailBackend")
        for days_ago in range(REMINDERS_LOOK_BACK, 0, -1):
            send_reminders(self.today - dt.timedelta(days=days_ago), connection=nowhere)

    def _reminders_stopped(self, officer) -> None:
        """One case whose reminders the team stopped today, so that the demo shows it: on the
        case page, and in ``heeded send_reminders --dry-run``. The soonest Stage 1 due in a
        few working days, time for the meeting its reason waits for; it would be chased."""
        stage = (
            Stage.objects.filter(
                number=1,
                responded_on__isnull=True,
                responding_manager__isnull=False,
                case__closed_on__isnull=True,
                case__next_deadline__gte=add_working_days(self.today, 3),
            )
            .select_related("case")
            .order_by("case__next_deadline", "case__reference")
            .first()
        )
        if stage is not None:
            actions.stop_reminders(
                stage.case, by=officer, on=self.today, reason=mix.REMINDERS_STOPPED_BECAUSE
            )

    def _adult_social_care(self, officer, manager) -> list[Case]:
        """The four adult social care complaints of ``mix.ADULT_SOCIAL_CARE``, dated back from
        today so that the demo shows SI 2009/309's notice of delay at work (regulation 14 by
        the sources; the number is unverified, domain.md section 2): one unanswered after 7
        months whose complainant has not been told why (the notice is overdue), one told why
        at 6 months with a new date agreed, one with a response date agreed when it was
        acknowledged, one answered by its agreed date.

        Made after the rest, throwing no dice, so that the children's cases, references,
        reminders and figures are what they were without them; none goes to the Ombudsman
        or is paid anything, which the children's report would count.
        """
        today = self.today
        received = [
            add_calendar_months(today, -7),
            add_calendar_months(today, -6) - dt.timedelta(days=21),
            add_working_days(today, -25),
            add_calendar_months(today, -4),
        ]
        cases = []
        for story, on in zip(mix.ADULT_SOCIAL_CARE, received, strict=True):
            on = next_working_day_on_or_after(on)
            complainant = Person.objects.create(
                full_name=story.complainant,
                postcode="DB4 2JX",
                email=self.email_for(story.complainant),
            )
            case = actions.record_representation(
                by=officer,
                record_type=self.term("record_type", mix.ADULT_SOCIAL_CARE_RECORD_TYPE),
                received_on=on,
                people=[(complainant, PartyRole.COMPLAINANT, "")],
                today=today,
                how_received=self.term("how_received", story.how_received),
                summary=story.summary,
                service_teams=[self.term("service_team", "disabled_children")],
                complainant_type=self.term("complainant_type", story.complainant_type),
                natures=[self.term("nature", code) for code in story.natures],
                outcomes_sought=[self.term("outcome", code) for code in story.outcomes_sought],
            )
            acknowledged = add_working_days(on, 2)
            actions.acknowledge(case, by=officer, on=acknowledged)
            actions.assign(
                case, by=officer, officer=officer, responding_manager=manager, on=acknowledged
            )
            cases.append(case)
        # The first stays as it is: acknowledged, given to a manager, and nothing since.
        _, told, agreed, answered = cases

        surname = mix.ADULT_SOCIAL_CARE[1].complainant.split()[-1]
        told_on = add_working_days(calendar_month_deadline(told.received_on, 6), -2)
        new_date = add_working_days(today, 12)
        actions.explain_delay(
            told,
            1,
            by=officer,
            on=told_on,
            explanation=(
                f"Wrote to Mr {surname}: the investigation is waiting for the respite "
                "provider's records of Grace's stays, asked for twice. We expect to respond "
                f"by {long_date(new_date)}."
            ),
        )
        actions.extend_stage(
            told,
            1,
            by=officer,
            to=new_date,
            reason=f"Agreed with Mr {surname} when we wrote to say why there was no response yet",
            on=told_on,
        )

        self._agree(agreed, officer, 40, "on the telephone")
        due = self._agree(answered, officer, 30, "by e-mail")
        responded = add_working_days(due, -4)
        actions.respond_to_stage(
            answered,
            1,
            by=officer,
            on=responded,
            outcome="partially_upheld",
            today=today,
            actual_outcomes=[self.term("outcome", "apology_and_explanation")],
            remedial_action=True,
            remedial_action_details=(
                "Direct payments are now set up at the transition review, before the young "
                "person's 18th birthday."
            ),
        )
        actions.close(answered, by=officer, on=add_working_days(responded, 2))
        return cases

    def _agree(self, case: Case, officer, working_days: int, how: str) -> dt.date:
        """The response date agreed with the complainant when the complaint was
        acknowledged, as the acknowledgement under SI 2009/309 offers (domain.md section 2),
        recorded as the stage's agreed date."""
        case.refresh_from_db()
        to = add_working_days(case.received_on, working_days)
        actions.extend_stage(
            case,
            1,
            by=officer,
            to=to,
            reason=f"Agreed with the complainant {how} when the complaint was acknowledged",
            on=case.acknowledged_on,
        )
        return to

    def _recommendations(self, manager) -> None:
        """The report for the latest complete year: two recommendations of the year before
        with its progress on them (one completed, one carried forward), and two of its own."""
        latest = current_financial_year_start(self.today) - 1
        for title, text, years_before, progress in mix.RECOMMENDATIONS:
            recommendation = recommendations.add_recommendation(
                by=manager,
                title=title,
                text=text,
                raised_in=report_year(latest - years_before),
            )
            if progress is not None:
                status, words = progress
                recommendations.record_progress(
                    recommendation,
                    by=manager,
                    period_label=report_year(latest),
                    status=status,
                    text=words,
                )

    def _plan(self) -> list[tuple[str, dt.date]]:
        """Every representation to make: its type and date received, in date order."""
        first_current = current_financial_year_start(self.today)
        plan = []
        for offset in range(self.years):
            start, end = financial_year(first_current - self.years + offset)
            volume = round(mix.YEARLY_VOLUME.get(offset, 340) * self.volume_factor)
            plan += self._dates(start, end, volume)
        start, _ = financial_year(first_current)
        elapsed = (self.today - start).days + 1
        volume = round(mix.CURRENT_YEAR_RATE * self.volume_factor * elapsed / 365)
        plan += self._dates(start, self.today, volume)
        plan += [("complaint", day) for day in self.kept_open]
        return sorted(plan, key=lambda item: item[1])

    def _dates(self, start: dt.date, end: dt.date, volume: int):
        span = (end - start).days
        return [
            (
                self.pick(mix.RECORD_TYPE_WEIGHTS),
                start + dt.timedelta(days=self.rng.randint(0, span)),
            )
            for _ in range(volume)
        ]

    # --- one representation -------------------------------------------------------------
    def _one(self, record_type: str, received_on: dt.date) -> Case:
        officer = self.rng.choice(self.officers)
        first_type = "complaint" if record_type == "refused" else record_type
        young = first_type in COMPLAINT_TYPES and self.rng.random() < 0.04
        complainant = "young_person" if young else self.pick(mix.COMPLAINANT_WEIGHTS)
        has_complainant = first_type in COMPLAINT_TYPES or first_type in (
            "pre_complaint",
            "case_concern",
        )
        # A young person complaining is a young person's complaint, however it was drawn.
        young = young or (has_complainant and complainant == "young_person")
        details = dict(
            how_received=self.term("how_received", self.pick(mix.HOW_RECEIVED_WEIGHTS)),
            summary=self.rng.choice(mix.SUMMARIES.get(first_type, (mix.GENERIC_SUMMARY,))),
            service_teams=[
                self.term("service_team", c) for c in self.some(mix.TEAM_WEIGHTS, most=2)
            ],
        )
        if has_complainant:
            details.update(
                complainant_type=self.term("complainant_type", complainant),
                young_person=young,
                via_professional=young and self.rng.random() < 0.5,
                natures=[self.term("nature", c) for c in self.some(mix.NATURE_WEIGHTS)],
                outcomes_sought=[
                    self.term("outcome", c) for c in self.some(mix.OUTCOME_SOUGHT_WEIGHTS, most=2)
                ],
            )
        case = actions.record_representation(
            by=officer,
            record_type=self.term("record_type", first_type),
            received_on=received_on,
            people=self._people(young, complainant if has_complainant else None),
            today=self.today,
            **details,
        )
        if young:
            taken_up = self.rng.random() < 0.6
            actions.record_advocacy(
                case,
                by=officer,
                offered=True,
                offered_on=received_on,
                taken_up=taken_up,
                provider=self.rng.choice(mix.ADVOCATES) if taken_up else "",
            )
        life = {
            "refused": self._refused,
            "pre_complaint": self._maybe_converted,
            "case_concern": self._maybe_converted,
            "lgsco": self._ombudsman_case,
        }.get(record_type)
        if life is None and record_type in COMPLAINT_TYPES:
            life = self._complaint
        if life is None and record_type in INFORMATION_TYPES:
            life = self._request
        (life or self._closed_quickly)(case, officer)
        return case

    def email_for(self, full_name: str) -> str:
        """An address of their own, so a search by email finds one person: "chloe.hill@
        example.org", the next Chloe Hill's "chloe.hill2@example.com", at the domains kept
        for examples (RFC 2606). Made from the name, drawing no random number: the cases
        drawn after it stay as they were."""
        name = ".".join("".join(filter(str.isalpha, word)) for word in full_name.lower().split())
        self.emails[name] += 1
        count = self.emails[name]
        domain = ("example.org", "example.com")[(len(name) + count) % 2]
        return f"{name}{count if count > 1 else ''}@{domain}"

    def _people(self, young: bool, complainant: str | None) -> list[tuple[Person, str, str]]:
        def person(adult: bool = False, **extra) -> Person:
            full_name = f"{self.rng.choice(mix.FIRST_NAMES)} {self.rng.choice(mix.LAST_NAMES)}"
            postcode = (
                f"DB{self.rng.randint(1, 9)} {self.rng.randint(1, 9)}"
                f"{self.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{self.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            )
            if adult:
                extra["email"] = self.email_for(full_name)
            return Person.objects.create(full_name=full_name, postcode=postcode, **extra)

        child = person(
            date_of_birth=dt.date(
                self.rng.randint(2008, 2020), self.rng.randint(1, 12), self.rng.randint(1, 28)
            )
        )
        if young:
            return [(child, PartyRole.COMPLAINANT, "Young person")]
        adult, their_child = mix.RELATIONSHIPS.get(complainant, mix.DEFAULT_RELATIONSHIP)
        return [
            (person(adult=True), PartyRole.COMPLAINANT, adult),
            (child, PartyRole.CHILD, their_child),
        ]

    # --- what happens next, by kind ------------------------------------------------------
    def _acknowledge(self, case: Case, officer) -> None:
        # Most within 3 working days (Southampton 2009/10: 96%); some later.
        on = self.after(case.received_on, 0, 2 if self.rng.random() < 0.92 else 6)
        if self.past(on):
            actions.acknowledge(case, by=officer, on=on)

    def _complaint(self, case: Case, officer) -> None:
        if self.rng.random() < 0.95 or case.received_on < self.today - dt.timedelta(days=10):
            self._acknowledge(case, officer)
        if self.rng.random() < 0.85:
            actions.assign(
                case,
                by=officer,
                officer=officer,
                responding_manager=self.rng.choice(self.responders),
                on=min(self.after(case.received_on, 0, 2), self.today),
            )
        if self.in_progress(case):
            return
        start = case.stage1_clock_start
        band = self.rng.choices(
            [b for b, _ in mix.STAGE1_DAYS], weights=[w for _, w in mix.STAGE1_DAYS]
        )[0]
        days = self.rng.choice(band)
        if 10 < days <= 20 and self.rng.random() < 0.5:
            extended_to = add_working_days(start, self.rng.randint(max(days, 12), 20))
            current_due = Stage.objects.get(case=case, number=1).due_on
            # Corporate clocks count from the acknowledgement, so may already be later.
            if self.past(start + dt.timedelta(days=7)) and extended_to > current_due:
                actions.extend_stage(
                    case,
                    1,
                    by=officer,
                    to=extended_to,
                    reason="More time needed to speak to the team involved",
                    on=self.after(start, 5, 8),
                )
        responded = add_working_days(start, days)
        if not self.past(responded):
            return  # still open: the dashboards' work
        finding = self.pick(mix.STAGE1_FINDING_WEIGHTS)
        if finding == "withdrawn":
            actions.withdraw(case, by=officer, on=responded)
            return
        upheld = finding in ("upheld", "partially_upheld")
        actual = ["apology_and_explanation" if upheld else "explanation"]
        if upheld and self.rng.random() < 0.4:
            actual.append(
                self.rng.choice(
                    [
                        "agreed_service_implemented",
                        "meeting_offer",
                        "personal_budget",
                        "change_of_worker",
                    ]
                )
            )
        remedial = upheld and self.rng.random() < 0.3
        actions.respond_to_stage(
            case,
            1,
            by=officer,
            on=responded,
            outcome=finding,
            today=self.today,
            actual_outcomes=[self.term("outcome", c) for c in actual],
            remedial_action=remedial if upheld else (False if self.rng.random() < 0.7 else None),
            remedial_action_details="Training for the team on returning calls." if remedial else "",
            lessons_learned=self.rng.choice(mix.LESSONS) if upheld else "",
        )
        if upheld and self.rng.random() < 0.15:
            case.refresh_from_db()
            actions.update_details(
                case,
                by=officer,
                expected_version=case.version,
                learning_for_report=self.rng.choice(learning_about(case)),
            )
        if upheld and self.rng.random() < 0.08:
            actions.record_payment(
                case,
                by=officer,
                amount=self.rng.choice([100, 150, 250]),
                paid_on=self.after(responded, 5, 15)
                if self.past(self.after(responded, 5, 15))
                else None,
                reason="Time and trouble",
                # Each stage's payment is its own, even of the same amount on the same day.
                separate=True,
            )
        last = responded
        if (
            case.record_type.procedure == "children_statutory"
            and finding != "upheld"
            and self.rng.random() < mix.ESCALATION_TO_STAGE_2
        ):
            last = self._stage_2_and_3(case, officer, responded)
            if last is None:
                return
        close_on = self.after(last, 0, 3)
        if self.past(close_on):
            actions.close(case, by=officer, on=close_on)
            self._maybe_ombudsman(case, officer, close_on)

    def _stage_2_and_3(self, case: Case, officer, stage1_responded: dt.date):
        requested = self.after(stage1_responded, 3, 15)
        if not self.past(requested):
            return None
        actions.start_stage(case, 2, by=officer, requested_on=requested)
        actions.assign(
            case,
            by=officer,
            stage_number=2,
            on=requested,
            responding_manager=self.rng.choice(self.responders),
            investigating_officer=f"{self.rng.choice(mix.FIRST_NAMES)} "
            f"{self.rng.choice(mix.LAST_NAMES)} (independent investigator)",
            independent_person=f"{self.rng.choice(mix.FIRST_NAMES)} "
            f"{self.rng.choice(mix.LAST_NAMES)}",
        )
        responded = self.after(requested, 20, 60)
        if not self.past(responded):
            return None
        actions.respond_to_stage(
            case,
            2,
            by=officer,
            on=responded,
            today=self.today,
            outcome=self.pick({"not_upheld": 5, "partially_upheld": 4, "upheld": 1}),
        )
        if self.rng.random() >= mix.ESCALATION_TO_STAGE_3:
            return responded
        requested = self.after(responded, 5, 15)
        if not self.past(requested):
            return None
        actions.start_stage(case, 3, by=officer, requested_on=requested)
        panel = self.after(requested, 15, 30)
        if not self.past(panel):
            return None
        actions.record_panel(case, by=officer, held_on=panel)
        report = self.after(panel, 2, 5)
        if not self.past(report):
            return None
        actions.record_panel_report(case, by=officer, on=report)
        responded = self.after(report, 5, 15)
        if not self.past(responded):
            return None
        actions.respond_to_stage(
            case, 3, by=officer, on=responded, outcome="partially_upheld", today=self.today
        )
        return responded

    def _maybe_ombudsman(self, case: Case, officer, closed_on: dt.date) -> None:
        if self.rng.random() >= 0.03:
            return
        received = self.after(closed_on, 20, 60)
        if not self.past(received):
            return
        actions.record_ombudsman_enquiry(
            case, by=officer, received_on=received, reference=self._ombudsman_reference(received)
        )
        decided = self.after(received, 20, 80)
        if self.past(decided):
            self._ombudsman_decision(case, officer, decided)

    def _ombudsman_reference(self, received: dt.date) -> str:
        # The Ombudsman's own style: "22 013 844".
        return f"{received:%y} {self.rng.randint(1, 20):03d} {self.rng.randint(100, 999)}"

    def _ombudsman_decision(self, case: Case, officer, decided: dt.date) -> None:
        decision = self.pick(mix.OMBUDSMAN_DECISION_WEIGHTS)
        remedy = "Apology and a time and trouble payment" if decision == "fault_injustice" else ""
        actions.record_ombudsman_decision(
            case,
            by=officer,
            decision=self.term("ombudsman_decision", decision),
            decided_on=decided,
            remedy=remedy,
        )
        if decision == "fault_injustice":
            actions.record_payment(
                case,
                by=officer,
                amount=Decimal(self.rng.choice([150, 300])),
                paid_on=decided if self.past(decided) else None,
                reason="Time and trouble",
                recommended_by_ombudsman=True,
                separate=True,
            )

    def _ombudsman_case(self, case: Case, officer) -> None:
        actions.record_ombudsman_enquiry(
            case,
            by=officer,
            received_on=case.received_on,
            reference=self._ombudsman_reference(case.received_on),
        )
        decided = self.after(case.received_on, 20, 90)
        if self.past(decided):
            self._ombudsman_decision(case, officer, decided)
            actions.close(case, by=officer, on=decided)

    def _refused(self, case: Case, officer) -> None:
        on = self.after(case.received_on, 1, 5)
        if self.past(on):
            actions.refuse(
                case,
                by=officer,
                on=on,
                reason=self.term("refusal_reason", self.pick(mix.REFUSAL_WEIGHTS)),
            )

    def _maybe_converted(self, case: Case, officer) -> None:
        chance = (
            mix.PRE_COMPLAINT_CONVERTED
            if case.record_type.code == "pre_complaint"
            else mix.CASE_CONCERN_CONVERTED
        )
        on = self.after(case.received_on, 2, 8)
        if not self.past(on):
            return
        if self.rng.random() < chance:
            actions.convert(case, by=officer, to=self.term("record_type", "complaint"), on=on)
            case.refresh_from_db()
            self._complaint(case, officer)
        else:
            actions.log_contact(
                case,
                by=officer,
                happened_at=dt.datetime.combine(on, dt.time(11, 0), tzinfo=dt.UTC),
                direction=ContactDirection.OUTGOING,
                method=self.term("how_received", "telephone"),
                summary="Called to talk through the concern; resolved without a complaint.",
            )
            actions.close(case, by=officer, on=on)

    def _request(self, case: Case, officer) -> None:
        if self.in_progress(case):
            return
        stage = case.stage(1)
        due = stage.due_on
        on_time = self.rng.random() < 0.9
        responded = (
            self.after(case.received_on, 3, max(3, _working_days_to(case, due)))
            if on_time
            else self.after(due, 1, 10)
        )
        if self.past(responded):
            actions.respond_to_stage(case, 1, by=officer, on=responded, today=self.today)
            actions.close(case, by=officer, on=responded)

    def _closed_quickly(self, case: Case, officer) -> None:
        on = self.after(case.received_on, 0, 5)
        if self.past(on):
            actions.close(case, by=officer, on=on)


def _working_days_to(case: Case, due: dt.date) -> int:
    from heeded.calendars.working_days import working_days

    return working_days(case.received_on, due, case.procedure.stage(1).response.calendar)


def keyed_on_the_day() -> None:
    """Date the demo's timeline entries as if each had been keyed the day it happened.

    The demo makes three years of casework in a minute, so every entry would otherwise say
    "recorded" today; a real team keys most things on the day, and the timeline notes only
    those it did not.
    """
    events = list(CaseEvent.objects.only("id", "happened_on", "recorded_at"))
    for event in events:
        keyed = dt.datetime.combine(
            event.happened_on, dt.time(10, 0), tzinfo=dt.UTC
        ) + dt.timedelta(milliseconds=event.pk)
        # Never later than it was really keyed: today's entries, dated 10 o'clock in a demo
        # built at 9, would sit above whatever the visitor records next.
        event.recorded_at = min(keyed, event.recorded_at)
    CaseEvent.objects.bulk_update(events, ["recorded_at"], batch_size=1000)


def learning_about(case) -> tuple[str, ...]:
    """Learning that fits the nature the annual report heads its example with (the case's
    first, as the report orders them)."""
    first = next(iter(case.natures.all()), None)
    return mix.LEARNING.get(first.code if first else "", mix.LEARNING_WITHOUT_NATURE)
