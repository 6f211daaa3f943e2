"""Stage and acknowledgement timeliness at the edges, with the dates written out by hand.

Stage 1 clocks here start on Monday 5 September 2022. Monday 19 September 2022 (the State
Funeral of Queen Elizabeth II) was a bank holiday, so: day 10 is Tuesday 20 September, day 11
Wednesday 21, day 17 Thursday 29, day 18 Friday 30, day 19 Monday 3 October, day 20 Tuesday
4 October, day 21 Wednesday 5 October, day 24 Monday 10 October.
"""

import datetime as dt
from decimal import Decimal

import pytest

from heeded.cases import actions
from heeded.cases.tests.factories import record
from heeded.reports.build import build_report
from heeded.reports.measures import compute_measures, round_half_up
from heeded.reports.periods import custom, financial_year

from .case_data import case

D = dt.date
START = D(2022, 9, 5)
DAY = {
    5: D(2022, 9, 12),
    9: D(2022, 9, 16),
    10: D(2022, 9, 20),
    11: D(2022, 9, 21),
    17: D(2022, 9, 29),
    18: D(2022, 9, 30),
    19: D(2022, 10, 3),
    20: D(2022, 10, 4),
    21: D(2022, 10, 5),
    24: D(2022, 10, 10),
}
YEAR = financial_year(2022)


def answered(on, extended_to=None, outcome="not_upheld", number=1, start=START, **fields):
    stage = {"number": number, "started_on": start, "responded_on": on, "outcome": outcome}
    if extended_to:
        stage["extended_to"] = extended_to
    stages = (stage,)
    if number == 2:
        stages = ({"number": 1, "started_on": start, "responded_on": start},) + stages
    return case("complaint", start, stages=stages, **fields)


def stage1(period=YEAR) -> dict:
    measures = compute_measures(period)
    return {key: measures[f"stage1.{key}"] for key in ("bands", "within_deadline", "responses")}


def test_day_10_is_within_and_day_11_is_not_counting_over_the_state_funeral(db):
    answered(DAY[10])
    answered(DAY[11])
    figures = stage1()
    assert figures["bands"] == {"11_to_20": 1, "over_20": 0, "within_10": 1}
    assert figures["within_deadline"] == {"late": 1, "within": 1}


def test_day_20_is_in_the_11_to_20_band_and_day_21_over_20(db):
    answered(DAY[20])
    answered(DAY[21])
    assert stage1()["bands"] == {"11_to_20": 1, "over_20": 1, "within_10": 0}
    assert compute_measures(YEAR)["stage1.average_working_days"] == 20.5


def test_an_extension_to_day_18_answered_on_day_17_is_within_and_on_day_19_late(db):
    answered(DAY[17], extended_to=DAY[18])
    answered(DAY[19], extended_to=DAY[18])
    assert stage1()["within_deadline"] == {"late": 1, "within": 1}


def test_an_extension_beyond_20_working_days_counts_only_to_day_20(db):
    answered(DAY[20], extended_to=DAY[24])
    answered(DAY[21], extended_to=DAY[24])
    assert stage1()["within_deadline"] == {"late": 1, "within": 1}


def test_an_extension_shorter_than_10_days_does_not_shorten_the_deadline(db):
    answered(DAY[9], extended_to=DAY[5])
    assert stage1()["within_deadline"] == {"late": 0, "within": 1}


def test_a_response_in_the_period_counts_though_the_case_was_received_before_it(db):
    march = D(2022, 3, 28)
    case(
        "complaint",
        march,
        stages=({"number": 1, "started_on": march, "responded_on": D(2022, 4, 8)},),
    )
    this_year, last_year = compute_measures(YEAR), compute_measures(financial_year(2021))
    assert (this_year["stage1.responses"], this_year["complaints.total"]) == (1, 0)
    assert (last_year["stage1.responses"], last_year["complaints.total"]) == (0, 1)
    # 28 March to 8 April 2022: 9 working days, none of them a bank holiday.
    assert this_year["stage1.average_working_days"] == 9.0


def test_a_response_after_the_period_is_not_counted(db):
    answered(D(2023, 4, 3), start=D(2023, 3, 20))
    assert stage1()["responses"] == 0


def test_a_converted_complaint_is_timed_from_its_conversion(db, officer, code):
    pre = record(officer, "pre_complaint", received_on=D(2022, 8, 1))
    actions.convert(pre, by=officer, to=code("record_type", "complaint"), on=START)
    actions.respond_to_stage(pre, 1, by=officer, on=DAY[10], outcome="not_upheld")
    figures = compute_measures(YEAR)
    # From 1 August it would be 35 working days; from the conversion it is 10.
    assert figures["stage1.average_working_days"] == 10.0
    assert figures["stage1.within_deadline"] == {"late": 0, "within": 1}
    assert figures["representations.converted"] == {"pre_complaint": {"complaint": 1}}


