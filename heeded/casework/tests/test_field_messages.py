"""Every text box's messages name it in GOV.UK's way (heeded.field_messages): a null
character (\x00, which PostgreSQL cannot store) is "Full name must not contain a null
character", not Django's "Null characters are not allowed."; too much text is "Full name
must be 200 characters or fewer", not "Ensure this value has at most 200 characters (it has
425)."."""

import pytest
from django import forms
from django.core.validators import MaxLengthValidator

from heeded.casework.forms.recording import RepresentationForm
from heeded.field_messages import NamesItsFields, field_name
from heeded.taxonomy.models import RecordType


class Details(NamesItsFields, forms.Form):
    full_name = forms.CharField(label="Full name (if known)", max_length=20, required=False)
    reason = forms.CharField(label="Why is it late?", max_length=20, required=False)
    with_whom = forms.CharField(label="With whom", max_length=20, required=False)
    email = forms.EmailField(label="Email address", max_length=20, required=False)
    story = forms.CharField(label="What happened", max_length=5000, required=False)
    nickname = forms.CharField(
        label="Nickname",
        max_length=20,
        required=False,
        error_messages={"max_length": "Nicknames are short: 20 characters at most"},
    )
    code = forms.CharField(
        label="Code",
        required=False,
        validators=[MaxLengthValidator(5, message="A code is 5 letters or fewer")],
    )
    age = forms.IntegerField(label="Age", required=False)

    called = {"with_whom": "Who it was with"}


def errors(**typed) -> dict[str, list[str]]:
    form = Details(typed)
    assert not form.is_valid()
    return {name: form.errors[name] for name in typed if name in form.errors}


def test_too_much_text_is_told_in_govuk_words_naming_the_box_by_its_label():
    assert errors(full_name="D" * 21) == {"full_name": ["Full name must be 20 characters or fewer"]}


def test_a_box_the_form_calls_otherwise_is_named_as_it_calls_it():
    assert errors(with_whom="W" * 21) == {
        "with_whom": ["Who it was with must be 20 characters or fewer"]
    }


def test_a_question_is_quoted_and_a_number_over_999_has_a_comma():
    assert errors(reason="R" * 21, story="S" * 5001) == {
        "reason": ["The answer to ‘Why is it late?’ must be 20 characters or fewer"],
        "story": ["What happened must be 5,000 characters or fewer"],
    }


def test_an_email_address_too_long_is_named_too():
    assert errors(email="someone@example.com.uk") == {
        "email": ["Email address must be 20 characters or fewer"]
    }


class Contact(NamesItsFields, forms.Form):
    email = forms.EmailField(label="Email address")  # Django's own limit: 320 characters

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].validators.append(MaxLengthValidator(200))


def test_of_two_limits_the_lower_is_told():
    form = Contact({"email": "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".uk"})
    assert form.errors["email"] == ["Email address must be 200 characters or fewer"]


def test_words_written_by_hand_are_kept():
    assert errors(nickname="N" * 21, code="ABCDEF") == {
        "nickname": ["Nicknames are short: 20 characters at most"],
        "code": ["A code is 5 letters or fewer"],
    }


def test_a_null_character_is_named_by_the_box_it_is_in():
    assert errors(full_name="Priya\x00", with_whom="Sam\x00") == {
        "full_name": ["Full name must not contain a null character"],
        "with_whom": ["Who it was with must not contain a null character"],
    }


def test_a_box_without_text_keeps_djangos_own_words():
    form = Details({"age": "ten"})
    assert not form.is_valid()
    assert form.errors["age"] == ["Enter a whole number."]
    assert "max_length" not in form.fields["age"].error_messages


def test_the_form_class_is_left_as_it_was():
    # Messages are set on each form's own copy of its fields, never on the class's.
    Details({"full_name": "D" * 21}).is_valid()
    assert "max_length" not in Details.base_fields["full_name"].error_messages


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
