"""Damaged copies of valid files must be refused, every error named, nothing written.

    uv run python checks/oracle/damage.py [SEED:ROWS ...]     (default 21:400 22:400 23:400)

For each seed: a valid random file (gen.py), then copies damaged in known cells, one
damage a row, each of a kind the spec names (an unknown code, a bad or impossible date,
dates out of order, a duplicate reference, an empty required cell, a bad true/false or
amount) and, in separate copies, the header (an unknown column, a missing required column).
Each copy goes through ``heeded import`` on a fresh database. It must fail, write no case,
and name exactly the damaged (row, column) pairs: none missed, none extra. Then the
undamaged file must import whole, so that the refusals were the damage's and not the file's.
"""

import csv
import datetime as dt
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen
from oracle import COLUMNS

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(MAIN, "var", "oracle", "damage")
# "Row 1,204, natures ('x'): ..."; a header problem names the spreadsheet column and its text:
# "Row 1, AE ('Natures'): ...".
PROBLEM = re.compile(r"^Row (\d{1,3}(?:,\d{3})*)(?:, (\w+))?(?: \('(.*?)'\))?:")
CODE_COLUMNS = ["how_received", "complainant_type", "record_type"]
MULTI_CODE_COLUMNS = ["natures", "service_teams", "outcomes_sought"]
DATE_COLUMNS = ["received_on", "acknowledged_on", "closed_on", "stage1_responded_on"]
failures = []


def heeded(db, *args):
    env = dict(os.environ, HEEDED_DEMO="true", DATABASE_URL=f"sqlite:///{db}")
    return subprocess.run(
        ["uv", "run", "--frozen", "python", "-m", "heeded", *args],
        cwd=MAIN,
        env=env,
        capture_output=True,
        text=True,
    )


def fresh_db(name):
    db = os.path.join(WORK, f"{name}.sqlite3")
    if os.path.exists(db):
        os.remove(db)
    result = heeded(db, "migrate", "--no-input", "-v0")
    assert result.returncode == 0, result.stderr
    return db


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def write(path, rows, columns):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_xlsx(path, rows, columns):
    from openpyxl import Workbook  # run under uv: the project's openpyxl

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cases")
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c, "") or None for c in columns])
    book.save(path)


def day(text):
    return dt.date.fromisoformat(text)


def damages(row, rows, i, r):
    """The ways this row can be damaged in one cell, each as (column, new value), each one
    problem: a cell that cannot be read stops the checks of the row as a whole."""
    received = day(row["received_on"])
    options = [
        (r.choice(CODE_COLUMNS), "carrier_pigeon"),
        (r.choice(MULTI_CODE_COLUMNS), "delay|not_a_code"),
        ("young_person", r.choice(["yes", "True", "1"])),
        ("payment_amount", r.choice(["£50", "50,00", "fifty"])),
        (r.choice(DATE_COLUMNS), r.choice(["2022/05/01", "1 May 2022", "2022-02-30"])),
        # Out of order: acknowledged the day before it was received.
        ("acknowledged_on", (received - dt.timedelta(days=1)).isoformat()),
        ("record_type", ""),
    ]
    if i > 0:
        options.append(("reference", rows[r.randrange(0, i)]["reference"]))
    if row["stage2_started_on"] and row["stage1_responded_on"]:
        # Stage 2 started the day before Stage 1 was answered (and not before receipt, which
        # would be a second problem).
        early = day(row["stage1_responded_on"]) - dt.timedelta(days=1)
        if early >= received:
            options.append(("stage2_started_on", early.isoformat()))
    return options


def damaged_copy(rows, r, count):
    """A copy with ``count`` rows damaged; the damaged (row number, column) pairs."""
    copy = [dict(row) for row in rows]
    expected = set()
    for i in sorted(r.sample(range(len(copy)), count)):
        column, value = r.choice(damages(copy[i], copy, i, r))
        copy[i][column] = value
        expected.add((i + 2, column))  # the header is row 1
    return copy, expected


def named(stderr, header=False):
    """The (row, column) pairs the import named; for the header row, the column's name is
    the cell's text when the column is a letter."""
    found = set()
    for line in stderr.splitlines():
        m = PROBLEM.match(line)
        if m:
            row, column, value = int(m.group(1).replace(",", "")), m.group(2) or "", m.group(3)
            if header and row == 1 and value and re.fullmatch(r"[A-Z]{1,3}", column):
                column = value
            found.add((row, column))
    return found


def check_rows(seed, rows, r):
    for attempt in range(3):
        copy, expected = damaged_copy(rows, r, r.randint(1, 25))
        # The last copy as a workbook: the same rows, the same row numbers.
        suffix = "xlsx" if attempt == 2 else "csv"
        path = os.path.join(WORK, f"seed{seed}_damaged{attempt}.{suffix}")
        (write_xlsx if suffix == "xlsx" else write)(path, copy, COLUMNS)
        db = fresh_db(f"seed{seed}_{attempt}")
        result = heeded(db, "import", path, "-v0")
        found = named(result.stderr)
        written = heeded(
            db,
            "shell",
            "-c",
            "from heeded.cases.models import Case; print('CASES', Case.objects.count())",
        ).stdout
        if result.returncode == 0:
            failures.append((seed, attempt, "the damaged file was imported"))
        if "CASES 0" not in written:
            failures.append((seed, attempt, f"cases were written: {written.strip()}"))
        if found != expected:
            failures.append(
                (
                    seed,
                    attempt,
                    f"missed {sorted(expected - found)}, extra {sorted(found - expected)}",
                    result.stderr[-1500:],
                )
            )
        print(
            f"seed {seed} {suffix} copy {attempt}: {len(expected)} damaged cells, "
            f"{len(found)} named",
            flush=True,
        )


def check_header(seed, rows):
    cases = {
        "unknown column": (COLUMNS + ["Natures"], {(1, "Natures")}),
        "missing required column": (
            [c for c in COLUMNS if c != "received_on"],
            {(1, "received_on")},
        ),
    }
    for what, (columns, expected) in cases.items():
        trimmed = [{c: row.get(c, "") for c in columns} for row in rows]
        path = os.path.join(WORK, f"seed{seed}_{what.replace(' ', '_')}.csv")
        write(path, trimmed, columns)
        db = fresh_db(f"seed{seed}_header")
        result = heeded(db, "import", path, "-v0")
        found = {pair for pair in named(result.stderr, header=True) if pair[0] == 1}
        if result.returncode == 0 or not expected <= found:
            failures.append(
                (seed, what, f"expected {expected}, named {found}", result.stderr[-800:])
            )
        print(f"seed {seed} {what}: named {sorted(found)}", flush=True)


def main():
    os.makedirs(WORK, exist_ok=True)
    specs = sys.argv[1:] or ["21:400", "22:400", "23:400"]
    for spec in specs:
        seed, count = (int(x) for x in spec.split(":"))
        path = os.path.join(WORK, f"seed{seed}.csv")
        gen.write(seed, count, path)
        rows = read(path)
        r = random.Random(seed)
        check_rows(seed, rows, r)
        check_header(seed, rows)
        db = fresh_db(f"seed{seed}_whole")
        whole = heeded(db, "import", path, "-v0")
        if whole.returncode != 0:
            failures.append((seed, "undamaged file refused", whole.stderr[-1500:]))
    for failure in failures:
        print("FAILURE", *failure, sep="\n  ")
    print(f"SUMMARY {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
