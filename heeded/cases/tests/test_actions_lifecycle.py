"""Converting, refusing, withdrawing, closing, reopening and the records kept on a case."""

import datetime as dt
from decimal import Decimal

import pytest

from heeded.cases import actions
from heeded.cases.actions import ProcedureError, StaleCase
from heeded.cases.clocks import latest_extension, stage_deadline
from heeded.cases.models import EventKind, Stage, StageOutcome

from .factories import record

D = dt.date
pytestmark = pytest.mark.django_db


class TestConversion:
    def test_a_pre_complaint_that_becomes_a_complaint_keeps_where_it_came_from(self, officer, code):
        # Isle of Wight 2019/20 Table 1.1: "Pre-complaint to Statutory Stage 1 Complaint".
        pre = record(officer, record_type="pre_complaint", received_on=D(2019, 10, 1))
        assert pre.current_stage == 0
        case = actions.convert(
            pre, by=officer, to=code("record_type", "complaint"), on=D(2019, 10, 8)
        )
        assert (case.converted_from.code, case.converted_on) == ("pre_complaint", D(2019, 10, 8))
        # Stage 1 counts from the conversion (interchange: stage1_started_on rule).
        assert case.stage(1).started_on == D(2019, 10, 8)
        assert case.events.filter(kind=EventKind.CONVERTED).exists()

    def test_a_late_conversion_is_acknowledged_within_3_working_days_of_becoming_a_complaint(
        self, officer, code
    ):
        """QA: a pre-complaint received Tuesday 1 October 2019 and made a complaint on
        Tuesday 8 October was overdue for acknowledgement the moment it was converted (due
        Friday 4 October, 3 working days from the first contact). It is acknowledged as a
        complaint within 3 working days of becoming one: Friday 11 October."""
        pre = record(officer, record_type="pre_complaint", received_on=D(2019, 10, 1))
        case = actions.convert(
            pre, by=officer, to=code("record_type", "complaint"), on=D(2019, 10, 8)
        )
        case.refresh_from_db()
        assert (case.next_deadline, case.next_deadline_what) == (D(2019, 10, 11), "Acknowledgement")
        # Stage 1 counts from the conversion as before: 10 working days, 22 October.
        assert case.stage(1).due_on == D(2019, 10, 22)

    def test_converting_after_a_stage_response_is_refused(self, officer, code):
        case = record(officer, received_on=D(2022, 9, 12))
        actions.respond_to_stage(case, 1, by=officer, on=D(2022, 9, 20), outcome="upheld")
        with pytest.raises(ProcedureError, match="can no longer change"):
            actions.convert(
                case, by=officer, to=code("record_type", "corporate_complaint"), on=D(2022, 9, 21)
            )

    def test_converting_to_the_same_type_is_refused(self, officer, code):
        case = record(officer, record_type="case_concern")
        with pytest.raises(ProcedureError, match=r"already a record of this type \(Case concern\)"):
            actions.convert(
                case, by=officer, to=code("record_type", "case_concern"), on=D(2022, 9, 13)
            )

    def test_refusing_goes_through_refuse_not_convert(self, officer, code):
        case = record(officer)
        with pytest.raises(ProcedureError, match="Use 'Refuse'"):
            actions.convert(case, by=officer, to=code("record_type", "refused"), on=D(2022, 9, 13))


