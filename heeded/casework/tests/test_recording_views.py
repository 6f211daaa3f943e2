"""Recording a representation: one journey, asking each record type only what it needs."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from heeded.cases.models import Case, PartyRole, Person
from heeded.cases.tests.factories import PersonFactory, record

from .conftest import date_parts

pytestmark = pytest.mark.django_db

RECEIVED = dt.date(2022, 9, 12)


def complaint_answers(code, **overrides):
    answers = {
        **date_parts("received_on", RECEIVED),
        "how_received": code("how_received", "email").pk,
        "full_name": "Dana Whitlock",
        "email": "dana@example.com",
        "postcode": "po30 1ud",
        "complainant_type": code("complainant_type", "parent").pk,
        "young_person": "no",
        "via_professional": "no",
        "summary": "No reply to calls for three weeks.",
        "service_teams": [code("service_team", "children_looked_after").pk],
        "natures": [code("nature", "poor_communication").pk, code("nature", "delay").pk],
        "outcomes_sought": [code("outcome", "apology").pk],
    }
    answers.update(overrides)
    return answers


def test_the_first_page_asks_what_kind_grouped_statutory_then_other(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/").content.decode()
    assert page.index("Statutory") < page.index("Complaint (statutory)") < page.index("Other")
    assert "Compliment" in page
    assert 'value="refused"' not in page  # refusal is a decision on a complaint, not a kind


def test_choosing_a_kind_leads_to_its_details_page(client, officer):
    client.force_login(officer)
    response = client.post("/cases/new/", {"record_type": "compliment"})
    assert response.status_code == 302
    assert response["Location"] == "/cases/new/compliment/"


def test_not_choosing_a_kind_says_so(client, officer):
    client.force_login(officer)
    response = client.post("/cases/new/", {})
    assert response.status_code == 400
    assert "Select what kind of representation it is" in response.content.decode()


def test_a_complaint_asks_for_outcomes_sought_the_child_and_advocacy(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/complaint/").content.decode()
    for question in ("What outcomes are they seeking?", "offer them an advocate", "relationship"):
        assert question in page


def test_a_compliment_asks_neither_outcomes_sought_nor_a_child(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/compliment/").content.decode()
    assert "What outcomes are they seeking?" not in page
    assert "The child or young person" not in page
    assert "What they said" in page


def test_an_foi_request_asks_for_the_requester_and_the_request(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/foi_request/").content.decode()
    assert "Who made the request" in page and "What they asked for" in page
    assert "What outcomes are they seeking?" not in page


def test_an_mp_enquiry_asks_for_the_mp_and_the_constituent(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/mp_councillor_enquiry/").content.decode()
    assert "MP or councillor&#x27;s name" in page and "The constituent" in page


def test_the_mp_enquiry_form_puts_each_heading_above_its_own_fields(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/mp_councillor_enquiry/").content.decode()
    order = [
        '<h2 class="govuk-heading-m">The MP or councillor</h2>',
        "MP or councillor&#x27;s name",
        "Constituency, ward or office",
        '<h2 class="govuk-heading-m">The constituent it is about</h2>',
        'for="id_full_name">Full name',
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)


def test_the_check_page_says_whose_name_it_is(client, officer, code):
    client.force_login(officer)
    page = client.post("/cases/new/complaint/", complaint_answers(code)).content.decode()
    assert re.search(
        r'<dt class="govuk-summary-list__key">Who is making the complaint</dt>\s*'
        r'<dd class="govuk-summary-list__value">Dana Whitlock</dd>',
        page,
    )
    assert '<dt class="govuk-summary-list__key">Full name</dt>' not in page


def test_a_complaint_form_has_no_mp_heading(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/complaint/").content.decode()
    assert "The MP or councillor" not in page
    assert '<h2 class="govuk-heading-m">Who is making the complaint</h2>' in page


def test_an_unknown_or_retired_kind_is_not_found(client, officer, code):
    client.force_login(officer)
    assert client.get("/cases/new/no_such_kind/").status_code == 404
    retired = code("record_type", "ad_hoc")
    retired.retired = True
    retired.save()
    assert client.get("/cases/new/ad_hoc/").status_code == 404


def test_valid_answers_lead_to_a_check_page_with_the_deadlines(client, officer, code):
    client.force_login(officer)
    response = client.post("/cases/new/complaint/", complaint_answers(code))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check before recording" in page
    # 12 September 2022 + 10 working days, skipping the State Funeral on the 19th.
    assert "27 September 2022" in page
    assert Case.objects.count() == 0


def test_confirming_records_the_complaint_with_its_people_and_classifications(
    client, officer, code
):
    client.force_login(officer)
    response = client.post(
        "/cases/new/complaint/",
        complaint_answers(code, confirm="1", child_name="Sam Whitlock", relationship="Mother"),
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.reference}/"
    assert case.received_on == RECEIVED
    assert case.young_person is False
    assert {n.code for n in case.natures.all()} == {"poor_communication", "delay"}
    assert case.stages.get().number == 1
    roles = {p.role: p.person for p in case.parties.select_related("person")}
    assert roles[PartyRole.COMPLAINANT].postcode == "PO30 1UD"
    assert roles[PartyRole.CHILD].full_name == "Sam Whitlock"
    banner = client.get(response["Location"]).content.decode()
    # Recorded years later: the acknowledgement is long overdue (see the tests below).
    assert f"{case.reference} recorded. Acknowledgement was due by 15 September 2022: " in banner


def _banner_on(client, officer, code, now: dt.datetime) -> str:
    client.force_login(officer)
    with time_machine.travel(now.replace(tzinfo=ZoneInfo("Europe/London")), tick=False):
        response = client.post("/cases/new/complaint/", complaint_answers(code, confirm="1"))
        return client.get(response["Location"]).content.decode()


def test_recorded_in_time_the_banner_says_when_the_acknowledgement_is_due(client, officer, code):
    banner = _banner_on(client, officer, code, dt.datetime(2022, 9, 14, 10))
    assert "recorded. Acknowledgement due by 15 September 2022<" in banner


def test_recorded_late_the_banner_says_the_acknowledgement_is_overdue_as_the_case_page_does(
    client, officer, code
):
    """QA on the demo: "Acknowledgement due by 4 December 2026" for a date already gone.
    Due Thursday 15 September 2022; on Tuesday the 20th two working days have gone by (the
    19th, the State Funeral, was a bank holiday), the words the case page's tag uses."""
    banner = _banner_on(client, officer, code, dt.datetime(2022, 9, 20, 10))
    overdue = "recorded. Acknowledgement was due by 15 September 2022: 2 working days overdue"
    assert overdue in banner
    assert "2 working days overdue</strong>" in banner  # the deadline's tag on the case page
    banner = _banner_on(client, officer, code, dt.datetime(2022, 9, 15, 10))
    assert "recorded. Acknowledgement due today, 15 September 2022" in banner


