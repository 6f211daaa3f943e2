"""The report pages: who may see them, who may follow a figure to its cases, and the form.

The cast (conftest.py): officer and manager see every case and the report with links;
viewer (report viewer) sees the report without links and no cases; responding managers and
people without a role get 403; anonymous people are sent to sign in.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from heeded.calendars.dates import long_date
from heeded.reports import periods

from .case_data import case, many

pytestmark = pytest.mark.django_db

YEAR = ["2019-04-01", "2020-03-31"]


@pytest.fixture
def cases_2019(db):
    many(6, "complaint", dt.date(2019, 5, 1), how_received="email")
    many(2, "refused", dt.date(2019, 6, 3), refusal_reason="court_proceedings")
    case("compliment", dt.date(2019, 7, 1))
    return case("complaint", dt.date(2019, 11, 4), how_received="letter", young_person=True)


def report_url():
    return reverse("reports:report", args=YEAR)


def cases_url(measure="representations.by_type", key="complaint"):
    return reverse("reports:cases", args=[*YEAR, measure, key])


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(report_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["responding", "nobody"])
def test_people_without_report_access_are_refused(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("reports:index")).status_code == 403
    assert client.get(report_url()).status_code == 403


def test_the_officer_sees_figures_linked_to_their_cases(client, officer, cases_2019):
    client.force_login(officer)
    response = client.get(report_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Annual report on complaints and representations: 2019/20" in page
    assert f'href="{cases_url()}"' in page


def test_a_report_viewer_sees_the_report_without_links(client, viewer, cases_2019):
    client.force_login(viewer)
    page = client.get(report_url()).content.decode()
    assert "Table 1: Representations received" in page
    assert "/cases/" not in page


def test_a_report_viewer_cannot_open_the_cases_behind_a_figure(client, viewer, cases_2019):
    client.force_login(viewer)
    assert client.get(cases_url()).status_code == 403


def test_the_cases_behind_a_figure_are_listed_in_one_query(
    client, manager, cases_2019, django_assert_max_num_queries
):
    client.force_login(manager)
    client.get(cases_url())  # save the session; keep the roles and the organisation
    # Session, user, the edition of the reference data, the figure's labels; then the
    # count and the page of cases, one query however many cases (record types joined).
    many(30, "complaint", dt.date(2019, 8, 1))
    with django_assert_max_num_queries(10):
        response = client.get(cases_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "37 cases you can see" in page
    assert cases_2019.reference in page
    assert "Representations received: Complaint (statutory)" in page


def not_found(response) -> str:
    """The page an address naming nothing in the report gets: a 404 that says why."""
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is nothing in the report at this address" in page
    assert 'href="/reports/"' in page  # the way back: choose a period
    return page


def test_every_figure_lists_as_many_cases_as_it_shows(client, manager, cases_2019):
    # Two pre-complaints became complaints: Table 1 shows them on a row of their own, and
    # the complaint row (7) once listed all 9 complaints. Total rows once listed none.
    for received in (dt.date(2019, 5, 2), dt.date(2019, 8, 5)):
        case("complaint", received, converted_from="pre_complaint", converted_on=received)
    client.force_login(manager)
    page = client.get(report_url()).content.decode()
    links = set(re.findall(r'href="(/reports/[^"]+/cases/[^"]+)">([\d,]+)<', page))
    assert len(links) > 20
    assert (cases_url("representations.by_type", "complaint/not_converted"), "7") in links
    assert (cases_url("representations.total", "total"), "12") in links
    for url, shown in links:
        listed = client.get(url).content.decode()
        assert f"{shown} case{'s' if shown != '1' else ''} you can see" in listed, url


def test_a_figure_that_is_not_a_measure_is_not_found(client, manager):
    client.force_login(manager)
    page = not_found(client.get(cases_url("no.such", "thing")))
    assert "The report has no figure &#x27;no.such&#x27; for &#x27;thing&#x27;" in page


def test_the_report_page_makes_a_bounded_number_of_queries(
    client, manager, cases_2019, django_assert_max_num_queries
):
    client.force_login(manager)
    client.get(report_url())  # warm caches that are per-process, not per-request
    many(20, "complaint", dt.date(2019, 9, 2), how_received="telephone")
    with django_assert_max_num_queries(150) as captured:
        client.get(report_url())
    queries = len(captured.captured_queries)
    many(40, "case_concern", dt.date(2019, 10, 1))
    with django_assert_max_num_queries(queries):
        client.get(report_url())


def test_choosing_a_financial_year_goes_to_its_report(client, manager):
    client.force_login(manager)
    response = client.get(reverse("reports:index"), {"kind": "year", "year": "2019"})
    assert response.status_code == 302
    assert response["Location"] == report_url()


def test_choosing_a_half_year_goes_to_its_dates(client, manager):
    client.force_login(manager)
    response = client.get(reverse("reports:index"), {"kind": "half", "year": "2019", "half": "2"})
    assert response["Location"] == reverse("reports:report", args=["2019-10-01", "2020-03-31"])


def test_custom_dates_with_errors_show_the_error_summary(client, manager):
    client.force_login(manager)
    response = client.get(
        reverse("reports:index"),
        {"kind": "custom", "from-day": "31", "from-month": "2", "from-year": "2024"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Start date must be a real date" in page
    assert "Enter the end date" in page


def test_a_number_too_long_for_any_date_is_not_a_real_date(client, manager):
    client.force_login(manager)
    response = client.get(
        reverse("reports:index"),
        {
            "kind": "custom",
            **{f"from-{part}": "99999999999999999999" for part in ("day", "month")},
            "from-year": "2024",
            **{"to-day": "1", "to-month": "4", "to-year": "1985"},
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Start date must be a real date" in page
    assert "End date must be in 1990 or later" in page


def test_a_year_of_two_numbers_is_told_to_have_4_as_every_date_box_says(client, manager):
    client.force_login(manager)
    response = client.get(
        reverse("reports:index"),
        {"kind": "custom", "from-day": "1", "from-month": "4", "from-year": "24"},
    )
    page = response.content.decode()
    assert "Year must include 4 numbers" in page
    assert "Start date must be a real date" not in page


def test_a_year_not_on_the_list_is_named_once(client, manager):
    client.force_login(manager)
    response = client.get(reverse("reports:index"), {"kind": "year", "year": "1850/51"})
    page = response.content.decode()
    assert page.count("Select a financial year from the list") == 2  # summary and field
    assert "Select the financial year" not in page
    assert "Select a valid choice" not in page


def test_custom_dates_end_before_start_is_refused(client, manager):
    client.force_login(manager)
    response = client.get(
        reverse("reports:index"),
        {
            "kind": "custom",
            "from-day": "1",
            "from-month": "6",
            "from-year": "2024",
            "to-day": "1",
            "to-month": "5",
            "to-year": "2024",
        },
    )
    assert "End date must be the same as or after the start date" in response.content.decode()


def test_downloads_come_as_files_of_their_type(client, viewer, cases_2019):
    client.force_login(viewer)
    for fmt, start in (("docx", b"PK"), ("xlsx", b"PK"), ("json", b"{")):
        response = client.get(reverse("reports:download", args=[*YEAR, "public", fmt]))
        assert response.status_code == 200
        assert response.content.startswith(start)
        assert "attachment" in response["Content-Disposition"]
    internal = client.get(reverse("reports:download", args=[*YEAR, "internal", "json"]))
    assert b'"representations.total": 10' in internal.content


def test_public_downloads_have_no_references_or_names(client, officer, cases_2019):
    cases_2019.summary = "Mrs Jane Example complained about her son's placement"
    cases_2019.learning_for_report = "A worker's manner on the phone fell short; training followed."
    cases_2019.save()
    client.force_login(officer)
    html = client.get(reverse("reports:download", args=[*YEAR, "public", "html"])).content.decode()
    assert cases_2019.reference not in html
    assert "Jane Example" not in html
    assert "training followed" in html
    assert "fewer than 5" in html


@pytest.mark.parametrize(
    "measure, key",
    [
        ("representations.by_month", "2019-13"),  # once a server error
        ("representations.by_month", "2019-04/no_such_type"),
        ("complaints.natures", "no_such_nature"),
        ("representations.by_type", "nonsense"),  # once listed as "Nonsense", 0 cases
    ],
)
def test_a_figure_key_no_report_link_holds_is_not_found(client, manager, measure, key):
    client.force_login(manager)
    page = not_found(client.get(cases_url(measure, key)))
    assert "the address may have been cut short or changed" in page


def test_an_unknown_download_format_is_not_found(client, manager):
    client.force_login(manager)
    page = not_found(client.get(reverse("reports:download", args=[*YEAR, "public", "exe"])))
    assert "in html, pdf, docx, xlsx, json." in page


def test_a_date_that_is_not_a_date_is_not_found_and_named(client, manager):
    client.force_login(manager)
    page = not_found(client.get(reverse("reports:report", args=["2019-13-01", "2020-03-31"])))
    assert "The start date in the address, &#x27;2019-13-01&#x27;, is not a date." in page
    page = not_found(
        client.get(reverse("reports:cases", args=["2019-04-01", "2020-02-30", "a", "b"]))
    )
    assert "The end date in the address, &#x27;2020-02-30&#x27;, is not a date." in page


def test_a_period_that_ends_before_it_starts_is_not_found_and_said_so(client, manager):
    client.force_login(manager)
    page = not_found(client.get(reverse("reports:report", args=["2020-04-01", "2020-03-31"])))
    assert "ends on 31 March 2020, before it starts on 1 April 2020." in page


def test_a_period_outside_the_known_years_is_not_found_and_said_so(client, manager):
    client.force_login(manager)
    # Year 3 once failed inside the comparison years; 9999-12-31 one day later.
    for start, end, outside in (
        ("0003-04-01", "0004-03-31", "1 April 3"),
        ("2025-04-01", "9999-12-31", "31 December 9999"),
    ):
        page = not_found(client.get(reverse("reports:report", args=[start, end])))
        assert "A report can cover dates from 1990 to 2075" in page
        assert f"{outside} is outside them." in page


def test_someone_without_reports_is_refused_before_the_address_is_read(client, responding):
    client.force_login(responding)
    response = client.get(reverse("reports:report", args=["2020-04-01", "2019-03-31"]))
    assert response.status_code == 403


def test_a_period_not_yet_ended_is_refused_on_the_form_pointing_to_the_part_so_far(client, manager):
    """QA on the demo: the current year was on the list, and its report said "On 31 March
    2027, 15 of 84 complaints were still awaiting their Stage 1 response" in December 2026,
    and that none were received in the months to come."""
    client.force_login(manager)
    today = localdate()
    current = today.year if today.month >= 4 else today.year - 1
    year = periods.financial_year(current)
    chosen = {
        "year": {"kind": "year", "year": str(current)},
        "quarter": {"kind": "quarter", "year": str(current), "quarter": "4"},
    }
    for kind, answers in chosen.items():
        page = client.get(reverse("reports:index"), answers).content.decode()
        label = year.label if kind == "year" else f"{year.label} Q4"
        message = (
            f"{label} does not end until 31 March {current + 1}: for the part of it so far, "
            "choose Other dates and end them today"
        )
        assert page.count(message) == 2, kind  # the summary and the field
    tomorrow = today + dt.timedelta(days=1)
    page = client.get(
        reverse("reports:index"),
        {"kind": "custom", **date_boxes("from", year.start), **date_boxes("to", tomorrow)},
    ).content.decode()
    assert page.count("End date must be today or in the past") == 2
    so_far = {"kind": "custom", **date_boxes("from", year.start), **date_boxes("to", today)}
    response = client.get(reverse("reports:index"), so_far)
    assert response["Location"] == reverse(
        "reports:report", args=[year.start.isoformat(), today.isoformat()]
    )


def test_a_period_not_yet_ended_is_not_reported_from_its_address_either(client, manager):
    client.force_login(manager)
    today = localdate()
    tomorrow = today + dt.timedelta(days=1)
    for address in ("reports:report", "reports:download"):
        extra = ["public", "html"] if address == "reports:download" else []
        response = client.get(
            reverse(address, args=[today.isoformat(), tomorrow.isoformat(), *extra])
        )
        page = not_found(response)
        assert f"ends on {long_date(tomorrow)}, which has not come yet" in page
        assert f"end it today, {long_date(today)}." in page


def date_boxes(name: str, day: dt.date) -> dict[str, str]:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}
