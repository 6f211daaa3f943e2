"""The recommendation screens (/reports/recommendations/): a complaints manager keeps the
report's recommendations and their progress, and the report prints what they keep."""

import pytest
from django.urls import reverse

from heeded.reference.models import ChangeLog
from heeded.reference.tests.conftest import errors_of
from heeded.reports.document import Labels, build_document
from heeded.reports.models import Recommendation, RecommendationProgress, for_report
from heeded.reports.recommendations import services

from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db

LIST = reverse("reports:recommendation_list")
ADD = reverse("reports:recommendation_add")


@pytest.fixture
def as_manager(client, manager):
    client.force_login(manager)
    return client


def edit_url(recommendation) -> str:
    return reverse("reports:recommendation_edit", kwargs={"pk": recommendation.pk})


def progress_url(recommendation) -> str:
    return reverse("reports:progress_add", kwargs={"pk": recommendation.pk})


def typed(**changes) -> dict[str, str]:
    return {
        "title": "Stage 1 response times",
        "text": "Answer Stage 1 complaints within 10 working days.",
        "raised_in": "2019-20",
        "position": "",
    } | changes


def progress(**changes) -> dict[str, str]:
    return {"period_label": "2019/20", "status": "carried_forward", "text": "Adjusting."} | changes


def error_beside(response, field: str) -> list[str]:
    """The messages shown beside ``field`` (and, through errors_of, in the summary)."""
    return response.context["form"].errors.get(field, [])


def assert_refused(response, field: str, message: str) -> None:
    """The form came back with ``message`` beside ``field`` and alone in the summary."""
    assert response.status_code == 200
    assert error_beside(response, field) == [message]
    assert errors_of(response) == [message]
    # The summary links to the box (a radio group's first radio, "id_status_1").
    [(anchor, _)] = response.context["form"].error_links()
    assert anchor.startswith(f"id_{field}") and f'href="#{anchor}"' in response.content.decode()


# --- the list -------------------------------------------------------------------------------
def test_the_list_groups_by_report_with_the_latest_progress_and_status(as_manager, manager, pilot):
    services.record_progress(pilot, by=manager, **progress(text="The pilot ended."))
    services.add_recommendation(by=manager, title="Learning", text="t", raised_in="2019/20")
    page = as_manager.get(LIST).content.decode()
    assert page.index("Raised in 2019/20") < page.index("Raised in 2018/19")
    assert "2019/20:</span> The pilot ended." in page
    assert '<strong class="govuk-tag govuk-tag--yellow">Carried forward</strong>' in page
    assert "No progress yet" in page  # Learning
    assert edit_url(pilot) in page


def test_with_none_the_list_says_so(as_manager):
    assert "No recommendations have been recorded yet." in as_manager.get(LIST).content.decode()


# --- adding ---------------------------------------------------------------------------------
def test_a_manager_adds_a_recommendation_written_as_the_report_writes_its_year(as_manager):
    response = as_manager.post(ADD, typed())
    assert response.status_code == 302 and response["Location"] == LIST
    recommendation = Recommendation.objects.get()
    assert (recommendation.title, recommendation.raised_in, recommendation.position) == (
        "Stage 1 response times",
        "2019/20",
        1,
    )
    page = as_manager.get(LIST).content.decode()
    assert "Stage 1 response times added to the 2019/20 report" in page
    assert ChangeLog.objects.filter(area="recommendation").exists()


