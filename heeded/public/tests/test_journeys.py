"""Each public form, sent through the pages as a person would, makes the right case."""

import datetime as dt
import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from heeded.calendars.dates import long_date
from heeded.cases.models import Case, CaseEvent, EventKind, PartyRole
from heeded.organisation.models import Organisation
from heeded.public.submission import respond_by

from .journeys import ANSWERS, COMPLAINT, answer_all, check_url, send, step_url


@pytest.mark.django_db
def test_a_grandparents_complaint_becomes_a_statutory_complaint_with_both_people(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "complaint")

    case = Case.objects.get()
    assert response["Location"].startswith("/feedback/complaint/sent/")
    assert case.record_type.code == "complaint"
    assert case.how_received.code == "e_form"
    assert case.complainant_type.code == "grandparent"
    assert case.young_person is False
    assert case.via_professional is False
    assert case.created_by is None
    assert [t.code for t in case.service_teams.all()] == ["children_looked_after"]
    assert sorted(o.code for o in case.outcomes_sought.all()) == ["apology", "explanation"]
    assert "contact visits were cancelled" in case.summary
    assert "When it happened: March 2026" in case.summary
    # The procedure set the clocks, as for a case an officer records.
    assert case.current_stage == 1
    assert case.next_deadline is not None
    complainant = case.parties.get(role=PartyRole.COMPLAINANT)
    assert complainant.person.full_name == "Margaret Okafor"
    assert complainant.person.email == "margaret.okafor@example.com"
    assert complainant.person.telephone == "07700 900 982"
    assert complainant.person.preferred_contact == "email"
    assert complainant.relationship == "Grandparent"
    child = case.parties.get(role=PartyRole.CHILD).person
    assert (child.full_name, child.date_of_birth) == ("Tayo Okafor", dt.date(2013, 6, 14))
    assert CaseEvent.objects.filter(case=case, kind=EventKind.RECORDED).exists()

    team, receipt = mailoutbox
    assert team.to == ["complaints@heeded.invalid"]
    assert case.reference in team.subject
    assert "Tayo" not in team.body, "personal details stay in Heeded, not in mailboxes"
    assert receipt.to == ["margaret.okafor@example.com"]
    assert receipt.subject == f"We have received your complaint: {case.reference}"
    assert case.reference in receipt.body
    assert "within 3 working days" in receipt.body
    html, mimetype = receipt.alternatives[0]
    assert mimetype == "text/html" and case.reference in html

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert b"govuk-panel--confirmation" in confirmation.content
    assert case.reference.encode() in confirmation.content


@pytest.fixture
def council_email(db):
    organisation = Organisation.current()
    organisation.complaints_email = "childrens.complaints@council.example"
    organisation.save()
    return organisation.complaints_email


@pytest.mark.django_db
def test_the_team_is_told_at_the_organisations_complaints_address(
    client, django_capture_on_commit_callbacks, mailoutbox, council_email
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "comment")
    assert mailoutbox[0].to == ["childrens.complaints@council.example"]


@pytest.mark.django_db
def test_the_teams_email_links_to_the_case_behind_sign_in(
    client, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.SITE_URL = "https://complaints.example.gov.uk"
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "comment")
    case = Case.objects.get()
    link = f"https://complaints.example.gov.uk/cases/{case.reference}/"
    to_team = mailoutbox[0]
    assert to_team.subject.startswith("New comment")
    assert f"Read it in Heeded (sign-in needed): {link}" in to_team.body
    assert f'<a href="{link}">Read it in Heeded</a>' in to_team.alternatives[0][0]
    # Without Heeded's own address, the team is told to look the reference up.
    settings.SITE_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "comment")
    (second_to_team,) = [m for m in mailoutbox[1:] if m.subject.startswith("New comment")]
    assert "Sign in to Heeded to read it." in second_to_team.body


@pytest.mark.django_db
def test_a_compliment_by_post_names_who_they_thank(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "compliment")
    case = Case.objects.get()
    assert case.record_type.code == "compliment"
    assert "Who they would like to thank: Priya in the fostering team" in case.summary
    person = case.parties.get().person
    assert (person.address, person.postcode, person.preferred_contact) == (
        "1 High Street\nNewport",
        "PO30 1UD",
        "letter",
    )
    # No e-mail address given: only the team is told.
    assert len(mailoutbox) == 1


