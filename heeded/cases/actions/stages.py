"""Moving a case through the stages its procedure declares."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.timezone import localdate

from heeded.calendars.working_days import working_days
from heeded.organisation.models import Organisation, Stage2ClockStart
from heeded.taxonomy.models import Outcome

from ..clocks import clock_limit, delay_notice_due, latest_extension, response_clock_start
from ..models import UPHELD_AT_LEAST_IN_PART, Case, EventKind, Stage, StageOutcome
from ._base import (
    ProcedureError,
    locked,
    long_date,
    record_event,
    require,
    require_date,
    require_not_before,
    require_open,
    require_remedial_details,
    require_working_day,
    save_case,
    save_with_history,
)
from .clocks import refresh_clocks
from .reminders import start_again_on_reopening


def _stage(case: Case, number: int) -> Stage:
    rule = case.procedure.stage(number)
    require(rule is not None, f"{case.reference} ({case.record_type.label}) has no stage {number}.")
    stage = Stage.objects.filter(case=case, number=number).first()
    require(stage is not None, f"Stage {number} has not been started on {case.reference}.")
    return stage


def _finish(case: Case, by, reason: str) -> Case:
    refresh_clocks(case)
    save_case(case, by, reason)
    return case


def start_stage(
    case: Case,
    number: int,
    *,
    by,
    requested_on: dt.date,
    statement_agreed_on: dt.date | None = None,
    accept_late_request: bool = False,
    expected_version: int | None = None,
) -> Stage:
    """Escalate to the next stage at the complainant's request."""
    with transaction.atomic():
        case = locked(case, expected_version)
        procedure = case.procedure
        rule = procedure.stage(number)
        require(
            rule is not None,
            f"{case.reference} ({case.record_type.label}) is under the {procedure.name}, "
            f"which has no stage {number}.",
        )
        require(number > 1, "Stage 1 starts when the representation is recorded or converted.")
        require(
            not Stage.objects.filter(case=case, number=number).exists(),
            f"Stage {number} has already been started.",
        )
        previous = Stage.objects.filter(case=case, number=number - 1).first()
        require(
            previous is not None and previous.responded_on is not None,
            f"Stage {number} can only start after the Stage {number - 1} response.",
        )
        require(
            previous.outcome != StageOutcome.WITHDRAWN,
            f"The complaint was withdrawn at Stage {number - 1}; it cannot be escalated.",
        )
        require_date(requested_on, f"Stage {number} was requested", "requested_on")
        require_not_before(
            requested_on,
            previous.responded_on,
            f"Stage {number} was requested",
            f"the Stage {number - 1} response",
            "requested_on",
        )
        window = procedure.stage(number - 1).escalation_window
        if window and not accept_late_request:
            taken = working_days(previous.responded_on, requested_on, window.calendar)
            if taken > window.limit:
                raise ProcedureError(
                    f"Stage {number} was requested {taken} working days after the Stage "
                    f"{number - 1} response; the usual limit is {window.limit}. The council "
                    "may still accept it: confirm that it does.",
                    "accept_late_request",
                )
        if statement_agreed_on is not None:
            require(
                rule.statement_of_complaint,
                f"{rule.title} of the {procedure.name} has no statement of complaint.",
                "statement_agreed_on",
            )
            require_not_before(
                statement_agreed_on,
                requested_on,
                "the statement of complaint was agreed",
                "the request",
                "statement_agreed_on",
            )
        started_on = _stage2_clock_start(rule, requested_on, statement_agreed_on)
        if case.closed_on is not None:
            # Councils close a case after Stage 1; asking for Stage 2 reopens it.
            record_event(
                case,
                EventKind.REOPENED,
                by=by,
                on=requested_on,
                description=f"Reopened for Stage {number}",
            )
            case.closed_on = None
            start_again_on_reopening(case, by=by, on=requested_on)
        stage = Stage(
            case=case,
            number=number,
            requested_on=requested_on,
            statement_agreed_on=statement_agreed_on,
            started_on=started_on,
            late_request_accepted=accept_late_request,
        )
        save_with_history(stage, by, f"Stage {number} started")
        record_event(
            case,
            EventKind.STAGE_STARTED,
            by=by,
            on=requested_on,
            stage_number=number,
            description=rule.name,
        )
        _finish(case, by, f"Stage {number} started")
    stage.refresh_from_db()
    return stage


