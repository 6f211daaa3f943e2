from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from heeded.access import views as access_views

admin.site.site_header = "Heeded administration"
admin.site.site_title = "Heeded"
# The admin's own sign-in form checks passwords without allauth's limit on failed sign-ins,
# so an administrator's password could be guessed there without end: it sends people to
# Heeded's sign-in page instead (and refuses a signed-in account that is not staff).
admin.site.login = secure_admin_login(admin.site.login)
handler404 = "heeded.error_pages.page_not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Your own account; its email address is an administrator's to set, so allauth's page
    # for adding and verifying addresses is replaced by it.
    path("accounts/", access_views.your_account, name="your_account"),
    path("accounts/email/", access_views.your_account, name="account_email"),
    # Sign-in, sign-out and password reset (django-allauth; sign-up is closed).
    path("accounts/", include("allauth.urls")),
    # "Stay signed in" in the timeout warning (heeded/static/js/timeout-warning.js).
    path("session/keep-alive/", access_views.keep_alive, name="session_keep_alive"),
    # How long the session has left, without renewing it: asked when a tab's clock runs out.
    path("session/status/", access_views.session_status, name="session_status"),
    # Each app owns its own prefix; see the app's urls.py.
    path("", include("heeded.workqueue.urls")),  # dashboards, case list
    path("cases/", include("heeded.casework.urls")),  # recording and the case page
    path("settings/", include("heeded.reference.urls")),  # reference data, staff
    path("reports/", include("heeded.reports.urls")),
    path("import/", include("heeded.interchange.urls")),
    path("feedback/", include("heeded.public.urls")),  # the public's forms, no sign-in
]
