"""Which moves the case page offers, from the case's state and its procedure's declaration."""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.models import Case
from heeded.cases.tests.factories import record
from heeded.casework.moves import available_moves, may_ever, why_not
from heeded.casework.views.actions import FORMS

from .conftest import RECEIVED

pytestmark = pytest.mark.django_db


def slugs(case, user):
    case.refresh_from_db()
    return [m.slug for m in available_moves(case, user)]


def test_a_new_complaint_can_be_acknowledged_extended_and_answered_but_not_closed(
    complaint, officer
):
    moves = slugs(complaint, officer)
    assert {"acknowledge", "extend", "respond", "refuse", "withdraw", "advocacy"} <= set(moves)
    assert "close" not in moves
    assert "start-stage" not in moves


def test_once_acknowledged_acknowledge_is_no_longer_offered(complaint, officer):
    actions.acknowledge(complaint, by=officer, on=RECEIVED)
    assert "acknowledge" not in slugs(complaint, officer)


def test_after_the_stage_1_response_stage_2_and_closure_are_offered(complaint, officer):
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    moves = available_moves(complaint, officer)
    assert ("start-stage", 2) in [(m.slug, m.stage_number) for m in moves]
    assert "close" in [m.slug for m in moves]
    assert "respond" not in [m.slug for m in moves]
    # A stage has been answered: the record type can no longer change, nor be refused.
    assert not {"convert", "refuse"} & {m.slug for m in moves}


def test_a_withdrawn_complaint_cannot_be_escalated_but_can_be_reopened(complaint, officer):
    actions.withdraw(complaint, by=officer, on=RECEIVED + dt.timedelta(days=2))
    moves = slugs(complaint, officer)
    assert "start-stage" not in moves
    assert "reopen" in moves


def test_a_stage_extended_to_its_statutory_maximum_is_not_offered_another_extension(
    complaint, officer
):
    """QA on the demo: "Extend Stage 1" stayed on the case page after the extension to the
    most the regulations allow, and its form then refused every date.

    Received 12 September 2022: 20 working days, the Queen's funeral (19 September) not
    among them, end on 11 October 2022 (SI 2006/1738 regulation 14)."""
    actions.extend_stage(complaint, 1, by=officer, to=dt.date(2022, 10, 10), reason="Complex")
    assert "extend" in slugs(complaint, officer)
    actions.extend_stage(complaint, 1, by=officer, to=dt.date(2022, 10, 11), reason="Complex")
    assert "extend" not in slugs(complaint, officer)
    assert why_not(complaint, "extend", officer) == (
        f"Stage 1 of {complaint.reference} is already extended to 11 October 2022, the latest "
        "allowed (20 working days from the start of the stage; SI 2006/1738 regulation 14)."
    )


def test_a_compliment_has_no_stages_so_it_can_simply_be_closed(officer):
    compliment = record(officer, "compliment")
    moves = slugs(compliment, officer)
    assert "close" in moves
    assert not {"acknowledge", "respond", "extend", "withdraw", "refuse", "advocacy"} & set(moves)


def test_stage_3_offers_the_panel_meeting_then_its_report(complaint, officer):
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=RECEIVED)
    actions.respond_to_stage(complaint, 2, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 3, by=officer, requested_on=RECEIVED)
    assert "panel-held" in slugs(complaint, officer)
    assert "respond" not in slugs(complaint, officer)
    actions.record_panel(complaint, by=officer, held_on=RECEIVED + dt.timedelta(days=10))
    moves = slugs(complaint, officer)
    assert "panel-report" in moves and "panel-held" not in moves
    # The authority's response answers the panel's report: offered once it is in.
    assert "respond" not in moves
    actions.record_panel_report(complaint, by=officer, on=RECEIVED + dt.timedelta(days=12))
    assert "respond" in slugs(complaint, officer)


