"""What goes on the case file: contacts with the complainant, notes, documents."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from heeded.cases import actions
from heeded.cases.documents import ALLOWED_DESCRIPTION, MAX_BYTES, add_document
from heeded.cases.models import Contact, ContactDirection, Document
from heeded.taxonomy.models import HowReceived

from ..base import kept_text
from ._base import ActionForm, on_date


class ContactForm(ActionForm):
    happened_on = on_date("Date of the contact")
    # The action takes the moment (date and time); its date is this form's happened_on.
    refusal_fields = {"happened_at": "happened_on"}
    time = forms.CharField(required=False, label="Time (optional)", help_text="For example, 14:30")
    direction = forms.ChoiceField(
        choices=ContactDirection.choices,
        widget=forms.RadioSelect,
        label="Who was the contact from?",
        error_messages={"required": "Select who the contact was from"},
    )
    method = forms.ModelChoiceField(
        queryset=HowReceived.objects.in_use(),
        label="How",
        empty_label="Choose how",
        error_messages={"required": "Select how the contact was made"},
    )
    with_whom = kept_text(
        Contact, "with_whom", label="With whom", called="Who the contact was with"
    )
    summary = forms.CharField(
        widget=forms.Textarea,
        label="Summary",
        error_messages={"required": "Enter a summary of the contact"},
    )
    button = "Save contact"

    def clean_time(self):
        text = self.cleaned_data["time"].strip()
        if not text:
            return None
        try:
            return dt.datetime.strptime(text.replace(".", ":"), "%H:%M").time()
        except ValueError:
            raise forms.ValidationError("Enter a time like 14:30") from None

    def clean(self):
        data = super().clean()
        self.refusals(
            actions.contact_refusals(
                self.case, data.get("happened_on"), data.get("direction"), data.get("method")
            )
        )
        return data

    def happened_at(self) -> dt.datetime:
        """The moment of the contact; with no time given, midday, or now if that is
        earlier (a contact logged this morning did not happen this afternoon)."""
        data = self.cleaned_data
        council_time = timezone.get_current_timezone()  # settings.TIME_ZONE
        if data["time"] is not None:
            return dt.datetime.combine(data["happened_on"], data["time"], tzinfo=council_time)
        midday = dt.datetime.combine(data["happened_on"], dt.time(12, 0), tzinfo=council_time)
        return min(midday, timezone.localtime().replace(second=0, microsecond=0))

    def perform(self, *, by, version):
        data = self.cleaned_data
        actions.log_contact(
            self.case,
            by=by,
            happened_at=self.happened_at(),
            direction=data["direction"],
            method=data["method"],
            summary=data["summary"],
            with_whom=data["with_whom"],
        )
        return "Contact logged"


class NoteForm(ActionForm):
    text = forms.CharField(
        widget=forms.Textarea, label="Note", error_messages={"required": "Enter the note"}
    )
    button = "Add note"

    def perform(self, *, by, version):
        actions.add_note(self.case, by=by, text=self.cleaned_data["text"])
        return "Note added"


class DocumentForm(ActionForm):
    file = forms.FileField(
        label="Upload a file",
        help_text=f"{ALLOWED_DESCRIPTION}, smaller than {MAX_BYTES // 2**20}MB",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )
    description = kept_text(Document, "description", label="Description (optional)")
    button = "Upload"

    def perform(self, *, by, version):
        document = add_document(
            self.case,
            self.cleaned_data["file"],
            by=by,
            description=self.cleaned_data["description"],
        )
        return f"{document.original_name} uploaded"
