"""Derived figures in words: percentages with their denominators, changes with their base.

The report carries counts only (measures-v1.md: "where a report wants a percentage it is
derived from these counts, shown with its denominator"); renderers use these helpers so the
same count always reads the same way, and the self-check can recompute what they showed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percentage(n: int, d: int) -> int | None:
    """``n`` as a whole percentage of ``d``, rounded half up; None when ``d`` is 0."""
    if d == 0:
        return None
    return int((Decimal(100 * n) / Decimal(d)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(n: int, d: int) -> str:
    """ "39% (19 of 49)"; "0 of 0" when there is nothing to take a percentage of."""
    share = percentage(n, d)
    if share is None:
        return f"{n} of {d}"
    return f"{share}% ({n} of {d})"


def change(current: int | float, previous: int | float, previous_label: str) -> str:
    """ "up 19 (39%) from 49 in 2018/19"; a change from 0 is "new", never a division."""
    difference = current - previous
    shown = _number(abs(difference))
    if previous == 0:
        return (
            "no change from 0" if current == 0 else f"new (up {shown} from 0 in {previous_label})"
        )
    if difference == 0:
        return f"no change from {_number(previous)} in {previous_label}"
    direction = "up" if difference > 0 else "down"
    share = percentage(abs(difference), previous) if isinstance(previous, int) else None
    if share is None:
        share = int(
            (Decimal(str(abs(difference))) * 100 / Decimal(str(previous))).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            )
        )
    return f"{direction} {shown} ({share}%) from {_number(previous)} in {previous_label}"


def _number(value: int | float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
