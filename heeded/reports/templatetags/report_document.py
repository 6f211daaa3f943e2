"""Template helpers for the report document: figures as drill-down links, charts as SVG."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def figure(context, cell):
    """A figure, linked to the cases behind it when the page was given a link builder
    (only for people allowed to see cases)."""
    link = context.get("case_link")
    if link and cell.links:
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> (list the '
            "cases)</span></a>",
            link(cell),
            cell.text,
        )
    return cell.text


@register.simple_tag
def chart_svg(chart):
    # Imported here, not above: Django loads every tag library when it first renders any
    # page, and matplotlib would add a second to each server process's first page.
    from ..renderers import charts

    # Our own matplotlib output; the alt text inside is escaped by charts.svg.
    return mark_safe(charts.svg(chart))  # noqa: S308
