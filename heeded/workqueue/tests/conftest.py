"""A small caseload on a fixed day, for the dashboard and case list tests.

Wednesday 12 October 2022, a normal working week. Complaints follow the Children Act 1989
procedure: acknowledged within 3 working days of receipt, so the case's next deadline is its
acknowledgement until someone acknowledges it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from heeded.calendars.models import ClosureDay
from heeded.cases import actions
from heeded.cases.documents import add_document
from heeded.cases.models import CaseParty
from heeded.cases.tests.factories import PersonFactory, record
from heeded.reports.models import Recommendation, RecommendationProgress

TODAY = dt.date(2022, 10, 12)


@pytest.fixture
def on_a_wednesday():
    with time_machine.travel(
        dt.datetime(2022, 10, 12, 10, 30, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield TODAY


def complaint(by, received_on: dt.date, *, name: str = "", officer=None, **details):
    case = record(by, "complaint", received_on=received_on, **details)
    if name:
        CaseParty.objects.create(
            case=case, person=PersonFactory(full_name=name), role="complainant"
        )
    if officer is not None:
        case = actions.assign(case, by=by, officer=officer)
    return case


@pytest.fixture
def caseload(on_a_wednesday, officer, manager, code):
    """One case in each dashboard queue, plus a closed compliment that is in none.

    - overdue: received Mon 3 Oct, acknowledgement was due Thu 6 Oct (4 working days ago)
    - due today: received Fri 7 Oct, acknowledgement due Wed 12 Oct
    - due soon: received Tue 11 Oct, acknowledgement due Fri 14 Oct (2 working days left)
    - later: received Mon 10 Oct and acknowledged, Stage 1 response due Mon 24 Oct
    """
    overdue = complaint(
        officer,
        dt.date(2022, 10, 3),
        name="Priya Shah",
        officer=officer,
        summary="Social worker changed three times in a year",
        service_teams=[code("service_team", "fostering")],
        natures=[code("nature", "delay")],
    )
    due_today = complaint(manager, dt.date(2022, 10, 7), name="Tom Okafor")
    due_soon = complaint(officer, dt.date(2022, 10, 11), name="Ann Lee", officer=manager)
    later = complaint(
        officer,
        dt.date(2022, 10, 10),
        name="Bea Kowalski",
        officer=officer,
        service_teams=[code("service_team", "inclusion")],
    )
    later = actions.acknowledge(later, by=officer, on=dt.date(2022, 10, 10))
    compliment = record(officer, "compliment", received_on=dt.date(2022, 10, 4))
    compliment = actions.close(compliment, by=officer, on=dt.date(2022, 10, 5))
    return {
        "overdue": overdue,
        "due_today": due_today,
        "due_soon": due_soon,
        "later": later,
        "closed": compliment,
    }


@pytest.fixture
def workqueue_live_server(request):
    """pytest-django's live server, started with a MEDIA_URL it can parse.

    Heeded sets MEDIA_URL = None (documents are served only through a checked view); the live
    server's media handler parses MEDIA_URL once, when it starts, and fails on None.
    (As in heeded/public/tests/conftest.py; a string MEDIA_URL in settings would fix both.)
    """
    from django.conf import settings

    original = settings.MEDIA_URL
    if original is None:
        settings.MEDIA_URL = "/documents-not-served/"
    try:
        return request.getfixturevalue("live_server")
    finally:
        settings.MEDIA_URL = original


@pytest.fixture(autouse=True)
def default_codes(request):
    """The default taxonomy, put back if a transactional test's flush emptied it.

    Browser tests (live server) are transactional: Django flushes every table after them,
    including the codes the migrations seeded, and a test that runs next in the same worker
    would find no record types.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from heeded.taxonomy.seeding import seed_default_taxonomy

    seed_default_taxonomy()


@pytest.fixture
def examples(officer, responding, settings, tmp_path):
    """URL argument values by name, from real rows (the whole-site sweeps), and the values
    that differ for particular URL names."""
    settings.MEDIA_ROOT = tmp_path
    complainant = PersonFactory(full_name="Dana Whitlock")
    case = record(officer, "complaint", people=[(complainant, "complainant", "Mother")])
    case = actions.assign(case, by=officer, responding_manager=responding)
    letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter", "application/pdf")
    document = add_document(case, letter, by=officer)
    closure = ClosureDay.objects.create(date=dt.date(2022, 12, 28), description="Office closed")
    raised = Recommendation.objects.create(
        title="Timeliness", text="Reply on time.", raised_in="2022/23"
    )
    progress = RecommendationProgress.objects.create(
        recommendation=raised, period_label="2023/24", text="Most replies are on time."
    )
    recommendation = {"pk": raised.pk}
    by_name = {
        "casework:document": {"pk": document.pk},
        "casework:person": {"party": case.parties.get().pk},
        # The same name again, on file: someone the complainant may be.
        "casework:same_person": {
            "party": case.parties.get().pk,
            "person": PersonFactory(full_name="Dana Whitlock").pk,
        },
        "reference:closure_remove": {"pk": closure.pk},
        "reference:unit_edit": {"code": "fostering"},
        "reference:unit_retire": {"code": "fostering"},
        "reports:cases": {"key": "complaint"},
        "reports:recommendation_edit": recommendation,
        "reports:recommendation_remove": recommendation,
        "reports:progress_add": recommendation,
        "reports:progress_edit": recommendation | {"progress_pk": progress.pk},
        "reports:progress_remove": recommendation | {"progress_pk": progress.pk},
    }
    return example_arguments(case, officer), by_name


def example_arguments(case, staff) -> dict[str, object]:
    return {
        "reference": case.reference,
        "record_type": "complaint",
        "action": "note",
        "kind": "nature",
        "code": "delay",
        # reports for the year 2022/23
        "start": "2022-04-01",
        "end": "2023-03-31",
        "version": "public",
        "fmt": "json",
        "measure": "representations.by_type",
        # the public's forms
        "journey": "complaint",
        "step": "your-name",
        "token": "6f1c6c1e-8a3b-4c1e-9a55-1d6b0f3f2f10",
        # set-password links: a made-up one gives the "link not valid" page
        "uidb64": "MQ",
        "pk": staff.pk,
        "case_pk": case.pk,
        "case_id": case.pk,
        "number": 1,
        "stage": 1,
        "stage_number": 1,
        # allauth's emailed links; made-up values give its "link not valid" page
        "key": "not-a-real-key",
        "uidb36": "1",
        # Django's admin
        "app_label": "auth",
        "object_id": "1",
        "id": "1",
        "content_type_id": "1",
    }
