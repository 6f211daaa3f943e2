"""Reminders to responding managers: the team's chasing, done every working morning.

A complaints team chases the managers who write its responses before the deadlines pass.
``heeded send_reminders``, run each morning, e-mails every responding manager one list of
the responses of theirs that fall due a reminder that day, and records "Reminder sent" on
each case, so that the timeline shows who was chased, and when.

Only a stage's response is chased: acknowledgements and Stage 3 panels are the complaints
team's own work, which their dashboards show. The e-mail names the case by its reference,
type and stage, never by its people: the details stay in Heeded, behind sign-in.

A case whose reminders the complaints team stopped (``actions.stop_reminders``) is not
chased; the run counts what it skipped so that the command can say so.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string

from heeded.calendars.dates import long_date, long_date_with_weekday
from heeded.calendars.working_days import (
    Calendar,
    add_working_days,
    describe_working_days_left,
    is_working_day,
    working_days_left,
)
from heeded.organisation.models import (
    REMINDER_DAYS_BEFORE,
    REMINDER_OVERDUE_EVERY,
    Organisation,
)

from .actions._base import ProcedureError, record_event, staff_name
from .clocks import Deadline, open_deadlines
from .links import case_link
from .models import Case, CaseEvent, EventKind, Stage
from .outgoing_mail import mail_is_not_sent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Schedule:
    """When a response is chased: ``before_deadline`` working days before its deadline (0:
    the day it is due), then once late on the first working day late and every
    ``overdue_every`` working days after (0: only that once). The council's settings."""

    before_deadline: tuple[int, ...] = REMINDER_DAYS_BEFORE
    overdue_every: int = REMINDER_OVERDUE_EVERY

    @classmethod
    def of(cls, organisation: Organisation) -> Schedule:
        return cls(tuple(organisation.reminder_days_before), organisation.reminder_overdue_every)

    def falls_due(self, days_left: int) -> bool:
        """Whether a response ``days_left`` working days from its deadline (negative once
        it has passed) is chased today."""
        if days_left >= 0:
            return days_left in self.before_deadline
        late = -days_left - 1
        return late == 0 or (self.overdue_every > 0 and late % self.overdue_every == 0)

    @property
    def looks_ahead(self) -> int:
        """The furthest ahead of a deadline a reminder is sent, in working days."""
        return max(self.before_deadline, default=0)

    def describe(self) -> str:
        """In words, as the settings page and the command say it: "5 and 2 working days
        before the deadline, on the day, then on the first working day late and every 5
        working days after"."""
        ahead = sorted((day for day in self.before_deadline if day), reverse=True)
        parts = []
        if ahead:
            days = " and ".join(filter(None, [", ".join(map(str, ahead[:-1])), str(ahead[-1])]))
            parts.append(f"{days} working day{'' if ahead == [1] else 's'} before the deadline")
        if 0 in self.before_deadline:
            parts.append("on the day")
        late = "on the first working day late"
        if self.overdue_every == 1:
            late += " and every working day after"
        elif self.overdue_every:
            late += f" and every {self.overdue_every} working days after"
        return ", ".join([*parts, f"then {late}" if parts else late])


@dataclass(frozen=True)
class Reminder:
    """One response a manager is reminded of."""

    case: Case
    stage: Stage
    deadline: Deadline
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def stopped(self) -> bool:
        """The complaints team stopped the reminders on its case (actions.stop_reminders)."""
        return self.case.reminders_stopped

    @property
    def time_left(self) -> str:
        return describe_working_days_left(self.days_left)

    @property
    def what(self) -> str:
        """ "Stage 1 response" or, for a one-stage procedure, its clock's own name."""
        return self.deadline.what

    @property
    def due(self) -> str:
        return long_date_with_weekday(self.deadline.due_on)

    @property
    def link(self) -> str:
        """The case page's full address when Heeded knows its own (``SITE_URL``)."""
        return case_link(self.case.reference)

    def event_text(self, manager) -> str:
        return (
            f"To {staff_name(manager)}: {self.what} due {long_date(self.deadline.due_on)}, "
            f"{self.time_left.lower()}."
        )


def _response_deadline(
    case: Case, stage: Stage, organisation: Organisation | None = None
) -> Deadline | None:
    """The stage's response deadline, if its response clock is the one running."""
    rule = case.procedure.stage(stage.number)
    if rule is None:
        return None
    for deadline in open_deadlines(case, organisation):
        if deadline.stage_number == stage.number and deadline.clock is rule.response:
            return deadline
    return None


