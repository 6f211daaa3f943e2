"""allauth's forms for signing in and passwords, with Heeded's words (settings.ACCOUNT_FORMS).

allauth's labels are in title case ("New Password (again)"); GOV.UK writes them in sentence
case ("Confirm new password"): ``labels`` gives each box its words. Each also names its boxes
in messages in GOV.UK's way (heeded.field_messages): a null character, say, is "New password
must not contain a null character", not Django's "Null characters are not allowed.";
``called`` names a box whose label reads badly in a sentence.
"""

from allauth.account import forms as allauth
from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.validators import MaxLengthValidator

from heeded.field_messages import NamesItsFields

NEW_PASSWORD_LABELS = {"password1": "New password", "password2": "Confirm new password"}
NEW_PASSWORDS = {"password2": "New password typed again"}


class InSentenceCase(NamesItsFields):
    """An allauth form whose boxes are labelled in GOV.UK's sentence case."""

    labels: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            if name in self.fields:
                self.fields[name].label = label
        # allauth's hints are HTML (a list of password rules, a "Forgot your password?"
        # link) and a GOV.UK hint is text: the rules are given as sentences, the link not
        # at all (a page that needs one has its own).
        for field in self.fields.values():
            field.help_text = ""
        if "password1" in self.fields:
            self.fields["password1"].help_text = " ".join(password_validators_help_texts())


class LoginForm(InSentenceCase, allauth.LoginForm):
    labels = {"login": "Username or email address", "password": "Password"}


class ResetPasswordForm(InSentenceCase, allauth.ResetPasswordForm):
    labels = {"email": "Email address"}


class ResetPasswordKeyForm(InSentenceCase, allauth.ResetPasswordKeyForm):
    labels = NEW_PASSWORD_LABELS
    called = NEW_PASSWORDS


class ChangePasswordForm(InSentenceCase, allauth.ChangePasswordForm):
    labels = {"oldpassword": "Current password", **NEW_PASSWORD_LABELS}
    called = NEW_PASSWORDS


class SetPasswordForm(InSentenceCase, allauth.SetPasswordForm):
    labels = {"password1": "Password", "password2": "Confirm password"}
    called = {"password2": "Password typed again"}


class ReauthenticateForm(InSentenceCase, allauth.ReauthenticateForm):
    labels = {"password": "Password"}


class AddEmailForm(InSentenceCase, allauth.AddEmailForm):
    labels = {"email": "Email address"}

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
