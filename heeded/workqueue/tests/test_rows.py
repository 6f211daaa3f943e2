"""The rows of the dashboard's panels and of the case list, and the list's filter boxes,
which are written by template tags (workqueue.templatetags.workqueue) rather than the
template language: every value escaped as a template would, and each cell and box saying
what it said before."""

import datetime as dt

from django.contrib.auth import get_user_model

from heeded.cases.models import CaseParty
from heeded.cases.tests.factories import PersonFactory

from .conftest import complaint


def row_of(page: str, reference: str) -> str:
    """The table row whose first cell links to ``reference``."""
    start = page.index(f">{reference}</a></th>")
    return page[page.rindex("<tr", 0, start) : page.index("</tr>", start)]


def test_a_list_row_names_two_people_at_most_escaped(client, officer, caseload):
    case = complaint(officer, dt.date(2022, 10, 11), name="Sam <b>Smith</b> & Co")
    for name in ("Ola Nowak", "Third Person"):
        CaseParty.objects.create(case=case, person=PersonFactory(full_name=name), role="other")
    client.force_login(officer)
    row = row_of(client.get("/cases/").content.decode(), case.reference)
    assert "Sam &lt;b&gt;Smith&lt;/b&gt; &amp; Co<br>Ola Nowak</td>" in row
    assert "Third Person" not in row


def test_a_young_person_complaining_for_themselves_is_named_once(client, officer, caseload):
    # They are both the complainant and the child the complaint is about.
    alex = PersonFactory(full_name="Alex")
    case = complaint(
        officer,
        dt.date(2022, 10, 11),
        people=[(alex, "complainant", "Themselves"), (alex, "child", "")],
    )
    client.force_login(officer)
    row = row_of(client.get("/cases/").content.decode(), case.reference)
    assert '">Alex</td>' in row and "Alex<br>Alex" not in row
    csv = b"".join(client.get("/cases/export.csv").streaming_content).decode()
    assert f"{case.reference}," in csv and ",Alex," in csv and "Alex; Alex" not in csv


def test_a_list_row_says_when_nobody_and_no_officer_are_recorded(client, officer, caseload):
    client.force_login(officer)
    page = client.get("/cases/").content.decode()
    closed = row_of(page, caseload["closed"].reference)
    assert '<span class="app-secondary-text">None recorded</span>' in closed
    assert 'Closed <span class="app-nowrap">5 Oct 2022</span>' in closed
    assert '<span class="app-secondary-text">No deadline</span>' in closed
    due_today = row_of(page, caseload["due_today"].reference)
    assert '<span class="app-secondary-text">Not assigned</span>' in due_today
    assert '<td class="govuk-table__cell">Stage 1</td>' in due_today


def test_dashboard_rows_tag_overdue_red_and_due_today_orange(client, officer, caseload):
    get_user_model().objects.filter(pk=officer.pk).update(first_name="Al", last_name="<Ng>")
    client.force_login(officer)
    page = client.get("/").content.decode()
    overdue = row_of(page, caseload["overdue"].reference)
    assert '<strong class="govuk-tag govuk-tag--red">4 working days overdue</strong>' in overdue
    assert '<td class="govuk-table__cell">Al &lt;Ng&gt;</td>' in overdue
    assert "12 Oct 2022" not in overdue
    due_today = row_of(page, caseload["due_today"].reference)
    assert '<strong class="govuk-tag govuk-tag--orange">Due today</strong>' in due_today
    assert '12 Oct 2022<br><span class="govuk-body-s app-secondary-text">' in due_today


def test_the_filter_boxes_keep_what_was_typed_escaped_and_point_to_their_hint_and_error(
    client, officer, caseload
):
    client.force_login(officer)
    page = client.get('/cases/?q=<b>"Smith"&received_to=12/9/22&status=open').content.decode()
    assert (
        '<input class="govuk-input govuk-!-width-two-thirds" id="id_q" name="q" type="search"'
        ' value="&lt;b&gt;&quot;Smith&quot;" spellcheck="false">'
    ) in page
    assert (
        '<div class="govuk-form-group">\n'
        '  <label class="govuk-label" for="id_received_from">Received from</label>\n'
        '  <div id="id_received_from-hint" class="govuk-hint">For example, 1/4/2025</div>\n'
        '  <input class="govuk-input" id="id_received_from" name="received_from" type="text"'
        ' value="" aria-describedby="id_received_from-hint" spellcheck="false">\n</div>'
    ) in page
    assert (
        '<div class="govuk-form-group govuk-form-group--error">\n'
        '  <label class="govuk-label" for="id_received_to">Received to</label>\n'
        '  <div id="id_received_to-hint" class="govuk-hint">For example, 31/3/2026</div>\n'
        '  <p id="id_received_to-error" class="govuk-error-message"><span class="govuk-visually-'
        'hidden">Error:</span> Year must include 4 numbers, for example 27/3/2025</p>\n'
        '  <input class="govuk-input govuk-input--error" id="id_received_to" name="received_to"'
        ' type="text" value="12/9/22"'
        ' aria-describedby="id_received_to-hint id_received_to-error" spellcheck="false">\n'
        "</div>"
    ) in page
    assert '<label class="govuk-label" for="id_status">Open or closed</label>' in page
    assert '<option value="open" selected>Open</option>' in page