def test_the_add_form_suggests_the_latest_complete_report(as_manager):
    form = as_manager.get(ADD).context["form"]
    assert form["raised_in"].value() == services.latest_complete_year()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (typed(title=""), "title", "Enter a title"),
        (typed(title="x" * 201), "title", "Title must be 200 characters or fewer"),
        (typed(text="  "), "text", "Enter the recommendation"),
        (
            typed(raised_in=""),
            "raised_in",
            "Enter the report year the recommendation was raised in",
        ),
        (typed(raised_in="2019"), "raised_in", "Raised in must be a year written like 2025/26"),
        (typed(raised_in="2019/21"), "raised_in", "Raised in must be a year written like 2025/26"),
        (
            typed(raised_in="1899/00"),
            "raised_in",
            "Raised in must be between 1990/91 and 2074/75",
        ),
        (typed(position="third"), "position", "Position must be a whole number, like 3"),
        (typed(position="-1"), "position", "Position must be 0 or more"),
        (typed(title="Stage\x00 1"), "title", "Title must not contain a null character"),
        (
            typed(text="Answer\x00 on time"),
            "text",
            "Recommendation must not contain a null character",
        ),
        (
            typed(raised_in="2019\x00/20"),
            "raised_in",
            "Raised in must not contain a null character",
        ),
    ],
)
def test_bad_input_is_told_beside_its_field(as_manager, fields, field, message):
    response = as_manager.post(ADD, fields)
    assert_refused(response, field, message)
    assert "<title>Error: Add a recommendation" in response.content.decode()
    assert not Recommendation.objects.exists()


# --- changing -------------------------------------------------------------------------------
def test_a_manager_changes_a_recommendation(as_manager, pilot):
    page = as_manager.get(edit_url(pilot)).content.decode()
    assert "Review the effectiveness" in page and "No progress recorded yet" in page
    response = as_manager.post(
        edit_url(pilot), typed(title="Pilot", raised_in="2018/19", position="4")
    )
    assert response.status_code == 302
    pilot.refresh_from_db()
    assert (pilot.title, pilot.raised_in, pilot.position) == ("Pilot", "2018/19", 4)


def test_changing_needs_a_position(as_manager, pilot):
    response = as_manager.post(edit_url(pilot), typed(position=""))
    assert error_beside(response, "position") == ["Enter a position"]


def test_raised_in_after_its_progress_is_refused_beside_the_field(as_manager, manager, pilot):
    services.record_progress(pilot, by=manager, **progress())
    response = as_manager.post(edit_url(pilot), typed(raised_in="2020/21", position="1"))
    assert error_beside(response, "raised_in") == [
        "Raised in must be before 2019/20: progress on this recommendation is recorded for 2019/20"
    ]
    pilot.refresh_from_db()
    assert pilot.raised_in == "2018/19"


def test_an_unknown_recommendation_is_not_found(as_manager):
    assert (
        as_manager.get(reverse("reports:recommendation_edit", kwargs={"pk": 999})).status_code
        == 404
    )


# --- progress -------------------------------------------------------------------------------
def test_a_manager_records_progress_for_a_report_year(as_manager, pilot):
    response = as_manager.post(progress_url(pilot), progress(period_label="2019-20"))
    assert response.status_code == 302 and response["Location"] == edit_url(pilot)
    recorded = RecommendationProgress.objects.get()
    assert (recorded.period_label, recorded.status) == ("2019/20", "carried_forward")
    page = as_manager.get(edit_url(pilot)).content.decode()
    assert "Progress on Investigating officer pilot recorded for 2019/20" in page
    assert "Adjusting." in page


def test_progress_for_a_year_already_recorded_is_a_form_error_not_a_server_error(
    as_manager, manager, pilot
):
    services.record_progress(pilot, by=manager, **progress())
    response = as_manager.post(progress_url(pilot), progress(status="completed", text="Again."))
    assert response.status_code == 200
    assert error_beside(response, "period_label") == [
        "Progress for 2019/20 is already recorded: change that instead"
    ]
    assert errors_of(response) == ["Progress for 2019/20 is already recorded: change that instead"]
    assert 'href="#id_period_label"' in response.content.decode()
    assert RecommendationProgress.objects.get().text == "Adjusting."


