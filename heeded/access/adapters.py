"""How allauth behaves for a council: staff accounts are made by an administrator, never by
signing up on the sign-in page."""

from allauth.account.adapter import DefaultAccountAdapter


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False
