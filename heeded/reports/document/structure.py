"""The annual report as a renderer-neutral structure: sections of headings, paragraphs,
lists, tables, charts and notes, computed once from the report dict and then rendered as
HTML, PDF, DOCX or XLSX (cf. pretix's exporters: rows computed once, written many ways).

A table cell keeps its number (for XLSX and for tests) beside the text every other format
prints, and the measure and key it came from, so that the HTML can link a figure to the
cases behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

# The key of a table's total row: its cases are every case the measure counts.
TOTAL = "total"


@dataclass
class Cell:
    text: str
    value: int | float | None = None  # the number, when the cell holds one
    measure: str | None = None  # the measure id behind the figure, for drill-down
    key: str | None = None  # the measure's key (a code, "YYYY-MM/code", "total", ...)
    period: str | None = None  # comparison period label; None is the report's own period
    suppressed: str = ""  # "", "primary" (under the threshold) or "secondary"
    # Decimal places of a figure that is not a count (an average, a sum of money), the same
    # in every cell of its kind so that a 0 prints as "0.0" beside "11.4"; None for a count.
    decimals: int | None = None
    # The key its cases are listed under, where that is not ``key``: Table 1's row of a
    # record type other cases were converted into counts only those received as that type.
    cases_key: str | None = None
    # A change on the year before ("+6 (+10%)") as figures: the difference and the
    # percentage change, signed, None from a base of 0 ("new"). The spreadsheet gives them
    # a column each, as numbers that sort and chart; the other formats print the text.
    change: tuple[int | float, int | None] | None = None
    # The exact fraction behind a share or change printed "less than 1%" or "more than 99%",
    # which no whole percentage states truly: the spreadsheet keeps the number and shows the
    # words, where it would have had to store them as text or print "0%".
    fraction: float | None = None

    @property
    def is_number(self) -> bool:
        return self.value is not None and not self.suppressed

    @property
    def links(self) -> bool:
        # Only a figure with cases behind it: a link to an empty list helps nobody.
        return bool(
            self.measure and self.key and self.period is None and self.is_number and self.value
        )


@dataclass
class Row:
    cells: list[Cell]
    # "data", "group" (a heading row), "subtotal", "total", or "part": a part of the row
    # above it ("of which ..."), set in under it.
    kind: str = "data"

    @property
    def label(self) -> str:
        return self.cells[0].text if self.cells else ""


@dataclass
class Table:
    kind: ClassVar[str] = "table"
    id: str
    caption: str
    header: list[str]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    # Sums a reader could use to work out a hidden cell: (total, [components]) as
    # (row index, column index) pairs; a total of None is one printed elsewhere in the
    # report. Used only by the public version's suppression.
    sums: list[tuple[tuple[int, int] | None, list[tuple[int, int]]]] = field(default_factory=list)
    # Cells whose figure the report prints elsewhere anyway: never chosen to be withheld,
    # since withholding them hides nothing.
    known: set[tuple[int, int]] = field(default_factory=set)
    # Cells that count some of the cases a figure printed in another table counts, so at
    # most it: (position, figure), a figure as ``suppression.figure`` names it (Table 11's
    # upheld column counts upheld cases, which Table 10 counts). Read with the other tables'
    # sums by the public version's suppression.
    within: list[tuple[tuple[int, int], tuple]] = field(default_factory=list)
    # Percentage cells and the (numerator, denominator) cells they are derived from.
    derived: list[tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None]] = field(
        default_factory=list
    )
    # What the running text says of this table's figures that the table does not show:
    # Stage 1 shares against the year before, in percentage points. The spreadsheet has no
    # running text, so it prints these under the table with the notes; the other formats
    # print them once, as the paragraph they come from.
    said: list[str] = field(default_factory=list)

    # More columns than fit across a portrait page once every figure stays on one line
    # ("fewer than 5" broken over three lines reads as three figures): the month-by-month
    # table. Renderers set such a table on a landscape page.
    PORTRAIT_COLUMNS: ClassVar[int] = 8

    def cell(self, position: tuple[int, int]) -> Cell:
        row, column = position
        return self.rows[row].cells[column]

    @property
    def wide(self) -> bool:
        return len(self.header) > self.PORTRAIT_COLUMNS


def sentence(text: str) -> str:
    """A sentence starts with a capital, even when it starts with "fewer than 5"."""
    return text[:1].upper() + text[1:]


@dataclass
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str

    def __post_init__(self) -> None:
        self.text = sentence(self.text)


@dataclass
class BulletList:
    kind: ClassVar[str] = "list"
    items: list[str]

    def __post_init__(self) -> None:
        self.items = [sentence(item) for item in self.items]


@dataclass
class Note:
    kind: ClassVar[str] = "note"
    """An observation, printed apart from the running text as the seed reports do."""

    text: str


@dataclass
class Quote:
    kind: ClassVar[str] = "quote"
    """Free text chosen by staff for publication (learning examples, recommendations)."""

    heading: str
    text: str


@dataclass
class Chart:
    kind: ClassVar[str] = "chart"
    id: str
    title: str
    alt: str
    categories: list[str]
    series: list[tuple[str, list[int | float]]]  # (name, one value per category)
    table: Table  # the same data as a table, printed beside the chart
    # What the bars count, under the axis: each chart says it, as no one default is true of
    # every chart (the outcomes chart's "Actual" bars count Stage 1 responses, not
    # complaints, yet its axis read "Number of complaints").
    value_label: str
    # The figures its bars draw, as (measure, period) of the table's cells: the bands chart
    # draws this year and the year before, while its table has the years before those too.
    # Empty: every figure of its table.
    draws: tuple[tuple[str, str | None], ...] = ()

    def draws_hidden_count(self) -> bool:
        """True if a bar would print a count its table hides ("fewer than 5", "withheld"):
        a chart cannot say either. A hidden cell of a year it does not draw (demo 2025/26
        public: Table 4's 2023/24 column) is no reason to leave it out."""
        return any(
            cell.suppressed
            and (not self.draws or not cell.measure or (cell.measure, cell.period) in self.draws)
            for row in self.table.rows
            for cell in row.cells
        )


Block = Paragraph | BulletList | Note | Quote | Table | Chart


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(block for block in blocks if block is not None)
        return self

    def with_next(self) -> list[tuple[Block, Block | None]]:
        """Each block with the one after it (None after the last): a renderer keeps a
        sentence with the table or chart it introduces, on its page and, for a wide table,
        its landscape page."""
        following = [*self.blocks[1:], None]
        return [(block, following[n]) for n, block in enumerate(self.blocks)]

    def own_texts(self) -> list[str]:
        """The words of this section's paragraphs, notes and list items, in order."""
        texts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph | Note):
                texts.append(block.text)
            elif isinstance(block, BulletList):
                texts.extend(block.items)
        return texts

    def texts(self) -> list[str]:
        """Its running text and its subsections', however deep."""
        return self.own_texts() + [t for sub in self.subsections for t in sub.texts()]


@dataclass
class Document:
    title: str
    organisation: str
    department: str
    period_label: str
    period_from: str
    period_to: str
    public: bool
    threshold: int
    sections: list[Section]
    comparison_labels: list[str]
    # The public version's notes on tables it leaves out (``suppression.to_leave_out``).
    not_published: list[str] = field(default_factory=list)

    def tables(self) -> list[Table]:
        """Every table in reading order, charts' tables included (the data appendix)."""
        found: list[Table] = []

        def walk(section: Section) -> None:
            for block in section.blocks:
                if isinstance(block, Table):
                    found.append(block)
                elif isinstance(block, Chart):
                    found.append(block.table)
            for sub in section.subsections:
                walk(sub)

        for section in self.sections:
            walk(section)
        return found
