"""The annual report's sections, computed once from the report dict.

``build_document(report)`` gives a renderer-neutral :class:`Document`; the renderers in
``heeded.reports.renderers`` write it as HTML, PDF, DOCX or XLSX. The public version
(``public=True``) applies the small-number rule of :mod:`.suppression` to every table and
sentence, and leaves out everything not written for publication.
"""

from __future__ import annotations

import datetime as dt

from ..periods import financial_year
from . import sections_closing as closing
from . import sections_escalation as escalation
from . import sections_findings as findings
from . import sections_volume as volume
from . import summary
from .context import Context
from .labels import Labels
from .structure import Chart, Document, Note, Section, Table
from .suppression import (
    decisions,
    figure,
    suppress_tables,
    to_leave_out,
    too_small_note,
    too_small_to_publish,
)
from .wording import caption_in_sentence, privacy_note

ANNUAL_TITLE = "Annual report on complaints and representations"

__all__ = ["build_document", "Document", "Labels"]

# The report's spine, printed however small its numbers: the representations received and
# the key figures, each year beside the last three. A council compares its totals year on
# year, and a line saying "too small to publish" in their place would hide totals that are
# not small.
ALWAYS_PRINTED = ("representations", "key_figures")


def build_document(
    report: dict,
    *,
    public: bool = False,
    labels: Labels | None = None,
    threshold: int = 5,
    department: str = "Children's Services",
    recommendations: list | None = None,
    learning: list[tuple[str, str]] | None = None,
) -> Document:
    """``learning`` is (heading, text) pairs of text staff wrote for the report;
    ``recommendations`` are objects with title, text, raised_in and progress_for(label).

    The public version is written twice over: suppression first decides over the figures
    of every table (the tables do not depend on the text), and the text is then written
    from its decisions, so that every number it prints is hidden as the tables hide it.
    """
    labels = labels or Labels()
    recommendations, learning = list(recommendations or []), list(learning or [])

    def write(
        hidden: dict, left_out: frozenset = frozenset(), too_small: frozenset = frozenset()
    ) -> Document:
        ctx = Context(
            report,
            labels,
            public,
            threshold,
            recommendations=recommendations,
            learning=learning,
            hidden=hidden,
        )
        return _document(ctx, department, left_out, too_small)

    if not public:
        return write({})
    left_out: frozenset = frozenset()
    every_table = draft = suppress_tables(write({}).tables(), threshold)
    # Leaving a table out takes its sums away from the reader, so what the others hide
    # stays enough (suppressing them again would only print a few more of their cells, and
    # takes as long again).
    while leave_out := to_leave_out(draft, threshold, keep=("representations",)):
        left_out |= {leave_out.id}
        draft = [table for table in draft if table is not leave_out]
    # A table too small to publish gives way to a line saying so. Its figures stay
    # suppressed in the text as the draft decided: what the draft shows may be said there.
    too_small = frozenset(
        table.id
        for table in draft
        if table.id not in ALWAYS_PRINTED and too_small_to_publish(table)
    )
    document = write(_hidden_with(decisions(draft), every_table, draft), left_out, too_small)
    printed = [table for table in draft if table.id not in too_small]
    # The tables are built from the figures alone, whatever the text hides: the draft's
    # suppressed tables are this document's (suppressing again would give the same).
    for table, suppressed in zip(document.tables(), printed, strict=True):
        table.rows, table.notes = suppressed.rows, suppressed.notes
    for section in document.sections:
        _charts_without_hidden_counts(section)
    return document


def _hidden_with(hidden: dict, every_table: list[Table], printed: list[Table]) -> dict:
    """What the text must hide: what the printed tables hide, and the figures of tables
    left out (``suppression.to_leave_out``) that no printed table shows. The running text
    beside a table left out would otherwise print the counts it was left out to hide."""
    # A figure a printed table shows, or hides as "fewer than 5", is written as it does.
    shown = {
        figure(c.measure, c.key, c.period, c.value)
        for table in printed
        for row in table.rows
        for c in row.cells
        if c.measure and c.value is not None
    }
    printed_ids = {table.id for table in printed}
    hidden = dict(hidden)
    for table in every_table:
        if table.id in printed_ids:
            continue
        for row in table.rows:
            for c in row.cells:
                if c.measure and c.value is not None and c.value != 0:
                    name = figure(c.measure, c.key, c.period, c.value)
                    if name not in shown:
                        hidden[name] = "secondary"
    return hidden


