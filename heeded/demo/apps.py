from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "heeded.demo"
    verbose_name = "Demonstration data"

    def ready(self):
        from . import checks  # noqa: F401  registers the deployment check on demo mode
