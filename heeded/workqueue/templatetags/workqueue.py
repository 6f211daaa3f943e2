"""Template helpers for the dashboards and the case list."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import format_html

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


@register.filter
def deadline_tag(case) -> str:
    """The "time left" words of a row (set by presenters.decorate): red when overdue, orange
    when due today, plain otherwise. A filter, not an include: it runs for every row."""
    words = getattr(case, "deadline_words", "")
    if not words:
        return ""
    if case.is_overdue:
        return format_html('<strong class="govuk-tag govuk-tag--red">{}</strong>', words)
    if words == "Due today":
        return format_html('<strong class="govuk-tag govuk-tag--orange">{}</strong>', words)
    return words