def _document(
    ctx: Context,
    department: str,
    left_out: frozenset = frozenset(),
    too_small: frozenset = frozenset(),
) -> Document:
    report = ctx.report
    organisation = report.get("organisation") or ""
    sections = [
        summary.key_findings(ctx),
        summary.introduction(ctx, organisation, department),
        volume.representations(ctx),
        findings.timeliness(ctx),
        volume.who_complained(ctx),
        findings.natures_and_services(ctx),
        findings.outcomes(ctx),
        findings.findings(ctx),
        findings.young_people(ctx),
        escalation.refusals(ctx),
        escalation.escalation(ctx),
        escalation.ombudsman(ctx),
        escalation.compliments(ctx),
        escalation.information_requests(ctx),
        closing.learning(ctx),
        closing.recommendations(ctx),
        closing.glossary(ctx),
        closing.appendix(ctx),
    ]
    sections = [s for s in sections if s is not None]
    not_published: list[str] = []
    for section in sections:
        _without_empty_figures(section)
        not_published += _leave_out(section, left_out, too_small, ctx.threshold)
    if ctx.public:
        _privacy_note(sections, ctx.threshold)
    document = Document(
        title=_title(report["period"]),
        organisation=organisation,
        department=department,
        period_label=ctx.label,
        period_from=report["period"]["from"],
        period_to=report["period"]["to"],
        public=ctx.public,
        threshold=ctx.threshold,
        sections=sections,
        comparison_labels=ctx.comparison_labels,
        not_published=not_published,
    )
    _number_tables(document)
    return document


def _without_empty_figures(section: Section) -> None:
    """A table with no row (nothing received in the period, so no code to list) is left
    out rather than printed as a bare header; a chart whose every value is 0 (its axis runs
    from -0.06 to 0.06) gives way to its table, which says the same plainly."""
    blocks = []
    for block in section.blocks:
        table = block.table if isinstance(block, Chart) else block
        if isinstance(table, Table) and not table.rows:
            continue
        if isinstance(block, Chart) and not any(v for _, values in block.series for v in values):
            block = block.table
        blocks.append(block)
    section.blocks = blocks
    for sub in section.subsections:
        _without_empty_figures(sub)


def _leave_out(
    section: Section, left_out: frozenset, too_small: frozenset, threshold: int
) -> list[str]:
    """Each table (or chart) left out of the public version, with a note in its place
    saying why, so that a reader comparing years knows it was not forgotten: one that
    would give counts away read with the others, or one too small to publish
    (``too_small``). Returns the notes."""
    blocks, notes = [], []
    for block in section.blocks:
        table = block.table if isinstance(block, Chart) else block
        if isinstance(table, Table) and table.id in left_out:
            block = Note(
                f"The table of {caption_in_sentence(table.caption)} is not "
                "published in this version: read with the other tables, it would give away "
                "numbers too small to publish."
            )
            notes.append(block.text)
        elif isinstance(table, Table) and table.id in too_small:
            block = Note(too_small_note(table, threshold))
            notes.append(block.text)
        blocks.append(block)
    section.blocks = blocks
    for sub in section.subsections:
        notes += _leave_out(sub, left_out, too_small, threshold)
    return notes


def _number_tables(document: Document) -> None:
    """Tables are numbered in reading order once the document is assembled: numbered as
    they were built, a table left out (no Stage 2 response, nothing received) left a gap."""
    for number, table in enumerate(document.tables(), start=1):
        table.caption = f"Table {number}: {table.caption}"


def _privacy_note(sections: list, threshold: int) -> None:
    """Where the running text leaves a figure out ("... is not published"), the reader is
    told why once, in the introduction, as official statistics do."""
    # Both wordings say it: "... is not published in this version" and "... are not
    # published (small numbers)".
    if any("not published" in text for s in sections if s is not None for text in s.texts()):
        intro = next(s for s in sections if s is not None and s.id == "introduction")
        intro.add(Note(privacy_note(threshold)))


def _charts_without_hidden_counts(section: Section) -> None:
    """A chart draws every value (bar lengths and labels) and cannot say "fewer than 5":
    where it would draw a count its table hides, the public version prints the table alone."""
    section.blocks = [
        block.table if isinstance(block, Chart) and block.draws_hidden_count() else block
        for block in section.blocks
    ]
    for sub in section.subsections:
        _charts_without_hidden_counts(sub)


def _title(period: dict) -> str:
    """ "Annual report ..." for a financial year, the statutory report; a half, quarter or
    other span is a report on complaints, not an annual one."""
    start, end = dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["to"])
    if (start, end) == (financial_year(start.year).start, financial_year(start.year).end):
        return ANNUAL_TITLE
    return "Report on complaints and representations"