def _answer_up_to_contact(client, journey: str) -> None:
    before = list(ANSWERS[journey])[: list(ANSWERS[journey]).index("contact")]
    answer_all(client, journey, {step: ANSWERS[journey][step] for step in before})


@pytest.mark.parametrize("journey", ["compliment", "comment"])
@pytest.mark.django_db
def test_a_compliment_or_comment_may_be_made_without_wanting_a_reply(
    client, django_capture_on_commit_callbacks, mailoutbox, journey
):
    _answer_up_to_contact(client, journey)
    contact_page = client.get(step_url(journey, "contact")).content.decode()
    assert 'value="none" data-behaviour="exclusive"' in contact_page
    assert '<div class="govuk-checkboxes__divider">or</div>' in contact_page
    # Without JavaScript nothing unticks the other boxes: both ticked is explained.
    both = client.post(
        step_url(journey, "contact"),
        {"contact_methods": ["email", "none"], "email": "jo@example.com"},
    )
    assert "or select ‘I do not need a reply’, not both" in both.content.decode()
    nothing = client.post(step_url(journey, "contact"), {})
    assert "Select how we should contact you, or select ‘I do not need a reply’" in (
        nothing.content.decode()
    )

    answers = {**ANSWERS[journey], "contact": {"contact_methods": ["none"]}}
    answer_all(client, journey, answers)
    check = client.get(check_url(journey)).content.decode()
    assert "I do not need a reply" in check
    with django_capture_on_commit_callbacks(execute=True):
        sent = send(client, journey, answers)
    case = Case.objects.get()
    assert "They do not need a reply." in case.summary
    person = case.parties.get().person
    assert (person.email, person.telephone, person.address, person.preferred_contact) == (
        "",
        "",
        "",
        "",
    )
    assert [m.subject.split(":")[0] for m in mailoutbox] == [f"New {journey} from the online form"]
    done = client.get(sent["Location"]).content.decode()
    assert "We have sent you a confirmation email" not in done
    assert ("we will reply" in done) is False


@pytest.mark.django_db
def test_a_complaint_still_needs_a_way_to_reach_the_complainant(client):
    _answer_up_to_contact(client, "complaint")
    page = client.get(step_url("complaint", "contact")).content.decode()
    assert "I do not need a reply" not in page
    refused = client.post(step_url("complaint", "contact"), {"contact_methods": ["none"]})
    assert "Select how we should contact you" in refused.content.decode()


@pytest.mark.django_db
def test_a_comment_about_an_unknown_service_says_so_and_names_no_team(client):
    send(client, "comment")
    case = Case.objects.get()
    assert case.record_type.code == "comment"
    assert case.service_teams.count() == 0
    assert "did not know which service" in case.summary


@pytest.mark.django_db
def test_a_child_who_wants_an_advocate_is_recorded_as_offered_and_taking_it_up(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "young-person")
    case = Case.objects.get()
    assert case.record_type.code == "complaint"
    assert case.young_person is True
    assert case.complainant_type.code == "young_person"
    assert case.advocacy_offered is True
    assert case.advocacy_offered_on == case.received_on
    assert case.advocacy_taken_up is True
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ADVOCACY).exists()
    roles = sorted(case.parties.values_list("role", flat=True))
    assert roles == ["child", "complainant"]
    assert "Please text first" in case.summary
    assert len(mailoutbox) == 1  # no e-mail address: the team only
    page = client.get(response["Location"]).content.decode()
    assert "We have got your message" in page
    assert "Thank you for telling us, Kai." in page
    assert "0800 1111" in page


@pytest.mark.django_db
def test_a_child_who_says_no_to_an_advocate_was_still_offered_one(client):
    answers = {**ANSWERS["young-person"], "advocate": {"advocate": "no"}}
    send(client, "young-person", answers)
    case = Case.objects.get()
    assert (case.advocacy_offered, case.advocacy_taken_up) == (True, False)


CHILD_WITH_EMAIL = {
    **ANSWERS["young-person"],
    "contact": {"contact_methods": ["email"], "email": "kai@example.com"},
}


