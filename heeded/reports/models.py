"""Recommendations made in an annual report, carried from year to year with their progress.

The Isle of Wight 2019/20 report (sections 13 and 14) reports on each of last year's
recommendations ("Progress – ...") and makes this year's; a recommendation that is still
in progress is carried into the next report. Period labels are the report's own ("2019/20").
"""

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
            p.status == RecommendationStatus.COMPLETED and p.period_label < label
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
        or (r.raised_in < label and not r.completed_before(label))
    ]
