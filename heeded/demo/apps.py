from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "heeded.demo"
    verbose_name = "Demonstration data"