@pytest.mark.django_db
def test_a_child_who_says_no_to_an_advocate_is_told_how_to_ask_for_one_later(
    client, django_capture_on_commit_callbacks, mailoutbox, council_email
):
    # CA 1989 s.26A: help to get an advocate is for children "making or intending to make"
    # representations, so the offer stands after "No, not now". "Just tell us" said
    # neither whom to tell nor how.
    answers = {**CHILD_WITH_EMAIL, "advocate": {"advocate": "no"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "young-person", answers)
    page = client.get(response["Location"]).content.decode()
    receipt = mailoutbox[1]
    for text in (page, receipt.body, receipt.alternatives[0][0]):
        assert "just tell us" not in text
        assert "tell the person from our complaints team when they get in touch" in text
        assert "childrens.complaints@council.example" in text
        assert "with your reference number" in text
        assert "We will help you get one." in text


@pytest.mark.django_db
def test_the_childs_receipt_uses_plain_words(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "young-person", CHILD_WITH_EMAIL)
    receipt = mailoutbox[1]
    assert receipt.to == ["kai@example.com"]
    assert receipt.body.startswith("Hello Kai,")
    assert "Childline" in receipt.body


@pytest.mark.django_db
def test_a_child_is_told_by_when_we_will_say_what_we_decide(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    # An adult's confirmation gives the Stage 1 date (10 working days, domain.md section
    # 0); a child's said only "we will tell you what we decide", with no date at all.
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "young-person", CHILD_WITH_EMAIL)
    due = long_date(respond_by(Case.objects.get()))
    assert due
    page = client.get(response["Location"]).content.decode()
    assert f"We will tell you what we decide and why by {due}." in page
    receipt = mailoutbox[1]
    assert f"We will tell you what we decide and why by {due}." in receipt.body
    assert f"We will tell you what we decide and why by {due}." in receipt.alternatives[0][0]


@pytest.mark.django_db
def test_the_child_route_explains_advocacy_and_offers_help_now(client):
    client.post(step_url("young-person", "your-name"), {"first_name": "Kai"})
    page = client.get(step_url("young-person", "advocate")).content.decode()
    assert (
        "An advocate is someone who is on your side and helps you say what you want to say." in page
    )
    assert "They do not work for us." in page
    assert "Would you like an advocate to help you?" in page
    assert "Childline" in page


HELP_NOW = '<h2 class="govuk-heading-s">If you do not feel safe</h2>'


@pytest.mark.django_db
def test_every_page_of_the_child_route_says_where_to_get_help_at_once_in_the_same_place(
    client,
):
    # WCAG 3.2.6 (consistent help): the 999 and Childline box was on every page of the route
    # but "Check what you have told us", the page a child sends from. Each page ends with it:
    # nothing but the form (or one link, on the last page) comes after it.
    pages = [client.get(reverse("public:young_person_start")).content.decode()]
    for step, data in ANSWERS["young-person"].items():
        pages.append(client.get(step_url("young-person", step)).content.decode())
        client.post(step_url("young-person", step), data)
    pages.append(client.get(check_url("young-person")).content.decode())
    pages.append(client.get(send(client, "young-person")["Location"]).content.decode())
    for page in pages:
        main = page[page.index('id="main-content"') : page.index("</main>")]
        assert main.count(HELP_NOW) == 1, heading_of(page)
        after = main[main.index(HELP_NOW) :]
        assert "<form" not in after and "<h1" not in after, heading_of(page)


@pytest.mark.django_db
def test_the_child_route_never_uses_a_negative_contraction(client):
    # GOV.UK style: "can't" and "don't" are misread as their opposite by many readers, and
    # more so by children. "They don't work for us" was on the advocate page.
    pages = [client.get(reverse("public:young_person_start")).content.decode()]
    for step, data in ANSWERS["young-person"].items():
        pages.append(client.post(step_url("young-person", step), {}).content.decode())
        client.post(step_url("young-person", step), data)
        pages.append(client.get(step_url("young-person", step)).content.decode())
    pages.append(client.get(send(client, "young-person")["Location"]).content.decode())
    for page in pages:
        assert not re.search(r"n['’]t\b", page), heading_of(page)


ADVOCACY = {
    "advocacy_service_name": "NYAS",
    "advocacy_service_phone": "0808 808 1001",
    "advocacy_service_url": "https://www.nyas.net/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("wants", ["yes", "no"])
def test_a_child_is_told_who_the_advocates_are_and_how_to_reach_them(
    client, django_capture_on_commit_callbacks, mailoutbox, wants
):
    # domain.md 1.7: a child who complains must be given information about advocacy. Until
    # the council names its service, the pages say what an advocate is and no more.
    client.post(step_url("young-person", "your-name"), {"first_name": "Kai"})
    assert (
        "Our advocates come from"
        not in client.get(step_url("young-person", "advocate")).content.decode()
    )
    Organisation.objects.update(**ADVOCACY)
    page = client.get(step_url("young-person", "advocate")).content.decode()
    said = (
        "Our advocates come from NYAS. You can also contact them yourself: call "
        '<a class="govuk-link" href="tel:08088081001">0808 808 1001</a> or visit '
        '<a class="govuk-link" href="https://www.nyas.net/">the NYAS website</a>.'
    )
    assert said in page
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            client, "young-person", {**CHILD_WITH_EMAIL, "advocate": {"advocate": wants}}
        )
    assert said in client.get(response["Location"]).content.decode()
    receipt = mailoutbox[1]
    assert said in receipt.alternatives[0][0]
    assert (
        "Our advocates come from NYAS. You can also contact them yourself: call 0808 808 1001 "
        "or visit https://www.nyas.net/." in receipt.body
    )


@pytest.mark.django_db
def test_an_advocacy_service_with_only_a_website_is_linked_without_a_phone_number(client):
    Organisation.objects.update(
        advocacy_service_name="Coram Voice", advocacy_service_url="https://coramvoice.org.uk/"
    )
    client.post(step_url("young-person", "your-name"), {"first_name": "Kai"})
    page = client.get(step_url("young-person", "advocate")).content.decode()
    assert (
        "Our advocates come from Coram Voice. You can also contact them yourself: visit "
        '<a class="govuk-link" href="https://coramvoice.org.uk/">the Coram Voice website</a>.'
    ) in page


@pytest.mark.django_db
def test_the_start_page_offers_every_route_with_a_start_button(client):
    page = client.get(reverse("public:start")).content.decode()
    assert "govuk-button--start" in page
    assert reverse("public:young_person_start") in page
    choose = client.get(reverse("public:choose")).content.decode()
    for text in ("Make a complaint", "Pay a compliment", "Make a comment", "I am a child"):
        assert text in choose


@pytest.mark.django_db
def test_both_start_pages_say_how_long_answers_are_kept_while_nothing_is_sent(client, settings):
    # WCAG 2.2.1: answers left 30 minutes were deleted with no word of it beforehand.
    settings.SESSION_COOKIE_AGE = 20 * 60
    adults = client.get(reverse("public:start")).content.decode()
    assert "If you do not do anything for 20 minutes, we will delete your answers" in adults
    child = client.get(reverse("public:young_person_start")).content.decode()
    assert "If you stop for 20 minutes, we will delete what you wrote" in child


@pytest.mark.django_db
def test_the_footer_links_to_the_councils_privacy_notice_and_accessibility_statement(client):
    page = client.get(reverse("public:start")).content.decode()
    assert "Privacy notice" not in page  # none set: no empty links
    Organisation.objects.update(
        privacy_notice_url="https://council.example/privacy",
        accessibility_statement_url="https://council.example/accessibility",
    )
    page = client.get(reverse("public:start")).content.decode()
    assert (
        '<a class="govuk-footer__link" href="https://council.example/privacy">Privacy notice</a>'
    ) in page
    assert '<a class="govuk-footer__link" href="https://council.example/accessibility">' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "choice,goes_to",
    [
        ("complaint", "/feedback/complaint/your-name/"),
        ("compliment", "/feedback/compliment/your-name/"),
        ("comment", "/feedback/comment/your-name/"),
        ("young-person", "/feedback/young-person/"),
    ],
)
def test_choosing_what_to_do_leads_to_that_form(client, choice, goes_to):
    response = client.post(reverse("public:choose"), {"choice": choice})
    assert response["Location"] == goes_to


