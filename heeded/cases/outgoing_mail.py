"""Whether Heeded's e-mail actually leaves the server, from a real sender, with links.

Without ``EMAIL_URL`` Django prints each e-mail to the server's output instead of sending
it: right for the demo, wrong for a council. Reminders would be recorded as sent that
nobody received, and receipts and password-reset links would land in the server's log.
"""

from django.conf import settings
from django.core import checks

# What EMAIL_URL's default (consolemail://) and dummymail:// choose: nothing is delivered.
NOT_DELIVERED = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
NOT_SENT = (
    "E-mail is not sent: EMAIL_URL is not set (e-mails are printed to the server's output) "
    "or is dummymail://. Set it to the council's mail server, e.g. "
    "smtp+tls://user:password@smtp.example.gov.uk:587"
)


def mail_is_not_sent() -> bool:
    """True outside the demo when e-mail goes nowhere a person will read it."""
    return not settings.DEMO and settings.EMAIL_BACKEND in NOT_DELIVERED


@checks.register(checks.Tags.security, deploy=True)
def check_mail_is_sent(app_configs=None, **kwargs):
    warnings = []
    if mail_is_not_sent():
        warnings.append(checks.Warning(NOT_SENT, id="heeded.W001"))
    if settings.DEFAULT_FROM_EMAIL.endswith(".invalid"):
        warnings.append(
            checks.Warning(
                "DEFAULT_FROM_EMAIL is not set: e-mails would come from "
                f"{settings.DEFAULT_FROM_EMAIL}, an address no mail server accepts. Set it "
                "to the complaints team's, e.g. complaints@example.gov.uk",
                id="heeded.W002",
            )
        )
    if not settings.SITE_URL:
        warnings.append(
            checks.Warning(
                "SITE_URL is not set, so e-mails cannot link to the cases: set it to Heeded's "
                "address, e.g. https://complaints.example.gov.uk",
                id="heeded.W003",
            )
        )
    return warnings
