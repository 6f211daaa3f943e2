"""The closing sections: learning, recommendations, the glossary and the data appendix."""

from __future__ import annotations

from ..timescales import PANEL_DAYS, STAGE1_DAYS, STAGE1_MOST_DAYS, STAGE2_DAYS, STAGE2_MOST_DAYS
from .context import Context
from .structure import Cell, Paragraph, Quote, Row, Section, Table


def learning(ctx: Context) -> Section:
    section = Section("learning", "Learning from complaints")
    if not ctx.learning:
        section.add(Paragraph("No learning examples were chosen for this report."))
        return section
    section.add(
        Paragraph(
            "Complaints show where services can improve. These examples, written by the "
            "complaints team without anything that could identify the people involved, are "
            "from complaints and other representations received or answered in the period."
        )
    )
    for heading, texts in _by_heading(_distinct(ctx.learning)).items():
        section.add(Quote(heading, "\n\n".join(texts)))
    return section


def _distinct(examples: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each text once, under the heading of the first case that gave it: staff often write
    the same learning for several cases, and the report should not print it again."""
    seen: set[str] = set()
    distinct = []
    for heading, text in examples:
        key = " ".join(text.split())
        if key not in seen:
            seen.add(key)
            distinct.append((heading, text))
    return distinct


def _by_heading(examples: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Examples about the same service and the same thing under one heading, in the order of
    the first: each heading once, so that a reader can tell one from the next."""
    grouped: dict[str, list[str]] = {}
    for heading, text in examples:
        grouped.setdefault(heading, []).append(text)
    return grouped


def recommendations(ctx: Context) -> Section | None:
    earlier = [r for r in ctx.recommendations if r.raised_in != ctx.label]
    new = [r for r in ctx.recommendations if r.raised_in == ctx.label]
    if ctx.public and not (earlier or new):
        return None  # a published report with an empty section reads as an omission
    section = Section("recommendations", "Recommendations")
    if earlier:
        # "Progress on ..." only over progress the section prints (none, in a quarter's).
        if any(r.progress_for(ctx.label) for r in earlier):
            section.add(Paragraph("Progress on recommendations from earlier reports:"))
        else:
            section.add(
                Paragraph(
                    "Recommendations from earlier reports not yet completed (no progress on "
                    f"them is recorded for {ctx.label}):"
                )
            )
        for number, rec in enumerate(earlier, start=1):
            progress = rec.progress_for(ctx.label)
            text = rec.text
            if progress:
                text += f"\n\nProgress ({progress.status_label}): {progress.text}"
            section.add(Quote(f"Recommendation {number} ({rec.raised_in}): {rec.title}", text))
    if new:
        section.add(Paragraph(f"Recommendations made {ctx.during}:"))
        for number, rec in enumerate(new, start=1):
            section.add(Quote(f"Recommendation {number}: {rec.title}", rec.text))
    if not earlier and not new:
        section.add(Paragraph("No recommendations have been recorded for this report."))
    return section


def glossary(ctx: Context) -> Section:
    section = Section("glossary", "Glossary")
    used = {c for p in ctx.periods(True) for c in (ctx.m("representations.by_type", p) or {})}
    for term in ctx.labels.terms("record_type"):
        if term.code in used and term.description:
            section.add(Quote(term.label, term.description))
    section.add(
        Quote("Working day", "Monday to Friday, except bank holidays in England and Wales."),
        Quote(
            "Stage 1",
            f"Local resolution: a response within {STAGE1_DAYS} working days, extendable to "
            f"{STAGE1_MOST_DAYS}.",
        ),
        Quote(
            "Stage 2",
            "Investigation by an investigating officer with an independent "
            f"person: {STAGE2_DAYS} working days, extendable to {STAGE2_MOST_DAYS}.",
        ),
        Quote("Stage 3", f"A review panel, held within {PANEL_DAYS} working days of the request."),
    )
    return section


SCALARS = [
    ("representations.total", "Representations received"),
    ("representations.per_month", "Representations per month"),
    ("complaints.total", "Complaints (statutory)"),
    ("stage1.responses", "Stage 1 responses"),
    ("stage1.average_working_days", "Stage 1 average working days"),
    ("stage1_ongoing", "Complaints awaiting a Stage 1 response at the period's end"),
    ("stage2.started", "Stage 2 investigations started"),
    ("stage2.responses", "Stage 2 investigations completed"),
    ("stage2.average_working_days", "Stage 2 average working days"),
    ("stage3.started", "Stage 3 panels requested"),
    ("stage3.responses", "Stage 3 panels completed"),
    ("young_people.complaints", "Complaints from children and young people"),
    ("young_people.via_professional", "of which through an advocate or professional"),
    ("young_people.upheld", "of which upheld or partially upheld"),
    ("lgsco.received", "Ombudsman enquiries"),
    ("lgsco_ongoing", "of which not decided by the period's end"),
    ("cases_paid", "Cases closed with a payment"),
    ("payments.total", "Payments (£)"),
]
# Key figures that are not among the spec's measures, read from the supplementary figures.
SUPPLEMENTARY = {"cases_paid", "stage1_ongoing", "lgsco_ongoing"}
# The figures that are not counts, and their places: averages to one decimal place (as the
# measures round them), money in pounds and pence.
DECIMALS = {
    "representations.per_month": 1,
    "stage1.average_working_days": 1,
    "stage2.average_working_days": 1,
    "payments.total": 2,
}


def appendix(ctx: Context) -> Section:
    section = Section("appendix", "Appendix: key figures")
    periods = ctx.periods(True)
    header = ["Figure"] + [ctx.period_header(p) for p in periods]
    table = Table("key_figures", "Key figures by year", header, [])
    for measure, label in SCALARS:
        cells = [Cell(label)]
        for p in periods:
            value = ctx.extra(measure, p) if measure in SUPPLEMENTARY else ctx.m(measure, p)
            # Named as the figures they are (no key: the internal version links none of
            # them), so that the public version hides them as every other table does.
            cells.append(
                Cell("–")
                if value is None
                else ctx.number_cell(value, measure, None, p, DECIMALS.get(measure))
            )
        # "of which ..." is set in under the figure it is part of: printed bold and flush
        # left like every other label (demo 2025/26's Table 18), it read as a headline figure
        # of its own starting in lower case.
        table.rows.append(Row(cells, "part" if label.startswith("of which") else "data"))
    # The monthly average is the year's count over its months: it goes where the count goes.
    names = [m for m, _ in SCALARS]
    total, average = (
        names.index(name) for name in ("representations.total", "representations.per_month")
    )
    # An average goes where the count of cases it is taken over goes (``Context.average``).
    averages = [
        (names.index(f"stage{n}.average_working_days"), names.index(f"stage{n}.responses"))
        for n in (1, 2)
    ]
    # So does a total of money: paid on one case, it is what that complainant was paid.
    averages.append((names.index("payments.total"), names.index("cases_paid")))
    for c in range(1, len(periods) + 1):
        table.derived.append(((average, c), (total, c), None))
        table.derived.extend(((mean, c), (count, c), None) for mean, count in averages)
    section.add(
        Paragraph(
            "Every table of this report is also available as a spreadsheet, one sheet per "
            "table, and every figure as a machine-readable file."
        ),
        table,
    )
    return section
