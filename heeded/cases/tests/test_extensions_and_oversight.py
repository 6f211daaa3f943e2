"""An extended deadline falls on a working day of the procedure's own calendar, and only the
procedures the Ombudsman oversees take Ombudsman enquiries and remedy payments."""

import datetime as dt

import pytest

from heeded.calendars.working_days import Calendar
from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.actions._base import require_working_day
from heeded.cases.clocks import open_deadlines

from .factories import record

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint_of_30_november_2026(officer):
    # Stage 1 due Monday 14 December 2026; at most 20 working days, Wednesday 30 December
    # (Christmas Day and the Boxing Day substitute, Monday 28th, are not counted).
    return record(officer, received_on=D(2026, 11, 30), today=D(2026, 12, 4))


def refusal(case, by, to, on=None):
    with pytest.raises(ProcedureError) as refused:
        actions.extend_stage(
            case, 1, by=by, to=to, reason="Waiting for the school's records", on=on
        )
    return refused.value


def test_a_stage_1_extension_to_saturday_19_december_2026_is_refused_naming_the_monday(
    complaint_of_30_november_2026, officer
):
    error = refusal(complaint_of_30_november_2026, officer, D(2026, 12, 19))
    assert str(error) == (
        "19 December 2026 is a Saturday: choose a working day, such as Monday 21 December 2026."
    )
    # The form shows it beside the new deadline.
    assert error.field == "to"
    assert complaint_of_30_november_2026.stage(1).extended_to is None


def test_an_extension_to_christmas_day_names_the_bank_holiday_and_skips_the_substitute_day(
    complaint_of_30_november_2026, officer
):
    error = refusal(complaint_of_30_november_2026, officer, D(2026, 12, 25))
    assert str(error) == (
        "25 December 2026 is Christmas Day, a bank holiday: choose a working day, such as "
        "Tuesday 29 December 2026."
    )


def test_the_working_day_suggested_is_on_or_before_the_latest_extension():
    # A latest date on a Saturday (4 July 2026): the Monday after would be too late, so the
    # Friday before is offered.
    with pytest.raises(ProcedureError) as refused:
        require_working_day(D(2026, 7, 4), Calendar.ENGLAND_AND_WALES, latest=D(2026, 7, 4))
    assert str(refused.value) == (
        "4 July 2026 is a Saturday: choose a working day, such as Friday 3 July 2026."
    )


def adult_social_care_complaint(officer):
    return record(
        officer,
        record_type="adult_social_care_complaint",
        received_on=D(2026, 1, 5),
        today=D(2026, 1, 6),
    )


def test_an_adult_social_care_response_period_may_be_agreed_beyond_six_months(officer):
    """QA: the agreed response period was capped at 6 months. SI 2009/309 sets no maximum:
    6 months is when, without a response, the complainant must be told why, "or a longer
    agreed period" (domain.md sections 0 and 2)."""
    case = adult_social_care_complaint(officer)
    actions.acknowledge(case, by=officer, on=D(2026, 1, 6))
    stage = actions.extend_stage(
        case, 1, by=officer, to=D(2026, 9, 30), reason="Agreed with Mr Khan: the care review"
    )
    assert stage.extended_to == D(2026, 9, 30)
    case.refresh_from_db()
    assert (case.next_deadline, case.next_deadline_what) == (
        D(2026, 9, 30),
        "Agreed response date",
    )
    # It is still a deadline, so it still falls on a working day.
    error = refusal(case, officer, D(2026, 10, 3))
    assert str(error) == (
        "3 October 2026 is a Saturday: choose a working day, such as Monday 5 October 2026."
    )


def test_an_foi_deadline_cannot_move_to_st_andrews_day_but_a_childrens_complaint_can(officer):
    # FOI counts bank holidays anywhere in the UK (FOIA s.10(6)): Monday 30 November 2026 is
    # a bank holiday in Scotland. The Children Act procedure counts England and Wales only.
    foi = record(
        officer, record_type="foi_request", received_on=D(2026, 10, 26), today=D(2026, 10, 26)
    )
    assert foi.stage(1).due_on == D(2026, 11, 23)
    error = refusal(foi, officer, D(2026, 11, 30))
    assert str(error) == (
        "30 November 2026 is Saint Andrew's Day, a bank holiday in part of the UK, which stops "
        "this clock: choose a working day, such as Tuesday 1 December 2026."
    )
    complaint = record(officer, received_on=D(2026, 11, 9), today=D(2026, 11, 9))
    stage = actions.extend_stage(complaint, 1, by=officer, to=D(2026, 11, 30), reason="Complex")
    assert stage.extended_to == D(2026, 11, 30)


