"""How fast the annual report's measures are, against one hand-written SQL aggregate.

    HEEDED_DEMO=true uv run python -m bench.reports [--cases 100000] [--only sqlite|postgresql]
        [--reuse]

For SQLite (a fresh file) and PostgreSQL (a dedicated database, heeded_measures_bench), in a
child process each: migrate an empty database, write N cases over four financial years
(2016/17 to 2019/20) in bulk, with stages, extensions, outcomes, natures, service teams,
payments and Ombudsman enquiries, then time

* the report: ``build_report(2019/20, comparisons=3)``, that is every measure and every
  supplementary figure for four years, with the self-check;
* one year's measures alone (``compute_measures(2019/20)``);
* the baseline: ONE hand-written aggregate over the same table,
  ``SELECT record_type_id, count(*) FROM cases_case WHERE received_on BETWEEN ... GROUP BY 1``.

Each is run three times and the best time kept; the ratios are to the baseline.
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

SQLITE_FILE = Path(tempfile.gettempdir()) / "heeded_measures_bench.sqlite3"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "heeded_measures_bench"
FIRST_DAY = dt.date(2016, 4, 1)
DAYS = 4 * 365


def insert(model, columns: dict[str, object], count: int) -> None:
    """Write ``count`` rows of ``model`` straight into its table (COPY on PostgreSQL).

    ``columns`` maps column names to sequences of ``count`` values (None for NULL); every
    other NOT NULL column gets its field's default, timestamps the time now. Django's
    bulk_create spends most of its time preparing values field by field, which at a million
    rows is the bench itself rather than what it measures.
    """
    from django.db import connection
    from django.utils import timezone

    from bench._harness import write_rows

    fixed = {}
    for field in model._meta.concrete_fields:
        if field.column in columns or field.null or field.primary_key:
            continue
        default = timezone.now() if field.get_internal_type() == "DateTimeField" else None
        fixed[field.column] = default if default is not None else field.get_default()
    names = list(columns) + list(fixed)
    constants = list(fixed.values())
    values = [list(v) if not isinstance(v, list) else v for v in columns.values()]
    rows = (tuple(column[i] for column in values) + tuple(constants) for i in range(count))
    with connection.cursor() as cursor:
        use_copy = connection.vendor == "postgresql"
        write_rows(cursor, model._meta.db_table, names, rows, use_copy)


def write_cases(count: int) -> None:
    """``count`` cases over four years, with their stages, codes and payments."""
    import numpy as np
    from django.db import connection, transaction

    from heeded.calendars.working_days import add_working_days_array
    from heeded.cases.models import Case, Payment, Stage
    from heeded.taxonomy import models as taxonomy

    rng = np.random.default_rng(2019)

    def ids(model):
        return np.array(sorted(model.objects.values_list("pk", flat=True)))

    def text(days):
        """ISO dates as text, None where there is no date."""
        out = np.asarray(days, dtype="datetime64[D]").astype(str).astype(object)
        out[out == "NaT"] = None
        return out

    def where(mask, values):
        out = np.asarray(values, dtype=object).copy()
        out[~mask] = None
        return out

    kinds = dict(taxonomy.RecordType.objects.values_list("code", "pk"))
    weighted = {
        "complaint": 40,
        "compliment": 10,
        "pre_complaint": 5,
        "case_concern": 5,
        "refused": 3,
        "ad_hoc": 10,
        "mp_councillor_enquiry": 10,
        "foi_request": 7,
        "subject_access_request": 5,
        "corporate_complaint": 5,
    }
    weights = np.array(list(weighted.values()), dtype=float)
    record_type = rng.choice(
        np.array([kinds[code] for code in weighted]), size=count, p=weights / weights.sum()
    )
    n = np.arange(count)
    case_id = n + 1
    received = np.datetime64(FIRST_DAY) + rng.integers(0, DAYS, size=count).astype("timedelta64[D]")
    complaint = record_type == kinds["complaint"]
    answered = rng.random(count) < 0.9
    responded = add_working_days_array(received, rng.integers(1, 30, size=count))
    closed = np.where(answered, responded, np.datetime64("NaT", "D"))
    ombudsman = rng.random(count) < 0.02
    flags = rng.choice(np.array([True, False, None], dtype=object), size=(4, count))
    how, who = ids(taxonomy.HowReceived), ids(taxonomy.ComplainantType)
    refusal, decision = ids(taxonomy.RefusalReason), ids(taxonomy.OmbudsmanDecision)
    natures, teams, outcomes = (
        ids(taxonomy.Nature),
        ids(taxonomy.ServiceTeam),
        ids(taxonomy.Outcome),
    )

    cases = {
        "id": case_id.tolist(),
        "reference": [f"B-{i:08d}" for i in range(count)],
        "record_type_id": record_type.tolist(),
        "received_on": text(received),
        "how_received_id": where(n % 10 != 0, how[n % len(how)].tolist()),
        "complainant_type_id": where(complaint & (n % 7 != 0), who[n % len(who)].tolist()),
        "young_person": where(complaint, flags[0]),
        "via_professional": where(complaint, flags[1]),
        "advocacy_offered": where(complaint, flags[2]),
        "remedial_action": where(complaint, flags[3]),
        "acknowledged_on": where(
            complaint, text(add_working_days_array(received, rng.integers(0, 6, size=count)))
        ),
        "refusal_reason_id": where(
            record_type == kinds["refused"], refusal[n % len(refusal)].tolist()
        ),
        "ombudsman_received_on": where(ombudsman, text(closed + 30)),
        "ombudsman_decision_id": where(ombudsman & (n % 3 != 0), decision[n % len(decision)]),
        "closed_on": text(closed),
    }
    cases["ombudsman_decision_id"] = [
        None if v is None else int(v) for v in cases["ombudsman_decision_id"]
    ]

    with_stages = np.isin(
        record_type,
        [kinds[c] for c in ("complaint", "foi_request", "subject_access_request")]
        + [kinds["mp_councillor_enquiry"], kinds["corporate_complaint"]],
    )
    outcome_codes = np.array(["upheld", "partially_upheld", "not_upheld", "withdrawn", ""])
    one = with_stages
    stage2 = complaint & answered & (n % 10 == 3)
    stage3 = stage2 & (n % 50 == 3)
    stage2_start = responded + 7
    stage_rows = {
        "case_id": np.concatenate([case_id[one], case_id[stage2], case_id[stage3]]),
        "number": np.concatenate(
            [np.full(one.sum(), 1), np.full(stage2.sum(), 2), np.full(stage3.sum(), 3)]
        ),
        "started_on": np.concatenate(
            [text(received[one]), text(stage2_start[stage2]), text(stage2_start[stage3] + 60)]
        ),
        "due_on": np.concatenate(
            [
                text(add_working_days_array(received[one], 10)),
                [None] * (stage2.sum() + stage3.sum()),
            ]
        ),
        "extended_to": np.concatenate(
            [
                where(n[one] % 10 == 0, text(add_working_days_array(received[one], 18))),
                [None] * (stage2.sum() + stage3.sum()),
            ]
        ),
        "responded_on": np.concatenate(
            [
                where(answered[one], text(responded[one])),
                text(add_working_days_array(stage2_start[stage2], 20 + n[stage2] % 30)),
                [None] * stage3.sum(),
            ]
        ),
        "outcome": np.concatenate(
            [
                np.where(answered[one], outcome_codes[n[one] % 5], ""),
                outcome_codes[(n[stage2] // 10) % 4],
                [""] * stage3.sum(),
            ]
        ),
    }
    stage_rows = {
        name: [v.item() if hasattr(v, "item") else v for v in values]
        for name, values in stage_rows.items()
    }
    two_natures = complaint & (n % 3 == 0)
    through = {
        Case.natures.through: (
            "nature_id",
            np.concatenate([case_id[complaint], case_id[two_natures]]),
            np.concatenate(
                [natures[n[complaint] % len(natures)], natures[(n[two_natures] + 5) % len(natures)]]
            ),
        ),
        Case.outcomes_sought.through: (
            "outcome_id",
            case_id[complaint],
            outcomes[n[complaint] % len(outcomes)],
        ),
        Case.actual_outcomes.through: (
            "outcome_id",
            case_id[complaint & answered],
            outcomes[(n[complaint & answered] + 3) % len(outcomes)],
        ),
    }
    teamed = complaint | (record_type == kinds["compliment"])
    through[Case.service_teams.through] = (
        "serviceteam_id",
        case_id[teamed],
        teams[n[teamed] % len(teams)],
    )
    paid = complaint & answered & (n % 25 == 0)
    with transaction.atomic():
        insert(Case, cases, count)
        insert(Stage, stage_rows, len(stage_rows["case_id"]))
        insert(
            Payment,
            {
                "case_id": case_id[paid].tolist(),
                "amount": [f"{50 + i % 200}.50" for i in n[paid]],
            },
            int(paid.sum()),
        )
        for model, (column, cases_of, values) in through.items():
            insert(
                model,
                {"case_id": cases_of.tolist(), column: values.tolist()},
                len(cases_of),
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in (Case, Stage):
                    table = model._meta.db_table
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def baseline(period) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT record_type_id, count(*) FROM cases_case "
            "WHERE received_on BETWEEN %s AND %s GROUP BY 1",
            [period.start, period.end],
        )
        cursor.fetchall()


def child(count: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from heeded.cases.models import Case, Stage
    from heeded.reports.build import build_report
    from heeded.reports.measures import compute_measures
    from heeded.reports.periods import financial_year

    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    if Case.objects.exists():
        print(f"  {vendor}: reusing the {Case.objects.count():,} cases already written")
    else:
        started = time.perf_counter()
        write_cases(count)
        with connection.cursor() as cursor:
            # As autovacuum would soon do on a live database: fresh statistics, and on
            # PostgreSQL the visibility map, without which an index-only scan (the
            # baseline's, and many of the report's) still reads the table.
            cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")
        loaded = time.perf_counter() - started
        print(
            f"  {vendor}: wrote {Case.objects.count():,} cases and {Stage.objects.count():,} "
            f"stages in {loaded:.0f} s"
        )
    year = financial_year(2019)
    report = build_report(year, comparisons=3)  # warm caches, and check it adds up
    measures = report["measures"]
    print(
        f"  {vendor}: 2019/20 has {measures['representations.total']:,} representations, "
        f"{measures['stage1.responses']:,} Stage 1 responses"
    )
    base = best_of(3, lambda: baseline(year))
    whole = best_of(3, lambda: build_report(year, comparisons=3))
    one_year = best_of(3, lambda: compute_measures(year))
    print(f"  {vendor}: baseline (one GROUP BY over a year): {base * 1000:.0f} ms")
    print(
        f"  {vendor}: compute_measures(2019/20): {one_year:.2f} s = {one_year / base:.1f}x "
        f"the baseline"
    )
    print(
        f"  {vendor}: build_report(2019/20, 3 comparison years, supplementary, self-check): "
        f"{whole:.2f} s = {whole / base:.1f}x the baseline"
    )


def run(database: str, count: int, reuse: bool) -> None:
    """Run the child on a fresh database (or, with ``reuse``, on last run's cases if it
    holds exactly ``count``: writing a million cases takes minutes)."""
    env = dict(os.environ, HEEDED_DEMO="true", DJANGO_SETTINGS_MODULE="heeded.settings")
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
        if not (reuse and _holds(env, count)):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
        if not (reuse and _holds(env, count)):
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
                conn.execute(f"CREATE DATABASE {PG_NAME}")
    subprocess.run(
        [sys.executable, "-m", "bench.reports", "--child", "--cases", str(count)],
        env=env,
        check=True,
    )


def _holds(env: dict, count: int) -> bool:
    """Whether the bench database already holds exactly ``count`` cases."""
    script = (
        "import django; django.setup()\n"
        "from heeded.cases.models import Case\n"
        "print(Case.objects.count())"
    )
    found = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    return found.returncode == 0 and found.stdout.strip() == str(count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Keep the last run's database if it holds exactly --cases cases",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.cases)
        return
    print(f"The annual report's measures over {args.cases:,} cases (bench/reports.py)")
    for database in ("sqlite", "postgresql"):
        if args.only in (None, database):
            run(database, args.cases, args.reuse)


if __name__ == "__main__":
    main()
