import copy

import pytest

from heeded.reports.build import build_report
from heeded.reports.figures import change, percent, percentage
from heeded.reports.periods import financial_year
from heeded.reports.selfcheck import ReportInconsistent, check, problems

from . import isle_of_wight


@pytest.fixture
def report(db):
    isle_of_wight.build()
    return build_report(financial_year(2019))


def test_a_consistent_report_has_no_problems(report):
    assert problems(report) == []
    check(report)


def test_the_seeds_other_representations_of_30_against_rows_adding_to_34_is_caught(report):
    # IoW Table 1.1 as printed: "Other" rows 5+0+4+9+2+4+10 = 34, but 30 in the total.
    broken = copy.deepcopy(report)
    broken["measures"]["representations.by_family"] = {"statutory": 38, "other": 34}
    with pytest.raises(ReportInconsistent, match="representations.by_family adds up to 72"):
        check(broken)


def test_the_seeds_5_5_per_month_is_caught(report):
    broken = copy.deepcopy(report)
    broken["measures"]["representations.per_month"] = 5.5
    with pytest.raises(ReportInconsistent, match="per_month is 5.5, but 68 over 12 months is 5.7"):
        check(broken)


@pytest.mark.parametrize(
    "measure_id, value, named",
    [
        ("stage1.bands", {"within_10": 23, "11_to_20": 9, "over_20": 4}, "stage1.bands"),
        ("stage1.within_deadline", {"within": 23, "late": 11}, "stage1.within_deadline"),
        ("stage1.outcomes", {"upheld": 34}, "stage1.outcomes"),
        ("complaints.complainant_types", {"parent": 29}, "complaints.complainant_types"),
        ("refusals.reasons", {"court_proceedings": 7}, "refusals.reasons"),
        ("lgsco.decisions", {"premature": 1}, "lgsco.decisions"),
        ("representations.by_how_received", {"email": 1}, "by_how_received"),
        ("young_people.upheld", 3, "young_people.upheld"),
        ("stage1.remedial_action", {"true": 12}, "stage1.remedial_action"),
        ("stage2.average_working_days", None, "stage2.average_working_days"),
    ],
)
def test_a_part_that_does_not_add_up_is_named(report, measure_id, value, named):
    broken = copy.deepcopy(report)
    broken["measures"][measure_id] = value
    with pytest.raises(ReportInconsistent, match=named.replace(".", r"\.")):
        check(broken)


def test_a_comparison_year_is_checked_too(report):
    broken = copy.deepcopy(report)
    broken["comparisons"]["2018/19"]["representations.total"] = 50
    found = problems(broken)
    assert any(problem.startswith("2018/19: ") for problem in found)


def test_supplementary_figures_must_agree_with_the_measures(report):
    broken = copy.deepcopy(report)
    broken["supplementary"]["escalation"]["stage2_started"] = 5
    with pytest.raises(ReportInconsistent, match="escalation stage2_started is 5"):
        check(broken)
    broken = copy.deepcopy(report)
    broken["supplementary"]["stage1_by_half_year"]["H1"]["responses"] = 21
    with pytest.raises(ReportInconsistent, match="stage1_by_half_year responses"):
        check(broken)


def test_a_missing_measure_is_named(report):
    broken = copy.deepcopy(report)
    del broken["measures"]["payments.total"]
    with pytest.raises(ReportInconsistent, match="payments.total"):
        check(broken)


def test_a_percentage_a_renderer_showed_is_checked_against_its_counts(report):
    shown = copy.deepcopy(report)
    # Southampton 10.4 printed "62 (96%)" of 65: the counts give 95%.
    shown["percentages"] = {"MP enquiries answered in time": {"n": 62, "d": 65, "text": "96%"}}
    with pytest.raises(ReportInconsistent, match="95% \\(62 of 65\\)"):
        check(shown)
    shown["percentages"]["MP enquiries answered in time"]["text"] = percent(62, 65)
    check(shown)


def test_percentages_carry_their_denominator_and_round_half_up():
    assert percent(23, 35) == "66% (23 of 35)"
    assert percent(1, 8) == "13% (1 of 8)"  # 12.5 half up
    assert percent(0, 0) == "0 of 0"
    assert percentage(0, 0) is None


def test_changes_say_up_or_down_with_their_base_and_new_from_zero():
    assert change(68, 49, "2018/19") == "up 19 (39%) from 49 in 2018/19"
    assert change(49, 75, "2017/18") == "down 26 (35%) from 75 in 2017/18"
    assert change(8, 0, "2018/19") == "new (up 8 from 0 in 2018/19)"
    assert change(0, 0, "2018/19") == "no change from 0"
    assert change(5.7, 4.1, "2018/19") == "up 1.6 (39%) from 4.1 in 2018/19"


@pytest.mark.parametrize(
    ("name", "value", "whole"),
    [("stage1_ongoing", 31, "complaints.total is 30"), ("lgsco_ongoing", 5, "lgsco.received is 4")],
)
def test_more_still_open_at_the_end_than_were_received_is_caught(report, name, value, whole):
    broken = copy.deepcopy(report)
    broken["supplementary"][name] = value
    with pytest.raises(ReportInconsistent, match=f"{name} is {value}, but {whole}"):
        check(broken)