def _candidates(today: dt.date, schedule: Schedule):
    """Open stages with an active responding manager whose case has a deadline close
    enough to be chased: a case's next deadline is its soonest, so a stage due within
    the week has a case due within it too, and the database leaves out the rest. Cases whose
    reminders are stopped are read too, so that a run can say what it did not send."""
    horizon = max(add_working_days(today, schedule.looks_ahead, c) for c in Calendar)
    return (
        Stage.objects.filter(
            responded_on__isnull=True,
            responding_manager__isnull=False,
            responding_manager__is_active=True,
            case__closed_on__isnull=True,
            case__next_deadline__lte=horizon,
        )
        .select_related("responding_manager", "case__record_type", "case__reminders_stopped_by")
        .prefetch_related(Prefetch("case__stages", queryset=Stage.objects.order_by("number")))
        .order_by("case__next_deadline", "case__reference", "number")
    )


def _falling_due(today: dt.date, organisation: Organisation) -> list[Reminder]:
    """Every response the schedule chases ``today`` and not yet chased today, whether or not
    its case's reminders are stopped. A fixed number of queries, however many cases."""
    schedule = Schedule.of(organisation)
    stages = list(_candidates(today, schedule))
    # Today's reminders are few, however many cases are overdue: read them all.
    sent = set(
        CaseEvent.objects.filter(kind=EventKind.REMINDED, happened_on=today).values_list(
            "case_id", "stage_number"
        )
    )
    due = []
    for stage in stages:
        if (stage.case_id, stage.number) in sent:
            continue
        deadline = _response_deadline(stage.case, stage, organisation)
        if deadline is None:
            continue
        left = working_days_left(today, deadline.due_on, deadline.clock.calendar)
        if schedule.falls_due(left):
            due.append(Reminder(stage.case, stage, deadline, left))
    return due


def _by_manager(reminders: list[Reminder]) -> dict:
    by_manager = defaultdict(list)
    for reminder in reminders:
        by_manager[reminder.stage.responding_manager].append(reminder)
    return dict(sorted(by_manager.items(), key=lambda item: staff_name(item[0]).lower()))


def due_today(today: dt.date, organisation: Organisation | None = None) -> dict:
    """Each responding manager's reminders for ``today`` (managers by name), leaving out any
    already sent today, so that running it twice sends nothing twice, and any on a case whose
    reminders the complaints team stopped."""
    # Read once: its local targets are some clocks' limits, and it says when to chase.
    organisation = organisation or Organisation.current()
    return _by_manager([r for r in _falling_due(today, organisation) if not r.stopped])


@dataclass
class Sent:
    """What a run did, for the command to say."""

    managers: int = 0
    responses: int = 0
    # Managers with reminders due but no e-mail address: the team must chase them.
    no_address: list = field(default_factory=list)
    # (manager, reminders, why) where the mail server refused or could not be reached.
    failed: list = field(default_factory=list)
    # Reminders that fell due on cases whose reminders the complaints team stopped: not sent.
    stopped: list = field(default_factory=list)


def send_reminders(today: dt.date, *, dry_run: bool = False, connection=None) -> Sent:
    """E-mail each responding manager their reminders for ``today`` and record each on its
    case. Nothing is sent on a day that is not a working day. Each manager's e-mail and
    events are one transaction: if the e-mail cannot be sent, no "Reminder sent" stays.
    ``connection``: the mail connection to send with (the settings' by default)."""
    result = Sent()
    if not is_working_day(today):
        return result
    organisation = Organisation.current()
    due = _falling_due(today, organisation)
    result.stopped = [reminder for reminder in due if reminder.stopped]
    for manager, reminders in _by_manager([r for r in due if not r.stopped]).items():
        if not manager.email:
            result.no_address.append((manager, reminders))
            continue
        if not dry_run:
            try:
                _record_and_send(manager, reminders, today, organisation, connection=connection)
            except (OSError, SMTPException) as error:
                # One manager's address or a mail server down is no reason to chase nobody.
                log.exception("Could not remind %s", manager.get_username())
                result.failed.append((manager, reminders, str(error) or type(error).__name__))
                continue
        result.managers += 1
        result.responses += len(reminders)
    return result


def _record_and_send(
    manager, reminders, today, organisation, by=None, message="", connection=None
) -> None:
    with transaction.atomic():
        for reminder in reminders:
            text = reminder.event_text(manager)
            record_event(
                reminder.case,
                EventKind.REMINDED,
                by=by,
                on=today,
                stage_number=reminder.stage.number,
                description=f"{text} Message: {message}" if message else text,
            )
        _send(manager, reminders, organisation, by, message, connection)


