"""Where a page's time goes, in one process: bench.pages's pages through Django's test client.

    HEEDED_DEMO=true uv run python -m bench.profile_pages [--repeat 30] [--only PAGE]
        [--sql] [--profile PAGE] [--sort tottime|cumulative] [--lines 40]

On bench.pages's database (heeded_workqueue_bench; run bench.pages once to build it), signed
in as its bench officer, each page is asked for ``--repeat`` times after a warm-up, through
the whole middleware stack (sessions, sign-in, CSP) but with no server, network or other
clients: the milliseconds are a page's own cost, what bench.pages's ten clients queue
behind on two cores. Printed for each page, and for the bare view as the baseline: the best
and the median milliseconds, in all and of this process's CPU (steadier on a busy machine;
the database's own work is not in it), its queries, and the Python function calls it makes
(a measure that does not vary with the machine's load). ``--sql`` prints each page's
queries; ``--profile PAGE`` (a name's start, such as "dashboard") then runs that page under
cProfile and prints its heaviest functions.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time

from .pages import PG_NAME, PG_SERVER, USERNAME, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", metavar="PAGE", help="time only the pages whose name starts so")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    parser.add_argument("--profile", metavar="PAGE", help="profile the page whose name starts so")
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    parser.add_argument("--lines", type=int, default=40)
    options = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", f"{PG_SERVER}/{PG_NAME}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.pages_site"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from heeded.cases.models import Case

    client = Client()
    client.force_login(User.objects.get(username=USERNAME))
    newest = Case.objects.filter(closed_on__isnull=True).order_by("-received_on").first()

    def ask(path: str) -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    print(
        f"{'page':40} {'best ms':>8} {'median':>8} {'cpu best':>9} {'cpu med':>8} "
        f"{'queries':>8} {'calls':>8}"
    )
    chosen = None
    for name, path in pages(newest.reference).items():
        if options.only and not (name.startswith(options.only) or name.startswith("baseline")):
            continue
        for _ in range(3):
            ask(path)
        queries: list[str] = []
        counting = cProfile.Profile()
        with connection.execute_wrapper(_recorder(queries)):
            counting.runcall(ask, path)
        # Python function calls in one request: unlike time, the same however busy the
        # machine is, so a change's effect shows even while other work runs.
        calls = pstats.Stats(counting).total_calls
        took, cpu = [], []
        for _ in range(options.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            ask(path)
            took.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        print(
            f"{name:40} {min(took):8.1f} {statistics.median(took):8.1f} "
            f"{min(cpu):9.1f} {statistics.median(cpu):8.1f} {len(queries):8} {calls:8}",
            flush=True,
        )
        if options.sql:
            for sql in queries:
                print("    ", sql[:160])
        if options.profile and name.startswith(options.profile) and chosen is None:
            chosen = name, path

    if chosen:
        name, path = chosen
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options.repeat):
            ask(path)
        profiler.disable()
        print(f"\n{name}: {options.repeat} requests under cProfile, by {options.sort}")
        pstats.Stats(profiler).sort_stats(options.sort).print_stats(options.lines)


def _recorder(queries: list[str]):
    """A database execute wrapper that notes each query's SQL in ``queries``."""

    def record(run, sql, *args):
        queries.append(sql)
        return run(sql, *args)

    return record


if __name__ == "__main__":
    main()
