"""Heeded from the outside, against the oracle: random files in, report and export out.

    uv run python checks/oracle/run.py [--loose] [SEED:ROWS | wideSEED:ROWS ...]

Default: seeds 1..12, 12,700 rows (about 9 minutes). For each seed: a fresh SQLite database,
``heeded migrate``, ``heeded import``, ``heeded report --format json`` for eleven periods
(each with its three comparison years) compared measure by measure with ``oracle.py``, and
``heeded export`` compared cell by cell with the file (also re-imported, updated with
``--update``, and through .xlsx on odd seeds). ``--loose``: the files also hold what the spec
allows but a strict reading might refuse (a conversion without its date, an extension on a
type with no Stage 1 clock, an outcome without its response date, the Ombudsman's decision
without the date of the enquiry). Work files go to var/oracle/; every discrepancy is printed.
"""

import csv
import json
import os
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen
import oracle
from oracle import COLUMNS, MULTI_COLS, D

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(MAIN, "var", "oracle")
LOOSE = "--loose" in sys.argv
# an interpreter with openpyxl, for the .xlsx round trip only (no heeded import)
XLSX_PY = sys.executable  # run under uv: openpyxl is there
PERIODS = [
    (["--year", "2021/22"], "2021-04-01", "2022-03-31"),
    (["--year", "2022/23"], "2022-04-01", "2023-03-31"),
    (["--year", "2023/24"], "2023-04-01", "2024-03-31"),
    (["--year", "2022/23", "--half", "1"], "2022-04-01", "2022-09-30"),
    (["--year", "2023/24", "--half", "2"], "2023-10-01", "2024-03-31"),
    (["--year", "2022/23", "--quarter", "1"], "2022-04-01", "2022-06-30"),
    (["--year", "2023/24", "--quarter", "1"], "2023-04-01", "2023-06-30"),
    (["--from", "2022-05-15", "--to", "2022-10-01"], "2022-05-15", "2022-10-01"),
    (["--from", "2023-12-01", "--to", "2024-02-29"], "2023-12-01", "2024-02-29"),
    (["--from", "2021-01-15", "--to", "2023-02-10"], "2021-01-15", "2023-02-10"),
    (["--from", "2022-09-19", "--to", "2022-09-19"], "2022-09-19", "2022-09-19"),
]
problems = []
ambiguities = []
stats = {"files": 0, "rows": 0, "reports": 0, "measure_values": 0, "cells": 0}


def heeded(db, *args, check=True):
    env = dict(os.environ, HEEDED_DEMO="true", DATABASE_URL=f"sqlite:///{db}")
    p = subprocess.run(
        ["uv", "run", "--frozen", "python", "-m", "heeded", *args],
        cwd=MAIN,
        env=env,
        capture_output=True,
        text=True,
    )
    if check and p.returncode != 0:
        raise RuntimeError(f"heeded {' '.join(args)} failed:\n{p.stdout}\n{p.stderr}")
    return p


def problem(kind, **kw):
    problems.append((kind, kw))
    print("DISCREPANCY", kind, json.dumps(kw, default=str)[:2000], flush=True)


def cell_norm(col, v):
    v = (v or "").strip()
    if col in MULTI_COLS:
        return tuple(sorted(x for x in v.split("|") if x))
    if col == "payment_amount" and v:
        return Decimal(v)
    return v


