"""Recommendations carried from report to report with their progress (IoW 2019/20 s.13-14)."""

import pytest

from heeded.reports.document import Labels, build_document
from heeded.reports.models import (
    Recommendation,
    RecommendationProgress,
    RecommendationStatus,
    for_report,
)

from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    recommendation = Recommendation.objects.create(
        title="Investigating officer pilot",
        text="Review the effectiveness of the investigating officer pilot.",
        raised_in="2018/19",
    )
    RecommendationProgress.objects.create(
        recommendation=recommendation,
        period_label="2019/20",
        status=RecommendationStatus.CARRIED_FORWARD,
        text="The pilot ended; the approach is being adjusted.",
    )
    return recommendation


def test_a_report_shows_its_own_and_earlier_unfinished_recommendations(pilot):
    new = Recommendation.objects.create(title="Learning", text="Capture it.", raised_in="2019/20")
    later = Recommendation.objects.create(title="Later", text="Not yet.", raised_in="2020/21")
    shown = for_report("2019/20")
    assert pilot in shown and new in shown and later not in shown


def test_a_recommendation_completed_earlier_is_not_carried_again(pilot):
    RecommendationProgress.objects.create(
        recommendation=pilot,
        period_label="2020/21",
        status=RecommendationStatus.COMPLETED,
        text="Done.",
    )
    assert pilot in for_report("2020/21")  # reported as completed in that year
    assert pilot not in for_report("2021/22")


def test_the_document_prints_progress_under_the_earlier_recommendation(pilot):
    new = Recommendation.objects.create(
        title="Learning", text="Capture learning.", raised_in="2019/20"
    )
    document = build_document(
        sample_report(), labels=Labels.load(), recommendations=for_report("2019/20")
    )
    section = next(s for s in document.sections if s.id == "recommendations")
    quotes = {block.heading: block.text for block in section.blocks if block.kind == "quote"}
    earlier = quotes["Recommendation 1 (2018/19): Investigating officer pilot"]
    assert "Progress (Carried forward): The pilot ended" in earlier
    assert quotes["Recommendation 1: Learning"] == new.text


def test_one_progress_entry_per_recommendation_and_report(pilot):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationProgress.objects.create(
            recommendation=pilot, period_label="2019/20", text="Again."
        )


def test_with_none_recorded_the_team_is_told_and_the_public_version_has_no_empty_section():
    internal = build_document(sample_report(), labels=Labels.load(), recommendations=[])
    section = next(s for s in internal.sections if s.id == "recommendations")
    assert section.texts() == ["No recommendations have been recorded for this report."]
    public = build_document(sample_report(), public=True, labels=Labels.load(), recommendations=[])
    assert "recommendations" not in [s.id for s in public.sections]


def test_the_summary_counts_this_years_recommendations_and_those_carried(pilot):
    # IoW 2019/20 section 1.5: "The report also identifies five recommendations".
    Recommendation.objects.create(title="Learning", text="Capture it.", raised_in="2019/20")
    Recommendation.objects.create(title="Advocacy", text="Offer it.", raised_in="2019/20")
    document = build_document(
        sample_report(), labels=Labels.load(), recommendations=for_report("2019/20")
    )
    summary = next(s for s in document.sections if s.id == "summary").texts()
    assert summary[-1] == (
        "This report makes 2 recommendations and reports progress on 1 recommendation from "
        "earlier reports (see Recommendations)."
    )
    none = build_document(sample_report(), labels=Labels.load(), recommendations=[])
    assert not any("recommendation" in text for text in none.sections[0].texts())


def test_a_summary_with_only_earlier_recommendations_does_not_say_report_reports(pilot):
    # Demo 2025/26 Q1: "This report reports progress on 3 recommendations from earlier
    # reports".
    document = build_document(
        sample_report(), labels=Labels.load(), recommendations=for_report("2019/20")
    )
    summary = next(s for s in document.sections if s.id == "summary").texts()
    assert summary[-1] == (
        "This report gives progress on 1 recommendation from earlier reports (see Recommendations)."
    )


def test_a_quarters_report_does_not_count_its_own_years_annual_report_as_earlier():
    # Demo 2025/26 Q1 listed the recommendations the 2025/26 annual report made under
    # "Progress on recommendations from earlier reports": "2025/26" sorts before
    # "2025/26 Q1" as text, though the annual report comes after the quarter.
    last_year = Recommendation.objects.create(title="Old", text="Do it.", raised_in="2024/25")
    this_year = Recommendation.objects.create(title="New", text="Do it.", raised_in="2025/26")
    half = Recommendation.objects.create(title="Half", text="Do it.", raised_in="2025/26 H1")
    assert for_report("2025/26 Q1") == [last_year]
    # A half year's report does come before its year's annual report.
    assert set(for_report("2025/26")) == {last_year, this_year, half}


def test_a_quarters_summary_does_not_give_progress_its_recommendations_section_does_not_show(
    pilot,
):
    # Demo 2025/26 Q1: "This report gives progress on 2 recommendations from earlier
    # reports", over a section showing each recommendation's text and no progress (progress
    # is recorded for each annual report, not for a quarter).
    report = sample_report()
    report["period"] = {"from": "2019-04-01", "to": "2019-06-30", "label": "2019/20 Q1"}
    document = build_document(
        report, labels=Labels.load(), recommendations=for_report("2019/20 Q1")
    )
    summary = next(s for s in document.sections if s.id == "summary").texts()
    assert summary[-1] == (
        "This report lists 1 recommendation from earlier reports not yet completed, with no "
        "progress on it recorded for 2019/20 Q1 (see Recommendations)."
    )
    section = next(s for s in document.sections if s.id == "recommendations")
    assert section.texts()[0] == (
        "Recommendations from earlier reports not yet completed (no progress on them is "
        "recorded for 2019/20 Q1):"
    )
    assert not any("Progress" in text for text in section.texts())
