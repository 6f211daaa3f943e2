"""Several kinds of term's codes and labels, read together: what select boxes offer."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import IntegerField, Value

from .models import Term


class Code(NamedTuple):
    pk: int
    code: str
    label: str


def code_lists(*models: type[Term]) -> dict[type[Term], list[Code]]:
    """Every term (retired ones too) of each of ``models``, in the terms' own order, read in
    one query: a query a model was a noticeable part of a page's time."""
    tables = [
        model.objects.order_by()
        .annotate(list_number=Value(n, IntegerField()))
        .values_list("list_number", "position", "label", "code", "pk")
        for n, model in enumerate(models)
    ]
    # Term.Meta.ordering within each list, by the database: its collation orders labels.
    rows = tables[0].union(*tables[1:], all=True).order_by("list_number", "position", "label")
    lists: dict[type[Term], list[Code]] = {model: [] for model in models}
    for n, _, label, code, pk in rows:
        lists[models[n]].append(Code(pk, code, label))
    return lists