def test_stage_3_says_which_deadline_cannot_be_extended(complaint, officer):
    # "The authority's response to the panel deadline cannot be extended" read as a
    # response to a deadline.
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=RECEIVED)
    actions.respond_to_stage(complaint, 2, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 3, by=officer, requested_on=RECEIVED)
    assert why_not(complaint, "extend", officer) == (
        "The deadline for the authority's response to the panel cannot be extended: "
        "SI 2006/1738 regulation 20."
    )


def test_corporate_stage_2_is_acknowledged_separately(officer):
    case = record(officer, "corporate_complaint")
    actions.respond_to_stage(case, 1, by=officer, on=RECEIVED, outcome="upheld")
    actions.start_stage(case, 2, by=officer, requested_on=RECEIVED)
    assert "acknowledge-stage" in slugs(case, officer)


def test_corporate_stage_2_offers_no_statement_of_complaint(officer):
    # A children's Stage 2 step: offered on a corporate Stage 2, it could move that clock.
    case = record(officer, "corporate_complaint")
    actions.respond_to_stage(case, 1, by=officer, on=RECEIVED, outcome="upheld")
    actions.start_stage(case, 2, by=officer, requested_on=RECEIVED)
    assert "agree-statement" not in slugs(case, officer)
    assert why_not(case, "agree-statement", officer) == (
        "The Corporate complaints procedure (Ombudsman's Complaint Handling Code) has no "
        "statement of complaint."
    )


def test_an_foi_request_is_answered_and_extended_but_never_refused_as_a_complaint(officer):
    request = record(officer, "foi_request")
    moves = slugs(request, officer)
    assert {"respond", "extend"} <= set(moves)
    assert "refuse" not in moves and "advocacy" not in moves


def test_a_responding_manager_may_answer_but_not_close_assign_or_refuse(
    complaint, responding, officer
):
    actions.assign(complaint, by=officer, responding_manager=responding, stage_number=1)
    moves = slugs(complaint, responding)
    assert {"respond", "extend", "note", "contact", "document"} <= set(moves)
    assert not {"assign", "refuse", "close", "edit", "convert"} & set(moves)
    assert not may_ever(responding, "close")


def test_a_responding_manager_moves_on_only_the_stage_given_to_them(
    complaint, responding, officer, django_user_model
):
    """Stage 1 was theirs; Stage 2 is a colleague's: they may still write on the case, but
    not answer or extend Stage 2."""
    colleague = django_user_model.objects.create(username="colleague")
    actions.assign(complaint, by=officer, responding_manager=responding, stage_number=1)
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(complaint, 2, by=officer, requested_on=RECEIVED)
    actions.assign(complaint, by=officer, responding_manager=colleague, stage_number=2)
    moves = set(slugs(complaint, responding))
    assert {"note", "contact", "document"} <= moves
    assert not {"respond", "extend", "agree-statement"} & moves
    # Told why, not that the case has moved on.
    assert why_not(complaint, "respond", responding) == (
        f"Stage 2 of {complaint.reference} is given to another responding manager: they, or "
        "the complaints team, can record it."
    )


def test_a_case_answered_before_it_was_acknowledged_is_not_chased_for_it(complaint, officer):
    assert complaint.next_deadline_what == "Acknowledgement"
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="upheld")
    complaint.refresh_from_db()
    assert "acknowledge" not in slugs(complaint, officer)
    assert complaint.next_deadline is None


def test_a_closed_case_offers_only_reopening_among_the_end_moves(complaint, officer):
    actions.respond_to_stage(complaint, 1, by=officer, on=RECEIVED, outcome="upheld")
    actions.close(complaint, by=officer, on=RECEIVED)
    moves = slugs(complaint, officer)
    assert "reopen" in moves
    assert not {"close", "withdraw", "refuse", "convert"} & set(moves)


def test_every_move_offered_has_a_form(complaint, officer):
    for move in available_moves(complaint, officer):
        assert move.slug in FORMS


