"""What the public see when a page cannot be shown or a form cannot be taken: the public
service's own pages, leading back to its start, never to the staff's sign-in."""

import pytest
from django.test import Client
from django.urls import reverse

from .journeys import step_url

START = reverse("public:start")


def _leads_only_to_the_public_start(page: str) -> None:
    assert f'href="{START}"' in page
    assert 'href="/"' not in page  # "/" is the staff dashboard: a sign-in page to them
    assert "Complaints, compliments and comments" in page


@pytest.mark.django_db
def test_a_form_page_sent_without_its_cookie_says_why_in_the_public_services_own_page():
    # QA: cookies cleared (or blocked) while a child's page was open sent them, by both
    # links on the page, to the staff sign-in page of a site titled "Heeded".
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        step_url("young-person", "your-name"),
        {"first_name": "Kai", "csrfmiddlewaretoken": "made-up"},
    )
    page = response.content.decode()
    assert response.status_code == 403
    _leads_only_to_the_public_start(page)
    assert "cookies" in page
    assert "CSRF" not in page


@pytest.mark.django_db
def test_an_address_under_the_public_forms_that_does_not_exist_leads_back_to_them(client):
    response = client.get("/feedback/complaint/no-such-question/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    _leads_only_to_the_public_start(page)


@pytest.mark.django_db
def test_a_confirmation_opened_in_another_browser_leads_back_to_the_public_forms(client):
    response = client.get("/feedback/young-person/sent/6f2c5b1e-0c1d-4c53-9a7e-1b1d3f9d8a11/")
    assert response.status_code == 404
    _leads_only_to_the_public_start(response.content.decode())


@pytest.mark.django_db
def test_a_staff_address_that_does_not_exist_keeps_the_staff_not_found_page(admin_client):
    response = admin_client.get("/cases/no-such-page/")
    assert response.status_code == 404
    assert 'href="/"' in response.content.decode()


HELP_NOW = "If you do not feel safe"


def _sent_after_time_out(journey: str):
    return Client().post(
        reverse("public:check", args=[journey]), {"token": "6f2c5b1e-0c1d-4c53-9a7e-1b1d3f9d8a11"}
    )


@pytest.mark.django_db
def test_a_problem_on_the_childs_route_still_says_where_to_get_help_at_once():
    # WCAG 3.2.6: every page of the child's route ends with 999 and Childline; its problem
    # pages (timed out, too many pages, cookies) had none.
    timed_out = _sent_after_time_out("young-person")
    assert timed_out.status_code == 400
    assert HELP_NOW in timed_out.content.decode()
    no_cookie = Client(enforce_csrf_checks=True).post(
        step_url("young-person", "contact"), {"csrfmiddlewaretoken": "made-up"}
    )
    assert no_cookie.status_code == 403
    assert HELP_NOW in no_cookie.content.decode()
    # "Start again" starts the child's route again, not the adults' start page.
    start_again = f'href="{reverse("public:young_person_start")}">Start again</a>'
    assert start_again in no_cookie.content.decode()
    assert HELP_NOW not in _sent_after_time_out("complaint").content.decode()


@pytest.mark.django_db
def test_a_problem_page_offers_only_ways_to_reach_the_team_that_it_gives():
    # It said "You can also phone or write to the complaints team", with no number or
    # address to phone or write to.
    page = _sent_after_time_out("complaint").content.decode()
    assert "phone" not in page
    assert "write to" not in page
    assert 'href="mailto:complaints@' in page or "email" not in page
