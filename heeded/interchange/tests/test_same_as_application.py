"""Imported cases have the deadlines the application gives the same case recorded by hand,
across the 2022 and 2023 special bank holidays."""

import datetime as dt

import pytest

from heeded.cases import actions
from heeded.cases.models import Case, EventKind
from heeded.cases.tests.factories import record
from heeded.interchange.exporting import export_file
from heeded.interchange.importing import import_file

from .helpers import csv_file

pytestmark = pytest.mark.django_db
D = dt.date


def clocks(case):
    case = Case.objects.get(pk=case.pk)
    return (
        case.current_stage,
        case.next_deadline,
        case.next_deadline_what,
        [(s.number, s.started_on, s.due_on, s.responded_on) for s in case.stages.all()],
    )


def imported(tmp_path, row):
    report = import_file(csv_file(tmp_path, [row]), by=None)
    assert report.written, [str(p) for p in report.problems]
    return Case.objects.get(reference=row["reference"])


def test_a_refusal_for_another_reason_exports_and_imports_back_keeping_what_it_was(
    tmp_path, officer, code
):
    """The interchange format has the refusal reason's code and no column for what an
    "Other" reason was: the export gives the code, and importing it back as an update
    changes nothing, the explanation kept on the case."""
    case = record(officer, received_on=D(2022, 9, 12))
    why = "A matter for the school's governing body"
    actions.refuse(
        case, by=officer, reason=code("refusal_reason", "other"), on=D(2022, 9, 14), details=why
    )
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    export_file(first)
    report = import_file(first, by=officer, update=True)
    assert report.ok, [str(p) for p in report.problems]
    export_file(second)
    assert first.read_bytes() == second.read_bytes()
    case.refresh_from_db()
    assert (case.refusal_reason.code, case.refusal_details) == ("other", why)


def test_a_complaint_escalated_to_stage_2_over_the_state_funeral(tmp_path, officer):
    by_hand = record(officer, received_on=D(2022, 9, 12))
    actions.acknowledge(by_hand, by=officer, on=D(2022, 9, 13))
    actions.respond_to_stage(by_hand, 1, by=officer, on=D(2022, 9, 26), outcome="not_upheld")
    actions.start_stage(by_hand, 2, by=officer, requested_on=D(2022, 10, 3))
    row = {
        "reference": "IMPORTED",
        "record_type": "complaint",
        "received_on": "2022-09-12",
        "acknowledged_on": "2022-09-13",
        "stage1_responded_on": "2022-09-26",
        "stage1_outcome": "not_upheld",
        "stage2_started_on": "2022-10-03",
    }
    assert clocks(imported(tmp_path, row)) == clocks(by_hand)
    assert clocks(by_hand)[3][0][2] == D(2022, 9, 27)  # State Funeral skipped


def test_a_complaint_received_before_the_jubilee(tmp_path, officer):
    by_hand = record(officer, received_on=D(2022, 5, 27))
    row = {"reference": "J", "record_type": "complaint", "received_on": "2022-05-27"}
    case = imported(tmp_path, row)
    assert clocks(case) == clocks(by_hand)
    assert case.stage(1).due_on == D(2022, 6, 14)  # 2 and 3 June not counted


def test_a_corporate_complaint_acknowledged_after_the_coronation(tmp_path, officer):
    by_hand = record(officer, record_type="corporate_complaint", received_on=D(2023, 5, 5))
    actions.acknowledge(by_hand, by=officer, on=D(2023, 5, 9))
    row = {
        "reference": "K",
        "record_type": "corporate_complaint",
        "received_on": "2023-05-05",
        "acknowledged_on": "2023-05-09",
    }
    case = imported(tmp_path, row)
    assert clocks(case) == clocks(by_hand)
    assert case.stage(1).due_on == D(2023, 5, 23)


def test_an_mp_enquiry_and_a_subject_access_request(tmp_path, officer):
    for record_type, received in (
        ("mp_councillor_enquiry", D(2023, 5, 4)),
        ("subject_access_request", D(2022, 5, 3)),
    ):
        by_hand = record(officer, record_type=record_type, received_on=received)
        row = {
            "reference": record_type,
            "record_type": record_type,
            "received_on": received.isoformat(),
        }
        assert clocks(imported(tmp_path, row)) == clocks(by_hand)


def test_a_converted_complaint_and_an_extension(tmp_path, officer):
    by_hand = record(officer, record_type="pre_complaint", received_on=D(2022, 9, 5))
    actions.convert(
        by_hand,
        by=officer,
        to=by_hand.record_type.__class__.objects.get(code="complaint"),
        on=D(2022, 9, 14),
    )
    actions.acknowledge(by_hand, by=officer, on=D(2022, 9, 15))
    actions.extend_stage(by_hand, 1, by=officer, to=D(2022, 10, 12), reason="Complex")
    row = {
        "reference": "CONV",
        "record_type": "complaint",
        "converted_from": "pre_complaint",
        "received_on": "2022-09-05",
        "converted_on": "2022-09-14",
        "acknowledged_on": "2022-09-15",
        "stage1_extended_to": "2022-10-12",
    }
    case = imported(tmp_path, row)
    assert clocks(case) == clocks(by_hand)
    assert case.next_deadline == D(2022, 10, 12)

    # The timeline tells the conversion in the same words either way.
    def told(c):
        return list(c.events.filter(kind=EventKind.CONVERTED).values_list("description", flat=True))

    assert told(case) == told(by_hand) == ["Pre-complaint became Complaint (statutory)"]