def test_a_working_day_within_the_limit_is_accepted(complaint_of_30_november_2026, officer):
    stage = actions.extend_stage(
        complaint_of_30_november_2026, 1, by=officer, to=D(2026, 12, 21), reason="Complex"
    )
    assert stage.extended_to == D(2026, 12, 21)


def test_a_date_beyond_the_latest_is_refused_for_that_reason_first(
    complaint_of_30_november_2026, officer
):
    # Saturday 2 January 2027 is both too late and not a working day: the limit is the news.
    error = refusal(complaint_of_30_november_2026, officer, D(2027, 1, 2))
    assert str(error).startswith("Stage 1 can be extended to 30 December 2026 at the latest")
    assert error.field == "to"


def test_an_foi_extension_beyond_the_latest_names_the_response_not_stage_1(officer):
    foi = record(
        officer, record_type="foi_request", received_on=D(2026, 10, 26), today=D(2026, 10, 26)
    )
    error = refusal(foi, officer, D(2027, 3, 1))
    assert str(error).startswith("The response can be extended to 22 December 2026 at the latest")


def test_an_mp_enquiry_s_limit_names_its_source_in_the_sentence_s_own_case(officer):
    enquiry = record(
        officer,
        record_type="mp_councillor_enquiry",
        received_on=D(2026, 10, 26),
        today=D(2026, 10, 26),
    )
    error = refusal(enquiry, officer, D(2027, 3, 1))
    assert str(error).endswith("; a local target set by the organisation).")


@pytest.mark.parametrize(
    "record_type, received, words",
    [
        # QA: an information request was told of "the date the representation was received".
        ("foi_request", D(2026, 10, 26), "(40 working days from the date the request was"),
        ("subject_access_request", D(2026, 10, 26), "(3 calendar months from the date the request"),
        ("mp_councillor_enquiry", D(2026, 10, 26), "from the date the enquiry was received;"),
        ("eir_request", D(2026, 10, 26), "from the date the request was received;"),
    ],
)
def test_the_latest_extension_names_what_was_received_in_the_procedures_own_words(
    officer, record_type, received, words
):
    case = record(officer, record_type=record_type, received_on=received, today=received)
    # Agreed the day it was received: a subject access extension comes in the first month.
    error = refusal(case, officer, D(2027, 6, 1), on=received)
    assert words in str(error)
    assert "representation" not in str(error)


class TestOversight:
    """FOIA s.50, EIR reg 18, UK GDPR Art 77: information rights go to the Commissioner."""

    @pytest.mark.parametrize(
        "record_type", ["foi_request", "eir_request", "subject_access_request"]
    )
    def test_an_information_request_takes_no_ombudsman_enquiry(self, officer, record_type):
        case = record(officer, record_type=record_type, received_on=D(2026, 10, 26))
        with pytest.raises(ProcedureError, match="goes to the Information Commissioner, not"):
            actions.record_ombudsman_enquiry(case, by=officer, received_on=D(2026, 11, 2))
        case.refresh_from_db()
        assert case.ombudsman_received_on is None

    def test_an_information_request_takes_no_remedy_payment(self, officer):
        case = record(officer, record_type="foi_request", received_on=D(2026, 10, 26))
        with pytest.raises(ProcedureError, match="a payment cannot be recorded on it"):
            actions.record_payment(case, by=officer, amount="50.00", paid_on=D(2026, 11, 2))
        assert not case.payments.exists()

    def test_a_complaint_and_an_ombudsman_referral_still_take_them(self, officer):
        for record_type in ("complaint", "lgsco"):
            case = record(officer, record_type=record_type, received_on=D(2026, 10, 26))
            actions.record_ombudsman_enquiry(case, by=officer, received_on=D(2026, 11, 2))
            actions.record_payment(case, by=officer, amount="50.00", paid_on=D(2026, 11, 2))
            case.refresh_from_db()
            assert case.ombudsman_received_on == D(2026, 11, 2)
            assert str(case.payments.get()) == "£50.00"