def test_changing_progress_to_another_recorded_year_is_a_form_error(as_manager, manager, pilot):
    services.record_progress(pilot, by=manager, **progress())
    later = services.record_progress(pilot, by=manager, **progress(period_label="2020/21"))
    url = reverse("reports:progress_edit", kwargs={"pk": pilot.pk, "progress_pk": later.pk})
    response = as_manager.post(url, progress(period_label="2019/20"))
    assert error_beside(response, "period_label") == [
        "Progress for 2019/20 is already recorded: change that instead"
    ]
    response = as_manager.post(
        url, progress(period_label="2020/21", status="completed", text="Done.")
    )
    assert response.status_code == 302
    later.refresh_from_db()
    assert (later.status, later.text) == ("completed", "Done.")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (progress(period_label=""), "period_label", "Enter the report year"),
        (
            progress(period_label="next year"),
            "period_label",
            "Report year must be a year written like 2025/26",
        ),
        (
            progress(period_label="2018/19"),
            "period_label",
            "Report year must be after 2018/19, the report that made the recommendation",
        ),
        (progress(status=""), "status", "Select the status"),
        (progress(status="abandoned"), "status", "Select the status"),
        (progress(text=""), "text", "Enter the progress made"),
        (progress(text="Done\x00."), "text", "Progress must not contain a null character"),
    ],
)
def test_bad_progress_is_told_beside_its_field(as_manager, pilot, fields, field, message):
    assert_refused(as_manager.post(progress_url(pilot), fields), field, message)
    assert not RecommendationProgress.objects.exists()


def test_the_progress_form_suggests_the_latest_report_not_yet_recorded(as_manager, pilot):
    form = as_manager.get(progress_url(pilot)).context["form"]
    assert form["period_label"].value() == services.latest_complete_year()


def test_progress_of_another_recommendation_is_not_found_under_this_one(as_manager, manager, pilot):
    other = services.add_recommendation(by=manager, title="Other", text="t", raised_in="2018/19")
    entry = services.record_progress(other, by=manager, **progress())
    url = reverse("reports:progress_edit", kwargs={"pk": pilot.pk, "progress_pk": entry.pk})
    assert as_manager.get(url).status_code == 404


def test_progress_is_removed_after_asking(as_manager, manager, pilot):
    entry = services.record_progress(pilot, by=manager, **progress(status="completed"))
    url = reverse("reports:progress_remove", kwargs={"pk": pilot.pk, "progress_pk": entry.pk})
    question = as_manager.get(url).content.decode()
    assert "Remove the progress for 2019/20?" in question
    assert "carry the recommendation into later reports again" in question
    assert as_manager.post(url).status_code == 302
    assert not RecommendationProgress.objects.exists()


# --- removing -------------------------------------------------------------------------------
def test_a_recommendation_without_progress_is_removed_after_asking(as_manager, pilot):
    url = reverse("reports:recommendation_remove", kwargs={"pk": pilot.pk})
    assert "Remove Investigating officer pilot?" in as_manager.get(url).content.decode()
    response = as_manager.post(url)
    assert response.status_code == 302 and response["Location"] == LIST
    assert not Recommendation.objects.exists()


def test_a_recommendation_with_progress_is_not_removed_and_the_manager_is_told_why(
    as_manager, manager, pilot
):
    services.record_progress(pilot, by=manager, **progress())
    url = reverse("reports:recommendation_remove", kwargs={"pk": pilot.pk})
    why = (
        "Progress has been recorded for 2019/20, so reports already written print it. "
        "Remove the progress first if it was recorded by mistake."
    )
    assert why in as_manager.get(edit_url(pilot)).content.decode()
    assert why in as_manager.get(url).content.decode()
    response = as_manager.post(url, follow=True)
    assert response.redirect_chain == [(edit_url(pilot), 302)]
    assert f"Investigating officer pilot cannot be removed. {why}" in response.content.decode()
    assert Recommendation.objects.exists()


# --- who ------------------------------------------------------------------------------------
# (URL name, whether it is about one recommendation)
PAGES = [
    ("reports:recommendation_list", False),
    ("reports:recommendation_add", False),
    ("reports:recommendation_edit", True),
    ("reports:recommendation_remove", True),
    ("reports:progress_add", True),
]


@pytest.mark.parametrize(("name", "about_one"), PAGES)
@pytest.mark.parametrize("who", ["officer", "responding", "viewer", "nobody"])
def test_only_managers_and_administrators_open_the_screens(
    client, request, pilot, who, name, about_one
):
    url = reverse(name, kwargs={"pk": pilot.pk} if about_one else {})
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code == 403
    client.force_login(request.getfixturevalue("admin_user"))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["officer", "viewer"])
