"""Recommendations and their progress: the rules, whoever asks (the screens, the demo).

A recommendation is raised in one report ("2025/26") and carried into every later report
until a year's progress says it is completed (``heeded.reports.models.for_report``). Report
years are kept as the report labels them: "2025-26" and "2025/2026" are both written
"2025/26"; they are compared as reports come (``earlier``), not as text. Progress is given
in a report after the one that raised it, once a report: the document prints progress only
under earlier recommendations.

Every change writes the settings change log (``heeded.reference.services.changelog``) in
the same transaction: the models keep no history of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from heeded.calendars.working_days import FIRST_YEAR, LAST_YEAR
from heeded.reference.models import Action
from heeded.reference.services import changelog

from .. import periods
from ..models import (
    Recommendation,
    RecommendationProgress,
    RecommendationStatus,
    earlier,
    report_order,
)

AREA = "recommendation"
PROGRESS_AREA = "recommendation_progress"
EXAMPLE = "2025/26"
FIELDS = ("title", "text", "raised_in", "position")
PROGRESS_FIELDS = ("period_label", "status", "text")


def report_year(text: str, name: str) -> str:
    """``text`` as a report labels its year ("2025-26" -> "2025/26"), or a ValidationError
    whose message names the field as ``name``."""
    try:
        period = periods.parse_year(text)
    except ValueError:
        raise ValidationError(f"{name} must be a year written like {EXAMPLE}") from None
    if not FIRST_YEAR <= period.start.year < LAST_YEAR:
        first = periods.financial_year(FIRST_YEAR).label
        last = periods.financial_year(LAST_YEAR - 1).label
        raise ValidationError(f"{name} must be between {first} and {last}")
    return period.label


def latest_complete_year(today: dt.date | None = None) -> str:
    """The report most recently due: the financial year that ended last 31 March."""
    today = today or dt.date.today()
    return periods.financial_year((today.year if today.month >= 4 else today.year - 1) - 1).label


def next_year(label: str) -> str:
    return periods.financial_year(int(label[:4]) + 1).label


# --- reading ------------------------------------------------------------------------------
@dataclass
class Raised:
    """The recommendations one report made, for the list."""

    label: str
    recommendations: list[Recommendation]


def latest_progress(recommendation: Recommendation) -> RecommendationProgress | None:
    """The progress given in the latest report, as reports come (``report_order``), not as
    text (uses prefetched progress)."""
    entries = list(recommendation.progress.all())
    return max(entries, key=lambda p: report_order(p.period_label)) if entries else None


def by_report() -> list[Raised]:
    """Every recommendation, grouped by the report that raised it, the latest report first,
    each with ``latest`` (its latest progress, or None). Two queries however many."""
    groups: dict[str, list[Recommendation]] = {}
    for recommendation in Recommendation.objects.prefetch_related("progress"):
        recommendation.latest = latest_progress(recommendation)
        groups.setdefault(recommendation.raised_in, []).append(recommendation)
    latest_first = sorted(groups, key=report_order, reverse=True)
    return [Raised(label, groups[label]) for label in latest_first]


def suggested_progress_year(recommendation: Recommendation, today: dt.date | None = None):
    """The year a manager most likely records progress for: the report most recently due,
    or the one after the recommendation's own; None when that one is already recorded."""
    suggested = max(latest_complete_year(today), next_year(recommendation.raised_in))
    if recommendation.progress.filter(period_label=suggested).exists():
        return None
    return suggested


def why_not_removable(recommendation: Recommendation) -> str:
    """Why ``recommendation`` cannot be removed ("" when it can)."""
    years = list(recommendation.progress.values_list("period_label", flat=True))
    if not years:
        return ""
    return (
        f"Progress has been recorded for {_and(years)}, so reports already written print "
        "it. Remove the progress first if it was recorded by mistake."
    )


# --- recommendations ----------------------------------------------------------------------
def check_raised_in(recommendation: Recommendation | None, raised_in: str) -> None:
    """A recommendation is raised before any report that gives progress on it.

    "Before" as reports come (``earlier``), not as text: the screens write only financial
    years, but a half's or a quarter's label can be written in the administration pages,
    and as text "2025/26" sorted before "2025/26 Q1", which the annual report comes after."""
    if recommendation is None:
        return
    labels = list(recommendation.progress.values_list("period_label", flat=True))
    too_early = [label for label in labels if not earlier(raised_in, label)]
    if too_early:
        first = next(p for p in too_early if not any(earlier(q, p) for q in too_early))
        raise ValidationError(
            {
                "raised_in": f"Raised in must be before {first}: progress on this "
                f"recommendation is recorded for {first}"
            }
        )


def next_position(raised_in: str) -> int:
    highest = Recommendation.objects.filter(raised_in=raised_in).aggregate(h=Max("position"))["h"]
    return 1 if highest is None else highest + 1


