"""A run of shares of one number says that number once, before the run, and each share as
its count and percentage ("Of 28 Stage 1 responses, 19 (68%) were ..."): "of 28" in every
clause or bullet read as a table written out in words.

Figures: the Isle of Wight 2019/20 sample report (seed 000)."""

import pytest

from heeded.reports.document import Labels, build_document

from .document_text import section_texts
from .fixtures.sample_report import sample_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return build_document(sample_report(), labels=Labels.load())


def test_the_stage_1_bands_in_the_summary_name_the_responses_once(document):
    # IoW 2019/20: 19, 7 and 2 of 28 Stage 1 responses.
    assert (
        "Of 28 Stage 1 responses, 19 (68%) were within 10 working days, 7 (25%) took 11 to 20 "
        "working days and 2 (7%) took over 20 working days."
    ) in section_texts(document, "summary")


def test_the_findings_name_the_responses_once(document):
    findings = section_texts(document, "findings")[0]
    assert findings.startswith("Of the 28 Stage 1 responses, 1 (4%) was upheld, 6 (21%) ")
    assert findings.count("of 28") == 0


def test_the_bullets_on_young_peoples_complaints_name_their_number_once_above_them(document):
    # 2 complaints from young people: 1 through a professional, 1 upheld, an advocate
    # offered in both.
    texts = section_texts(document, "young_people")
    lead_in = texts.index("That is 2 of 30 (7%) complaints. Of these 2:")
    assert texts[lead_in + 1 : lead_in + 3] == [
        "1 (50%) was made through an advocate or another professional.",
        "1 (50%) was upheld or partially upheld at Stage 1.",
    ]
    assert texts[lead_in + 3].startswith("Both were offered an advocate, and ")
    assert texts[lead_in + 3].endswith(" of those offered took one up.")


def test_statutory_and_other_representations_name_the_total_once(document):
    texts = section_texts(document, "representations")
    lead_in = texts.index("Of the 68 representations:")
    assert texts[lead_in + 1 : lead_in + 3] == [
        "38 (56%) were statutory; of these, 30 (79%) were accepted and managed as "
        "statutory complaints.",
        "30 (44%) were other representations.",
    ]