def test_a_converted_complaint_s_acknowledgement_is_still_timed_from_its_receipt(db, officer, code):
    """measures-v1 times complaints.acknowledged_within_3 from received_on, for converted
    complaints too. The case page's deadline counts from the conversion (due 8 September,
    met on the 7th); the report, as the spec defines it, counts 25 working days: late."""
    pre = record(officer, "pre_complaint", received_on=D(2022, 8, 1))
    actions.convert(pre, by=officer, to=code("record_type", "complaint"), on=START)
    pre.refresh_from_db()
    assert pre.next_deadline == D(2022, 9, 8)
    actions.acknowledge(pre, by=officer, on=D(2022, 9, 7))
    figures = compute_measures(YEAR)
    assert figures["complaints.acknowledged_within_3"] == {
        "late": 1,
        "not_recorded": 0,
        "within": 0,
    }


def test_stage_2_within_25_days_or_an_extension_capped_at_65(db):
    two = START
    answered(D(2022, 10, 11), number=2, start=two)  # 25 working days: within
    answered(D(2022, 10, 12), number=2, start=two)  # 26: late
    answered(D(2022, 10, 12), extended_to=D(2022, 11, 1), number=2, start=two)  # within
    answered(D(2022, 12, 30), extended_to=D(2023, 1, 31), number=2, start=two)  # past 65
    figures = compute_measures(YEAR)
    assert figures["stage2.responses"] == 4
    assert figures["stage2.within_deadline"] == {"late": 2, "within": 2}


def test_acknowledgement_on_day_3_over_the_platinum_jubilee_is_within(db):
    # Received Tuesday 31 May 2022; 2 and 3 June were bank holidays: day 3 is 7 June.
    received = D(2022, 5, 31)
    case("complaint", received, acknowledged_on=D(2022, 6, 7))
    case("complaint", received, acknowledged_on=D(2022, 6, 8))
    case("complaint", received)
    case("complaint", received, acknowledged_on=received)
    assert compute_measures(YEAR)["complaints.acknowledged_within_3"] == {
        "late": 1,
        "not_recorded": 1,
        "within": 2,
    }


def test_an_empty_period_has_null_averages_and_zero_counts(db):
    empty = compute_measures(custom(D(2030, 1, 1), D(2030, 1, 31)))
    assert empty["stage1.average_working_days"] is None
    assert empty["stage2.average_working_days"] is None
    assert empty["representations.per_month"] == 0.0
    assert empty["payments.total"] == 0.0
    assert empty["stage1.bands"] == {"11_to_20": 0, "over_20": 0, "within_10": 0}
    assert empty["stage1.outcomes"]["not_recorded"] == 0
    assert empty["representations.by_type"] == {}


def test_only_complaints_count_in_stage_measures(db):
    case(
        "corporate_complaint",
        START,
        stages=({"number": 1, "started_on": START, "responded_on": DAY[5]},),
    )
    assert stage1()["responses"] == 0


def test_a_blank_outcome_is_not_recorded_and_withdrawn_is_its_own_key(db):
    answered(DAY[5], outcome="")
    answered(DAY[5], outcome="withdrawn")
    assert compute_measures(YEAR)["stage1.outcomes"] == {
        "not_recorded": 1,
        "not_upheld": 0,
        "partially_upheld": 0,
        "upheld": 0,
        "withdrawn": 1,
    }


def test_young_person_not_recorded_is_not_counted_as_a_young_person(db):
    answered(DAY[5], outcome="upheld", young_person=True, via_professional=None)
    answered(DAY[5], outcome="upheld", young_person=None)
    answered(DAY[5], outcome="upheld", young_person=False)
    figures = compute_measures(YEAR)
    assert figures["young_people.complaints"] == 1
    assert figures["young_people.via_professional"] == 0
    assert figures["young_people.upheld"] == 1


def test_remedial_action_counts_only_complaints_upheld_at_least_in_part(db):
    answered(DAY[5], outcome="upheld", remedial_action=True)
    answered(DAY[5], outcome="partially_upheld", remedial_action=False)
    answered(DAY[5], outcome="partially_upheld", remedial_action=None)
    answered(DAY[5], outcome="not_upheld", remedial_action=True)
    assert compute_measures(YEAR)["stage1.remedial_action"] == {
        "false": 1,
        "not_recorded": 1,
        "true": 1,
    }


@pytest.mark.parametrize("total, expected", [(15, 1.3), (68, 5.7), (3, 0.3)])
def test_per_month_rounds_half_up(total, expected):
    # 15 / 12 = 1.25: half up gives 1.3 where rounding half to even would give 1.2.
    assert round_half_up(Decimal(total) / 12, 1) == expected


def test_fifteen_representations_in_a_year_are_1_3_a_month(db):
    for _ in range(15):
        case("compliment", START)
    assert compute_measures(YEAR)["representations.per_month"] == 1.3


def test_payments_add_up_to_the_penny_over_cases_closed_in_the_period(db):
    case("complaint", START, closed_on=D(2022, 10, 1), payments=("100.10", "0.20"))
    case("complaint", START, closed_on=None, payments=("999",))
    assert compute_measures(YEAR)["payments.total"] == 100.3


def test_the_cases_paid_are_counted_once_each_and_not_for_a_payment_of_nothing(db):
    case("complaint", START, closed_on=D(2022, 10, 1), payments=("100.10", "0.20"))
    case("complaint", START, closed_on=D(2022, 11, 1), payments=("0.00",))
    case("complaint", START, closed_on=None, payments=("999",))
    assert build_report(YEAR, comparisons=0)["supplementary"]["cases_paid"] == 1
