"""Dates given to ``heeded`` commands (``--date 2022-09-12``), read the one way."""

import datetime as dt

from django.core.management.base import CommandError


def iso_date(text: str) -> dt.date:
    """An argument's date, or a message that says what was given and how to write it."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is not a date: use YYYY-MM-DD, like 2022-09-12.") from None
