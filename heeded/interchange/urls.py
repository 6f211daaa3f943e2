from django.urls import path

from . import views

app_name = "interchange"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("confirm/", views.confirm, name="confirm"),
    path("export/", views.export, name="export"),
]
