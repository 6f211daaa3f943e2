"""Who may open each settings page (heeded.access.policies decides; the views only ask).

- complaints managers: reference data (codes, teams, closure days, organisation), and staff
  and roles for everyone but administrators
- administrators: all of that, and administrators' accounts
- officers, responding managers, report viewers, people with no role: none of it
"""

import pytest
from django.urls import reverse

REFERENCE_PAGES = [
    ("reference:index", {}),
    ("reference:term_list", {"kind": "nature"}),
    ("reference:term_add", {"kind": "record-type"}),
    ("reference:term_edit", {"kind": "nature", "code": "delay"}),
    ("reference:unit_list", {}),
    ("reference:unit_add", {}),
    ("reference:unit_edit", {"code": "fostering"}),
    ("reference:closure_list", {}),
    ("reference:closure_add", {}),
    ("reference:organisation", {}),
    ("reference:change_list", {}),
]
STAFF_PAGES = [("reference:staff_list", {}), ("reference:staff_add", {})]
NOT_ALLOWED = ["officer", "responding", "viewer", "nobody"]


@pytest.mark.parametrize(("name", "kwargs"), REFERENCE_PAGES)
@pytest.mark.parametrize("who", ["manager", "admin_user"])
def test_managers_and_administrators_open_reference_data_pages(client, request, who, name, kwargs):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), REFERENCE_PAGES + STAFF_PAGES)
@pytest.mark.parametrize("who", NOT_ALLOWED)
def test_other_roles_are_refused_every_settings_page(client, request, who, name, kwargs):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 403
    assert "You do not have permission" in response.content.decode()


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
@pytest.mark.parametrize("who", ["manager", "admin_user"])
def test_managers_and_administrators_open_staff_pages(client, request, who, name, kwargs):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), REFERENCE_PAGES + STAFF_PAGES)
def test_people_not_signed_in_are_sent_to_sign_in(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


def test_an_officer_cannot_change_staff_by_posting(client, officer, manager):
    client.force_login(officer)
    url = reverse("reference:staff_active", kwargs={"pk": manager.pk})
    assert client.post(url, {"active": "false"}).status_code == 403
    manager.refresh_from_db()
    assert manager.is_active


def test_an_officer_cannot_retire_a_code_by_posting(client, officer, code):
    client.force_login(officer)
    url = reverse("reference:term_retire", kwargs={"kind": "nature", "code": "delay"})
    assert client.post(url).status_code == 403
    assert not code("nature", "delay").retired


def test_the_settings_page_shows_a_manager_codes_and_staff(as_manager):
    page = as_manager.get(reverse("reference:index")).content.decode()
    assert reverse("reference:term_list", kwargs={"kind": "nature"}) in page
    assert reverse("reference:staff_list") in page


def test_the_settings_page_shows_an_administrator_staff_and_codes(as_admin):
    page = as_admin.get(reverse("reference:index")).content.decode()
    assert reverse("reference:staff_list") in page
    assert reverse("reference:closure_list") in page


def test_an_unknown_kind_of_code_is_not_found(as_manager):
    url = reverse("reference:term_list", kwargs={"kind": "favourite-colours"})
    assert as_manager.get(url).status_code == 404
