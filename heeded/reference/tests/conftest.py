import pytest


@pytest.fixture
def as_manager(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def as_admin(client, admin_user):
    client.force_login(admin_user)
    return client


def errors_of(response) -> list[str]:
    """The messages in the page's GOV.UK error summary."""
    form = response.context["form"]
    return [message for _, message in form.error_links()]
