"""Correcting the date received once Stage 1 has started.

QA on the demo: Stage 1 starts the day a complaint is received, and the date received could
only be corrected earlier than Stage 1's start, so a date typed too early could never be put
right. Stage 1 counts from receipt: when its start was the date received, it moves with a
correction, unless something recorded happened before the new date.

Monday 12 September 2022, typed for a complaint received on Wednesday the 14th: Stage 1 is
then due 10 working days from the 14th, Thursday 29 September (the 19th, the Queen's State
Funeral, was a bank holiday).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.models import EventKind
from heeded.taxonomy.models import HowReceived, RecordType

from .factories import record

D = dt.date
LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def correct(case, to):
    case.refresh_from_db()
    return actions.update_details(
        case, by=case.created_by, expected_version=case.version, received_on=to
    )


def refused(case, to) -> ProcedureError:
    with pytest.raises(ProcedureError) as error:
        correct(case, to)
    return error.value


@pytest.fixture
def typed_too_early(officer):
    return record(officer, received_on=D(2022, 9, 12))


def test_a_later_date_received_moves_stage_1_and_its_deadline_with_it(typed_too_early):
    case = correct(typed_too_early, D(2022, 9, 14))
    stage = case.stages.get()
    assert (case.received_on, stage.started_on, stage.requested_on) == (D(2022, 9, 14),) * 3
    assert stage.due_on == D(2022, 9, 29)
    # The acknowledgement is counted from the new date too: 3 working days, the 19th again.
    assert (case.next_deadline, case.next_deadline_what) == (D(2022, 9, 20), "Acknowledgement")


def test_the_correction_is_told_in_the_timeline_and_kept_in_the_stages_history(
    typed_too_early,
):
    case = correct(typed_too_early, D(2022, 9, 14))
    edited = case.events.get(kind=EventKind.EDITED)
    assert edited.description == (
        "Date received: 12 September 2022 became 14 September 2022; "
        "Stage 1's start moved with it (now due 29 September 2022)"
    )
    # The timeline's "Received" and "Stage 1 started" are dated the day they happened.
    dated = dict(
        case.events.filter(kind__in=[EventKind.RECORDED, EventKind.STAGE_STARTED]).values_list(
            "kind", "happened_on"
        )
    )
    assert dated == {EventKind.RECORDED: D(2022, 9, 14), EventKind.STAGE_STARTED: D(2022, 9, 14)}
    stage = case.stages.get()
    moved = stage.history.get(history_change_reason="Stage 1's start moved with the date received")
    assert (moved.prev_record.started_on, moved.started_on) == (D(2022, 9, 12), D(2022, 9, 14))
    assert moved.history_user == case.created_by


def test_an_earlier_date_received_moves_stage_1_earlier_too(typed_too_early):
    # Received on Friday 9 September: 10 working days later is Monday the 26th.
    case = correct(typed_too_early, D(2022, 9, 9))
    assert case.stages.get().started_on == D(2022, 9, 9)
    assert case.stages.get().due_on == D(2022, 9, 26)


def test_an_acknowledgement_before_the_new_date_is_named_with_its_date(typed_too_early):
    actions.acknowledge(typed_too_early, by=typed_too_early.created_by, on=D(2022, 9, 13))
    error = refused(typed_too_early, D(2022, 9, 14))
    assert str(error) == (
        "The date received cannot be after the acknowledgement (13 September 2022)."
    )
    assert error.field == "received_on"
    assert typed_too_early.stages.get().started_on == D(2022, 9, 12)


def test_a_contact_before_the_new_date_is_named_with_its_date(typed_too_early, officer):
    actions.log_contact(
        typed_too_early,
        by=officer,
        happened_at=dt.datetime(2022, 9, 13, 14, 30, tzinfo=LONDON),
        direction="outgoing",
        method=HowReceived.objects.first(),
        summary="Called to talk it through",
        with_whom="Dana Whitlock",
    )
    error = refused(typed_too_early, D(2022, 9, 14))
    assert str(error) == (
        "The date received cannot be after the contact with Dana Whitlock (13 September 2022)."
    )


def test_a_response_before_the_new_date_is_named_with_its_date(officer):
    foi = record(officer, "foi_request", received_on=D(2022, 9, 12))
    actions.respond_to_stage(foi, 1, by=officer, on=D(2022, 9, 13))
    assert str(refused(foi, D(2022, 9, 14))) == (
        "The date received cannot be after the response (13 September 2022)."
    )
    # A later date that contradicts nothing moves the response clock's start.
    other = record(officer, "foi_request", received_on=D(2022, 9, 12))
    assert correct(other, D(2022, 9, 14)).stages.get().started_on == D(2022, 9, 14)


def test_a_stage_1_that_counts_from_a_conversion_does_not_move(officer):
    """Stage 1 of a converted complaint counts from the conversion, not from receipt."""
    case = record(officer, "pre_complaint", received_on=D(2022, 9, 12))
    actions.convert(
        case, by=officer, to=RecordType.objects.get(code="complaint"), on=D(2022, 9, 20)
    )
    assert str(refused(case, D(2022, 9, 21))) == (
        "The date received cannot be after Stage 1 started (20 September 2022)."
    )
    case = correct(case, D(2022, 9, 14))
    assert case.stages.get().started_on == D(2022, 9, 20)


def test_a_case_is_not_received_after_the_day_it_was_recorded(officer):
    with time_machine.travel(dt.datetime(2022, 9, 13, 10, tzinfo=LONDON), tick=False):
        case = record(officer, received_on=D(2022, 9, 12))
    assert str(refused(case, D(2022, 9, 14))) == (
        "The date received cannot be after the day it was recorded (13 September 2022)."
    )
    assert correct(case, D(2022, 9, 13)).stages.get().started_on == D(2022, 9, 13)


def test_an_extension_the_later_start_would_leave_no_later_than_the_deadline_is_named(
    typed_too_early, officer
):
    # Due Tuesday 27 September counted from the 12th; extended by a day, to Wednesday 28th.
    actions.extend_stage(typed_too_early, 1, by=officer, to=D(2022, 9, 28), reason="Records")
    assert str(refused(typed_too_early, D(2022, 9, 14))) == (
        "The date received cannot be 14 September 2022: Stage 1 was extended to "
        "28 September 2022, which counted from that date is no later than its deadline "
        "(29 September 2022)."
    )
    assert typed_too_early.stages.get().started_on == D(2022, 9, 12)
