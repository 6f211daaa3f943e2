"""Every allowed and refused move of the Children Act 1989 procedure, through the domain layer."""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.models import CaseEvent, EventKind, Stage, StageOutcome
from heeded.organisation.models import Organisation, Stage2ClockStart

from .factories import record

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(officer):
    # Monday 12 September 2022: the State Funeral (Mon 19 Sep) falls inside Stage 1.
    return record(officer, received_on=D(2022, 9, 12))


STAGE_1_ANSWERED = D(2022, 9, 26)


def answered_stage_1(case, by, on=STAGE_1_ANSWERED, outcome="not_upheld"):
    actions.respond_to_stage(case, 1, by=by, on=on, outcome=outcome)
    case.refresh_from_db()
    return case


class TestRecording:
    def test_a_complaint_starts_stage_1_on_receipt_with_its_statutory_deadline(self, complaint):
        stage = complaint.stage(1)
        assert stage.started_on == D(2022, 9, 12)
        assert stage.due_on == D(2022, 9, 27)  # 10 working days, State Funeral skipped
        assert complaint.current_stage == 1

    def test_the_first_deadline_is_the_acknowledgement(self, complaint):
        assert complaint.next_deadline == D(2022, 9, 15)
        assert complaint.next_deadline_what == "Acknowledgement"

    def test_recording_writes_the_timeline_and_the_history(self, complaint, officer):
        kinds = list(complaint.events.values_list("kind", flat=True))
        assert kinds == [EventKind.RECORDED, EventKind.STAGE_STARTED]
        assert complaint.history.first().history_user == officer

    def test_a_future_received_date_is_refused(self, officer):
        with pytest.raises(ProcedureError, match="cannot be in the future"):
            record(officer, received_on=dt.date.today() + dt.timedelta(days=1))

    def test_a_retired_record_type_cannot_be_used(self, officer, code):
        comment = code("record_type", "comment")
        comment.retired = True
        comment.save()
        with pytest.raises(ProcedureError, match="retired"):
            record(officer, record_type="comment")

    def test_a_compliment_has_no_stage_and_no_deadline(self, officer):
        compliment = record(officer, record_type="compliment")
        assert compliment.current_stage == 0
        assert compliment.next_deadline is None

    def test_references_follow_the_organisation_prefix_and_count_up(self, officer):
        first, second = record(officer), record(officer)
        year = dt.date.today().year
        assert first.reference == f"CS-{year}-00001"
        assert second.reference == f"CS-{year}-00002"


class TestAcknowledgement:
    def test_acknowledging_moves_the_next_deadline_to_the_stage_1_response(
        self, complaint, officer
    ):
        case = actions.acknowledge(complaint, by=officer, on=D(2022, 9, 13))
        assert case.acknowledged_on == D(2022, 9, 13)
        assert (case.next_deadline, case.next_deadline_what) == (D(2022, 9, 27), "Stage 1 response")

    def test_acknowledging_twice_is_refused(self, complaint, officer):
        actions.acknowledge(complaint, by=officer, on=D(2022, 9, 13))
        with pytest.raises(ProcedureError, match="already acknowledged"):
            actions.acknowledge(complaint, by=officer, on=D(2022, 9, 14))

    def test_an_acknowledgement_before_receipt_is_refused(self, complaint, officer):
        with pytest.raises(ProcedureError, match="cannot be before the date received"):
            actions.acknowledge(complaint, by=officer, on=D(2022, 9, 9))


