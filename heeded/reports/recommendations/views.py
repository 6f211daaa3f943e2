"""The recommendation screens. Each view parses the request, asks heeded.access.policies
whether the person may be here, and calls a function in ``services``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from heeded.access.policies import can_manage_recommendations
from heeded.reference.views.access import allowed_if, apply_errors

from ..models import Recommendation, RecommendationProgress
from . import services
from .forms import ProgressForm, RecommendationForm

LIST = "reports:recommendation_list"


def _submitted(request, form, save):
    """What ``save(**form.cleaned_data)`` returned, for a valid POSTed ``form``; else None,
    the service's reasons put beside the fields they name."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(**form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
        return None


@allowed_if(can_manage_recommendations)
def recommendation_list(request):
    return render(request, "reports/recommendations/list.html", {"reports": services.by_report()})


@allowed_if(can_manage_recommendations)
def recommendation_add(request):
    initial = {"raised_in": services.latest_complete_year()}
    form = RecommendationForm(request.POST or None, initial=initial, adding=True)
    recommendation = _submitted(
        request, form, lambda **data: services.add_recommendation(by=request.user, **data)
    )
    if recommendation:
        messages.success(
            request, f"{recommendation.title} added to the {recommendation.raised_in} report"
        )
        return redirect(LIST)
    return render(request, "reports/recommendations/form.html", {"form": form})


@allowed_if(can_manage_recommendations)
def recommendation_edit(request, pk):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    initial = {name: getattr(recommendation, name) for name in services.FIELDS}
    form = RecommendationForm(request.POST or None, initial=initial)
    if _submitted(
        request,
        form,
        lambda **data: services.update_recommendation(recommendation, by=request.user, **data),
    ):
        messages.success(request, f"{recommendation.title} saved")
        return redirect(LIST)
    return render(
        request,
        "reports/recommendations/form.html",
        {
            "form": form,
            "recommendation": recommendation,
            "progress": recommendation.progress.all(),
            "cannot_remove": services.why_not_removable(recommendation),
        },
    )


@allowed_if(can_manage_recommendations)
def recommendation_remove(request, pk):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    if request.method == "POST":
        try:
            services.remove_recommendation(recommendation, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("reports:recommendation_edit", pk=recommendation.pk)
        messages.success(request, f"{recommendation.title} removed")
        return redirect(LIST)
    return render(
        request,
        "reports/recommendations/remove.html",
        {
            "recommendation": recommendation,
            "cannot_remove": services.why_not_removable(recommendation),
        },
    )


@allowed_if(can_manage_recommendations)
def progress_add(request, pk):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    initial = {"period_label": services.suggested_progress_year(recommendation)}
    form = ProgressForm(request.POST or None, initial=initial)
    progress = _submitted(
        request,
        form,
        lambda **data: services.record_progress(recommendation, by=request.user, **data),
    )
    if progress:
        messages.success(
            request, f"Progress on {recommendation.title} recorded for {progress.period_label}"
        )
        return redirect("reports:recommendation_edit", pk=recommendation.pk)
    return render(
        request,
        "reports/recommendations/progress_form.html",
        {"form": form, "recommendation": recommendation},
    )


@allowed_if(can_manage_recommendations)
def progress_edit(request, pk, progress_pk):
    progress = _progress(pk, progress_pk)
    initial = {name: getattr(progress, name) for name in services.PROGRESS_FIELDS}
    form = ProgressForm(request.POST or None, initial=initial)
    if _submitted(
        request, form, lambda **data: services.update_progress(progress, by=request.user, **data)
    ):
        messages.success(
            request,
            f"Progress on {progress.recommendation.title} for {progress.period_label} saved",
        )
        return redirect("reports:recommendation_edit", pk=pk)
    return render(
        request,
        "reports/recommendations/progress_form.html",
        {"form": form, "recommendation": progress.recommendation, "progress": progress},
    )


@allowed_if(can_manage_recommendations)
def progress_remove(request, pk, progress_pk):
    progress = _progress(pk, progress_pk)
    if request.method == "POST":
        services.remove_progress(progress, by=request.user)
        messages.success(
            request,
            f"Progress on {progress.recommendation.title} for {progress.period_label} removed",
        )
        return redirect("reports:recommendation_edit", pk=pk)
    return render(
        request,
        "reports/recommendations/progress_remove.html",
        {"progress": progress, "recommendation": progress.recommendation},
    )


def _progress(pk: int, progress_pk: int) -> RecommendationProgress:
    return get_object_or_404(
        RecommendationProgress.objects.select_related("recommendation"),
        pk=progress_pk,
        recommendation_id=pk,
    )