def compare_export(src_path, exp_path, frm=None, to=None):
    with open(src_path, newline="", encoding="utf-8-sig") as f:
        src = {r["reference"]: r for r in csv.DictReader(f)}
    with open(exp_path, newline="", encoding="utf-8-sig") as f:
        rd = csv.DictReader(f)
        header = rd.fieldnames
        exp = {r["reference"]: r for r in rd}
    if set(header) != set(COLUMNS):
        problem(
            "export-header",
            extra=sorted(set(header) - set(COLUMNS)),
            missing=sorted(set(COLUMNS) - set(header)),
        )
    if frm:
        src = {k: r for k, r in src.items() if frm <= r["received_on"] <= to}
    if set(src) != set(exp):
        problem(
            "export-rows",
            file=exp_path,
            missing=sorted(set(src) - set(exp))[:20],
            extra=sorted(set(exp) - set(src))[:20],
        )
    n = 0
    for ref in sorted(set(src) & set(exp)):
        for col in COLUMNS:
            a, b = cell_norm(col, src[ref].get(col)), cell_norm(col, exp[ref].get(col))
            n += 1
            if a != b:
                problem(
                    "export-cell",
                    file=exp_path,
                    reference=ref,
                    column=col,
                    imported=src[ref].get(col),
                    exported=exp[ref].get(col),
                )
            # A textual difference is allowed ('250' -> '250.00') if it is the 2-decimal form.
            elif (
                col == "payment_amount"
                and a != ""
                and src[ref][col] != exp[ref][col]
                and exp[ref][col] != f"{a:.2f}"
            ):
                problem(
                    "export-payment-format",
                    reference=ref,
                    imported=src[ref][col],
                    exported=exp[ref][col],
                )
    stats["cells"] += n
    return n


def cmp_value(where, mid, h, o, cases, frm, to):
    stats["measure_values"] += 1
    hn, on = oracle.normalise(h), oracle.normalise(o)
    if hn == on:
        return
    extra = {}
    if mid in (
        "representations.per_month",
        "stage1.average_working_days",
        "stage2.average_working_days",
    ):
        alt = oracle.measures(cases, frm, to, rounding=ROUND_HALF_EVEN)[mid]
        extra["oracle_half_even"] = alt
    if mid == "stage1.within_deadline":
        alt = oracle.measures(cases, frm, to, ext_mode="wd")[mid]
        if oracle.normalise(alt) == hn:
            ambiguities.append((where, mid, h, o))
            print(
                "AMBIGUITY (Heeded compares working days to stage1_extended_to, oracle dates)",
                where,
                h,
                o,
                flush=True,
            )
            return
    problem("measure", where=where, measure=mid, heeded=h, oracle=o, **extra)


def check_report(seed, db, csv_path, cases, args, frm, to, workdir):
    out = os.path.join(workdir, "report_" + "_".join(a.replace("/", "-") for a in args) + ".json")
    heeded(db, "report", *args, "--format", "json", "--output", out)
    stats["reports"] += 1
    with open(out) as f:
        rep = json.load(f)
    fd, td = D.fromisoformat(frm), D.fromisoformat(to)
    where = f"seed {seed} P={frm}..{to}"
    if rep["period"]["from"] != frm or rep["period"]["to"] != to:
        problem("period", where=where, heeded=rep["period"])
    mine = oracle.measures(cases, fd, td)
    hm = rep["measures"]
    if set(hm) != set(mine):
        problem(
            "measure-ids",
            where=where,
            extra=sorted(set(hm) - set(mine)),
            missing=sorted(set(mine) - set(hm)),
        )
    for mid in sorted(mine):
        if mid in hm:
            cmp_value(where, mid, hm[mid], mine[mid], cases, fd, td)
    # comparison periods
    exp_periods = oracle.comparison_periods(fd, td, 3)
    hp = {(v["from"], v["to"]): label for label, v in rep["comparison_periods"].items()}
    got = sorted(hp, reverse=True)
    want = [(a.isoformat(), b.isoformat()) for a, b in exp_periods]
    if got != want:
        problem("comparison-periods", where=where, heeded=got, oracle=want)
    for a, b in exp_periods:
        key = (a.isoformat(), b.isoformat())
        if key not in hp:
            continue
        label = hp[key]
        theirs = rep["comparisons"].get(label, {})
        ours = oracle.measures(cases, a, b)
        if set(theirs) != set(ours):
            problem(
                "comparison-ids", where=where, label=label, missing=sorted(set(ours) - set(theirs))
            )
        for mid in sorted(ours):
            if mid in theirs:
                cmp_value(
                    f"{where} comparison {label} ({a}..{b})",
                    mid,
                    theirs[mid],
                    ours[mid],
                    cases,
                    a,
                    b,
                )
    return rep