def test_choosing_someone_on_file_uses_them_instead_of_adding_a_duplicate(client, officer, code):
    dana = PersonFactory(full_name="Dana Whitlock", email="dana@example.com")
    client.force_login(officer)
    client.post(
        "/cases/new/complaint/",
        complaint_answers(code, confirm="1", person=str(dana.pk), full_name=""),
    )
    assert Person.objects.count() == 1
    assert Case.objects.get().parties.get().person == dana


def test_without_javascript_find_people_lists_matches_and_keeps_the_answers(client, officer, code):
    PersonFactory(full_name="Dana Whitlock", email="other@example.com", postcode="PO30 1UD")
    client.force_login(officer)
    response = client.post(
        "/cases/new/complaint/",
        {"full_name": "", "postcode": "po30 1ud", "summary": "Kept", "find_people": "1"},
    )
    page = response.content.decode()
    assert "Use Dana Whitlock" in page
    assert "Kept</textarea>" in page
    assert "There is a problem" not in page


def test_the_people_partial_finds_people_by_part_of_their_name(client, officer):
    PersonFactory(full_name="Dana Whitlock")
    client.force_login(officer)
    page = client.get("/cases/new/people/", {"full_name": "whit"}).content.decode()
    assert "Use Dana Whitlock" in page
    assert (
        "No one on file" in client.get("/cases/new/people/", {"full_name": "zzz"}).content.decode()
    )


