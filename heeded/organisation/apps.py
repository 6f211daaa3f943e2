from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "heeded.organisation"
    verbose_name = "Organisation"
