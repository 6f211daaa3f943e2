from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "heeded.taxonomy"
    verbose_name = "Reference data"
