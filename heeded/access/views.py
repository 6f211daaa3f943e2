"""The signed-in person's own account: who Heeded knows them as, and what they may change."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .roles import ROLES


@login_required
def your_account(request):
    """Name, username, email address and roles, with a link to change the password.

    The email address is an administrator's to set (reminders go to it), so it is shown,
    not edited: allauth's own page for adding and verifying addresses, which this replaces
    at the same address, offered "Re-send verification" on a site that verifies none.
    """
    given = set(request.user.groups.values_list("name", flat=True))
    roles = [definition for role, definition in ROLES.items() if role.value in given]
    return render(request, "account/your_account.html", {"roles": roles})
