"""Directorates, services and teams: a tree three levels deep, with no way to make a loop."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from heeded.reference.models import ChangeLog
from heeded.reference.services import teams
from heeded.taxonomy.models import ServiceTeam

from .conftest import errors_of

LIST = reverse("reference:unit_list")
ADD = reverse("reference:unit_add")


def edit_url(code):
    return reverse("reference:unit_edit", kwargs={"code": code})


def form_data(unit, **changes):
    data = {
        "label": unit.label,
        "level": unit.level,
        "parent": unit.parent_id or "",
        "description": unit.description,
        "position": unit.position,
    }
    return data | changes


def test_the_list_shows_the_hierarchy_as_nested_lists(as_manager):
    html = as_manager.get(LIST).content.decode()
    directorate = html.index("Children&#x27;s Services")
    service = html.index("Children&#x27;s Social Care")
    team = html.index("Fostering")
    assert directorate < service < team
    # Teams sit in a list inside their service's list item.
    assert html[service:team].count("<ul") == 1


def test_the_hierarchy_is_built_from_one_query(django_assert_num_queries, db):
    with django_assert_num_queries(1):
        tree = teams.hierarchy()
    [childrens_services] = [b for b in tree if b.unit.code == "childrens_services"]
    services = [b.unit.code for b in childrens_services.children]
    assert "childrens_social_care" in services and "education_inclusion" in services


def test_the_list_takes_the_same_queries_however_many_teams(
    as_manager, manager, code, django_assert_max_num_queries
):
    as_manager.get(LIST)
    with django_assert_max_num_queries(10) as few:
        as_manager.get(LIST)
    social_care = code("service_team", "childrens_social_care")
    for n in range(20):
        teams.add_unit(
            by=manager, code=f"area_{n}", label=f"Area team {n}", level="team", parent=social_care
        )
    most = len(few.captured_queries)  # now: a request empties Django's log of queries
    # The page after a change to the reference data reads the organisation again.
    as_manager.get(LIST)
    with django_assert_max_num_queries(most):
        assert "Area team 19" in as_manager.get(LIST).content.decode()


def test_a_manager_adds_a_team_under_a_service(as_manager, code):
    social_care = code("service_team", "childrens_social_care")
    response = as_manager.post(
        ADD,
        {
            "code": "edge_of_care",
            "label": "Edge of care",
            "level": "team",
            "parent": social_care.pk,
            "position": "3",
        },
    )
    assert response.status_code == 302
    added = code("service_team", "edge_of_care")
    assert (added.level, added.parent) == ("team", social_care)
    assert ChangeLog.objects.filter(area="service_team", subject="edge_of_care").exists()


def test_a_team_cannot_sit_under_another_team(as_manager, code):
    fostering = code("service_team", "fostering")
    response = as_manager.post(
        ADD,
        {
            "code": "kinship",
            "label": "Kinship",
            "level": "team",
            "parent": fostering.pk,
            "position": "0",
        },
    )
    # Teams are not offered as parents at all, so the form says to pick from the list.
    assert errors_of(response) == ["Select a directorate or service from the list"]
    with pytest.raises(ValidationError) as refused:
        teams.add_unit(by=None, code="kinship", label="Kinship", level="team", parent=fostering)
    assert refused.value.message_dict["parent"] == [
        "A team must sit under a directorate or a service, not under a team"
    ]


def test_a_service_cannot_sit_under_another_service(as_manager, code):
    social_care = code("service_team", "childrens_social_care")
    response = as_manager.post(
        ADD,
        {
            "code": "youth",
            "label": "Youth service",
            "level": "service",
            "parent": social_care.pk,
            "position": "0",
        },
    )
    assert errors_of(response) == ["A service must sit under a directorate, not under a service"]
    assert not ServiceTeam.objects.filter(code="youth").exists()


def test_a_directorate_cannot_sit_under_anything(as_manager, code):
    top = code("service_team", "childrens_services")
    response = as_manager.post(
        ADD,
        {
            "code": "adults",
            "label": "Adult Services",
            "level": "directorate",
            "parent": top.pk,
            "position": "0",
        },
    )
    assert errors_of(response) == ["A directorate does not sit under anything"]


def test_a_unit_cannot_be_put_under_a_unit_inside_it(manager, code):
    # The levels alone prevent loops, but rows edited in the Django admin need not follow
    # them: there Fostering has been made a "directorate" while still under its service.
    fostering = code("service_team", "fostering")
    fostering.level = "directorate"
    fostering.save()
    social_care = code("service_team", "childrens_social_care")
    with pytest.raises(ValidationError) as refused:
        teams.check_placement(social_care, "service", fostering)
    assert refused.value.message_dict["parent"] == [
        "Children's Social Care cannot sit under Fostering, which is inside it"
    ]


def test_a_unit_cannot_sit_under_itself(manager, code):
    top = code("service_team", "childrens_services")
    with pytest.raises(ValidationError) as refused:
        teams.check_placement(top, "service", top)
    assert "inside it" in refused.value.message_dict["parent"][0]


def test_a_service_with_teams_cannot_become_a_team(as_manager, code):
    social_care = code("service_team", "childrens_social_care")
    response = as_manager.post(
        edit_url("childrens_social_care"), form_data(social_care, level="team")
    )
    [message] = errors_of(response)
    assert message.startswith("Children's Social Care cannot become a team while")
    assert code("service_team", "childrens_social_care").level == "service"


def test_editing_moves_a_team_to_another_service_and_logs_it(as_manager, code):
    inclusion = code("service_team", "education_inclusion")
    fostering = code("service_team", "fostering")
    response = as_manager.post(edit_url("fostering"), form_data(fostering, parent=inclusion.pk))
    assert response.status_code == 302
    assert code("service_team", "fostering").parent == inclusion
    change = ChangeLog.objects.get(subject="fostering", field="parent")
    assert (change.old, change.new) == ("childrens_social_care", "education_inclusion")


def test_a_service_with_teams_in_use_cannot_be_retired(as_manager, code):
    url = reverse("reference:unit_retire", kwargs={"code": "education_inclusion"})
    response = as_manager.post(url, {"retired": "true"}, follow=True)
    assert "cannot be retired while" in response.content.decode()
    assert not code("service_team", "education_inclusion").retired


def test_retiring_the_teams_then_the_service_works_and_back_again(as_manager, manager, code):
    for team in ("inclusion", "school_standards"):
        teams.retire_unit(code("service_team", team), by=manager)
    url = reverse("reference:unit_retire", kwargs={"code": "education_inclusion"})
    assert as_manager.post(url, {"retired": "true"}).status_code == 302
    assert code("service_team", "education_inclusion").retired
    # A team cannot come back while the service it sits under is retired.
    with pytest.raises(ValidationError, match="put that back in use first"):
        teams.unretire_unit(code("service_team", "inclusion"), by=manager)
    as_manager.post(url, {"retired": "false"})
    teams.unretire_unit(code("service_team", "inclusion"), by=manager)
    assert not code("service_team", "inclusion").retired


def test_a_retired_directorate_is_not_offered_as_a_parent(as_manager, manager):
    old = teams.add_unit(
        by=manager, code="old_directorate", label="Old directorate", level="directorate"
    )
    teams.retire_unit(old, by=manager)
    html = as_manager.get(ADD).content.decode()
    assert "Old directorate" not in html


def test_a_team_cannot_be_renamed_to_a_label_another_unit_has(as_manager, code):
    # Adding a second "Fostering" was refused, but renaming one to it went through: the
    # report would print two rows of that name.
    adoption = code("service_team", "adoption")
    response = as_manager.post(edit_url("adoption"), form_data(adoption, label="fostering"))
    [message] = errors_of(response)
    assert message.startswith("Fostering is already the label of the code fostering")
    assert code("service_team", "adoption").label == adoption.label
