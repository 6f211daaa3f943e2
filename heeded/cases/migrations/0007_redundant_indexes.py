"""Indexes that another index already serves, dropped: each costs every write of its table.

* cases_case.received_on: cases_newest_first leads with it (read backwards as well).
* cases_caseevent.by: nothing looks events up by who recorded them.
* cases_caseparty.case: one_role_per_person leads with it.
* The many-to-many tables Django makes for a case's teams, natures and outcomes: the index
  on the case alone (their unique index leads with the case), and on the term alone where
  0005 added one leading with the term.
* PostgreSQL only: the pattern index Django adds for ``reference`` (for ``LIKE 'abc%'``).
  Heeded looks references up whole (the unique index) or anywhere in the text (the trigram
  index of 0005), never by their start.

Django makes the link tables' indexes itself, so they are found by reading the tables.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LINK_TABLES = [
    "cases_case_service_teams",
    "cases_case_natures",
    "cases_case_outcomes_sought",
    "cases_case_actual_outcomes",
]
REFERENCE_PATTERN_INDEX = "cases_case_reference_cb43aa34_like"


def _covered(connection, table: str):
    """(index name, column) of each one-column index that a wider index leads with."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    leading = {c["columns"][0] for c in constraints.values() if len(c["columns"]) > 1}
    for name, c in sorted(constraints.items()):
        plain = c["index"] and not (c["unique"] or c["primary_key"])
        if plain and len(c["columns"]) == 1 and c["columns"][0] in leading:
            yield name, c["columns"][0]


def drop_covered(apps, schema_editor):
    connection = schema_editor.connection
    for table in LINK_TABLES:
        for name, _ in list(_covered(connection, table)):
            schema_editor.execute(f'DROP INDEX "{name}"')
    if connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{REFERENCE_PATTERN_INDEX}"')


def restore(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in LINK_TABLES:
            indexed = {
                tuple(c["columns"])
                for c in connection.introspection.get_constraints(cursor, table).values()
                if c["index"]
            }
            for column in ("case_id", *_term_columns(connection, table)):
                if (column,) not in indexed:
                    schema_editor.execute(
                        f'CREATE INDEX "{table}_{column}_one" ON "{table}" ("{column}")'
                    )
    if connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{REFERENCE_PATTERN_INDEX}" '
            'ON "cases_case" ("reference" varchar_pattern_ops)'
        )


def _term_columns(connection, table: str) -> list[str]:
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
    return [c for c in columns if c not in ("id", "case_id")]


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_fewer_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="received_on",
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name="caseevent",
            name="by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="caseparty",
            name="case",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="parties",
                to="cases.case",
            ),
        ),
        migrations.RunPython(drop_covered, restore),
    ]
