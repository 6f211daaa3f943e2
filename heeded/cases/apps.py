from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "heeded.cases"
    verbose_name = "Cases"

    def ready(self):
        from . import outgoing_mail  # noqa: F401  registers the deployment check on e-mail
