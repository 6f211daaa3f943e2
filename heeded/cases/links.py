"""Full addresses of case pages, for e-mails: sent after a form or by a command, they have
no request to take Heeded's own address from, so it comes from the ``SITE_URL`` setting."""

from django.conf import settings
from django.urls import reverse


def case_link(reference: str) -> str:
    """The case page's full address, or "" where ``SITE_URL`` is not set (the e-mail then
    tells the reader to sign in and look the reference up)."""
    site = settings.SITE_URL.rstrip("/")
    return site + reverse("casework:case", kwargs={"reference": reference}) if site else ""
