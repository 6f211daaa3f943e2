"""Sign-in for every page, by default.

Django's ``LoginRequiredMiddleware`` refuses anonymous visitors everywhere except views
marked ``@login_not_required`` (allauth's sign-in pages, the admin's login). The public's
feedback forms are the one part of Heeded meant for people without an account, so their
whole URL namespace is let through here, declared once, instead of trusting every view in
that app to remember a decorator.
"""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.utils.cache import add_never_cache_headers

# URL namespaces (app_name) that the public may use without signing in.
PUBLIC_NAMESPACES = frozenset({"public"})


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is not None and PUBLIC_NAMESPACES.intersection(match.namespaces):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class NoStoreWhenSignedInMiddleware:
    """Every page and download a signed-in member of staff is sent is marked
    ``Cache-Control: no-store``: the browser keeps no copy on disk, and Back after signing
    out on a shared office computer does not show the next person a child's complaint.

    Static files never reach here (whitenoise answers them first), so they are still cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
