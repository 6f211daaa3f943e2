"""The statutory numbers, checked against shared/domain.md section 0 ("All the clocks")."""

import datetime as dt

import pytest

from heeded.calendars.working_days import Calendar
from heeded.procedures import PROCEDURES, CountsFrom, Oversight, Unit, procedure_for
from heeded.taxonomy.defaults import RECORD_TYPES

D = dt.date


def test_every_clock_of_every_procedure_names_its_source():
    for procedure in PROCEDURES.values():
        assert procedure.source
        for clock in procedure.clocks():
            assert clock.source.strip(), f"{procedure.code}: {clock.what} has no source"


def test_every_default_record_type_runs_a_declared_procedure():
    for code, _label, _family, procedure, _description in RECORD_TYPES:
        assert procedure in PROCEDURES, code


def test_stages_are_numbered_from_one_without_gaps():
    for procedure in PROCEDURES.values():
        assert [s.number for s in procedure.stages] == list(range(1, len(procedure.stages) + 1))


class TestChildrenAct1989Procedure:
    procedure = procedure_for("children_statutory")

    def test_acknowledgement_within_3_working_days_of_receipt(self):
        ack = self.procedure.acknowledgement
        assert (ack.limit, ack.counts_from) == (3, CountsFrom.RECEIVED)

    def test_stage_1_in_10_working_days_extendable_to_20(self):
        response = self.procedure.stage(1).response
        assert (response.limit, response.max_limit) == (10, 20)
        assert response.calendar is Calendar.ENGLAND_AND_WALES

    def test_stage_2_in_25_working_days_at_most_65(self):
        response = self.procedure.stage(2).response
        assert (response.limit, response.max_limit) == (25, 65)

    def test_the_complainant_has_20_working_days_to_ask_for_the_next_stage(self):
        assert self.procedure.stage(1).escalation_window.limit == 20
        assert self.procedure.stage(2).escalation_window.limit == 20

    def test_stage_3_panel_30_report_5_response_15(self):
        stage3 = self.procedure.stage(3)
        assert stage3.panel.limit == 30
        assert stage3.panel_report.limit == 5
        assert stage3.response.limit == 15
        assert stage3.response.counts_from is CountsFrom.PANEL_REPORT
        assert not stage3.response.extendable

    def test_worked_example_stage_1_received_friday_20_december_2019(self):
        """domain.md 6.3: Stage 1 due Wed 8 Jan 2020; at most Wed 22 Jan 2020."""
        response = self.procedure.stage(1).response
        assert response.deadline(D(2019, 12, 20)) == D(2020, 1, 8)
        assert response.latest_extension(D(2019, 12, 20)) == D(2020, 1, 22)


class TestCorporateProcedure:
    procedure = procedure_for("corporate")

    def test_stage_1_counts_from_the_acknowledgement(self):
        assert self.procedure.acknowledgement.limit == 5
        response = self.procedure.stage(1).response
        assert (response.limit, response.max_limit) == (10, 20)
        assert response.counts_from is CountsFrom.ACKNOWLEDGED

    def test_stage_2_acknowledged_in_5_answered_in_20_at_most_20_more(self):
        stage2 = self.procedure.stage(2)
        assert stage2.acknowledgement.limit == 5
        assert (stage2.response.limit, stage2.response.max_limit) == (20, 40)
        assert stage2.response.counts_from is CountsFrom.ACKNOWLEDGED


def test_adult_social_care_has_one_stage_agreed_with_a_six_month_warning():
    procedure = procedure_for("adult_social_care")
    assert procedure.acknowledgement.limit == 3
    assert len(procedure.stages) == 1
    assert procedure.stage(1).response.unit is Unit.AGREED
    assert procedure.stage(1).warning.limit == 6


def test_foi_counts_20_working_days_on_the_uk_calendar():
    response = procedure_for("foi").stage(1).response
    assert (response.limit, response.calendar) == (20, Calendar.UK)
    assert response.deadline(D(2019, 12, 20)) == D(2020, 1, 23)


def test_subject_access_is_one_calendar_month_extendable_by_two():
    response = procedure_for("sar").stage(1).response
    assert response.unit is Unit.CALENDAR_MONTHS
    assert response.deadline(D(2025, 1, 31)) == D(2025, 2, 28)
    assert response.latest_extension(D(2025, 1, 31)) == D(2025, 4, 30)


def test_mp_enquiries_take_their_target_from_the_organisation():
    response = procedure_for("mp_enquiry").stage(1).response
    assert response.limit == 10
    assert response.organisation_setting == "mp_enquiry_working_days"


def test_compliments_and_comments_have_no_clock():
    none = procedure_for("none")
    assert not none.has_stages and none.acknowledgement is None


def test_an_unknown_procedure_is_named_in_the_error():
    with pytest.raises(LookupError, match="'nonsense'"):
        procedure_for("nonsense")


def test_complaints_go_to_the_ombudsman_and_information_requests_to_the_commissioner():
    # LGA 1974 Part III and 3A; FOIA s.50, EIR reg 18, UK GDPR Art 77.
    oversight = {code: p.oversight for code, p in PROCEDURES.items()}
    assert {code for code, o in oversight.items() if o is Oversight.INFORMATION_COMMISSIONER} == {
        "foi",
        "eir",
        "sar",
    }
    for code in ("children_statutory", "corporate", "adult_social_care"):
        assert PROCEDURES[code].has_ombudsman, code
    assert not procedure_for("foi").has_ombudsman


def test_a_complaint_stage_is_named_by_its_number_and_an_foi_response_by_its_own_name():
    stage_2 = procedure_for("children_statutory").stage(2)
    assert (stage_2.numbered, stage_2.title) == (True, "Stage 2")
    assert procedure_for("corporate").stage(1).title == "Stage 1"
    foi = procedure_for("foi").stage(1)
    assert (foi.numbered, foi.title) == (False, "Response")
