"""Indexes for the case list's search and its service and nature filters.

Search looks for words anywhere in a reference, a summary or a person's name
(``icontains``, which Django writes as ``UPPER(column) LIKE UPPER('%words%')``). A plain
index cannot help with a leading wildcard; a pg_trgm GIN index on the same ``UPPER(...)``
expression can, so a search of 100,000 cases reads the few that match instead of all of
them. PostgreSQL only: SQLite has no such index and reads the table, which is fine at the
sizes it is used for. Not in the models' Meta, where Django's GinIndex would fail on SQLite.

The service and nature filters ask "which cases have this team (or one of these)?" of the
many-to-many tables, whose own indexes lead with the case. An index leading with the team
or nature, holding the case too, answers and counts that from the index alone. Django
makes those tables itself, so the indexes are added here in SQL that both databases take.
"""

from django.db import migrations

TRIGRAM_INDEXES = [
    ("cases_reference_trgm", "cases_case", "reference"),
    ("cases_summary_trgm", "cases_case", "summary"),
    ("cases_person_name_trgm", "cases_person", "full_name"),
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin (UPPER("{column}") gin_trgm_ops)'
        )


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def cases_by(table: str, column: str) -> migrations.RunSQL:
    name = f"{table}_by_{column}"
    return migrations.RunSQL(
        f'CREATE INDEX "{name}" ON "{table}" ("{column}", "case_id")',
        f'DROP INDEX "{name}"',
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_report_indexes")]

    operations = [
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes),
        cases_by("cases_case_service_teams", "serviceteam_id"),
        cases_by("cases_case_natures", "nature_id"),
    ]
