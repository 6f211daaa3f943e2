"""The moves on the case page: each parses its form and calls its action, nothing else."""

import datetime as dt
import html
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from heeded.cases import actions
from heeded.cases.models import Case, EventKind
from heeded.cases.tests.factories import record

from .conftest import RECEIVED, action_url, date_parts

pytestmark = pytest.mark.django_db


def post(client, case, action, data, version=None):
    case.refresh_from_db()
    return client.post(
        action_url(case, action),
        {"expected_version": case.version if version is None else version, **data},
    )


def extend(client, case, to: dt.date, reason: str):
    return post(client, case, "extend", {**date_parts("to", to), "reason": reason})


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_acknowledging_records_the_date_and_returns_to_the_case(signed_in, complaint):
    response = post(signed_in, complaint, "acknowledge", date_parts("on", RECEIVED))
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{complaint.reference}/"
    complaint.refresh_from_db()
    assert complaint.acknowledged_on == RECEIVED
    assert "Acknowledgement recorded" in signed_in.get(response["Location"]).content.decode()


def test_acknowledging_twice_explains_that_it_is_already_done(signed_in, complaint, officer):
    actions.acknowledge(complaint, by=officer, on=RECEIVED)
    response = signed_in.get(action_url(complaint, "acknowledge"))
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert f"{complaint.reference} was acknowledged on {RECEIVED.day} {RECEIVED:%B %Y}." in page


def test_a_response_sent_after_a_colleagues_is_not_saved_and_what_was_typed_is_shown(
    signed_in, complaint, manager
):
    """Two people answered Stage 1 at once: the second is told who got there first, and
    sees their own answers again rather than losing them."""
    manager.first_name, manager.last_name = "Lucy", "Foster"
    manager.save()
    actions.respond_to_stage(complaint, 1, by=manager, on=RECEIVED, outcome="upheld")
    data = {
        **date_parts("on", RECEIVED),
        "outcome": "not_upheld",
        "summary": "We met the family on Tuesday.",
        "lessons_learned": "Return calls within two working days.",
    }
    response = post(signed_in, complaint, "respond", data)
    assert response.status_code == 409
    page = response.content.decode()
    when = f"{RECEIVED.day} {RECEIVED:%B %Y}"
    assert (
        f"Stage 1 of {complaint.reference} was responded to on {when} (recorded by Lucy Foster)."
    ) in page
    for typed in ("Not upheld", "We met the family on Tuesday.", "Return calls within two"):
        assert typed in page
    assert f"{RECEIVED.day} {RECEIVED:%B %Y}" in page
    complaint.refresh_from_db()
    assert complaint.stage(1).outcome == "upheld" and complaint.lessons_learned == ""


def test_what_an_overtaken_response_said_is_kept_as_a_note_in_one_click(
    signed_in, complaint, manager
):
    actions.respond_to_stage(complaint, 1, by=manager, on=RECEIVED, outcome="upheld")
    data = {
        **date_parts("on", RECEIVED),
        "outcome": "not_upheld",
        "summary": "We met the family on Tuesday.\nThey accepted the apology.",
    }
    page = html.unescape(post(signed_in, complaint, "respond", data).content.decode())
    assert f'action="/cases/{complaint.reference}/note/"' in page
    assert "Add as a note" in page
    assert (
        "Entered on a form that could not be saved because the case had changed:\n"
        f"Date of the response: {RECEIVED.day} {RECEIVED:%B %Y}\n"
        "What was the finding: Not upheld\n"
        "Summary of the response: We met the family on Tuesday.\nThey accepted the apology."
    ) in page

    complaint.refresh_from_db()
    kept = "Outcome: Not upheld\nSummary: We met the family on Tuesday."
    response = post(signed_in, complaint, "note", {"text": kept})
    assert response.status_code == 302
    assert complaint.events.get(kind=EventKind.NOTE).description == kept


def test_an_overtaken_form_with_nothing_typed_offers_no_empty_note(signed_in, complaint, officer):
    actions.acknowledge(complaint, by=officer, on=RECEIVED)
    page = post(signed_in, complaint, "acknowledge", {}).content.decode()
    assert "Add as a note" not in page and "Go to " in page


@pytest.mark.parametrize(
    "action, why",
    [
        ("close", "Stage 1 of {ref} is still open: record its response"),
        ("reopen", "{ref} is open: only a closed case can be reopened."),
        ("start-stage", "Stage 1 of {ref} is still open: record its response first."),
        ("ombudsman-decision", "No Ombudsman enquiry about {ref} has been recorded yet."),
        (
            "panel-held",
            "Stage 3 has not started: {ref} is at Stage 1, and the review panel meets at Stage 3.",
        ),
        (
            "panel-report",
            "Stage 3 has not started: {ref} is at Stage 1, and the review panel meets at Stage 3.",
        ),
        (
            "agree-statement",
            "Stage 2 has not started: {ref} is at Stage 1, and the statement of complaint is "
            "agreed at Stage 2.",
        ),
        ("acknowledge-stage", "Stage 1 of {ref} has no separate acknowledgement."),
    ],
)
def test_a_move_the_procedure_does_not_allow_now_says_why(signed_in, complaint, action, why):
    # A complaint's Stage 1 starts when it is recorded.
    assert complaint.stages.get().responded_on is None
    response = signed_in.get(f"/cases/{complaint.reference}/{action}/")
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert why.format(ref=complaint.reference) in page


def test_the_panel_after_stage_2_is_answered_waits_for_stage_3_to_start(
    signed_in, complaint, officer
):
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=dt.date(2022, 9, 14))
    actions.respond_to_stage(
        complaint, 2, by=officer, on=dt.date(2022, 9, 20), outcome="not_upheld"
    )
    response = signed_in.get(action_url(complaint, "panel-held"), follow=True)
    assert (
        f"Stage 3 has not started: {complaint.reference} is at Stage 2, and the review panel "
        "meets at Stage 3."
    ) in response.content.decode()


def test_a_corporate_complaint_has_no_review_panel(signed_in, officer):
    case = record(officer, "corporate_complaint", received_on=RECEIVED)
    response = signed_in.get(action_url(case, "panel-held"), follow=True)
    assert (
        "The Corporate complaints procedure (Ombudsman&#x27;s Complaint Handling Code) has no "
        "review panel."
    ) in response.content.decode()


def test_starting_stage_2_asks_only_what_the_procedure_has(signed_in, officer, complaint):
    # Children's Stage 2: a statement of complaint, and 20 working days to ask for it.
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="upheld")
    page = signed_in.get(action_url(complaint, "start-stage")).content.decode()
    assert "statement of complaint" in page and "made late" in page
    # Corporate Stage 2: neither.
    case = record(officer, "corporate_complaint", received_on=RECEIVED)
    actions.respond_to_stage(case, 1, by=officer, on=RECEIVED, outcome="upheld")
    page = signed_in.get(action_url(case, "start-stage")).content.decode()
    assert "statement of complaint" not in page and "made late" not in page
    case.refresh_from_db()
    response = post(signed_in, case, "start-stage", date_parts("requested_on", RECEIVED))
    assert response.status_code == 302
    assert case.stage(2).requested_on == RECEIVED


