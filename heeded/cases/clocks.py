"""Deadlines of a case, worked out from its dates and its procedure's declared clocks.

Pure functions of the case's rows: nothing here saves. ``actions.refresh_clocks`` stores the
results on the case so that lists and dashboards can filter on them in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from heeded.calendars.models import ClosureDay
from heeded.calendars.working_days import add_working_days, is_working_day
from heeded.organisation.models import Organisation
from heeded.procedures import Clock, CountsFrom, StageRule, Unit
from heeded.reference.editions import Kept

from .models import Case, Stage


@dataclass(frozen=True)
class Deadline:
    what: str
    due_on: dt.date
    clock: Clock
    starts_on: dt.date
    stage_number: int | None = None


def clock_limit(clock: Clock, organisation: Organisation | None = None) -> int | None:
    if clock.organisation_setting:
        organisation = organisation or Organisation.current()
        return getattr(organisation, clock.organisation_setting)
    return clock.limit


def acknowledgement_deadline(case: Case) -> Deadline | None:
    """When the case is to be acknowledged: counted from the day it was received or, for a
    pre-complaint or case concern that became a complaint, the day it became one.

    A complaint cannot be acknowledged as one before it is one; counted from the first
    contact, a conversion later than the acknowledgement period was overdue the moment it
    was made (QA). Its Stage 1 counts from the conversion too (interchange-v1,
    ``stage1_started_on``). This is the deadline the case page and the queues chase; the
    annual report's ``complaints.acknowledged_within_3`` still counts from ``received_on``,
    as measures-v1 defines it.
    """
    clock = case.procedure.acknowledgement
    if clock is None:
        return None
    start = case.converted_on or case.received_on
    return Deadline(clock.what, clock.deadline(start), clock, start)


def _stage_clock_and_start(case: Case, rule: StageRule, stage: Stage) -> tuple[Clock, dt.date]:
    """Which clock is running on an open stage, and the date it counts from."""
    if rule.acknowledgement and stage.acknowledged_on is None:
        return rule.acknowledgement, stage.started_on
    if rule.panel and stage.panel_held_on is None:
        return rule.panel, stage.started_on
    if rule.panel_report and stage.panel_report_on is None:
        return rule.panel_report, stage.panel_held_on
    return rule.response, response_clock_start(case, rule, stage)


def response_clock_start(case: Case, rule: StageRule, stage: Stage) -> dt.date:
    """The date the stage's response clock counts from: for its deadline, how far it may be
    extended, and reports."""
    clock = rule.response
    if clock.counts_from is CountsFrom.ACKNOWLEDGED:
        acknowledged = stage.acknowledged_on if rule.acknowledgement else case.acknowledged_on
        if acknowledged:
            return acknowledged
        # Not yet acknowledged: count from the latest the acknowledgement may be sent, so
        # the date shown is never later than the real one will be.
        if rule.acknowledgement:
            return rule.acknowledgement.deadline(stage.started_on) or stage.started_on
        ack = acknowledgement_deadline(case)
        return ack.due_on if ack else stage.started_on
    if clock.counts_from is CountsFrom.PANEL_REPORT and stage.panel_report_on:
        return stage.panel_report_on
    return stage.started_on


def stage_deadline(
    case: Case, stage: Stage, organisation: Organisation | None = None
) -> Deadline | None:
    """The statutory deadline of the clock now running on a stage (None once answered)."""
    if stage.responded_on is not None:
        return None
    rule = case.procedure.stage(stage.number)
    if rule is None:
        return None
    clock, start = _stage_clock_and_start(case, rule, stage)
    due = clock.deadline(start, clock_limit(clock, organisation))
    if due is None:
        return None
    return Deadline(clock.what, due, clock, start, stage.number)


def delay_notice_deadline(case: Case, stage: Stage) -> Deadline | None:
    """When the complainant must be told why there is no response yet, on a stage whose
    procedure says so (adult social care: 6 months from receipt, or the longer period
    agreed, SI 2009/309 regulation 14); None once answered or once they have been told."""
    if stage.responded_on or stage.delay_explained_on:
        return None
    return delay_notice_due(case, stage)


def delay_notice_due(case: Case, stage: Stage) -> Deadline | None:
    """The notice of delay's deadline, whether or not it has been sent (a notice sent after
    it is shown as late); None on a stage whose procedure asks for no notice."""
    rule = case.procedure.stage(stage.number)
    clock = rule.warning if rule else None
    if clock is None:
        return None
    start = case.received_on if clock.counts_from is CountsFrom.RECEIVED else stage.started_on
    due = clock.deadline(start)
    # A longer period agreed: the complainant is owed an explanation only once it has run.
    due = max(due, stage.extended_to) if stage.extended_to else due
    return Deadline(clock.what, due, clock, start, stage.number)


def latest_extension(case: Case, stage: Stage) -> dt.date | None:
    """The furthest the stage's response deadline may be extended, by its procedure."""
    rule = case.procedure.stage(stage.number)
    if rule is None or rule.response.max_limit is None:
        return None
    return rule.response.latest_extension(response_clock_start(case, rule, stage))