def _stage2_clock_start(rule, requested_on, statement_agreed_on) -> dt.date:
    # The organisation chooses what starts the children's Stage 2 clock (domain.md section
    # 1.6). Until a statement is agreed the clock is shown from the request, the earlier and
    # safer date. A stage without a statement of complaint always counts from the request.
    if (
        rule.statement_of_complaint
        and statement_agreed_on
        and Organisation.current().stage2_clock_start == Stage2ClockStart.STATEMENT_AGREED
    ):
        return statement_agreed_on
    return requested_on


def agree_statement(case: Case, *, by, on: dt.date, expected_version: int | None = None) -> Stage:
    """Record the agreed Stage 2 statement of complaint (it may start the clock)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        stage = _stage(case, 2)
        rule = case.procedure.stage(2)
        require(
            rule.statement_of_complaint,
            f"{rule.title} of the {case.procedure.name} has no statement of complaint.",
        )
        require(stage.responded_on is None, "Stage 2 has already been responded to.")
        require_date(on, "the statement of complaint was agreed", "on")
        require_not_before(on, stage.requested_on, "the statement was agreed", "the request", "on")
        stage.statement_agreed_on = on
        stage.started_on = _stage2_clock_start(rule, stage.requested_on, on)
        save_with_history(stage, by, "Statement of complaint agreed")
        record_event(
            case,
            EventKind.EDITED,
            by=by,
            on=on,
            stage_number=2,
            description="Statement of complaint agreed",
        )
        _finish(case, by, "Statement of complaint agreed")
    return stage


def acknowledge_stage(
    case: Case, number: int, *, by, on: dt.date, expected_version: int | None = None
) -> Stage:
    """Acknowledge a stage that has its own acknowledgement (corporate Stage 2)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        stage = _stage(case, number)
        require(
            case.procedure.stage(number).acknowledgement is not None,
            f"Stage {number} has no separate acknowledgement.",
        )
        require(stage.acknowledged_on is None, f"Stage {number} has already been acknowledged.")
        require_date(on, "of the acknowledgement", "on")
        require_not_before(
            on, stage.started_on, "of the acknowledgement", "the stage's start", "on"
        )
        stage.acknowledged_on = on
        save_with_history(stage, by, f"Stage {number} acknowledged")
        record_event(case, EventKind.STAGE_ACKNOWLEDGED, by=by, on=on, stage_number=number)
        _finish(case, by, f"Stage {number} acknowledged")
    return stage


