"""The report checks its own arithmetic before it is rendered (issue 4 part 6).

Every total must equal the sum of its parts, however it is broken down, and every percentage
a renderer showed must be the one its counts give. A report that fails is never published:
``check`` raises ``ReportInconsistent`` naming the figure, so the fault is found in the
computation, not by a reader.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .figures import percent
from .measures import MEASURE_IDS, round_half_up


class ReportInconsistent(Exception):
    """A figure of the report does not agree with the others; the message names it."""


def _total(value) -> int:
    if isinstance(value, dict):
        return sum(_total(part) for part in value.values())
    return value


def _months(period: dict) -> int:
    start, end = dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["to"])
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _measure_problems(m: dict, where: str, period: dict | None) -> list[str]:
    problems: list[str] = []
    missing = [measure for measure in MEASURE_IDS if measure not in m]
    if missing:
        return [f"{where}: measures missing: {', '.join(missing)}"]

    def same(figure: str, expected: int, *parts: tuple[str, object]) -> None:
        for name, value in parts:
            if _total(value) != expected:
                problems.append(
                    f"{where}: {name} adds up to {_total(value)}, but {figure} is {expected}"
                )

    total = m["representations.total"]
    same(
        "representations.total",
        total,
        ("representations.by_type", m["representations.by_type"]),
        ("representations.by_family", m["representations.by_family"]),
        ("representations.by_month", m["representations.by_month"]),
        ("representations.by_how_received", m["representations.by_how_received"]),
    )
    if _total(m["representations.converted"]) > total:
        problems.append(f"{where}: representations.converted is more than representations.total")
    if period is not None:
        expected = round_half_up(Decimal(total) / _months(period), 1)
        if m["representations.per_month"] != expected:
            problems.append(
                f"{where}: representations.per_month is {m['representations.per_month']}, "
                f"but {total} over {_months(period)} months is {expected}"
            )
    by_type = m["representations.by_type"]
    complaints = m["complaints.total"]
    same(
        "complaints.total",
        complaints,
        ("representations.by_type['complaint']", by_type.get("complaint", 0)),
        ("complaints.complainant_types", m["complaints.complainant_types"]),
        ("complaints.acknowledged_within_3", m["complaints.acknowledged_within_3"]),
    )
    same(
        "representations.by_type['refused']",
        by_type.get("refused", 0),
        ("refusals.reasons", m["refusals.reasons"]),
    )
    for number in (1, 2, 3):
        responses = m[f"stage{number}.responses"]
        parts = [(f"stage{number}.outcomes", m[f"stage{number}.outcomes"])]
        if number < 3:
            parts.append((f"stage{number}.within_deadline", m[f"stage{number}.within_deadline"]))
            average = m[f"stage{number}.average_working_days"]
            if (average is None) != (responses == 0):
                problems.append(
                    f"{where}: stage{number}.average_working_days is {average} "
                    f"with {responses} responses"
                )
        if number == 1:
            parts.append(("stage1.bands", m["stage1.bands"]))
        same(f"stage{number}.responses", responses, *parts)
    outcomes = m["stage1.outcomes"]
    same(
        "stage1 upheld and partially upheld",
        outcomes.get("upheld", 0) + outcomes.get("partially_upheld", 0),
        ("stage1.remedial_action", m["stage1.remedial_action"]),
    )
    young = m["young_people.complaints"]
    if young > complaints:
        problems.append(f"{where}: young_people.complaints ({young}) is more than complaints.total")
    for part in ("young_people.via_professional", "young_people.upheld"):
        if m[part] > young:
            problems.append(f"{where}: {part} ({m[part]}) is more than young_people.complaints")
    same("lgsco.received", m["lgsco.received"], ("lgsco.decisions", m["lgsco.decisions"]))
    return problems


def _supplementary_problems(s: dict, m: dict, where: str) -> list[str]:
    problems: list[str] = []
    if not s:
        return problems

    def agree(name: str, value: int, figure: str, expected: int) -> None:
        if value != expected:
            problems.append(f"{where}: {name} is {value}, but {figure} is {expected}")

    halves = s.get("stage1_by_half_year") or {}
    if halves:
        for part in ("responses", "bands", "within_deadline"):
            agree(
                f"supplementary stage1_by_half_year {part}",
                sum(_total(half[part]) for half in halves.values()),
                "stage1.responses",
                m["stage1.responses"],
            )
    for code, by_decision in s.get("stage1_outcome_by_decision", {}).items():
        agree(
            f"supplementary stage1_outcome_by_decision['{code}']",
            _total(by_decision),
            f"stage1.actual_outcomes['{code}']",
            m["stage1.actual_outcomes"].get(code, 0),
        )
    escalation = s.get("escalation", {})
    for name, value in escalation.items():
        figure = name.replace("_", ".", 1)
        agree(f"supplementary escalation {name}", value, figure, m[figure])
    by_type = m["representations.by_type"]
    if "compliments" in s:
        agree(
            "supplementary compliments received",
            s["compliments"]["received"],
            "representations.by_type['compliment']",
            by_type.get("compliment", 0),
        )
    for record_type, figures in s.get("information_requests", {}).items():
        agree(
            f"supplementary information_requests['{record_type}'] received",
            figures["received"],
            f"representations.by_type['{record_type}']",
            by_type.get(record_type, 0),
        )
        agree(
            f"supplementary information_requests['{record_type}'] within, late, not recorded",
            figures["within"] + figures["late"] + figures["not_recorded"],
            "its responses",
            figures["responded"],
        )
    for name, measure in (("top_natures", "natures"), ("top_service_teams", "service_teams")):
        for entry in s.get(name, []):
            agree(
                f"supplementary {name} '{entry['code']}'",
                entry["count"],
                f"complaints.{measure}['{entry['code']}']",
                m[f"complaints.{measure}"].get(entry["code"], 0),
            )
    for name, whole in (
        ("stage1_ongoing", "complaints.total"),
        ("lgsco_ongoing", "lgsco.received"),
    ):
        # Still open at the period's end: a part of those received, never more than them.
        ongoing = s.get(name)
        if ongoing is not None and not 0 <= ongoing <= m[whole]:
            problems.append(
                f"{where}: supplementary {name} is {ongoing}, but {whole} is {m[whole]}"
            )
    advocacy = s.get("advocacy", {})
    if advocacy:
        agree(
            "supplementary advocacy all_complaints",
            advocacy["all_complaints"]["complaints"],
            "complaints.total",
            m["complaints.total"],
        )
        agree(
            "supplementary advocacy young_people",
            advocacy["young_people"]["complaints"],
            "young_people.complaints",
            m["young_people.complaints"],
        )
        for group, figures in advocacy.items():
            agree(
                f"supplementary advocacy {group} offered",
                _total(figures["offered"]),
                f"advocacy {group} complaints",
                figures["complaints"],
            )
            agree(
                f"supplementary advocacy {group} taken_up",
                _total(figures["taken_up"]),
                f"advocacy {group} offered",
                figures["offered"]["true"],
            )
    return problems


def problems(report: dict) -> list[str]:
    """Every disagreement between the report's figures, in words naming them."""
    found = _measure_problems(report["measures"], report["period"]["label"], report["period"])
    found += _supplementary_problems(
        report.get("supplementary", {}), report["measures"], report["period"]["label"]
    )
    periods = report.get("comparison_periods", {})
    for label, measures in report.get("comparisons", {}).items():
        found += _measure_problems(measures, label, periods.get(label))
        supplementary = report.get("comparison_supplementary", {}).get(label, {})
        if not any(_measure_problems(measures, label, None)):
            found += _supplementary_problems(supplementary, measures, label)
    # A renderer may record the percentages it showed, to have them checked too:
    # report["percentages"] = {"stage1 within deadline": {"n": 66, "d": 101, "text": ...}}.
    for name, shown in report.get("percentages", {}).items():
        expected = percent(shown["n"], shown["d"])
        if shown["text"] != expected:
            problems_text = f"percentage '{name}' shows {shown['text']!r}, but its counts give"
            found.append(f"{problems_text} {expected!r}")
    return found


def check(report: dict) -> None:
    """Raise ``ReportInconsistent`` naming the first figure that does not add up."""
    found = problems(report)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ReportInconsistent(found[0] + more)
