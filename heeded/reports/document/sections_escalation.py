"""Sections on what happened beyond Stage 1 and beside complaints: refusals, escalation to
Stages 2 and 3, the Ombudsman, compliments and information requests."""

from __future__ import annotations

import datetime as dt

from heeded.calendars.dates import long_date
from heeded.taxonomy.defaults import OMBUDSMAN_ONGOING
from heeded.taxonomy.wording import in_plural, in_sentence

from ..timescales import STAGE2_DAYS, STAGE2_MOST_DAYS
from . import wording
from .context import NR, Context
from .sections_findings import FINDINGS
from .structure import TOTAL, BulletList, Cell, Note, Paragraph, Row, Section, Table, sentence


def refusals(ctx: Context) -> Section:
    reasons = ctx.m("refusals.reasons") or {}
    refused = ctx.named(sum(reasons.values()), "refusals.reasons", TOTAL)
    section = Section("refusals", "Complaints not accepted into the statutory procedure")
    change = ctx.change("representations.by_type", "refused")
    if not refused:
        section.add(Paragraph("No complaints were refused."))
        return section
    section.add(
        Paragraph(
            ctx.opening(
                refused,
                "complaint was",
                "complaints were",
                " refused" + (f", {change}" if change else ""),
                "complaints refused",
            )
        ),
        ctx.breakdown(
            "refusals",
            "Reasons for refusal",
            "refusals.reasons",
            "refusal_reason",
            "Reason",
            years=False,
            total="Total",
        ),
    )
    return section


def escalation(ctx: Context) -> Section:
    stage1 = ctx.n("stage1.responses")
    started2, done2 = ctx.n("stage2.started"), ctx.n("stage2.responses")
    started3, done3 = ctx.n("stage3.started"), ctx.n("stage3.responses")
    section = Section("escalation", "Escalation to Stages 2 and 3")
    items = [_went_to_stage2(ctx, started2, done2)]
    if stage1:  # else no Stage 1 response to set the Stage 2 investigations against
        items.append(_escalation_rate(ctx, started2, stage1))
    if done2:
        items.append(_stage2_timeliness(ctx, done2))
    items.append(_went_to_stage3(ctx, started3, done3))
    section.add(BulletList(items))
    if done2 or done3:
        section.add(_later_stage_outcomes(ctx, done2, done3))
    return section


def _went_to_stage2(ctx: Context, started2: int, done2: int) -> str:
    """ "11 complaints went on to Stage 2; 10 Stage 2 investigations were completed." """
    return sentence(
        (
            "the number of complaints that went on to Stage 2 is not published"
            if ctx.withheld(started2)
            else f"{ctx.count(started2)} {ctx.plural(started2, 'complaint')} went on to Stage 2"
            if started2 or ctx.hides(started2)
            else "no complaints went on to Stage 2"
        )
        + (
            "; the number of Stage 2 investigations completed is not published"
            if ctx.withheld(done2)
            else f"; {ctx.count(done2)} Stage 2 "
            f"{ctx.plural(done2, 'investigation was', 'investigations were')} completed"
            if done2 or ctx.hides(done2)
            else ""
            if not started2
            else "; none was completed"
        )
        + "."
    )


def _escalation_rate(ctx: Context, started2: int, stage1: int) -> str:
    rate = None if ctx.hides(started2) else ctx.shown_share(started2, stage1)
    return (
        f"Stage 2 investigations started, set against Stage 1 responses (the escalation "
        f"rate): {rate}."
        if rate
        else "The escalation rate (Stage 2 investigations started, set against Stage 1 "
        "responses) is not published (small numbers)."
    )


