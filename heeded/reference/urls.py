"""Settings: reference data for complaints managers, staff for administrators (/settings/)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from .views import changes, closures, index, organisation, staff, taxonomy, teams

app_name = "reference"
urlpatterns = [
    path("", index.index, name="index"),
    path("codes/<slug:kind>/", taxonomy.term_list, name="term_list"),
    path("codes/<slug:kind>/add/", taxonomy.term_add, name="term_add"),
    path("codes/<slug:kind>/<str:code>/", taxonomy.term_edit, name="term_edit"),
    path("codes/<slug:kind>/<str:code>/retire/", taxonomy.term_retire, name="term_retire"),
    path("services-and-teams/", teams.unit_list, name="unit_list"),
    path("services-and-teams/add/", teams.unit_add, name="unit_add"),
    path("services-and-teams/<str:code>/", teams.unit_edit, name="unit_edit"),
    path("services-and-teams/<str:code>/retire/", teams.unit_retire, name="unit_retire"),
    path("closure-days/", closures.closure_list, name="closure_list"),
    path("closure-days/add/", closures.closure_add, name="closure_add"),
    path("closure-days/<int:pk>/remove/", closures.closure_remove, name="closure_remove"),
    path("organisation/", organisation.organisation_edit, name="organisation"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/add/", staff.staff_add, name="staff_add"),
    path("staff/<int:pk>/", staff.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/active/", staff.staff_active, name="staff_active"),
    path("staff/<int:pk>/password-link/", staff.staff_password_link, name="staff_password_link"),
    # Opened by the new member of staff from their link, before they can sign in (the
    # site-wide sign-in middleware lets login_not_required views through).
    path(
        "set-password/<uidb64>/<token>/",
        login_not_required(staff.SetPassword.as_view()),
        name="set_password",
    ),
    path(
        "set-password/done/",
        login_not_required(staff.SetPasswordDone.as_view()),
        name="set_password_done",
    ),
    path("changes/", changes.change_list, name="change_list"),
]
