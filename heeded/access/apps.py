from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "heeded.access"
    verbose_name = "People and access"

    def ready(self):
        from . import signals

        signals.connect()