def test_a_null_character_typed_finds_no_one_by_that_term(client, officer):
    """Found on PostgreSQL, which refuses to be asked about one (a server error): the term
    it is in is left out of the search, as nothing kept can hold one."""
    PersonFactory(full_name="Dana Whitlock", postcode="PO30 1UD")
    client.force_login(officer)
    typed = {"full_name": "whit", "postcode": "PO30\x001UD", "email": "d\x00@example.com"}
    page = client.get("/cases/new/people/", typed).content.decode()
    assert "Use Dana Whitlock" in page
    typed["full_name"] = "Whit\x00lock"
    assert "No one on file" in client.get("/cases/new/people/", typed).content.decode()


def test_people_of_the_same_name_are_told_apart_by_their_cases(client, officer, code):
    """QA on the demo: six "Use Jo Bloggs" choices, with no email or postcode on file, gave
    the officer nothing to choose between them by: each now names the cases they made."""
    first, second = PersonFactory(full_name="Jo Bloggs"), PersonFactory(full_name="Jo Bloggs")
    Person.objects.filter(pk__in=[first.pk, second.pk]).update(email="", postcode="")
    cases = {}
    for person in (first, second):
        cases[person] = record(
            officer, "compliment", received_on=RECEIVED, people=[(person, "complainant", "")]
        )
    client.force_login(officer)
    page = client.get("/cases/new/people/", {"full_name": "Jo Bloggs"}).content.decode()
    for person in (first, second):
        hint = page[page.index(f'id="person-{person.pk}"') :]
        hint = hint[hint.index('govuk-radios__hint">') : hint.index("</div>")]
        assert f"Made {cases[person].reference}" in hint
        assert "received 12 September 2022" in hint


def test_the_deadlines_partial_answers_as_soon_as_the_date_is_typed(client, officer):
    client.force_login(officer)
    page = client.get(
        "/cases/new/deadlines/",
        {"record_type": "complaint", **date_parts("received_on", RECEIVED)},
    ).content.decode()
    assert "Acknowledgement</strong>: 15 September 2022" in page
    assert "Stage 1 response</strong>: 27 September 2022" in page
    half_typed = client.get(
        "/cases/new/deadlines/", {"record_type": "complaint", "received_on_day": "12"}
    ).content.decode()
    assert "Stage 1" not in half_typed


def test_a_subject_access_request_is_due_a_calendar_month_later(client, officer):
    client.force_login(officer)
    page = client.get(
        "/cases/new/deadlines/",
        {
            "record_type": "subject_access_request",
            **date_parts("received_on", dt.date(2023, 1, 31)),
        },
    ).content.decode()
    # ICO: no 31 February, so the last day of the month.
    assert "28 February 2023" in page


@pytest.mark.parametrize("year", ["1900", "1985", "0001"])
def test_the_deadlines_partial_shows_no_deadline_for_a_year_before_the_known_calendar(
    client, officer, year
):
    client.force_login(officer)
    response = client.get(
        "/cases/new/deadlines/",
        {
            "record_type": "complaint",
            "received_on_day": "1",
            "received_on_month": "1",
            "received_on_year": year,
        },
    )
    assert response.status_code == 200
    assert "Deadlines if recorded now" not in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            {"received_on_day": "", "received_on_month": "", "received_on_year": ""},
            "Enter the date the complaint was received",
        ),
        (
            {"received_on_day": "30", "received_on_month": "2", "received_on_year": "2022"},
            "Date received must be a real date",
        ),
        (
            {"received_on_day": "1", "received_on_month": "1", "received_on_year": "2999"},
            "Date received must be today or in the past",
        ),
        (
            {"received_on_day": "1", "received_on_month": "1", "received_on_year": "1900"},
            "Date received must be in 1990 or later",
        ),
        (
            {"received_on_day": "1", "received_on_month": "1", "received_on_year": "1985"},
            "Date received must be in 1990 or later",
        ),
    ],
)
def test_a_wrong_date_received_is_explained_and_everything_typed_is_kept(
    client, officer, code, typed, message
):
    client.force_login(officer)
    response = client.post("/cases/new/complaint/", complaint_answers(code, **typed))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Dana Whitlock"' in page
    for nature in ("poor_communication", "delay"):
        pk = code("nature", nature).pk
        assert f'value="{pk}" checked' in page
    assert Case.objects.count() == 0


