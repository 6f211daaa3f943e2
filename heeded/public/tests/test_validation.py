"""Every question checks its answer and says, in GOV.UK words, what to fix."""

import datetime as dt

import pytest

from heeded.public.fields import GovDateField, PartialDate

from .journeys import ANSWERS, answer_all, step_url


def _error_page(client, step, data, journey="complaint"):
    response = client.post(step_url(journey, step), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    return page


def _answer_up_to(client, step, journey="complaint"):
    answers = {}
    for name, data in ANSWERS[journey].items():
        if name == step:
            break
        answers[name] = data
    answer_all(client, journey, answers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "step,data,message,target",
    [
        ("your-name", {"full_name": ""}, "Enter your full name", "#full-name"),
        (
            "relationship",
            {},
            "Select your relationship to the child or young person",
            "#relationship",
        ),
        (
            "relationship",
            {"relationship": "other"},
            "Enter your relationship to the child or young person",
            "#relationship-other",
        ),
        ("contact", {}, "Select how we should contact you", "#contact-methods"),
        (
            "contact",
            {"contact_methods": ["email"], "email": "not-an-address"},
            "Enter an email address in the correct format, like name@example.com",
            "#email",
        ),
        (
            "contact",
            {"contact_methods": ["phone"], "telephone": "12"},
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
            "#telephone",
        ),
        (
            "contact",
            {"contact_methods": ["post"], "address": "1 High St", "postcode": "XYZ"},
            "Enter a real postcode, like AA1 1AA",
            "#postcode",
        ),
        ("child", {"child_name": ""}, "Enter the child or young person’s full name", "#child-name"),
        (
            "child",
            {
                "child_name": "A",
                "child_date_of_birth_day": "31",
                "child_date_of_birth_month": "2",
                "child_date_of_birth_year": "2015",
            },
            "Date of birth must be a real date",
            "#child-date-of-birth-day",
        ),
        ("what-happened", {"details": ""}, "Enter what happened", "#details"),
        (
            "what-happened",
            {"details": "x" * 5001},
            "What happened must be 5,000 characters or fewer",
            "#details",
        ),
        (
            "service",
            {},
            "Select which service your complaint is about, or select ‘I do not know’",
            "#service",
        ),
        ("when", {}, "Enter when it happened, or tell us roughly when", "#when-day"),
        (
            "when",
            {"when_month": "3"},
            "The date it happened must include a year",
            "#when-year",
        ),
        ("outcome", {}, "Select what you would like to happen", "#outcomes"),
        # A null character (pasted from another program, or sent by a robot): Django's own
        # "Null characters are not allowed." named no box. Said in each form's own words.
        (
            "your-name",
            {"full_name": "Ann\x00Lee"},
            "Your name must not contain a null character",
            "#full-name",
        ),
        (
            "contact",
            {"contact_methods": ["post"], "address": "1 High\x00 St", "postcode": "PO30 5BZ"},
            "Address must not contain a null character",
            "#address",
        ),
        (
            "what-happened",
            {"details": "It\x00 went wrong"},
            "What happened must not contain a null character",
            "#details",
        ),
        (
            "when",
            {"when_roughly": "last\x00 summer"},
            "When it happened must not contain a null character",
            "#when-roughly",
        ),
    ],
)
def test_a_wrong_answer_is_explained_and_linked_from_the_summary(
    client, step, data, message, target
):
    _answer_up_to(client, step)
    page = _error_page(client, step, data)
    assert f'<a href="{target}">{message}</a>' in page
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in page


# An email address 260 characters long, in the correct format: too long to keep.
LONG_EMAIL = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".com"
PHONE = "07700 900 123"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "journey,step,typed,message",
    [
        ("complaint", "your-name", {"full_name": "A" * 201}, "Your name must be 200"),
        ("complaint", "contact", {"email": LONG_EMAIL}, "Email address must be 254"),
        ("complaint", "contact", {"telephone": "0" * 41}, "Phone number must be 40"),
        ("compliment", "contact", {"address": "A" * 501}, "Address must be 500"),
        ("compliment", "contact", {"postcode": "PO30 5BZ" * 2}, "Postcode must be 10"),
        (
            "complaint",
            "child",
            {"child_name": "T" * 201},
            "The child or young person’s full name must be 200",
        ),
        ("complaint", "when", {"when_roughly": "W" * 201}, "When it happened must be 200"),
        (
            "complaint",
            "outcome",
            {"outcome_details": "M" * 1001},
            "More about what you would like must be 1,000",
        ),
        ("compliment", "who", {"person": "P" * 201}, "Who you would like to thank must be 200"),
        ("young-person", "your-name", {"first_name": "K" * 101}, "Your first name must be 100"),
        (
            "young-person",
            "contact",
            {"safe_note": "S" * 501},
            "What we should know to contact you safely must be 500",
        ),
    ],
)
def test_too_much_text_is_refused_naming_the_box(client, journey, step, typed, message):
    """Not Django's "Ensure this value has at most 200 characters (it has 201).", which names
    no box (heeded.field_messages). The journey's own answers, one of them too long."""
    _answer_up_to(client, step, journey)
    page = _error_page(client, step, ANSWERS[journey][step] | typed, journey)
    message += " characters or fewer"
    target = "#" + next(iter(typed)).replace("_", "-")
    assert f'<a href="{target}">{message}</a>' in page
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in page
    assert "Ensure this value" not in page


