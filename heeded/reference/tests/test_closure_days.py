"""Closure days: configuration that never moves a statutory deadline (domain.md section 6.1)."""

import datetime as dt

import pytest
from django.urls import reverse

from heeded.calendars.models import ClosureDay
from heeded.reference.models import Action, ChangeLog
from heeded.reference.services import closures

from .conftest import errors_of

LIST = reverse("reference:closure_list")
ADD = reverse("reference:closure_add")


def typed(day="24", month="12", year="2026", description="Christmas Eve privilege day"):
    return {"date_0": day, "date_1": month, "date_2": year, "description": description}


def test_a_manager_adds_a_closure_day(as_manager, manager):
    response = as_manager.post(ADD, typed())
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?year=2026"
    day = ClosureDay.objects.get()
    assert (day.date, day.description) == (dt.date(2026, 12, 24), "Christmas Eve privilege day")
    assert ChangeLog.objects.get(area="closure_day").subject == "2026-12-24"


def test_the_list_shows_the_years_closure_days_and_bank_holidays(as_manager, manager):
    closures.add_closure_day(by=manager, date=dt.date(2026, 12, 24), description="Privilege day")
    closures.add_closure_day(by=manager, date=dt.date(2025, 12, 24), description="Last year's")
    html = as_manager.get(f"{LIST}?year=2026").content.decode()
    assert "Thursday 24 December 2026" in html and "Privilege day" in html
    assert "Last year" not in html
    # England and Wales 2026 (gov.uk): Easter Monday 6 April; elsewhere in the UK adds
    # St Andrew's Day (Monday 30 November) and St Patrick's Day (Tuesday 17 March).
    england, elsewhere = html.split("Also elsewhere in the UK")
    assert "Mon 6 Apr" in england and "Easter Monday" in england
    assert "Saint Andrew" not in england
    assert "Mon 30 Nov" in elsewhere and "Saint Andrew" in elsewhere
    assert "Saint Patrick" in elsewhere and "Easter Monday" not in elsewhere
    assert "never move a statutory deadline" in html


def test_the_list_takes_the_same_queries_however_many_closure_days(
    as_manager, manager, django_assert_max_num_queries
):
    url = f"{LIST}?year=2027"
    as_manager.get(url)
    with django_assert_max_num_queries(10) as few:
        as_manager.get(url)
    queries = len(few.captured_queries)  # before the next request empties the log
    for week in range(10):  # Tuesdays: Easter Monday 2027 is 29 March
        closures.add_closure_day(
            by=manager, date=dt.date(2027, 3, 2) + dt.timedelta(weeks=week), description="Training"
        )
    # A closure day added is a new edition of the reference data: the first page after it
    # reads again what every process keeps (roles, the organisation, the closure days).
    as_manager.get(url)
    with django_assert_max_num_queries(queries):
        assert as_manager.get(url).content.decode().count("Training") == 10


def test_a_year_that_is_not_a_number_shows_this_year(as_manager):
    response = as_manager.get(f"{LIST}?year=soon")
    assert response.context["year"] == dt.date.today().year


def test_the_same_day_cannot_be_added_twice(as_manager, manager):
    closures.add_closure_day(by=manager, date=dt.date(2026, 12, 24), description="Privilege day")
    response = as_manager.post(ADD, typed(description="Again"))
    assert errors_of(response) == [
        "Thursday 24 December 2026 is already a closure day (Privilege day)"
    ]
    assert ClosureDay.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (typed(day="", month="", year=""), "Enter the date the offices are closed"),
        (typed(day="31", month="2"), "Date must be a real date"),
        (typed(month="13"), "Date must be a real date"),
        (typed(day="x"), "Date must be a real date"),
        (typed(month=""), "Date must include a month"),
        (typed(year="26"), "Year must include 4 numbers"),
        (typed(description=""), "Enter what the closure is"),
        (typed(day="26", month="12", year="2026"), "Saturday 26 December 2026 is a weekend"),
        (
            typed(day="28", month="12", year="2026"),
            "Monday 28 December 2026 is already a bank holiday (Boxing Day (observed))",
        ),
        (typed(year="1900"), "Date must be between 1990 and 2075"),
    ],
)
def test_a_bad_date_is_refused_with_a_message_saying_why(as_manager, fields, message):
    response = as_manager.post(ADD, fields)
    assert response.status_code == 200
    assert any(e.startswith(message) for e in errors_of(response)), errors_of(response)
    assert not ClosureDay.objects.exists()


def test_the_error_summary_links_to_the_day_box(as_manager):
    html = as_manager.post(ADD, typed(day="31", month="2")).content.decode()
    assert 'href="#id_date_0"' in html and 'id="id_date_0"' in html


def test_removing_asks_first_then_removes_and_logs(as_manager, manager):
    day = closures.add_closure_day(by=manager, date=dt.date(2026, 12, 24), description="Eve")
    url = reverse("reference:closure_remove", kwargs={"pk": day.pk})
    question = as_manager.get(url).content.decode()
    assert "Remove Thursday 24 December 2026 as a closure day?" in question
    assert ClosureDay.objects.exists()
    assert as_manager.post(url).status_code == 302
    assert not ClosureDay.objects.exists()
    removed = ChangeLog.objects.get(action=Action.REMOVED)
    assert (removed.subject, removed.old) == ("2026-12-24", "Eve")


def test_a_null_character_in_the_description_is_named_in_the_closures_words(as_manager):
    response = as_manager.post(ADD, typed(description="Christmas\x00 Eve"))
    assert errors_of(response) == ["What the closure is must not contain a null character"]
    assert not ClosureDay.objects.exists()


def test_a_description_too_long_to_keep_is_refused_in_the_closures_words(as_manager):
    response = as_manager.post(ADD, typed(description="C" * 201))
    assert errors_of(response) == ["What the closure is must be 200 characters or fewer"]
    assert not ClosureDay.objects.exists()
