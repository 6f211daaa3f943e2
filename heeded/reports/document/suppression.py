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
  is at least 1 (zero is printed, and only non-zero figures are withheld). The hidden
  components are *forced* when that leaves one value for any of them: always when only
  one is hidden, and otherwise when the remainder is the least or the most they could add
  up to (two "fewer than 5" beside a total that leaves 2 must both be 1; three that leave
  12 must all be 4). For every forced sum the smallest other non-zero component is hidden
  too (*secondary* suppression, shown as "withheld"); if there is none, the total is
  withheld. This is repeated until no sum is forced, because withholding one cell can
  expose another sum. Sums whose total is printed elsewhere in the report count too: the
  complaint rows of the representations table add up to the number of complaints, which
  the summary states.
- The rule is applied table by table, with the report's headline totals (representations,
  complaints, statutory and other) treated as known, and then across tables: a figure
  (the same measure, key, period and value) hidden in one table is hidden wherever else
  the report prints it, and a figure known in one table is never the one withheld in
  another. Each hiding can expose another sum, so the two steps repeat until nothing
  changes. Figures that are the same number under different names (a total computed by
  a table rather than taken from a measure) are only caught where the table says so.
- A percentage derived from a hidden count (as numerator or denominator) is withheld.
- Running text uses the same wording ("fewer than 5"); running text never prints a
  difference between a hidden count and another one.

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


def _figure(cell: Cell) -> Figure | None:
    """What a cell counts, so that the same figure can be found in another table."""
    if cell.measure is None or cell.value is None:
        return None
    return (cell.measure, cell.key, cell.period, cell.value)


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


def _secondary(table: Table, threshold: int) -> None:
    """Withhold one more cell of every sum whose hidden components are forced, until none."""
    changed = True
    while changed:
        changed = False
        for total, components in table.sums:
            if total is not None and table.cell(total).suppressed:
                continue
            if not _forced(table, components, threshold):
                continue
            shown = [
                p
                for p in components
                if not table.cell(p).suppressed and table.cell(p).value and p not in table.known
            ]
            victim = min(shown, key=lambda p: table.cell(p).value) if shown else total
            if victim is not None:
                _withhold(table, victim)
                changed = True


def _bounds(cell: Cell, threshold: int) -> tuple[float, float]:
    """What a reader knows of a hidden count: "fewer than N" is 1 to N - 1, and a withheld
    figure is at least 1 (zero is always printed, and only non-zero figures are withheld)."""
    if cell.suppressed == "primary":
        return 1, threshold - 1
    return 1, math.inf


def _forced(table: Table, components: list[tuple[int, int]], threshold: int) -> bool:
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


def disclosed(table: Table, threshold: int) -> list[list[tuple[int, int]]]:
    """The sums of a suppressed table that still give a hidden count away (for checks)."""
    return [
        components
        for total, components in table.sums
        if (total is None or not table.cell(total).suppressed)
        and _forced(table, components, threshold)
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
