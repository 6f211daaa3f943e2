"""Small helpers that shape rows and headers for the templates (no queries)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils.http import RFC3986_SUBDELIMS

from heeded.cases.models import Case

from .exports import deadline_words

# The case page belongs to the casework app; these are the names it may give it.
CASE_PAGE_NAMES = ("casework:case", "casework:detail", "casework:case_detail")
# Newest first is what people expect of dates; A to Z of words.
STARTS_DESCENDING = {"received"}


# Stands in for a reference while the case page's address is worked out once per page.
_PLACEHOLDER = "REFERENCE"


def case_page_urls():
    """A function from reference to case page address, resolved once for a whole table.

    Reversing the URL for each of fifty rows was a noticeable part of the list's time, and
    the address differs only in the reference, quoted as ``reverse`` would quote it.
    """
    for name in CASE_PAGE_NAMES:
        try:
            pattern = reverse(name, kwargs={"reference": _PLACEHOLDER})
        except NoReverseMatch:
            continue
        before, after = pattern.split(_PLACEHOLDER)
        return lambda reference: before + quote(reference, safe=RFC3986_SUBDELIMS + "~:@") + after
    return lambda reference: f"/cases/{reference}/"


def decorate(cases: Iterable[Case], today: dt.date) -> list[Case]:
    """The link and the "3 working days left" words for each row."""
    rows = list(cases)
    url_for = case_page_urls()
    for case in rows:
        case.page_url = url_for(case.reference)
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
