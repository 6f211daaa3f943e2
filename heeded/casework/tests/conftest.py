"""Cases for the casework tests, recorded the way the application records them.

Monday 12 September 2022: a complaint under the Children Act 1989 procedure. Stage 1 is due
10 working days later, on Monday 26 September (19 September, the Queen's State Funeral, was
a bank holiday), and may be extended to 20 working days.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from heeded.cases.tests.factories import PersonFactory, record

RECEIVED = dt.date(2022, 9, 12)


@pytest.fixture
def complaint(officer, code):
    return record(
        officer,
        "complaint",
        received_on=RECEIVED,
        summary="Social worker did not return calls for three weeks.",
        natures=[code("nature", "poor_communication")],
        outcomes_sought=[code("outcome", "apology")],
        service_teams=[code("service_team", "children_looked_after")],
        people=[(PersonFactory(full_name="Dana Whitlock"), "complainant", "Mother")],
    )


@pytest.fixture
def on_14_september_2022():
    with time_machine.travel(
        dt.datetime(2022, 9, 14, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield dt.date(2022, 9, 14)


def date_parts(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def action_url(case, action: str) -> str:
    return f"/cases/{case.reference}/{action}/"


@pytest.fixture
def taxonomy(db):
    # Transactional tests (the live server's) run after a flush that empties the tables the
    # migrations seeded: put the default codes back.
    from heeded.taxonomy.seeding import seed_default_taxonomy

    seed_default_taxonomy()


@pytest.fixture
def casework_live_server(live_server, taxonomy):
    """The live server, with the default taxonomy back after a transactional flush."""
    return live_server
