"""How fast ``heeded demo --scale N`` makes benchmark cases, against a plain bulk load.

    HEEDED_DEMO=true uv run python -m bench.demo [--rows 100000] [--only sqlite|postgresql]

For SQLite (a fresh file) and PostgreSQL (a dedicated database, heeded_demo_bench), in
a child process each: migrate an empty database, time the scale generator for N cases (cases,
stages, categories, events, history), then time the baseline in the same process: the same N
case rows (reference, type, dates, how received, complainant type, summary) inserted into one
plain table by the DB-API's ``executemany`` (and, on PostgreSQL, also by COPY). Reports rows
per second and the ratio.
"""

from __future__ import annotations

import datetime as dt
import time

from bench import _harness as harness
from bench._harness import bulk_load, report_baselines

TODAY = dt.date(2026, 11, 20)
# The baseline's plain table: (column, type).
COLUMNS = (
    ("reference", "text"),
    ("record_type_id", "integer"),
    ("received_on", "date"),
    ("how_received_id", "integer"),
    ("summary", "text"),
    ("closed_on", "date"),
)


def case_rows() -> list[tuple]:
    """The generated cases as plain tuples: the baseline loads exactly these."""
    from heeded.cases.models import Case

    return [
        (r, t, str(d), h, s, str(c) if c else None)
        for r, t, d, h, s, c in Case.objects.filter(reference__startswith="SC-").values_list(
            *(name for name, _ in COLUMNS)
        )
    ]


def baseline(rows: list[tuple], use_copy: bool = False) -> float:
    return bulk_load("bench_plain_cases", COLUMNS, rows, use_copy)


def child(count: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from heeded.cases.models import Case, CaseEvent, Stage
    from heeded.demo.scale import generate

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(count, seed=2026, today=TODAY)
    took = time.perf_counter() - started
    written = (Case.objects.count(), Stage.objects.count(), CaseEvent.objects.count())
    print(
        f"  {connection.vendor}: demo --scale {count:,} in {took:.1f} s "
        f"= {count / took:,.0f} cases/s (cases, stages, events: {written})"
    )
    rows = case_rows()
    report_baselines("--scale", took, lambda use_copy: baseline(rows, use_copy), len(rows))


def main() -> None:
    heading = "Generating {rows:,} benchmark cases (bench/demo.py)"
    harness.main("bench.demo", __doc__, heading, child)


if __name__ == "__main__":
    main()
