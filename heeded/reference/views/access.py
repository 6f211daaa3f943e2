from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def allowed_if(*predicates):
    """Signed-in people for whom any of ``predicates`` (from heeded.access.policies) holds."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not any(predicate(request.user) for predicate in predicates):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(checked)

    return decorator


def apply_errors(form, error) -> None:
    """Put a service's ValidationError beside the fields it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
