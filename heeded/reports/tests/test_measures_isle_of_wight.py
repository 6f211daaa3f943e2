"""Every measure for the Isle of Wight 2019/20 report, rebuilt as cases (isle_of_wight.py).

Expected values are the report's own where it gives them, worked by hand otherwise.
"""

import pytest

from heeded.reports.measures import compute_measures, compute_supplementary
from heeded.reports.periods import financial_year, half_year

from . import isle_of_wight

YEAR = financial_year(2019)


@pytest.fixture
def measures(db):
    isle_of_wight.build()
    return compute_measures(YEAR)


def test_table_1_1_representations_by_type_for_2019_20(measures):
    assert measures["representations.total"] == 68
    assert measures["representations.by_type"] == {
        "ad_hoc": 8,
        "case_concern": 9,
        "complaint": 30,  # 28 complaints and 2 pre-complaints that became complaints
        "foi_request": 1,
        "information_request": 1,
        "lgsco": 4,
        "non_statutory_complaint": 2,
        "pre_complaint": 3,
        "refused": 8,
        "subject_access_request": 2,
    }
    assert measures["representations.by_family"] == {"other": 30, "statutory": 38}


def test_68_representations_over_12_months_is_5_7_a_month_not_the_seeds_5_5(measures):
    assert measures["representations.per_month"] == 5.7


def test_table_1_1_earlier_years(db):
    isle_of_wight.build()
    totals = {
        year: compute_measures(financial_year(year))["representations.by_family"]
        for year in (2018, 2017, 2016)
    }
    assert totals == {
        2018: {"other": 21, "statutory": 28},
        2017: {"other": 36, "statutory": 39},
        2016: {"other": 26, "statutory": 33},
    }
    assert compute_measures(financial_year(2018))["representations.total"] == 49


def test_the_two_converted_pre_complaints_are_counted_as_converted(measures):
    assert measures["representations.converted"] == {"pre_complaint": {"complaint": 2}}


def test_months_with_no_cases_are_left_out_of_by_month(measures):
    by_month = measures["representations.by_month"]
    assert by_month["2019-05"] == {"complaint": 2}
    assert by_month["2019-06"] == {"complaint": 13}
    assert by_month["2020-02"] == {
        "foi_request": 1,
        "information_request": 1,
        "subject_access_request": 2,
    }
    assert "2019-04" not in by_month
    assert sum(sum(cells.values()) for cells in by_month.values()) == 68


def test_how_received_keeps_not_recorded_apart(measures):
    assert measures["representations.by_how_received"] == {
        "e_form": 6,
        "email": 12,
        "letter": 8,
        "not_recorded": 40,  # 2 complaints and the 38 other cases
        "telephone": 2,
    }


def test_parents_made_70_percent_of_complaints(measures):
    assert measures["complaints.total"] == 30
    assert measures["complaints.complainant_types"] == {
        "grandparent": 2,
        "not_recorded": 2,
        "other_relative": 3,
        "parent": 21,
        "young_person": 2,
    }


def test_natures_count_a_complaint_once_per_nature(measures):
    assert measures["complaints.natures"] == {
        "conduct_of_worker": 12,
        "funding": 6,
        "insufficient_support": 6,
        "non_fulfilment_of_duty": 1,
        "poor_communication": 1,
        "quality_of_service": 9,
    }
    assert sum(measures["complaints.natures"].values()) == 35  # over 30 complaints


def test_cast_had_a_third_of_complaints(measures):
    assert measures["complaints.service_teams"] == {
        "care_leavers": 3,
        "cast": 10,
        "children_looked_after": 7,
        "disabled_children": 7,
        "fostering": 3,
    }
    assert measures["complaints.outcomes_sought"] == {}


def test_acknowledgements_within_3_working_days(measures):
    assert measures["complaints.acknowledged_within_3"] == {
        "late": 3,
        "not_recorded": 2,
        "within": 25,
    }


def test_eight_refusals_mostly_court(measures):
    assert measures["refusals.reasons"] == {
        "court_proceedings": 6,
        "not_eligible_complainant": 1,
        "out_of_time": 1,
    }


def test_section_4_stage_1_timeliness(measures):
    assert measures["stage1.responses"] == 35  # five of them received in March 2019
    assert measures["stage1.bands"] == {"11_to_20": 9, "over_20": 3, "within_10": 23}
    assert measures["stage1.average_working_days"] == 11.7  # 410 / 35 = 11.71
    assert measures["stage1.within_deadline"] == {"late": 12, "within": 23}


