"""The Isle of Wight 2019/20 annual report (seed 000) rebuilt as case data.

Where the report gives a figure, the cases reproduce it:

* Table 1.1, all four years. Its 2019/20 "Other" rows add to 34 while the printed subtotal is
  30 (domain.md 7.2), so Ad Hoc is 8 here and the printed totals hold: 68 representations,
  38 statutory, 30 other (2018/19: 49 = 28 + 21; 2017/18: 75; 2016/17: 59). Of the five
  pre-complaints received, two became complaints (counted as complaints, by current type).
* Section 4: 35 Stage 1 responses, 66% / 26% / 9% (23 / 9 / 3), average 11.7 working days,
  compliance higher in the first six months. Five of the 35 are of complaints received in
  March 2019 and answered in April 2019.
* Table 1.2 and 8.5 to 8.6 (the second half year): 15 outcomes, 8 not upheld, 6 partially,
  1 upheld; "Explanation" on 9 (7 not upheld, 2 partially); remedial action on 1 of the 7
  upheld at least in part.
* Section 10: two young people, one via a professional, one upheld. Section 11: four
  escalated to Stage 2, two completed, one to Stage 3. Section 12: four LGSCO complaints,
  two ongoing, one premature, one fault with injustice (with a time and trouble payment).
* Section 6: 'Conduct of worker', 'Quality of service', then 'Insufficient support' and
  'Funding' equal third; Refusals (3.6): eight, mostly court proceedings.

Figures the report does not give (how received, complainant types other than parents,
acknowledgements) are chosen here and stated in the tests.
"""

from __future__ import annotations

import datetime as dt

from heeded.calendars.working_days import add_working_days

from .case_data import case, many

D = dt.date
H1_START = D(2019, 6, 3)  # a Monday, clear of bank holidays for six weeks
H2_START = D(2019, 11, 4)  # a Monday, clear of bank holidays until Christmas
MARCH_2019 = D(2019, 3, 25)

NATURES = (
    ["conduct_of_worker"] * 12
    + ["quality_of_service"] * 9
    + ["insufficient_support"] * 6
    + ["funding"] * 6
    + ["non_fulfilment_of_duty", "poor_communication"]
)
SERVICE_TEAMS = ["cast"] * 10 + ["children_looked_after"] * 7 + ["disabled_children"] * 7
SERVICE_TEAMS += ["care_leavers"] * 3 + ["fostering"] * 3
COMPLAINANT_TYPES = ["parent"] * 21 + ["grandparent"] * 2 + ["other_relative"] * 3
COMPLAINANT_TYPES += ["young_person"] * 2 + [None] * 2
HOW_RECEIVED = ["email"] * 12 + ["letter"] * 8 + ["e_form"] * 6 + ["telephone"] * 2 + [None] * 2


def _stage1(start: D, days: int, outcome: str) -> dict:
    return {
        "number": 1,
        "started_on": start,
        "responded_on": add_working_days(start, days),
        "outcome": outcome,
    }


def _first_half_complaints() -> list[dict]:
    """15 complaints received in 2019/20 and answered in the first half (the other five of
    the first half's 20 responses are from March 2019)."""
    days = [7] * 5 + [8] * 6 + [14] * 3 + [31]
    outcomes = ["not_upheld"] * 10 + ["partially_upheld"] * 3 + ["upheld", "withdrawn"]
    rows = []
    for index, (taken, outcome) in enumerate(zip(days, outcomes, strict=True)):
        row = {"received_on": H1_START, "stages": [_stage1(H1_START, taken, outcome)]}
        if index < 2:  # the two pre-complaints that became complaints, converted on 3 June
            row.update(
                received_on=D(2019, 5, 20), converted_from="pre_complaint", converted_on=H1_START
            )
        rows.append(row)
    # Four escalated to Stage 2 in August: two answered (one in 20 working days, one in 30
    # within an extension to 35), one of those went on to Stage 3.
    stage2_start = D(2019, 8, 1)
    for index in range(4):
        stage2 = {"number": 2, "started_on": stage2_start}
        if index == 0:
            stage2.update(responded_on=add_working_days(stage2_start, 20), outcome="not_upheld")
        if index == 1:
            stage2.update(
                responded_on=add_working_days(stage2_start, 30),
                extended_to=add_working_days(stage2_start, 35),
                outcome="partially_upheld",
            )
        rows[index]["stages"].append(stage2)
    rows[0]["stages"].append({"number": 3, "started_on": D(2019, 10, 14)})
    return rows