def remind_now(case: Case, number: int, *, by, today: dt.date, message: str = "") -> str:
    """Send the responding manager of the case's stage ``number`` a reminder now, by hand
    (an officer chasing between the scheduled reminders), with ``message`` if one is given."""
    stage = case.stages.select_related("responding_manager").get(number=number)
    manager = stage.responding_manager
    if reason := cannot_remind(manager):
        raise ProcedureError(reason)
    reminder = reminder_for(case, stage, today)
    try:
        _record_and_send(manager, [reminder], today, Organisation.current(), by, message.strip())
    except (OSError, SMTPException) as error:
        raise ProcedureError(
            f"The e-mail to {staff_name(manager)} could not be sent "
            f"({str(error) or type(error).__name__}), so nothing was recorded. Try again "
            "later, or remind them another way and log it as a contact."
        ) from error
    return f"Reminder sent to {staff_name(manager)}"


def cannot_remind(manager) -> str:
    """Why ``manager`` (a stage's responding manager, or None) cannot be e-mailed a reminder,
    or "" when they can."""
    if manager is None:
        return "No responding manager is assigned: assign one first."
    if not manager.is_active:
        return f"{staff_name(manager)} no longer has an account: assign another responding manager."
    if not manager.email:
        return (
            f"{staff_name(manager)} has no e-mail address in Heeded: an administrator can add "
            "one under Staff."
        )
    if mail_is_not_sent():
        # As ``send_reminders`` refuses: "Reminder sent" on the timeline would say that
        # someone was chased when the e-mail only went to the server's output.
        return (
            "Heeded cannot send e-mail: no mail server is set up (EMAIL_URL). Remind "
            f"{staff_name(manager)} another way and log it as a contact."
        )
    return ""


def reminder_for(case: Case, stage: Stage, today: dt.date) -> Reminder:
    """The reminder of ``stage``'s response deadline as it stands ``today``, whatever the
    schedule says; refused while no response deadline is running (a review panel's response
    counts from its report)."""
    deadline = _response_deadline(case, stage)
    if deadline is None:
        rule = case.procedure.stage(stage.number)
        the_response = rule.the_response if rule else "the response"
        raise ProcedureError(
            f"{the_response[0].upper()}{the_response[1:]} has no deadline running yet, so "
            "there is nothing to remind the responding manager of."
        )
    left = working_days_left(today, deadline.due_on, deadline.clock.calendar)
    return Reminder(case, stage, deadline, left)


def subject(reminders: list[Reminder]) -> str:
    """ "Reminder: 1 response overdue and 2 due soon"."""
    late = sum(reminder.overdue for reminder in reminders)
    soon = len(reminders) - late
    parts = []
    if late:
        parts.append(f"{late} response{'s' if late != 1 else ''} overdue")
    if soon:
        noun = "" if late else f" response{'s' if soon != 1 else ''}"
        parts.append(f"{soon}{noun} due soon")
    return "Reminder: " + " and ".join(parts)


def _intro(reminders: list[Reminder], *, overdue: bool) -> str:
    one = len(reminders) == 1
    count = (
        f"{len(reminders)} response{'' if one else 's'} you are writing {'is' if one else 'are'}"
    )
    if overdue:
        return (
            f"{count} overdue. Please send {'it' if one else 'them'} as soon as you can, "
            "or tell the complaints team today when you will."
        )
    return (
        f"{count} due soon. If you cannot meet a deadline, tell the complaints team before it "
        "passes: they will tell the complainant, and can extend it where the procedure allows."
    )


def _send(
    manager, reminders: list[Reminder], organisation: Organisation, by, message, connection=None
) -> None:
    late = [r for r in reminders if r.overdue]
    soon = [r for r in reminders if not r.overdue]
    sections = [
        {"intro": _intro(group, overdue=is_late), "due": due, "late": is_late, "reminders": group}
        for group, is_late, due in ((late, True, "was due"), (soon, False, "due"))
        if group
    ]
    context = {
        "subject": subject(reminders),
        "name": staff_name(manager),
        "sections": sections,
        "count": len(reminders),
        "organisation": organisation,
        "sender": staff_name(by) if by else "",
        "message": message,
    }
    text = render_to_string("cases/email/reminder.txt", context)
    html = render_to_string("cases/email/reminder.html", context)
    send_mail(
        context["subject"], text, None, [manager.email], html_message=html, connection=connection
    )
    log.info("Reminded %s of %d response(s)", manager.get_username(), len(reminders))
