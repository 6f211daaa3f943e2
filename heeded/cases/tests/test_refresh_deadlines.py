"""``heeded refresh_deadlines`` brings stored deadlines in step with the rules."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from heeded.cases import actions
from heeded.cases.models import Case

from .factories import record

D = dt.date
pytestmark = pytest.mark.django_db


def refresh() -> str:
    out = io.StringIO()
    call_command("refresh_deadlines", stdout=out)
    return out.getvalue().strip()


def test_a_stale_deadline_is_recomputed_and_a_current_one_left_alone(officer):
    stale = record(officer, received_on=D(2022, 9, 12))
    current = record(officer, received_on=D(2022, 9, 12))
    closed = record(officer, received_on=D(2022, 9, 12))
    actions.respond_to_stage(closed, 1, by=officer, on=D(2022, 9, 20), outcome="upheld")
    actions.close(closed, by=officer, on=D(2022, 9, 21))
    right = (Case.objects.get(pk=stale.pk).next_deadline, stale.next_deadline_what)
    # As an older release might have left it, or before a new bank holiday was declared.
    Case.objects.filter(pk=stale.pk).update(next_deadline=D(2022, 9, 1), next_deadline_what="x")
    versions = dict(Case.objects.values_list("pk", "version"))

    assert refresh() == "2 open cases checked; 1 had a deadline changed."

    stale.refresh_from_db()
    assert (stale.next_deadline, stale.next_deadline_what) == right
    # No one's open form is made stale by the repair.
    assert dict(Case.objects.values_list("pk", "version")) == versions
    assert refresh() == "2 open cases checked; 0 had a deadline changed."
    assert current.pk in versions