def test_an_action_form_shows_the_date_messages_and_keeps_what_was_typed(signed_in, complaint):
    response = post(
        signed_in,
        complaint,
        "acknowledge",
        {"on_day": "31", "on_month": "9", "on_year": "2022"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Date acknowledged must be a real date" in page
    assert 'value="31"' in page


def test_a_date_the_procedure_refuses_is_shown_in_the_error_summary(signed_in, complaint):
    response = post(
        signed_in, complaint, "acknowledge", date_parts("on", RECEIVED - dt.timedelta(days=3))
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "cannot be before the date received (12 September 2022)" in page


def field_error(page: str, field_id: str) -> str:
    """The GOV.UK error message shown beside a field ("" if none)."""
    start = page.find(f'<p id="{field_id}-error" class="govuk-error-message">')
    if start < 0:
        return ""
    text = page[start : page.index("</p>", start)]
    return text.split("</span>", 1)[1].strip()


def summary_links(page: str) -> list[str]:
    """The error summary's links, as (href) strings."""
    summary = page[page.index("govuk-error-summary__list") :]
    summary = summary[: summary.index("</ul>")]
    return [part.split('"', 1)[0] for part in summary.split('<a href="')[1:]]


def test_a_date_the_procedure_refuses_is_shown_beside_its_field_and_linked_from_the_summary(
    signed_in, complaint
):
    response = post(signed_in, complaint, "acknowledge", date_parts("on", dt.date(2022, 9, 9)))
    page = response.content.decode()
    assert response.status_code == 400
    # The action's refusal is a sentence; beside the field, as every GOV.UK error message,
    # it has no full stop at the end (nor in the summary).
    message = (
        "The date of the acknowledgement (9 September 2022) cannot be before the date received "
        "(12 September 2022)"
    )
    assert field_error(page, "id_on") == message
    assert f"{message}</a>" in page
    assert summary_links(page) == ["#id_on_day"]
    # Every box of the refused date is marked, and what was typed is kept.
    assert page.count("govuk-input--error") == 3
    assert 'id="id_on_day" name="on_day" type="text" inputmode="numeric" value="9"' in page


def test_a_refusal_about_the_panel_date_goes_beside_the_date_the_form_calls_on(
    signed_in, complaint, officer
):
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=dt.date(2022, 9, 14))
    actions.respond_to_stage(
        complaint, 2, by=officer, on=dt.date(2022, 9, 20), outcome="not_upheld"
    )
    actions.start_stage(complaint, 3, by=officer, requested_on=dt.date(2022, 9, 26))
    response = post(signed_in, complaint, "panel-held", date_parts("on", dt.date(2022, 9, 23)))
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_on") == (
        "The date the panel met (23 September 2022) cannot be before the Stage 3 request "
        "(26 September 2022)"
    )
    assert summary_links(page) == ["#id_on_day"]


def test_an_extension_sent_after_a_colleague_responded_says_who_responded_and_what_they_found(
    signed_in, complaint, manager
):
    """Two browsers: the officer opens Extend Stage 1; the manager records the response
    first. The officer is told not only that no stage is open but who answered it and the
    finding, and sees the reason they typed again."""
    opened_at = complaint.version
    actions.respond_to_stage(complaint, 1, by=manager, on=RECEIVED, outcome="upheld")
    typed = {**date_parts("to", RECEIVED), "reason": "The manager is on leave."}
    response = post(signed_in, complaint, "extend", typed, version=opened_at)
    page = response.content.decode()
    assert response.status_code == 409
    assert f"No stage of {complaint.reference} is open" in page
    assert "Since you opened the page:" in page
    assert "<li>Stage 1 responded to by Manager Tester</li>" in page
    assert "<li>Stage 1 outcome: none became Upheld</li>" in page
    assert "The manager is on leave." in page


def test_a_note_added_while_a_colleague_closed_the_case_is_saved_and_says_it_was_closed(
    signed_in, complaint, manager
):
    """A note overwrites nothing, so it is saved on the closed case; but whoever wrote it
    learns the case was closed meanwhile, rather than only a 'Note added'."""
    actions.respond_to_stage(complaint, 1, by=manager, on=RECEIVED, outcome="upheld")
    complaint.refresh_from_db()
    opened_at = complaint.version
    actions.close(complaint, by=manager, on=RECEIVED)
    response = post(signed_in, complaint, "note", {"text": "Called the school."}, version=opened_at)
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Note added" in page
    assert (
        f"While you had the page open, {complaint.reference} changed: Closed by Manager Tester; "
        "Closed on: none became 12 September 2022."
    ) in page
    assert complaint.events.filter(kind=EventKind.NOTE).count() == 1


def test_a_note_with_nothing_changed_meanwhile_says_only_that_it_was_added(signed_in, complaint):
    response = post(signed_in, complaint, "note", {"text": "Called the school."})
    page = signed_in.get(response["Location"]).content.decode()
    assert "Note added" in page and "While you had the page open" not in page


def test_someone_elses_save_in_between_is_shown_never_overwritten(signed_in, complaint, manager):
    opened_at = complaint.version
    actions.acknowledge(complaint, by=manager, on=RECEIVED)
    response = post(
        signed_in,
        complaint,
        "edit",
        {
            **date_parts("received_on", RECEIVED),
            "summary": "My new summary",
            "young_person": "no",
        },
        version=opened_at,
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed" in page
    assert "Acknowledged by Manager Tester" in page
    assert "My new summary</textarea>" in page
    complaint.refresh_from_db()
    assert complaint.summary != "My new summary"
    # The re-shown form carries the new version: sending it again is a deliberate choice.
    assert f'name="expected_version" value="{complaint.version}"' in page


def test_editing_details_saves_every_field_including_lists(signed_in, complaint, code):
    response = post(
        signed_in,
        complaint,
        "edit",
        {
            **date_parts("received_on", RECEIVED),
            "summary": "Corrected summary",
            "natures": [code("nature", "delay").pk],
            "young_person": "yes",
            "learning_for_report": "Answer calls within a day.",
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.summary == "Corrected summary"
    assert complaint.young_person is True
    assert [n.code for n in complaint.natures.all()] == ["delay"]
    assert complaint.learning_for_report == "Answer calls within a day."


def test_a_note_too_large_to_read_is_told_in_words_on_a_govuk_page(signed_in, complaint):
    # QA on the demo: 3 million characters pasted into a note gave Django's bare
    # "Bad Request (400)", no header, no words saying why or what to do.
    response = post(signed_in, complaint, "note", {"text": "z" * 3_000_000})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Sorry, what you sent could not be read</h1>" in page
    assert "Nothing has been saved. Go back, shorten the text" in page
    assert "govuk-template__header" in page
    assert not complaint.events.filter(kind="note").exists()


def test_editing_a_child_complainant_to_not_a_child_complaining_is_refused(
    signed_in, complaint, code
):
    # As recording asks: one fact, asked twice, must not say two things.
    child = code("complainant_type", "young_person")
    answers = {
        **date_parts("received_on", RECEIVED),
        "summary": complaint.summary,
        "complainant_type": child.pk,
        "young_person": "no",
    }
    response = post(signed_in, complaint, "edit", answers)
    assert response.status_code == 400
    assert field_error(response.content.decode(), "id_young_person") == (
        f"Select Yes: you chose ‘{child.label}’ for who they are"
    )
    assert post(signed_in, complaint, "edit", {**answers, "young_person": "yes"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.complainant_type == child and complaint.young_person is True


def test_editing_cannot_empty_the_summary_recording_required(signed_in, complaint):
    # QA on the demo: Edit details saved a blank summary, which recording refuses.
    blank = {**date_parts("received_on", RECEIVED), "summary": "  "}
    response = post(signed_in, complaint, "edit", blank)
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_summary") == "Enter the summary of what it is about"
    assert summary_links(page) == ["#id_summary"]
    complaint.refresh_from_db()
    assert complaint.summary.strip()


def test_editing_the_date_received_to_before_the_known_calendar_is_refused_beside_it(
    signed_in, complaint
):
    # QA on the demo: "Edit details" with 1 January 1985 gave a server error.
    response = post(
        signed_in,
        complaint,
        "edit",
        {**date_parts("received_on", dt.date(1985, 1, 1)), "summary": "Corrected summary"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_received_on") == "Date received must be in 1990 or later"
    assert summary_links(page) == ["#id_received_on_year"]
    complaint.refresh_from_db()
    assert complaint.received_on == RECEIVED


def test_a_date_received_after_the_first_stage_started_is_refused_with_that_date(
    signed_in, officer, code
):
    """QA on the demo: "cannot be after Stage 1 started" named no date, and an FOI request,
    whose one stage is its response, was told of a "Stage 1" it does not have. (A Stage 1
    that started on the date received moves with it: see the next test.)"""
    later = {**date_parts("received_on", dt.date(2022, 9, 21)), "summary": "Corrected"}
    converted = record(officer, "pre_complaint", received_on=RECEIVED)
    actions.convert(
        converted, by=officer, to=code("record_type", "complaint"), on=dt.date(2022, 9, 20)
    )
    page = post(signed_in, converted, "edit", later).content.decode()
    assert field_error(page, "id_received_on") == (
        "The date received cannot be after Stage 1 started (20 September 2022)"
    )
    foi = record(officer, "foi_request", received_on=RECEIVED)
    actions.respond_to_stage(foi, 1, by=officer, on=dt.date(2022, 9, 13))
    page = post(signed_in, foi, "edit", later).content.decode()
    assert field_error(page, "id_received_on") == (
        "The date received cannot be after the response (13 September 2022)"
    )


def test_a_date_received_typed_too_early_is_corrected_and_stage_1_moves_with_it(
    signed_in, complaint
):
    """QA on the demo: Stage 1 starts the day a complaint is received, so a date received
    typed too early could not be corrected at all."""
    later = {**date_parts("received_on", dt.date(2022, 9, 14)), "summary": "Corrected"}
    response = post(signed_in, complaint, "edit", later)
    assert response.status_code == 302
    stage = complaint.stages.get()
    assert (stage.started_on, stage.due_on) == (dt.date(2022, 9, 14), dt.date(2022, 9, 29))
    page = signed_in.get(response["Location"]).content.decode()
    assert "Details saved. Stage 1 now starts on 14 September 2022<" in page
    assert "Stage 1&#x27;s start moved with it (now due 29 September 2022)" in page


def test_the_edit_form_opens_with_the_cases_current_values(signed_in, complaint, code):
    page = signed_in.get(action_url(complaint, "edit")).content.decode()
    assert 'value="12"' in page and 'value="2022"' in page
    assert f'value="{code("nature", "poor_communication").pk}" checked' in page


def test_learning_for_the_report_carries_the_same_warning_when_edited_as_when_recorded(
    signed_in, complaint
):
    # Published as typed: whichever form it is written in warns against identifying anyone.
    warning = "Leave out names, dates and anything that could identify the people involved."
    assert warning in signed_in.get(action_url(complaint, "edit")).content.decode()
    assert warning in signed_in.get(action_url(complaint, "respond")).content.decode()


def test_editing_asks_only_what_recording_asked_that_kind_of_case(signed_in, officer, complaint):
    """QA on the demo: "Edit details" of a compliment or an FOI request asked the nature of
    the complaint, the outcomes sought and whether a child made it, which recording them
    never asks and the case page never shows."""
    complaint_page = signed_in.get(action_url(complaint, "edit")).content.decode()
    for question in ("Nature of the complaint", "Outcomes sought", "Made by a child"):
        assert question in complaint_page
    for kind in ("compliment", "foi_request"):
        case = record(officer, kind, summary="Thanks to the fostering team")
        page = signed_in.get(action_url(case, "edit")).content.decode()
        for question in ("Nature of the", "Outcomes sought", "Made by a child", "Complainant"):
            assert question not in page, (kind, question)
        assert "Services and teams" in page
        response = post(
            signed_in, case, "edit", {**date_parts("received_on", RECEIVED), "summary": "Edited"}
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.summary == "Edited"
    pre_complaint = record(officer, "pre_complaint", summary="Unhappy with a visit")
    page = signed_in.get(action_url(pre_complaint, "edit")).content.decode()
    assert "Nature of the representation" in page and "Outcomes sought" not in page


def test_editing_still_shows_an_answer_a_case_holds_that_its_kind_is_not_asked(
    signed_in, officer, code
):
    """A pre-complaint converted from a complaint keeps its outcomes sought: the form shows
    them, so they can be corrected, as the case page shows them."""
    case = record(
        officer, "pre_complaint", summary="Unhappy", outcomes_sought=[code("outcome", "apology")]
    )
    page = signed_in.get(action_url(case, "edit")).content.decode()
    assert f'value="{code("outcome", "apology").pk}" checked' in page


def test_extending_shows_the_latest_date_allowed_and_refuses_beyond_it(signed_in, complaint):
    page = signed_in.get(action_url(complaint, "extend")).content.decode()
    # 20 working days from 12 September 2022 (State Funeral on the 19th).
    assert "11 October 2022" in page
    response = extend(signed_in, complaint, dt.date(2022, 10, 12), "Waiting for records")
    page = response.content.decode()
    assert response.status_code == 400
    assert "can be extended to 11 October 2022 at the latest" in page
    assert "Waiting for records</textarea>" in page


def test_an_adult_social_care_response_date_is_agreed_without_a_latest_date(signed_in, officer):
    """SI 2009/309 regulation 14: no maximum, but past 6 months (or the longer period agreed)
    the complainant is told why. The form says so instead of a latest date."""
    case = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    page = signed_in.get(action_url(case, "extend")).content.decode()
    assert "at the latest" not in page
    assert (
        "There is no latest date. If there is no response within 6 calendar months of the "
        "date the complaint was received, or the longer period agreed, the complainant must "
        "be told why (SI 2009/309 regulation 14)."
    ) in page
    response = extend(signed_in, case, dt.date(2023, 6, 30), "Agreed with Mr Khan")
    assert response.status_code == 302
    assert case.stage(1).extended_to == dt.date(2023, 6, 30)


def test_an_extension_keyed_late_is_dated_when_it_was_agreed(signed_in, complaint):
    # Agreed on 20 September, keyed today: the timeline puts it on the 20th, before a
    # response recorded since, not after it.
    page = signed_in.get(action_url(complaint, "extend")).content.decode()
    assert "When was the extension agreed?" in page
    response = post(
        signed_in,
        complaint,
        "extend",
        {
            **date_parts("to", dt.date(2022, 10, 11)),
            "reason": "Waiting for records",
            **date_parts("on", dt.date(2022, 9, 20)),
        },
    )
    assert response.status_code == 302
    event = complaint.events.get(kind=EventKind.STAGE_EXTENDED)
    assert event.happened_on == dt.date(2022, 9, 20)


def test_an_extension_agreed_before_its_stage_started_is_refused_beside_that_date(
    signed_in, complaint
):
    response = post(
        signed_in,
        complaint,
        "extend",
        {
            **date_parts("to", dt.date(2022, 10, 11)),
            "reason": "Waiting for records",
            **date_parts("on", dt.date(2022, 9, 1)),
        },
    )
    assert response.status_code == 400
    assert field_error(response.content.decode(), "id_on") == (
        "The date the extension was agreed (1 September 2022) cannot be before the start of "
        "Stage 1 (12 September 2022)"
    )


@pytest.mark.parametrize(
    ("action", "data", "field", "message"),
    [
        (
            "acknowledge",
            date_parts("on", dt.date(1985, 1, 1)),
            "id_on",
            "Date acknowledged must be in 1990 or later",
        ),
        (
            "extend",
            {**date_parts("to", dt.date(2080, 1, 2)), "reason": "Waiting for records"},
            "id_to",
            "New deadline must be in 2075 or earlier",
        ),
        (
            "contact",
            date_parts("happened_on", dt.date(1900, 1, 1)),
            "id_happened_on",
            "Date of the contact must be in 1990 or later",
        ),
    ],
)
def test_a_date_outside_the_known_calendar_is_refused_beside_it_on_every_move(
    signed_in, complaint, action, data, field, message
):
    response = post(signed_in, complaint, action, data)
    assert response.status_code == 400
    assert field_error(response.content.decode(), field) == message


def test_every_problem_with_an_extension_is_reported_in_one_round(signed_in, complaint):
    """QA on the demo: a new deadline a year beyond the maximum with no reason was told only
    "Enter the reason for the extension"; corrected, the date was refused after."""
    response = extend(signed_in, complaint, dt.date(2023, 9, 12), "")
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_reason") == "Enter the reason for the extension"
    assert field_error(page, "id_to").startswith(
        "Stage 1 can be extended to 11 October 2022 at the latest"
    )
    assert summary_links(page) == ["#id_to_day", "#id_reason"]


def test_the_latest_extension_is_shown_beside_the_new_deadline_too(signed_in, complaint):
    response = extend(signed_in, complaint, dt.date(2022, 10, 12), "Waiting for records")
    page = response.content.decode()
    assert field_error(page, "id_to").startswith(
        "Stage 1 can be extended to 11 October 2022 at the latest"
    )
    assert summary_links(page) == ["#id_to_day"]


def test_extending_an_foi_request_says_its_response_deadline_was_extended(signed_in, officer):
    """QA on the demo: the banner read "The response deadline extended to 1 February 2027",
    half a sentence; a complaint's reads "Stage 1 extended to ...". Received Monday 12
    September 2022: 20 working days UK-wide (the State Funeral on the 19th) is 11 October."""
    foi = record(officer, "foi_request", received_on=RECEIVED)
    response = extend(signed_in, foi, dt.date(2022, 10, 14), "Public interest test")
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Response deadline extended to 14 October 2022" in page
    assert "The response deadline extended" not in page


def test_an_extension_to_a_saturday_is_refused_beside_the_date_naming_the_monday(
    signed_in, complaint
):
    response = extend(signed_in, complaint, dt.date(2022, 10, 1), "Waiting for records")
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_to") == (
        "1 October 2022 is a Saturday: choose a working day, such as Monday 3 October 2022"
    )
    assert summary_links(page) == ["#id_to_day"]
    assert "Waiting for records</textarea>" in page
    assert complaint.stages.get().extended_to is None


def test_an_extension_within_the_maximum_moves_the_deadline(signed_in, complaint):
    response = extend(signed_in, complaint, dt.date(2022, 10, 11), "Advocate needed")
    assert response.status_code == 302
    assert complaint.stages.get().extended_to == dt.date(2022, 10, 11)


def test_responding_to_stage_1_records_the_finding_outcomes_and_learning(
    signed_in, complaint, code
):
    response = post(
        signed_in,
        complaint,
        "respond",
        {
            **date_parts("on", dt.date(2022, 9, 23)),
            "outcome": "partially_upheld",
            "actual_outcomes": [code("outcome", "apology").pk, code("outcome", "explanation").pk],
            "remedial_action": "yes",
            "remedial_action_details": "Cover rota for calls",
            "lessons_learned": "Return calls within a day",
            "learning_for_report": "A parent waited weeks for a call back.",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(pk=complaint.pk)
    stage = case.stages.get()
    assert (stage.outcome, stage.responded_on) == ("partially_upheld", dt.date(2022, 9, 23))
    assert {o.code for o in case.actual_outcomes.all()} == {"apology", "explanation"}
    assert case.remedial_action is True
    assert case.learning_for_report == "A parent waited weeks for a call back."


def test_emptying_the_learning_box_when_responding_takes_the_example_out_of_the_report(
    signed_in, complaint, officer, code
):
    """QA on the demo: the response form shows the case's learning for the annual report,
    but a box emptied there left the text on the case, and the public report printed it."""
    actions.update_details(
        complaint,
        by=officer,
        expected_version=complaint.version,
        learning_for_report="A draft the officer decided not to publish.",
    )
    answers = {**date_parts("on", dt.date(2022, 9, 23)), "outcome": "not_upheld"}
    answers["actual_outcomes"] = [code("outcome", "explanation").pk]
    response = post(signed_in, complaint, "respond", {**answers, "learning_for_report": " "})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.stage(1).outcome == "not_upheld"
    assert complaint.learning_for_report == ""


def test_remedial_action_answered_yes_needs_its_details_beside_the_field(signed_in, complaint):
    response = post(
        signed_in,
        complaint,
        "respond",
        {
            **date_parts("on", dt.date(2022, 9, 23)),
            "outcome": "upheld",
            "remedial_action": "yes",
            "remedial_action_details": "   ",
            "lessons_learned": "Return calls within a day",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_remedial_action_details") == (
        "Enter what remedial action was taken, or answer No"
    )
    assert summary_links(page) == ["#id_remedial_action_details"]
    # Everything typed is kept.
    assert 'value="yes" checked' in page and 'value="upheld" checked' in page
    assert "Return calls within a day</textarea>" in page
    assert complaint.stages.get().responded_on is None


def test_remedial_action_answered_no_needs_no_details(signed_in, complaint):
    response = post(
        signed_in,
        complaint,
        "respond",
        {**date_parts("on", dt.date(2022, 9, 23)), "outcome": "upheld", "remedial_action": "no"},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.remedial_action is False


def test_a_response_without_a_finding_is_refused_with_the_message(signed_in, complaint):
    response = post(signed_in, complaint, "respond", date_parts("on", dt.date(2022, 9, 23)))
    assert response.status_code == 400
    assert "Select whether the complaint was upheld" in response.content.decode()


def test_every_problem_with_a_response_is_reported_in_one_round(signed_in, complaint):
    """QA on the demo: a date before the stage started was only reported once the finding
    was chosen, so the person met a second round of errors after correcting the first."""
    response = post(
        signed_in,
        complaint,
        "respond",
        {**date_parts("on", dt.date(2022, 9, 9)), "remedial_action": "yes"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_on").startswith(
        "The date of the Stage 1 response (9 September 2022) cannot be before the start of "
        "Stage 1 (12 September 2022)"
    )
    assert field_error(page, "id_outcome") == "Select whether the complaint was upheld"
    assert field_error(page, "id_remedial_action_details") == (
        "Enter what remedial action was taken, or answer No"
    )
    assert summary_links(page) == ["#id_on_day", "#id_outcome_0", "#id_remedial_action_details"]
    assert complaint.stages.get().responded_on is None


def test_the_start_stage_button_names_the_stage_as_its_heading_does(signed_in, complaint, officer):
    """QA on the demo: the page "Start Stage 2" ended in a button "Start stage"."""
    actions.respond_to_stage(complaint, 1, by=officer, on=dt.date(2022, 9, 23), outcome="upheld")
    page = signed_in.get(action_url(complaint, "start-stage")).content.decode()
    assert 'data-module="govuk-button">Start Stage 2</button>' in page


def test_starting_stage_2_then_closing_after_its_response(signed_in, complaint, officer):
    actions.respond_to_stage(complaint, 1, by=officer, on=dt.date(2022, 9, 23), outcome="upheld")
    assert (
        post(
            signed_in, complaint, "start-stage", date_parts("requested_on", dt.date(2022, 9, 26))
        ).status_code
        == 302
    )
    assert complaint.stages.get(number=2).requested_on == dt.date(2022, 9, 26)
    # Closing while Stage 2 is open is not offered.
    assert signed_in.get(action_url(complaint, "close")).status_code == 302
    actions.respond_to_stage(
        complaint, 2, by=officer, on=dt.date(2022, 10, 20), outcome="not_upheld"
    )
    assert (
        post(signed_in, complaint, "close", date_parts("on", dt.date(2022, 10, 21))).status_code
        == 302
    )
    complaint.refresh_from_db()
    assert complaint.closed_on == dt.date(2022, 10, 21)


def test_a_late_stage_2_request_needs_the_council_to_accept_it(signed_in, complaint, officer):
    actions.respond_to_stage(complaint, 1, by=officer, on=dt.date(2022, 9, 23), outcome="upheld")
    late = date_parts("requested_on", dt.date(2022, 12, 1))
    response = post(signed_in, complaint, "start-stage", late)
    assert response.status_code == 400
    assert "the usual limit is 20" in response.content.decode()
    response = post(signed_in, complaint, "start-stage", {**late, "accept_late_request": "on"})
    assert response.status_code == 302


def test_a_pre_complaint_becomes_a_complaint(signed_in, officer):
    case = record(officer, "pre_complaint", received_on=RECEIVED)
    response = post(
        signed_in, case, "convert", {"to": "complaint", **date_parts("on", dt.date(2022, 9, 20))}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.record_type.code, case.converted_from.code) == ("complaint", "pre_complaint")
    assert case.stages.get().started_on == dt.date(2022, 9, 20)


def test_refusing_needs_a_reason_and_closes_the_complaint(signed_in, complaint, code):
    assert post(signed_in, complaint, "refuse", date_parts("on", RECEIVED)).status_code == 400
    response = post(
        signed_in,
        complaint,
        "refuse",
        {"reason": code("refusal_reason", "court_proceedings").pk, **date_parts("on", RECEIVED)},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.record_type.code == "refused" and complaint.closed_on == RECEIVED


def test_refusing_for_another_reason_asks_what_it_is_and_shows_it(signed_in, complaint, code):
    """QA: "Other" asked for no explanation. The reason is asked under "Other" (GOV.UK
    conditional reveal), refused beside it when empty, and shown on the case page and the
    timeline; typed under "Other" and then another reason chosen, it is not kept."""
    form = signed_in.get(action_url(complaint, "refuse")).content.decode()
    other = code("refusal_reason", "other").pk
    assert f'value="{other}" data-aria-controls="conditional-id_reason_' in form
    assert "govuk-radios__conditional govuk-radios__conditional--hidden" in form
    assert form.count('id="id_details"') == 1
    empty = post(signed_in, complaint, "refuse", {"reason": other, **date_parts("on", RECEIVED)})
    assert empty.status_code == 400
    page = empty.content.decode()
    assert field_error(page, "id_details") == "Enter what the other reason for the refusal is"
    # Shown open, with the error, since "Other" is chosen.
    assert 'class="govuk-radios__conditional" id="conditional-id_reason_' in page
    why = "A matter for the school's governing body"
    sent = {"reason": other, "details": why, **date_parts("on", RECEIVED)}
    assert post(signed_in, complaint, "refuse", sent).status_code == 302
    complaint.refresh_from_db()
    assert complaint.refusal_details == why
    case_page = html.unescape(signed_in.get(f"/cases/{complaint.reference}/").content.decode())
    assert case_page.count(f"Refused: Other – {why}") == 2  # the status, and the timeline


def test_an_explanation_typed_under_other_is_not_kept_for_another_reason(
    signed_in, complaint, code
):
    court = code("refusal_reason", "court_proceedings").pk
    sent = {"reason": court, "details": "Typed, then changed", **date_parts("on", RECEIVED)}
    assert post(signed_in, complaint, "refuse", sent).status_code == 302
    complaint.refresh_from_db()
    assert (complaint.refusal_reason.code, complaint.refusal_details) == ("court_proceedings", "")


def test_withdrawal_closes_the_case_and_it_can_be_reopened(signed_in, complaint):
    assert (
        post(signed_in, complaint, "withdraw", date_parts("on", dt.date(2022, 9, 14))).status_code
        == 302
    )
    complaint.refresh_from_db()
    assert complaint.closed_on == dt.date(2022, 9, 14)
    assert post(signed_in, complaint, "reopen", {"reason": ""}).status_code == 400
    assert post(signed_in, complaint, "reopen", {"reason": "Asked to continue"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.closed_on is None


def test_the_ombudsmans_enquiry_then_decision(signed_in, complaint, code):
    post(
        signed_in,
        complaint,
        "ombudsman-enquiry",
        {**date_parts("received_on", dt.date(2023, 3, 1)), "reference": "22 013 473"},
    )
    response = post(
        signed_in,
        complaint,
        "ombudsman-decision",
        {
            "decision": code("ombudsman_decision", "fault_injustice").pk,
            **date_parts("decided_on", dt.date(2023, 6, 1)),
            "remedy": "Apologise and pay £300",
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.ombudsman_reference == "22 013 473"
    assert complaint.ombudsman_decision.code == "fault_injustice"


def test_the_ombudsmans_enquiry_date_is_named_as_the_enquirys_in_its_errors(signed_in, complaint):
    # "Enter the date received" beside the case's own date received: which one was meant?
    for dates, error in (
        ({}, "Enter the date the enquiry arrived"),
        (
            date_parts("received_on", dt.date(2999, 1, 1)),
            "Date the enquiry arrived must be today or in the past",
        ),
    ):
        sent = {**dates, "reference": "22 013 473"}
        page = post(signed_in, complaint, "ombudsman-enquiry", sent).content.decode()
        assert field_error(page, "id_received_on") == error
        assert 'value="22 013 473"' in page


def test_an_ongoing_ombudsman_investigation_has_no_decision_date(
    signed_in, complaint, officer, code
):
    """QA: "Ongoing" was saved with a date of decision, which the case page then showed as
    if the Ombudsman had decided on it. An ongoing investigation has none: a date given is
    refused beside the date, naming it; a decision made is refused without one."""
    post(
        signed_in,
        complaint,
        "ombudsman-enquiry",
        {**date_parts("received_on", dt.date(2023, 3, 1)), "reference": "22 013 473"},
    )
    ongoing = code("ombudsman_decision", "ongoing").pk
    decided = code("ombudsman_decision", "no_fault").pk
    for sent, error in (
        (
            {"decision": ongoing, **date_parts("decided_on", dt.date(2023, 6, 1))},
            "Leave the date of the decision empty: an ongoing investigation has not been "
            "decided yet",
        ),
        ({"decision": decided}, "Enter the date of the decision"),
    ):
        page = post(signed_in, complaint, "ombudsman-decision", sent)
        assert page.status_code == 400
        assert field_error(page.content.decode(), "id_decided_on") == error
    complaint.refresh_from_db()
    assert complaint.ombudsman_decision is None
    assert post(signed_in, complaint, "ombudsman-decision", {"decision": ongoing}).status_code == (
        302
    )
    complaint.refresh_from_db()
    assert (complaint.ombudsman_decision.code, complaint.ombudsman_decided_on) == ("ongoing", None)
    with pytest.raises(actions.ProcedureError, match="ongoing investigation has not been decided"):
        actions.record_ombudsman_decision(
            complaint,
            by=officer,
            decision=code("ombudsman_decision", "ongoing"),
            decided_on=dt.date(2023, 6, 1),
        )


def test_a_recorded_ombudsman_decision_is_offered_as_a_change_opening_with_what_it_says(
    signed_in, complaint, code
):
    """QA on the demo: after the decision, the case page still offered "Record the
    Ombudsman's decision", whose blank form replaced the decision and its remedy."""
    test_the_ombudsmans_enquiry_then_decision(signed_in, complaint, code)
    case_page = signed_in.get(f"/cases/{complaint.reference}/").content.decode()
    assert "Change the Ombudsman&#x27;s decision" in case_page
    assert "Record the Ombudsman&#x27;s decision" not in case_page
    form = signed_in.get(action_url(complaint, "ombudsman-decision")).content.decode()
    chosen = code("ombudsman_decision", "fault_injustice").pk
    assert f'type="radio" value="{chosen}" checked' in form
    assert "Apologise and pay £300</textarea>" in form
    assert 'id="id_decided_on_month" name="decided_on_month" type="text"' in form
    assert 'name="decided_on_month" type="text" inputmode="numeric" value="6"' in form


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter the amount"),
        ("lots", "Amount must be a number, like 250.00"),
        ("0", "Amount must be more than £0.00"),
        # QA on the demo: Django's "Ensure that there are no more than 10 digits in total."
        ("12345678901", "Amount must be £99,999,999.99 or less"),
        ("100000000", "Amount must be £99,999,999.99 or less"),
        ("1.2345678901", "Amount must be in pounds and pence, like 250.00"),
        ("123456789.123", "Amount must be in pounds and pence, like 250.00"),
        # QA on the demo: "1e3" was recorded as £1,000.00; a comma in the wrong place is
        # more likely a decimal comma (£1.50) than a thousands separator.
        ("1e3", "Amount must be a number, like 250.00"),
        ("1,50", "Amount must be a number, like 250.00"),
        ("Infinity", "Amount must be a number, like 250.00"),
        # QA on the demo: "-5" is a number, and was told it is not.
        ("-5", "Amount must be more than £0.00"),
        ("- £250.00", "Amount must be more than £0.00"),
    ],
)
def test_a_payment_needs_an_amount_of_money(signed_in, complaint, amount, message):
    response = post(signed_in, complaint, "payment", {"amount": amount})
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_amount") == message
    assert "Ensure that" not in page


@pytest.mark.parametrize(
    ("typed", "recorded"),
    [("£250", "£250.00"), ("1,000.00", "£1,000.00"), ("£ 1,250.50", "£1,250.50")],
)
def test_an_amount_is_taken_as_people_write_money(signed_in, complaint, typed, recorded):
    """QA on the demo: "£250" and "1,000.00" were refused as "must be a number"."""
    response = post(signed_in, complaint, "payment", {"amount": typed})
    assert response.status_code == 302
    assert str(complaint.payments.get()) == recorded


def test_the_largest_amount_a_payment_holds_is_recorded(signed_in, complaint):
    response = post(signed_in, complaint, "payment", {"amount": "99999999.99"})
    assert response.status_code == 302
    assert str(complaint.payments.get()) == "£99,999,999.99"


def test_a_payment_is_recorded(signed_in, complaint):
    response = post(
        signed_in,
        complaint,
        "payment",
        {
            "amount": "300.00",
            **date_parts("paid_on", dt.date(2023, 6, 10)),
            "reason": "Time and trouble",
        },
    )
    assert response.status_code == 302
    assert str(complaint.payments.get()) == "£300.00"


def test_back_then_save_payment_again_is_told_the_payment_is_there_not_paid_twice(
    signed_in, complaint
):
    """QA on the demo: Back after "Save payment" (the browser fetches the form afresh, with
    the case's new version, and puts back what was typed), then "Save payment" again,
    recorded £50.00 twice: "£100.00 in 2 payments"."""
    paid = {"amount": "50", **date_parts("paid_on", dt.date(2022, 9, 20)), "reason": "Delay"}
    assert post(signed_in, complaint, "payment", paid).status_code == 302
    again = post(signed_in, complaint, "payment", paid)
    assert again.status_code == 400
    assert field_error(again.content.decode(), "id_separate").startswith(
        f"A payment of £50.00 for &#x27;Delay&#x27;, paid on 20 September 2022, is already "
        f"recorded on {complaint.reference}, by "
    )
    assert complaint.payments.count() == 1


def test_a_separate_payment_of_the_same_amount_is_asked_about_only_when_it_matters(
    signed_in, complaint
):
    """The question "is this a separate payment?" is not on the form until a payment of the
    same amount and date is found; then it is asked beside the refusal, and answering it
    records the second payment."""
    form = signed_in.get(action_url(complaint, "payment")).content.decode()
    assert '<input type="hidden" name="separate" id="id_separate">' in form
    assert 'id="id_separate" name="separate" type="checkbox"' not in form
    paid = {"amount": "200", **date_parts("paid_on", dt.date(2022, 9, 20)), "reason": "Mother"}
    assert post(signed_in, complaint, "payment", paid).status_code == 302
    second = {**paid, "reason": "Father"}
    again = post(signed_in, complaint, "payment", second)
    page = again.content.decode()
    assert again.status_code == 400
    assert 'id="id_separate" name="separate" type="checkbox"' in page
    assert 'href="#id_separate"' in page
    assert post(signed_in, complaint, "payment", {**second, "separate": "on"}).status_code == 302
    assert complaint.payments.count() == 2


def test_advocacy_offered_and_taken_up(signed_in, complaint):
    response = post(
        signed_in,
        complaint,
        "advocacy",
        {
            "offered": "yes",
            **date_parts("offered_on", RECEIVED),
            "taken_up": "yes",
            "provider": "NYAS",
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.advocacy_offered, complaint.advocacy_taken_up) == (True, True)


def test_assigning_an_officer_and_a_responding_manager(signed_in, complaint, officer, responding):
    response = post(
        signed_in,
        complaint,
        "assign",
        {"officer": officer.pk, "responding_manager": responding.pk},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.assigned_officer == officer
    assert complaint.stages.get().responding_manager == responding
    assert post(signed_in, complaint, "assign", {}).status_code == 400


def test_assigning_no_one_is_told_beside_the_officer_and_linked_from_the_summary(
    signed_in, complaint
):
    """QA on the demo: "Choose who to assign" stood in the error summary with no link, and
    beside no answer."""
    response = post(signed_in, complaint, "assign", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_officer") == "Choose who to assign"
    assert summary_links(page) == ["#id_officer"]


def test_assigning_someone_who_left_while_the_form_was_open_says_so_beside_them(
    signed_in, complaint, responding
):
    # QA on the demo: Django's "Select a valid choice. That choice is not one of the
    # available choices." when the person chosen had been made inactive meanwhile.
    responding.is_active = False
    responding.save()
    response = post(signed_in, complaint, "assign", {"responding_manager": responding.pk})
    page = response.content.decode()
    assert response.status_code == 400
    assert field_error(page, "id_responding_manager") == (
        "The person you chose can no longer be given cases: select someone from the list"
    )
    assert summary_links(page) == ["#id_responding_manager"]


def contact_before_receipt(signed_in, complaint, code, **answers):
    """Log a contact dated 9 September 2022 on a complaint received on the 12th."""
    return post(
        signed_in,
        complaint,
        "contact",
        {
            **date_parts("happened_on", dt.date(2022, 9, 9)),
            "direction": "incoming",
            "method": code("how_received", "telephone").pk,
            "summary": "Called before writing in",
            **answers,
        },
    )


def test_a_contact_before_the_case_was_received_is_refused_beside_its_date(
    signed_in, complaint, code
):
    """QA on the demo: "The contact cannot be before the date the case was received" stood
    in the error summary alone, linking nowhere, and did not say when that was."""
    response = contact_before_receipt(signed_in, complaint, code)
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_happened_on") == (
        "The date of the contact (9 September 2022) cannot be before the date received "
        "(12 September 2022)"
    )
    assert summary_links(page) == ["#id_happened_on_day"]
    assert "Called before writing in</textarea>" in page


def test_a_contact_s_date_and_its_other_answers_are_all_refused_in_one_round(
    signed_in, complaint, code
):
    response = contact_before_receipt(signed_in, complaint, code, with_whom="x" * 201)
    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == ["#id_happened_on_day", "#id_with_whom"]
    assert "cannot be before the date received" in field_error(page, "id_happened_on")


def test_a_contact_from_us_cannot_be_from_the_ombudsman_s_office(signed_in, complaint, code):
    """QA: "Log a contact" saved "From us" with "From the Ombudsman's office" as how it was
    made. The combination is refused beside "How", with everything typed kept."""
    answers = {
        **date_parts("happened_on", dt.date(2022, 9, 13)),
        "direction": "outgoing",
        "method": code("how_received", "ombudsman").pk,
        "with_whom": "Ms Patel, Assistant Ombudsman",
        "summary": "Sent the case file",
    }
    response = post(signed_in, complaint, "contact", answers)
    assert response.status_code == 400
    page = response.content.decode()
    assert html.unescape(field_error(page, "id_method")) == (
        'A contact from us cannot be "From the Ombudsman\'s office": select how it was made, '
        "for example Email or Letter"
    )
    assert summary_links(page) == ["#id_method"]
    assert 'value="outgoing" checked' in page or 'checked value="outgoing"' in page
    assert "Ms Patel, Assistant Ombudsman" in page and "Sent the case file</textarea>" in page
    assert not complaint.contacts.exists()
    # The same contact coming in from the Ombudsman's office is what the choice is for.
    response = post(signed_in, complaint, "contact", {**answers, "direction": "incoming"})
    assert response.status_code == 302
    assert complaint.contacts.get().method.code == "ombudsman"


def test_logging_a_contact_and_adding_a_note(signed_in, complaint, code):
    response = post(
        signed_in,
        complaint,
        "contact",
        {
            **date_parts("happened_on", dt.date(2022, 9, 13)),
            "time": "14:30",
            "direction": "outgoing",
            "method": code("how_received", "telephone").pk,
            "summary": "Discussed the complaint",
        },
    )
    assert response.status_code == 302
    contact = complaint.contacts.get()
    assert contact.happened_at.astimezone().hour in (13, 14)
    assert post(signed_in, complaint, "contact", {"time": "25:99"}).status_code == 400
    assert post(signed_in, complaint, "note", {"text": "Manager aware"}).status_code == 302
    assert complaint.events.filter(kind=EventKind.NOTE).count() == 1


def test_a_responding_manager_answers_their_stage_but_may_not_close(
    client, complaint, officer, responding
):
    actions.assign(complaint, by=officer, responding_manager=responding)
    client.force_login(responding)
    response = post(
        client,
        complaint,
        "respond",
        {**date_parts("on", dt.date(2022, 9, 23)), "outcome": "upheld", "remedial_action": "no"},
    )
    assert response.status_code == 302
    assert client.get(action_url(complaint, "close")).status_code == 403
    assert client.get(action_url(complaint, "assign")).status_code == 403


@pytest.mark.parametrize("move, label", [("close", "Close the case"), ("refuse", "Refuse")])
def test_a_responding_manager_refused_a_complaints_team_move_is_told_why_and_whom_to_ask(
    client, complaint, officer, responding, move, label
):
    """QA on the demo: a responding manager following a link to close or refuse a case got
    "You do not have permission to view this page" and nothing about why, or what to do."""
    actions.assign(complaint, by=officer, officer=officer, responding_manager=responding)
    client.force_login(responding)
    response = client.get(action_url(complaint, move))
    page = response.content.decode()
    assert response.status_code == 403
    assert f"‘{label}’ is for the complaints team, not a responding manager" in page
    assert f"ask {officer.get_full_name()}, the case officer, to do it" in page
    assert "your account does not have access to this page" not in page


def test_a_responding_manager_sent_to_record_a_representation_is_told_whose_it_is(
    client, responding
):
    client.force_login(responding)
    response = client.get("/cases/new/")
    assert response.status_code == 403
    assert "Recording a representation is for the complaints team" in response.content.decode()


def test_a_responding_manager_cannot_act_on_a_case_not_assigned_to_them(
    client, complaint, responding
):
    client.force_login(responding)
    assert client.get(action_url(complaint, "note")).status_code == 404


def test_an_unknown_action_or_reference_is_not_found(signed_in, complaint):
    assert signed_in.get(action_url(complaint, "teleport")).status_code == 404
    assert signed_in.get("/cases/CS-2099-00001/acknowledge/").status_code == 404


def test_actions_accept_only_get_and_post(signed_in, complaint):
    assert signed_in.delete(action_url(complaint, "acknowledge")).status_code == 405


def test_a_stale_response_keeps_the_outcomes_ticked_and_says_what_changed(
    signed_in, complaint, manager, code
):
    opened_at = complaint.version
    actions.add_note(complaint, by=manager, text="Not a change of version")
    actions.assign(complaint, by=manager, officer=manager)
    apology = code("outcome", "apology").pk
    response = post(
        signed_in,
        complaint,
        "respond",
        {
            **date_parts("on", dt.date(2022, 9, 23)),
            "outcome": "upheld",
            "actual_outcomes": [apology],
            "remedial_action": "no",
        },
        version=opened_at,
    )
    page = response.content.decode()
    assert response.status_code == 409
    # Who, by name, and what, in the words of the case page.
    assert "Assigned by Manager Tester" in page
    assert "Assigned officer: none became Manager Tester" in page
    assert f'value="{apology}" checked' in page
    assert 'value="upheld" checked' in page
    assert complaint.stages.get().responded_on is None


def test_the_case_now_panel_after_a_clash_names_the_stage_and_says_what_is_not_recorded(
    signed_in, complaint, officer, manager
):
    actions.acknowledge(complaint, by=officer, on=RECEIVED)
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=dt.date(2022, 9, 14))
    complaint.refresh_from_db()
    opened_at = complaint.version
    # Someone else records the Stage 2 response: no deadline is left, nothing learned yet.
    actions.respond_to_stage(
        complaint, 2, by=manager, on=dt.date(2022, 10, 3), outcome="not_upheld"
    )
    response = post(
        signed_in,
        complaint,
        "edit",
        {**date_parts("received_on", RECEIVED), "summary": "Corrected"},
        version=opened_at,
    )
    page = response.content.decode()
    assert response.status_code == 409
    panel = page[page.index("The case now") :]
    assert '<dd class="govuk-summary-list__value">Stage 2</dd>' in panel
    assert '<dd class="govuk-summary-list__value">No deadline</dd>' in panel
    assert '<dd class="govuk-summary-list__value">Not recorded</dd>' in panel
    assert ">None<" not in panel


def test_the_case_now_panel_names_the_next_deadline_and_what_it_is(signed_in, complaint, manager):
    opened_at = complaint.version
    actions.acknowledge(complaint, by=manager, on=RECEIVED)
    response = post(
        signed_in,
        complaint,
        "edit",
        {**date_parts("received_on", RECEIVED), "summary": "Corrected"},
        version=opened_at,
    )
    panel = response.content.decode().split("The case now", 1)[1]
    assert "27 September 2022 (Stage 1 response)" in panel
    assert "Acknowledged" in panel and "12 September 2022" in panel


def test_editing_after_a_clash_keeps_the_other_persons_changes_where_this_one_made_none(
    signed_in, complaint, manager, code
):
    """A opens Edit details; B changes the summary and ticks a nature and saves; A changes
    the lessons learned. A is told of B's changes, lists included, and saving again keeps
    both people's changes: nothing of B's is undone by the page A had open."""
    opened = signed_in.get(action_url(complaint, "edit")).context["form"]
    typed = {
        name: value
        for name, value in opened.initial.items()
        if name not in ("received_on", "natures", "service_teams", "outcomes_sought")
    }
    typed = {name: "" if value is None else value for name, value in typed.items()}
    typed.update(date_parts("received_on", complaint.received_on))
    typed["natures"] = [n.pk for n in complaint.natures.all()]
    typed["service_teams"] = [t.pk for t in complaint.service_teams.all()]
    typed["outcomes_sought"] = [o.pk for o in complaint.outcomes_sought.all()]
    typed["how_received"] = complaint.how_received_id or ""
    typed["complainant_type"] = complaint.complainant_type_id or ""
    conduct = code("nature", "conduct_of_worker")
    actions.update_details(
        complaint,
        by=manager,
        expected_version=complaint.version,
        summary="B's summary",
        natures=[*complaint.natures.all(), conduct],
    )
    typed["lessons_learned"] = "Return calls within two working days."
    response = post(signed_in, complaint, "edit", typed, version=opened.initial["expected_version"])
    assert response.status_code == 409
    page = response.content.decode()
    assert "Summary: &#x27;Social worker did not return calls for three weeks.&#x27; became" in page
    assert (
        "Nature of the complaint: Poor communication became Conduct of worker, Poor communication"
    ) in page
    again = response.context["form"]
    assert again.data["summary"] == "B's summary"
    assert sorted(map(int, again.data.getlist("natures"))) == sorted(
        n.pk for n in complaint.natures.all()
    )
    assert again.data["lessons_learned"] == "Return calls within two working days."
    # Saving again, as the page now stands, keeps both.
    saved = signed_in.post(action_url(complaint, "edit"), dict(again.data.lists()))
    assert saved.status_code == 302
    complaint.refresh_from_db()
    assert complaint.summary == "B's summary"
    assert conduct in complaint.natures.all()
    assert complaint.lessons_learned == "Return calls within two working days."


@pytest.mark.parametrize("opened_with", ["[1, 2]", '"text"', '{"summary": "not a list"}'])
def test_a_clash_on_an_edit_whose_opening_values_were_tampered_with_is_still_told(
    signed_in, complaint, manager, opened_with
):
    """QA on the demo: a hand-made "opened_with" that was JSON but not the form's own was a
    server error when the case had changed meanwhile. What cannot be read is ignored: the
    person is told of the clash and keeps what they typed."""
    version = complaint.version
    actions.update_details(complaint, by=manager, expected_version=version, summary="B's summary")
    typed = {
        **date_parts("received_on", complaint.received_on),
        "summary": "A's summary",
        "opened_with": opened_with,
    }
    response = post(signed_in, complaint, "edit", typed, version=version)
    assert response.status_code == 409
    assert response.context["form"].data["summary"] == "A's summary"


def test_a_contact_cannot_be_logged_for_later_today(
    signed_in, complaint, on_14_september_2022, code
):
    contact = {
        **date_parts("happened_on", on_14_september_2022),
        "direction": "incoming",
        "method": code("how_received", "telephone").pk,
        "summary": "Mother rang about the visit.",
    }
    response = post(signed_in, complaint, "contact", {**contact, "time": "23:59"})
    assert response.status_code == 400
    assert field_error(response.content.decode(), "id_time") == (
        "The contact cannot be later than now: enter the time it happened"
    )
    # With no time given, one logged at ten in the morning happened by then, not at noon.
    assert post(signed_in, complaint, "contact", contact).status_code == 302
    happened = complaint.contacts.get().happened_at.astimezone(ZoneInfo("Europe/London"))
    assert (happened.hour, happened.minute) == (10, 0)


@pytest.mark.parametrize(
    ("action", "data", "field_id", "message"),
    [
        (
            "contact",
            {"with_whom": "W" * 201},
            "id_with_whom",
            "Who the contact was with must be 200 characters or fewer",
        ),
        (
            "advocacy",
            {"offered": "yes", "provider": "P" * 201},
            "id_provider",
            "Advocacy provider must be 200 characters or fewer",
        ),
        (
            "payment",
            {"amount": "10", "reason": "R" * 201},
            "id_reason",
            "What the payment is for must be 200 characters or fewer",
        ),
    ],
)
def test_an_answer_longer_than_the_case_keeps_is_refused_beside_it(
    signed_in, complaint, code, action, data, field_id, message
):
    """QA on the demo: 300 characters in "With whom" or "Advocacy provider" were accepted,
    which PostgreSQL refuses to keep (a server error); Django's own words were "Ensure this
    value has at most 200 characters"."""
    if action == "contact":
        data = {
            **date_parts("happened_on", dt.date(2022, 9, 13)),
            "direction": "outgoing",
            "method": code("how_received", "telephone").pk,
            "summary": "Discussed the complaint",
            **data,
        }
    version = Case.objects.get(pk=complaint.pk).version
    response = post(signed_in, complaint, action, data)
    assert response.status_code == 400
    assert field_error(response.content.decode(), field_id) == message
    assert Case.objects.get(pk=complaint.pk).version == version
    assert not complaint.contacts.exists()


def test_a_form_sent_without_its_cookie_is_told_in_words_on_a_govuk_page(officer, complaint):
    # QA of the import page: with the browser's cookies cleared after a page was opened,
    # sending its form gave Django's own "Forbidden (403) CSRF verification failed" page.
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer)
    response = browser.post(
        action_url(complaint, "note"), {"text": "A note", "csrfmiddlewaretoken": "made-up"}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Sorry, your form could not be sent</h1>" in page
    assert 'class="govuk-template__body"' in page
    assert "CSRF" not in page
    assert not complaint.events.filter(description="A note").exists()


def test_telling_an_adult_social_care_complainant_why_there_is_no_response_yet(signed_in, officer):
    """SI 2009/309 regulation 14: at 6 months without a response, the complainant is told
    why. The form says by when; what they were told is on the case and its timeline."""
    case = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    page = signed_in.get(action_url(case, "explain-delay")).content.decode()
    assert (
        "If there is no response within 6 calendar months of the date the complaint was "
        "received, or the longer period agreed, the complainant must be told why (SI 2009/309 "
        "regulation 14): by 13 March 2023 on this case."
    ) in page
    told = dt.date(2023, 3, 10)
    response = post(signed_in, case, "explain-delay", {**date_parts("on", told), "explanation": ""})
    assert response.status_code == 400
    assert "Enter what they were told" in response.content.decode()
    assert 'value="10"' in response.content.decode()  # what was typed stays
    response = post(
        signed_in,
        case,
        "explain-delay",
        {**date_parts("on", told), "explanation": "The provider's records are awaited."},
    )
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Recorded that the complainant was told why" in page
    assert "Told why there is no response yet" in page
    assert "The provider&#x27;s records are awaited." in page
    # Told once: the move is no longer offered, and a second go says when it was done.
    assert action_url(case, "explain-delay") not in page
    page = signed_in.get(action_url(case, "explain-delay"), follow=True).content.decode()
    assert "The complainant was told why on 10 March 2023." in page


def test_a_childrens_complaint_has_no_notice_of_delay_to_record(signed_in, complaint):
    page = signed_in.get(f"/cases/{complaint.reference}/").content.decode()
    assert action_url(complaint, "explain-delay") not in page
    page = signed_in.get(action_url(complaint, "explain-delay"), follow=True).content.decode()
    assert "Stage 1 has no notice of delay: its deadline is the one to meet." in page


def test_an_adult_social_care_response_date_is_agreed_and_changed_not_extended(signed_in, officer):
    """SI 2009/309: the response period is agreed with the complainant (reg 13), so there is
    no deadline to extend. "Extend the response deadline", "Why is more time needed?" and
    "Deadline extended to" read to a complaints officer as if a deadline had run out."""
    case = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    page = signed_in.get(f"/cases/{case.reference}/").content.decode()
    assert "Agree a response date" in page
    assert "Extend the response deadline" not in page
    page = signed_in.get(action_url(case, "extend")).content.decode()
    assert '<h1 class="govuk-heading-l">Agree a response date</h1>' in page
    assert "What response date was agreed?" in page
    assert "How was it agreed with the complainant?" in page
    assert "When was it agreed?" in page
    assert "New deadline" not in page and "Why is more time needed?" not in page
    page = extend(signed_in, case, dt.date(2022, 11, 10), "").content.decode()
    assert "Enter how it was agreed" in page
    assert "reason for the extension" not in page

    response = extend(signed_in, case, dt.date(2022, 11, 10), "On the telephone")
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert page.count("Response date agreed: 10 November 2022") == 2  # headline, timeline
    assert "Deadline extended" not in page and "Extend the response deadline" not in page
    assert "Change the agreed response date" in page

    page = extend(signed_in, case, dt.date(2022, 11, 9), "Asked for sooner").content.decode()
    assert "The new date must be after the one agreed before (10 November 2022)" in page
    response = extend(signed_in, case, dt.date(2022, 12, 1), "She asked for more time")
    page = signed_in.get(response["Location"]).content.decode()
    # The banner says "changed" too, as the timeline does: not "agreed" as if for the first time.
    assert page.count("Agreed response date changed to 1 December 2022") == 2
    assert "Response date agreed: 1 December 2022" not in page


def test_a_notice_of_delay_dated_before_the_complaint_was_received_says_so(signed_in, officer):
    # It said "cannot be before the start of its clock": the 6 months of SI 2009/309 reg 14
    # count from the day the complaint was received, and that is what the officer knows.
    case = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    response = post(
        signed_in,
        case,
        "explain-delay",
        {**date_parts("on", dt.date(2022, 9, 9)), "explanation": "Wrote to explain."},
    )
    assert response.status_code == 400
    assert (
        "The date they were told (9 September 2022) cannot be before the date the complaint "
        "was received (12 September 2022)"
    ) in html.unescape(response.content.decode())


def test_the_notice_of_delay_is_a_button_once_it_falls_due(signed_in, officer):
    # The banner said "Tell the complainant why there is no response yet … overdue" while
    # the only button was "Record the response": the notice was a link among the actions.
    late = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    recent = record(officer, "adult_social_care_complaint", received_on=dt.date(2023, 4, 3))
    for case in (late, recent):
        actions.acknowledge(case, by=officer, on=case.received_on)

    def buttons(case) -> str:
        page = signed_in.get(f"/cases/{case.reference}/").content.decode()
        return page.split('class="govuk-button-group app-primary-moves"')[1].split("</div>")[0]

    with time_machine.travel(dt.datetime(2023, 4, 17, 10, 0, tzinfo=ZoneInfo("Europe/London"))):
        assert action_url(late, "explain-delay") in buttons(late)
        assert action_url(late, "respond") in buttons(late)
        # Not yet 6 months: the response is what is due, and the notice stays among the actions.
        assert action_url(recent, "explain-delay") not in buttons(recent)


def test_a_notice_of_delay_with_nothing_said_and_dated_too_early_is_told_both_at_once(
    signed_in, officer
):
    # It said "Enter what they were told" alone, then the date only once the words were in.
    case = record(officer, "adult_social_care_complaint", received_on=RECEIVED)
    response = post(
        signed_in,
        case,
        "explain-delay",
        {**date_parts("on", dt.date(2022, 9, 9)), "explanation": ""},
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Enter what they were told" in page
    assert "cannot be before the date the complaint was received (12 September 2022)" in page
    assert "Say what they were told" not in page
