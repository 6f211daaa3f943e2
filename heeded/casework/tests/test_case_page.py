"""The case page: what it shows, who may see it, and a query count that does not grow."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heeded.cases import actions
from heeded.cases.documents import add_document
from heeded.cases.models import ContactDirection

from .conftest import RECEIVED

pytestmark = pytest.mark.django_db


def test_the_case_page_shows_the_summary_deadline_and_timeline(
    client, officer, complaint, on_14_september_2022
):
    client.force_login(officer)
    page = client.get(f"/cases/{complaint.reference}/").content.decode()
    assert "Dana Whitlock" in page
    assert "Poor communication" in page and "Apology" in page
    # Received Monday 12 September 2022: acknowledgement due in 3 working days, Stage 1 in 10
    # (Monday 19 September was the Queen's State Funeral, a bank holiday).
    assert "Acknowledgement</strong> due 15 September 2022" in page
    assert "1 working day left" in page
    assert "Stage 1 response</strong> due 27 September 2022" in page
    assert "Recorded" in page and "Stage 1 started" in page


def test_the_timeline_merges_contacts_notes_and_documents_newest_first(
    client, officer, complaint, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    actions.log_contact(
        complaint,
        by=officer,
        happened_at=dt.datetime(2022, 9, 13, 9, 30, tzinfo=ZoneInfo("Europe/London")),
        direction=ContactDirection.OUTGOING,
        method=complaint.how_received or _email(),
        summary="Rang Ms Whitlock to discuss the complaint.",
        with_whom="Dana Whitlock",
    )
    actions.add_note(complaint, by=officer, text="Team manager aware.", on=RECEIVED)
    add_document(complaint, SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter"), by=officer)
    client.force_login(officer)
    page = client.get(f"/cases/{complaint.reference}/").content.decode()
    contact = page.index("Rang Ms Whitlock")
    recorded = page.index("Complaint (statutory) received")
    assert page.index("letter.pdf") < contact < recorded
    assert "Team manager aware." in page
    # A contact appears once, as the contact, not again as its event.
    assert page.count("Rang Ms Whitlock") == 1


def _email():
    from heeded.taxonomy.models import HowReceived

    return HowReceived.objects.get(code="email")


def test_an_unknown_reference_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get("/cases/CS-2099-99999/").status_code == 404


def test_a_responding_manager_sees_only_cases_assigned_to_them(
    client, officer, responding, complaint
):
    client.force_login(responding)
    # Not found rather than forbidden: references of other cases are not confirmed.
    assert client.get(f"/cases/{complaint.reference}/").status_code == 404
    actions.assign(complaint, by=officer, responding_manager=responding)
    assert client.get(f"/cases/{complaint.reference}/").status_code == 200


def test_a_report_viewer_is_refused_case_records(client, viewer, complaint):
    client.force_login(viewer)
    assert client.get(f"/cases/{complaint.reference}/").status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client, complaint):
    response = client.get(f"/cases/{complaint.reference}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_case_page_cannot_be_posted_to(client, officer, complaint):
    client.force_login(officer)
    assert client.post(f"/cases/{complaint.reference}/").status_code == 405


def _grow(case, officer, times: int, tmp_path) -> None:
    """Escalate to Stage 2 and add many notes, contacts, documents and payments."""
    actions.respond_to_stage(case, 1, by=officer, on=RECEIVED, outcome="not_upheld")
    actions.start_stage(case, 2, by=officer, requested_on=RECEIVED)
    for n in range(times):
        actions.add_note(case, by=officer, text=f"Note {n}", on=RECEIVED)
        actions.log_contact(
            case,
            by=officer,
            happened_at=dt.datetime(2022, 9, 13, 9, n % 60, tzinfo=ZoneInfo("Europe/London")),
            direction=ContactDirection.INCOMING,
            method=_email(),
            summary=f"Call {n}",
        )
        add_document(case, SimpleUploadedFile(f"scan{n}.pdf", b"%PDF-1.4 x"), by=officer)
        actions.record_payment(case, by=officer, amount="25.00", paid_on=RECEIVED)


@pytest.mark.parametrize("times", [1, 15])
def test_the_case_page_takes_the_same_number_of_queries_however_long_the_history(
    client, officer, complaint, times, settings, tmp_path, django_assert_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    _grow(complaint, officer, times, tmp_path)
    client.force_login(officer)
    client.get(f"/cases/{complaint.reference}/")  # warm the session and the user's roles
    with django_assert_num_queries(QUERIES):
        response = client.get(f"/cases/{complaint.reference}/")
    assert response.status_code == 200
    assert response.content.decode().count("app-timeline__item") >= 4 * times


# Session, user, roles, organisation, the case with its prefetches (stages, teams, natures,
# outcomes sought and given, payments, parties, events, contacts, documents), the session
# save. Fixed: it must not depend on the number of rows.
QUERIES = 18
