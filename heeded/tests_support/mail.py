"""Mail for tests: Django's own SMTP backend aimed at a port where nothing listens, so that
sending fails as it does when the council's mail server is down (no stand-in for it)."""

MAIL_SERVER_DOWN = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 1,  # tcpmux: nothing listens there
    "EMAIL_TIMEOUT": 2,
}
