"""How fast ``heeded demo --scale N`` makes benchmark cases, against a plain bulk load.

    HEEDED_DEMO=true uv run python -m bench.demo [--rows 100000] [--only sqlite|postgresql]

For SQLite (a fresh file) and PostgreSQL (a dedicated database, heeded_demo_scale_bench), in
a child process each: migrate an empty database, time the scale generator for N cases (cases,
stages, categories, events, history), then time the baseline in the same process: the same N
case rows (reference, type, dates, how received, complainant type, summary) inserted into one
plain table by the DB-API's ``executemany`` (and, on PostgreSQL, also by COPY). Reports rows
per second and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SQLITE_FILE = Path(tempfile.gettempdir()) / "heeded_demo_scale_bench.sqlite3"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "heeded_demo_scale_bench"
TODAY = dt.date(2026, 11, 20)
COLUMNS = ("reference", "record_type_id", "received_on", "how_received_id", "summary", "closed_on")


def case_rows() -> list[tuple]:
    """The generated cases as plain tuples: the baseline loads exactly these."""
    from heeded.cases.models import Case

    return [
        (r, t, str(d), h, s, str(c) if c else None)
        for r, t, d, h, s, c in Case.objects.filter(reference__startswith="SC-").values_list(
            "reference", "record_type_id", "received_on", "how_received_id", "summary", "closed_on"
        )
    ]


def baseline(rows: list[tuple], use_copy: bool = False) -> float:
    from django.db import connection, transaction

    key = "integer primary key" if connection.vendor == "sqlite" else "serial primary key"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_plain_cases")
        cursor.execute(
            f"CREATE TABLE bench_plain_cases (id {key}, reference text, record_type_id integer, "
            "received_on date, how_received_id integer, summary text, closed_on date)"
        )
    names = ", ".join(COLUMNS)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if use_copy:
            with cursor.cursor.copy(f"COPY bench_plain_cases ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(f"INSERT INTO bench_plain_cases ({names}) VALUES ({marks})", rows)
    return time.perf_counter() - started


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
    base = baseline(rows)
    print(
        f"  {connection.vendor}: baseline executemany of {len(rows):,} case rows into one "
        f"table: {base:.2f} s = {len(rows) / base:,.0f} rows/s; "
        f"--scale is {took / base:.1f}x the baseline"
    )
    if connection.vendor == "postgresql":
        base = baseline(rows, use_copy=True)
        print(
            f"  {connection.vendor}: baseline COPY into one table: {base:.2f} s "
            f"= {len(rows) / base:,.0f} rows/s; --scale is {took / base:.1f}x the baseline"
        )


def run(database: str, count: int) -> None:
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
    command = [sys.executable, "-m", "bench.demo", "--child", "--rows", str(count)]
    subprocess.run(command, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rows)
        return
    print(f"Generating {args.rows:,} benchmark cases (bench/demo.py)")
    for database in ("sqlite", "postgresql"):
        if args.only in (None, database):
            run(database, args.rows)


if __name__ == "__main__":
    main()
