"""What bench.demo and bench.interchange share: a child process per database, each on an
empty database of its own, and the baseline they are both measured against, the database's
own bulk load of plain rows into one table."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DATABASES = ("sqlite", "postgresql")


def bulk_load(table: str, columns: Sequence[tuple[str, str]], rows, use_copy=False) -> float:
    """Seconds to insert ``rows`` into a new plain ``table`` of ``columns`` ((name, type)
    pairs, after an integer key), in one transaction: by executemany, or by COPY."""
    from django.db import connection, transaction

    key = "integer primary key" if connection.vendor == "sqlite" else "serial primary key"
    declared = ", ".join(f'"{name}" {kind}' for name, kind in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"CREATE TABLE {table} (id {key}, {declared})")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        write_rows(cursor, table, [name for name, _ in columns], rows, use_copy)
    return time.perf_counter() - started


def write_rows(cursor, table: str, names: Sequence[str], rows, use_copy: bool) -> None:
    """``rows`` into the ``names`` columns of ``table``: by COPY (PostgreSQL), or by one
    executemany."""
    quoted = ", ".join(f'"{name}"' for name in names)
    if use_copy:
        with cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(["%s"] * len(names))
        cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)


def report_baselines(what: str, took: float, load: Callable[..., float], count: int) -> None:
    """Print the executemany baseline (and COPY on PostgreSQL) beside ``took`` seconds."""
    from django.db import connection

    runs = [("executemany", False)]
    if connection.vendor == "postgresql":
        runs.append(("COPY", True))
    for name, use_copy in runs:
        base = load(use_copy=use_copy)
        print(
            f"  {connection.vendor}: baseline {name} of {count:,} rows into one table: "
            f"{base:.2f} s = {count / base:,.0f} rows/s; {what} is {took / base:.1f}x the baseline"
        )


def run_child(module: str, database: str, rows: int) -> None:
    """Run ``python -m <module> --child --rows N`` on an empty database of its own."""
    name = module.replace(".", "_").replace("bench_", "heeded_") + "_bench"
    env = dict(os.environ, HEEDED_DEMO="true", DJANGO_SETTINGS_MODULE="heeded.settings")
    if database == "sqlite":
        sqlite_file = Path(tempfile.gettempdir()) / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{sqlite_file}"
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = f"{PG_SERVER}/{name}"
    command = [sys.executable, "-m", module, "--child", "--rows", str(rows)]
    subprocess.run(command, env=env, check=True)


def main(module: str, doc: str, heading: str, child: Callable[[int], None]) -> None:
    """The command line both benchmarks share: ``[--rows N] [--only sqlite|postgresql]``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=DATABASES)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rows)
        return
    print(heading.format(rows=args.rows))
    for database in DATABASES:
        if args.only in (None, database):
            run_child(module, database, args.rows)