class TestRefusal:
    def test_a_refused_complaint_is_closed_with_its_reason_and_no_stage(self, officer, code):
        # Isle of Wight 2019/20 s.3.6: refusals mostly because of court proceedings.
        case = record(officer)
        case = actions.refuse(
            case, by=officer, reason=code("refusal_reason", "court_proceedings"), on=D(2022, 9, 14)
        )
        assert case.record_type.code == "refused"
        assert case.refusal_reason.code == "court_proceedings"
        assert case.closed_on == D(2022, 9, 14)
        assert not Stage.objects.filter(case=case).exists()

    def test_a_complaint_already_answered_cannot_be_refused(self, officer, code):
        case = record(officer)
        actions.respond_to_stage(case, 1, by=officer, on=D(2022, 9, 20), outcome="upheld")
        with pytest.raises(ProcedureError, match="can no longer be refused"):
            actions.refuse(
                case, by=officer, reason=code("refusal_reason", "other"), on=D(2022, 9, 21)
            )

    def test_a_refusal_for_another_reason_says_what_it_is(self, officer, code):
        """QA: "Other" was accepted with nothing to say what the other reason was, so the
        refusal could not be explained to the complainant, a colleague or the report."""
        other = code("refusal_reason", "other")
        with pytest.raises(ProcedureError, match="Enter what the other reason") as refused:
            actions.refuse(record(officer), by=officer, reason=other, on=D(2022, 9, 14))
        assert refused.value.field == "details"
        case = actions.refuse(
            record(officer),
            by=officer,
            reason=other,
            on=D(2022, 9, 14),
            details="  A matter for the school's governing body  ",
        )
        assert case.refusal_details == "A matter for the school's governing body"
        assert case.events.get(kind=EventKind.REFUSED).description == (
            "Refused: Other – A matter for the school's governing body"
        )

    def test_a_refusal_needs_a_reason(self, officer):
        with pytest.raises(ProcedureError, match="reason"):
            actions.refuse(record(officer), by=officer, reason=None, on=D(2022, 9, 14))

    def test_a_refused_complaint_cannot_be_reopened(self, officer, code):
        case = actions.refuse(
            record(officer),
            by=officer,
            reason=code("refusal_reason", "out_of_time"),
            on=D(2022, 9, 14),
        )
        with pytest.raises(ProcedureError, match="Record a new representation instead"):
            actions.reopen(case, by=officer, reason="Asked again")


class TestWithdrawalAndClosure:
    def test_withdrawing_ends_the_open_stage_as_withdrawn_and_closes(self, officer):
        case = actions.withdraw(record(officer), by=officer, on=D(2022, 9, 16))
        assert case.stage(1).outcome == StageOutcome.WITHDRAWN
        assert case.closed_on == D(2022, 9, 16)
        assert case.next_deadline is None

    def test_closing_with_a_stage_open_is_refused(self, officer):
        with pytest.raises(ProcedureError, match="Stage 1 is still open"):
            actions.close(record(officer), by=officer, on=D(2022, 9, 20))

    def test_closing_before_the_last_response_is_refused(self, officer):
        case = record(officer)
        actions.respond_to_stage(case, 1, by=officer, on=D(2022, 9, 20), outcome="upheld")
        with pytest.raises(ProcedureError, match="before the Stage 1 response"):
            actions.close(case, by=officer, on=D(2022, 9, 19))

    def test_a_compliment_closes_at_once(self, officer):
        case = actions.close(
            record(officer, record_type="compliment"), by=officer, on=D(2022, 9, 12)
        )
        assert not case.is_open

    def test_closing_twice_is_refused(self, officer):
        case = actions.close(
            record(officer, record_type="compliment"), by=officer, on=D(2022, 9, 12)
        )
        with pytest.raises(ProcedureError, match="is closed"):
            actions.close(case, by=officer, on=D(2022, 9, 13))

    def test_reopening_needs_a_reason_and_brings_back_the_deadline(self, officer):
        case = actions.close(
            record(officer, record_type="compliment"), by=officer, on=D(2022, 9, 12)
        )
        with pytest.raises(ProcedureError, match="why"):
            actions.reopen(case, by=officer, reason="")
        case = actions.reopen(case, by=officer, reason="Closed by mistake")
        assert case.is_open

    def test_actions_on_a_closed_case_are_refused(self, officer):
        case = actions.withdraw(record(officer), by=officer, on=D(2022, 9, 16))
        with pytest.raises(ProcedureError, match="is closed"):
            actions.extend_stage(case, 1, by=officer, to=D(2022, 10, 3), reason="x")


