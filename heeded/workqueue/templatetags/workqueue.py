"""Template helpers for the dashboards and the case list.

The rows of the case tables are written here rather than in the templates: a table row in
the template language resolved some fifteen variables and filters per case, and the
dashboard's ninety rows and the list's fifty were the larger part of those pages' time. The
markup is the same GOV.UK table row, a case at a time, every value escaped as the template
would escape it; short dates are only digits and month names. The dashboard's panels and
the case list's filter boxes are written here too, for the same reason: nine panels were a
quarter of the dashboard's time, eleven includes of a field template a tenth of the list's.
"""

from __future__ import annotations

from html import escape

from django import template
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from heeded.calendars.dates import short_date
from heeded.casework.templatetags.casework import person_name, stage_name

register = template.Library()

NOT_ASSIGNED = '<span class="app-secondary-text">Not assigned</span>'
NO_DEADLINE = '<span class="app-secondary-text">No deadline</span>'
NO_PEOPLE = '<span class="app-secondary-text">None recorded</span>'
# How many of a case's people a list row names.
PEOPLE_LISTED = 2


def _text(value) -> str:
    """``value`` as the template language prints it, escaped: the standard library's escape,
    which Django's own wraps in a check for lazy strings that cost more than the escaping."""
    return escape(str(value))


def _officer(case) -> str:
    name = person_name(case.assigned_officer)
    return _text(name) if name else NOT_ASSIGNED


def _time_left(case) -> str:
    """The "time left" words of a row (set by presenters.decorate): red when overdue, orange
    when due today, plain otherwise."""
    words = getattr(case, "deadline_words", "")
    if not words:
        return ""
    if case.is_overdue:
        return f'<strong class="govuk-tag govuk-tag--red">{_text(words)}</strong>'
    if words == "Due today":
        return f'<strong class="govuk-tag govuk-tag--orange">{_text(words)}</strong>'
    return _text(words)


def _table_row(case, cells: list[tuple[str, str]]) -> SafeString:
    """A case table's row: the case's reference, linked, as its header cell, then ``cells``
    ((classes, markup) pairs)."""
    link = f'<a class="govuk-link" href="{_text(case.page_url)}">{_text(case.reference)}</a>'
    header = f'<th scope="row" class="govuk-table__header app-nowrap">{link}</th>'
    data = "".join(
        f'<td class="govuk-table__cell{classes}">{markup}</td>' for classes, markup in cells
    )
    return mark_safe(f'<tr class="govuk-table__row">{header}{data}</tr>')


@register.simple_tag
def queue_row(case) -> SafeString:
    """One case of a dashboard panel: reference, type, officer, next deadline, time left."""
    if case.next_deadline:
        deadline = (
            f"{short_date(case.next_deadline)}<br>"
            f'<span class="govuk-body-s app-secondary-text">{_text(case.next_deadline_what)}</span>'
        )
    else:
        deadline = NO_DEADLINE
    cells = [
        ("", _text(case.record_type.label)),
        ("", _officer(case)),
        ("", deadline),
        ("", _time_left(case)),
    ]
    return _table_row(case, cells)


# The head of a dashboard panel's table: the cells queue_row writes, named.
QUEUE_HEAD = "\n".join(
    [
        '      <thead class="govuk-table__head">',
        '        <tr class="govuk-table__row">',
        *(
            f'          <th scope="col" class="govuk-table__header">{name}</th>'
            for name in ("Reference", "Type", "Officer", "Next deadline", "Time left")
        ),
        "        </tr>",
        "      </thead>",
    ]
)


