"""allauth's forms for signing in and passwords, with Heeded's messages (settings.ACCOUNT_FORMS).

Each names its boxes in GOV.UK's way (heeded.field_messages): a null character, say, is
"New password must not contain a null character", not Django's "Null characters are not
allowed.". allauth's labels are in title case ("New Password (again)"): ``called`` puts
them into a sentence.
"""

from allauth.account import forms as allauth
from allauth.account.models import EmailAddress
from django.core.validators import MaxLengthValidator

from heeded.field_messages import NamesItsFields

NEW_PASSWORDS = {"password1": "New password", "password2": "New password typed again"}


class LoginForm(NamesItsFields, allauth.LoginForm):
    called = {"login": "Username or email address"}  # as the sign-in page labels it


class ResetPasswordForm(NamesItsFields, allauth.ResetPasswordForm):
    called = {"email": "Email address"}


class ResetPasswordKeyForm(NamesItsFields, allauth.ResetPasswordKeyForm):
    called = NEW_PASSWORDS


class ChangePasswordForm(NamesItsFields, allauth.ChangePasswordForm):
    called = {"oldpassword": "Current password", **NEW_PASSWORDS}


class SetPasswordForm(NamesItsFields, allauth.SetPasswordForm):
    called = {"password1": "Password", "password2": "Password typed again"}


class ReauthenticateForm(NamesItsFields, allauth.ReauthenticateForm):
    pass


class AddEmailForm(NamesItsFields, allauth.AddEmailForm):
    called = {"email": "Email address"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No longer than allauth keeps it (Django's EmailField takes 320 characters):
        # PostgreSQL would refuse to store more.
        field = self.fields["email"]
        field.max_length = EmailAddress._meta.get_field("email").max_length
        field.validators = [
            *(v for v in field.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(field.max_length),
        ]
