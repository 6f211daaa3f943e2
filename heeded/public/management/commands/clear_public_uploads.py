"""Delete attachments held for forms that were never sent (run daily, e.g. from cron).

A file uploaded on the public form waits in the documents storage until the form is sent;
if the visitor walks away, nothing else removes it. Sessions end after 30 minutes idle, so
anything older than a day belongs to nobody.
"""

import datetime as dt

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from heeded.public.uploads import FOLDER


class Command(BaseCommand):
    help = "Delete attachments held for public forms that were never sent."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=int, default=24)

    def handle(self, *args, older_than_hours: int, **options):
        cutoff = timezone.now() - dt.timedelta(hours=older_than_hours)
        try:
            _, names = default_storage.listdir(FOLDER)
        except FileNotFoundError:
            names = []
        removed = 0
        for name in names:
            path = f"{FOLDER}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        self.stdout.write(f"Deleted {removed} abandoned attachment(s).")
