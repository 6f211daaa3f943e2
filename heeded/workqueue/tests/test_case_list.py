import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.urls import reverse

from heeded.cases import actions
from heeded.cases.tests.factories import record
from heeded.taxonomy.models import Nature

from .. import paging, views
from .conftest import complaint

pytestmark = pytest.mark.django_db
URL = "/cases/"
CSV_URL = "/cases/export.csv"


def listed(client, query: str = "") -> list[str]:
    response = client.get(URL + query)
    assert response.status_code == 200
    return [case.reference for case in response.context["page"].object_list]


def downloaded(client, query: str = "") -> list[list[str]]:
    response = client.get(CSV_URL + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_the_list_and_its_download_have_their_own_addresses_before_casework():
    assert reverse("workqueue:case_list") == URL
    assert reverse("workqueue:case_list_csv") == CSV_URL


def test_newest_cases_come_first_by_default(signed_in, caseload):
    assert listed(signed_in) == [
        caseload[k].reference for k in ("due_soon", "later", "due_today", "closed", "overdue")
    ]


def test_filters_by_status_type_and_stage(signed_in, caseload):
    assert caseload["closed"].reference not in listed(signed_in, "?status=open")
    assert listed(signed_in, "?status=closed") == [caseload["closed"].reference]
    assert listed(signed_in, "?record_type=compliment") == [caseload["closed"].reference]
    assert listed(signed_in, "?stage=0") == [caseload["closed"].reference]
    assert len(listed(signed_in, "?stage=1")) == 4


def test_a_service_includes_the_teams_under_it(signed_in, caseload):
    fostering = [caseload["overdue"].reference]
    assert listed(signed_in, "?team=fostering") == fostering
    # Fostering is a team of Children's social care, itself part of Children's services.
    assert listed(signed_in, "?team=childrens_social_care") == fostering
    assert listed(signed_in, "?team=childrens_services") == [
        caseload["later"].reference,
        caseload["overdue"].reference,
    ]


def test_filters_by_nature_and_officer(signed_in, officer, manager, caseload):
    assert listed(signed_in, "?nature=delay") == [caseload["overdue"].reference]
    assert listed(signed_in, "?officer=me") == [
        caseload["later"].reference,
        caseload["overdue"].reference,
    ]
    assert listed(signed_in, f"?officer={manager.pk}") == [caseload["due_soon"].reference]
    assert listed(signed_in, "?officer=none") == [
        caseload["due_today"].reference,
        caseload["closed"].reference,
    ]


def test_the_coded_filters_offer_every_code_as_it_is_now(signed_in, caseload):
    """A label just edited shows at once, though the list's codes were kept from the page
    before, and a retired code is still offered, as old cases keep it."""
    signed_in.get(URL)
    Nature.objects.filter(code="delay").update(label="Too slow", retired=True)
    page = signed_in.get(URL).content.decode()
    natures = page.split('<select name="nature"')[1].split("</select>")[0]
    assert '<option value="delay">Too slow</option>' in natures
    assert natures.index('value="" selected>Any<') < natures.index('value="delay"')
    assert listed(signed_in, "?nature=delay") == [caseload["overdue"].reference]


def test_officer_filter_includes_stages_someone_responds_to(
    signed_in, officer, responding, caseload
):
    actions.assign(caseload["due_today"], by=officer, responding_manager=responding)
    assert listed(signed_in, f"?officer={responding.pk}") == [caseload["due_today"].reference]


def test_filters_by_dates_received(signed_in, caseload):
    assert listed(signed_in, "?received_from=10/10/2022&received_to=2022-10-11") == [
        caseload["due_soon"].reference,
        caseload["later"].reference,
    ]


def test_deadline_and_acknowledgement_filters(signed_in, caseload):
    assert listed(signed_in, "?deadline=overdue") == [caseload["overdue"].reference]
    assert listed(signed_in, "?deadline=due_today") == [caseload["due_today"].reference]
    assert listed(signed_in, "?deadline=due_soon") == [caseload["due_soon"].reference]
    assert caseload["later"].reference not in listed(signed_in, "?acknowledgement=awaiting")


def test_search_finds_reference_name_and_summary_words(signed_in, caseload):
    overdue = caseload["overdue"].reference
    assert listed(signed_in, f"?q={overdue.lower()}") == [overdue]
    assert listed(signed_in, "?q=priya") == [overdue]
    assert listed(signed_in, "?q=changed+three+times") == [overdue]
    assert listed(signed_in, "?q=okafor") == [caseload["due_today"].reference]
    assert listed(signed_in, "?q=nobody+by+this+name") == []


def test_search_finds_a_case_by_its_complainants_email_or_postcode(signed_in, caseload):
    # As when an email or a letter arrives and the officer needs the case it is about.
    priya = caseload["overdue"].parties.get().person
    priya.email, priya.postcode = "Priya.Shah@example.org", "PO30 1UD"
    priya.save()
    overdue = [caseload["overdue"].reference]
    assert listed(signed_in, "?q=priya.shah%40example.org") == overdue
    assert listed(signed_in, "?q=po301ud") == overdue
    assert listed(signed_in, "?q=+PO30++1ud+") == overdue
    # Part of an address or postcode is not a search for one.
    assert listed(signed_in, "?q=shah%40example") == []
    assert listed(signed_in, "?q=PO30") == []


def test_sorting_by_deadline_puts_cases_without_one_last(signed_in, caseload):
    assert listed(signed_in, "?sort=deadline") == [
        caseload[k].reference for k in ("overdue", "due_today", "due_soon", "later", "closed")
    ]
    assert listed(signed_in, "?sort=-deadline")[-1] == caseload["closed"].reference


def test_sortable_headers_say_how_the_table_is_sorted(signed_in, caseload):
    page = signed_in.get(URL + "?sort=reference").content.decode()
    assert 'aria-sort="ascending"><a href="?sort=-reference"' in page
    assert 'aria-sort="none"><a href="?sort=-received"' in page
    assert page.count("aria-sort=") == 4


@pytest.mark.parametrize(
    "query, message",
    [
        ("?received_from=2022-13-45", "Received from must be a real date, for example 27/3/2025"),
        ("?received_to=yesterday", "Received to must be a real date"),
        # As every date box says (GOV.UK's words): QA found "must be a real date" for "22".
        ("?received_from=12/9/22", "Year must include 4 numbers, for example 27/3/2025"),
        (
            "?received_from=12/10/2022&received_to=1/10/2022",
            "Received to must be the same as or after received from",
        ),
        ("?record_type=no_such_type", "Select a type from the list"),
        ("?officer=999999", "Select an officer from the list"),
        ("?team=nope", "Select a service or team from the list"),
        ("?stage=9", "Select a stage from the list"),
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(signed_in, caseload, query, message):
    response = signed_in.get(URL + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem with the filters" in page
    assert message in page
    # The bad filter is left out; the rest of the list still shows.
    assert len(response.context["page"].object_list) == 5
    # But nothing is offered for download that the person did not mean to filter: the
    # download would refuse these filters, so the page asks for them to be put right.
    assert "Correct the filters to download these cases." in page
    assert response.context["export_url"] not in page


def test_the_error_summary_lists_the_filters_in_the_order_the_page_shows_them(signed_in, caseload):
    """GOV.UK: an error summary lists its errors in the order the fields are on the page.
    QA: "Select a type" came before "Select open or closed", which is above it on the page,
    and the deadline's after the team's."""
    every_select_wrong = (
        "?status=x&record_type=x&stage=x&deadline=x&team=x&nature=x&officer=x"
        "&acknowledgement=x&received_from=x&received_to=x"
    )
    page = signed_in.get(URL + every_select_wrong).content.decode()
    summary, form = page.split('<form method="get"', 1)
    linked = re.findall(r'<li><a href="#id_(\w+)">', summary)
    on_the_page = [name for name in re.findall(r' id="id_(\w+)"', form) if name in linked]
    assert len(linked) == 10
    assert linked == on_the_page


@pytest.mark.parametrize("query", ["?page=abc", "?page=999", "?page=-1", "?sort=evil", "?sort="])
def test_nonsense_page_or_sort_falls_back_safely(signed_in, caseload, query):
    response = signed_in.get(URL + query)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 5


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("0", 1),
        ("-3", 1),
        ("two", 1),
        ("", 1),
        ("2", 2),
        ("4", 3),
        # QA on the demo: a server error ("datatype mismatch" on SQLite).
        ("99999999999999999999", 3),
        ("9" * 5000, 3),  # too many digits for Python to read as a number
    ],
)
def test_a_page_that_does_not_exist_shows_the_nearest_that_does(
    signed_in, caseload, monkeypatch, asked, shown
):
    monkeypatch.setattr(views, "CASES_PER_PAGE", 2)
    response = signed_in.get(URL, {"page": asked, "sort": "reference"})
    assert response.status_code == 200
    assert response.context["page"].number == shown
    references = sorted(case.reference for case in caseload.values())
    assert (
        listed(signed_in, f"?page={asked}&sort=reference")
        == references[(shown - 1) * 2 : shown * 2]
    )


def test_pages_of_fifty_with_govuk_pagination(signed_in, officer, on_a_wednesday):
    for n in range(51):
        complaint(officer, dt.date(2022, 9, 1) + dt.timedelta(days=n % 30))
    first = signed_in.get(URL)
    assert len(first.context["page"].object_list) == 50
    assert 'class="govuk-pagination"' in first.content.decode()
    second = signed_in.get(URL + "?page=2&sort=reference")
    assert len(second.context["page"].object_list) == 1
    assert "51 cases, showing 51 to 51" in second.content.decode()


def test_a_long_list_is_counted_only_as_far_as_needed(signed_in, caseload, monkeypatch):
    # Counting all of 100,000 cases on every page was the list's biggest cost, so past a
    # limit it says "more than". Here: pages of 2, counted exactly up to 4 past the page.
    monkeypatch.setattr(paging, "COUNT_EXACTLY_UP_TO", 4)
    monkeypatch.setattr(views, "CASES_PER_PAGE", 2)
    first = signed_in.get(URL)
    page = first.content.decode()
    assert "More than 4 cases, showing 1 to 2" in page
    assert "Download these cases (CSV)" in page
    # The last page known is not the end: no link that looks like the last page.
    assert first.context["page_numbers"] == [1, 2, None]
    # Further on, it counts further: all 5, exactly.
    third = signed_in.get(URL + "?page=3")
    assert "5 cases, showing 5 to 5" in third.content.decode()
    assert "Download these 5 cases (CSV)" in third.content.decode()
    assert (
        listed(signed_in, "?page=2&sort=reference")
        == sorted(case.reference for case in caseload.values())[2:4]
    )


def test_a_responding_manager_lists_only_their_cases(client, officer, responding, caseload):
    actions.assign(caseload["due_today"], by=officer, responding_manager=responding)
    client.force_login(responding)
    assert listed(client) == [caseload["due_today"].reference]
    rows = downloaded(client)
    assert [r[0] for r in rows[1:]] == [caseload["due_today"].reference]


def test_report_viewers_and_people_without_a_role_see_no_case_records(client, viewer, nobody):
    for person in (viewer, nobody):
        client.force_login(person)
        assert client.get(URL).status_code == 403
        assert client.get(CSV_URL).status_code == 403


def test_the_download_is_exactly_what_is_filtered(signed_in, caseload):
    rows = downloaded(signed_in, "?team=childrens_services&sort=reference")
    assert rows[0][:3] == ["Reference", "Type", "Received"]
    assert [r[0] for r in rows[1:]] == sorted(
        [caseload["later"].reference, caseload["overdue"].reference]
    )
    overdue = next(r for r in rows if r[0] == caseload["overdue"].reference)
    assert overdue[8] == "4 working days overdue"
    assert overdue[9] == "Fostering" or "oster" in overdue[9]
    assert overdue[11] == "Priya Shah"


def test_the_download_cannot_smuggle_a_spreadsheet_formula(signed_in, officer, on_a_wednesday):
    complaint(officer, dt.date(2022, 10, 3), name='=HYPERLINK("http://evil")')
    complaint(officer, dt.date(2022, 10, 4), name="+44 7700 900000")
    rows = downloaded(signed_in, "?sort=received")
    assert rows[1][11] == '\'=HYPERLINK("http://evil")'
    assert rows[2][11] == "'+44 7700 900000"


def test_one_case_is_offered_for_download_as_this_case(signed_in, caseload):
    reference = caseload["overdue"].reference
    page = signed_in.get(URL + f"?q={reference}").content.decode()
    assert "1 case<" in page
    assert "Download this case (CSV)" in page
    assert "Download these" not in page


def test_a_case_without_a_deadline_says_so_in_words(signed_in, caseload):
    page = signed_in.get(URL + "?status=closed").content.decode()
    assert "No deadline" in page
    assert ">None<" not in page


def test_the_download_refuses_bad_filters_with_a_message(signed_in, caseload):
    response = signed_in.get(CSV_URL + "?received_from=2022-13-45&team=retired")
    assert response.status_code == 400
    assert "Received from must be a real date" in response.content.decode()
    # QA: a bookmarked download whose team has since been retired showed a bare line of
    # text. It is a GOV.UK page: an error summary, and a way back to the list to put the
    # filters right, keeping them.
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert "<title>Error: The cases were not downloaded" in page
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in page
    back = "/cases/?received_from=2022-13-45&amp;team=retired"
    assert f'<a href="{back}#id_team">Select a service or team from the list</a>' in page
    assert f'<a class="govuk-link" href="{back}">Correct the filters on the case list</a>' in page


def _more(by, count: int):
    for n in range(count):
        complaint(by, dt.date(2022, 9, 1) + dt.timedelta(days=n % 30), name=f"Person {n}")


@pytest.mark.parametrize("extra", [0, 20])
def test_the_list_makes_the_same_queries_however_many_cases(
    signed_in, officer, caseload, extra, django_assert_num_queries
):
    _more(officer, extra)
    # session, user; the edition of the reference data (new: the fixtures made people), so
    # everyone's roles and the officer choices; the count, the page's case ids, those cases,
    # and their people; the organisation; record types, teams and natures for the selects,
    # in one; the session save (savepoint, update, release).
    with django_assert_num_queries(14):
        response = signed_in.get(URL + "?q=e&status=open&sort=deadline")
    assert response.status_code == 200
    # Then, in the same edition, the roles, officers, organisation and codes are kept; the
    # session is not saved again within the minute.
    with django_assert_num_queries(7):
        response = signed_in.get(URL + "?q=e&status=open&sort=deadline")
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 20])
def test_the_download_makes_the_same_queries_however_many_cases(
    signed_in, officer, caseload, extra, django_assert_num_queries
):
    _more(officer, extra)
    # The officers are read only when the officer filter is used (or the page drawn); the
    # edition of the reference data is new (the fixtures made people), so everyone's roles
    # are read again.
    with django_assert_num_queries(11):
        rows = downloaded(signed_in, "?status=open")
    assert len(rows) == 1 + 4 + extra


