"""Template helpers for GOV.UK components and the dates and words of a case."""

from __future__ import annotations

import datetime as dt

from django import template

from heeded.calendars.dates import long_date
from heeded.calendars.working_days import Calendar, working_days
from heeded.cases.clocks import delay_notice_due

from ..fields import PARTS, DateField

register = template.Library()

WIDTHS = {"day": 2, "month": 2, "year": 4}


@register.filter
def date_parts(bound) -> list[dict]:
    """The day, month and year boxes of a GOV.UK date input, with what was typed."""
    field = bound.field
    value = bound.value()
    if isinstance(value, dt.date):
        values = [value.day, value.month, value.year]
    else:
        values = list(value or ["", "", ""])
    bad = field.bad_parts if isinstance(field, DateField) and bound.errors else ()
    return [
        {
            "part": part,
            "label": part.title(),
            "id": f"{bound.auto_id}_{part}",
            "name": f"{bound.html_name}_{part}",
            "value": "" if values[i] is None else values[i],
            "width": WIDTHS[part],
            "error": part in bad,
        }
        for i, part in enumerate(PARTS)
    ]


register.filter("long_date", long_date)


@register.filter
def is_selected(bound, value) -> bool:
    """Whether a radio or checkbox option is chosen, for both typed and initial values."""
    current = bound.value()
    if current is None:
        return False
    if isinstance(current, list | tuple):
        return str(value) in {str(getattr(v, "pk", v)) for v in current}
    return str(getattr(current, "pk", current)) == str(value)


@register.filter
def revealed(bound, value) -> list:
    """The fields shown under a radio option when it is chosen (GOV.UK conditional reveal):
    a form field's ``reveals`` maps an option's value to the names of the fields it shows."""
    names = getattr(bound.field, "reveals", {}).get(str(value), ())
    return [bound.form[name] for name in names]


@register.filter
def stage_name(stage, case) -> str:
    """A stage as the case page names it: "Stage 2", or its own name ("Response") where the
    procedure's stages are not numbered (an FOI request)."""
    number = getattr(stage, "number", stage)
    return case.procedure.stage_title(number) if number else "Not started"


@register.filter
def person_name(user) -> str:
    if not user:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def lateness(stage, case) -> str:
    """ "3 working days late" for a response sent after its deadline (the extended one, where
    one was agreed), counted as the "overdue" words count; "" when on time or not sent. A
    response overdue on the dashboard must not look on time once it is sent."""
    due = stage.extended_to or stage.due_on
    if not (stage.responded_on and due):
        return ""
    rule = case.procedure.stage(stage.number)
    calendar = rule.response.calendar if rule else Calendar.ENGLAND_AND_WALES
    return _late(due, stage.responded_on, calendar)


@register.filter
def notice_lateness(stage, case) -> str:
    """The same words for a notice of delay sent after its period had run (adult social
    care: 6 months, SI 2009/309 regulation 14): "" when sent in time, or not sent."""
    notice = delay_notice_due(case, stage)
    if not (stage.delay_explained_on and notice):
        return ""
    return _late(notice.due_on, stage.delay_explained_on, notice.clock.calendar)


def _late(due, done, calendar) -> str:
    if done <= due:
        return ""
    late = working_days(due, done, calendar)
    if late < 1:
        return "after the deadline"  # a Friday deadline answered at the weekend
    return f"{late} working day{'' if late == 1 else 's'} late"
