"""The executive summary and introduction, written from the figures."""

from __future__ import annotations

import datetime as dt
import re

from heeded.calendars.dates import long_date

from . import wording
from .context import Context
from .sections_findings import BANDS, band_phrase, stage1_average_before, young_people_complaints
from .sections_volume import most_complaints, total_received
from .structure import BulletList, Note, Paragraph, Section, sentence


def _long(iso: str) -> str:
    return long_date(dt.date.fromisoformat(iso))


def introduction(ctx: Context, organisation: str, department: str) -> Section:
    period = ctx.report["period"]
    who = f"{organisation}'s {department}" if department else organisation
    return Section("introduction", "Introduction").add(
        Paragraph(
            f"This report covers the complaints, compliments and other representations made to "
            f"{who} between {_long(period['from'])} and {_long(period['to'])}. The Children "
            "Act 1989 Representations Procedure (England) Regulations 2006 require a council "
            "to publish such a report each year."
        ),
        Paragraph(
            "Statutory complaints follow three stages: Stage 1, local resolution; Stage 2, an "
            "investigation with an independent person; Stage 3, a review panel. A complainant "
            "who remains dissatisfied can ask the Local Government and Social Care Ombudsman "
            "to consider the complaint."
        ),
        Paragraph(
            "Percentages are given with the numbers they are worked out from. Working days "
            "exclude weekends and bank holidays in England and Wales."
        ),
        # Last, beside how the figures are given: between the report's purpose and the
        # procedure it read as an aside about neither.
        _years_left_out(ctx),
    )


def _years_left_out(ctx: Context) -> Note | None:
    """Comparison years with no records at all are not shown; the reader is told once."""
    missing = ctx.years_without_records
    if not missing:
        return None
    # "2022/23 Q1" is a quarter, not a year (demo 2025/26 Q1: "There are no records for
    # 2022/23 Q1, so that year is not shown").
    year = all(re.fullmatch(r"\d{4}/\d{2}", label) for label in missing)
    if len(missing) == 1:
        what = "year" if year else "period"
        return Note(f"There are no records for {missing[0]}, so that {what} is not shown.")
    # Comparison years run back from the period: named earliest first.
    years = wording.join(missing[::-1], "or")
    what = "years" if year else "periods"
    return Note(f"There are no records for {years}, so those {what} are not shown.")


def key_findings(ctx: Context) -> Section:
    total = ctx.n("representations.total")
    statutory = ctx.n("representations.by_family", "statutory")
    complaints = ctx.n("complaints.total")
    responses = ctx.n("stage1.responses")
    considered, accepted = ctx.shown_share(statutory, total), ctx.shown_part(complaints, statutory)
    findings = [total_received(ctx)]
    if total:  # "0 of 0 representations were considered" is no finding
        findings.append(
            (
                sentence(
                    f"{considered} {ctx.plural(total, 'representation')} {ctx.were(statutory)} "
                    f"considered under the statutory procedure, and of these {accepted} "
                    f"{ctx.were(complaints)} accepted as statutory complaints."
                )
                if considered and accepted
                else "The numbers of representations considered under the statutory "
                "procedure and accepted as statutory complaints are not published in this "
                "version, to protect privacy."
            )
            + ctx.per_month(" On average {} representations were received each month.")
        )
    average = ctx.average("stage1.average_working_days", "stage1.responses")
    if responses and average is not None:
        text = (
            f"The Stage 1 response took {round(average)} "
            f"{wording.plural(round(average), 'working day')}"
            if responses == 1
            else f"Stage 1 complaints were answered in an average of "
            f"{wording.working_days(average)}"
        )
        before = stage1_average_before(ctx)
        if before is not None:
            average_then = "an average of " if responses == 1 else ""
            text += f" ({average_then}{before:.1f} {wording.during(ctx.previous)})"
        findings.append(text + ".")
        bands, hidden = [], []
        for k, label in BANDS:
            n = ctx.n("stage1.bands", k)
            if ctx.hides(n):
                hidden.append(label.lower())
            else:
                bands.append(_band_clause(ctx, n, responses, label))
        clauses = ([wording.join(bands)] if bands else []) + (
            [_bands_not_published(hidden)] if hidden else []
        )
        if not ctx.hides(responses):
            findings.append(
                f"Of {ctx.count(responses)} Stage 1 {ctx.plural(responses, 'response')}, "
                f"{'; '.join(clauses)}."
            )
    if most := most_complaints(ctx):
        findings.append(most)
    natures = {
        ctx.name("nature", k): ctx.n("complaints.natures", k)
        for k in (ctx.m("complaints.natures") or {})
    }
    most = wording.most(
        natures,
        ctx.count,
        "The most common nature of complaint was",
        "The most common natures of complaint were",
    )
    if most:
        findings.append(f"{most}.")
    sought = {
        ctx.name("outcome", k): ctx.n("complaints.outcomes_sought", k)
        for k in (ctx.m("complaints.outcomes_sought") or {})
    }
    if (most_of := ctx.leaders(sought)) is not None:
        labels, top = most_of
        leaders = [f"'{k}'" for k in labels]
        most = ctx.shown_share(top, complaints)
        # A tie reads "were 'A' and 'B': 19 of 85 (22%) complaints each". A colon, not
        # brackets: the share has its own "(22%)".
        findings.append(
            (
                "The outcome most often sought was "
                if len(leaders) == 1
                else "The outcomes most often sought were "
            )
            + wording.join(leaders)
            + (
                f": {most} {ctx.plural(complaints, 'complaint')}"
                f"{'' if len(leaders) == 1 else ' each'}."
                if most
                else "."
            )
        )
    findings.append(young_people_complaints(ctx))
    if escalated := _escalation_finding(ctx):
        findings.append(escalated)
    received = ctx.n("lgsco.received")
    findings.append(
        f"The number of Ombudsman enquiries about complaints {wording.NOT_PUBLISHED}."
        if ctx.withheld(received)
        else f"The Ombudsman made {ctx.no_or_count(received)} "
        f"{ctx.plural(received, 'enquiry', 'enquiries')} about complaints."
    )
    if recommended := _recommendations_finding(ctx):
        findings.append(recommended)
    return Section("summary", "Executive summary").add(
        Paragraph("The key findings of this report are:"), BulletList(findings)
    )


