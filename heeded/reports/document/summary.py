"""The executive summary and introduction, written from the figures."""

from __future__ import annotations

import datetime as dt

from . import wording
from .context import NR, Context
from .sections_findings import BANDS
from .structure import BulletList, Note, Paragraph, Section


def _long(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


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
        _years_left_out(ctx),
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
    )


def _years_left_out(ctx: Context) -> Note | None:
    """Comparison years with no records at all are not shown; the reader is told once."""
    missing = ctx.years_without_records
    if not missing:
        return None
    if len(missing) == 1:
        return Note(f"Heeded holds no records for {missing[0]}, so that year is not shown.")
    earliest_first = missing[::-1]  # comparison years run back from the period
    years = ", ".join(earliest_first[:-1]) + " or " + earliest_first[-1]
    return Note(f"Heeded holds no records for {years}, so those years are not shown.")


def key_findings(ctx: Context) -> Section:
    total = ctx.n("representations.total")
    statutory = ctx.n("representations.by_family", "statutory")
    complaints = ctx.n("complaints.total")
    responses = ctx.n("stage1.responses")
    change = ctx.change("representations.total")
    findings = [
        f"{ctx.count(total)} {wording.plural(total, 'representation was', 'representations were')}"
        f" received in {ctx.label}" + (f", {change}." if change else "."),
        f"{ctx.share(statutory, total)} representations were considered under the statutory "
        f"procedure, and {ctx.share(complaints, statutory)} of these were accepted as statutory "
        f"complaints. On average {ctx.m('representations.per_month') or 0:.1f} representations "
        "were received each month.",
    ]
    average = ctx.m("stage1.average_working_days")
    if responses:
        text = f"Stage 1 complaints were answered in an average of {wording.working_days(average)}"
        before = ctx.m("stage1.average_working_days", ctx.previous) if ctx.previous else None
        if average is not None and before is not None:
            text += f" ({before:.1f} in {ctx.previous})"
        findings.append(text + ".")
        bands = [
            f"{ctx.share(ctx.n('stage1.bands', k), responses)} {label.lower()}"
            for k, label in BANDS
        ]
        findings.append(f"Of {ctx.count(responses)} Stage 1 responses: {'; '.join(bands)}.")
    types = {k: n for k, n in (ctx.m("complaints.complainant_types") or {}).items() if k != NR}
    if types:
        top = max(types.values())
        leaders = [ctx.name("complainant_type", k) for k, n in types.items() if n == top]
        findings.append(
            f"Complainants recorded as {wording.join(_quoted(leaders))} made "
            f"the most complaints ({ctx.share(top, complaints)})."
        )
    natures = {ctx.name("nature", k): n for k, n in (ctx.m("complaints.natures") or {}).items()}
    if natures:
        findings.append(
            f"The most common natures of complaint were {wording.top_three(natures, ctx.count)}."
        )
    sought = {
        ctx.name("outcome", k): n for k, n in (ctx.m("complaints.outcomes_sought") or {}).items()
    }
    if sought:
        top = max(sought.values())
        names = wording.join([f"'{k}'" for k, n in sought.items() if n == top])
        findings.append(
            f"The outcome most often sought was {names} ({ctx.share(top, complaints)} complaints)."
        )
    young = ctx.n("young_people.complaints")
    young_change = ctx.change("young_people.complaints")
    findings.append(
        f"{ctx.count(young)} {wording.plural(young, 'complaint was', 'complaints were')} made by "
        "children or young people" + (f", {young_change}." if young_change else ".")
    )
    received = ctx.n("lgsco.received")
    findings.append(
        f"The Ombudsman made {ctx.count(received)} "
        f"{wording.plural(received, 'enquiry', 'enquiries')} about complaints."
    )
    return Section("summary", "Executive summary").add(
        Paragraph("The key findings of this report are:"), BulletList(findings)
    )


def _quoted(labels: list[str]) -> list[str]:
    return [f"'{label}'" for label in labels]
