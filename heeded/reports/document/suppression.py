"""Small numbers in the public report.

The annual report is a public document that "must not contain information that identifies
a complainant" (domain.md section 1.8). Councils publishing complaint statistics commonly
follow the ONS/NHS practice for small counts, which is the rule here:

- A count of 1 up to (threshold - 1) is shown as "fewer than N" (N is the organisation's
  ``small_number_threshold``, 5 by default). This is *primary* suppression.
- Zero is shown as 0. Knowing that nobody in a group complained identifies nobody, and a
  report full of "fewer than 5" where the truth is "none" would mislead committees
  (the Isle of Wight 2019/20 report's own observation "no compliments were recorded" is
  the kind of finding that must survive).
- A hidden count must not be recoverable from a total printed beside it. For every sum a
  table prints (a row total, a column total, a statutory/other subtotal) the hidden
  components add up to a known remainder (the total less the components shown). A reader
  knows each "fewer than N" is from 1 to N - 1 (zero is printed) and each "withheld" figure
  is at least N (anything from 1 to N - 1 would have been printed "fewer than N"), with no
  upper bound. The hidden
  components are *forced* when that leaves one value for any of them: always when only
  one is hidden, and otherwise when the remainder is the least or the most they could add
  up to (two "fewer than 5" beside a total that leaves 2 must both be 1; three that leave
  12 must all be 4; a withheld figure and two "fewer than 5" beside a total of 7 must be 5,
  1 and 1). For every forced sum the smallest other non-zero component is hidden
  too (*secondary* suppression, shown as "withheld"); if there is none, the total is
  withheld. This is repeated until no sum is forced, because withholding one cell can
  expose another sum. Sums whose total is printed elsewhere in the report count too: the
  complaint rows of the representations table add up to the number of complaints, which
  the summary states. Where the parts of one sum are among the parts of another (the
  complaint rows among the statutory rows), the reader can subtract one from the other, so
  the rest of the larger sum is a sum too (the statutory subtotal less the complaints is the
  area-initiated and refused rows).
- The rule is applied table by table, with the report's headline totals (representations,
  complaints, statutory and other) treated as known, and then across tables: a figure
  (the same measure, key, period and value) hidden in one table is hidden wherever else
  the report prints it, and a figure known in one table is never the one withheld in
  another. Each hiding can expose another sum, so the two steps repeat until nothing
  changes. A figure is named by its measure, key and period (``figure``); a table's total
  row that the self-check proves equal to another measure (the Stage 1 response times add
  up to the Stage 1 responses) is the same figure under that name (``SAME_FIGURE``).
- A percentage derived from a hidden count (as numerator or denominator) is withheld.
- Running text is written after the tables are suppressed, from the same decisions
  (``decisions``): every number it prints is named as a figure, and a figure any table
  hides is printed in the text as the table prints it ("fewer than 5" or "withheld"), with
  the plural wording whatever the hidden count is. A number the text adds up from hidden
  figures is withheld, and so is a percentage of a hidden count; running text never prints
  a difference between a hidden count and another one.

Totals of 5 or more stay visible: the point of the report is the overall picture.
"""

from __future__ import annotations

import math

from .structure import Cell, Table

WITHHELD = "withheld"


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


def is_small(n: int | float | None, threshold: int) -> bool:
    return isinstance(n, int) and 0 < n < threshold


def suppress_table(table: Table, threshold: int) -> Table:
    """The small-number rule applied to one table on its own."""
    return suppress_tables([table], threshold)[0]


def suppress_tables(tables: list[Table], threshold: int) -> list[Table]:
    """The small-number rule applied to every table of a report, and across them."""
    for table in tables:
        _primary(table, threshold)
    _share_known(tables)
    for table in tables:
        _secondary(table, threshold)
    while _hide_everywhere(tables):
        for table in tables:
            _secondary(table, threshold)
    for table in tables:
        _derived(table)
        _note(table, threshold)
    return tables


