"""Who changed what: every settings change, newest first; staff changes for administrators."""

import datetime as dt

from django.urls import reverse

from heeded.access.roles import Role
from heeded.reference.services import staff, taxonomy

URL = reverse("reference:change_list")


def test_a_change_shows_who_made_it_and_the_value_before_and_after(as_manager, manager, code):
    taxonomy.update_term(code("nature", "delay"), by=manager, label="Delay in answering")
    html = as_manager.get(URL).content.decode()
    assert "Manager Tester" in html
    assert "Nature of complaint: delay" in html
    assert "Changed: Label" in html
    assert "Delay in answering" in html


def test_the_log_names_settings_as_their_pages_do_not_as_the_database_does(as_manager, manager):
    from heeded.organisation.models import Organisation
    from heeded.reference.services import closures, organisation

    organisation.update_organisation(
        Organisation.current(), by=manager, small_number_threshold=10, mp_enquiry_working_days=15
    )
    closures.add_closure_day(by=manager, date=dt.date(2026, 12, 24), description="Christmas Eve")
    html = as_manager.get(URL).content.decode()
    assert "Organisation settings: Demo Borough Council" in html
    assert "Changed: Small number threshold" in html
    assert "Changed: Target for MP and councillor enquiries, in working days" in html
    assert "Closure day: 2026-12-24" in html
    assert "small_number_threshold" not in html and "closure_day" not in html


def test_managers_and_administrators_see_changes_to_staff(client, manager, admin_user):
    staff.add_staff(
        by=admin_user,
        username="jsmith",
        first_name="Jo",
        last_name="Smith",
        email="jo@council.example",
        roles=[Role.COMPLAINTS_OFFICER],
    )
    client.force_login(manager)
    assert "jsmith" in client.get(URL).content.decode()
    client.force_login(admin_user)
    assert "jsmith" in client.get(URL).content.decode()


def test_the_log_takes_the_same_queries_however_many_changes(
    as_manager, manager, code, django_assert_max_num_queries
):
    taxonomy.retire_term(code("nature", "delay"), by=manager)
    as_manager.get(URL)
    with django_assert_max_num_queries(10) as few:
        as_manager.get(URL)
    for n in range(20):
        taxonomy.update_term(code("nature", "funding"), by=manager, label=f"Funding {n}")
    most = len(few.captured_queries)  # now: a request empties Django's log of queries
    # The page after a change to the reference data reads the organisation again.
    as_manager.get(URL)
    with django_assert_max_num_queries(most):
        assert "Funding 19" in as_manager.get(URL).content.decode()
