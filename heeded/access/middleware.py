"""Sign-in for every page, by default.

Django's ``LoginRequiredMiddleware`` refuses anonymous visitors everywhere except views
marked ``@login_not_required`` (allauth's sign-in pages, the admin's login). The public's
feedback forms are the one part of Heeded meant for people without an account, so their
whole URL namespace is let through here, declared once, instead of trusting every view in
that app to remember a decorator.
"""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.utils.cache import add_never_cache_headers

from heeded.error_pages import is_public, request_too_large

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


# Room for a form's other boxes and the multipart framing around its files.
FORM_MARGIN_BYTES = 1024 * 1024


class RequestSizeLimitMiddleware:
    """Someone not signed in cannot make the server read more than a page of theirs needs.

    Django limits a form's text (DATA_UPLOAD_MAX_MEMORY_SIZE) but not its files, which it
    writes to a temporary file, however large, before any view (or the CSRF check) runs: a
    script could post gigabytes to any address and fill the server's disk. A request
    declaring more than the page can take is refused, unread: on the public's forms, their
    attachments at the most (PUBLIC_UPLOAD_MAX_FILES of PUBLIC_UPLOAD_MAX_MB); elsewhere,
    the text limit. Signed-in staff are left to each page's own limit (documents, imports).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Most requests declare no body: the limit is worked out only for those that do.
        size = _declared_size(request)
        if size and size > _limit(request):
            return request_too_large(request)
        return self.get_response(request)


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _limit(request) -> int | float:
    from django.conf import settings

    if is_public(request):
        from heeded.public import conf

        return conf.upload_max_files() * conf.upload_max_bytes() + FORM_MARGIN_BYTES
    if request.user.is_authenticated:
        return float("inf")
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE + FORM_MARGIN_BYTES
