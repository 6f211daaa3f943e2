from django.apps import AppConfig


class WorkqueueConfig(AppConfig):
    name = "heeded.workqueue"
