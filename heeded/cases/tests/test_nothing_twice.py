"""What is recorded on a case is recorded once: the same payment, contact, note or file sent
again (Back then the button again: the browser fetches the form afresh and puts back what was
typed) is refused, saying what is already there, instead of counted twice.

QA on the demo: Back after "Save payment", then "Save payment" again, recorded £50.00 twice
("£100.00 in 2 payments"), and the annual report counts payments in pounds.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from heeded.cases import actions
from heeded.cases.actions import ProcedureError
from heeded.cases.documents import add_document
from heeded.cases.models import EventKind

from .factories import record

D = dt.date
LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(officer):
    return record(officer, received_on=D(2022, 9, 12))


def test_the_same_payment_again_is_refused_naming_the_one_recorded(complaint, officer):
    paid = {"amount": "50", "paid_on": D(2022, 9, 20), "reason": "Time and trouble"}
    with time_machine.travel(dt.datetime(2022, 9, 21, 14, 5, tzinfo=LONDON), tick=False):
        actions.record_payment(complaint, by=officer, **paid)
    with pytest.raises(ProcedureError) as refused:
        actions.record_payment(complaint, by=officer, **paid)
    assert str(refused.value) == (
        f"A payment of £50.00 for 'Time and trouble', paid on 20 September 2022, is already "
        f"recorded on {complaint.reference}, by {officer.get_full_name()} on 21 September "
        "2022 at 14:05: this one has not been recorded. If it is a separate payment of the "
        "same amount, say so and save it again."
    )
    assert refused.value.field == "separate"
    assert complaint.payments.count() == 1


def test_a_colleague_recording_the_same_payment_in_other_words_is_told_who_recorded_it(
    complaint, officer, manager
):
    """QA: the same £150 paid on one day was recorded by two colleagues, one "for" "Time
    and trouble" and the other "LGSCO remedy", and counted as £300 in the report. Notes
    refuse the same note on the same day, saying who added it; a payment of the same amount
    on the same date is refused alike, whatever it says it was for."""
    actions.record_payment(
        complaint, by=officer, amount="150", paid_on=D(2022, 9, 20), reason="Time and trouble"
    )
    with pytest.raises(ProcedureError, match=f"by {officer.get_full_name()} on "):
        actions.record_payment(
            complaint, by=manager, amount="150.00", paid_on=D(2022, 9, 20), reason="LGSCO remedy"
        )
    # Not yet paid, both: the same payment still to be made.
    actions.record_payment(complaint, by=officer, amount="75", paid_on=None)
    with pytest.raises(ProcedureError, match="£75.00, not paid yet, is already recorded"):
        actions.record_payment(complaint, by=manager, amount="75", paid_on=None, reason="Delay")
    assert complaint.payments.count() == 2


def test_a_separate_payment_of_the_same_amount_and_date_is_recorded_when_said_so(
    complaint, officer
):
    # The Ombudsman's £200 to each parent, paid the same day.
    for parent in ("Mother", "Father"):
        actions.record_payment(
            complaint,
            by=officer,
            amount="200",
            paid_on=D(2022, 9, 20),
            reason=f"Remedy: {parent}",
            separate=True,
        )
    assert sum(p.amount for p in complaint.payments.all()) == Decimal("400.00")


def test_the_same_contact_again_is_refused_even_a_minute_later(complaint, officer, code):
    telephone = code("how_received", "telephone")
    contact = {
        "direction": "outgoing",
        "method": telephone,
        "summary": "Explained the next steps",
    }
    with time_machine.travel(dt.datetime(2022, 9, 14, 10, 0, tzinfo=LONDON), tick=False):
        at = dt.datetime(2022, 9, 14, 10, 0, tzinfo=LONDON)
        actions.log_contact(complaint, by=officer, happened_at=at, **contact)
    # No time typed: the form takes "now", a minute later when sent again.
    with time_machine.travel(dt.datetime(2022, 9, 14, 10, 1, tzinfo=LONDON), tick=False):
        later = dt.datetime(2022, 9, 14, 10, 1, tzinfo=LONDON)
        with pytest.raises(ProcedureError) as refused:
            actions.log_contact(complaint, by=officer, happened_at=later, **contact)
        assert str(refused.value) == (
            "This contact (from us, telephone, 14 September 2022 at 10:00) is already logged "
            f"on {complaint.reference}: it has not been logged again. If there were two, enter "
            "the time of each."
        )
        other = {**contact, "summary": "Agreed a meeting"}
        actions.log_contact(complaint, by=officer, happened_at=later, **other)
    assert complaint.contacts.count() == 2


def test_two_calls_that_went_the_same_way_hours_apart_are_both_logged(complaint, officer, code):
    contact = {
        "direction": "outgoing",
        "method": code("how_received", "telephone"),
        "summary": "No answer, left a message",
    }
    for hour in (10, 15):
        at = dt.datetime(2022, 9, 14, hour, 0, tzinfo=LONDON)
        actions.log_contact(complaint, by=officer, happened_at=at, **contact)
    assert complaint.contacts.count() == 2


def test_the_same_note_the_same_day_is_refused(complaint, officer):
    actions.add_note(complaint, by=officer, text="Manager aware", on=D(2022, 9, 14))
    with pytest.raises(ProcedureError) as refused:
        actions.add_note(complaint, by=officer, text="Manager aware ", on=D(2022, 9, 14))
    assert str(refused.value).startswith(f"This note is already on {complaint.reference}")
    assert refused.value.field == "text"
    actions.add_note(complaint, by=officer, text="Manager aware", on=D(2022, 9, 15))
    assert complaint.events.filter(kind=EventKind.NOTE).count() == 2


def test_the_same_file_again_is_refused_naming_it(complaint, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    add_document(complaint, SimpleUploadedFile("letter.txt", b"Dear Sir"), by=officer)
    with pytest.raises(ProcedureError) as refused:
        add_document(complaint, SimpleUploadedFile("copy.txt", b"Dear Sir"), by=officer)
    assert str(refused.value).startswith(
        f"This file is already on {complaint.reference}, as letter.txt"
    )
    assert refused.value.field == "file"
    assert complaint.documents.count() == 1
