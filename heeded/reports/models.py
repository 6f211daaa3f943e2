"""Recommendations made in an annual report, carried from year to year with their progress.

The Isle of Wight 2019/20 report (sections 13 and 14) reports on each of last year's
recommendations ("Progress – ...") and makes this year's; a recommendation that is still
in progress is carried into the next report. Period labels are the report's own ("2019/20").
"""

import re

from django.db import models


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    CARRIED_FORWARD = "carried_forward", "Carried forward"
    COMPLETED = "completed", "Completed"


class Recommendation(models.Model):
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="Written for publication: no names or case details.")
    raised_in = models.CharField(
        max_length=60, help_text='The report that made it, for example "2019/20".'
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["raised_in", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.raised_in}: {self.title}"

    def progress_for(self, label: str):
        # Uses prefetched progress (for_report prefetches it).
        for progress in self.progress.all():
            if progress.period_label == label:
                return progress
        return None

    def completed_before(self, label: str) -> bool:
        return any(
            p.status == RecommendationStatus.COMPLETED and earlier(p.period_label, label)
            for p in self.progress.all()
        )


class RecommendationProgress(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress"
    )
    period_label = models.CharField(max_length=60, help_text="The report it is given in.")
    status = models.CharField(
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.IN_PROGRESS,
    )
    text = models.TextField(help_text="Written for publication: no names or case details.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period_label"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "period_label"], name="one_progress_per_report"
            )
        ]
        verbose_name_plural = "recommendation progress"

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.period_label}"

    @property
    def status_label(self) -> str:
        return self.get_status_display()


def for_report(label: str) -> list[Recommendation]:
    """This report's own recommendations, and earlier ones not completed before it.

    Financial-year labels ("2018/19" < "2019/20") sort as text, so "earlier" is a string
    comparison; a custom period's report shows only its own and those with progress for it.
    """
    rows = Recommendation.objects.prefetch_related("progress")
    return [
        r
        for r in rows
        if r.raised_in == label
        or r.progress_for(label) is not None
        or (earlier(r.raised_in, label) and not r.completed_before(label))
    ]


_LABEL = re.compile(r"(\d{4}/\d{2})(?: ([HQ])([1-4]))?")
# The quarter of the financial year in which a named period ends: a half ends with its
# second quarter; a year, like its fourth quarter and second half, in March.
_ENDS_IN = {None: 4, "H": 2, "Q": 1}


def earlier(made_in: str, label: str) -> bool:
    """Whether the report ``made_in`` came before the report ``label``: "2024/25" before
    "2025/26 Q1", "2025/26 H1" before "2025/26", but not "2025/26" before "2025/26 Q1".

    Compared as text, "2025/26" sorted before "2025/26 Q1", so the demo's Q1 report listed
    the 2025/26 annual report's recommendations under "recommendations from earlier
    reports", though that report comes after it. A custom period's label ("1 April 2019 to
    ...") is earlier or later than nothing (its report shows its own recommendations and
    those with progress for it)."""
    a, b = _report_end(made_in), _report_end(label)
    return a is not None and b is not None and a < b


def report_order(label: str) -> tuple:
    """A sort key putting reports in the order they come, for "the latest report".

    As text, "2025/26 Q1" sorted after "2025/26", so the annual report's progress was not
    the latest once a quarter's was written in the administration pages. Reports ending
    together come shortest first ("2025/26 Q4", "2025/26 H2", then the year's, which the
    council publishes last). A custom period's label, earlier or later than nothing, comes
    before every named report, by its text, so that it is never taken for the latest."""
    end = _report_end(label)
    if end is None:
        return (0, "", 0, 0, label)
    kind = _LABEL.fullmatch(label).group(2)
    return (1, *end, _SPAN[kind], label)


# How many quarters a named period spans.
_SPAN = {"Q": 1, "H": 2, None: 4}


def _report_end(label: str) -> tuple[str, int] | None:
    match = _LABEL.fullmatch(label)
    if not match:
        return None
    year, kind, number = match.groups()
    return year, _ENDS_IN[kind] * int(number or 1)
