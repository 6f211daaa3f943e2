"""Heeded settings: everything that differs between installations comes from the environment.

Each variable is documented in README.md ("Configuration"). ``HEEDED_DEMO=true`` (set by
``make demo`` and the test suite) supplies safe defaults for a laptop; without it a missing
secret fails loudly rather than running a council's data with a made-up key.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(environ.Env().str("HEEDED_VAR_DIR", default=str(PROJECT_DIR / "var")))

env = environ.Env()
DEMO = env.bool("HEEDED_DEMO", default=False)
DEBUG = env.bool("DEBUG", default=False)

if DEMO:
    SECRET_KEY = env.str("SECRET_KEY", default="demo-only-not-secret-" + "x" * 40)
else:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 40:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random string of at least 40 characters "
            "(or set HEEDED_DEMO=true to run the demo on this machine)."
        )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEMO else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    "django_htmx",
    "govuk_frontend_django",
    "crispy_forms",
    "crispy_forms_gds",
    # Heeded, named for what the complaints team does
    "heeded.organisation",
    "heeded.calendars",
    "heeded.taxonomy",
    "heeded.cases",
    "heeded.access",
    "heeded.workqueue",
    "heeded.casework",
    "heeded.reference",
    "heeded.reports",
    "heeded.interchange",
    "heeded.public",
    "heeded.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Lets a request use the reference data the process keeps (heeded/reference/editions.py).
    "heeded.reference.editions.EditionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Renews a used session at most once a minute (heeded/access/sessions.py).
    "heeded.access.sessions.SessionRenewalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "heeded.error_pages.MethodNotAllowedPage",
]

ROOT_URLCONF = "heeded.urls"
WSGI_APPLICATION = "heeded.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "heeded.organisation.context_processors.organisation",
            ],
        },
    }
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'heeded.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default lives under var/, made on first use.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Tests use a file too, like production: an in-memory database's shared cache locks
    # whole tables and ignores the busy timeout, so concurrent tests would fail spuriously.
    # One file per test process, so parallel runs never share one; Django removes it after.
    DATABASES["default"]["TEST"] = {
        "NAME": str(
            Path(DATABASES["default"]["NAME"]).with_name(f"test-heeded-{os.getpid()}.sqlite3")
        )
    }
    # WAL and a busy timeout let the demo serve pages while a command writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
        # Parameters bound by the server, and a query prepared (parsed and planned once) the
        # fifth time a connection runs it: PostgreSQL took longer to plan the case page's
        # joins than to run them. A pooler in transaction mode (PgBouncer) cannot keep a
        # connection's prepared statements: turn this off behind one. The case list's
        # queries are never prepared (heeded/workqueue/plans.py says why).
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"server_side_binding": True, "prepare_threshold": 5}
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How many PostgreSQL connections one annual report's queries may use at once (they share
# one snapshot of the data); 1 runs them one after another.
REPORT_DATABASE_CONNECTIONS = env.int("REPORT_DATABASE_CONNECTIONS", default=3)

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://heeded")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
# Sessions end after inactivity: a request renews the session (at most once a minute, by
# heeded.access.sessions), so the clock is idle time.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
# How long before a session ends its pages warn, with a button to keep it (WCAG 2.2.1):
# heeded/static/js/timeout-warning.js.
SESSION_WARNING_SECONDS = env.int("SESSION_WARNING_SECONDS", default=2 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEMO)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "heeded.error_pages.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_HTTPS_PROXY", default=False) else None
)
# A site whose cookies go over HTTPS only is an HTTPS site: a plain-HTTP address is sent to
# HTTPS, and browsers are told (HSTS) never to use plain HTTP for it again, so nobody on the
# network in between can read or change a page of children's complaints.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env.int(
    "HSTS_SECONDS", default=365 * 24 * 60 * 60 if SESSION_COOKIE_SECURE else 0
)
# And for names under Heeded's own (complaints.example.gov.uk's, not the council's other
# sites): false if Heeded is served at a name with plain-HTTP sites under it.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
# Browsers' preload list takes a whole registered domain (gov.uk is on it already), never a
# council's host name for one service: Django's reminder to ask for it does not apply.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The demo and tests serve static files straight from the source tree (no collectstatic).
WHITENOISE_USE_FINDERS = DEMO or DEBUG
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
if DEMO:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it to exist
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and not DEMO
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded documents live outside the web root and are only ever served through a view
# that checks who is asking.
MEDIA_ROOT = Path(env.str("DOCUMENTS_ROOT", default=str(VAR_DIR / "documents")))
# Nothing serves this URL (no URL pattern maps it): documents are downloaded only through
# the case page's permission-checked view. Django's test server needs a string here.
MEDIA_URL = "/documents-are-not-served-directly/"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Heeded's own address, for links in e-mails sent by commands (reminders), where there is
# no request to take it from: https://complaints.example.gov.uk
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEMO else "")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="complaints@heeded.invalid")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# crispy-forms-gds styles text, email and password boxes as GOV.UK inputs but left a web
# address box (type="url") unstyled: a few characters wide in the browser's own font.
CRISPY_CLASS_CONVERTERS = {"urlinput": "govuk-input"}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Sign-in, navigation by role and Content-Security-Policy ------------------------------
# (one block, added by the workqueue helper; see heeded/access/)
from csp.constants import NONE, SELF  # noqa: E402

# After the Heeded apps, so heeded.access's templates for allauth's pages come first.
INSTALLED_APPS += ["allauth", "allauth.account"]


def _after(anchor: str, *names: str) -> None:
    """Put ``names``, in this order, straight after the middleware ``anchor``."""
    at = MIDDLEWARE.index(anchor) + 1
    MIDDLEWARE[at:at] = names


_after("django.middleware.security.SecurityMiddleware", "csp.middleware.CSPMiddleware")
_after(
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the CSRF check reads a form: nobody signed out can post gigabytes of files.
    "heeded.access.middleware.RequestSizeLimitMiddleware",
    # Every page needs sign-in unless marked otherwise (the public's feedback forms).
    "heeded.access.middleware.SignInRequiredMiddleware",
    # No copy of a signed-in page or download kept by the browser (shared computers).
    "heeded.access.middleware.NoStoreWhenSignedInMiddleware",
)
MIDDLEWARE.append("allauth.account.middleware.AccountMiddleware")
TEMPLATES[0]["OPTIONS"]["context_processors"].append("heeded.access.context_processors.navigation")
TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "heeded.access.context_processors.session_timeout"
)
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "heeded.access.adapters.StaffOnlyAccountAdapter"  # no public sign-up
# Every allauth form a member of staff can reach, so that each names its boxes in messages.
ACCOUNT_FORMS = {
    "login": "heeded.access.forms.LoginForm",
    "reset_password": "heeded.access.forms.ResetPasswordForm",
    "reset_password_from_key": "heeded.access.forms.ResetPasswordKeyForm",
    "change_password": "heeded.access.forms.ChangePasswordForm",
    "set_password": "heeded.access.forms.SetPasswordForm",
    "reauthenticate": "heeded.access.forms.ReauthenticateForm",
    "add_email": "heeded.access.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"  # staff addresses are set by an administrator
ACCOUNT_SESSION_REMEMBER = False  # sessions end on inactivity and at browser close
ACCOUNT_LOGOUT_ON_GET = False  # sign out by POST only
# The sign-in page, which tells the person's other tabs to leave what they show
# (js/timeout-warning.js); allauth's message says "You have signed out."
ACCOUNT_LOGOUT_REDIRECT_URL = "/accounts/login/?signed_out=1"
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: per account name, and per address (generous: an office shares one).
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="50/5m/ip,5/15m/key"),
}
# No inline scripts or styles anywhere: base.html loads only files from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# --- end of sign-in block ------------------------------------------------------------------
