from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "heeded.access"
    verbose_name = "People and access"

    def ready(self):
        from . import checks, signals  # noqa: F401  checks registers the deployment check

        signals.connect()
