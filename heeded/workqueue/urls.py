from django.urls import path

from . import views

app_name = "workqueue"
# Included at the site root before casework's "cases/" prefix (heeded/urls.py), so the list
# and its download are matched here and "cases/<reference>/" falls through to casework.
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/export.csv", views.case_list_csv, name="case_list_csv"),
]