@pytest.mark.django_db
def test_pages_need_no_sign_in(client):
    for url in (
        reverse("public:start"),
        reverse("public:choose"),
        step_url("complaint", "your-name"),
    ):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_later_page_sends_you_back_to_the_first_unanswered_question(client):
    response = client.get(step_url("complaint", "what-happened"))
    assert response["Location"] == step_url("complaint", "your-name")
    response = client.get(check_url("complaint"))
    assert response["Location"] == step_url("complaint", "your-name")


@pytest.mark.django_db
def test_an_unknown_form_or_question_is_not_found(client):
    assert client.get("/feedback/nonsense/your-name/").status_code == 404
    assert client.get("/feedback/complaint/nonsense/").status_code == 404


@pytest.mark.django_db
def test_check_your_answers_lists_every_answer_with_a_change_link(client):
    for step, data in COMPLAINT.items():
        client.post(step_url("complaint", step), data)
    page = client.get(check_url("complaint")).content.decode()
    for text in (
        "Margaret Okafor",
        "Grandparent",
        "margaret.okafor@example.com",
        "Tayo Okafor",
        "14 June 2013",
        "March 2026",
        "Children looked after",
        "An apology",
        "An explanation of what happened",
    ):
        assert text in page
    assert f'href="{step_url("complaint", "child")}?change=1"' in page


