"""Template helpers for the report document: figures as drill-down links, charts as SVG."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..renderers import charts

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
    # Our own matplotlib output; the alt text inside is escaped by charts.svg.
    return mark_safe(charts.svg(chart))  # noqa: S308