def _escalation_finding(ctx: Context) -> str | None:
    """ "11 complaints went on to Stage 2 and 5 to a Stage 3 review panel." Both seed
    reports sum up escalation (IoW 2019/20 section 11.1); left to section 11 where either
    count is not published, or where no complaint went further than Stage 1."""
    started2, started3 = ctx.n("stage2.started"), ctx.n("stage3.started")
    if ctx.hides(started2) or ctx.hides(started3) or not (started2 or started3):
        return None
    # The second count stands without its noun: "and none to a Stage 3 review panel", not
    # "and no to" (demo 2025/26 Q1's summary).
    stage3 = "none" if started3 == 0 else ctx.count(started3)
    return sentence(
        f"{ctx.no_or_count(started2)} {ctx.plural(started2, 'complaint')} went on to Stage 2 "
        f"and {stage3} to a Stage 3 review panel."
    )


def _recommendations_finding(ctx: Context) -> str | None:
    """ "The report also identifies five recommendations" (IoW 2019/20 section 1.5): a
    reader of the summary alone learns that there are some, and how many carry on.

    Progress is counted only where the Recommendations section prints some: the demo's
    2025/26 Q1 summary "gives progress on 2 recommendations" for which the section, like any
    quarter's (progress is recorded for each annual report), showed none."""
    if not ctx.recommendations:
        return None
    new = sum(1 for r in ctx.recommendations if r.raised_in == ctx.label)
    carried = [r for r in ctx.recommendations if r.raised_in != ctx.label]
    earlier, reported = len(carried), sum(1 for r in carried if r.progress_for(ctx.label))
    from_earlier = f"{ctx.plural(earlier, 'recommendation')} from earlier reports"
    if reported == earlier:
        progress = f"progress on {earlier} {from_earlier}"
    elif reported:
        progress = f"progress on {reported} of {earlier} {from_earlier}"
    else:
        progress = None
    made = f"makes {new} {ctx.plural(new, 'recommendation')}"
    if not earlier:
        return f"This report {made} (see Recommendations)."
    if progress is None:
        listed = (
            f"lists {earlier} {from_earlier} not yet completed, with no progress on "
            f"{'it' if earlier == 1 else 'them'} recorded for {ctx.label}"
        )
        if not new:
            return f"This report {listed} (see Recommendations)."
        return f"This report {made} and {listed} (see Recommendations)."
    if not new:
        # Not "This report reports progress on 3 recommendations" (demo 2025/26 Q1).
        return f"This report gives {progress} (see Recommendations)."
    return f"This report {made} and reports {progress} (see Recommendations)."


def _band_clause(ctx: Context, n: int, responses: int, label: str) -> str:
    """ "69 (63%) were within 10 working days", "29 (27%) took 11 to 20 working days": the
    responses said once before the bands, each band's share of them beside its count."""
    phrase = label.lower()
    verb = ctx.were(n) if phrase.startswith("within") else "took"
    return f"{ctx.part(n, responses)} {verb} {phrase}"


def _bands_not_published(labels: list[str]) -> str:
    """ "the numbers taking 11 to 20 and over 20 working days are not published"."""
    phrases = [band_phrase(label) for label in labels]
    suffix = " working days"
    if len(phrases) > 1 and all(p.endswith(suffix) for p in phrases):
        phrases = [p.removesuffix(suffix) for p in phrases[:-1]] + phrases[-1:]
        if all(p.startswith("taking ") for p in phrases):
            phrases = phrases[:1] + [p.removeprefix("taking ") for p in phrases[1:]]
    return wording.not_published(phrases)
