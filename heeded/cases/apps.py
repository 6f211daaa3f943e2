from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "heeded.cases"
    verbose_name = "Cases"
