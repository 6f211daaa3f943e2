import datetime as dt
import json

import pytest
from django.db import connection

from heeded.organisation.models import Organisation
from heeded.reports.build import FORMAT, build_report
from heeded.reports.facts import report_snapshot, shared_snapshot
from heeded.reports.management.commands.report import report_json
from heeded.reports.measures import MEASURE_IDS, compute_measures, compute_supplementary
from heeded.reports.periods import custom, financial_year, half_year

from . import isle_of_wight

YEAR = financial_year(2019)


def test_the_report_carries_the_period_measures_and_three_comparison_years(db):
    Organisation.objects.update_or_create(
        pk=Organisation.current().pk, defaults={"name": "Isle of Wight Council"}
    )
    isle_of_wight.build()
    report = build_report(YEAR)
    assert report["format"] == FORMAT == "heeded-report-v1"
    assert report["organisation"] == "Isle of Wight Council"
    assert report["period"] == {"from": "2019-04-01", "label": "2019/20", "to": "2020-03-31"}
    assert tuple(report["measures"]) == MEASURE_IDS
    assert list(report["comparisons"]) == ["2018/19", "2017/18", "2016/17"]
    # Table 1.1's totals row: 68, 49, 75, 59.
    totals = [report["measures"]["representations.total"]] + [
        measures["representations.total"] for measures in report["comparisons"].values()
    ]
    assert totals == [68, 49, 75, 59]
    assert list(report["comparison_supplementary"]) == list(report["comparisons"])
    assert report["comparison_periods"]["2018/19"]["from"] == "2018-04-01"
    assert report["supplementary"]["escalation"]["stage2_started"] == 4


def test_the_number_of_comparison_years_can_be_chosen(db):
    report = build_report(half_year(2019, 1), comparisons=1)
    assert list(report["comparisons"]) == ["2018/19 H1"]
    assert build_report(YEAR, comparisons=0)["comparisons"] == {}


def test_progress_is_reported_for_each_period_and_the_check(db):
    steps = []
    build_report(YEAR, comparisons=2, progress=steps.append)
    assert steps == [
        "Counting the cases of 2019/20, 2018/19 and 2017/18",
        "Measures for 2019/20",
        "Comparison with 2018/19",
        "Comparison with 2017/18",
        "Checking the figures add up",
    ]


def test_the_json_is_the_same_every_time_with_numbers_as_numbers(db):
    isle_of_wight.build()
    first, second = report_json(build_report(YEAR)), report_json(build_report(YEAR))
    assert first == second
    parsed = json.loads(first)
    assert parsed["measures"]["representations.per_month"] == 5.7
    assert parsed["measures"]["payments.total"] == 250.0
    assert parsed["measures"]["stage2.average_working_days"] == 25.0
    assert '"payments.total": 250.0' in first
    by_type = list(parsed["measures"]["representations.by_type"])
    assert by_type == sorted(by_type)


def test_an_empty_year_has_nulls_not_division_errors(db):
    report = json.loads(report_json(build_report(financial_year(2030), comparisons=1)))
    assert report["measures"]["stage1.average_working_days"] is None
    assert report["measures"]["representations.total"] == 0


def test_comparison_years_fetched_together_equal_each_year_computed_alone(db):
    """The report fetches its four years with one set of queries; every figure must be
    what the year gives on its own."""
    isle_of_wight.build()
    report = build_report(YEAR, comparisons=3)
    assert report["measures"] == compute_measures(YEAR)
    assert report["supplementary"] == compute_supplementary(YEAR)
    for label, period in report["comparison_periods"].items():
        earlier = custom(dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["to"]))
        assert report["comparisons"][label] == compute_measures(earlier)
        assert report["comparison_supplementary"][label] == compute_supplementary(earlier)


def test_a_period_longer_than_a_year_overlaps_its_comparison_and_is_still_right(db):
    isle_of_wight.build()
    longer = custom(dt.date(2018, 10, 1), dt.date(2020, 3, 31))
    report = build_report(longer, comparisons=1)
    (label,) = report["comparisons"]
    assert report["comparison_periods"][label]["to"] == "2019-03-31"  # inside the period
    assert report["measures"] == compute_measures(longer)
    assert report["measures"]["representations.total"] > 68


@pytest.mark.django_db(transaction=True)
def test_every_query_of_a_report_reads_one_snapshot():
    with report_snapshot(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW transaction_isolation")
            assert cursor.fetchone()[0] == "repeatable read"
            assert connection.in_atomic_block
            assert shared_snapshot() is not None
        else:  # SQLite: autocommit, so that a report never holds up a save
            assert not connection.in_atomic_block
            assert shared_snapshot() is None


@pytest.mark.django_db(transaction=True)
def test_queries_on_several_connections_give_what_one_connection_gives(settings):
    """On PostgreSQL a report outside any transaction runs its queries on three connections
    sharing one snapshot; every figure must be what one connection computes."""
    isle_of_wight.build()
    settings.REPORT_DATABASE_CONNECTIONS = 3
    together = build_report(YEAR, comparisons=3)
    settings.REPORT_DATABASE_CONNECTIONS = 1
    alone = build_report(YEAR, comparisons=3)
    assert together == alone
    assert together["measures"] == compute_measures(YEAR)
    assert together["measures"]["representations.total"] == 68
