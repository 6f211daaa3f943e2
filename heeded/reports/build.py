"""The machine-readable report: every measure for a period and its comparison years.

``build_report`` is the one computation behind every rendering (JSON, HTML, PDF, DOCX,
XLSX): the renderers only lay out the dict it returns. It checks its own arithmetic
(``selfcheck.check``) before anything is rendered, so an inconsistent report never leaves.
"""

from __future__ import annotations

from collections.abc import Callable

from heeded.organisation.models import Organisation

from .measures import Facts
from .periods import Period, comparison_periods
from .selfcheck import check

FORMAT = "heeded-report-v1"

Progress = Callable[[str], None]


def build_report(period: Period, comparisons: int = 3, progress: Progress | None = None) -> dict:
    """The report for ``period`` with ``comparisons`` earlier years (0 to 3 or more).

    ``progress`` is called with a short description before each period is computed (the
    command shows it as a progress bar on long runs).
    """

    def step(what: str) -> None:
        if progress is not None:
            progress(what)

    step(f"Measures for {period.label}")
    facts = Facts(period)
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
    for earlier in comparison_periods(period, comparisons):
        step(f"Comparison with {earlier.label}")
        earlier_facts = Facts(earlier)
        report["comparisons"][earlier.label] = earlier_facts.measures()
        report["comparison_supplementary"][earlier.label] = earlier_facts.supplementary()
        report["comparison_periods"][earlier.label] = earlier.as_dict()
    step("Checking the figures add up")
    check(report)
    return report
