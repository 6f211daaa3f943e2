"""Stopping the chasing on one case: the complainant agreed to wait for a meeting, a court or
police matter holds it, or the manager is on leave. The complaints team stops and starts the
reminders from the case page, saying why; the clock runs on."""

import pytest

from heeded.cases import actions
from heeded.cases.models import CaseEvent, EventKind
from heeded.casework.moves import available_moves
from heeded.casework.timeline import timeline

from .conftest import action_url

pytestmark = pytest.mark.django_db

WHY = "Mrs Whitlock has agreed to wait while a meeting with the team manager is arranged."


@pytest.fixture
def chased(complaint, officer, responding):
    actions.assign(complaint, by=officer, responding_manager=responding, stage_number=1)
    complaint.refresh_from_db()
    return complaint


def stop(client, case, reason=WHY):
    case.refresh_from_db()
    return client.post(
        action_url(case, "stop-reminders"), {"expected_version": case.version, "reason": reason}
    )


def start(client, case):
    case.refresh_from_db()
    return client.post(action_url(case, "start-reminders"), {"expected_version": case.version})


def offered(case, user) -> set[str]:
    case.refresh_from_db()
    return {m.slug for m in available_moves(case, user)} & {"stop-reminders", "start-reminders"}


@pytest.mark.parametrize("who", ["officer", "manager"])
def test_the_complaints_team_stops_reminders_saying_why_and_the_timeline_says_who(
    client, chased, who, request, on_14_september_2022
):
    user = request.getfixturevalue(who)
    assert offered(chased, user) == {"stop-reminders"}
    client.force_login(user)
    form = client.get(action_url(chased, "stop-reminders")).content.decode()
    assert "Why are reminders being stopped?" in form
    assert "stopping reminders does not stop the statutory clock" in form

    response = stop(client, chased)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"Reminders stopped on {chased.reference}" in page  # the banner

    chased.refresh_from_db()
    assert (chased.reminders_stopped_on.isoformat(), chased.reminders_stopped_by) == (
        "2022-09-14",
        user,
    )
    assert chased.reminders_stopped_reason == WHY
    event = CaseEvent.objects.get(case=chased, kind=EventKind.REMINDERS_STOPPED)
    assert (event.by, event.happened_on.isoformat(), event.description) == (
        user,
        "2022-09-14",
        WHY,
    )
    entry = next(e for e in timeline(chased) if e.kind == EventKind.REMINDERS_STOPPED)
    assert (entry.title, entry.text, entry.by) == ("Reminders stopped", WHY, user)
    assert offered(chased, user) == {"start-reminders"}


def test_the_case_page_says_beside_the_deadline_that_reminders_are_stopped_and_the_clock_runs(
    client, officer, manager, chased, on_14_september_2022
):
    client.force_login(officer)
    assert "app-reminders-stopped" not in client.get(f"/cases/{chased.reference}/").content.decode()
    actions.stop_reminders(chased, by=manager, reason=WHY)
    page = client.get(f"/cases/{chased.reference}/").content.decode()
    notice = page[page.index("app-reminders-stopped") : page.index('<div class="govuk-grid-row">')]
    assert (
        "Reminders stopped on 14 September 2022 by Manager Tester: responding managers are not "
        "being chased."
    ) in notice
    assert "Mrs Whitlock has agreed to wait" in notice
    assert "The deadline still counts: stopping reminders does not stop the statutory clock." in (
        notice
    )
    # The deadline above it is unchanged, still counting (not acknowledged yet: the response
    # counts from the last day it may be acknowledged).
    assert page.index("app-deadline-panel") < page.index("app-reminders-stopped")
    panel = page[page.index("app-deadline-panel") : page.index("app-reminders-stopped")]
    assert "Stage 1 response</strong> due 27 September 2022" in panel
    assert "8 working days left" in panel