def _second_half_complaints() -> list[dict]:
    """Table 1.2: the 15 complaints received and answered in the second half year."""
    days = [9] * 7 + [16] * 6 + [30] * 2
    plan = (
        # (outcome, actual outcomes, remedial action)
        [("not_upheld", ["explanation"], None)] * 7
        + [("not_upheld", ["other"], None)]
        + [("partially_upheld", ["explanation"], False)] * 2
        + [("partially_upheld", ["apology"], True)]
        + [("partially_upheld", ["apology"], False)] * 2
        + [("partially_upheld", ["apology_and_explanation"], None)]
        + [("upheld", ["apology"], False)]
    )
    rows = []
    for taken, (outcome, actual, remedial) in zip(days, plan, strict=True):
        rows.append(
            {
                "received_on": H2_START,
                "stages": [_stage1(H2_START, taken, outcome)],
                "actual_outcomes": actual,
                "remedial_action": remedial,
            }
        )
    # Section 10: the young person upheld (in part) with remedial action came via a
    # professional; the other, not upheld, did not.
    rows[10].update(young_person=True, via_professional=True)
    rows[0].update(young_person=True, via_professional=False)
    return rows


def build_2019_20_complaints() -> None:
    rows = _first_half_complaints() + _second_half_complaints()
    for index, row in enumerate(rows):
        # 35 natures over 30 complaints: the first five hold two each (once per code).
        row["natures"] = [NATURES[index]] + ([NATURES[30 + index]] if index < 5 else [])
        row["service_teams"] = [SERVICE_TEAMS[index]]
        row["complainant_type"] = COMPLAINANT_TYPES[index]
        row["how_received"] = HOW_RECEIVED[index]
        received = row["received_on"]
        # 25 acknowledged within 3 working days, 3 on the 4th, 2 not recorded.
        if index < 25:
            row["acknowledged_on"] = add_working_days(received, 3)
        elif index < 28:
            row["acknowledged_on"] = add_working_days(received, 4)
        stages = row.pop("stages")
        case("complaint", stages=tuple(stages), **row)


def build_2019_20_other() -> None:
    many(1, "refused", D(2019, 7, 1), refusal_reason="out_of_time")
    many(1, "refused", D(2019, 7, 1), refusal_reason="not_eligible_complainant")
    many(6, "refused", D(2019, 9, 2), refusal_reason="court_proceedings")
    many(3, "pre_complaint", D(2019, 8, 5))
    lgsco = {"record_type": "lgsco", "received_on": D(2019, 10, 7)}
    lgsco["ombudsman_received_on"] = lgsco["received_on"]
    case(**lgsco, ombudsman_decision="premature")
    # Fault causing injustice: an apology and a time and trouble payment, closed in February.
    case(**lgsco, ombudsman_decision="fault_injustice", closed_on=D(2020, 2, 10), payments=("250",))
    case(**lgsco, ombudsman_decision="ongoing")
    case(**lgsco)  # ongoing, with no decision recorded yet
    many(9, "case_concern", D(2019, 12, 2))
    many(2, "non_statutory_complaint", D(2020, 1, 6))
    many(1, "information_request", D(2020, 2, 3))
    many(1, "foi_request", D(2020, 2, 3))
    many(2, "subject_access_request", D(2020, 2, 3))
    many(8, "ad_hoc", D(2020, 3, 2))


def build_earlier_years() -> None:
    # 2018/19: 49 (statutory 28, other 21). Five of the 27 complaints were received in March
    # 2019 and answered in April 2019 (in the 2019/20 Stage 1 figures).
    for _ in range(5):
        case("complaint", MARCH_2019, stages=(_stage1(MARCH_2019, 7, "not_upheld"),))
    many(21, "complaint", D(2018, 6, 4))
    # A payment on a case closed after 2019/20 ends is not 2019/20's.
    case("complaint", D(2018, 7, 2), closed_on=D(2020, 4, 1), payments=("75.50",))
    many(1, "area_initiated", D(2018, 6, 4))
    many(5, "lgsco", D(2018, 9, 3), ombudsman_received_on=D(2018, 9, 3))
    many(6, "case_concern", D(2018, 11, 5))
    many(10, "ad_hoc", D(2019, 1, 7))
    # 2017/18: 75 (statutory 39, other 36).
    many(29, "complaint", D(2017, 5, 1))
    many(2, "complaint", D(2017, 5, 1), converted_from="pre_complaint", converted_on=D(2017, 5, 8))
    many(2, "area_initiated", D(2017, 5, 1))
    many(6, "refused", D(2017, 5, 1), refusal_reason="court_proceedings")
    many(3, "pre_complaint", D(2017, 6, 1))
    many(12, "case_concern", D(2017, 6, 1))
    many(21, "ad_hoc", D(2017, 6, 1))
    # 2016/17: 59 (statutory 33, other 26).
    many(31, "complaint", D(2016, 5, 2))
    many(1, "area_initiated", D(2016, 5, 2))
    many(1, "refused", D(2016, 5, 2), refusal_reason="court_proceedings")
    many(1, "hscp", D(2016, 5, 2))
    many(2, "lgsco", D(2016, 5, 2), ombudsman_received_on=D(2016, 5, 2))
    many(6, "case_concern", D(2016, 5, 2))
    many(17, "ad_hoc", D(2016, 5, 2))


def build() -> None:
    build_2019_20_complaints()
    build_2019_20_other()
    build_earlier_years()
