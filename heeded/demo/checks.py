"""``heeded check --deploy`` refuses a server left in demo mode, and warns of the demo's
embedded database.

``HEEDED_DEMO=true`` supplies a published secret key when none is set, cookies over plain
HTTP and no HSTS: anyone who read the source could forge a signed-in session. Without
``DATABASE_URL`` the council's cases would go to a SQLite file in the installation folder.
"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_demo_defaults_are_gone(app_configs=None, **kwargs):
    found = []
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        found.append(
            checks.Warning(
                "DATABASE_URL is not PostgreSQL: the cases are kept in the SQLite file "
                f"{settings.DATABASES['default']['NAME']}, meant for the demo. Set it, e.g. "
                "postgres://heeded:<password>@db.internal:5432/heeded",
                id="heeded.W004",
            )
        )
    if settings.DEMO:
        found.append(
            checks.Error(
                "HEEDED_DEMO is true: demo mode is for a laptop (a published secret key when "
                "SECRET_KEY is not set, cookies over plain HTTP). Remove it on a council's "
                "server.",
                id="heeded.E001",
            )
        )
    return found
