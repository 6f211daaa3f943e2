from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.start, name="start"),
    path("choose/", views.choose, name="choose"),
    path("young-person/", views.young_person_start, name="young_person_start"),
    path("keep-alive/", views.keep_alive, name="keep_alive"),
    path("session-status/", views.session_status, name="session_status"),
    path("<slug:journey>/timed-out/", views.timed_out, name="timed_out"),
    path("<slug:journey>/check/", views.check, name="check"),
    path("<slug:journey>/sent/<uuid:token>/", views.done, name="done"),
    path("<slug:journey>/<slug:step>/", views.question, name="question"),
]
