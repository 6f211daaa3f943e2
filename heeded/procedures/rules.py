"""The vocabulary procedures are declared in: clocks, stages and procedures.

A clock says how long something may take, what it counts from, on which calendar, how far it
may be extended and where the rule comes from. Nothing here touches the database: given the
dates, a clock answers "when is it due?" and "how late may it be extended to?".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from heeded.calendars.working_days import (
    Calendar,
    add_calendar_months,
    add_working_days,
    calendar_month_deadline,
)
from heeded.taxonomy.wording import in_sentence


class Unit(StrEnum):
    WORKING_DAYS = "working days"
    CALENDAR_MONTHS = "calendar months"
    # The response period is agreed with the complainant (adult social care, SI 2009/309).
    AGREED = "agreed with the complainant"


class Oversight(StrEnum):
    """Who a person still dissatisfied at the end of a procedure may go to."""

    # Local Government Act 1974 Part III (and Part 3A for adult social care).
    OMBUDSMAN = "the Local Government and Social Care Ombudsman"
    # FOIA s.50, EIR reg 18, UK GDPR Art 77: information rights go to the regulator instead.
    INFORMATION_COMMISSIONER = "the Information Commissioner"


class CountsFrom(StrEnum):
    RECEIVED = "the date the representation was received"
    ACKNOWLEDGED = "the acknowledgement"
    STAGE_START = "the start of the stage"
    PANEL = "the review panel meeting"
    PANEL_REPORT = "the panel's report"
    PREVIOUS_RESPONSE = "the response at the previous stage"


@dataclass(frozen=True)
class Clock:
    """One time limit. ``limit`` is in ``unit``; ``max_limit`` is the furthest extension."""

    what: str
    limit: int | None
    counts_from: CountsFrom
    source: str
    unit: Unit = Unit.WORKING_DAYS
    calendar: Calendar = Calendar.ENGLAND_AND_WALES
    max_limit: int | None = None
    # A local target the organisation may change (MP enquiries): the Organisation field name.
    organisation_setting: str | None = None
    # Where the rule says an extension is made before the time runs out, the rule saying
    # so ("UK GDPR Article 12(3)"): an extension agreed after the deadline is refused. Empty
    # where the sources say nothing of when (domain.md): it is then allowed, and shown as
    # agreed after the deadline had passed.
    extend_before_deadline: str = ""

    @property
    def cited(self) -> str:
        """The source as it reads after a colon or a semicolon, in a sentence: "a local
        target set by the organisation", while "Children Act 1989 s.26" keeps its capitals."""
        return in_sentence(self.source)

    @property
    def agreed(self) -> bool:
        """Whether the period is agreed with the complainant case by case (adult social
        care): its date is agreed, and changed, rather than extended."""
        return self.unit is Unit.AGREED

    @property
    def extendable(self) -> bool:
        """Whether a later date may be agreed: up to ``max_limit``, or without a maximum where
        the period itself is agreed with the complainant (adult social care)."""
        if self.unit is Unit.AGREED:
            return True
        return self.max_limit is not None and (self.limit is None or self.max_limit > self.limit)

    @property
    def cannot_be_extended(self) -> str:
        """Why no extension is offered: "The deadline for the authority's response to the
        panel cannot be extended", not "The authority's response to the panel deadline"."""
        return f"The deadline for the {in_sentence(self.what)} cannot be extended: {self.cited}."

    def _add(self, start: dt.date, amount: int) -> dt.date:
        if self.unit is Unit.CALENDAR_MONTHS:
            return calendar_month_deadline(start, amount, self.calendar)
        return add_working_days(start, amount, self.calendar)

    def deadline(self, start: dt.date, limit: int | None = None) -> dt.date | None:
        """When it is due, counted from ``start``; None where the period is agreed case by case."""
        limit = self.limit if limit is None else limit
        if limit is None or self.unit is Unit.AGREED:
            return None
        return self._add(start, limit)

    def latest_extension(self, start: dt.date) -> dt.date | None:
        """The furthest an agreed extension may move the deadline; None where no limit is set."""
        if self.max_limit is None:
            return None
        if self.unit is Unit.AGREED:
            return add_calendar_months(start, self.max_limit)
        return self._add(start, self.max_limit)

    def describe(self) -> str:
        if self.unit is Unit.AGREED:
            return f"{self.what}: {self.unit}"
        text = f"{self.what}: {self.limit} {self.unit} from {self.counts_from}"
        if self.extendable:
            text += f", extendable to {self.max_limit}"
        return text


