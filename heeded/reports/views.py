"""The annual report in the application: choose a period, read the report, download it,
and (for people who may see cases) open the cases behind any figure."""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.timezone import localdate

from heeded.access import policies
from heeded.calendars.dates import long_date

from . import periods
from .document.labels import FIXED, Labels
from .document.structure import TOTAL
from .forms import PeriodForm
from .renderers import CONTENT_TYPES, FORMATS, document_for, render_document
from .renderers import html as html_renderer

CASES_PER_PAGE = 50


def _require_reports(user) -> None:
    if not policies.can_view_reports(user):
        raise PermissionDenied("You do not have access to reports.")


class NotInTheReport(Exception):
    """An address naming a period or figure the report does not have: typed, pasted or
    edited by hand. Answered with a page that says what is wrong, not a bare 'not found'."""


def _day(text: str, which: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise NotInTheReport(
            f"The {which} date in the address, '{text}', is not a date. Dates there are "
            "written year-month-day, like 2019-04-01."
        ) from None


def _period(start: str, end: str) -> periods.Period:
    first, last = _day(start, "start"), _day(end, "end")
    if last < first:
        raise NotInTheReport(
            f"The period in the address ends on {long_date(last)}, before it starts on "
            f"{long_date(first)}."
        )
    try:
        period = periods.reportable(first, last)
    except ValueError as error:
        raise NotInTheReport(str(error)) from None
    today = localdate()
    if periods.unfinished(period, today):
        raise NotInTheReport(
            f"The period in the address ends on {long_date(last)}, which has not come yet. "
            "A report covers a period that has ended, so that what it says was so at the "
            f"end is; for the part of it so far, end it today, {long_date(today)}."
        )
    return period


def explains_what_is_not_in_the_report(view):
    @wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotInTheReport as problem:
            return render(request, "reports/not_found.html", {"problem": problem}, status=404)

    return answer


def _report(period: periods.Period) -> dict:
    from .build import build_report

    return build_report(period)


@login_required
def index(request):
    _require_reports(request.user)
    form = PeriodForm(request.GET if "kind" in request.GET else None)
    if form.is_bound and form.is_valid() and form.period:
        return redirect(
            "reports:report", form.period.start.isoformat(), form.period.end.isoformat()
        )
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "can_manage_recommendations": policies.can_manage_recommendations(request.user),
        },
    )


@login_required
@explains_what_is_not_in_the_report
def report(request, start: str, end: str):
    _require_reports(request.user)
    period = _period(start, end)
    document = document_for(_report(period), public=False)
    link = None
    if policies.sees_all_cases(request.user):

        def link(cell):
            key = cell.cases_key or cell.key
            return reverse("reports:cases", args=[start, end, cell.measure, key])

    downloads = [
        (fmt.upper(), reverse("reports:download", args=[start, end, "internal", fmt]))
        for fmt in FORMATS
    ]
    public = [
        (fmt.upper(), reverse("reports:download", args=[start, end, "public", fmt]))
        for fmt in FORMATS
    ]
    return render(
        request,
        "reports/report.html",
        {
            "document": document,
            "period": period,
            "body": html_renderer.fragment(
                document,
                link,
                reverse("reports:recommendation_list")
                if policies.can_manage_recommendations(request.user)
                else "",
            ),
            "downloads": downloads,
            "public_downloads": public,
        },
    )


@login_required
@explains_what_is_not_in_the_report
def download(request, start: str, end: str, version: str, fmt: str):
    _require_reports(request.user)
    if version not in ("internal", "public") or fmt not in FORMATS:
        raise NotInTheReport(
            f"The report has no download '{version}/{fmt}': it comes as the internal or "
            f"public version, in {', '.join(FORMATS)}."
        )
    period = _period(start, end)
    report = _report(period)
    if fmt == "json" and version == "internal":
        from .renderers import render as render_report

        content = render_report(report, "json", public=False)
    else:
        content = render_document(document_for(report, public=version == "public"), fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = f"complaints-report-{start}-to-{end}{'-public' if version == 'public' else ''}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@explains_what_is_not_in_the_report
def cases(request, start: str, end: str, measure: str, key: str):
    _require_reports(request.user)
    if not policies.sees_all_cases(request.user):
        raise PermissionDenied("You do not have access to case records.")
    from .measures import cases_behind

    period = _period(start, end)
    try:
        behind = cases_behind(measure, None if key == TOTAL else key, period)
        figure = describe_figure(measure, key)
    except ValueError:
        raise NotInTheReport(
            f"The report has no figure '{measure}' for '{key}': the address may have been "
            "cut short or changed."
        ) from None
    listed = (
        policies.cases_visible_to(request.user, behind)
        .select_related("record_type")
        .order_by("received_on", "reference")
    )
    page = Paginator(listed, CASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/cases.html",
        {
            "period": period,
            "figure": figure,
            "page": page,
            "rows": [(case, _case_url(case)) for case in page.object_list],
            "report_url": reverse("reports:report", args=[start, end]),
        },
    )


def _case_url(case) -> str:
    # The case page belongs to casework; until its URL exists the reference is plain text.
    try:
        return reverse("casework:case", args=[case.reference])
    except NoReverseMatch:
        return ""


# What each measure group counts, for the heading of the drill-down page.
_WHAT = {
    "representations": "Representations received",
    "complaints": "Complaints received",
    "refusals": "Refused representations",
    "stage1": "Stage 1 responses",
    "stage2": "Stage 2",
    "stage3": "Stage 3",
    "young_people": "Complaints from children and young people",
    "lgsco": "Ombudsman enquiries",
    "payments": "Cases with payments",
}
_KINDS = {
    "by_type": "record_type",
    "converted": "record_type",
    "by_month": "record_type",
    "by_how_received": "how_received",
    "complainant_types": "complainant_type",
    "natures": "nature",
    "service_teams": "service_team",
    "outcomes_sought": "outcome",
    "actual_outcomes": "outcome",
    "reasons": "refusal_reason",
    "decisions": "ombudsman_decision",
}


def describe_figure(measure: str, key: str) -> str:
    """ "Complaints received: Conduct of worker" for complaints.natures / conduct_of_worker."""
    group, _, name = measure.partition(".")
    kind = _KINDS.get(name, "")
    labels = Labels.load(only=(kind,))
    return (
        f"{_WHAT.get(group, measure)}: {', '.join(_word(labels, kind, p) for p in key.split('/'))}"
    )


def _word(labels: Labels, kind: str, part: str) -> str:
    """One part of a figure's key in words; ValueError for one no report link would hold
    (an address edited by hand), so that it is not listed as a figure of no cases."""
    if len(part) == 7 and part[4] == "-" and part[:4].isdigit():
        try:
            return dt.date(int(part[:4]), int(part[5:]), 1).strftime("%B %Y")
        except ValueError:
            raise ValueError(f"'{part}' is not a month") from None
    if part == TOTAL:
        return "total"
    if kind and part not in labels.kinds.get(kind, {}) and part not in FIXED:
        raise ValueError(f"'{part}' is not one of the report's codes")
    return labels.label(kind, part)