def test_working_out_the_moves_needs_no_queries_once_the_stages_are_loaded(
    complaint, officer, django_assert_num_queries
):
    from heeded.casework.selectors import case_for

    case = case_for(officer, complaint.reference)
    with django_assert_num_queries(0):
        available_moves(case, officer)


def labels(case, user):
    case.refresh_from_db()
    return {m.slug: m.label for m in available_moves(case, user)}


def test_an_foi_requests_moves_name_the_response_not_a_stage(officer):
    moves = labels(record(officer, "foi_request"), officer)
    assert moves["respond"] == "Record the response"
    assert moves["extend"] == "Extend the response deadline"


def test_a_complaints_moves_name_the_stage(complaint, officer):
    moves = labels(complaint, officer)
    assert moves["respond"] == "Record the Stage 1 response"
    assert moves["extend"] == "Extend Stage 1"


@pytest.mark.parametrize("record_type", ["foi_request", "eir_request", "subject_access_request"])
def test_an_information_request_offers_no_ombudsman_enquiry_or_payment(officer, record_type):
    moves = slugs(record(officer, record_type), officer)
    assert not {"ombudsman-enquiry", "ombudsman-decision", "payment"} & set(moves)


def test_a_complaint_offers_the_ombudsman_enquiry_and_payments(complaint, officer):
    assert {"ombudsman-enquiry", "payment"} <= set(slugs(complaint, officer))


def test_following_an_old_link_to_an_foi_ombudsman_enquiry_says_where_it_goes(client, officer):
    foi = record(officer, "foi_request")
    client.force_login(officer)
    response = client.get(f"/cases/{foi.reference}/ombudsman-enquiry/", follow=True)
    assert (
        f"{foi.reference} (Freedom of Information request) goes to the Information "
        "Commissioner, not the Local Government and Social Care Ombudsman."
    ) in response.content.decode()


def test_an_information_request_is_withdrawn_by_the_requester(officer):
    request = record(officer, "foi_request")
    labels = {m.slug: m.label for m in available_moves(request, officer)}
    assert labels["withdraw"] == "Withdrawn by the requester"


def test_a_refused_case_is_never_told_to_reopen_first(complaint, officer, code):
    actions.refuse(complaint, by=officer, reason=code("refusal_reason", "out_of_time"), on=RECEIVED)
    complaint.refresh_from_db()
    for slug in ("respond", "extend", "withdraw", "reopen", "close"):
        assert why_not(complaint, slug) == (
            f"{complaint.reference} was refused: it is not in the complaints procedure. "
            "Record a new representation instead."
        ), slug


def test_a_refused_complaint_says_to_record_a_new_representation_wherever_it_is_refused(
    client, complaint, officer, code
):
    """QA: reopening a refused complaint, or changing its record type, was refused with
    "it is not in the complaints procedure" and no word of what to do; the advice the
    reopening action had ("record a new representation instead") is given everywhere: on
    the case page's moves, at a direct address, and by the actions themselves."""
    actions.refuse(complaint, by=officer, reason=code("refusal_reason", "out_of_time"), on=RECEIVED)
    complaint.refresh_from_db()
    advice = "Record a new representation instead."
    for slug in ("reopen", "convert", "start-stage", "refuse"):
        assert why_not(complaint, slug).endswith(advice), slug
    client.force_login(officer)
    page = client.get(f"/cases/{complaint.reference}/convert/", follow=True)
    assert advice in page.content.decode()
    with pytest.raises(actions.ProcedureError, match=advice):
        actions.convert(complaint, by=officer, to=code("record_type", "complaint"), on=RECEIVED)
    with pytest.raises(actions.ProcedureError, match=advice):
        actions.reopen(complaint, by=officer, reason="They wrote again")


