"""Cases written straight into the database for the measures tests (fast: no actions).

The measures read stored rows only, so a row written here counts exactly as one written by
``heeded.cases.actions``; one test per rule also goes through the actions to prove that.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from django.test import override_settings

from heeded.cases.models import Case, Payment, Stage
from heeded.taxonomy.models import (
    ComplainantType,
    HowReceived,
    Nature,
    OmbudsmanDecision,
    Outcome,
    RecordType,
    RefusalReason,
    ServiceTeam,
)

_numbers = itertools.count(1)

_SINGLE = {
    "how_received": HowReceived,
    "complainant_type": ComplainantType,
    "refusal_reason": RefusalReason,
    "ombudsman_decision": OmbudsmanDecision,
    "converted_from": RecordType,
}
_MULTI = {
    "natures": Nature,
    "service_teams": ServiceTeam,
    "outcomes_sought": Outcome,
    "actual_outcomes": Outcome,
}


def case(
    record_type: str = "complaint",
    received_on: dt.date = dt.date(2019, 5, 1),
    *,
    stages: tuple[dict, ...] = (),
    payments: tuple[str, ...] = (),
    **fields,
) -> Case:
    """One case. Taxonomy fields take codes; ``stages`` are dicts of Stage fields.

    ``stage1=(responded_on, outcome)`` is shorthand for a Stage 1 started on the clock start
    (conversion or receipt).
    """
    with override_settings(SIMPLE_HISTORY_ENABLED=False):  # the measures never read history
        return _case(record_type, received_on, stages, payments, fields)


def _case(record_type, received_on, stages, payments, fields) -> Case:
    multi = {name: fields.pop(name) for name in list(fields) if name in _MULTI}
    for name, model in _SINGLE.items():
        if isinstance(fields.get(name), str):
            fields[name] = model.objects.get(code=fields[name])
    stage1 = fields.pop("stage1", None)
    created = Case.objects.create(
        reference=f"T-{next(_numbers):06d}",
        record_type=RecordType.objects.get(code=record_type),
        received_on=received_on,
        **fields,
    )
    for name, codes in multi.items():
        getattr(created, name).set(_MULTI[name].objects.filter(code__in=codes))
    if stage1 is not None:
        responded_on, outcome = stage1
        stages = (
            {
                "number": 1,
                "started_on": created.stage1_clock_start,
                "responded_on": responded_on,
                "outcome": outcome,
            },
            *stages,
        )
    for stage in stages:
        Stage.objects.create(case=created, **stage)
    for amount in payments:
        Payment.objects.create(case=created, amount=Decimal(amount))
    return created


def many(count: int, record_type: str, received_on: dt.date, **fields) -> list[Case]:
    """``count`` cases alike, written in one statement (single-valued fields only)."""
    for name, model in _SINGLE.items():
        if isinstance(fields.get(name), str):
            fields[name] = model.objects.get(code=fields[name])
    kind = RecordType.objects.get(code=record_type)
    return Case.objects.bulk_create(
        Case(
            reference=f"T-{next(_numbers):06d}",
            record_type=kind,
            received_on=received_on,
            **fields,
        )
        for _ in range(count)
    )
