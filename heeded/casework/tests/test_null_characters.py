"""A null character (\x00) typed or pasted into a staff form is refused by name, as every
other answer is ("Full name must not contain a null character"), never with Django's
"Null characters are not allowed." (PostgreSQL cannot store one.)"""

import pytest
from django import forms

from heeded.casework.forms.recording import RepresentationForm
from heeded.field_messages import field_name
from heeded.taxonomy.models import RecordType


@pytest.mark.django_db
def test_a_null_character_in_a_representation_is_named_by_the_box_it_is_in():
    form = RepresentationForm(
        {
            "received_on_day": "3",
            "received_on_month": "10",
            "received_on_year": "2022",
            "full_name": "Priya\x00Shah",
            "summary": "Late\x00 reply",
        },
        record_type=RecordType.objects.get(code="complaint"),
    )
    assert not form.is_valid()
    assert form.errors["full_name"] == ["Full name must not contain a null character"]
    # The summary's label is the record type's own, written in __init__.
    assert form.errors["summary"] == [
        f"{form.fields['summary'].label} must not contain a null character"
    ]


@pytest.mark.parametrize(
    ("label", "called", "name"),
    [
        ("Full name", "", "Full name"),
        ("Advocacy provider (if known)", "", "Advocacy provider"),
        ("Why is it being reopened?", "", "The answer to ‘Why is it being reopened?’"),
        ("With whom", "Who the contact was with", "Who the contact was with"),
    ],
)
def test_a_message_names_a_box_by_its_label_or_as_the_form_calls_it(label, called, name):
    assert field_name(forms.CharField(label=label), called) == name