@pytest.mark.django_db
def test_a_rough_when_that_is_too_long_is_not_also_told_to_say_roughly_when(client):
    # QA: 201 characters of "roughly when", no date, gave two messages, the first of them
    # ("Enter when it happened, or tell us roughly when") asking for what was there.
    _answer_up_to(client, "when")
    page = _error_page(client, "when", {"when_roughly": "R" * 201})
    assert page.count('<li><a href="#') == 1  # one message in the error summary
    assert "When it happened must be 200 characters or fewer" in page
    assert "Enter when it happened" not in page


@pytest.mark.django_db
def test_what_was_typed_is_kept_when_a_page_shows_an_error(client):
    _answer_up_to(client, "contact")
    page = _error_page(
        client,
        "contact",
        {
            "contact_methods": ["email", "post"],
            "email": "bad@",
            "address": "12 Quay Street",
            "postcode": "PO30 5BZ",
        },
    )
    assert 'value="bad@"' in page
    assert "12 Quay Street</textarea>" in page
    assert 'value="PO30 5BZ"' in page
    assert 'value="email" checked' in page and 'value="post" checked' in page


@pytest.mark.django_db
def test_the_child_route_speaks_plainly_when_something_is_missing(client):
    page = _error_page(client, "your-name", {"first_name": ""}, journey="young-person")
    assert "Enter your first name" in page
    client.post(step_url("young-person", "your-name"), {"first_name": "Kai"})
    page = _error_page(client, "advocate", {}, journey="young-person")
    assert "Choose yes if you would like an advocate" in page


def _clean(field, day, month, year):
    return field.clean([day, month, year])


def test_a_date_may_be_just_a_month_and_year_when_the_day_is_optional():
    field = GovDateField(what="The date it happened", day_optional=True, required=False)
    assert _clean(field, "", "3", "2026") == PartialDate(2026, 3)
    assert str(_clean(field, "", "march", "2025")) == "March 2025"
    assert str(_clean(field, "9", "Sep", "2025")) == "9 September 2025"


@pytest.mark.parametrize(
    "parts,message,highlighted",
    [
        (("", "", ""), "Enter date of birth", ("day", "month", "year")),
        (("3", "", "2015"), "Date of birth must include a month", ("month",)),
        (("", "", "2015"), "Date of birth must include a day and month", ("day", "month")),
        (("3", "4", "15"), "Year must include 4 numbers", ("year",)),
        (("30", "2", "2015"), "Date of birth must be a real date", ("day", "month", "year")),
        (("1", "13", "2015"), "Date of birth must be a real date", ("day", "month", "year")),
        # QA on the demo: letters in the day or month were told "Year must include 4 numbers".
        (("ab", "cd", "ef"), "Date of birth must be a real date", ("day", "month")),
        (("3", "four", "15"), "Date of birth must be a real date", ("month",)),
        (("3rd", "April", "2015"), "Date of birth must be a real date", ("day",)),
        # QA on the demo: a number too long for any date was a server error.
        (
            ("99999999999999999999", "4", "2015"),
            "Date of birth must be a real date",
            ("day", "month", "year"),
        ),
        (
            ("3", "99999999999999999999", "2015"),
            "Date of birth must be a real date",
            ("day", "month", "year"),
        ),
    ],
)
def test_date_messages_follow_the_gov_uk_pattern(parts, message, highlighted):
    from django.core.exceptions import ValidationError

    field = GovDateField(what="Date of birth")
    with pytest.raises(ValidationError) as raised:
        field.clean(list(parts))
    assert raised.value.messages == [message]
    assert field.error_parts == highlighted


@pytest.mark.django_db
@pytest.mark.parametrize(
    "step,data,message,target",
    [
        (
            "child",
            {
                "child_name": "A",
                "child_date_of_birth_day": "14",
                "child_date_of_birth_month": "10",
                "child_date_of_birth_year": "1066",
            },
            "Date of birth must be in {earliest} or later",
            "#child-date-of-birth-year",
        ),
        (
            "when",
            {"when_day": "1", "when_month": "6", "when_year": "1500"},
            "The date it happened must be in {earliest} or later",
            "#when-year",
        ),
    ],
)
def test_a_year_too_long_ago_for_a_child_or_young_person_is_refused(
    client, step, data, message, target
):
    # Care leavers are helped until about 25, and complaints come within a year or so.
    message = message.format(earliest=dt.date.today().year - 26)
    _answer_up_to(client, step)
    page = _error_page(client, step, data)
    assert f'<a href="{target}">{message}</a>' in page


def test_a_date_of_birth_26_years_ago_is_still_accepted():
    field = GovDateField(what="Date of birth", within_years=26)
    year = str(dt.date.today().year - 26)
    assert _clean(field, "1", "1", year) == PartialDate(int(year), 1, 1)


def test_a_date_in_the_future_is_refused():
    from django.core.exceptions import ValidationError

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    field = GovDateField(what="Date of birth")
    with pytest.raises(ValidationError, match="must be today or in the past"):
        field.clean([str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)])
