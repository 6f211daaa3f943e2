"""``heeded check --deploy`` refuses a server left in demo mode.

``HEEDED_DEMO=true`` supplies a published secret key when none is set, cookies over plain
HTTP and no HSTS: anyone who read the source could forge a signed-in session.
"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_demo_is_off(app_configs=None, **kwargs):
    if settings.DEMO:
        return [
            checks.Error(
                "HEEDED_DEMO is true: demo mode is for a laptop (a published secret key when "
                "SECRET_KEY is not set, cookies over plain HTTP). Remove it on a council's "
                "server.",
                id="heeded.E001",
            )
        ]
    return []