class TestOtherProcedures:
    def test_a_corporate_stage_1_counts_10_working_days_from_the_acknowledgement(self, officer):
        case = record(officer, record_type="corporate_complaint", received_on=D(2025, 4, 17))
        # Not yet acknowledged: counted from the latest acknowledgement date (5 WD).
        case = actions.acknowledge(case, by=officer, on=D(2025, 4, 23))
        assert case.stage(1).due_on == D(2025, 5, 8)  # early May bank holiday skipped

    def test_a_converted_corporate_complaint_extends_from_the_date_its_deadline_counts_from(
        self, officer, code
    ):
        # Received 1 April, converted 14 April, not yet acknowledged: the deadline counts
        # from the latest the acknowledgement may be sent (5 WD from the conversion, Good
        # Friday and Easter Monday skipped: 23 April), and so does the furthest it may be
        # extended (20 WD). Not from 8 April, 5 WD from the first contact, which left a
        # complaint only 6 working days for its "10 working days" (QA).
        pre = record(officer, record_type="pre_complaint", received_on=D(2025, 4, 1))
        case = actions.convert(
            pre, by=officer, to=code("record_type", "corporate_complaint"), on=D(2025, 4, 14)
        )
        stage = case.stage(1)
        deadline = stage_deadline(case, stage)
        assert deadline.starts_on == D(2025, 4, 23)
        assert latest_extension(case, stage) == case.procedure.stage(1).response.latest_extension(
            D(2025, 4, 23)
        )

    def test_corporate_stage_2_is_acknowledged_then_answered_in_20(self, officer):
        case = record(officer, record_type="corporate_complaint", received_on=D(2025, 4, 17))
        actions.acknowledge(case, by=officer, on=D(2025, 4, 22))
        actions.respond_to_stage(case, 1, by=officer, on=D(2025, 5, 1), outcome="not_upheld")
        actions.start_stage(case, 2, by=officer, requested_on=D(2025, 5, 12))
        case.refresh_from_db()
        assert case.next_deadline_what == "Stage 2 acknowledgement"
        stage = actions.acknowledge_stage(case, 2, by=officer, on=D(2025, 5, 14))
        stage.refresh_from_db()
        assert stage.due_on == D(2025, 6, 12)  # 20 WD; 26 May bank holiday skipped

    def test_corporate_stage_2_has_no_statement_of_complaint_to_move_its_clock(self, officer):
        # The statement of complaint is the children's Stage 2; a council that starts that
        # clock from it must not see a corporate Stage 2 counted from one.
        from heeded.organisation.models import Organisation, Stage2ClockStart

        organisation = Organisation.current()
        organisation.stage2_clock_start = Stage2ClockStart.STATEMENT_AGREED
        organisation.save()
        case = record(officer, record_type="corporate_complaint", received_on=D(2025, 4, 17))
        actions.acknowledge(case, by=officer, on=D(2025, 4, 22))
        actions.respond_to_stage(case, 1, by=officer, on=D(2025, 5, 1), outcome="not_upheld")
        with pytest.raises(ProcedureError, match="has no statement of complaint"):
            actions.start_stage(
                case,
                2,
                by=officer,
                requested_on=D(2025, 5, 12),
                statement_agreed_on=D(2025, 5, 20),
            )
        stage = actions.start_stage(case, 2, by=officer, requested_on=D(2025, 5, 12))
        with pytest.raises(ProcedureError, match="has no statement of complaint"):
            actions.agree_statement(case, by=officer, on=D(2025, 5, 20))
        stage.refresh_from_db()
        assert stage.started_on == D(2025, 5, 12)
        assert stage.due_on == D(2025, 5, 19)  # acknowledgement: 5 working days from the request

    def test_an_foi_request_is_due_on_the_20th_uk_working_day(self, officer):
        case = record(officer, record_type="foi_request", received_on=D(2019, 12, 20))
        assert case.stage(1).due_on == D(2020, 1, 23)

    def test_an_foi_response_needs_no_finding(self, officer):
        case = record(officer, record_type="foi_request", received_on=D(2019, 12, 20))
        stage = actions.respond_to_stage(case, 1, by=officer, on=D(2020, 1, 20))
        assert stage.outcome == ""

    def test_a_subject_access_request_is_due_a_calendar_month_later(self, officer):
        case = record(officer, record_type="subject_access_request", received_on=D(2025, 1, 31))
        assert case.stage(1).due_on == D(2025, 2, 28)
        # Agreed in the first month, as UK GDPR Article 12(3) asks.
        agreed = {"reason": "Complex", "on": D(2025, 2, 20)}
        with pytest.raises(ProcedureError, match="at the latest"):
            actions.extend_stage(case, 1, by=officer, to=D(2025, 5, 1), **agreed)
        actions.extend_stage(case, 1, by=officer, to=D(2025, 4, 30), **agreed)

    def test_an_mp_enquiry_uses_the_organisation_target(self, officer):
        from heeded.organisation.models import Organisation

        organisation = Organisation.current()
        organisation.mp_enquiry_working_days = 5
        organisation.save()
        case = record(officer, record_type="mp_councillor_enquiry", received_on=D(2022, 9, 12))
        assert case.stage(1).due_on == D(2022, 9, 20)

    def test_adult_social_care_has_no_response_deadline_until_one_is_agreed(self, officer):
        case = record(officer, record_type="adult_social_care_complaint", received_on=D(2025, 3, 3))
        actions.acknowledge(case, by=officer, on=D(2025, 3, 4))
        case.refresh_from_db()
        # Only the notice of delay, at 6 months (SI 2009/309 regulation 14).
        assert (case.next_deadline, case.next_deadline_what) == (
            D(2025, 9, 3),
            "Tell the complainant why there is no response yet",
        )
        assert case.stage(1).due_on is None
        actions.extend_stage(
            case, 1, by=officer, to=D(2025, 4, 30), reason="Agreed with the complainant by phone"
        )
        case.refresh_from_db()
        assert case.next_deadline == D(2025, 4, 30)
        # Agreed again, beyond 6 months from receipt: lawful, there is no maximum (domain.md
        # section 2: "or a longer agreed period").
        actions.extend_stage(case, 1, by=officer, to=D(2025, 9, 4), reason="Later")
        case.refresh_from_db()
        assert case.next_deadline == D(2025, 9, 4)


