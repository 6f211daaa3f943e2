"""The GOV.UK date input's rules, shared by the staff and public forms."""

import datetime as dt

import pytest

from heeded.calendars.date_boxes import DateProblem, read_date_boxes
from heeded.casework.fields import DateField


def problem(boxes, **options) -> tuple[str, tuple[str, ...]]:
    with pytest.raises(DateProblem) as raised:
        read_date_boxes(boxes, name="Date received", missing="Enter the date", **options)
    return raised.value.messages[0], raised.value.parts


@pytest.mark.parametrize(
    "boxes, message, parts",
    [
        (("", "", ""), "Enter the date", ("day", "month", "year")),
        (("", "3", ""), "Date received must include a day and year", ("day", "year")),
        (("x", "3", "2024"), "Date received must be a real date", ("day",)),
        (("1", "Smarch", "2024"), "Date received must be a real date", ("month",)),
        (("1", "3", "24"), "Year must include 4 numbers", ("year",)),
        (("31", "2", "2024"), "Date received must be a real date", ("day", "month", "year")),
        (("1", "1", "9" * 20), "Year must include 4 numbers", ("year",)),
        (("9" * 20, "1", "2024"), "Date received must be a real date", ("day", "month", "year")),
    ],
)
def test_each_problem_is_named_with_the_boxes_to_mark(boxes, message, parts):
    assert problem(boxes) == (message, parts)


def test_month_names_are_read_as_gov_uk_accepts_them():
    assert read_date_boxes(("5", "Sept", "2024"), name="D", missing="") == (
        dt.date(2024, 9, 5),
        True,
    )
    assert read_date_boxes((" 5 ", "march", "2024"), name="D", missing="")[0] == dt.date(2024, 3, 5)


def test_a_month_and_year_are_enough_when_the_day_is_optional():
    read = read_date_boxes(("", "3", "2024"), name="D", missing="", day_optional=True)
    assert read == (dt.date(2024, 3, 1), False)


def test_empty_boxes_are_no_date_when_nothing_is_required():
    assert read_date_boxes(("", " ", ""), name="D", missing="") is None


def test_the_staff_date_field_marks_the_boxes_the_shared_rules_name():
    field = DateField(name="Date received")
    with pytest.raises(DateProblem):
        field.clean(["", "3", "2024"])
    assert field.bad_parts == ("day",)
    assert field.clean(["5", "Mar", "2024"]) == dt.date(2024, 3, 5)
