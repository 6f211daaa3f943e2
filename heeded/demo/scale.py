"""Benchmark data: many cases at once with bulk inserts (never one save per row).

Each chunk of cases goes in with its stages, categories, timeline event and history row in
one transaction, through ``heeded.cases.bulk`` (COPY on PostgreSQL, executemany on SQLite),
the same writer imports use. Deadlines come from the procedures' declared clocks, computed for
the whole chunk at once with the vectorised calendar.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import numpy as np
from django.db import transaction
from django.db.models import F

from heeded.calendars.working_days import add_working_days_array
from heeded.cases import bulk
from heeded.cases.models import Case, CaseEvent, EventKind, ReferenceCounter, Stage
from heeded.procedures import Unit, procedure_for
from heeded.taxonomy.models import TAXONOMY_MODELS

from . import mix

CHUNK = 20_000
FINDINGS = list(mix.STAGE1_FINDING_WEIGHTS)
FINDING_WEIGHTS = list(mix.STAGE1_FINDING_WEIGHTS.values())


def _reserve_references(count: int, year: int) -> int:
    """Take a block of numbers under the prefix SC, so runs never collide."""
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
            prefix="SC", year=year
        )
        first = counter.last_number + 1
        ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + count)
    return first


def generate(
    total: int,
    *,
    seed: int,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    rng = random.Random(seed)
    codes = {
        kind: {row.code: row for row in model.objects.all()}
        for kind, model in TAXONOMY_MODELS.items()
    }
    # Four financial years up to today: a report year and its three comparison years.
    earliest = dt.date(today.year - 4, 4, 1)
    span = (today - earliest).days
    first = _reserve_references(total, today.year)
    made = 0
    while made < total:
        size = min(CHUNK, total - made)
        with transaction.atomic():
            _chunk(rng, codes, first + made, size, earliest, span, today)
        made += size
        if progress:
            progress(made, total)
    return made


def _chunk(rng, codes, first_number, size, earliest, span, today) -> None:
    types = rng.choices(
        list(mix.RECORD_TYPE_WEIGHTS), weights=list(mix.RECORD_TYPE_WEIGHTS.values()), k=size
    )
    received = [earliest + dt.timedelta(days=rng.randint(0, span)) for _ in range(size)]
    cases = [
        Case(
            reference=f"SC-{today.year}-{first_number + i:07d}",
            record_type=codes["record_type"][types[i]],
            received_on=received[i],
            how_received=codes["how_received"][_pick(rng, mix.HOW_RECEIVED_WEIGHTS)],
            complainant_type=codes["complainant_type"][_pick(rng, mix.COMPLAINANT_WEIGHTS)],
            young_person=rng.random() < 0.03,
            summary=mix.GENERIC_SUMMARY,
        )
        for i in range(size)
    ]
    stages = _stages_and_closure(rng, cases, today)
    _with_keys(Case, cases)
    bulk.insert_objects(Case, cases)
    bulk.insert_history(Case, cases, by=None, reason="Benchmark data")
    for stage in stages:
        stage.case_id = stage.case.pk
    _with_keys(Stage, stages)
    bulk.insert_objects(Stage, stages)
    events = [
        CaseEvent(
            case_id=c.pk,
            kind=EventKind.RECORDED,
            happened_on=c.received_on,
            description="Benchmark data",
        )
        for c in cases
    ]
    _with_keys(CaseEvent, events)
    bulk.insert_objects(CaseEvent, events)
    _categories(rng, codes, cases)


def _with_keys(model, objects: list) -> None:
    for obj, pk in zip(objects, bulk.reserve_ids(model, len(objects)), strict=True):
        obj.pk = pk


def _stages_and_closure(rng, cases: list[Case], today: dt.date) -> list[Stage]:
    """Stage 1 for every case whose procedure has stages; most answered and closed."""
    stages: list[Stage] = []
    by_procedure: dict[str, list[Case]] = {}
    for case in cases:
        procedure = procedure_for(case.record_type.procedure)
        if procedure.has_stages:
            by_procedure.setdefault(procedure.code, []).append(case)
        elif case.received_on < today - dt.timedelta(days=10):
            case.closed_on = case.received_on + dt.timedelta(days=rng.randint(0, 5))
    for code, group in by_procedure.items():
        clock = procedure_for(code).stage(1).response
        starts = np.array([c.received_on for c in group], dtype="datetime64[D]")
        if clock.unit is Unit.WORKING_DAYS:
            dues = add_working_days_array(starts, clock.limit or 10, clock.calendar)
        else:  # calendar months or agreed: about a month, close enough for benchmarks
            dues = starts + np.timedelta64(30, "D")
        taken = np.array(
            [
                rng.choice(
                    rng.choices(
                        [b for b, _ in mix.STAGE1_DAYS], weights=[w for _, w in mix.STAGE1_DAYS]
                    )[0]
                )
                for _ in group
            ]
        )
        responses = add_working_days_array(starts, taken, clock.calendar)
        for case, due, response in zip(
            group, dues.astype(dt.date), responses.astype(dt.date), strict=True
        ):
            stage = Stage(
                case=case,
                number=1,
                started_on=case.received_on,
                requested_on=case.received_on,
                due_on=due,
            )
            case.current_stage = 1
            if response <= today:
                stage.responded_on = response
                if clock is procedure_for("children_statutory").stage(1).response or (
                    code == "corporate"
                ):
                    stage.outcome = rng.choices(FINDINGS, weights=FINDING_WEIGHTS)[0]
                case.closed_on = response
            else:
                case.next_deadline, case.next_deadline_what = due, clock.what
            stages.append(stage)
    return stages


def _categories(rng, codes, cases) -> None:
    through = (
        (Case.natures.through, "nature_id", "nature", mix.NATURE_WEIGHTS),
        (Case.service_teams.through, "serviceteam_id", "service_team", mix.TEAM_WEIGHTS),
        (Case.outcomes_sought.through, "outcome_id", "outcome", mix.OUTCOME_SOUGHT_WEIGHTS),
    )
    for model, column, kind, weights in through:
        rows = []
        for case in cases:
            count = rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
            for code in sorted({_pick(rng, weights) for _ in range(count)}):
                rows.append((case.pk, codes[kind][code].pk))
        bulk.insert_tuples(model._meta.db_table, ["case_id", column], rows)


def _pick(rng, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
