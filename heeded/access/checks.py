"""``heeded check --deploy`` warns when the limits on failed sign-ins and on the public
forms' sends are counted by each server process on its own.

Both count in the default cache. Without ``CACHE_URL`` that is each process's own memory:
behind gunicorn's five workers, "5 failed sign-ins in 15 minutes" becomes up to 25, and a
restart forgets them all.
"""

from django.conf import settings
from django.core import checks

PER_PROCESS = "django.core.cache.backends.locmem.LocMemCache"


@checks.register(checks.Tags.security, deploy=True)
def check_limits_are_shared(app_configs=None, **kwargs):
    if settings.CACHES["default"]["BACKEND"] != PER_PROCESS:
        return []
    return [
        checks.Warning(
            "CACHE_URL is not set: each server process counts failed sign-ins and the public "
            "forms' sends on its own, so the limits on them are multiplied by the number of "
            "processes. Set it to Redis, e.g. redis://127.0.0.1:6379/0",
            id="heeded.W005",
        )
    ]