Figure = tuple[str, str | None, str | None, int | float]

# The same number under two names, as the self-check (``heeded.reports.selfcheck``) proves:
# a table's total row (key "total", or None in a comparison year's column) and the measure
# the running text states. (measure, key) -> the name used for both.
SAME_FIGURE: dict[tuple[str, str | None], tuple[str, str | None]] = {
    **{
        (measure, key): name
        for measure, name in (
            ("representations.total", ("representations.total", None)),
            ("representations.by_how_received", ("representations.total", None)),
            ("complaints.complainant_types", ("complaints.total", None)),
            ("refusals.reasons", ("representations.by_type", "refused")),
            ("stage1.bands", ("stage1.responses", None)),
            ("stage1.outcomes", ("stage1.responses", None)),
            ("lgsco.decisions", ("lgsco.received", None)),
        )
        for key in ("total", None)
    },
    ("representations.by_type", "complaint"): ("complaints.total", None),
}


def figure(measure: str, key: str | None, period: str | None, value: int | float) -> Figure:
    """The name of a figure wherever it is printed, in a table or in the running text."""
    measure, key = SAME_FIGURE.get((measure, key), (measure, key))
    return (measure, key, period, value)


def _figure(cell: Cell) -> Figure | None:
    """What a cell counts, so that the same figure can be found in another table."""
    if cell.measure is None or cell.value is None:
        return None
    return figure(cell.measure, cell.key, cell.period, cell.value)


def decisions(tables: list[Table]) -> dict[Figure, str]:
    """Each figure the suppressed tables hide, and how ("primary" or "secondary"): what
    the running text is written from."""
    hidden: dict[Figure, str] = {}
    for table in tables:
        for _, cell in _positions(table):
            name = _figure(cell)
            if cell.suppressed and name is not None:
                hidden[name] = hidden.get(name) or cell.suppressed
    return hidden


def _positions(table: Table):
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            yield (r, c), cell


def _primary(table: Table, threshold: int) -> None:
    derived_targets = {target for target, _, _ in table.derived}
    for position, cell in _positions(table):
        if position not in derived_targets and is_small(cell.value, threshold):
            cell.suppressed = "primary"
            cell.text = fewer_than(threshold)


def _share_known(tables: list[Table]) -> None:
    """A figure printed as known in one table is known in every table that prints it."""
    known = {_figure(t.cell(p)) for t in tables for p in t.known} - {None}
    for table in tables:
        for position, cell in _positions(table):
            if _figure(cell) in known:
                table.known.add(position)


Position = tuple[int, int]


def _gives_away(table: Table, totals: list, components: list[Position], threshold: int) -> bool:
    """A sum whose totals are printed and whose hidden components a reader can work out."""
    return _readable(table, totals) and _forced(table, components, threshold)


def _secondary(table: Table, threshold: int) -> None:
    """Withhold one more cell of every sum whose hidden components are forced, until none.

    The cell withheld is the smallest other non-zero component, among those whose hiding
    forces no other sum (withholding a row that is all a difference of two sums holds
    would only give it away there); failing any, the total.
    """
    sums = _sums(table)
    changed = True
    while changed:
        changed = False
        for totals, components in sums:
            if not _gives_away(table, totals, components, threshold):
                continue
            shown = [
                p
                for p in components
                if not table.cell(p).suppressed and table.cell(p).value and p not in table.known
            ]
            victim = (
                min(shown, key=lambda p: (_exposes(table, sums, p, threshold), table.cell(p).value))
                if shown
                else totals[0]
            )
            if victim is not None:
                _withhold(table, victim)
                changed = True


def _exposes(table: Table, sums: list, position: Position, threshold: int) -> int:
    """How many sums holding the cell at ``position`` would be forced were it withheld."""
    cell = table.cell(position)
    before, cell.suppressed = cell.suppressed, "secondary"
    try:
        return sum(
            1
            for totals, components in sums
            if position in components and _gives_away(table, totals, components, threshold)
        )
    finally:
        cell.suppressed = before


