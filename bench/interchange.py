"""How fast ``heeded import`` loads 100,000 cases, against the database's own bulk load.

    HEEDED_DEMO=true uv run python -m bench.interchange [--rows 100000] [--only sqlite|postgresql]

For SQLite (a fresh file) and PostgreSQL (a dedicated database, heeded_interchange_bench), in
a child process each: migrate an empty database, write a CSV of N valid cases, time
``import_file`` on it (cases, stages, deadlines, events, history, links, payments), then time
the baseline: the same N rows, as text, loaded into one plain 30-column table by the DB-API's
``executemany`` (and, on PostgreSQL, also by COPY). Reports rows per second and the ratio.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path

from bench import _harness as harness
from bench._harness import bulk_load, report_baselines


def write_rows(path: Path, count: int) -> None:
    from heeded.interchange.columns import NAMES

    rng = random.Random(2022)
    start = dt.date(2021, 4, 1)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(NAMES)
        for n in range(count):
            received = start + dt.timedelta(days=rng.randrange(0, 700))
            kind = rng.choice(["complaint", "complaint", "corporate_complaint", "compliment"])
            row = {
                "reference": f"B-{n:07d}",
                "record_type": kind,
                "received_on": received.isoformat(),
                "how_received": rng.choice(["email", "letter", "web"]),
                "complainant_type": "parent",
                "young_person": rng.choice(["true", "false", ""]),
                "natures": rng.choice(["delay", "policy|funding", ""]),
                "service_teams": rng.choice(["cast", "fostering|adoption"]),
            }
            if kind != "compliment":
                responded = received + dt.timedelta(days=rng.randrange(3, 30))
                row.update(
                    acknowledged_on=(received + dt.timedelta(days=1)).isoformat(),
                    stage1_responded_on=responded.isoformat(),
                    stage1_outcome=rng.choice(["upheld", "not_upheld", "partially_upheld"]),
                    actual_outcomes=rng.choice(["apology", "explanation|apology"]),
                    closed_on=responded.isoformat(),
                )
            writer.writerow([row.get(name, "") for name in NAMES])


def baseline(path: Path, use_copy: bool = False) -> float:
    """The database's own bulk load of the same rows, as text, into one plain table."""
    from heeded.interchange.columns import NAMES

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    return bulk_load("bench_flat", [(name, "text") for name in NAMES], rows, use_copy)


def child(rows: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from heeded.cases.models import Case, CaseEvent, Stage
    from heeded.interchange.importing import import_file

    call_command("migrate", verbosity=0)
    path = Path(tempfile.gettempdir()) / f"heeded_interchange_bench_{connection.vendor}.csv"
    write_rows(path, rows)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    report = import_file(path, by=None)
    took = time.perf_counter() - started
    assert report.written, report.summary()
    written = (Case.objects.count(), Stage.objects.count(), CaseEvent.objects.count())
    print(
        f"  {connection.vendor}: import_file {rows:,} cases in {took:.1f} s "
        f"= {rows / took:,.0f} rows/s (cases, stages, events written: {written}; "
        # The machine is shared: a figure means little without the load it was taken under.
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after)"
    )
    report_baselines("import", took, lambda use_copy: baseline(path, use_copy), rows)


def main() -> None:
    heading = "Importing {rows:,} cases (bench/interchange.py)"
    harness.main("bench.interchange", __doc__, heading, child)


if __name__ == "__main__":
    main()