def test_confirming_a_date_received_before_the_known_calendar_records_nothing(
    client, officer, code
):
    # QA on the demo: 1 January 1985 gave a server error; bank holidays are known from 1990.
    client.force_login(officer)
    response = client.post(
        "/cases/new/complaint/",
        complaint_answers(code, confirm="1", **date_parts("received_on", dt.date(1985, 1, 1))),
    )
    assert response.status_code == 400
    assert "Date received must be in 1990 or later" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_child_complainant_must_be_offered_an_advocate(client, officer, code):
    client.force_login(officer)
    response = client.post("/cases/new/complaint/", complaint_answers(code, young_person="yes"))
    assert response.status_code == 400
    assert "must be offered one" in response.content.decode()
    client.post(
        "/cases/new/complaint/",
        complaint_answers(code, young_person="yes", advocacy_offered="yes", confirm="1"),
    )
    assert Case.objects.get().advocacy_offered is True


@pytest.mark.parametrize("answer", ["no", "unknown", ""])
def test_a_complainant_who_is_a_child_is_recorded_as_a_child_complaining(
    client, officer, code, answer
):
    # Left at "No" or unanswered, the report would not count it among the complaints from
    # children and young people, and the officer would not be asked about an advocate.
    client.force_login(officer)
    child = code("complainant_type", "young_person")
    response = client.post(
        "/cases/new/complaint/",
        complaint_answers(code, complainant_type=child.pk, young_person=answer),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Select Yes: you chose ‘{child.label}’ for who they are" in page
    assert "must be offered one" in page
    client.post(
        "/cases/new/complaint/",
        complaint_answers(
            code,
            complainant_type=child.pk,
            young_person="yes",
            advocacy_offered="yes",
            confirm="1",
        ),
    )
    case = Case.objects.get()
    assert case.young_person is True and case.advocacy_offered is True


def test_a_complaint_needs_the_complainants_name_and_what_it_is_about(client, officer, code):
    client.force_login(officer)
    response = client.post(
        "/cases/new/complaint/", complaint_answers(code, full_name="", summary="")
    )
    page = response.content.decode()
    assert "Enter the full name of the person, or choose someone on file" in page
    assert "Enter what the complaint is about" in page


def test_an_mp_enquiry_records_the_mp_as_representative(client, officer, code):
    client.force_login(officer)
    client.post(
        "/cases/new/mp_councillor_enquiry/",
        {
            **date_parts("received_on", RECEIVED),
            "how_received": code("how_received", "email").pk,
            "representative_name": "Bob Seely MP",
            "representative_organisation": "Isle of Wight",
            "full_name": "A Constituent",
            "summary": "Asks about a delayed assessment.",
            "confirm": "1",
        },
    )
    roles = {p.role for p in Case.objects.get().parties.all()}
    assert roles == {PartyRole.REPRESENTATIVE, PartyRole.COMPLAINANT}


def test_only_the_complaints_team_may_record(client, responding, viewer):
    for user in (responding, viewer):
        client.force_login(user)
        assert client.get("/cases/new/").status_code == 403
        assert client.get("/cases/new/complaint/").status_code == 403
        assert client.get("/cases/new/people/", {"full_name": "Dana"}).status_code == 403
        assert client.get("/cases/new/children/", {"child_name": "Kit"}).status_code == 403


def test_the_journey_refuses_other_methods(client, officer):
    client.force_login(officer)
    assert client.put("/cases/new/").status_code == 405
    assert client.post("/cases/new/deadlines/").status_code == 405


def test_each_team_to_choose_says_which_service_it_belongs_to(client, officer):
    client.force_login(officer)
    page = client.get("/cases/new/complaint/").content.decode()
    assert "Children looked after (Children&#x27;s Social Care)" in page


def test_a_name_too_long_to_keep_is_told_once_in_govuk_words(client, officer, code):
    """QA on the demo: a 425-character name was told Django's "Ensure this value has at most
    200 characters (it has 425)." and, beside it, "Enter the full name of the person"."""
    client.force_login(officer)
    response = client.post("/cases/new/complaint/", complaint_answers(code, full_name="D" * 201))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Full name must be 200 characters or fewer" in page
    assert "Ensure this value" not in page
    assert "Enter the full name of the person" not in page


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("child_name", "Child or young person it concerns must be 200 characters or fewer"),
        ("advocacy_provider", "Advocacy provider must be 200 characters or fewer"),
        ("email", "Email address must be 254 characters or fewer"),
    ],
)
def test_every_answer_kept_in_a_column_of_limited_length_is_refused_beyond_it(
    client, officer, code, field, message
):
    """QA on the demo: a child's name or an advocacy provider of 300 characters was accepted;
    PostgreSQL refuses to keep it, a server error."""
    client.force_login(officer)
    too_long = "a" * 250 + "@example.com" if field == "email" else "N" * 300
    answers = complaint_answers(code, confirm="1", **{field: too_long})
    response = client.post("/cases/new/complaint/", answers)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_an_mp_enquiry_refuses_an_mps_name_or_office_too_long_to_keep(client, officer, code):
    client.force_login(officer)
    response = client.post(
        "/cases/new/mp_councillor_enquiry/",
        {
            **date_parts("received_on", RECEIVED),
            "how_received": code("how_received", "letter").pk,
            "full_name": "Dana Whitlock",
            "representative_name": "M" * 201,
            "representative_organisation": "O" * 201,
            "summary": "Asks why no reply.",
            "confirm": "1",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "MP or councillor&#x27;s name must be 200 characters or fewer" in page
    assert "Constituency, ward or office must be 200 characters or fewer" in page


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("full_name", "D" * 201, "Full name must be 200 characters or fewer"),
        ("telephone", "0" * 41, "Telephone must be 40 characters or fewer"),
        ("postcode", "PO30\x001UD", "Postcode must not contain a null character"),
        (
            "relationship",
            "R" * 101,
            "Their relationship to the child must be 100 characters or fewer",
        ),
    ],
)
def test_a_box_refused_is_named_in_the_error_summary_and_beside_it(
    client, officer, code, field, typed, message
):
    client.force_login(officer)
    response = client.post("/cases/new/complaint/", complaint_answers(code, **{field: typed}))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<a href="#id_{field}">{message}</a>' in page
    assert (
        f'<p id="id_{field}-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
    ) in page
    assert "Ensure this value" not in page and "Null characters" not in page