def test_a_subject_access_extension_agreed_after_the_first_month_is_refused(officer):
    """domain.md 5.3 (ICO; UK GDPR Article 12(3)): the requester is told of an extension
    "within the first month, with reasons". Received Friday 31 January 2025, due Friday
    28 February: an extension agreed on Monday 3 March came too late; one agreed on
    27 February, keyed later, is recorded."""
    late = record(officer, record_type="subject_access_request", received_on=D(2025, 1, 31))
    assert late.stage(1).due_on == D(2025, 2, 28)
    with pytest.raises(ProcedureError) as refused:
        actions.extend_stage(
            late, 1, by=officer, to=D(2025, 3, 31), reason="Many records", on=D(2025, 3, 3)
        )
    assert str(refused.value) == (
        "The extension was agreed on 3 March 2025, after the deadline of 28 February 2025: "
        "it cannot be extended once that has passed (UK GDPR Article 12(3): the requester "
        "is told of an extension, with the reasons, within the first month). Respond as "
        "soon as possible instead."
    )
    assert refused.value.field == "on"
    in_time = record(officer, record_type="subject_access_request", received_on=D(2025, 1, 31))
    stage = actions.extend_stage(
        in_time, 1, by=officer, to=D(2025, 3, 31), reason="Many records", on=D(2025, 2, 27)
    )
    assert stage.extended_to == D(2025, 3, 31)


def test_a_complaint_extension_agreed_after_the_deadline_is_allowed(officer):
    """domain.md says nothing of when a Stage 1 or Stage 2 extension is agreed (section 0:
    "extendable to 20 working days if complex"; "the complainant must be told in writing
    of the delay, the reason and the new date"): it is recorded, and shown as late."""
    case = record(officer, received_on=D(2022, 9, 12))
    due = case.stage(1).due_on
    stage = actions.extend_stage(
        case, 1, by=officer, to=D(2022, 10, 7), reason="Waiting for records", on=D(2022, 9, 28)
    )
    assert due < D(2022, 9, 28) and stage.extended_to == D(2022, 10, 7)


def test_an_adult_social_care_complaint_unanswered_at_six_months_is_chased_until_told_why(
    officer,
):
    """SI 2009/309 regulation 14: no response within 6 months of receipt (or the longer
    period agreed), and the complainant must be told why. Heeded chased nothing: the agreed
    period has no statutory clock, so the case had no deadline at all."""
    case = adult_social_care_complaint(officer)
    actions.acknowledge(case, by=officer, on=D(2026, 1, 6))
    case.refresh_from_db()
    # 5 July 2026 is a Sunday: the next working day.
    assert (case.next_deadline, case.next_deadline_what) == (
        D(2026, 7, 6),
        "Tell the complainant why there is no response yet",
    )
    stage = actions.explain_delay(
        case,
        1,
        by=officer,
        on=D(2026, 7, 3),
        explanation="The care provider's records are still awaited; a response by 31 July.",
    )
    assert (stage.delay_explained_on, stage.delay_explanation[:25]) == (
        D(2026, 7, 3),
        "The care provider's recor",
    )
    case.refresh_from_db()
    assert (case.next_deadline, case.next_deadline_what) == (None, "")
    event = case.events.get(kind="delay_explained")
    assert (event.happened_on, event.stage_number) == (D(2026, 7, 3), 1)
    with pytest.raises(ProcedureError, match="was told why on 3 July 2026"):
        actions.explain_delay(case, 1, by=officer, on=D(2026, 7, 4), explanation="Again")


def test_a_longer_agreed_period_puts_the_notice_of_delay_at_its_end(officer):
    case = adult_social_care_complaint(officer)
    actions.extend_stage(case, 1, by=officer, to=D(2026, 9, 30), reason="Agreed with Mr Khan")
    deadlines = [(d.what, d.due_on) for d in open_deadlines(case)]
    assert deadlines[-2:] == [
        ("Agreed response date", D(2026, 9, 30)),
        ("Tell the complainant why there is no response yet", D(2026, 9, 30)),
    ]


def test_a_notice_of_delay_is_refused_where_the_procedure_has_none_or_as_given(officer):
    complaint = record(officer, received_on=D(2026, 1, 5), today=D(2026, 1, 6))
    with pytest.raises(ProcedureError, match="has no notice of delay"):
        actions.explain_delay(complaint, 1, by=officer, on=D(2026, 1, 6), explanation="Why")
    case = adult_social_care_complaint(officer)
    with pytest.raises(ProcedureError, match="Say what they were told") as refused:
        actions.explain_delay(case, 1, by=officer, on=D(2026, 1, 6), explanation="  ")
    assert refused.value.field == "explanation"
    with pytest.raises(ProcedureError, match="cannot be before") as refused:
        actions.explain_delay(case, 1, by=officer, on=D(2026, 1, 2), explanation="Why")
    assert refused.value.field == "on"
    assert case.stage(1).delay_explained_on is None
