"""Sign-in for every page, by default.

Django's ``LoginRequiredMiddleware`` refuses anonymous visitors everywhere except views
marked ``@login_not_required`` (allauth's sign-in pages, the admin's login). The public's
feedback forms are the one part of Heeded meant for people without an account, so their
whole URL namespace is let through here, declared once, instead of trusting every view in
that app to remember a decorator.
"""

from django.contrib.auth.middleware import LoginRequiredMiddleware

# URL namespaces (app_name) that the public may use without signing in.
PUBLIC_NAMESPACES = frozenset({"public"})


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is not None and PUBLIC_NAMESPACES.intersection(match.namespaces):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
