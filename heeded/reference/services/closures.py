"""The council's own closure days (privilege days, training days).

They never move a statutory deadline: SI 2006/1738 reg 2 and the ICO (LTT47) count only
weekends and bank holidays (domain.md section 6.1). Heeded uses them for an internal target
shown beside the deadline, so they are configuration and may be removed outright.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from heeded.calendars.dates import long_date_with_weekday
from heeded.calendars.models import ClosureDay
from heeded.calendars.working_days import FIRST_YEAR, LAST_YEAR, bank_holidays_named

from ..models import Action
from . import changelog

AREA = "closure_day"


def check_closure_day(day: dt.date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError({"date": f"Date must be between {FIRST_YEAR} and {LAST_YEAR}"})
    named = long_date_with_weekday(day)
    existing = ClosureDay.objects.filter(date=day).first()
    if existing is not None:
        raise ValidationError(
            {"date": f"{named} is already a closure day ({existing.description})"}
        )
    if day.weekday() >= 5:
        raise ValidationError({"date": f"{named} is a weekend: offices are closed anyway"})
    holiday = dict(bank_holidays_named(day.year)).get(day)
    if holiday:
        raise ValidationError({"date": f"{named} is already a bank holiday ({holiday})"})


def add_closure_day(*, by, date: dt.date, description: str) -> ClosureDay:
    check_closure_day(date)
    try:
        with transaction.atomic():
            day = ClosureDay.objects.create(date=date, description=description)
            changelog.log_created(
                by=by, area=AREA, subject=date.isoformat(), values={"description": description}
            )
    except IntegrityError:
        check_closure_day(date)  # added by someone else meanwhile: say so
        raise
    return day


def remove_closure_day(day: ClosureDay, *, by) -> None:
    with transaction.atomic():
        changelog.log(
            by=by,
            area=AREA,
            subject=day.date.isoformat(),
            action=Action.REMOVED,
            field="description",
            old=day.description,
        )
        day.delete()


def closure_days_in(year: int) -> list[ClosureDay]:
    return list(ClosureDay.objects.filter(date__year=year))
