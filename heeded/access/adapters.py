"""How allauth behaves for a council: staff accounts are made by an administrator, never by
signing up on the sign-in page."""

from allauth.account.adapter import DefaultAccountAdapter


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def get_client_ip(self, request) -> str:
        """The address failed sign-ins are counted against: the one the online forms' limits
        use (``PUBLIC_CLIENT_IP_HEADER`` behind a proxy), so that behind a proxy everyone
        is not one address and a stranger's wrong guesses do not lock the whole council out.
        """
        from heeded.public.ratelimit import client_ip

        return client_ip(request) or super().get_client_ip(request)
