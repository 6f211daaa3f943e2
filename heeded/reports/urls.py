from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:start>/<str:end>/", views.report, name="report"),
    path(
        "<str:start>/<str:end>/download/<str:version>/<str:fmt>/",
        views.download,
        name="download",
    ),
    path("<str:start>/<str:end>/cases/<str:measure>/<path:key>/", views.cases, name="cases"),
]
