"""The measures against the contract itself: shared/spec/measures-v1.md beside the repo."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heeded.reports.build import build_report
from heeded.reports.measures import (
    MEASURE_IDS,
    cases_behind,
    compute_measures,
    compute_supplementary,
)
from heeded.reports.periods import financial_year, half_year

from . import isle_of_wight
from .case_data import case

REPO = Path(__file__).resolve().parents[3]
SPEC = REPO.parent / "shared" / "spec" / "measures-v1.md"
YEAR = financial_year(2019)


def spec_ids() -> list[str]:
    # The file must be there (CI clones shared/ beside the repo): a missing contract fails.
    text = SPEC.read_text(encoding="utf-8")
    return re.findall(r"^\| `([a-z0-9_]+\.[a-z0-9_]+)` \|", text, flags=re.MULTILINE)


def test_measure_ids_are_the_specs_in_its_order():
    ids = spec_ids()
    assert len(ids) == 35
    assert tuple(ids) == MEASURE_IDS


def test_every_measure_is_computed_in_the_specs_order(db):
    assert tuple(compute_measures(YEAR)) == MEASURE_IDS


def test_the_number_of_queries_does_not_grow_with_the_cases(db, django_assert_num_queries):
    case("complaint", dt.date(2019, 5, 1))
    with django_assert_num_queries(15):
        compute_measures(YEAR)
    isle_of_wight.build()
    with django_assert_num_queries(15) as captured:
        compute_measures(YEAR)
    # Grouped counts, not a row per case: only the record types and the other code tables
    # (small tables) are not grouped. Even the dates working days are counted from come
    # grouped, one row for each set of dates.
    grouped = [q["sql"] for q in captured.captured_queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 13
    # One more of its own: the complaints still awaiting Stage 1 at the period's end.
    with django_assert_num_queries(17):
        compute_supplementary(YEAR)


def test_comparison_years_are_fetched_by_the_same_queries(db, django_assert_num_queries):
    """Three earlier years cost no more queries than none: each query groups its rows by
    year."""
    isle_of_wight.build()
    with CaptureQueriesContext(connection) as alone:
        build_report(YEAR, comparisons=0)
    with django_assert_num_queries(len(alone.captured_queries)):
        build_report(YEAR, comparisons=3)


def references(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


@pytest.fixture
def iow(db):
    isle_of_wight.build()


@pytest.mark.parametrize(
    "measure_id, key",
    [
        ("representations.total", None),
        ("representations.by_type", "complaint"),
        ("representations.by_type", "refused"),
        ("representations.by_family", "statutory"),
        ("representations.by_how_received", "not_recorded"),
        ("representations.by_how_received", "email"),
        ("representations.by_month", "2019-06"),
        ("representations.by_month", "2020-02/subject_access_request"),
        ("representations.converted", "pre_complaint/complaint"),
        ("complaints.total", None),
        ("complaints.complainant_types", "parent"),
        ("complaints.complainant_types", "not_recorded"),
        ("complaints.natures", "funding"),
        ("complaints.service_teams", "cast"),
        ("complaints.acknowledged_within_3", "within"),
        ("complaints.acknowledged_within_3", "late"),
        ("complaints.acknowledged_within_3", "not_recorded"),
        ("refusals.reasons", "court_proceedings"),
        ("stage1.responses", None),
        ("stage1.bands", "within_10"),
        ("stage1.bands", "11_to_20"),
        ("stage1.bands", "over_20"),
        ("stage1.within_deadline", "late"),
        ("stage1.outcomes", "partially_upheld"),
        ("stage1.actual_outcomes", "explanation"),
        ("stage1.remedial_action", "true"),
        ("stage1.remedial_action", "false"),
        ("stage2.started", None),
        ("stage2.responses", None),
        ("stage2.within_deadline", "within"),
        ("stage3.started", None),
        ("young_people.complaints", None),
        ("young_people.via_professional", None),
        ("young_people.upheld", None),
        ("lgsco.received", None),
        ("lgsco.decisions", "not_recorded"),
        ("lgsco.decisions", "premature"),
    ],
)
def test_the_cases_behind_a_figure_are_as_many_as_it_counts(iow, measure_id, key):
    value = compute_measures(YEAR)[measure_id]
    if key is not None:
        for part in key.split("/"):
            value = value[part]
    if isinstance(value, dict):
        value = sum(value.values())
    cases = cases_behind(measure_id, key, YEAR)
    count = len(references(cases))
    assert count == value
    assert cases.count() == count  # each case once, however many joined rows it has


def test_the_cases_behind_remedial_action_in_the_second_half(iow):
    second_half = half_year(2019, 2)
    assert cases_behind("stage1.remedial_action", "not_recorded", second_half).count() == 1


def test_the_cases_behind_payments_are_those_closed_with_a_payment(iow):
    assert cases_behind("payments.total", None, YEAR).count() == 1


def test_an_unknown_measure_is_refused_by_name(db):
    with pytest.raises(ValueError, match="stage4.responses"):
        cases_behind("stage4.responses", None, YEAR)
    with pytest.raises(ValueError, match="soon"):
        cases_behind("stage1.bands", "soon", YEAR)
