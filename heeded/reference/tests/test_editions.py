"""Reference data kept by each process is read again after any change, however it is made."""

import pytest
from django.contrib.auth.models import Group, User

from heeded.organisation.models import Organisation
from heeded.reference.editions import Kept, edition, one_request
from heeded.taxonomy.models import Nature, RecordType, ServiceTeam

pytestmark = pytest.mark.django_db


def in_a_request(look_up):
    with one_request():
        return look_up()


def test_a_value_is_read_once_an_edition_and_again_after_a_change():
    reads = []
    kept = Kept(lambda: len(reads.append(1) or reads))
    assert in_a_request(kept.get) == 1
    assert in_a_request(kept.get) == 1
    # An update() of many rows sends no signal; the database's trigger still sees it.
    Nature.objects.filter(code="delay").update(label="Too slow")
    assert in_a_request(kept.get) == 2
    assert in_a_request(kept.get) == 2


def test_outside_a_request_a_value_is_always_read_afresh():
    reads = []
    kept = Kept(lambda: len(reads.append(1) or reads))
    assert in_a_request(kept.get) == 1
    assert kept.get() == 2
    assert edition() is None


def test_a_request_looks_the_edition_up_once(django_assert_num_queries):
    with one_request(), django_assert_num_queries(1):
        assert edition() == edition() is not None


def _new_team(user):
    ServiceTeam.objects.create(code="new_team", label="New team").delete()


CHANGES = {
    # Each given an officer, who can be given cases.
    "a label updated": lambda user: RecordType.objects.update(label="Renamed"),
    "a code added and removed": _new_team,
    "the organisation renamed": lambda user: Organisation.objects.update(name="Other Council"),
    "an officer renamed": lambda user: User.objects.filter(pk=user.pk).update(last_name="New"),
    "an officer deactivated": lambda user: User.objects.filter(pk=user.pk).update(is_active=False),
    "a role given": lambda user: user.groups.add(Group.objects.create(name="Another role")),
    "a new person": lambda user: User.objects.create(username="someone-new"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_to_what_is_kept_makes_a_new_edition(officer, change):
    Organisation.current()
    before = in_a_request(edition)
    CHANGES[change](officer)
    assert in_a_request(edition) != before


def test_signing_in_makes_no_new_edition(client, officer):
    before = in_a_request(edition)
    client.login(username="officer", password="a-long-test-password")
    assert User.objects.get(pk=officer.pk).last_login is not None
    assert in_a_request(edition) == before


def test_a_role_taken_away_counts_from_the_next_request(client, officer):
    client.force_login(officer)
    assert client.get("/cases/").status_code == 200
    officer.groups.clear()
    assert client.get("/cases/").status_code == 403