class TestRecords:
    def test_advocacy_offered_taken_up_and_by_whom(self, officer):
        case = actions.record_advocacy(
            record(officer, young_person=True),
            by=officer,
            offered=True,
            offered_on=D(2022, 9, 13),
            taken_up=True,
            provider="NYAS",
        )
        assert (case.advocacy_offered, case.advocacy_taken_up, case.advocacy_provider) == (
            True,
            True,
            "NYAS",
        )

    def test_advocacy_cannot_be_taken_up_if_not_offered(self, officer):
        with pytest.raises(ProcedureError, match="not offered"):
            actions.record_advocacy(record(officer), by=officer, offered=False, taken_up=True)

    def test_the_ombudsman_decision_needs_the_enquiry_first(self, officer, code):
        case = record(officer)
        with pytest.raises(ProcedureError, match="enquiry before its decision"):
            actions.record_ombudsman_decision(
                case,
                by=officer,
                decision=code("ombudsman_decision", "premature"),
                decided_on=D(2022, 12, 1),
            )
        actions.record_ombudsman_enquiry(
            case, by=officer, received_on=D(2022, 11, 1), reference="22 013 844"
        )
        case = actions.record_ombudsman_decision(
            case,
            by=officer,
            decision=code("ombudsman_decision", "fault_injustice"),
            decided_on=D(2022, 12, 1),
            remedy="Apology and £400",
        )
        assert case.ombudsman_decision.code == "fault_injustice"

    def test_a_payment_the_ombudsman_recommended_follows_the_ombudsmans_enquiry(self, officer):
        case = record(officer)
        with pytest.raises(ProcedureError, match="Record the Ombudsman's enquiry before") as no:
            actions.record_payment(
                case, by=officer, amount="150", paid_on=None, recommended_by_ombudsman=True
            )
        assert no.value.field == "recommended_by_ombudsman"
        actions.record_ombudsman_enquiry(
            case, by=officer, received_on=D(2022, 11, 1), reference="22 013 844"
        )
        with pytest.raises(
            ProcedureError, match=r"cannot be before the Ombudsman's enquiry \(1 November 2022\)"
        ):
            actions.record_payment(
                case,
                by=officer,
                amount="150",
                paid_on=D(2022, 10, 31),
                recommended_by_ombudsman=True,
            )
        # Paid on a draft decision, before the final one: allowed.
        payment = actions.record_payment(
            case, by=officer, amount="150", paid_on=D(2022, 11, 20), recommended_by_ombudsman=True
        )
        assert payment.recommended_by_ombudsman
        assert case.payments.count() == 1

    def test_payments_add_up_and_bad_amounts_are_named(self, officer):
        case = record(officer)
        actions.record_payment(
            case, by=officer, amount="250.00", paid_on=D(2022, 10, 1), reason="Time and trouble"
        )
        actions.record_payment(case, by=officer, amount=Decimal("100"), paid_on=None)
        assert case.payment_total == Decimal("350.00")
        with pytest.raises(ProcedureError, match="'two hundred' is not an amount"):
            actions.record_payment(case, by=officer, amount="two hundred", paid_on=None)
        with pytest.raises(ProcedureError, match="more than"):
            actions.record_payment(case, by=officer, amount="0", paid_on=None)
        # A payment holds 10 digits: more would fail in the database (PostgreSQL).
        with pytest.raises(ProcedureError, match=r"must be £99,999,999\.99 or less"):
            actions.record_payment(case, by=officer, amount="100000000", paid_on=None)

    def test_a_contact_and_a_note_go_on_the_timeline(self, officer, code):
        case = record(officer)
        actions.log_contact(
            case,
            by=officer,
            happened_at=dt.datetime(2022, 9, 14, 10, 30, tzinfo=dt.UTC),
            direction="incoming",
            method=code("how_received", "telephone"),
            summary="Mother called for an update",
            with_whom="Complainant",
        )
        actions.add_note(case, by=officer, text="Manager on leave until Monday")
        kinds = set(case.events.values_list("kind", flat=True))
        assert {EventKind.CONTACT, EventKind.NOTE} <= kinds
        with pytest.raises(ProcedureError, match="summary"):
            actions.log_contact(
                case,
                by=officer,
                happened_at=dt.datetime(2022, 9, 14, tzinfo=dt.UTC),
                direction="incoming",
                method=code("how_received", "email"),
                summary="",
            )

    def test_assigning_a_responding_manager_to_the_open_stage(self, officer, responding):
        case = actions.assign(
            record(officer),
            by=officer,
            responding_manager=responding,
            investigating_officer="J. Smith (external)",
        )
        assert case.stage(1).responding_manager == responding
        named = case.events.filter(kind=EventKind.ASSIGNED).values_list("description", flat=True)
        assert list(named) == [
            "Responding manager: Responding Tester",
            "Investigating officer: J. Smith (external)",
        ]
        # Naming the same person again adds nothing; clearing the name is said.
        actions.assign(case, by=officer, investigating_officer="J. Smith (external)")
        actions.assign(case, by=officer, investigating_officer="")
        assert case.events.filter(kind=EventKind.ASSIGNED).last().description == (
            "Investigating officer: no longer named"
        )
        assert case.events.filter(kind=EventKind.ASSIGNED).count() == 3