def _stage2_timeliness(ctx: Context, done2: int) -> str:
    """How many Stage 2 investigations were completed in time, and how long they took."""
    average = ctx.average("stage2.average_working_days", "stage2.responses")
    within = ctx.n("stage2.within_deadline", "within")
    on_time = ctx.shown_share(within, done2)
    deadline = (
        f"within {STAGE2_DAYS} working days, or the extended deadline "
        f"(never more than {STAGE2_MOST_DAYS})"
    )
    if not on_time:
        on_time_text = (
            f"The number of Stage 2 investigations completed within {STAGE2_DAYS} "
            f"working days, or the extended deadline (never more than {STAGE2_MOST_DAYS}), "
            "is not published (small numbers)"
        )
    elif within == 0:
        # "0 of 1 (0%) Stage 2 investigation were completed" (demo 2025/26 Q1): none in
        # time is said in words, as the information requests' "None of the 3" is.
        on_time_text = (
            f"The Stage 2 investigation was not completed {deadline}"
            if done2 == 1
            else f"None of the {ctx.count(done2)} Stage 2 investigations was completed {deadline}"
        )
    else:
        on_time_text = sentence(
            f"{on_time} Stage 2 {ctx.plural(done2, 'investigation')} "
            f"{ctx.were(within)} completed {deadline}"
        )
    return on_time_text + (
        # One investigation has no average: it took what it took (demo 2025/26 Q1
        # printed "the average was 54.0 working days" for its one). ``average`` is
        # None wherever the public version hides the count, so the one case's
        # figure, and that there was one, stay unpublished there.
        f"; it took {round(average)} {wording.plural(round(average), 'working day')}."
        if average is not None and done2 == 1
        else f"; the average was {wording.working_days(average)}."
        if average is not None
        else f"; the average {wording.SMALL_NUMBERS_NOT_PUBLISHED}."
    )


def _went_to_stage3(ctx: Context, started3: int, done3: int) -> str:
    return sentence(
        (
            "the number of complaints that went on to a Stage 3 review panel is not published"
            if ctx.withheld(started3)
            else f"{ctx.count(started3)} {ctx.plural(started3, 'complaint')} went on to "
            "a Stage 3 review panel"
            if started3 or ctx.hides(started3)
            else "no complaints went on to a Stage 3 review panel"
        )
        + (
            "; the number completed is not published"
            if ctx.withheld(done3)
            else ""
            if not (started3 or done3)
            else f"; {_none(ctx, done3)} completed"
        )
        + "."
    )


def _later_stage_outcomes(ctx: Context, done2: int, done3: int) -> Table:
    header = ["Finding", "Stage 2", "Stage 3"]
    table = Table("later_stages", "Stage 2 and Stage 3 outcomes", header, [])
    for key, label in FINDINGS:
        two, three = ctx.n("stage2.outcomes", key), ctx.n("stage3.outcomes", key)
        if two or three or key != NR:
            table.rows.append(
                Row(
                    [
                        Cell(label),
                        ctx.number_cell(two, "stage2.outcomes", key),
                        ctx.number_cell(three, "stage3.outcomes", key),
                    ]
                )
            )
    # A total like every other findings table's: the responses completed at each stage.
    count = len(table.rows)
    table.rows.append(
        Row(
            [
                Cell("Total"),
                ctx.number_cell(done2, "stage2.responses"),
                ctx.number_cell(done3, "stage3.responses"),
            ],
            "total",
        )
    )
    table.sums += [((count, c), [(r, c) for r in range(count)]) for c in (1, 2)]
    return table


def _none(ctx: Context, n: int) -> str:
    return "none was" if n == 0 else f"{ctx.count(n)} {ctx.plural(n, 'was', 'were')}"


def ombudsman(ctx: Context) -> Section:
    received = ctx.n("lgsco.received")
    section = Section("ombudsman", "The Local Government and Social Care Ombudsman")
    change = ctx.change("lgsco.received")
    records = _ombudsman_records(ctx, received)
    section.add(
        Paragraph(
            f"The number of Ombudsman enquiries about complaints {wording.NOT_PUBLISHED}."
            if ctx.withheld(received)
            else f"The Ombudsman made {ctx.no_or_count(received)} "
            f"{ctx.plural(received, 'enquiry', 'enquiries')} about complaints"
            + (f", {change}." if change else ".")
            + _ombudsman_ongoing(ctx, received)
        ),
        records,
    )
    if received:
        decisions = ctx.breakdown(
            "ombudsman",
            "Ombudsman decisions",
            "lgsco.decisions",
            "ombudsman_decision",
            "Decision",
            years=False,
            total="Total",
        )
        if records:  # which cases the table counts, on its sheet too
            decisions.said.append(records.text)
        later = _decided_after_the_end(ctx)
        if later:
            decisions.notes.append(later)
        section.add(decisions)
    section.add(Paragraph(_payments(ctx)))
    return section


