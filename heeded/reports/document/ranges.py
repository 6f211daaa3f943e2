"""Which hidden counts a reader can work out: the least and the most each can be, given the
sums they are in and the bounds a reader knows, by linear programmes (HiGHS).

One solver is loaded with the reader's system once, and asked for each count's least and
most in turn by changing only the objective: HiGHS starts each answer from the last one's
basis, so a count costs a few pivots rather than a fresh solve (SciPy's ``linprog``, used
before, rebuilt the problem every time and spent most of a public report's build doing so).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# The solver itself: ``highspy.Highs`` wraps it with callbacks whose set-up prints HiGHS's
# banner on standard output before any option can silence it, which would run into the JSON
# ``heeded report --public --format json`` writes there.
from highspy import _core as highs

Rows = Sequence[Sequence[float]]


def pinned(
    equations: tuple[Rows, Sequence[float]],
    bounds: Sequence[tuple[float, float | None]],
    at_most: tuple[Rows, Sequence[float]] = ((), ()),
    asked: Sequence[int] | None = None,
) -> list[int]:
    """The indices of the variables (of those ``asked``, or all) left with a single whole
    value.

    ``equations`` are rows ``a . x == b``; ``at_most`` rows ``a . x <= b``; ``bounds``
    (low, high or None for no upper bound) for each variable. A variable whose least or
    most cannot be found (no upper bound, or a system with no solution) is not pinned.
    """
    solver = _load(equations, at_most, bounds)
    if solver is None:
        return []
    # Each answer shows every variable's value, not only the one asked about: a variable
    # seen at two whole values already is not pinned, and needs no programme of its own.
    # (A table's sums are those of a network, so the answers are whole numbers.)
    seen: list[np.ndarray] = []
    found = []
    for i in range(len(bounds)) if asked is None else asked:
        whole = {round(x[i]) for x in seen if abs(x[i] - round(x[i])) < 1e-6}
        if len(whole) > 1:
            continue
        ends = [_solve(solver, i, direction) for direction in (1.0, -1.0)]
        if any(x is None for x in ends):
            continue
        seen.extend(ends)
        if math.ceil(ends[0][i] - 1e-6) >= math.floor(ends[1][i] + 1e-6):
            found.append(i)
    return found


def _load(equations, at_most, bounds):
    a_eq, b_eq = equations
    a_ub, b_ub = at_most
    rows = [*a_eq, *a_ub]
    if not rows:
        return None
    n = len(bounds)
    lp = highs.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows)
    lp.col_cost_ = np.zeros(n)
    lp.col_lower_ = np.array([low for low, _ in bounds], dtype=float)
    lp.col_upper_ = np.array([highs.kHighsInf if h is None else h for _, h in bounds], float)
    lp.row_lower_ = np.array([*b_eq, *([-highs.kHighsInf] * len(b_ub))], dtype=float)
    lp.row_upper_ = np.array([*b_eq, *b_ub], dtype=float)
    starts, index, value = [0], [], []
    for row in rows:
        for j, coefficient in enumerate(row):
            if coefficient:
                index.append(j)
                value.append(coefficient)
        starts.append(len(index))
    lp.a_matrix_.format_ = highs.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value, dtype=float)
    solver = highs._Highs()
    solver.setOptionValue("output_flag", False)
    solver.passModel(lp)
    return solver


def _solve(solver, i: int, direction: float) -> np.ndarray | None:
    """The values at which variable ``i`` is least (direction 1) or most (-1)."""
    solver.changeColCost(i, direction)
    solver.run()
    # Read before the cost is put back: changing the model forgets its status.
    solved = solver.getModelStatus() == highs.HighsModelStatus.kOptimal
    x = np.array(solver.getSolution().col_value) if solved else None
    solver.changeColCost(i, 0.0)
    return x