def _sums(table: Table) -> list[tuple[list[Position | None], list[Position]]]:
    """The sums a reader can use, as (totals, components): each sum the table prints, and
    the difference of two where the parts of one are among the parts of the other (the
    larger total less the smaller is the sum of the parts left over). A total of None is
    one printed elsewhere in the report."""
    sums = [([total], components) for total, components in table.sums]
    for big_total, big in table.sums:
        for small_total, small in table.sums:
            if set(small) < set(big):
                sums.append(([big_total, small_total], [p for p in big if p not in small]))
    return sums


def _readable(table: Table, totals: list[Position | None]) -> bool:
    """A sum helps a reader only if every total it needs is printed."""
    return not any(total is not None and table.cell(total).suppressed for total in totals)


def _bounds(cell: Cell, threshold: int) -> tuple[float, float]:
    """What a reader knows of a hidden count: "fewer than N" is 1 to N - 1, and a withheld
    figure is at least N (from 1 to N - 1 it would read "fewer than N", and zero is always
    printed), with no upper bound."""
    if cell.suppressed == "primary":
        return 1, threshold - 1
    return threshold, math.inf


def _forced(table: Table, components: list[Position], threshold: int) -> bool:
    """True if a reader can work out any hidden component of a sum from the figures shown.

    The hidden components add up to the total less the components shown, a remainder the
    reader knows (for a total printed elsewhere, too). Each lies between its own bounds, so
    component i is at least remainder - (the most the others can be) and at most remainder
    - (the least the others can be); it is given away when that leaves a single value.
    A cell printed elsewhere (``table.known``) is known, not hidden.
    """
    hidden = [p for p in components if table.cell(p).suppressed and p not in table.known]
    if not hidden:
        return False
    remainder = sum(table.cell(p).value or 0 for p in hidden)
    bounds = [_bounds(table.cell(p), threshold) for p in hidden]
    for i, (low, high) in enumerate(bounds):
        others = bounds[:i] + bounds[i + 1 :]
        lowest = max(low, remainder - sum(h for _, h in others))
        highest = min(high, remainder - sum(lo for lo, _ in others))
        if lowest >= highest:
            return True
    return False


def disclosed(table: Table, threshold: int) -> list[list[Position]]:
    """The sums of a suppressed table (differences of nested sums included) that still give
    a hidden count away (for checks)."""
    return [
        components
        for totals, components in _sums(table)
        if _gives_away(table, totals, components, threshold)
    ]


def _hide_everywhere(tables: list[Table]) -> bool:
    """Hide a figure wherever it is printed if any table hides it; True if one was."""
    hidden = {_figure(cell) for t in tables for _, cell in _positions(t) if cell.suppressed}
    hidden.discard(None)
    changed = False
    for table in tables:
        for position, cell in _positions(table):
            if not cell.suppressed and position not in table.known and _figure(cell) in hidden:
                _withhold(table, position)
                changed = True
    return changed


def _derived(table: Table) -> None:
    for target, numerator, denominator in table.derived:
        sources = [p for p in (numerator, denominator) if p is not None]
        if any(table.cell(p).suppressed for p in sources):
            _withhold(table, target)


def _note(table: Table, threshold: int) -> None:
    if any(cell.suppressed for row in table.rows for cell in row.cells):
        note = (
            f'"{fewer_than(threshold)}" stands for a count from 1 to {threshold - 1}; '
            f'"{WITHHELD}" is a figure not shown so that such a count cannot be worked out '
            "from a total."
        )
        if note not in table.notes:
            table.notes.append(note)


def _withhold(table: Table, position: tuple[int, int]) -> None:
    cell = table.cell(position)
    cell.suppressed = cell.suppressed or "secondary"
    if cell.suppressed == "secondary":
        cell.text = WITHHELD
