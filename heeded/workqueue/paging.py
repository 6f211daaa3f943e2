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

# Counted exactly up to this many matches past the page shown: more than a year of a large
# council's representations, so a list any officer would narrow down. Counting 1,000 costs
# about a millisecond on PostgreSQL with 100,000 cases; counting 10,000 cost 9 ms, most of
# the time of a list of one team's cases.
COUNT_EXACTLY_UP_TO = 1_000

# Past any list a council will hold (50 million cases at fifty a page), and small enough
# that the rows counted for it fit the databases' 64-bit LIMIT: a page number typed as
# 99999999999999999999 is taken as this, then as the last page there is.
LAST_PAGE_ASKED = 1_000_000


def page_asked_for(value) -> int:
    """The page number in the query string: 1 for 0, a negative number or anything that is
    not a page number; never more than LAST_PAGE_ASKED."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        # Python reads no more than 4,300 digits: more are still a page past the end.
        return LAST_PAGE_ASKED if str(value).strip().isdigit() else 1
    return min(max(number, 1), LAST_PAGE_ASKED)


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
        # Round up to a whole limit, so the page says "more than 2,000", not "2,050".
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

    def get_page(self, number) -> Page:
        """The page asked for, or the nearest one there is: the first for 0, a negative
        number or nonsense (Django's own would give the last for 0), the last for a page past
        the end."""
        return super().get_page(page_asked_for(number))

    def page(self, number) -> Page:
        page = super().page(number)
        ids = list(page.object_list)
        rows = {case.pk: case for case in self.read(ids)}
        page.object_list = [rows[pk] for pk in ids]
        return page
