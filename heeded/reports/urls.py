from django.urls import path

from . import views
from .recommendations import views as recommendations

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    # Before the report's own "<start>/<end>/", which "recommendations/add/" would match.
    path(
        "recommendations/",
        recommendations.recommendation_list,
        name="recommendation_list",
    ),
    path(
        "recommendations/add/",
        recommendations.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "recommendations/<int:pk>/",
        recommendations.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "recommendations/<int:pk>/remove/",
        recommendations.recommendation_remove,
        name="recommendation_remove",
    ),
    path(
        "recommendations/<int:pk>/progress/add/",
        recommendations.progress_add,
        name="progress_add",
    ),
    path(
        "recommendations/<int:pk>/progress/<int:progress_pk>/",
        recommendations.progress_edit,
        name="progress_edit",
    ),
    path(
        "recommendations/<int:pk>/progress/<int:progress_pk>/remove/",
        recommendations.progress_remove,
        name="progress_remove",
    ),
    path("<str:start>/<str:end>/", views.report, name="report"),
    path(
        "<str:start>/<str:end>/download/<str:version>/<str:fmt>/",
        views.download,
        name="download",
    ),
    path("<str:start>/<str:end>/cases/<str:measure>/<path:key>/", views.cases, name="cases"),
]