@dataclass(frozen=True)
class StageRule:
    number: int
    name: str
    response: Clock
    # Corporate Stage 2 is acknowledged separately, and its response counts from that.
    acknowledgement: Clock | None = None
    # Children's Stage 3: the panel meets, reports, then the authority responds.
    panel: Clock | None = None
    panel_report: Clock | None = None
    # How long the complainant has, after this stage's response, to ask for the next one.
    escalation_window: Clock | None = None
    # Who answers: shown on screens and used to name roles on the stage.
    roles: tuple[str, ...] = ("responding_manager",)
    # A warning the complainant must be given (adult social care: 6 months).
    warning: Clock | None = None
    # Complaints are upheld or not; an information request or enquiry is simply answered.
    records_finding: bool = True
    # Children's Stage 2 sets the complaint down in a statement agreed with the complainant,
    # and the organisation may start the stage's clock from it (domain.md section 1.6). The
    # corporate procedure has none: its Stage 2 counts from the request and acknowledgement.
    statement_of_complaint: bool = False

    @property
    def numbered(self) -> bool:
        """A numbered stage of a complaints procedure ("Stage 2: investigation")."""
        return re.fullmatch(r"Stage \d+", self.name.split(":")[0].strip()) is not None

    @property
    def title(self) -> str:
        """How screens name it: "Stage 2" for a numbered stage, else its own name ("Response")."""
        return self.name.split(":")[0].strip() if self.numbered else self.name

    @property
    def called(self) -> str:
        """How a sentence starts when it names the stage: "Stage 2", or "The response"."""
        return self.title if self.numbered else f"The {in_sentence(self.title)}"

    @property
    def start(self) -> str:
        """Its start inside a sentence: "the start of Stage 2", or "the start of its clock"."""
        return f"the start of {self.title}" if self.numbered else "the start of its clock"

    @property
    def the_response(self) -> str:
        """Its response inside a sentence: "the Stage 2 response", or "the response"."""
        return f"the {self.title} response" if self.numbered else f"the {in_sentence(self.title)}"

    @property
    def response_title(self) -> str:
        """Its response as a heading: "Stage 2 response", or "Response"."""
        return f"{self.title} response" if self.numbered else self.title

    @property
    def the_deadline(self) -> str:
        """What an extension moves, inside a sentence: "Stage 2", or "the response deadline"."""
        return self.title if self.numbered else f"the {in_sentence(self.deadline_title)}"

    @property
    def deadline_title(self) -> str:
        """What an extension moves, as a heading: "Stage 2", or "Response deadline"."""
        return self.title if self.numbered else f"{self.response.what} deadline"

    @property
    def clock(self) -> str:
        """Its clock inside a sentence: "Stage 2", or "the response clock"."""
        return self.title if self.numbered else f"the {in_sentence(self.response.what)} clock"


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    source: str
    acknowledgement: Clock | None = None
    stages: tuple[StageRule, ...] = field(default_factory=tuple)
    # One sentence for screens and the report's description of the procedure.
    summary: str = ""
    # Who may look at the case after the council: the Ombudsman's enquiries, decisions and
    # the remedy payments it recommends are recorded only where it is the Ombudsman.
    oversight: Oversight | None = None
    # Who made it, as staff call them: "Withdrawn by the requester", "the requester must be
    # told the reason" for an information request.
    asker: str = "complainant"
    # What they made, as staff call it: "the date the request was received".
    noun: str = "representation"
    # Who may use the procedure in their own right, as complainant type codes; anyone else
    # only if the council decides they may (``eligibility``). None: anyone may.
    entitled: frozenset[str] | None = None
    # The law naming them, and what the council does about anyone else.
    entitled_source: str = ""
    others: str = ""

    @property
    def has_ombudsman(self) -> bool:
        return self.oversight is Oversight.OMBUDSMAN

    def counts_from(self, clock: Clock) -> str:
        """What a clock counts from, in this procedure's words: "the date the request was
        received" for an information request, not the representation of the complaints
        procedures."""
        if clock.counts_from is CountsFrom.RECEIVED:
            return f"the date the {self.noun} was received"
        return str(clock.counts_from)

    def stage(self, number: int) -> StageRule | None:
        for rule in self.stages:
            if rule.number == number:
                return rule
        return None

    def stage_title(self, number: int) -> str:
        """ "Stage 2", or the stage's own name where this procedure does not number them."""
        rule = self.stage(number)
        return rule.title if rule is not None else f"Stage {number}"

    @property
    def has_stages(self) -> bool:
        return bool(self.stages)

    @property
    def calendar(self) -> Calendar:
        """The calendar its clocks count working days on: UK-wide for information rights,
        England and Wales for the complaints procedures (and where its clocks differ)."""
        calendars = {clock.calendar for clock in self.clocks()}
        return calendars.pop() if len(calendars) == 1 else Calendar.ENGLAND_AND_WALES

    def clocks(self) -> list[Clock]:
        clocks = [self.acknowledgement] if self.acknowledgement else []
        for rule in self.stages:
            clocks += [
                c
                for c in (
                    rule.acknowledgement,
                    rule.panel,
                    rule.panel_report,
                    rule.response,
                    rule.escalation_window,
                    rule.warning,
                )
                if c
            ]
        return clocks
