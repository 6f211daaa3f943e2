"""allauth's sign-in forms with Heeded's messages (settings.ACCOUNT_FORMS)."""

from allauth.account import forms as allauth

from heeded.field_messages import NamesItsFields


class LoginForm(NamesItsFields, allauth.LoginForm):
    called = {"login": "Username or email address"}  # as the sign-in page labels it


class ResetPasswordForm(NamesItsFields, allauth.ResetPasswordForm):
    called = {"email": "Email address"}
