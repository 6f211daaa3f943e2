"""Labels a council writes, placed inside sentences without breaking their capitals."""

import pytest

from heeded.casework.questions import questions_for
from heeded.taxonomy.models import RecordType
from heeded.taxonomy.wording import in_plural, in_sentence


@pytest.mark.parametrize(
    ("label", "in_a_sentence"),
    [
        ("Compliment", "compliment"),
        ("Complaint (statutory)", "complaint (statutory)"),
        ("Information request (GDPR)", "information request (GDPR)"),
        ("MP or councillor enquiry", "MP or councillor enquiry"),
        ("Freedom of Information request", "Freedom of Information request"),
        ("Environmental Information request", "Environmental Information request"),
        ("Response", "response"),
        ("", ""),
    ],
)
def test_a_label_inside_a_sentence_keeps_acronyms_and_names(label, in_a_sentence):
    assert in_sentence(label) == in_a_sentence


@pytest.mark.parametrize(
    ("label", "several"),
    [
        ("Subject access request", "Subject access requests"),
        ("MP or councillor enquiry", "MP or councillor enquiries"),
        ("Information request (GDPR)", "Information requests (GDPR)"),
        ("Complaint (statutory)", "Complaints (statutory)"),
        ("Case concern", "Case concerns"),
    ],
)
def test_a_label_for_several_puts_its_noun_in_the_plural(label, several):
    assert in_plural(label) == several


def test_a_council_record_type_named_with_an_acronym_keeps_it_in_messages():
    ward = RecordType(code="ward_query", label="NHS partner query", procedure="none")
    assert questions_for(ward).noun == "NHS partner query"
    assert questions_for(RecordType(code="c", label="Comment", procedure="none")).noun == "comment"
