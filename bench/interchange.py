"""How fast ``heeded import`` loads 100,000 cases, against the database's own bulk load.

    HEEDED_DEMO=true uv run python -m bench.interchange [--rows 100000] [--only sqlite|postgresql]

For SQLite (a fresh file) and PostgreSQL (a dedicated database, heeded_interchange_bench), in
a child process each: migrate an empty database, write a CSV of N valid cases, time
``import_file`` on it (cases, stages, deadlines, events, history, links, payments), then time
the baseline: the same N rows, as text, loaded into one plain 30-column table by the DB-API's
``executemany`` (and, on PostgreSQL, also by COPY). Reports rows per second and the ratio.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SQLITE_FILE = Path(tempfile.gettempdir()) / "heeded_interchange_bench.sqlite3"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "heeded_interchange_bench"


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
    """The database's own bulk load of the same rows into one plain table."""
    from django.db import connection, transaction

    from heeded.interchange.columns import NAMES

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    columns = ", ".join(f'"{name}" text' for name in NAMES)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_flat")
        cursor.execute(
            f"CREATE TABLE bench_flat (id serial, {columns})".replace(
                "serial", "integer primary key" if connection.vendor == "sqlite" else "serial"
            )
        )
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        names = ", ".join(f'"{n}"' for n in NAMES)
        if use_copy:
            raw = cursor.cursor
            with raw.copy(f"COPY bench_flat ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(NAMES))
            cursor.executemany(f"INSERT INTO bench_flat ({names}) VALUES ({marks})", rows)
    return time.perf_counter() - started


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
    base = baseline(path)
    print(
        f"  {connection.vendor}: baseline executemany into one table: {base:.2f} s "
        f"= {rows / base:,.0f} rows/s; import is {took / base:.1f}x the baseline"
    )
    if connection.vendor == "postgresql":
        base = baseline(path, use_copy=True)
        print(
            f"  {connection.vendor}: baseline COPY into one table: {base:.2f} s "
            f"= {rows / base:,.0f} rows/s; import is {took / base:.1f}x the baseline"
        )


def run(database: str, rows: int) -> None:
    env = dict(os.environ, HEEDED_DEMO="true", DJANGO_SETTINGS_MODULE="heeded.settings")
    if database == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            conn.execute(f"CREATE DATABASE {PG_NAME}")
        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    subprocess.run(
        [sys.executable, "-m", "bench.interchange", "--child", "--rows", str(rows)],
        env=env,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rows)
        return
    print(f"Importing {args.rows:,} cases (bench/interchange.py)")
    for database in ("sqlite", "postgresql"):
        if args.only in (None, database):
            run(database, args.rows)


if __name__ == "__main__":
    main()
