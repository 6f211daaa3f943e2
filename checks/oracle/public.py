"""The public version of every report ``run.py`` wrote: nothing given away across tables.

    uv run python checks/oracle/public.py     # after run.py; about a minute for 132 reports

For each ``var/oracle/<seed>/report_*.json``, against that seed's own database (for the
labels), build the public document as ``heeded report --public`` does and read every table
together as a reader with a pencil would (``suppression.disclosed_across``). Prints each
report that gives a count under the threshold away, the tables left out of the public
version (and how often), and the slowest build.
"""

import collections
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(MAIN, "var", "oracle")


def check(paths: list[str]) -> dict:
    """In a process set up on one seed's database: the findings for its reports."""
    import django

    django.setup()
    from django.core.management import call_command

    from heeded.reports.document.structure import Note
    from heeded.reports.document.suppression import disclosed_across
    from heeded.reports.renderers import document_for

    call_command("migrate", verbosity=0)  # a work database made by an earlier version
    found = {"given_away": [], "left_out": collections.Counter(), "slowest": (0.0, "")}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        started = time.perf_counter()
        document = document_for(report, public=True)
        took = time.perf_counter() - started
        found["slowest"] = max(found["slowest"], (took, path))
        for section in document.sections:
            for part in [section, *section.subsections]:
                for block in part.blocks:
                    if isinstance(block, Note) and block.text.startswith("The table of "):
                        found["left_out"][block.text.split(" is not published")[0]] += 1
        for places in disclosed_across(document.tables(), document.threshold):
            found["given_away"].append((path, [(t.id, p) for t, p in places]))
    return found


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        found = check(sys.argv[2:])
        print(json.dumps({**found, "left_out": dict(found["left_out"])}))
        return
    given_away, left_out, slowest, reports = [], collections.Counter(), (0.0, ""), 0
    for seed_dir in sorted(glob.glob(os.path.join(WORK, "*"))):
        paths = sorted(glob.glob(os.path.join(seed_dir, "report_*.json")))
        database = os.path.join(seed_dir, "db.sqlite3")
        if not paths or not os.path.exists(database):
            continue
        env = dict(
            os.environ,
            HEEDED_DEMO="true",
            DATABASE_URL=f"sqlite:///{database}",
            DJANGO_SETTINGS_MODULE="heeded.settings",
        )
        out = subprocess.run(
            [sys.executable, __file__, "--child", *paths],
            env=env,
            cwd=MAIN,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise SystemExit(f"{os.path.relpath(seed_dir, MAIN)}:\n{out.stderr}")
        found = json.loads(out.stdout.strip().splitlines()[-1])
        reports += len(paths)
        given_away += found["given_away"]
        left_out.update(found["left_out"])
        slowest = max(slowest, tuple(found["slowest"]))
    for path, places in given_away:
        print("GIVEN AWAY", os.path.relpath(path, MAIN), places)
    print(f"{reports} public reports; {len(given_away)} counts given away across tables")
    print(f"slowest build: {slowest[0]:.1f} s ({os.path.relpath(slowest[1], MAIN)})")
    for table, times in left_out.most_common():
        print(f"left out {times} time{'' if times == 1 else 's'}: {table}")


if __name__ == "__main__":
    main()