def _decided_after_the_end(ctx: Context) -> str:
    """Why the decisions can outnumber the enquiries decided by the period's end: demo
    2025/26 said 3 of 10 enquiries were "still awaiting the Ombudsman's decision on 31
    March 2026" above a table of 10 decisions, 3 of them made after that day (the table
    gives each case's decision as recorded now). The public version gives no count: it
    could be a small one."""
    decisions = ctx.m("lgsco.decisions") or {}
    undecided = decisions.get(NR, 0) + decisions.get(OMBUDSMAN_ONGOING, 0)
    later = (ctx.extra("lgsco_ongoing") or 0) - undecided
    if later <= 0:
        return ""
    end = long_date(dt.date.fromisoformat(ctx.report["period"]["to"]))
    which = "some" if ctx.public else f"{later} of them"
    return (
        f"The decisions are those recorded when the report was produced: {which} "
        f"{'was' if later == 1 and not ctx.public else 'were'} made after {end}, on "
        "enquiries still awaiting the Ombudsman's decision then."
    )


def _ombudsman_ongoing(ctx: Context, received: int) -> str:
    """ " Of these, 2 (33%) were still awaiting its decision on 31 March 2026": Isle of
    Wight 2019/20 (12.1) says how many were "currently ongoing", so that the decisions are
    read as of the enquiries decided. "" without enquiries, or where their count is
    withheld."""
    ongoing = ctx.extra("lgsco_ongoing")
    if ongoing is None or not received or ctx.withheld(received):
        return ""
    ongoing = ctx.named(ongoing, "lgsco_ongoing")
    end = long_date(dt.date.fromisoformat(ctx.report["period"]["to"]))
    if ongoing == 0:
        return f" The Ombudsman had decided {'it' if received == 1 else 'all of them'} by {end}."
    share = ctx.shown_part(ongoing, received)
    if share is None:
        return (
            f" The number still awaiting the Ombudsman's decision on {end} {wording.NOT_PUBLISHED}."
        )
    if received == 1:
        return f" It was still awaiting the Ombudsman's decision on {end}."
    return sentence(
        f" Of these, {share} {ctx.were(ongoing)} still awaiting the Ombudsman's decision on {end}."
    )


def _payments(ctx: Context) -> str:
    """The year's payments, and on how many cases: a total paid on fewer cases than the
    threshold is not published, since paid on one case it is what that complainant got."""
    total = ctx.m("payments.total") or 0
    paid = ctx.named(ctx.extra("cases_paid") or 0, "cases_paid")
    closed = f"closed {ctx.during}"
    if not total:
        return f"No payments were made to complainants on cases {closed}."
    cases = f"{ctx.count(paid)} {ctx.plural(paid, 'case')} {closed}"
    if ctx.hides(paid):
        return (
            f"Payments were made to complainants on {cases}; their total "
            f"{wording.SMALL_NUMBERS_NOT_PUBLISHED}."
        )
    return f"Payments to complainants on {cases} came to £{total:,.2f}."


def _ombudsman_records(ctx: Context, received: int) -> Note | None:
    """Why the count of Ombudsman enquiries differs from the 'Ombudsman enquiry' row of the
    representations table (demo 2025/26: 10 and 6), which councillors read as one figure:
    the measure counts every case with an enquiry received in the period, of whatever type
    (complaints taken to the Ombudsman too); the row, the records of that type received."""
    records = ctx.n("representations.by_type", "lgsco")
    if not received or records == received or ctx.hides(records) or ctx.hides(received):
        return None
    label = ctx.name("record_type", "lgsco")
    return Note(
        f"These are the cases of any type on which an Ombudsman enquiry was received "
        f"{ctx.during}. The {ctx.count(records)} shown as '{label}' under Representations "
        f"received are the records of that type received {ctx.during}."
    )