class TestStage1:
    def test_extending_up_to_20_working_days_is_allowed(self, complaint, officer):
        stage = actions.extend_stage(
            complaint, 1, by=officer, to=D(2022, 10, 11), reason="Complex: several teams involved"
        )
        assert stage.extended_to == D(2022, 10, 11)
        complaint.refresh_from_db()
        assert complaint.next_deadline_what.startswith("Acknowledgement")

    def test_extending_past_20_working_days_is_refused_with_the_latest_date(
        self, complaint, officer
    ):
        with pytest.raises(ProcedureError, match="11 October 2022 at the latest"):
            actions.extend_stage(complaint, 1, by=officer, to=D(2022, 10, 12), reason="x")

    def test_an_extension_needs_a_reason(self, complaint, officer):
        with pytest.raises(ProcedureError, match="reason"):
            actions.extend_stage(complaint, 1, by=officer, to=D(2022, 10, 3), reason=" ")

    def test_an_extension_must_move_the_deadline_later(self, complaint, officer):
        with pytest.raises(ProcedureError, match="must be after the current one"):
            actions.extend_stage(complaint, 1, by=officer, to=D(2022, 9, 20), reason="x")

    def test_responding_records_the_finding_and_outcomes(self, complaint, officer, code):
        actions.respond_to_stage(
            complaint,
            1,
            by=officer,
            on=D(2022, 9, 26),
            outcome="partially_upheld",
            actual_outcomes=[code("outcome", "apology")],
            remedial_action=True,
            remedial_action_details="Calls returned by the duty worker",
            lessons_learned="Return calls within a day",
        )
        complaint.refresh_from_db()
        assert complaint.stage(1).outcome == StageOutcome.PARTIALLY_UPHELD
        assert list(complaint.actual_outcomes.values_list("code", flat=True)) == ["apology"]
        assert complaint.remedial_action is True

    def test_remedial_action_taken_must_say_what_it_was(self, complaint, officer):
        # Refused by the action itself, so no form (or later screen) can skip it.
        with pytest.raises(ProcedureError, match="Enter what remedial action") as refused:
            actions.respond_to_stage(
                complaint, 1, by=officer, on=D(2022, 9, 26), outcome="upheld", remedial_action=True
            )
        assert refused.value.field == "remedial_action_details"
        assert complaint.stages.get().responded_on is None

    def test_a_complaint_response_needs_a_finding(self, complaint, officer):
        with pytest.raises(ProcedureError, match="upheld"):
            actions.respond_to_stage(complaint, 1, by=officer, on=D(2022, 9, 26))

    def test_a_response_before_the_stage_started_is_refused(self, complaint, officer):
        with pytest.raises(ProcedureError, match="cannot be before the start of Stage 1"):
            actions.respond_to_stage(complaint, 1, by=officer, on=D(2022, 9, 1), outcome="upheld")

    def test_responding_twice_is_refused(self, complaint, officer):
        answered_stage_1(complaint, officer)
        with pytest.raises(ProcedureError, match="already been responded to"):
            actions.respond_to_stage(complaint, 1, by=officer, on=D(2022, 9, 27), outcome="upheld")

    def test_an_answered_stage_cannot_be_extended(self, complaint, officer):
        answered_stage_1(complaint, officer)
        with pytest.raises(ProcedureError, match="already been responded to"):
            actions.extend_stage(complaint, 1, by=officer, to=D(2022, 10, 3), reason="x")


class TestStage2:
    def test_stage_2_before_the_stage_1_response_is_refused(self, complaint, officer):
        with pytest.raises(ProcedureError, match="only start after the Stage 1 response"):
            actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 9, 20))

    def test_stage_2_counts_25_working_days_from_the_request(self, complaint, officer):
        answered_stage_1(complaint, officer)
        stage = actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        assert stage.started_on == D(2022, 10, 3)
        assert stage.due_on == D(2022, 11, 7)

    def test_a_request_after_20_working_days_needs_the_council_to_accept_it(
        self, complaint, officer
    ):
        answered_stage_1(complaint, officer)
        with pytest.raises(ProcedureError, match="21 working days after"):
            actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 25))
        stage = actions.start_stage(
            complaint, 2, by=officer, requested_on=D(2022, 10, 25), accept_late_request=True
        )
        assert stage.late_request_accepted

    def test_stage_2_can_count_from_the_agreed_statement_where_the_council_chooses(
        self, complaint, officer
    ):
        organisation = Organisation.current()
        organisation.stage2_clock_start = Stage2ClockStart.STATEMENT_AGREED
        organisation.save()
        answered_stage_1(complaint, officer)
        stage = actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        assert stage.started_on == D(2022, 10, 3)  # until a statement is agreed
        stage = actions.agree_statement(complaint, by=officer, on=D(2022, 10, 17))
        assert (stage.requested_on, stage.statement_agreed_on) == (D(2022, 10, 3), D(2022, 10, 17))
        assert stage.started_on == D(2022, 10, 17)

    def test_by_default_the_agreed_statement_does_not_move_the_clock(self, complaint, officer):
        answered_stage_1(complaint, officer)
        actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        stage = actions.agree_statement(complaint, by=officer, on=D(2022, 10, 17))
        assert stage.started_on == D(2022, 10, 3)

    def test_stage_2_extends_to_65_working_days_but_no_further(self, complaint, officer):
        answered_stage_1(complaint, officer)
        actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        # 65 working days from Mon 3 Oct 2022, skipping the Christmas substitute days.
        actions.extend_stage(complaint, 2, by=officer, to=D(2023, 1, 5), reason="Complex")
        with pytest.raises(ProcedureError, match="5 January 2023 at the latest"):
            actions.extend_stage(complaint, 2, by=officer, to=D(2023, 1, 6), reason="Complex")

    def test_a_withdrawn_complaint_cannot_be_escalated(self, complaint, officer):
        actions.withdraw(complaint, by=officer, on=D(2022, 9, 20))
        with pytest.raises(ProcedureError, match="withdrawn"):
            actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 9, 21))

    def test_starting_stage_2_on_a_closed_case_reopens_it(self, complaint, officer):
        answered_stage_1(complaint, officer)
        actions.close(complaint, by=officer, on=D(2022, 9, 27))
        actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        complaint.refresh_from_db()
        assert complaint.closed_on is None
        assert complaint.events.filter(kind=EventKind.REOPENED).exists()

    def test_starting_a_stage_twice_is_refused(self, complaint, officer):
        answered_stage_1(complaint, officer)
        actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        with pytest.raises(ProcedureError, match="already been started"):
            actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 4))