def test_stage_1_outcomes_for_the_year(measures):
    assert measures["stage1.outcomes"] == {
        "not_recorded": 0,
        "not_upheld": 23,
        "partially_upheld": 9,
        "upheld": 2,
        "withdrawn": 1,
    }
    assert measures["stage1.actual_outcomes"] == {
        "apology": 4,
        "apology_and_explanation": 1,
        "explanation": 9,
        "other": 1,
    }


def test_table_1_2_second_half_outcomes_and_remedial_action_1_of_7(db):
    isle_of_wight.build()
    second_half = compute_measures(half_year(2019, 2))
    assert second_half["stage1.outcomes"] == {
        "not_recorded": 0,
        "not_upheld": 8,
        "partially_upheld": 6,
        "upheld": 1,
        "withdrawn": 0,
    }
    # 8.6: "14% of complaints ... resulted in remedial action" is 1 of the 7 upheld at least
    # in part; the one left blank is not recorded, not "no".
    assert second_half["stage1.remedial_action"] == {"false": 5, "not_recorded": 1, "true": 1}


def test_section_11_escalation(measures):
    assert measures["stage2.started"] == 4
    assert measures["stage2.responses"] == 2
    assert measures["stage2.average_working_days"] == 25.0
    assert measures["stage2.within_deadline"] == {"late": 0, "within": 2}  # 30 days, extended
    assert measures["stage2.outcomes"] == {
        "not_recorded": 0,
        "not_upheld": 1,
        "partially_upheld": 1,
        "upheld": 0,
        "withdrawn": 0,
    }
    assert measures["stage3.started"] == 1
    assert measures["stage3.responses"] == 0


def test_section_10_young_people(measures):
    assert measures["young_people.complaints"] == 2
    assert measures["young_people.via_professional"] == 1
    assert measures["young_people.upheld"] == 1


def test_section_12_lgsco(measures):
    assert measures["lgsco.received"] == 4
    assert measures["lgsco.decisions"] == {
        "fault_injustice": 1,
        "not_recorded": 1,
        "ongoing": 1,
        "premature": 1,
    }


def test_payments_of_cases_closed_in_the_year(measures):
    assert measures["payments.total"] == 250.0
    assert compute_measures(financial_year(2020))["payments.total"] == 75.5


def test_the_seed_observations_as_supplementary_figures(db):
    isle_of_wight.build()
    figures = compute_supplementary(YEAR)
    # "Of the five pre-complaints received only two became formal complaints."
    assert figures["converted_into_complaints"]["pre_complaint"] == {
        "became": {"complaint": 2},
        "complaints": 2,
        "received": 5,
    }
    # "Of the nine case concerns received ... none progressed to statutory complaints."
    assert figures["converted_into_complaints"]["case_concern"]["received"] == 9
    assert figures["converted_into_complaints"]["case_concern"]["complaints"] == 0
    # "Compliance was higher in the first six month period."
    assert figures["stage1_by_half_year"] == {
        "H1": {
            "bands": {"11_to_20": 3, "over_20": 1, "within_10": 16},
            "responses": 20,
            "within_deadline": {"late": 4, "within": 16},
        },
        "H2": {
            "bands": {"11_to_20": 6, "over_20": 2, "within_10": 7},
            "responses": 15,
            "within_deadline": {"late": 8, "within": 7},
        },
    }
    assert figures["escalation"] == {
        "stage1_responses": 35,
        "stage2_responses": 2,
        "stage2_started": 4,
        "stage3_started": 1,
    }
    assert figures["compliments"] == {"by_service_team": {}, "received": 0}


def test_top_natures_have_an_equal_third(db):
    isle_of_wight.build()
    top = compute_supplementary(YEAR)["top_natures"]
    assert top == [
        {"code": "conduct_of_worker", "count": 12, "rank": 1, "tied": False},
        {"code": "quality_of_service", "count": 9, "rank": 2, "tied": False},
        {"code": "funding", "count": 6, "rank": 3, "tied": True},
        {"code": "insufficient_support", "count": 6, "rank": 3, "tied": True},
    ]


def test_section_8_5_actual_outcome_by_finding(db):
    isle_of_wight.build()
    crosstab = compute_supplementary(half_year(2019, 2))["stage1_outcome_by_decision"]
    # "Where 'Explanation' was the outcome, seven of the nine complaints were 'Not Upheld',
    # the remaining two were 'Partially Upheld'."
    assert crosstab["explanation"] == {"not_upheld": 7, "partially_upheld": 2}
    assert crosstab["apology"] == {"partially_upheld": 3, "upheld": 1}
