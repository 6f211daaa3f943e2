"""Correcting the details of someone on a case after it was recorded."""

from __future__ import annotations

from django import forms

from heeded.cases.actions import PERSON_DETAILS, person_version
from heeded.cases.models import ContactPreference, Person
from heeded.public.fields import clean_postcode

from . import clashes
from .base import GovForm, date_of_birth_field, email_field, kept_text


class PersonDetailsForm(GovForm):
    full_name = kept_text(Person, "full_name", label="Full name")
    email = email_field()
    telephone = kept_text(Person, "telephone", label="Telephone")
    address = forms.CharField(
        label="Address", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    postcode = kept_text(Person, "postcode", label="Postcode")
    preferred_contact = forms.ChoiceField(
        label="How do they prefer to be contacted?",
        choices=[("", "Not known"), *ContactPreference.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    date_of_birth = date_of_birth_field()
    organisation = kept_text(
        Person, "organisation", label="Organisation", help_text="For advocates and professionals."
    )
    # The details as this form showed them (``person_version``): a change someone else
    # saves meanwhile is not silently overwritten.
    seen = forms.CharField(widget=forms.HiddenInput)
    # The details as the form was opened (``clashes``): after a clash, what this person
    # left alone takes the other person's new value.
    opened_with = forms.CharField(widget=forms.HiddenInput, required=False)

    required_messages = {"full_name": "Enter their full name"}

    def __init__(self, *args, person: Person, **kwargs):
        initial = {name: getattr(person, name) for name in PERSON_DETAILS}
        initial["seen"] = person_version(person)
        self.person = person
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["full_name"].required = True
        if not self.is_bound:
            self.initial["opened_with"] = clashes.opened_as(clashes.answers(self, PERSON_DETAILS))

    def after_clash(self, current: PersonDetailsForm) -> PersonDetailsForm:
        """The answers again after someone else saved first (``current``: the form as it
        would open now), merged (``clashes.merge``) and carrying the details' fingerprint
        now: saved again, they are a choice made knowing the other person's change."""
        data, _ = clashes.merge(self, list(PERSON_DETAILS), current)
        data["seen"] = current.initial["seen"]
        again = type(self)(data, person=current.person)
        again.is_valid()
        return again

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip()
        return clean_postcode(postcode) if postcode else ""

    def details(self) -> dict:
        data = self.cleaned_data
        details = {name: data[name] for name in PERSON_DETAILS}
        for name in ("full_name", "email", "telephone", "address", "organisation"):
            details[name] = (details[name] or "").strip()
        return details
