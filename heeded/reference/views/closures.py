import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heeded.access.policies import can_manage_reference_data
from heeded.calendars.dates import long_date_with_weekday
from heeded.calendars.models import ClosureDay
from heeded.calendars.working_days import (
    FIRST_YEAR,
    LAST_YEAR,
    Calendar,
    bank_holidays_named,
)

from ..forms.closures import ClosureDayForm
from ..services import closures as service
from .access import allowed_if, apply_errors


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return dt.date.today().year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@allowed_if(can_manage_reference_data)
def closure_list(request):
    year = _year(request)
    england = bank_holidays_named(year, Calendar.ENGLAND_AND_WALES)
    in_england = {day for day, _ in england}
    elsewhere = [(d, n) for d, n in bank_holidays_named(year, Calendar.UK) if d not in in_england]
    return render(
        request,
        "reference/closure_list.html",
        {
            "year": year,
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < LAST_YEAR else None,
            "closure_days": service.closure_days_in(year),
            "england_and_wales": england,
            "elsewhere_in_uk": elsewhere,
        },
    )


@allowed_if(can_manage_reference_data)
def closure_add(request):
    form = ClosureDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            day = service.add_closure_day(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{long_date_with_weekday(day.date)} added as a closure day")
            return redirect(f"{_list_url()}?year={day.date.year}")
    return render(request, "reference/closure_form.html", {"form": form})


@allowed_if(can_manage_reference_data)
def closure_remove(request, pk):
    day = get_object_or_404(ClosureDay, pk=pk)
    if request.method == "POST":
        service.remove_closure_day(day, by=request.user)
        messages.success(request, f"{long_date_with_weekday(day.date)} is no longer a closure day")
        return redirect(f"{_list_url()}?year={day.date.year}")
    return render(
        request,
        "reference/closure_remove.html",
        {"day": day, "long_date": long_date_with_weekday(day.date)},
    )


def _list_url() -> str:
    return reverse("reference:closure_list")
