from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from heeded.access.roles import ROLES

from ..services.staff import check_username
from .base import GovukForm

User = get_user_model()


def role_choices(roles) -> list[Choice]:
    return [Choice(role.value, ROLES[role].label, hint=ROLES[role].description) for role in roles]


class StaffForm(GovukForm):
    def __init__(self, *args, adding: bool, roles, **kwargs):
        """``roles``: the roles the person filling the form in may give (roles_given_by)."""
        super().__init__(*args, **kwargs)
        fields = {}
        if adding:
            fields["username"] = forms.CharField(
                label="Username",
                max_length=150,
                help_text="What they type to sign in, for example jsmith",
                error_messages={"required": "Enter a username"},
            )
        fields["first_name"] = forms.CharField(
            label="First name",
            max_length=150,
            error_messages={"required": "Enter their first name"},
        )
        fields["last_name"] = forms.CharField(
            label="Last name",
            max_length=150,
            error_messages={"required": "Enter their last name"},
        )
        fields["email"] = forms.EmailField(
            label="Email address",
            max_length=User._meta.get_field("email").max_length,
            error_messages={
                "required": "Enter their email address",
                "invalid": "Enter an email address in the correct format, like name@council.gov.uk",
            },
        )
        fields["roles"] = forms.MultipleChoiceField(
            label="Roles",
            choices=role_choices(roles),
            widget=forms.CheckboxSelectMultiple,
            help_text="Select all that apply.",
            error_messages={
                "required": "Select at least one role",
                # A role the signed-in person may not give (a tampered form).
                "invalid_choice": "Select roles from the list",
            },
        )
        self.fields = fields

    def clean_username(self):
        """Checked with the other answers, so that a username with a space in it, or one
        someone already has, is listed with everything else wrong in one round; the service
        checks it again when it saves."""
        username = self.cleaned_data["username"].strip()
        try:
            check_username(username)
        except ValidationError as error:
            raise ValidationError(error.message_dict["username"]) from None
        return username

    def layout(self):
        return [
            Field.text("username", field_width=20)
            if name == "username"
            else Field.checkboxes("roles", legend_size="s")
            if name == "roles"
            else Field.text(name)
            for name in self.fields
        ]
