"""Learning examples: each under a heading that says what it is about, from the case's own
service and nature, never a reference or a name.

Demo Council 2025/26 printed four examples, each headed "Complaint (statutory), Stage 1":
a reader could not tell one from the next, nor find the one about their service."""

import datetime as dt

import pytest

from heeded.reports.document import Labels, build_document
from heeded.reports.document.sources import learning_examples, learning_heading
from heeded.reports.document.structure import Quote

from .case_data import case
from .fixtures.sample_report import sample_report

TRANSPORT = "Parents now hear about school transport arrangements at least six weeks before term."
PHONE = "A manager acknowledged that a worker's phone manner fell short; training was arranged."
MINUTES = "Minutes of child in need meetings are now sent within ten working days."


def a_young_persons_complaint_about_cast():
    case(
        received_on=dt.date(2019, 6, 3),
        service_teams=["cast"],
        natures=["quality_of_service"],
        young_person=True,
        learning_for_report=TRANSPORT,
    )


@pytest.mark.django_db
def test_each_example_is_headed_by_its_service_and_what_it_was_about():
    case(
        received_on=dt.date(2019, 5, 1),
        service_teams=["children_looked_after", "fostering"],
        natures=["funding", "conduct_of_worker"],
        learning_for_report=PHONE,
    )
    a_young_persons_complaint_about_cast()
    case(received_on=dt.date(2019, 7, 1), learning_for_report=MINUTES)
    assert learning_examples("2019-04-01", "2020-03-31") == [
        # The first of each in the council's order (Settings), as every list has them.
        ("Children looked after: conduct of worker", PHONE),
        (
            "Children's Assessment and Safeguarding Team (CAST): quality of service "
            "(a young person's complaint)",
            TRANSPORT,
        ),
        ("Complaint (statutory)", MINUTES),
    ]


@pytest.mark.django_db
def test_the_public_version_does_not_say_which_example_came_from_a_young_person_or_stage_2():
    # Its tables may withhold young people's complaints by service as too small to publish.
    a_young_persons_complaint_about_cast()
    assert learning_examples("2019-04-01", "2020-03-31", public=True) == [
        ("Children's Assessment and Safeguarding Team (CAST): quality of service", TRANSPORT)
    ]
    assert "young person" in learning_examples("2019-04-01", "2020-03-31")[0][0]


def test_a_complaint_with_no_service_recorded_is_headed_by_its_type_and_nature():
    heading = learning_heading(
        service="", nature="Delay", record_type="Complaint (statutory)", stage=1, young_person=False
    )
    assert heading == "Complaint (statutory): delay"


def test_a_complaint_beyond_stage_1_says_so_in_its_heading():
    heading = learning_heading(
        service="Fostering",
        nature="",
        record_type="Complaint (statutory)",
        stage=2,
        young_person=True,
    )
    assert heading == "Fostering (Stage 2, a young person's complaint)"


@pytest.mark.django_db
def test_examples_about_the_same_thing_share_one_heading_not_two_alike():
    learning = [
        ("Fostering: delay", MINUTES),
        ("Children looked after: funding", TRANSPORT),
        ("Fostering: delay", PHONE),
    ]
    document = build_document(sample_report(), labels=Labels.load(), learning=learning)
    section = next(s for s in document.sections if s.id == "learning")
    quotes = [(b.heading, b.text) for b in section.blocks if isinstance(b, Quote)]
    assert quotes == [
        ("Fostering: delay", f"{MINUTES}\n\n{PHONE}"),
        ("Children looked after: funding", TRANSPORT),
    ]
