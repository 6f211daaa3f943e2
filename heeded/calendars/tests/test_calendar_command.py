import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("calendar", *args, stdout=out)
    return out.getvalue().strip()


def test_add_prints_the_nth_working_day():
    assert run("add", "2022-09-12", "10") == "2022-09-27"


def test_between_prints_the_working_days_from_a_to_b():
    assert run("between", "2019-12-20", "2020-01-06") == "8"


def test_the_uk_calendar_is_chosen_with_a_flag():
    assert run("add", "2019-12-20", "20", "--calendar", "uk") == "2020-01-23"


def test_month_gives_the_subject_access_deadline():
    assert run("month", "2025-01-31") == "2025-02-28"


def test_holidays_lists_the_coronation_in_2023():
    assert "2023-05-08" in run("holidays", "2023")


def test_a_bad_date_is_named_in_the_error():
    with pytest.raises(CommandError, match="'2022-13-01' is not a date"):
        run("add", "2022-13-01", "3")
