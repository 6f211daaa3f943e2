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


# The shared browser fixture, but with bypass_csp: axe-core is injected as an inline script,
# which the site's Content-Security-Policy (script-src 'self') rightly blocks. (With
# bypass_csp=True in heeded/tests_support/browser.py this override can go.)
@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", bypass_csp=True
    )
    yield context.new_page()
    context.close()