def test_others_cannot_change_anything_by_posting(client, request, pilot, who):
    client.force_login(request.getfixturevalue(who))
    assert client.post(ADD, typed()).status_code == 403
    assert client.post(progress_url(pilot), progress()).status_code == 403
    remove = reverse("reports:recommendation_remove", kwargs={"pk": pilot.pk})
    assert client.post(remove).status_code == 403
    assert Recommendation.objects.count() == 1 and not RecommendationProgress.objects.exists()


def test_people_not_signed_in_are_sent_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- where managers find them ---------------------------------------------------------------
REPORT = reverse("reports:report", args=["2019-04-01", "2020-03-31"])


def test_the_reports_recommendations_section_links_managers_to_the_screen(as_manager):
    page = as_manager.get(REPORT).content.decode()
    section = page[page.index('id="recommendations"') :]
    assert f'href="{LIST}"' in section
    assert f'href="{LIST}"' in as_manager.get(reverse("reports:index")).content.decode()
    assert f'href="{LIST}"' in as_manager.get(reverse("reference:index")).content.decode()


@pytest.mark.parametrize("who", ["officer", "viewer"])
def test_people_who_cannot_change_them_are_not_offered_the_link(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert LIST not in client.get(REPORT).content.decode()
    assert LIST not in client.get(reverse("reports:index")).content.decode()


def test_the_downloaded_report_has_no_link_to_the_screen(as_manager):
    for version in ("internal", "public"):
        url = reverse("reports:download", args=["2019-04-01", "2020-03-31", version, "html"])
        assert LIST not in as_manager.get(url).content.decode()


# --- the report prints what the screens keep ------------------------------------------------
def recommendations_in(label: str) -> dict[str, str]:
    report = sample_report()
    report["period"]["label"] = label  # the sections read only the label
    document = build_document(report, labels=Labels.load(), recommendations=for_report(label))
    section = next(s for s in document.sections if s.id == "recommendations")
    return {block.heading: block.text for block in section.blocks if block.kind == "quote"}


def test_a_recommendation_added_on_the_screen_is_carried_until_completed(as_manager):
    as_manager.post(ADD, typed(raised_in="2019/20"))
    recommendation = Recommendation.objects.get()
    assert recommendations_in("2019/20") == {
        "Recommendation 1: Stage 1 response times": "Answer Stage 1 complaints within 10 "
        "working days."
    }
    # The next report carries it forward, with the progress recorded for it...
    as_manager.post(progress_url(recommendation), progress(period_label="2020/21"))
    carried = recommendations_in("2020/21")
    assert carried == {
        "Recommendation 1 (2019/20): Stage 1 response times": "Answer Stage 1 complaints "
        "within 10 working days.\n\nProgress (Carried forward): Adjusting."
    }
    # ... and the one after, with none recorded yet, still prints it.
    assert list(recommendations_in("2021/22")) == [
        "Recommendation 1 (2019/20): Stage 1 response times"
    ]
    # Completed in 2021/22: printed as completed there, and not carried into 2022/23.
    as_manager.post(
        progress_url(recommendation),
        progress(period_label="2021/22", status="completed", text="Done."),
    )
    assert recommendations_in("2021/22")[
        "Recommendation 1 (2019/20): Stage 1 response times"
    ].endswith("Progress (Completed): Done.")
    assert recommendations_in("2022/23") == {}


def test_the_report_page_shows_a_recommendation_added_on_the_screen(as_manager):
    as_manager.post(ADD, typed(raised_in="2019/20"))
    page = as_manager.get(REPORT).content.decode()
    section = page[page.index('id="recommendations"') :]
    assert "Recommendation 1: Stage 1 response times" in section
    assert "No recommendations have been recorded" not in section


def test_who_changed_what_names_recommendations_in_the_screens_words(as_manager, pilot):
    as_manager.post(progress_url(pilot), progress())
    page = as_manager.get(reverse("reference:change_list")).content.decode()
    assert "Recommendation: Investigating officer pilot (2018/19)" in page
    assert "Added: Raised in" in page
    assert (
        "Progress on a recommendation: Investigating officer pilot (2018/19), progress in 2019/20"
        in page
    )
    assert "Added: Report year" in page and "Carried forward" in page
