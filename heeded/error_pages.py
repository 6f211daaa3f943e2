"""Error pages Django leaves blank, and the public's own.

Django's ``require_POST`` and friends answer a wrong method with an empty 405: someone who
follows a bookmarked "retire" or "close" address, or types one, would see a blank page.

Under the public forms' address, "not found" and "form not sent" are the public service's
pages: the staff's, titled "Heeded", led only to "/", the staff sign-in.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import csrf, defaults


def is_public(request) -> bool:
    return request.path.startswith(reverse("public:start"))


def page_not_found(request, exception):
    if is_public(request):
        from heeded.public.views import not_found

        return not_found(request)
    return defaults.page_not_found(request, exception)


def csrf_failure(request, reason=""):
    if is_public(request):
        from heeded.public.views import form_not_taken

        return form_not_taken(request)
    return csrf.csrf_failure(request, reason)


def request_too_large(request):
    """A form refused unread for its size (heeded.access.middleware.RequestSizeLimitMiddleware)."""
    if is_public(request):
        from heeded.public.views import too_large

        return too_large(request)
    return HttpResponse(render_to_string("400.html"), status=413)


class MethodNotAllowedPage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