@pytest.mark.django_db
def test_a_change_link_returns_to_check_your_answers(client):
    for step, data in COMPLAINT.items():
        client.post(step_url("complaint", step), data)
    url = step_url("complaint", "your-name") + "?change=1"
    page = client.get(url).content.decode()
    assert 'value="Margaret Okafor"' in page
    assert f'href="{check_url("complaint")}" class="govuk-back-link"' in page
    response = client.post(url, {"full_name": "Margaret A Okafor"})
    assert response["Location"] == check_url("complaint")
    assert "Margaret A Okafor" in client.get(check_url("complaint")).content.decode()


@pytest.mark.django_db
def test_back_links_go_to_the_previous_question(client):
    client.post(step_url("complaint", "your-name"), COMPLAINT["your-name"])
    page = client.get(step_url("complaint", "relationship")).content.decode()
    assert f'href="{step_url("complaint", "your-name")}" class="govuk-back-link"' in page
    first = client.get(step_url("complaint", "your-name")).content.decode()
    assert f'href="{reverse("public:choose")}" class="govuk-back-link"' in first


@pytest.mark.django_db
def test_answers_are_forgotten_once_sent(client):
    send(client, "comment")
    first = client.get(step_url("comment", "your-name")).content.decode()
    assert 'name="full_name"' in first
    assert ANSWERS["comment"]["your-name"]["full_name"] not in first
    # A later question is not asked with nothing before it (it shows the confirmation:
    # test_sending_once), nor does it show what was sent.
    later = client.get(step_url("comment", "contact"))
    assert later.status_code == 302
    assert "jo@example.com" not in client.get(later["Location"]).content.decode()


@pytest.mark.django_db
def test_the_confirmation_is_only_shown_in_the_browser_that_sent_the_form(client):
    response = send(client, "young-person")
    client.logout()  # a new session: someone else at the same computer later
    from django.test import Client

    assert Client().get(response["Location"]).status_code == 404
    assert client.get(response["Location"]).status_code == 404


@pytest.mark.django_db
def test_a_session_that_timed_out_says_so_and_sends_nothing(client):
    response = client.post(
        check_url("complaint"), {"token": "6f2c5b1e-0c1d-4c53-9a7e-1b1d3f9d8a11"}
    )
    assert response.status_code == 400
    assert "so we deleted your answers" in response.content.decode()
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_what_was_typed_as_the_session_timed_out_is_kept_and_the_reason_given(client):
    """A parent spends more than 30 minutes writing what happened, then presses Continue.
    Their earlier answers were deleted (the session ended), but not the account they wrote:
    they are told why they are back at the first question, and find it again after it."""
    steps = list(COMPLAINT)
    before = steps[: steps.index("what-happened")]
    answer_all(client, "complaint", {step: COMPLAINT[step] for step in before})
    client.session.flush()  # what 30 minutes without a request does
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    account = "Tayo's social worker changed three times this year and nobody told us."
    response = client.post(step_url("complaint", "what-happened"), {"details": account})

    assert response["Location"] == step_url("complaint", "your-name")
    page = client.get(response["Location"]).content.decode()
    assert "govuk-notification-banner" in page
    assert "did not do anything for 30 minutes" in page
    assert "We have kept what you typed on ‘What happened?’" in page
    answer_all(client, "complaint", {step: COMPLAINT[step] for step in before})
    again = client.get(step_url("complaint", "what-happened")).content.decode()
    assert html.escape(account) in again
    assert "govuk-notification-banner" not in again  # said once, where they landed