def test_starting_again_records_what_was_undone_and_the_page_no_longer_says_stopped(
    client, officer, manager, chased, on_14_september_2022
):
    actions.stop_reminders(chased, by=manager, reason=WHY)
    client.force_login(officer)
    form = client.get(action_url(chased, "start-reminders")).content.decode()
    assert "Reminders stopped on 14 September 2022 by Manager Tester: Mrs Whitlock" in form

    response = start(client, chased)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"Reminders started again on {chased.reference}" in page
    assert "app-reminders-stopped" not in page
    chased.refresh_from_db()
    assert not chased.reminders_stopped
    assert (chased.reminders_stopped_by, chased.reminders_stopped_reason) == (None, "")
    event = CaseEvent.objects.get(case=chased, kind=EventKind.REMINDERS_STARTED)
    assert (event.by, event.happened_on.isoformat()) == (officer, "2022-09-14")
    assert event.description == f"Reminders stopped on 14 September 2022 by Manager Tester: {WHY}"
    entry = next(e for e in timeline(chased) if e.kind == EventKind.REMINDERS_STARTED)
    assert entry.title == "Reminders started again"
    assert offered(chased, officer) == {"stop-reminders"}


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_a_reason_is_required_and_nothing_is_stopped_without_one(client, officer, chased, reason):
    client.force_login(officer)
    response = stop(client, chased, reason)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter why reminders are being stopped on this case" in page
    assert 'href="#id_reason"' in page  # the error summary links to the box
    chased.refresh_from_db()
    assert not chased.reminders_stopped
    assert not CaseEvent.objects.filter(kind=EventKind.REMINDERS_STOPPED).exists()


def test_the_action_itself_refuses_no_reason_and_stopping_twice(officer, chased):
    with pytest.raises(actions.ProcedureError, match="Enter why reminders") as refused:
        actions.stop_reminders(chased, by=officer, reason=" ")
    assert refused.value.field == "reason"
    actions.stop_reminders(chased, by=officer, reason=WHY)
    with pytest.raises(actions.ProcedureError, match="they are already stopped on"):
        actions.stop_reminders(chased, by=officer, reason="Again")
    actions.start_reminders(chased, by=officer)
    with pytest.raises(actions.ProcedureError, match="Reminders are not stopped on"):
        actions.start_reminders(chased, by=officer)
    assert CaseEvent.objects.filter(kind=EventKind.REMINDERS_STOPPED).count() == 1


def test_a_responding_manager_cannot_stop_or_start_the_chasing_of_their_own_case(
    client, officer, responding, chased
):
    assert offered(chased, responding) == set()
    client.force_login(responding)
    assert client.get(action_url(chased, "stop-reminders")).status_code == 403
    assert stop(client, chased).status_code == 403
    actions.stop_reminders(chased, by=officer, reason=WHY)
    assert offered(chased, responding) == set()
    assert start(client, chased).status_code == 403
    chased.refresh_from_db()
    assert chased.reminders_stopped_by == officer


def test_a_report_viewer_cannot_stop_reminders(client, viewer, chased):
    client.force_login(viewer)
    assert client.get(action_url(chased, "stop-reminders")).status_code == 403
    assert stop(client, chased).status_code == 403
    chased.refresh_from_db()
    assert not chased.reminders_stopped


def test_an_old_link_after_a_colleague_stopped_them_says_by_whom(client, officer, manager, chased):
    client.force_login(officer)
    actions.stop_reminders(chased, by=manager, reason=WHY)
    response = client.get(action_url(chased, "stop-reminders"), follow=True)
    assert "by Manager Tester: they are already stopped on" in response.content.decode()
    response = stop(client, chased, "Mine too")
    assert response.status_code == 409  # overtaken: what was typed is shown back
    assert "Mine too" in response.content.decode()


def test_a_closed_case_offers_neither(officer, chased):
    actions.respond_to_stage(chased, 1, by=officer, on=chased.received_on, outcome="upheld")
    actions.close(chased, by=officer, on=chased.received_on)
    assert offered(chased, officer) == set()


def test_a_colleague_overtaken_by_a_stop_is_told_who_and_why_once(officer, manager, chased):
    from heeded.cases.actions.editing import changes_since

    chased.refresh_from_db()
    opened = chased.version
    actions.stop_reminders(chased, by=manager, reason=WHY)
    chased.refresh_from_db()
    assert changes_since(chased, opened) == [
        "Reminders stopped by Manager Tester",
        f"Why reminders were stopped: none became '{WHY}'",
    ]