def deadline_passed_when_extended(
    stage: Stage, agreed_on: dt.date, previous: dt.date | None
) -> dt.date | None:
    """The deadline that had already passed when an extension was agreed on ``agreed_on``:
    the one agreed before it (``previous``), else the stage's own; None if it was agreed in
    time. Where the rules do not say an extension comes first (most of them, domain.md), a
    late one is allowed, and shown as late: a response "within the extension" agreed only
    after the time ran out was not on time."""
    deadline = previous or stage.due_on
    return deadline if deadline is not None and agreed_on > deadline else None


def open_deadlines(case: Case, organisation: Organisation | None = None) -> list[Deadline]:
    """Every deadline still to be met on an open case, soonest first."""
    if case.closed_on is not None:
        return []
    deadlines: list[Deadline] = []
    notices: list[Deadline] = []
    ack = acknowledgement_deadline(case)
    # Once a stage has been answered, the acknowledgement is no longer chased.
    if ack and case.acknowledged_on is None and not any(s.responded_on for s in case.stages.all()):
        deadlines.append(ack)
    for stage in case.stages.all():
        rule = case.procedure.stage(stage.number)
        if rule is None:
            # A stage its procedure does not declare (an imported compliment's "Stage 1",
            # extended or not) is history: nothing is chased.
            continue
        if notice := delay_notice_deadline(case, stage):
            notices.append(notice)
        deadline = stage_deadline(case, stage, organisation)
        if deadline is None and stage.responded_on is None and stage.extended_to:
            # An agreed response period (adult social care) has no statutory clock.
            deadlines.append(
                Deadline(
                    "Agreed response date",
                    stage.extended_to,
                    rule.response,
                    stage.started_on,
                    stage.number,
                )
            )
            continue
        if deadline is not None:
            if stage.extended_to and deadline.clock is rule.response:
                deadline = Deadline(
                    f"{deadline.what} (extended)",
                    stage.extended_to,
                    deadline.clock,
                    deadline.starts_on,
                    stage.number,
                )
            deadlines.append(deadline)
    # After the responses: on the day an agreed period runs out, the response is chased first.
    return sorted(deadlines + notices, key=lambda d: d.due_on)


def internal_target(deadline: Deadline, closed_days: Iterable[dt.date]) -> dt.date:
    """The deadline counted without the council's closure days: an internal figure only.

    Each closure day that would have been a working day on the clock, from its start to its
    due date, puts the figure one working day later (skipping closure days as it goes), so an
    extended deadline moves as a plain one does. Never used for a statutory deadline
    (domain.md section 6.1), and a clock in calendar months has none.
    """
    if deadline.clock.unit is not Unit.WORKING_DAYS:
        return deadline.due_on
    closed = frozenset(closed_days)
    lost = sum(
        1
        for day in closed
        if deadline.starts_on < day <= deadline.due_on
        and is_working_day(day, deadline.clock.calendar)
    )
    if not lost:
        return deadline.due_on
    # The office's own count ends later than the statutory one; it is shown beside the
    # deadline for planning ("counting the office's closure days"), never instead of it.
    return add_working_days(deadline.due_on, lost, deadline.clock.calendar, closed)


def _all_closure_days() -> frozenset[dt.date]:
    return frozenset(ClosureDay.objects.values_list("date", flat=True))


# Read on every case page: kept by each process until a closure day is added or removed.
KEPT_CLOSURE_DAYS = Kept(_all_closure_days)


def closure_days() -> frozenset[dt.date]:
    """The council's closure days (a few a year), as the deadlines beside them count them."""
    return KEPT_CLOSURE_DAYS.get()
