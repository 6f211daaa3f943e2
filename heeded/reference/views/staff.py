from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm as DjangoSetPasswordForm
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from heeded.access.policies import can_manage_administrators, can_manage_staff
from heeded.access.roles import ROLES

from ..forms.base import GovukForm
from ..forms.staff import StaffForm
from ..services import staff as service
from .access import allowed_if, apply_errors

User = get_user_model()


def _staff():
    from django.contrib.auth.models import Group

    return User.objects.prefetch_related(
        Prefetch("groups", queryset=Group.objects.filter(name__in=[r.value for r in ROLES]))
    )


def _with_roles(user, *, by):
    user.role_labels = [ROLES[role].label for role in service.roles_of(user)]
    user.may_change = service.may_change(user, by=by)
    return user


@allowed_if(can_manage_staff)
def staff_list(request):
    people = [
        _with_roles(person, by=request.user)
        for person in _staff().order_by("-is_active", "last_name", "first_name")
    ]
    return render(
        request,
        "reference/staff_list.html",
        {"people": people, "may_give_administrator": can_manage_administrators(request.user)},
    )


def _link_page(request, person, *, added: bool):
    path = service.set_password_path(person, by=request.user)
    return render(
        request,
        "reference/staff_link.html",
        {"person": person, "link": request.build_absolute_uri(path), "added": added},
    )


@allowed_if(can_manage_staff)
def staff_add(request):
    form = StaffForm(request.POST or None, adding=True, roles=service.roles_given_by(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            person = service.add_staff(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            # Shown once, straight away: the link is not kept anywhere.
            return _link_page(request, person, added=True)
    return render(request, "reference/staff_form.html", {"form": form})


@allowed_if(can_manage_staff)
def staff_edit(request, pk):
    person = get_object_or_404(_staff(), pk=pk)
    service.check_may_change(person, by=request.user)
    initial = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "roles": [role.value for role in service.roles_of(person)],
    }
    form = StaffForm(
        request.POST or None,
        initial=initial,
        adding=False,
        roles=service.roles_given_by(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.update_staff(person, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{person.get_full_name()} saved")
            return redirect("reference:staff_list")
    return render(request, "reference/staff_form.html", {"form": form, "person": person})


@require_POST
@allowed_if(can_manage_staff)
def staff_active(request, pk):
    person = get_object_or_404(User, pk=pk)
    name = person.get_full_name() or person.username
    try:
        if request.POST.get("active") == "true":
            service.reactivate_staff(person, by=request.user)
            messages.success(request, f"{name} can sign in again")
        else:
            service.deactivate_staff(person, by=request.user)
            messages.success(request, f"{name} is deactivated and can no longer sign in")
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reference:staff_edit", pk=person.pk)
    return redirect("reference:staff_list")


@require_POST
@allowed_if(can_manage_staff)
def staff_password_link(request, pk):
    person = get_object_or_404(User, pk=pk)
    try:
        return _link_page(request, person, added=False)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reference:staff_edit", pk=person.pk)


class SetPasswordForm(DjangoSetPasswordForm, GovukForm):
    error_messages = {"password_mismatch": "The passwords do not match"}
    called = {"new_password2": "The password typed again"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Password"
        self.fields["new_password1"].error_messages["required"] = "Enter a password"
        self.fields["new_password2"].label = "Type the password again"
        self.fields["new_password2"].error_messages["required"] = "Type the password again"
        self.fields["new_password2"].help_text = ""


class SetPassword(auth_views.PasswordResetConfirmView):
    """The page a new member of staff's link opens: no sign-in needed, the token is the key."""

    template_name = "reference/set_password.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("reference:set_password_done")
    reset_url_token = "set-password"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A deactivated account's old link must not bring it back to life.
        return user if user is not None and user.is_active else None


class SetPasswordDone(auth_views.PasswordResetCompleteView):
    template_name = "reference/set_password_done.html"
