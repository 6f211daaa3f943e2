"""A date whose year's bank holidays are not known (before 1990, after 2075) is refused by
every action as a ProcedureError an officer can act on, never a ValueError from deep inside
a deadline. The forms refuse such a year first; these are the callers that bypass them.

Found by QA on the demo: 1 January 1985 as the date received gave a server error.
"""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.models import Case

from .factories import record

D = dt.date
pytestmark = pytest.mark.django_db

TOO_EARLY = D(1985, 1, 1)
TOO_LATE = D(2080, 1, 2)


def refused(action) -> ProcedureError:
    with pytest.raises(ProcedureError) as raised:
        action()
    return raised.value


def test_recording_a_representation_received_in_1985_is_refused_beside_the_date(officer):
    error = refused(lambda: record(officer, received_on=TOO_EARLY))
    assert str(error) == "The date received (1 January 1985) must be in 1990 or later."
    assert error.field == "received_on"
    assert not Case.objects.exists()


def test_correcting_the_date_received_to_1985_is_refused(officer):
    case = record(officer)
    error = refused(
        lambda: actions.update_details(
            case, by=officer, expected_version=case.version, received_on=TOO_EARLY
        )
    )
    assert str(error) == "The date received (1 January 1985) must be in 1990 or later."
    case.refresh_from_db()
    assert case.received_on == D(2022, 9, 12)


def test_stage_2_asked_for_in_2080_is_refused(officer):
    case = record(officer)
    actions.respond_to_stage(case, 1, by=officer, on=D(2022, 9, 20), outcome="upheld")
    error = refused(lambda: actions.start_stage(case, 2, by=officer, requested_on=TOO_LATE))
    assert str(error) == (
        "The date Stage 2 was requested (2 January 2080) must be in 2075 or earlier."
    )
    assert error.field == "requested_on"


def test_a_pre_complaint_converted_in_2080_is_refused(officer, code):
    case = record(officer, record_type="pre_complaint")
    error = refused(
        lambda: actions.convert(case, by=officer, to=code("record_type", "complaint"), on=TOO_LATE)
    )
    assert "must be in 2075 or earlier" in str(error)


@pytest.mark.parametrize(
    "move",
    [
        lambda case, by, code: actions.acknowledge(case, by=by, on=TOO_EARLY),
        lambda case, by, code: actions.record_ombudsman_enquiry(case, by=by, received_on=TOO_LATE),
        lambda case, by, code: actions.record_payment(case, by=by, amount=250, paid_on=TOO_LATE),
        lambda case, by, code: actions.record_advocacy(
            case, by=by, offered=True, offered_on=TOO_LATE
        ),
        lambda case, by, code: actions.log_contact(
            case,
            by=by,
            happened_at=dt.datetime(2080, 1, 2, 10, 0, tzinfo=dt.UTC),
            direction="incoming",
            method=code("how_received", "email"),
            summary="Phoned to ask for news",
        ),
        lambda case, by, code: actions.update_details(
            case, by=by, expected_version=case.version, acknowledged_on=TOO_LATE
        ),
    ],
    ids=["acknowledge", "ombudsman enquiry", "payment", "advocacy", "contact", "acknowledged on"],
)
def test_every_other_date_an_officer_gives_is_refused_outside_the_known_years(officer, code, move):
    case = record(officer)
    error = refused(lambda: move(case, officer, code))
    assert str(error).endswith(("must be in 1990 or later.", "must be in 2075 or earlier."))
