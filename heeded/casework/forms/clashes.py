"""After a clash (someone else saved while this form was open), the answers to show again.

A form that corrects details (a case's, a person's) carries, hidden, the details as it
opened them (``opened_with``). When the save is refused because someone else saved first,
``merge`` makes a three-way merge: a detail only the other person changed takes their
value; one this person changed keeps theirs. Saved again, the page then undoes nothing of
the other person's: a form sent back with every box as it was opened would otherwise put
back the old value of each detail the other person corrected.
"""

from __future__ import annotations

import datetime as dt
import json

from django import forms
from django.http import QueryDict

from ..fields import PARTS, DateField


def answers(form: forms.Form, names: list[str]) -> dict[str, list[str]]:
    """Each detail as the form holds it (given or typed), in one shape to compare: the text
    of each box, the chosen codes in order."""
    return {name: as_texts(form.fields[name], form[name].value()) for name in names}


def opened_as(answers: dict[str, list[str]]) -> str:
    """The hidden ``opened_with`` value for these answers."""
    return json.dumps(answers)


def merge(form: forms.Form, names: list[str], current: forms.Form) -> tuple[QueryDict, list[str]]:
    """``form``'s answers, with each detail only the other person changed taken from
    ``current`` (the form as it would open now), and ``opened_with`` moved on to now; and
    the names of the details the other person changed."""
    opened = opened_with(form.data.get("opened_with"))
    mine, now = answers(form, names), answers(current, names)
    data = form.data.copy()
    theirs = []
    for name in names:
        before = opened.get(name)
        if before is None or now[name] == before:
            continue
        theirs.append(name)
        if mine[name] == before:
            put(data, name, form.fields[name], now[name])
    data["opened_with"] = opened_as(now)
    return data, theirs


def opened_with(posted: str | None) -> dict[str, list[str]]:
    """The details as the form was opened, from its hidden field: only what has the shape
    ``answers()`` gave it (a list of texts for each detail). The field comes back from the
    browser, so anything else (a hand-made or damaged value) is left out, as if not sent."""
    try:
        opened = json.loads(posted or "{}")
    except ValueError:
        return {}
    if not isinstance(opened, dict):
        return {}
    return {
        name: texts
        for name, texts in opened.items()
        if isinstance(texts, list) and all(isinstance(text, str) for text in texts)
    }


def as_texts(field: forms.Field, value) -> list[str]:
    if isinstance(field, DateField):
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        parts = list(value or [])
        return [str(part or "").strip() for part in parts + [""] * (len(PARTS) - len(parts))]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return sorted(str(v) for v in value or [])
    # A browser sends a textarea's line breaks as CRLF.
    return [("" if value is None else str(value)).replace("\r\n", "\n").strip()]


def put(data: QueryDict, name: str, field: forms.Field, texts: list[str]) -> None:
    if isinstance(field, DateField):
        for part, text in zip(PARTS, texts, strict=True):
            data[f"{name}_{part}"] = text
    elif isinstance(field, forms.ModelMultipleChoiceField):
        data.setlist(name, texts)
    else:
        data[name] = texts[0]