def _token_on_the_check_page(client, code) -> str:
    page = client.post("/cases/new/complaint/", complaint_answers(code)).content.decode()
    start = page.index('name="token" value="') + len('name="token" value="')
    return page[start : page.index('"', start)]


def test_back_then_record_it_again_records_the_representation_once(client, officer, code):
    """QA on the demo: Back after "Record it", then "Record it" again, recorded the same
    compliment twice (CS-2026-01135 and CS-2026-01136), with its person twice over."""
    client.force_login(officer)
    token = _token_on_the_check_page(client, code)
    first = client.post("/cases/new/complaint/", complaint_answers(code, confirm="1", token=token))
    again = client.post("/cases/new/complaint/", complaint_answers(code, confirm="1", token=token))
    case = Case.objects.get()
    assert Person.objects.filter(full_name="Dana Whitlock").count() == 1
    assert first["Location"] == again["Location"] == f"/cases/{case.reference}/"
    page = client.get(again["Location"]).content.decode()
    assert f"{case.reference} was recorded from these answers already" in page


def test_each_check_page_records_its_own_representation(client, officer, code):
    """Two check pages are two representations, even with the same answers (a parent's
    second letter): only the same page sent twice is recorded once."""
    client.force_login(officer)
    for _ in range(2):
        token = _token_on_the_check_page(client, code)
        client.post("/cases/new/complaint/", complaint_answers(code, confirm="1", token=token))
    assert Case.objects.count() == 2


