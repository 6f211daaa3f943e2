"""The dashboards and the case list. Views parse the request and call selectors and filters;
who may see what comes from heeded.access.policies."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from heeded.access import policies
from heeded.cases.models import Case

from . import exports, presenters, selectors
from .filters import SORTS, CaseFilter, order_cases, parse_sort, style_for_govuk
from .paging import CasePaginator, page_asked_for
from .plans import each_query_planned_for_its_values
from .presenters import sortable_headers

CASES_PER_PAGE = 50


def _require_case_records(request):
    if not policies.can_see_case_records(request.user):
        raise PermissionDenied("Your role lets you see reports, not case records.")


def dashboard(request):
    user = request.user
    if not policies.can_see_case_records(user):
        # Report viewers land here after signing in: their work is the reports.
        if policies.can_view_reports(user):
            return redirect("reports:index")
        raise PermissionDenied("Your account has no role in Heeded yet.")
    today = timezone.localdate()
    mine, team = selectors.dashboard_queues(user, today)
    # A case in several panels (mine and the team's) is one object: decorated once.
    listed = {case.pk: case for queue in mine + (team or []) for case in queue.cases}
    presenters.decorate(listed.values(), today)
    return render(
        request,
        "workqueue/dashboard.html",
        {
            "today": today,
            "mine": mine,
            "team": team,
        },
    )


def _filtered(request):
    today = timezone.localdate()
    visible = policies.cases_visible_to(request.user)
    case_filter = CaseFilter(request.GET, queryset=visible, request=request, today=today)
    sort_key, descending = parse_sort(request.GET.get("sort"))
    cases = order_cases(case_filter.qs, sort_key, descending)
    return case_filter, cases, sort_key, descending, today


def _rows(ids: list[int]):
    """The cases of one page, with what their rows show."""
    cases = selectors.for_listing(Case.objects.filter(pk__in=ids))
    return selectors.name_people(list(cases))


@each_query_planned_for_its_values
def case_list(request):
    _require_case_records(request)
    case_filter, cases, sort_key, descending, today = _filtered(request)
    style_for_govuk(case_filter.form)
    asked = request.GET.get("page")
    paginator = CasePaginator(cases, CASES_PER_PAGE, page_asked_for(asked), read=_rows)
    page = paginator.get_page(asked)
    page.object_list = presenters.decorate(page.object_list, today)
    return render(
        request,
        "workqueue/case_list.html",
        {
            "filter": case_filter,
            "form": case_filter.form,
            "page": page,
            "page_numbers": _page_numbers(page),
            "today": today,
            "headers": sortable_headers(request.GET, SORTS, sort_key, descending),
            "query": _query_without(request.GET, "page"),
            "export_url": reverse("workqueue:case_list_csv")
            + "?"
            + _query_without(request.GET, "page"),
        },
    )


def case_list_csv(request):
    _require_case_records(request)
    case_filter, cases, _, _, today = _filtered(request)
    if not case_filter.is_valid():
        # A GOV.UK page, not a file: a bookmarked download whose team has been retired since
        # leads back to the list with the same filters, to put them right there.
        list_url = reverse("workqueue:case_list") + "?" + request.GET.urlencode()
        errors = [
            {"href": f"{list_url}#id_{name}", "text": error}
            for name, messages in case_filter.form.errors.items()
            for error in messages
        ]
        return render(
            request,
            "workqueue/download_refused.html",
            {"errors": errors, "list_url": list_url},
            status=400,
        )
    response = StreamingHttpResponse(
        exports.csv_lines(cases, today), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="cases-{today.isoformat()}.csv"'
    return response


def _query_without(params, *names: str) -> str:
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def _page_numbers(page) -> list[int | None]:
    """Page numbers for the GOV.UK pagination component; None where it shows an ellipsis.

    When the cases were not all counted, the last page known is not the last page, so the
    list ends with an ellipsis instead of a page that looks like the end.
    """
    paginator = page.paginator
    numbers = [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    if not paginator.exact:
        numbers = [n for n in numbers if n is None or n <= page.number + 1]
        if numbers[-1] is not None:
            numbers.append(None)
    return numbers