def test_the_stage_column_names_a_stage_as_the_case_page_does(signed_in, caseload, officer):
    """QA on the demo: an FOI request, a subject access request or an MP's enquiry was listed
    at "Stage 1"; their procedures have one unnumbered stage, "Response", as the case page
    says. A complaint's stays "Stage 1"."""
    foi = record(officer, "foi_request", received_on=dt.date(2022, 10, 11))
    response = signed_in.get(URL)
    rows = {
        row.split("</a>")[0].rsplit(">", 1)[-1]: row
        for row in response.content.decode().split('<tr class="govuk-table__row">')[1:]
    }
    assert '<td class="govuk-table__cell">Response</td>' in rows[foi.reference]
    assert "Stage 1" not in rows[foi.reference]
    later = rows[caseload["later"].reference]
    assert '<td class="govuk-table__cell">Stage 1</td>' in later


def test_the_stage_filter_names_stages_as_the_stage_column_does(signed_in, caseload, officer):
    """QA on the demo: "Current stage: Stage 1" listed 245 FOI requests, subject access
    requests and MPs' enquiries, each shown at "Response" in the Stage column. Stage 1 is a
    complaint's; a one-stage procedure's is found under "Response"."""
    foi = record(officer, "foi_request", received_on=dt.date(2022, 10, 11))
    enquiry = record(officer, "mp_councillor_enquiry", received_on=dt.date(2022, 10, 11))
    complaints = {caseload[k].reference for k in ("overdue", "due_today", "due_soon", "later")}
    assert set(listed(signed_in, "?stage=1")) == complaints
    assert set(listed(signed_in, "?stage=response")) == {foi.reference, enquiry.reference}
    page = signed_in.get(URL).content.decode()
    assert '<option value="response">Response</option>' in page
    # The download is the same list.
    rows = downloaded(signed_in, "?stage=response")
    assert {row[0] for row in rows[1:]} == {foi.reference, enquiry.reference}


def test_a_null_character_in_the_search_is_named_and_the_search_left_out(signed_in, caseload):
    response = signed_in.get(URL + "?q=Priya%00")
    page = response.content.decode()
    assert "Search words must not contain a null character" in page
    assert "Null characters are not allowed" not in page
    assert [case.reference for case in response.context["page"].object_list] == listed(signed_in)


def test_a_small_team_is_listed_by_a_plan_made_for_it_after_many_lists_of_a_large_one(
    signed_in, caseload
):
    # PostgreSQL keeps one plan for a prepared query after a few runs: a plan suited to a
    # large team read every case for a team of three (95 ms, not 9, at 100,000 cases).
    # The case list's queries are never prepared, so each is planned for its own values.
    for _ in range(12):
        assert listed(signed_in, "?team=fostering") == [caseload["overdue"].reference]
    assert listed(signed_in, "?team=inclusion") == [caseload["later"].reference]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
                ["%cases_case_service_teams%"],
            )
            assert cursor.fetchall() == []