def compliments(ctx: Context) -> Section:
    section = Section("compliments", "Compliments")
    n = ctx.n("representations.by_type", "compliment")
    change = ctx.change("representations.by_type", "compliment")
    if n:
        section.add(
            Paragraph(
                ctx.opening(
                    n,
                    "compliment was",
                    "compliments were",
                    " recorded" + (f", {change}" if change else ""),
                    "compliments recorded",
                )
            )
        )
        by_team = (ctx.supplementary.get("compliments") or {}).get("by_service_team") or {}
        if by_team:
            table = _compliments_table(ctx, by_team)
            # A compliment names every team it praises (as a complaint does): the public
            # demo 2025/26 left the table out and still spoke of "the rows".
            ctx.rows_add_to_more(
                table,
                sum(by_team.values()),
                n,
                "compliment",
                "be about more than one service or team",
            )
            section.add(table)
    else:
        section.add(
            Note(
                "No compliments were recorded. This does not mean none were given: staff "
                "should pass compliments to the complaints team so they can be counted."
            )
        )
    return section


def _compliments_table(ctx: Context, by_team: dict) -> Table:
    table = Table(
        "compliments",
        "Compliments by service or team",
        ["Service or team", ctx.label],
        [],
    )
    for code in ctx.labels.order("service_team", by_team):
        table.rows.append(
            Row([Cell(ctx.name("service_team", code)), ctx.number_cell(by_team[code])])
        )
    return table


def information_requests(ctx: Context) -> Section | None:
    from ..measures import INFORMATION_REQUESTS

    by_type = {p: ctx.m("representations.by_type", p) or {} for p in ctx.periods(True)}
    codes = [c for c in INFORMATION_REQUESTS if any(by_type[p].get(c) for p in by_type)]
    if not codes:
        return None
    section = Section("information", "Information requests and enquiries")
    section.add(
        ctx.breakdown(
            "information",
            "Information requests and enquiries received",
            "representations.by_type",
            "record_type",
            "Type",
            keys=codes,
        )
    )
    timely = ctx.supplementary.get("information_requests") or {}
    items = [
        _answered_on_time(ctx, code, v.get("within", 0), _answered(ctx, code, v["responded"]))
        for code, v in timely.items()
        if v.get("responded")
    ]
    if items:
        section.add(
            BulletList(items),
            Note(
                "On time means by the deadline, or by the extended deadline where one was agreed."
            ),
        )
    return section


def _answered_on_time(ctx: Context, code: str, on_time: int, answered: int) -> str:
    """ "Of the 15 subject access requests answered in 2025/26, 14 (93%) were answered on
    time.", as a council's report says it; "All 10 ..." where every one was.

    Of those answered, not of those received (Table 16's figure): the two differ, and "10 of
    10" under 11 received read as one lost. "Answered in <period>" says which.
    """
    label = ctx.name("record_type", code)
    many = in_sentence(in_plural(label))
    part = ctx.shown_part(on_time, answered)
    if part is None:
        return f"The number of {many} answered on time is not published (small numbers)."
    these = (
        f"{ctx.count(answered)} {ctx.plural(answered, in_sentence(label), many)} answered "
        f"{ctx.during}"
    )
    if on_time == answered:
        # "All 2 subject access requests" (demo 2025/26 Q1) reads as a slip: two are "Both".
        if answered == 2:
            return f"Both {many} answered {ctx.during} were answered on time."
        every = "All" if answered > 1 else "The"
        return f"{every} {these} {ctx.were(answered)} answered on time."
    if on_time == 0:
        return f"None of the {these} was answered on time."
    return f"Of the {these}, {part} {ctx.were(on_time)} answered on time."


def _answered(ctx: Context, code: str, responded: int) -> int:
    """The number answered, named as the number received where the two are the same (it
    is then Table 16's figure, and hidden wherever that is)."""
    received = ctx.n("representations.by_type", code)
    return received if responded == received else responded
