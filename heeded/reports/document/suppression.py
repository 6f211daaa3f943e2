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
- Sums are also read together, as a reader with a pencil would: a withheld subtotal whose
  parts are all printed is known, and a total less it can give a small count away that
  no single sum does. Every hidden count (withheld totals too) is a variable between the
  bounds above, every sum an equation, and a linear programme finds the least and the
  most each can be (``_pinned``); a count left with one possible value has another cell
  withheld around it, and where every count around it is hidden already a "fewer than N"
  total is withheld instead, which says less.
- The rule is applied table by table, with the report's headline totals (representations,
  complaints, statutory and other) treated as known, and then across tables: a figure
  (the same measure, key, period and value) hidden in one table is hidden wherever else
  the report prints it, and a figure known in one table is never the one withheld in
  another. Each hiding can expose another sum, so the two steps repeat until nothing
  changes. A figure is named by its measure, key and period (``figure``); a table's total
  row that the self-check proves equal to another measure (the Stage 1 response times add
  up to the Stage 1 responses) is the same figure under that name (``SAME_FIGURE``).
- Tables read together are one system (``disclosed_across``): a figure printed in two
  tables is one count, so two tables whose withheld totals are the same figure say their
  parts add up alike, and a cell that counts some of a figure's cases (``Table.within``:
  Table 11's upheld column counts upheld complaints) is at most that figure. The checks
  use it, and where a count is given away only so, a table it is read from is left out of
  the public version, with a note in its place (``to_leave_out``): withholding cells one by
  one seldom frees such a count. The actual outcomes by finding are always left out while
  Table 10 hides a finding.
- A percentage derived from a hidden count (as numerator or denominator) is withheld, and
  so is an average taken over a hidden number of cases (``Context.average``): an average of
  one case is that case's own figure.
- Running text is written after the tables are suppressed, from the same decisions
  (``decisions``): every number it prints is named as a figure, and a figure any table
  hides is printed in the text as the table prints it ("fewer than 5" or "withheld"), with
  the plural wording whatever the hidden count is. A number the text adds up from hidden
  figures is withheld, and so is a percentage of a hidden count; running text never prints
  a difference between a hidden count and another one.

- A table whose counts would be mostly hidden is not printed as a grid of "fewer than 5"
  and "withheld" (``too_small_to_publish``): a small council's year (15 to 40 complaints)
  spreads them over eight natures or seven services, and a committee can read nothing
  from such a grid. It gives way to one line saying its numbers are too small to publish
  (``too_small_note``). "Mostly" is more than half of its counts, zeros included: a 0 is
  printed and says something ("no Stage 3 panel was held"). The figures the grid would
  have shown may still be printed in the running text (the largest nature, say), and those
  it hides stay hidden there: the line replaces a table whose suppression was decided with
  every other table, so the report prints less than a suppression already proven safe,
  never more. The report's spine, Table 1 (the representations received) and the key
  figures by year, is always printed: their totals year on year are seldom small.