@pytest.mark.parametrize("kind", ["other", "grandparent", "professional"])
def test_a_statutory_complaint_from_someone_not_entitled_says_the_council_must_decide(
    client, officer, code, kind
):
    """QA on the demo: a neighbour's Children Act complaint (recorded as "Other") went
    through as any other, with nothing about the decision domain.md section 1.2 says the
    council makes first: whether they have sufficient interest in the child's welfare."""
    client.force_login(officer)
    answers = complaint_answers(code, complainant_type=code("complainant_type", kind).pk)
    page = client.post("/cases/new/complaint/", answers).content.decode()
    label = code("complainant_type", kind).label
    assert f"Someone recorded as ‘{label}’ may not use the Children Act 1989" in page
    assert "sufficient interest in the child’s welfare" in page
    assert "(‘Not an eligible complainant’)" in page
    # Still recordable: the decision is the council's, not the system's.
    client.post("/cases/new/complaint/", {**answers, "confirm": "1"})
    assert Case.objects.get().complainant_type.code == kind


@pytest.mark.parametrize(
    "record_type, kind",
    [("complaint", "parent"), ("complaint", "young_person"), ("corporate_complaint", "other")],
)
def test_someone_entitled_or_a_procedure_open_to_anyone_is_not_warned(
    client, officer, code, record_type, kind
):
    client.force_login(officer)
    answers = complaint_answers(code, complainant_type=code("complainant_type", kind).pk)
    if kind == "young_person":
        answers.update(young_person="yes", advocacy_offered="yes")
    page = client.post(f"/cases/new/{record_type}/", answers).content.decode()
    assert "Check before recording" in page
    assert "sufficient interest" not in page


def _change_kind(client, answers: dict, to: str) -> str:
    """Change what kind it is from the details or check page, as the buttons post it."""
    page = client.post("/cases/new/complaint/", {**answers, "change_type": "1"}).content.decode()
    assert "What kind of representation is it?" in page
    assert 'name="carried" value="1"' in page
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    carried["service_teams"] = answers["service_teams"]  # one of many values: sent whole
    carried["natures"] = answers["natures"]
    return client.post("/cases/new/", {**carried, "record_type": to}).content.decode()


def test_changing_the_kind_part_way_keeps_what_the_new_kind_also_asks(client, officer, code):
    """QA on the demo: an officer who found the complaint was corporate, not statutory,
    went Back, chose again and found every answer gone. The answers now go with them; the
    questions the new kind does not ask (the child, advocacy) are left behind."""
    client.force_login(officer)
    answers = complaint_answers(code, child_name="Sam Whitlock")
    page = _change_kind(client, answers, "corporate_complaint")
    assert '<h1 class="govuk-heading-l">Corporate complaint</h1>' in page
    assert 'action="/cases/new/corporate_complaint/"' in page
    assert 'value="Dana Whitlock"' in page
    assert "No reply to calls for three weeks.</textarea>" in page
    assert 'value="2022"' in page
    assert "Sam Whitlock" not in page  # a corporate complaint asks about no child
    assert "There is a problem" not in page
    poor = code("nature", "poor_communication").pk
    assert re.search(rf'name="natures" type="checkbox" value="{poor}" checked', page)


def test_changing_to_a_kind_that_asks_less_records_only_what_it_asks(client, officer, code):
    client.force_login(officer)
    answers = complaint_answers(code)
    page = _change_kind(client, answers, "compliment")
    assert '<h1 class="govuk-heading-l">Compliment</h1>' in page
    assert "What outcomes are they seeking?" not in page
    # The complaint's classifications, sent on with the rest, are not recorded on it.
    client.post("/cases/new/compliment/", {**answers, "confirm": "1"})
    case = Case.objects.get()
    assert case.record_type.code == "compliment"
    assert case.parties.get().person.full_name == "Dana Whitlock"
    assert not case.natures.exists() and not case.outcomes_sought.exists()


def test_the_recording_pages_write_apostrophes_as_the_rest_of_the_app_does(client, officer, code):
    """QA on the demo: "Child’s date of birth" and "saved to Dana Whitlock’s details" were
    the only curly apostrophes among the straight ones of the pages around them."""
    client.force_login(officer)
    form = client.get("/cases/new/complaint/").content.decode()
    assert "Child&#x27;s date of birth" in form
    assert "’" not in form