def test_a_compliment_takes_no_payment_and_no_ombudsman_enquiry(officer):
    compliment = record(officer, "compliment")
    assert not {"payment", "ombudsman-enquiry"} & set(slugs(compliment, officer))
    assert why_not(compliment, "payment") == (
        f"{compliment.reference} (Compliment) is not a complaint, so nothing about it goes to "
        "the Ombudsman."
    )
    with pytest.raises(actions.ProcedureError, match="a payment cannot be recorded on it"):
        actions.record_payment(compliment, by=officer, amount="50.00", paid_on=None)


GENERIC = "the case has moved on"


def _every_state(officer, code):
    """A complaint at each point of its procedure, and other kinds of case."""
    day = RECEIVED
    states = {"new complaint": record(officer, "complaint", received_on=day)}
    case = record(officer, "complaint", received_on=day)
    actions.acknowledge(case, by=officer, on=day)
    actions.respond_to_stage(case, 1, by=officer, on=day, outcome="not_upheld")
    states["stage 1 answered"] = case
    case = record(officer, "complaint", received_on=day)
    actions.respond_to_stage(case, 1, by=officer, on=day, outcome="not_upheld")
    actions.start_stage(case, 2, by=officer, requested_on=day)
    states["stage 2 open"] = case
    case = record(officer, "complaint", received_on=day)
    actions.respond_to_stage(case, 1, by=officer, on=day, outcome="not_upheld")
    actions.start_stage(case, 2, by=officer, requested_on=day)
    actions.respond_to_stage(case, 2, by=officer, on=day, outcome="not_upheld")
    actions.start_stage(case, 3, by=officer, requested_on=day)
    states["stage 3 panel to meet"] = case
    case = record(officer, "complaint", received_on=day)
    actions.withdraw(case, by=officer, on=day)
    states["withdrawn"] = case
    case = record(officer, "complaint", received_on=day)
    actions.respond_to_stage(case, 1, by=officer, on=day, outcome="upheld")
    actions.close(case, by=officer, on=day)
    states["closed"] = case
    case = record(officer, "complaint", received_on=day)
    actions.refuse(case, by=officer, reason=code("refusal_reason", "out_of_time"), on=day)
    states["refused"] = case
    for kind in ("compliment", "foi_request", "corporate_complaint", "case_concern"):
        states[kind] = record(officer, kind, received_on=day)
    return states


def test_every_move_not_offered_says_why_in_its_own_words(officer, code):
    # Each move is declared once with its reasons: what the page offers and what an old link
    # is told can never disagree, and no move falls back on "the case has moved on".
    from heeded.casework.moves import DECLARED

    for state, case in _every_state(officer, code).items():
        case.refresh_from_db()
        offered = {m.slug for m in available_moves(case, officer)}
        for slug in DECLARED:
            if slug in offered:
                continue
            reason = why_not(case, slug, officer)
            assert reason and GENERIC not in reason, (state, slug, reason)


def test_an_imported_compliment_with_a_stage_date_can_be_opened_and_closed(
    client, officer, tmp_path
):
    # Import keeps the dates a file gives, even a Stage 1 start for a compliment, which has
    # no stages: that stage is history, with no moves, and does not hold the case open.
    from heeded.interchange.importing import import_file
    from heeded.interchange.tests.helpers import csv_file

    rows = [
        {"reference": "OLD-1", "record_type": "compliment", "received_on": "2024-01-10"},
        {"reference": "OLD-2", "record_type": "case_concern", "received_on": "2024-01-10"},
    ]
    for row in rows:
        row["stage1_started_on"] = "2024-01-11"
    assert import_file(csv_file(tmp_path, rows), by=officer).written
    client.force_login(officer)
    for row in rows:
        case = Case.objects.get(reference=row["reference"])
        assert client.get(f"/cases/{case.reference}/").status_code == 200
        moves = slugs(case, officer)
        assert "close" in moves
        assert not {"respond", "extend", "acknowledge-stage", "start-stage"} & set(moves)
        closed = actions.close(case, by=officer, on=dt.date(2024, 1, 12))
        assert closed.closed_on == dt.date(2024, 1, 12)