@pytest.mark.django_db
def test_a_later_page_opened_without_earlier_answers_has_no_time_out_message(client):
    client.post(step_url("complaint", "your-name"), COMPLAINT["your-name"])
    response = client.post(step_url("complaint", "contact"), COMPLAINT["contact"])
    assert response["Location"] == step_url("complaint", "relationship")
    assert "did not do anything" not in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_what_people_may_ask_for_is_in_their_words_not_the_teams_codes(client):
    for step, data in COMPLAINT.items():
        if step == "outcome":
            break
        client.post(step_url("complaint", step), data)
    page = client.get(step_url("complaint", "outcome")).content.decode()
    assert "A meeting to talk about it" in page and "Something put right" in page
    for internal in ("Agreed service implemented", "Remedial action", "Apology and explanation"):
        assert internal not in page


@pytest.mark.django_db
def test_the_online_form_offers_outcomes_as_the_council_words_them(client):
    from heeded.taxonomy.models import Outcome

    Outcome.objects.filter(code="meeting_offer").update(public_wording="A meeting with a manager")
    Outcome.objects.filter(code="payment").update(asked_online=False)
    Outcome.objects.filter(code="other").update(public_wording="")
    for step, data in COMPLAINT.items():
        if step == "outcome":
            break
        client.post(step_url("complaint", step), data)
    page = client.get(step_url("complaint", "outcome")).content.decode()
    assert "A meeting with a manager" in page and "A meeting to talk about it" not in page
    assert 'value="payment"' not in page
    # With no wording of its own, an outcome is offered under its label.
    assert re.search(r'value="other">\s*<label[^>]*>Other</label>', page)
    # A choice the council has stopped offering is refused if sent anyway.
    data = {**COMPLAINT["outcome"], "outcomes": ["payment"]}
    response = client.post(step_url("complaint", "outcome"), data)
    assert "Select what you would like to happen" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/feedback/", "/feedback/young-person/"])
def test_a_start_page_title_names_its_heading_once(client, path):
    page = client.get(path).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()
    first = title.split(" – ")[0]
    # The start page is the service itself; any other page is titled by its own heading.
    assert heading.startswith(first)
    assert len(title.split(" – ")) == len(set(title.split(" – ")))
    assert "immediate danger, call 999" in page or "call <strong>999</strong>" in page


def heading_of(page: str) -> str:
    """The page's h1 as heard, without its caption."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    return re.sub(r"<span[^>]*>.*?</span>|<[^>]+>", "", heading, flags=re.S).strip()


@pytest.mark.django_db
@pytest.mark.parametrize("journey", list(ANSWERS))
def test_no_page_asks_its_heading_twice(client, journey):
    # GOV.UK: a page's question is its h1, or its h1 is the legend or label; a screen reader
    # should not hear "How can we get in touch with you safely?" twice.
    for step, data in ANSWERS[journey].items():
        page = client.get(step_url(journey, step)).content.decode()
        heading = heading_of(page)
        questions = re.findall(r"<(?:legend|label)[^>]*>(.*?)</(?:legend|label)>", page, re.S)
        repeated = [
            q for q in questions if "<h1" not in q and re.sub(r"<[^>]+>", "", q).strip() == heading
        ]
        assert not repeated, (step, heading)
        client.post(step_url(journey, step), data)


@pytest.mark.django_db
@pytest.mark.parametrize("journey", list(ANSWERS))
def test_every_question_page_is_titled_by_its_heading(client, journey):
    # GOV.UK: the title is the h1 (then the service and the council), so the tab and the
    # screen reader's first words match the page. The advocate page was titled "Would you
    # like an advocate to help you?" under the heading "Getting help from an advocate".
    for step, data in ANSWERS[journey].items():
        page = client.get(step_url(journey, step)).content.decode()
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
        heading = heading_of(page)
        assert title.split(" – ")[0] == heading, step
        client.post(step_url(journey, step), data)


@pytest.mark.django_db
def test_the_young_persons_route_has_one_name_from_its_start_page_to_its_last_question(client):
    # It was "Tell us if something is not right" on its start page and "Tell us what is
    # wrong" above every question after it.
    start = client.get(reverse("public:young_person_start")).content.decode()
    assert '<h1 class="govuk-heading-xl">Tell us if something is not right</h1>' in start
    client.post(step_url("young-person", "your-name"), {"first_name": "Kai"})
    page = client.get(step_url("young-person", "advocate")).content.decode()
    assert '<span class="govuk-caption-l">Tell us if something is not right</span>' in page
    assert "Tell us what is wrong" not in page