def add_recommendation(
    *, by, title: str, text: str, raised_in: str, position: int | None = None
) -> Recommendation:
    recommendation = Recommendation(
        title=title,
        text=text,
        raised_in=raised_in,
        position=next_position(raised_in) if position is None else position,
    )
    return _saved(
        recommendation,
        lambda: changelog.log_created(
            by=by,
            area=AREA,
            subject=subject(recommendation),
            values={name: getattr(recommendation, name) for name in FIELDS},
        ),
    )


def update_recommendation(
    recommendation: Recommendation, *, by, title: str, text: str, raised_in: str, position: int
) -> Recommendation:
    check_raised_in(recommendation, raised_in)
    before = {name: getattr(recommendation, name) for name in FIELDS}
    after = {"title": title, "text": text, "raised_in": raised_in, "position": position}
    for name, value in after.items():
        setattr(recommendation, name, value)
    return _saved(
        recommendation,
        lambda: changelog.log_changes(
            by=by, area=AREA, subject=subject(recommendation), before=before, after=after
        ),
    )


def remove_recommendation(recommendation: Recommendation, *, by) -> None:
    reason = why_not_removable(recommendation)
    if reason:
        raise ValidationError(f"{recommendation.title} cannot be removed. {reason}")
    _removed(recommendation, by=by, area=AREA, subject=subject(recommendation))


# --- progress -----------------------------------------------------------------------------
def check_progress_year(
    recommendation: Recommendation,
    period_label: str,
    besides: RecommendationProgress | None = None,
) -> None:
    """Progress is given in a later report than the one that raised the recommendation, and
    once a report. Later as reports come (``earlier``), not as text: a recommendation
    raised in "2025/26 H1" (written in the administration pages) has progress in
    "2025/26", which sorts before it as text."""
    if not earlier(recommendation.raised_in, period_label):
        raise ValidationError(
            {
                "period_label": f"Report year must be after {recommendation.raised_in}, the "
                "report that made the recommendation"
            }
        )
    others = recommendation.progress.filter(period_label=period_label)
    if besides is not None:
        others = others.exclude(pk=besides.pk)
    if others.exists():
        raise ValidationError(
            {
                "period_label": f"Progress for {period_label} is already recorded: "
                "change that instead"
            }
        )


def record_progress(
    recommendation: Recommendation, *, by, period_label: str, status: str, text: str
) -> RecommendationProgress:
    check_progress_year(recommendation, period_label)
    progress = RecommendationProgress(
        recommendation=recommendation, period_label=period_label, status=status, text=text
    )
    return _saved_progress(
        progress,
        None,
        lambda: changelog.log_created(
            by=by,
            area=PROGRESS_AREA,
            subject=progress_subject(progress),
            values=_progress_values(progress),
        ),
    )


def update_progress(
    progress: RecommendationProgress, *, by, period_label: str, status: str, text: str
) -> RecommendationProgress:
    check_progress_year(progress.recommendation, period_label, besides=progress)
    before = _progress_values(progress)
    progress.period_label, progress.status, progress.text = period_label, status, text
    return _saved_progress(
        progress,
        progress,
        lambda: changelog.log_changes(
            by=by,
            area=PROGRESS_AREA,
            subject=progress_subject(progress),
            before=before,
            after=_progress_values(progress),
        ),
    )


def remove_progress(progress: RecommendationProgress, *, by) -> None:
    _removed(progress, by=by, area=PROGRESS_AREA, subject=progress_subject(progress))


def _saved_progress(progress, besides, log):
    try:
        return _saved(progress, log)
    except IntegrityError:
        # Recorded by someone else between the check and the save: say so.
        check_progress_year(progress.recommendation, progress.period_label, besides=besides)
        raise


# --- saving -------------------------------------------------------------------------------
def _saved(row, log):
    """``row`` checked, saved and its change logged, all or nothing. The one-progress-a-
    report constraint is the database's to keep (a check before could miss a race)."""
    row.full_clean(validate_constraints=False)
    with transaction.atomic():
        row.save()
        log()
    return row


def _removed(row, *, by, area: str, subject: str) -> None:
    """``row`` deleted, the log keeping its text."""
    with transaction.atomic():
        changelog.log(
            by=by, area=area, subject=subject, action=Action.REMOVED, field="text", old=row.text
        )
        row.delete()


# --- words --------------------------------------------------------------------------------
def subject(recommendation: Recommendation) -> str:
    """How the change log names a recommendation: "Stage 1 response times (2025/26)"."""
    return _fit(recommendation.title, f" ({recommendation.raised_in})")


def progress_subject(progress: RecommendationProgress) -> str:
    recommendation = progress.recommendation
    return _fit(
        recommendation.title,
        f" ({recommendation.raised_in}), progress in {progress.period_label}",
    )


def _fit(title: str, tail: str, limit: int = 200) -> str:
    if len(title) + len(tail) > limit:
        title = title[: limit - len(tail) - 1] + "…"
    return title + tail


def _progress_values(progress: RecommendationProgress) -> dict[str, str]:
    return {
        "period_label": progress.period_label,
        "status": RecommendationStatus(progress.status).label,
        "text": progress.text,
    }


def _and(words: list[str]) -> str:
    words = sorted(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