Totals of 5 or more stay visible: the point of the report is the overall picture.
"""

from __future__ import annotations

import math

from . import ranges
from .structure import TOTAL, Cell, Table
from .wording import caption_in_sentence

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
    # A table is settled again only when another table's hiding changed it: reading its
    # sums together costs a few linear programmes per hidden count.
    settled: dict[int, frozenset] = {}
    while True:
        for table in tables:
            if settled.get(id(table)) != _hidden(table):
                _secondary(table, threshold)
                settled[id(table)] = _hidden(table)
        if not _hide_everywhere(tables):
            break
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
        for key in (TOTAL, None)
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
            if cell.suppressed and name is not None and hidden.get(name) != "secondary":
                hidden[name] = cell.suppressed
    return hidden


def _hidden(table: Table) -> frozenset:
    return frozenset((p, cell.suppressed) for p, cell in _positions(table) if cell.suppressed)


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
    """Withhold one more cell of every sum whose hidden components are forced, until none
    (``_victim``); then around each cell the table's sums give away together
    (``_pinned``, ``_victim_for_pinned``)."""
    sums = _sums(table)
    while True:
        forced = next((s for s in sums if _gives_away(table, *s, threshold)), None)
        if forced is not None:
            victim = _victim(table, sums, forced, threshold)
        else:
            pinned = _pinned(table, threshold)
            if not pinned:
                return
            victim = _victim_for_pinned(table, pinned[0], threshold)
        if victim is None:
            return  # nothing left to withhold; disclosed() reports it to the checks
        _withhold(table, victim)


def _victim(table: Table, sums: list, forced, threshold: int) -> Position | None:
    """The smallest other non-zero component of a forced sum, among those whose hiding
    forces no other sum (withholding a row that is all a difference of two sums holds
    would only give it away there); failing any, the total."""
    totals, components = forced
    shown = [
        p
        for p in components
        if not table.cell(p).suppressed and table.cell(p).value and p not in table.known
    ]
    if shown:
        return min(shown, key=lambda p: (_exposes(table, sums, p, threshold), table.cell(p).value))
    printed = [t for t in totals if t is not None and not table.cell(t).suppressed]
    return printed[0] if printed else None


def _victim_for_pinned(table: Table, pinned: Position, threshold: int) -> Position | None:
    """The cell to withhold so that a cell the sums give away together is given away no
    more: the smallest shown part that frees it, trying first the parts of its own sums,
    then shown totals; when every count around it is hidden already (a row of "fewer than
    5" months whose total is "fewer than 5" too), a "fewer than N" total, then part, is
    withheld instead, which says less. Failing any that frees it alone, the first of those
    (the next round adds another)."""
    near = {p for total, parts in table.sums if pinned in parts or pinned == total for p in parts}
    totals = {total for total, _ in table.sums}
    cells = {p for total, parts in table.sums for p in [*parts, total] if p is not None}
    shown = sorted(
        (
            p
            for p in cells
            if not table.cell(p).suppressed and table.cell(p).value and p not in table.known
        ),
        # Parts before totals, as for a single sum: the totals are the overall picture.
        key=lambda p: (p in totals, p not in near, table.cell(p).value, p),
    )
    small = sorted(
        (p for p in cells if table.cell(p).suppressed == "primary" and p not in table.known),
        key=lambda p: (p not in totals, p not in near, p),
    )
    candidates = shown + small
    for candidate in candidates:
        cell = table.cell(candidate)
        before, cell.suppressed = cell.suppressed, "secondary"
        try:
            if not _pinned(table, threshold, only=pinned):
                return candidate
        finally:
            cell.suppressed = before
    return candidates[0] if candidates else None


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
    figure is at least N (from 1 to N - 1 it would mostly read "fewer than N", and zero is
    always printed), with no upper bound. A small count withheld instead of "fewer than N"
    (``_victim_for_pinned``) is assumed known to be at least 1: the checks take the reader
    to know all a reader might."""
    if cell.suppressed == "primary":
        return 1, threshold - 1
    return (threshold if (cell.value or 0) >= threshold else 1), math.inf


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


def _pinned(table: Table, threshold: int, only: Position | None = None) -> list[Position]:
    """Hidden cells a reader can work out from all the table's sums taken together (or
    whether ``only`` is one).

    One sum at a time (``_forced``) misses what several give together. Table 1 of the
    sample report: in 2018/19 every "other" representation is printed, so the withheld
    "other" subtotal is their sum; the total of all representations less it is the
    withheld statutory subtotal, and that less the complaints shown is the one "fewer than
    5" area-initiated complaint. Every hidden count, withheld totals included, is a
    variable between the bounds a reader knows (``_bounds``); every sum the table prints is
    an equation; a figure printed elsewhere is a constant. Linear programmes (``ranges``)
    find the least and the most each hidden count can be; a cell is given
    away when that range holds one whole number.
    """
    system = _system(table, threshold)
    if system is None:
        return []
    hidden, a_eq, b_eq, bounds = system
    asked = [i for i, p in enumerate(hidden) if only is None or p == only]
    return [hidden[i] for i in ranges.pinned((a_eq, b_eq), bounds, asked=asked)]


def _system(table: Table, threshold: int):
    """(hidden positions, equations, right-hand sides, bounds) of a table's sums."""
    hidden = sorted(
        {
            p
            for total, components in table.sums
            for p in [*components, total]
            if p is not None and table.cell(p).suppressed and p not in table.known
        }
    )
    column = {p: i for i, p in enumerate(hidden)}
    a_eq, b_eq = [], []
    for total, components in table.sums:
        row, constant = [0.0] * len(hidden), 0.0
        for p in components:
            if p in column:
                row[column[p]] += 1
            else:
                constant += table.cell(p).value or 0
        if total is None:  # printed elsewhere: the sum of the true counts
            constant -= sum(table.cell(p).value or 0 for p in components)
        elif total in column:
            row[column[total]] -= 1
        else:
            constant -= table.cell(total).value or 0
        if any(row):
            a_eq.append(row)
            b_eq.append(-constant)
    if not a_eq:
        return None
    bounds = [
        (low, None if high == math.inf else high)
        for low, high in (_bounds(table.cell(p), threshold) for p in hidden)
    ]
    return hidden, a_eq, b_eq, bounds


def disclosed(table: Table, threshold: int) -> list[list[Position]]:
    """The sums of a suppressed table (differences of nested sums included) that still give
    a hidden count away, then each cell the sums give away only together (for checks)."""
    found = [
        components
        for totals, components in _sums(table)
        if _gives_away(table, totals, components, threshold)
    ]
    alone = {p for components in found for p in components}
    return found + [[p] for p in _pinned(table, threshold) if p not in alone]


# A hidden count read across tables: a figure (``("figure", name)``) hidden wherever it is
# printed, or a hidden cell with no figure name (``("cell", table index, position)``).
Variable = tuple


def _across(tables: list[Table], threshold: int):
    """The system a reader has who reads every table together: each table's sums, a figure
    printed in two tables being one count (a total withheld in two tables makes their parts
    add up alike), and each cell that counts some of a figure's cases (``Table.within``) at
    most that figure. Only what links two tables or more is kept: what one table gives
    away on its own ``_pinned`` has seen to already.

    Returns (variables, where each is printed, the tables each is read with, equations,
    inequalities, bounds), or None. Tables are named by ``id()``.
    """
    shown: set[Figure] = set()
    hidden: dict[Figure, list[tuple[float, float]]] = {}
    for table in tables:
        for position, cell in _positions(table):
            name = _figure(cell)
            if name is None:
                continue
            if cell.suppressed and position not in table.known:
                hidden.setdefault(name, []).append(_bounds(cell, threshold))
            else:
                shown.add(name)

    def term(t: int, position: Position):
        """(variable, None) for a hidden count, (None, value) for a known one."""
        table, cell = tables[t], tables[t].cell(position)
        name = _figure(cell)
        if name is not None and name not in shown and name in hidden:
            return ("figure", name), None
        if name is None and cell.suppressed and position not in table.known:
            return ("cell", t, position), None
        return None, cell.value or 0

    where: dict[Variable, list[tuple[Table, Position]]] = {}
    equations: list[tuple[dict, float]] = []  # ({variable: coefficient}, constant) = 0
    inequalities: list[tuple[dict, float]] = []  # ({variable: coefficient}, constant) <= 0
    read_in: list[set[int]] = []  # the tables each equation, then inequality, is read in
    printing: dict[Figure, set[int]] = {}
    for table in tables:
        for _, cell in _positions(table):
            if _figure(cell) is not None:
                printing.setdefault(_figure(cell), set()).add(id(table))
    for t, table in enumerate(tables):
        for position, _cell in _positions(table):
            variable, _ = term(t, position)
            if variable is not None:
                where.setdefault(variable, []).append((table, position))
        for total, parts in table.sums:
            row: dict = {}
            constant = 0.0
            for p, sign in [(p, 1) for p in parts] + ([(total, -1)] if total else []):
                variable, value = term(t, p)
                if variable is None:
                    constant += sign * value
                else:
                    row[variable] = row.get(variable, 0) + sign
            if total is None:  # printed elsewhere: the sum of the true counts
                constant -= sum(table.cell(p).value or 0 for p in parts)
            if row:
                equations.append((row, constant))
                read_in.append({id(table)})
        for position, name in table.within:
            variable, value = term(t, position)
            other = ("figure", name) if name in hidden and name not in shown else None
            row = {variable: 1} if variable is not None else {}
            constant = value or 0.0
            if other is not None:
                row[other] = row.get(other, 0) - 1
            else:
                constant -= name[3]
            if row:
                inequalities.append((row, constant))
                read_in.append({id(table)} | printing.get(name, set()))
    # Variables linked by an equation or inequality, and the tables each group touches.
    parent: dict[Variable, Variable] = {v: v for v in where}

    def root(v: Variable) -> Variable:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for row, _ in equations + inequalities:
        first, *rest = row
        for v in rest:
            parent[root(v)] = root(first)
    touches: dict[Variable, set[int]] = {}
    for v, places in where.items():
        touches.setdefault(root(v), set()).update(id(table) for table, _ in places)
    for (row, _), tables_read in zip(equations + inequalities, read_in, strict=True):
        touches[root(next(iter(row)))].update(tables_read)
    kept = sorted((v for v in where if len(touches[root(v)]) > 1), key=repr)
    if not kept:
        return None
    touching = {v: touches[root(v)] for v in kept}
    column = {v: i for i, v in enumerate(kept)}

    def matrix(rows):
        a, b = [], []
        for row, constant in rows:
            if not any(v in column for v in row):
                continue
            line = [0.0] * len(kept)
            for v, coefficient in row.items():
                line[column[v]] += coefficient
            a.append(line)
            b.append(-constant)
        return a, b

    bounds = []
    for v in kept:
        if v[0] == "figure":
            known = hidden[v[1]]
            low, high = max(lo for lo, _ in known), min(hi for _, hi in known)
        else:
            low, high = _bounds(tables[v[1]].cell(v[2]), threshold)
        bounds.append((low, None if high == math.inf else high))
    return kept, where, touching, matrix(equations), matrix(inequalities), bounds


def _pinned_across(tables: list[Table], threshold: int, system=None) -> list[Variable]:
    """Hidden counts a reader can work out only from several tables read together: as
    ``_pinned``, over ``_across``'s system."""
    system = system or _across(tables, threshold)
    if system is None:
        return []
    kept, _, _, equations, at_most, bounds = system
    return [kept[i] for i in ranges.pinned(equations, bounds, at_most)]


def disclosed_across(tables: list[Table], threshold: int) -> list[list[tuple[Table, Position]]]:
    """Where each hidden count that several tables give away only together is printed
    (for checks; ``to_leave_out`` acts on them)."""
    system = _across(tables, threshold)
    if system is None:
        return []
    where = system[1]
    return [where[v] for v in _pinned_across(tables, threshold, system)]


def to_leave_out(tables: list[Table], threshold: int, keep: tuple[str, ...] = ()) -> Table | None:
    """A table to leave out of the public version because, read with the others, it helps
    give away a count below the threshold; None when no count is given away so.

    Withholding one more cell seldom frees such a count on its own (the Demo Borough
    2025/26 refusals were capped by Table 1 and the month table at the least their reasons
    add up to), and withholding cells until one does would withhold most of the report. A
    table left out takes its sums with it, so asking again after each one ends, at the
    latest, when one table is left. The table chosen is the one printing the fewest figures
    among those the count is read from (the least is lost), the later in the report on a
    tie; a table whose id is in ``keep`` (Table 1, the report's spine) never is.
    """
    system = _across(tables, threshold)
    if system is None:
        return None
    touching = system[2]
    involved = {t for v in _pinned_across(tables, threshold, system) for t in touching[v]}
    candidates = [
        (len(table.rows) * len(table.header), -i, table)
        for i, table in enumerate(tables)
        if id(table) in involved and table.id not in keep
    ]
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def too_small_to_publish(table: Table) -> bool:
    """True when more than half of a suppressed table's counts are hidden: printed, it
    would be mostly "fewer than N" and "withheld"."""
    percentages = {target for target, _, _ in table.derived}
    counts = [
        cell
        for position, cell in _positions(table)
        if cell.value is not None and position not in percentages
    ]
    hidden = sum(1 for cell in counts if cell.suppressed)
    return hidden * 2 > len(counts)


def too_small_note(table: Table, threshold: int) -> str:
    """The line printed where a table too small to publish would be."""
    caption = caption_in_sentence(table.caption)
    return (
        f"The table of {caption} is not published in this version: its numbers are too "
        f'small to publish (most would read "{fewer_than(threshold)}" or "{WITHHELD}").'
    )


def _hide_everywhere(tables: list[Table]) -> bool:
    """Print a figure alike wherever it is: hidden if any table hides it, and "withheld" if
    any table withholds it (a "fewer than N" for it in another table would tell a reader
    what withholding it hides). True if a cell changed."""
    how = decisions(tables)
    changed = False
    for table in tables:
        for position, cell in _positions(table):
            wanted = how.get(_figure(cell))
            if (
                wanted
                and position not in table.known
                and cell.suppressed not in (wanted, "secondary")
            ):
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
    """Print a cell "withheld": a shown figure, or a small count that "fewer than N" would
    give away (``_victim_for_pinned``)."""
    cell = table.cell(position)
    cell.suppressed = "secondary"
    cell.text = WITHHELD
