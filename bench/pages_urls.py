"""Heeded's URLs plus ``/bench/bare/``: a view that does nothing but answer, through the
same middleware (sessions, sign-in, CSP), so bench.pages can show what pages cost beyond
Django itself. Used only by the benchmark's server (bench.pages_site)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import include, path


@login_not_required
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("heeded.urls"))]
