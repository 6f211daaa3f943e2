"""Several kinds of term's codes and labels, read together: what select boxes offer."""

from __future__ import annotations

from typing import NamedTuple

from django.db import connections

from .models import Term


class Code(NamedTuple):
    pk: int
    code: str
    label: str


def code_lists(*models: type[Term], using: str = "default") -> dict[type[Term], list[Code]]:
    """Every term (retired ones too) of each of ``models``, in the terms' own order.

    One query written out here, read fresh on every call (so an edit shows at once): read a
    model at a time through the ORM, the lists took a query each, and building those
    querysets was a noticeable part of the case list's time.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    selects = []
    for n, model in enumerate(models):
        table = quote(model._meta.db_table)
        # Only names from the models and the list's own number go into the text.
        selects.append(
            f"SELECT {n}, {quote('position')}, {quote('label')}, {quote('code')},"
            f" {quote(model._meta.pk.column)} FROM {table}"
        )
    # Term.Meta.ordering, by the database as the ORM had it: its collation orders labels.
    sql = " UNION ALL ".join(selects) + " ORDER BY 1, 2, 3"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    lists: dict[type[Term], list[Code]] = {model: [] for model in models}
    for n, _, label, code, pk in rows:
        lists[models[n]].append(Code(pk, code, label))
    return lists
