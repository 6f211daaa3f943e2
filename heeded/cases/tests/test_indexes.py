"""Every index costs every write of its table: none may do what another already does."""

import pytest
from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db


def tables() -> list[str]:
    return sorted(
        {model._meta.db_table for model in apps.get_app_config("cases").get_models()}
        | {
            field.remote_field.through._meta.db_table
            for field in apps.get_model("cases", "Case")._meta.many_to_many
        }
    )


def test_no_one_column_index_is_led_by_a_wider_one():
    covered = []
    with connection.cursor() as cursor:
        for table in tables():
            constraints = connection.introspection.get_constraints(cursor, table)
            wider = {c["columns"][0] for c in constraints.values() if len(c["columns"]) > 1}
            covered += [
                (table, c["columns"][0])
                for c in constraints.values()
                if c["index"]
                and not (c["unique"] or c["primary_key"])
                and len(c["columns"]) == 1
                and c["columns"][0] in wider
            ]
    assert covered == []


def test_the_case_list_and_reports_keep_their_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "cases_case")
    names = set(constraints)
    assert {"cases_newest_first", "cases_ombudsman_received"} <= names
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert {("record_type_id", "received_on"), ("closed_on", "next_deadline")} <= indexed
