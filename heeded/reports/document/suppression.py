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
  table prints (a row total, a column total, a statutory/other subtotal) where exactly one
  component is hidden, the smallest other non-zero component of that sum is hidden too
  (*secondary* suppression, shown as "withheld"); if there is none, the total is withheld.
  This is repeated until no sum has a single hidden component, because withholding one
  cell can expose another sum. Sums whose total is printed elsewhere in the report count
  too: the complaint rows of the representations table add up to the number of complaints,
  which the summary states.
- The rule is applied table by table, with the report's headline totals (representations,
  complaints, statutory and other) treated as known. It does not audit every pair of
  tables against each other (for example the month-by-month table's row totals against
  the representations table's rows); a council publishing a very small year should read
  the public version before it goes out.
- A percentage derived from a hidden count (as numerator or denominator) is withheld.
- Running text uses the same wording ("fewer than 5"); running text never prints a
  difference between a hidden count and another one.

Totals of 5 or more stay visible: the point of the report is the overall picture.
"""

from __future__ import annotations

from .structure import Table

WITHHELD = "withheld"


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


def is_small(n: int | float | None, threshold: int) -> bool:
    return isinstance(n, int) and 0 < n < threshold


def suppress_table(table: Table, threshold: int) -> Table:
    derived_targets = {target for target, _, _ in table.derived}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if (r, c) in derived_targets:
                continue
            if is_small(cell.value, threshold):
                cell.suppressed = "primary"
                cell.text = fewer_than(threshold)

    changed = True
    while changed:
        changed = False
        for total, components in table.sums:
            if total is not None and table.cell(total).suppressed:
                continue
            # A cell printed elsewhere (table.known) neither hides nor can be hidden.
            hidden = [p for p in components if table.cell(p).suppressed and p not in table.known]
            if len(hidden) != 1:
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

    for target, numerator, denominator in table.derived:
        sources = [p for p in (numerator, denominator) if p is not None]
        if any(table.cell(p).suppressed for p in sources):
            _withhold(table, target)

    if any(cell.suppressed for row in table.rows for cell in row.cells):
        note = (
            f'"{fewer_than(threshold)}" stands for a count from 1 to {threshold - 1}; '
            f'"{WITHHELD}" is a figure not shown so that such a count cannot be worked out '
            "from a total."
        )
        if note not in table.notes:
            table.notes.append(note)
    return table


def _withhold(table: Table, position: tuple[int, int]) -> None:
    cell = table.cell(position)
    cell.suppressed = cell.suppressed or "secondary"
    if cell.suppressed == "secondary":
        cell.text = WITHHELD