class TestStage3:
    @pytest.fixture
    def at_stage_3(self, complaint, officer):
        actions.acknowledge(complaint, by=officer, on=D(2022, 9, 13))
        answered_stage_1(complaint, officer)
        actions.start_stage(complaint, 2, by=officer, requested_on=D(2022, 10, 3))
        actions.respond_to_stage(complaint, 2, by=officer, on=D(2022, 11, 4), outcome="not_upheld")
        actions.start_stage(complaint, 3, by=officer, requested_on=D(2022, 11, 14))
        complaint.refresh_from_db()
        return complaint

    def test_stage_3_before_stage_2_is_refused(self, complaint, officer):
        answered_stage_1(complaint, officer)
        with pytest.raises(ProcedureError, match="only start after the Stage 2 response"):
            actions.start_stage(complaint, 3, by=officer, requested_on=D(2022, 10, 3))

    def test_the_panel_must_meet_within_30_working_days_of_the_request(self, at_stage_3):
        # 30 working days from Mon 14 Nov 2022; 26 and 27 December are bank holidays.
        assert at_stage_3.stage(3).due_on == D(2022, 12, 28)
        assert at_stage_3.next_deadline_what == "Review panel meeting"

    def test_then_report_in_5_and_the_response_in_15(self, at_stage_3, officer):
        actions.record_panel(at_stage_3, by=officer, held_on=D(2022, 12, 12))
        assert Stage.objects.get(case=at_stage_3, number=3).due_on == D(2022, 12, 19)
        actions.record_panel_report(at_stage_3, by=officer, on=D(2022, 12, 16))
        # 15 working days from Fri 16 Dec 2022, skipping 26 and 27 December.
        assert Stage.objects.get(case=at_stage_3, number=3).due_on == D(2023, 1, 11)

    def test_the_panel_report_before_the_panel_is_refused(self, at_stage_3, officer):
        with pytest.raises(ProcedureError, match="panel meeting first"):
            actions.record_panel_report(at_stage_3, by=officer, on=D(2022, 12, 16))

    def test_stage_3_cannot_be_extended(self, at_stage_3, officer):
        with pytest.raises(ProcedureError, match="cannot be extended"):
            actions.extend_stage(at_stage_3, 3, by=officer, to=D(2023, 2, 1), reason="x")

    def test_the_response_answers_the_panels_report_so_comes_after_it(self, at_stage_3, officer):
        with pytest.raises(ProcedureError, match="review panel's meeting and its report first"):
            actions.respond_to_stage(at_stage_3, 3, by=officer, on=D(2022, 12, 1), outcome="upheld")
        actions.record_panel(at_stage_3, by=officer, held_on=D(2022, 12, 12))
        with pytest.raises(ProcedureError, match="panel's report first"):
            actions.respond_to_stage(
                at_stage_3, 3, by=officer, on=D(2022, 12, 13), outcome="upheld"
            )
        actions.record_panel_report(at_stage_3, by=officer, on=D(2022, 12, 16))
        with pytest.raises(ProcedureError, match="before the panel's report"):
            actions.respond_to_stage(
                at_stage_3, 3, by=officer, on=D(2022, 12, 15), outcome="upheld"
            )

    def test_there_is_no_stage_4(self, at_stage_3, officer):
        actions.record_panel(at_stage_3, by=officer, held_on=D(2022, 12, 12))
        actions.record_panel_report(at_stage_3, by=officer, on=D(2022, 12, 16))
        actions.respond_to_stage(at_stage_3, 3, by=officer, on=D(2023, 1, 10), outcome="upheld")
        with pytest.raises(ProcedureError, match="no stage 4"):
            actions.start_stage(at_stage_3, 4, by=officer, requested_on=D(2023, 1, 20))


class TestMovesThatDoNotExist:
    def test_responding_to_a_stage_never_started_is_refused(self, complaint, officer):
        with pytest.raises(ProcedureError, match="Stage 2 has not been started"):
            actions.respond_to_stage(complaint, 2, by=officer, on=D(2022, 9, 20), outcome="upheld")

    def test_stage_1_is_not_started_by_hand(self, complaint, officer):
        with pytest.raises(ProcedureError, match="Stage 1 starts when"):
            actions.start_stage(complaint, 1, by=officer, requested_on=D(2022, 9, 12))

    def test_a_compliment_has_no_stages_to_respond_to(self, officer):
        compliment = record(officer, record_type="compliment")
        with pytest.raises(ProcedureError, match="has no stage 1"):
            actions.respond_to_stage(compliment, 1, by=officer, on=D(2022, 9, 20))


def test_every_action_leaves_an_event_with_who_did_it(complaint, officer):
    actions.acknowledge(complaint, by=officer, on=D(2022, 9, 13))
    answered_stage_1(complaint, officer)
    actions.close(complaint, by=officer, on=D(2022, 9, 27))
    assert set(CaseEvent.objects.filter(case=complaint).values_list("by", flat=True)) == {
        officer.pk
    }
