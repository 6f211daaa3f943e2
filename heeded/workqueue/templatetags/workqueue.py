"""Template helpers for the dashboards and the case list."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def short_date(day: dt.date | None) -> str:
    """GOV.UK style for tables: 5 Jan 2023.

    The same words as Django's ``date:"j M Y"``, written directly: that filter looks up the
    language and parses its format on every call, a fifth of a millisecond a row.
    """
    if not day:
        return ""
    return f"{day.day} {day:%b %Y}"
