from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "heeded.calendars"
    verbose_name = "Working-day calendars"