WIDE_PERIODS = [
    (["--year", "2018/19"], "2018-04-01", "2019-03-31"),
    (["--year", "2024/25"], "2024-04-01", "2025-03-31"),
    (["--year", "2025/26"], "2025-04-01", "2026-03-31"),
    (["--year", "2026/27"], "2026-04-01", "2027-03-31"),
    (["--year", "2026/27", "--half", "1"], "2026-04-01", "2026-09-30"),
    (["--from", "2018-01-01", "--to", "2026-12-04"], "2018-01-01", "2026-12-04"),
]


def run_wide(seed, rows):
    """Received 2018-01-01..2026-09-30 (every typed holiday year), reports up to this year."""
    workdir = os.path.join(WORK, f"wide{seed}")
    os.makedirs(workdir, exist_ok=True)
    csv_path = os.path.join(workdir, f"wide{seed}.csv")
    gen.write(seed, rows, csv_path, shuffle_columns=True, wide=True)
    db = os.path.join(workdir, "db.sqlite3")
    if os.path.exists(db):
        os.remove(db)
    heeded(db, "migrate")
    p = heeded(db, "import", csv_path, check=False)
    if p.returncode != 0:
        problem("import-refused", seed=f"wide{seed}", output=(p.stdout + p.stderr)[-3000:])
        return
    print(f"wide {seed}: {p.stdout.strip()}", flush=True)
    stats["files"] += 1
    stats["rows"] += rows
    cases = oracle.read_cases(csv_path)
    exp = os.path.join(workdir, "export_all.csv")
    heeded(db, "export", exp)
    compare_export(csv_path, exp)
    for args, frm, to in WIDE_PERIODS + PERIODS[:3]:
        check_report(f"wide{seed}", db, csv_path, cases, args, frm, to, workdir)
    print(f"wide {seed}: done; {len(problems)} discrepancies so far", flush=True)


