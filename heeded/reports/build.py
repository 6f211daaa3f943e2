"""The machine-readable report: every measure for a period and its comparison years.

``build_report`` is the one computation behind every rendering (JSON, HTML, PDF, DOCX,
XLSX): the renderers only lay out the dict it returns. It checks its own arithmetic
(``selfcheck.check``) before anything is rendered, so an inconsistent report never leaves.
"""

from __future__ import annotations

from collections.abc import Callable

from heeded.organisation.models import Organisation

from .facts import PeriodRows, overlap, report_snapshot, shared_snapshot
from .measures import Facts
from .periods import Period, comparison_periods
from .selfcheck import check

FORMAT = "heeded-report-v1"

Progress = Callable[[str], None]


def build_report(period: Period, comparisons: int = 3, progress: Progress | None = None) -> dict:
    """The report for ``period`` with ``comparisons`` earlier years (0 to 3).

    ``progress`` is called with a short description before each period is computed (the
    command shows it as a progress bar on long runs).
    """

    def step(what: str) -> None:
        if progress is not None:
            progress(what)

    earlier_periods = comparison_periods(period, comparisons)
    with report_snapshot():
        report = _figures(period, earlier_periods, step)
    step("Checking the figures add up")
    check(report)
    return report


def _listed(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _figures(period: Period, earlier_periods: list[Period], step: Progress) -> dict:
    """Every figure of the period and its comparison years, from one set of queries when
    the periods do not overlap (a custom period over a year long overlaps its own)."""
    everything = [period, *earlier_periods]
    shared = PeriodRows(everything) if not overlap(everything) else None
    if shared is not None:
        step(f"Counting the cases of {_listed([p.label for p in everything])}")
        shared.fetch(shared_snapshot())

    def facts_for(one: Period) -> Facts:
        return Facts(one, shared if shared is not None else PeriodRows([one]))

    step(f"Measures for {period.label}")
    facts = facts_for(period)
    report = {
        "format": FORMAT,
        "organisation": Organisation.current().name,
        "period": period.as_dict(),
        "measures": facts.measures(),
        "supplementary": facts.supplementary(),
        "comparisons": {},
        "comparison_supplementary": {},
        "comparison_periods": {},
    }
    for earlier in earlier_periods:
        step(f"Comparison with {earlier.label}")
        earlier_facts = facts_for(earlier)
        report["comparisons"][earlier.label] = earlier_facts.measures()
        report["comparison_supplementary"][earlier.label] = earlier_facts.supplementary()
        report["comparison_periods"][earlier.label] = earlier.as_dict()
    return report
