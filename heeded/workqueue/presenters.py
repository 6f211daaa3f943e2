"""Small helpers that shape rows and headers for the templates (no queries)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import NoReverseMatch, reverse

from heeded.cases.models import Case

from .exports import deadline_words

# The case page belongs to the casework app; these are the names it may give it.
CASE_PAGE_NAMES = ("casework:case", "casework:detail", "casework:case_detail")
# Newest first is what people expect of dates; A to Z of words.
STARTS_DESCENDING = {"received"}


def case_page_url(reference: str) -> str:
    for name in CASE_PAGE_NAMES:
        try:
            return reverse(name, kwargs={"reference": reference})
        except NoReverseMatch:
            continue
    return f"/cases/{reference}/"


def decorate(cases: Iterable[Case], today: dt.date) -> list[Case]:
    """The link and the "3 working days left" words for each row."""
    rows = list(cases)
    for case in rows:
        case.page_url = case_page_url(case.reference)
        case.deadline_words = deadline_words(case, today)
        case.is_overdue = bool(
            case.closed_on is None and case.next_deadline and case.next_deadline < today
        )
    return rows


def sortable_headers(params, sorts: dict[str, str], current: str, descending: bool) -> dict:
    """For each sortable column: its link, and its aria-sort state for screen readers."""
    headers = {}
    for key, label in sorts.items():
        if key == current:
            next_descending = not descending
            state = "descending" if descending else "ascending"
        else:
            next_descending = key in STARTS_DESCENDING
            state = "none"
        query = params.copy()
        query.pop("page", None)
        query["sort"] = ("-" if next_descending else "") + key
        headers[key] = {"label": label, "url": "?" + query.urlencode(), "aria_sort": state}
    return headers