@register.simple_tag
def queue_panel(queue, heading: str, prefix: str) -> SafeString:
    """One queue of a dashboard (``heading``: "My work" or "Team") as a GOV.UK summary card:
    its title and count, links to the whole queue, and a table of its first few cases, or
    what it says when it is empty."""
    count, shown = queue.count, len(queue.cases)
    named = f"{_text(heading)}: {_text(queue.title.lower())}"
    # Each "View all" says to a screen reader which queue it opens: "overdue (my work)".
    which = (
        f'<span class="govuk-visually-hidden"> {_text(queue.title.lower())}'
        f" ({_text(heading.lower())})</span>"
    )
    url = _text(queue.view_all_url)
    lines = [
        f'<div class="govuk-summary-card" id="{_text(prefix)}-{_text(queue.key)}">',
        '  <div class="govuk-summary-card__title-wrapper">',
        f'    <h3 class="govuk-summary-card__title">{_text(queue.title)}: {count} case'
        f"{'' if count == 1 else 's'}</h3>",
    ]
    if count:
        lines += [
            '    <ul class="govuk-summary-card__actions">',
            '      <li class="govuk-summary-card__action">'
            f'<a class="govuk-link" href="{url}">View all{which}</a></li>',
            "    </ul>",
        ]
    lines += ["  </div>", '  <div class="govuk-summary-card__content">']
    if not shown:
        lines.append(f'    <p class="govuk-body govuk-!-margin-bottom-0">{_text(queue.empty)}</p>')
    else:
        caption = named + (f", first {shown} of {count}" if count > shown else "")
        lines += [
            f'    <div class="app-table-scroll" role="region" aria-label="{named}" tabindex="0">',
            '    <table class="govuk-table govuk-!-margin-bottom-0 app-queue-table">',
            '      <caption class="govuk-table__caption govuk-visually-hidden">'
            f"{caption}</caption>",
            QUEUE_HEAD,
            '      <tbody class="govuk-table__body">',
            *("        " + queue_row(case) for case in queue.cases),
            "      </tbody>",
            "    </table>",
            "    </div>",
        ]
        if count > shown:
            lines.append(
                '    <p class="govuk-body govuk-!-margin-top-4 govuk-!-margin-bottom-0">'
                f'<a class="govuk-link" href="{url}">View all {count} cases{which}</a></p>'
            )
    lines += ["  </div>", "</div>"]
    return mark_safe("\n".join(lines))


@register.simple_tag
def case_row(case) -> SafeString:
    """One case of the case list: reference, received, type, people, stage, officer and
    next deadline (with its time left)."""
    people = case.people_listed[:PEOPLE_LISTED]
    names = "<br>".join(_text(name) for name in people) if people else NO_PEOPLE
    if case.closed_on:
        stage = f'Closed <span class="app-nowrap">{short_date(case.closed_on)}</span>'
    elif case.current_stage:
        stage = _text(stage_name(case.current_stage, case))
    else:
        stage = "Open"
    if case.next_deadline and not case.closed_on:
        deadline = (
            f'<span class="app-nowrap">{short_date(case.next_deadline)}</span><br>'
            f"{_time_left(case)}"
        )
    else:
        deadline = NO_DEADLINE
    cells = [
        (" app-nowrap", short_date(case.received_on)),
        ("", _text(case.record_type.label)),
        (" app-case-table__wrap", names),
        ("", stage),
        (" app-case-table__wrap", _officer(case)),
        (" app-case-table__deadline", deadline),
    ]
    return _table_row(case, cells)


@register.simple_tag
def filter_field(field, wide: bool = False, hint: str = "") -> SafeString:
    """One filter of the case list as a GOV.UK form group: its label, hint and errors, then
    its select box or, for words and dates, a text box (``wide``: the search box)."""
    id_ = _text(field.id_for_label)
    lines = [
        f'<div class="govuk-form-group{" govuk-form-group--error" if field.errors else ""}">',
        f'  <label class="govuk-label{" govuk-label--s" if wide else ""}" for="{id_}">'
        f"{_text(field.label)}</label>",
    ]
    if hint:
        lines.append(f'  <div id="{id_}-hint" class="govuk-hint">{_text(hint)}</div>')
    lines += [
        f'  <p id="{id_}-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {_text(error)}</p>'
        for error in field.errors
    ]
    if field.field.widget.input_type == "select":
        lines.append(f"  {field}")
    else:
        lines.append("  " + _text_box(field, id_, wide=wide, hint=bool(hint)))
    return mark_safe("\n".join(lines) + "\n</div>")


def _text_box(field, id_: str, *, wide: bool, hint: bool) -> str:
    classes = "govuk-input"
    classes += " govuk-!-width-two-thirds" if wide else ""
    classes += " govuk-input--error" if field.errors else ""
    value = field.value()
    described = (f"{id_}-hint" if hint else "") + (f" {id_}-error" if field.errors else "")
    return (
        f'<input class="{classes}" id="{id_}" name="{_text(field.html_name)}"'
        f' type="{"search" if wide else "text"}"'
        f' value="{"" if value is None else _text(localize(value))}"'
        + (f' aria-describedby="{described}"' if described else "")
        + ' spellcheck="false">'
    )