def run_seed(seed, rows):
    workdir = os.path.join(WORK, str(seed))
    os.makedirs(workdir, exist_ok=True)
    csv_path = os.path.join(workdir, f"seed{seed}.csv")
    gen.write(
        seed,
        rows,
        csv_path,
        shuffle_columns=seed % 2 == 0,
        drop_columns=seed % 3 == 0,
        bom=seed % 2 == 1,
        strict=not LOOSE,
    )
    db = os.path.join(workdir, "db.sqlite3")
    if os.path.exists(db):
        os.remove(db)
    heeded(db, "migrate")
    p = heeded(db, "import", csv_path, check=False)
    if p.returncode != 0:
        problem("import-refused", seed=seed, output=(p.stdout + p.stderr)[-3000:])
        return
    print(f"seed {seed}: {p.stdout.strip()}", flush=True)
    stats["files"] += 1
    stats["rows"] += rows
    cases = oracle.read_cases(csv_path)
    # round trip: whole export, and a --from/--to export
    exp = os.path.join(workdir, "export_all.csv")
    heeded(db, "export", exp)
    compare_export(csv_path, exp)
    exp2 = os.path.join(workdir, "export_2022-05-15_2022-10-01.csv")
    heeded(db, "export", exp2, "--from", "2022-05-15", "--to", "2022-10-01")
    compare_export(csv_path, exp2, "2022-05-15", "2022-10-01")
    # re-import of the export with --update must change nothing
    p = heeded(db, "import", "--update", exp, check=False)
    if p.returncode != 0 or "0 created, 0 updated" not in p.stdout.replace(
        " cases created", " created"
    ).replace(" case created", " created"):
        problem("reimport-export", seed=seed, output=(p.stdout + p.stderr)[-1500:])
    for args, frm, to in PERIODS:
        check_report(seed, db, csv_path, cases, args, frm, to, workdir)
    # the export, imported into a fresh database, must give back the same export
    db2 = os.path.join(workdir, "db_reimport.sqlite3")
    if os.path.exists(db2):
        os.remove(db2)
    heeded(db2, "migrate")
    heeded(db2, "import", exp)
    exp3 = os.path.join(workdir, "export_reimported.csv")
    heeded(db2, "export", exp3)
    compare_export(csv_path, exp3)
    # --update: same references, every other cell drawn afresh (seed + 1000)
    upd = os.path.join(workdir, f"seed{seed}_update.csv")
    gen.write(seed + 1000, rows, upd, shuffle_columns=seed % 2 == 1, bom=seed % 2 == 0)
    p = heeded(db, "import", upd, check=False)
    if p.returncode == 0:
        problem("import-existing-without-update-accepted", seed=seed)
    p = heeded(db, "import", "--update", upd, check=False)
    if p.returncode != 0:
        problem("import-update-refused", seed=seed, output=(p.stdout + p.stderr)[-3000:])
    else:
        print(f"seed {seed} update: {p.stdout.strip()}", flush=True)
        exp4 = os.path.join(workdir, "export_after_update.csv")
        heeded(db, "export", exp4)
        compare_export(upd, exp4)
        ucases = oracle.read_cases(upd)
        for args, frm, to in PERIODS[:3]:
            check_report(f"{seed}+update", db, upd, ucases, args, frm, to, workdir)
    if XLSX_PY and seed % 2 == 1:
        xl = os.path.join(workdir, f"seed{seed}.xlsx")
        subprocess.run(
            [XLSX_PY, os.path.join(HERE, "xlsx_tool.py"), "to-xlsx", csv_path, xl], check=True
        )
        db3 = os.path.join(workdir, "db_xlsx.sqlite3")
        if os.path.exists(db3):
            os.remove(db3)
        heeded(db3, "migrate")
        p = heeded(db3, "import", xl, check=False)
        if p.returncode != 0:
            problem("xlsx-import-refused", seed=seed, output=(p.stdout + p.stderr)[-3000:])
        else:
            xexp = os.path.join(workdir, "export_xlsx.xlsx")
            heeded(db3, "export", xexp)
            xcsv = os.path.join(workdir, "export_xlsx.csv")
            subprocess.run(
                [XLSX_PY, os.path.join(HERE, "xlsx_tool.py"), "to-csv", xexp, xcsv], check=True
            )
            compare_export(csv_path, xcsv)
            check_report(f"{seed}/xlsx", db3, csv_path, cases, *PERIODS[1], workdir)
    print(f"seed {seed}: done; {len(problems)} discrepancies so far", flush=True)


if __name__ == "__main__":
    specs = [a for a in sys.argv[1:] if a != "--loose"] or [
        "1:400",
        "2:800",
        "3:1500",
        "4:2000",
        "5:1200",
        "6:600",
        "7:1000",
        "8:300",
        "9:700",
        "10:1800",
        "11:900",
        "12:1500",
    ]
    for s in specs:
        if s.startswith("wide"):
            seed, rows = map(int, s[4:].split(":"))
            run_wide(seed, rows)
            continue
        seed, rows = map(int, s.split(":"))
        run_seed(seed, rows)
    print("STATS", json.dumps(stats))
    print("AMBIGUITIES (response on a non-working day after stage1_extended_to)", len(ambiguities))
    kinds = {}
    for k, kw in problems:
        key = (k, kw.get("measure") or kw.get("column") or "")
        kinds[key] = kinds.get(key, 0) + 1
    print("SUMMARY", json.dumps({f"{a}:{b}": n for (a, b), n in sorted(kinds.items())}, indent=1))
