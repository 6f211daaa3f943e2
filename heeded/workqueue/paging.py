"""Pages of the case list that stay quick with 100,000 cases.

Two costs grow with the number of cases on a plain Django paginator: counting every match
on every page, and reading (and throwing away) every row before a deep page. Here the
count is exact up to a limit past the page being shown, and "more than" that beyond it;
and a page is found by its case ids alone (the list's sort index holds them) before the
fifty rows themselves are read.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from heeded.cases.models import Case

# Counted exactly up to this many matches past the page shown: a list any officer would
# narrow down, and counting it costs about a millisecond.
COUNT_EXACTLY_UP_TO = 10_000


def page_asked_for(value) -> int:
    """The page number in the query string, or 1 for anything that is not a page number."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


class CasePaginator(Paginator):
    """Pages of case ids whose count stops at ``counted_up_to``; ``read`` turns a page's ids
    into the cases shown.

    ``exact`` says whether ``count`` is every match or only "at least this many"; every
    page up to ``num_pages`` exists either way, so the links it makes are always good.
    """

    def __init__(
        self,
        cases: QuerySet[Case],
        per_page: int,
        page_asked: int,
        read: Callable[[list[int]], QuerySet[Case]],
    ):
        super().__init__(cases.values_list("pk", flat=True), per_page)
        self.read = read
        shown_up_to = page_asked * per_page
        # Round up to a whole limit, so the page says "more than 20,000", not "20,050".
        self.counted_up_to = (shown_up_to // COUNT_EXACTLY_UP_TO + 1) * COUNT_EXACTLY_UP_TO

    @cached_property
    def found(self) -> int:
        """Matches, counted no further than one past ``counted_up_to``."""
        return self.object_list.order_by()[: self.counted_up_to + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.counted_up_to)

    @property
    def exact(self) -> bool:
        return self.found <= self.counted_up_to

    def page(self, number) -> Page:
        page = super().page(number)
        ids = list(page.object_list)
        rows = {case.pk: case for case in self.read(ids)}
        page.object_list = [rows[pk] for pk in ids]
        return page