class TestSafeEditing:
    def test_the_second_editor_is_told_what_changed(self, officer, manager, code):
        case = record(officer)
        opened_at = case.version
        actions.update_details(
            case,
            by=manager,
            expected_version=opened_at,
            summary="Concerns about contact arrangements",
        )
        with pytest.raises(StaleCase) as refused:
            actions.update_details(
                case, by=officer, expected_version=opened_at, summary="Something else"
            )
        assert refused.value.changes == [
            "Details changed by Manager Tester",
            "Summary: none became 'Concerns about contact arrangements'",  # it had none
        ]
        case.refresh_from_db()
        assert case.summary == "Concerns about contact arrangements"

    def test_a_clash_tells_what_changed_on_the_stage_only_since_the_version_opened(
        self, officer, manager
    ):
        """The responding manager, the extension and the finding live on the stage, not
        the case: told after a clash, and only those saved after the form was opened."""
        case = record(officer)
        actions.extend_stage(case, 1, by=officer, to=D(2022, 10, 3), reason="Leave")
        case.refresh_from_db()
        opened_at = case.version
        actions.respond_to_stage(case, 1, by=manager, on=D(2022, 9, 30), outcome="upheld")
        case.refresh_from_db()
        changes = actions.changes_since(case, opened_at)
        assert changes[0] == "Stage 1 responded to by Manager Tester"
        assert "Stage 1 outcome: none became Upheld" in changes
        assert "Stage 1 responded on: none became 30 September 2022" in changes
        assert not [line for line in changes if "extended" in line]
        # A case imported without the history of the version opened: its own changes only.
        case.history.filter(version=opened_at).delete()
        assert actions.changes_since(case, opened_at) == ["Stage 1 responded to by Manager Tester"]

    def test_a_clash_on_a_one_stage_request_does_not_speak_of_stage_1(self, officer, manager):
        # An FOI request has a response, not stages: "Stage 1 outcome: none became
        # Withdrawn" named a stage its officer never saw.
        case = record(officer, "foi_request")
        opened_at = case.version
        actions.withdraw(case, by=manager, on=D(2022, 9, 20))
        case.refresh_from_db()
        changes = actions.changes_since(case, opened_at)
        assert "Outcome: none became Withdrawn" in changes
        assert "Responded on: none became 20 September 2022" in changes
        assert not [line for line in changes if "Stage" in line]

    def test_every_action_checks_the_version_it_was_given(self, officer):
        case = record(officer)
        stale = case.version
        actions.acknowledge(case, by=officer, on=D(2022, 9, 13))
        with pytest.raises(StaleCase):
            actions.extend_stage(
                case, 1, by=officer, to=D(2022, 10, 3), reason="x", expected_version=stale
            )

    def test_remedial_action_changed_to_yes_must_say_what_it_was(self, officer):
        case = record(officer)
        with pytest.raises(ProcedureError, match="Enter what remedial action") as refused:
            actions.update_details(
                case, by=officer, expected_version=case.version, remedial_action=True
            )
        assert refused.value.field == "remedial_action_details"
        actions.update_details(
            case,
            by=officer,
            expected_version=case.version,
            remedial_action=True,
            remedial_action_details="Apology and a new contact plan",
        )
        # A Yes already stored without details (an imported case) does not block other edits.
        case.refresh_from_db()
        case.remedial_action_details = ""
        case.save()
        actions.update_details(
            case, by=officer, expected_version=case.version, remedial_action=True, summary="x"
        )
        case.refresh_from_db()
        assert case.summary == "x"

    def test_clock_dates_cannot_be_edited_as_details(self, officer):
        case = record(officer)
        with pytest.raises(ProcedureError, match="cannot be edited here: closed_on"):
            actions.update_details(
                case, by=officer, expected_version=case.version, closed_on=D(2022, 9, 20)
            )
