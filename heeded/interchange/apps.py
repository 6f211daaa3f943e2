from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "heeded.interchange"
