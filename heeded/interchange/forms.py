from django import forms

from heeded.casework.fields import DateField
from heeded.casework.forms.base import GovForm

from .reading import MAX_FILE_BYTES, FileRefused, file_format


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        error_messages={
            "required": "Select a CSV or Excel file of cases",
            "empty": "The selected file is empty: it needs a header row and a row per case",
        },
    )
    update = forms.BooleanField(
        required=False, label="Update cases that already exist (matched by reference)"
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Size first, before anything reads the file.
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_FILE_BYTES // 1024 // 1024} MB"
            )
        try:
            file_format(upload.name)
        except FileRefused:
            raise forms.ValidationError(
                "The selected file must be a CSV or an Excel (.xlsx) file"
            ) from None
        return upload


class ExportForm(GovForm):
    """Which cases to download (by the date received, both days included) and as what."""

    received_from = DateField(name="Received from", required=False, label="Received from")
    received_to = DateField(name="Received to", required=False, label="Received to")
    file_format = forms.ChoiceField(
        label="File type",
        choices=[("csv", "CSV (UTF-8)"), ("xlsx", "Excel workbook (.xlsx)")],
        widget=forms.RadioSelect,
        initial="csv",
        error_messages={"required": "Select a file type", "invalid_choice": "Select a file type"},
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", "Received to must be the same as or after received from")
        return data
