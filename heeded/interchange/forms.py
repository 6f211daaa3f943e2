from django import forms

from .reading import MAX_FILE_BYTES, FileRefused, file_format


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        error_messages={"required": "Select a CSV or Excel file of cases"},
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
