"""Template helpers for the dashboards and the case list."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from heeded.calendars.dates import short_date

register = template.Library()


register.filter("short_date", short_date)


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