def extend_stage(
    case: Case,
    number: int,
    *,
    by,
    to: dt.date,
    reason: str,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Stage:
    """Agree a later response date, never beyond the procedure's maximum (where it has one)."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        stage = _stage(case, number)
        rule = case.procedure.stage(number)
        called = rule.called
        require(stage.responded_on is None, f"{called} has already been responded to.")
        require(rule.response.extendable, rule.response.cannot_be_extended)
        for refusal in extension_refusals(case, stage, to=to, reason=reason, on=on):
            raise refusal
        old = stage.extended_to
        stage.extended_to = to
        stage.extension_reason = reason.strip()
        done = f"Stage {number} extended" if rule.numbered else "Deadline extended"
        if rule.response.agreed:
            done = "Response date agreed"
        save_with_history(stage, by, done)
        record_event(
            case,
            EventKind.STAGE_EXTENDED,
            by=by,
            on=on or localdate(),
            stage_number=number,
            description=reason.strip(),
            old=old.isoformat() if old else "",
            new=to.isoformat(),
        )
        _finish(case, by, done)
    return stage


def _first_refusal(checks) -> list[ProcedureError]:
    """The first of the checks on one answer that refuses it: one thing to say about it."""
    for check in checks:
        try:
            check()
        except ProcedureError as refusal:
            return [refusal]
    return []


def extension_refusals(
    case: Case, stage: Stage, *, to: dt.date | None, reason: str, on: dt.date | None = None
) -> list[ProcedureError]:
    """Everything the procedure refuses in an extension as given, each naming the argument
    it is about: ``extend_stage`` refuses the first; its form shows them all at once, so a
    date beyond the maximum is told with the missing reason, not after it."""
    rule = case.procedure.stage(stage.number)
    # A response date agreed with the complainant (adult social care) is agreed, not extended.
    by_agreement = rule.response.agreed
    received = f"the date the {case.procedure.noun} was received"
    refusals = []
    if on is not None and on < stage.started_on:
        refusals.append(
            ProcedureError(
                f"The date {'it' if by_agreement else 'the extension'} was agreed "
                f"({long_date(on)}) cannot be before "
                f"{received if by_agreement else rule.start} ({long_date(stage.started_on)}).",
                "on",
            )
        )
    if not (reason and reason.strip()):
        refusals.append(
            ProcedureError(
                "Enter how it was agreed"
                if by_agreement
                else f"Enter the reason for the extension; the {case.procedure.asker} must be "
                "told it.",
                "reason",
            )
        )
    response_due = rule.response.deadline(
        response_clock_start(case, rule, stage), clock_limit(rule.response)
    )
    agreed = on or localdate()
    if rule.response.extend_before_deadline and response_due and agreed > response_due:
        refusals.append(
            ProcedureError(
                f"The extension was agreed on {long_date(agreed)}, after the deadline of "
                f"{long_date(response_due)}: it cannot be extended once that has passed "
                f"({rule.response.extend_before_deadline}). Respond as soon as possible "
                "instead.",
                "on",
            )
        )
    current = stage.extended_to or response_due
    latest = latest_extension(case, stage)

    def after_the_current_one() -> None:
        if current is not None and to <= current:
            raise ProcedureError(
                f"The new date must be after the one agreed before ({long_date(current)})."
                if by_agreement
                else f"The new deadline must be after the current one ({long_date(current)}).",
                "to",
            )

    def beyond_the_maximum() -> None:
        if latest is not None and to > latest:
            raise ProcedureError(
                f"{rule.called} can be extended to {long_date(latest)} at the latest "
                f"({rule.response.max_limit} {rule.response.unit} from "
                f"{case.procedure.counts_from(rule.response)}; {rule.response.cited}).",
                "to",
            )

    checks = [
        lambda: require_date(to, "of the new deadline", "to"),
        after_the_current_one,
        lambda: require_not_before(
            to,
            stage.started_on,
            "agreed" if by_agreement else "of the new deadline",
            received if by_agreement else "the stage's start",
            "to",
        ),
        beyond_the_maximum,
        # A statutory deadline falls on a working day of the procedure's own calendar.
        lambda: require_working_day(
            to, rule.response.calendar, latest=latest, after=current, field="to"
        ),
    ]
    return refusals + _first_refusal(checks)


def delay_notice_refusals(
    case: Case, stage: Stage, *, on: dt.date | None, explanation: str
) -> list[ProcedureError]:
    """Everything the procedure refuses in a notice of delay as given, each naming the
    argument it is about: ``explain_delay`` refuses the first; its form shows them all at
    once, so a date before receipt is told with the missing explanation, not after it."""
    notice = delay_notice_due(case, stage)
    if notice is None:
        return []  # no notice of delay to give: explain_delay says so
    # "the start of its clock" meant nothing to a complaints officer: the 6 months count
    # from the day the complaint was received.
    start, since = notice.starts_on, case.procedure.counts_from(notice.clock)
    checks = [
        lambda: require_date(on, f"the {case.procedure.asker} was told", "on"),
        lambda: require(
            on <= localdate(), "The date they were told cannot be in the future.", "on"
        ),
        lambda: require_not_before(on, start, "they were told", since, "on"),
    ]
    refusals = _first_refusal(checks)
    if not (explanation and explanation.strip()):
        refusals.append(ProcedureError("Say what they were told.", "explanation"))
    return refusals


def explain_delay(
    case: Case,
    number: int,
    *,
    by,
    on: dt.date,
    explanation: str,
    expected_version: int | None = None,
) -> Stage:
    """The complainant was told why there is no response yet: what the procedure asks once
    its warning period has run without one (adult social care: 6 months, SI 2009/309 reg 14).
    Told earlier, it still counts: a council that writes before the 6 months are up has
    done what the rule asks, and is not chased again."""
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        stage = _stage(case, number)
        rule = case.procedure.stage(number)
        require(
            rule.warning is not None,
            f"{rule.called} of the {case.procedure.name} has no notice of delay.",
        )
        require(stage.responded_on is None, f"{rule.called} has already been responded to.")
        require(
            stage.delay_explained_on is None,
            f"The {case.procedure.asker} was told why on {long_date(stage.delay_explained_on)}.",
        )
        for refusal in delay_notice_refusals(case, stage, on=on, explanation=explanation):
            raise refusal
        stage.delay_explained_on = on
        stage.delay_explanation = explanation.strip()
        save_with_history(stage, by, "Told why there is no response yet")
        record_event(
            case,
            EventKind.DELAY_EXPLAINED,
            by=by,
            on=on,
            stage_number=number,
            description=explanation.strip(),
        )
        _finish(case, by, "Told why there is no response yet")
    return stage


def record_panel(case: Case, *, by, held_on: dt.date, expected_version: int | None = None) -> Stage:
    """Stage 3: the review panel met."""
    return _panel_step(
        case,
        by,
        held_on,
        "panel_held_on",
        EventKind.PANEL_HELD,
        "the panel met",
        expected_version,
        argument="held_on",
    )


def record_panel_report(
    case: Case, *, by, on: dt.date, expected_version: int | None = None
) -> Stage:
    """Stage 3: the panel's report was received."""
    return _panel_step(
        case,
        by,
        on,
        "panel_report_on",
        EventKind.PANEL_REPORTED,
        "the panel reported",
        expected_version,
    )


def _panel_step(case, by, on, field, kind, what, expected_version, argument="on") -> Stage:
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        stage = _stage(case, 3)
        rule = case.procedure.stage(3)
        require(rule.panel is not None, "This procedure has no review panel.")
        require(stage.responded_on is None, "Stage 3 has already been responded to.")
        require_date(on, what, argument)
        require(getattr(stage, field) is None, f"The date {what} is already recorded.")
        if field == "panel_report_on":
            require(stage.panel_held_on is not None, "Record the panel meeting first.")
            require_not_before(on, stage.panel_held_on, what, "the panel meeting", argument)
        require_not_before(on, stage.started_on, what, "the Stage 3 request", argument)
        setattr(stage, field, on)
        save_with_history(stage, by, what.capitalize())
        record_event(case, kind, by=by, on=on, stage_number=3)
        _finish(case, by, what.capitalize())
    return stage


def response_refusals(
    case: Case,
    stage: Stage,
    *,
    on: dt.date | None,
    outcome: str = "",
    remedial_action: bool | None = None,
    remedial_action_details: str = "",
    today: dt.date | None = None,
) -> list[ProcedureError]:
    """Everything the procedure refuses in a response as given, each naming the argument
    it is about. ``respond_to_stage`` refuses the first; its form shows them all beside
    their answers at once, so that nobody corrects one answer only to be told of another."""
    today = today or localdate()
    rule = case.procedure.stage(stage.number)
    response = rule.the_response
    checks = [
        lambda: require_date(on, f"of {response}", "on"),
        lambda: require(on <= today, "The response date cannot be in the future.", "on"),
        lambda: require_not_before(on, stage.started_on, f"of {response}", rule.start, "on"),
        lambda: require_not_before(
            on, case.received_on, f"of {response}", "the date received", "on"
        ),
        lambda: require_not_before(
            on, stage.panel_report_on, f"of {response}", "the panel's report", "on"
        ),
    ]
    refusals = _first_refusal(checks)
    try:
        require_remedial_details(
            remedial_action, remedial_action_details or case.remedial_action_details
        )
    except ProcedureError as refusal:
        refusals.append(refusal)
    if rule.records_finding and outcome not in StageOutcome.values:
        refusals.append(
            ProcedureError(
                "Choose whether the complaint was upheld, partially upheld or not upheld.",
                "outcome",
            )
        )
    elif outcome and outcome not in StageOutcome.values:
        refusals.append(ProcedureError(f"'{outcome}' is not a stage outcome.", "outcome"))
    return refusals


def remedial_answer_refusals(
    case: Case, *, outcome: str, remedial_action: bool | None
) -> list[ProcedureError]:
    """A finding that the complaint was upheld, in full or in part, says whether remedial
    action was taken, No where none was needed: the annual report counts remedial action
    "of those upheld or partially upheld" (measures-v1 ``stage1.remedial_action``), and an
    unanswered one there is "not recorded".

    Asked of whoever records a response in the application (its form), not by
    ``respond_to_stage`` itself: imported and older cases may lack the answer, and the
    report counts them as not recorded rather than refusing their history.
    """
    answered = remedial_action if remedial_action is not None else case.remedial_action
    if outcome in UPHELD_AT_LEAST_IN_PART and answered is None:
        finding = StageOutcome(outcome).label.lower()
        return [
            ProcedureError(
                f"Select whether remedial action was taken for a{'n' if finding[0] == 'u' else ''}"
                f" {finding} complaint, or No if none was needed",
                "remedial_action",
            )
        ]
    return []


def respond_to_stage(
    case: Case,
    number: int,
    *,
    by,
    on: dt.date,
    outcome: str = "",
    summary: str = "",
    actual_outcomes: list[Outcome] | None = None,
    remedial_action: bool | None = None,
    remedial_action_details: str = "",
    lessons_learned: str = "",
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> Stage:
    """Record the response that completes a stage, with its finding and outcomes."""
    today = today or localdate()
    with transaction.atomic():
        case = locked(case, expected_version)
        require_open(case)
        stage = _stage(case, number)
        rule = case.procedure.stage(number)
        called = rule.called
        response = rule.the_response
        require(stage.responded_on is None, f"{called} has already been responded to.")
        # A review panel's stage is answered by the response to the panel's report.
        require(
            not (rule.panel and stage.panel_held_on is None),
            f"Record the review panel's meeting and its report first: {response} answers "
            "the panel's recommendations.",
        )
        require(
            not (rule.panel_report and stage.panel_report_on is None),
            f"Record the panel's report first: {response} answers its recommendations.",
        )
        for refusal in response_refusals(
            case,
            stage,
            on=on,
            outcome=outcome,
            remedial_action=remedial_action,
            remedial_action_details=remedial_action_details,
            today=today,
        ):
            raise refusal
        stage.responded_on = on
        stage.outcome = outcome
        stage.response_summary = summary
        done = f"Stage {number} responded to" if rule.numbered else "Response recorded"
        save_with_history(stage, by, done)
        if actual_outcomes is not None:
            case.actual_outcomes.set(actual_outcomes)
        if remedial_action is not None:
            case.remedial_action = remedial_action
        if remedial_action_details:
            case.remedial_action_details = remedial_action_details
        if lessons_learned:
            case.lessons_learned = lessons_learned
        record_event(
            case,
            EventKind.STAGE_RESPONDED,
            by=by,
            on=on,
            stage_number=number,
            new=StageOutcome(outcome).label if outcome else "Responded",
        )
        _finish(case, by, done)
    return stage
