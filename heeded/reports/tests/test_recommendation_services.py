"""The rules for recommendations and their progress (heeded.reports.recommendations.services),
whoever keeps them: report years as reports label them, progress once a report and after the
report that raised it, nothing removed that a report has printed progress on."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from heeded.reference.models import Action, ChangeLog
from heeded.reports.models import Recommendation, RecommendationProgress, for_report
from heeded.reports.recommendations import services

pytestmark = pytest.mark.django_db


def messages_of(error: ValidationError) -> dict[str, list[str]]:
    return error.value.message_dict


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("2019/20", "2019/20"),
        ("2019-20", "2019/20"),
        ("2019/2020", "2019/20"),
        (" 2019 / 20 ", "2019/20"),
    ],
)
def test_a_report_year_is_kept_as_the_report_labels_it(written, label):
    assert services.report_year(written, "Raised in") == label


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2019", "Raised in must be a year written like 2025/26"),
        ("2019/21", "Raised in must be a year written like 2025/26"),
        ("19/20", "Raised in must be a year written like 2025/26"),
        ("2019/20 Q1", "Raised in must be a year written like 2025/26"),
        ("1900/01", "Raised in must be between 1990/91 and 2074/75"),
        ("2075/76", "Raised in must be between 1990/91 and 2074/75"),
    ],
)
def test_anything_else_is_refused_naming_the_field(written, message):
    with pytest.raises(ValidationError) as error:
        services.report_year(written, "Raised in")
    assert error.value.messages == [message]


def test_the_latest_complete_year_is_the_one_that_ended_last_march():
    assert services.latest_complete_year(dt.date(2026, 12, 6)) == "2025/26"
    assert services.latest_complete_year(dt.date(2026, 3, 31)) == "2024/25"
    assert services.latest_complete_year(dt.date(2026, 4, 1)) == "2025/26"


def test_adding_puts_it_last_among_its_reports_and_logs_each_field(manager, pilot):
    second = services.add_recommendation(
        by=manager, title="Learning", text="Capture learning.", raised_in="2018/19"
    )
    other = services.add_recommendation(
        by=manager, title="Other year", text="Elsewhere.", raised_in="2019/20"
    )
    assert (pilot.position, second.position, other.position) == (1, 2, 1)
    logged = ChangeLog.objects.filter(area="recommendation", subject="Learning (2018/19)")
    assert {(c.action, c.field, c.new) for c in logged} == {
        (Action.CREATED, "title", "Learning"),
        (Action.CREATED, "text", "Capture learning."),
        (Action.CREATED, "raised_in", "2018/19"),
        (Action.CREATED, "position", "2"),
    }


def test_changing_logs_only_what_changed(manager, pilot):
    services.update_recommendation(
        pilot,
        by=manager,
        title=pilot.title,
        text="Review the pilot.",
        raised_in="2018/19",
        position=1,
    )
    changed = ChangeLog.objects.get(action=Action.CHANGED)
    assert (changed.field, changed.old, changed.new) == (
        "text",
        "Review the effectiveness of the investigating officer pilot.",
        "Review the pilot.",
    )


def test_progress_is_recorded_once_a_report(manager, pilot):
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="carried_forward", text="Adjusting."
    )
    with pytest.raises(ValidationError) as error:
        services.record_progress(
            pilot, by=manager, period_label="2019/20", status="completed", text="Done."
        )
    assert messages_of(error) == {
        "period_label": ["Progress for 2019/20 is already recorded: change that instead"]
    }
    assert pilot.progress.count() == 1


def test_changing_progress_to_a_year_already_recorded_is_refused(manager, pilot):
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="in_progress", text="a"
    )
    later = services.record_progress(
        pilot, by=manager, period_label="2020/21", status="in_progress", text="b"
    )
    with pytest.raises(ValidationError) as error:
        services.update_progress(
            later, by=manager, period_label="2019/20", status="completed", text="b"
        )
    assert messages_of(error)["period_label"] == [
        "Progress for 2019/20 is already recorded: change that instead"
    ]
    # Its own year is no clash.
    services.update_progress(
        later, by=manager, period_label="2020/21", status="completed", text="c"
    )
    later.refresh_from_db()
    assert (later.status, later.text) == ("completed", "c")


def test_progress_recorded_meanwhile_is_told_not_a_server_error(manager, pilot, monkeypatch):
    # Another manager records the same year between the check and the insert: the unique
    # constraint refuses the second, and the manager is told why.
    RecommendationProgress.objects.create(
        recommendation=pilot, period_label="2019/20", status="in_progress", text="Theirs."
    )
    real, calls = services.check_progress_year, []

    def too_late_to_see_it(*args, **kwargs):
        calls.append(args)
        if len(calls) > 1:
            real(*args, **kwargs)

    monkeypatch.setattr(services, "check_progress_year", too_late_to_see_it)
    with pytest.raises(ValidationError) as error:
        services.record_progress(
            pilot, by=manager, period_label="2019/20", status="completed", text="Ours."
        )
    assert error.value.message_dict == {
        "period_label": ["Progress for 2019/20 is already recorded: change that instead"]
    }
    assert len(calls) == 2  # the insert failed, and was then explained


def test_progress_is_given_in_a_report_after_the_one_that_raised_it(manager, pilot):
    for year in ("2018/19", "2017/18"):
        with pytest.raises(ValidationError) as error:
            services.record_progress(
                pilot, by=manager, period_label=year, status="in_progress", text="Too soon."
            )
        assert messages_of(error) == {
            "period_label": [
                "Report year must be after 2018/19, the report that made the recommendation"
            ]
        }


def test_raised_in_cannot_move_to_or_past_a_year_with_progress(manager, pilot):
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="in_progress", text="a"
    )
    assert refused_raised_in(pilot, manager, "2019/20") == "2019/20"
    services.update_recommendation(
        pilot, by=manager, title=pilot.title, text=pilot.text, raised_in="2017/18", position=1
    )
    assert Recommendation.objects.get().raised_in == "2017/18"


def test_a_recommendation_with_progress_is_not_removed_and_says_why(manager, pilot):
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="in_progress", text="a"
    )
    services.record_progress(
        pilot, by=manager, period_label="2020/21", status="in_progress", text="b"
    )
    assert services.why_not_removable(pilot) == (
        "Progress has been recorded for 2019/20 and 2020/21, so reports already written print "
        "it. Remove the progress first if it was recorded by mistake."
    )
    with pytest.raises(ValidationError) as error:
        services.remove_recommendation(pilot, by=manager)
    assert error.value.messages[0].startswith("Investigating officer pilot cannot be removed.")
    assert Recommendation.objects.exists()


def test_without_progress_it_is_removed_and_the_log_keeps_its_text(manager, pilot):
    assert services.why_not_removable(pilot) == ""
    services.remove_recommendation(pilot, by=manager)
    assert not Recommendation.objects.exists()
    removed = ChangeLog.objects.get(action=Action.REMOVED)
    assert (removed.subject, removed.old) == (
        "Investigating officer pilot (2018/19)",
        "Review the effectiveness of the investigating officer pilot.",
    )


def test_removing_completed_progress_carries_the_recommendation_again(manager, pilot):
    done = services.record_progress(
        pilot, by=manager, period_label="2019/20", status="completed", text="Done."
    )
    assert pilot not in for_report("2020/21")
    services.remove_progress(done, by=manager)
    assert pilot in for_report("2020/21")
    removed = ChangeLog.objects.get(action=Action.REMOVED)
    assert removed.subject == "Investigating officer pilot (2018/19), progress in 2019/20"


def test_the_list_groups_by_report_latest_first_with_the_latest_progress(
    manager, pilot, django_assert_num_queries
):
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="in_progress", text="a"
    )
    services.record_progress(
        pilot, by=manager, period_label="2020/21", status="completed", text="b"
    )
    new = services.add_recommendation(by=manager, title="New", text="n", raised_in="2020/21")
    with django_assert_num_queries(2):
        groups = services.by_report()
        assert [(g.label, g.recommendations) for g in groups] == [
            ("2020/21", [new]),
            ("2018/19", [pilot]),
        ]
        assert groups[1].recommendations[0].latest.text == "b"
        assert groups[0].recommendations[0].latest is None


def test_the_latest_progress_is_the_last_report_s_not_the_last_label_as_text(pilot):
    # The administration pages write any label; as text "2019/20 Q1" came after
    # "2019/20", and the list showed the quarter's progress over the year's.
    for label, text in [("2019/20", "year"), ("2019/20 Q1", "quarter"), ("2019/20 H2", "half")]:
        RecommendationProgress.objects.create(recommendation=pilot, period_label=label, text=text)
    [group] = services.by_report()
    assert group.recommendations[0].latest.text == "year"


def test_a_custom_period_s_progress_is_never_taken_for_the_latest(pilot):
    for label in ["2019/20", "1 April 2020 to 30 September 2020"]:
        RecommendationProgress.objects.create(recommendation=pilot, period_label=label, text=label)
    [group] = services.by_report()
    assert group.recommendations[0].latest.text == "2019/20"


def test_the_list_puts_reports_in_the_order_they_come_not_as_text(manager, pilot):
    for raised_in in ["2019/20 H1", "1 April 2019 to 30 June 2019", "2019/20", "2019/20 Q3"]:
        Recommendation.objects.create(title=raised_in, text="t", raised_in=raised_in)
    assert [g.label for g in services.by_report()] == [
        "2019/20",
        "2019/20 Q3",
        "2019/20 H1",
        "2018/19",
        "1 April 2019 to 30 June 2019",
    ]


def test_the_suggested_progress_year_is_the_latest_report_not_yet_recorded(manager, pilot):
    today = dt.date(2020, 6, 1)
    assert services.suggested_progress_year(pilot, today) == "2019/20"
    # Long ago, the report after the one that raised it.
    assert services.suggested_progress_year(pilot, dt.date(2018, 6, 1)) == "2019/20"
    services.record_progress(
        pilot, by=manager, period_label="2019/20", status="in_progress", text="a"
    )
    assert services.suggested_progress_year(pilot, today) is None


def test_a_long_title_still_fits_the_change_log(manager):
    services.add_recommendation(by=manager, title="x" * 200, text="t", raised_in="2018/19")
    subject = ChangeLog.objects.filter(area="recommendation").first().subject
    assert len(subject) == 200 and subject.endswith("… (2018/19)")


def test_progress_in_the_annual_report_after_a_half_years_recommendation_is_accepted(manager):
    # A recommendation raised in "2025/26 H1" (the administration pages take any label):
    # compared as text, "2025/26" sorted before "2025/26 H1" and its progress was refused,
    # though the half's report comes before the annual report.
    half = Recommendation.objects.create(title="Half", text="Do it.", raised_in="2025/26 H1")
    services.record_progress(
        half, by=manager, period_label="2025/26", status="in_progress", text="Begun."
    )
    assert half.progress.get().period_label == "2025/26"


def test_raised_in_cannot_move_to_the_annual_report_after_a_quarter_with_progress(manager, pilot):
    # Progress given in "2025/26 Q1" (written in the administration pages): as text,
    # "2025/26" sorted before it and the recommendation could be moved to a report that
    # comes after its own progress.
    RecommendationProgress.objects.create(
        recommendation=pilot, period_label="2025/26 Q1", text="Begun."
    )
    RecommendationProgress.objects.create(recommendation=pilot, period_label="2025/26", text="b")
    assert refused_raised_in(pilot, manager, "2025/26") == "2025/26 Q1"


def refused_raised_in(recommendation, manager, raised_in: str) -> str:
    """The report year named in the refusal to move ``recommendation`` to ``raised_in``."""
    with pytest.raises(ValidationError) as error:
        services.update_recommendation(
            recommendation,
            by=manager,
            title=recommendation.title,
            text=recommendation.text,
            raised_in=raised_in,
            position=1,
        )
    [message] = messages_of(error)["raised_in"]
    first = message.removeprefix("Raised in must be before ").split(":")[0]
    assert message == (
        f"Raised in must be before {first}: progress on this recommendation is recorded for {first}"
    )
    return first
