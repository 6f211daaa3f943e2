"""How fast the dashboard, the case list and the case page are with 100,000 cases.

    HEEDED_DEMO=true uv run python -m bench.pages [--cases 100000] [--requests 200]
        [--clients 10] [--workers 2 x cores + 1] [--threads 1]

On PostgreSQL (a dedicated database, heeded_workqueue_bench): fill it with
``heeded demo --scale N`` if it holds fewer cases, give a bench officer some of them, start
gunicorn on 127.0.0.1:8105 with bench.pages_site (Heeded's settings; bench.pages_urls adds
a bare view), sign
in once per client, then time each page with 10 concurrent clients. The baseline is the bare
view on the same server, through the same middleware (session, sign-in, CSP). Reported: p50
and p95 latency per page and the ratio of each to the baseline's. Target: p95 < 150 ms and
within 3x the baseline.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "heeded_workqueue_bench"
HOST, PORT = "127.0.0.1", 8105
BASE = f"http://{HOST}:{PORT}"
USERNAME, PASSWORD = "bench-officer", "bench-only-password-1234"
ROOT = Path(__file__).resolve().parents[1]


def environment(settings: str = "heeded.settings") -> dict[str, str]:
    return {
        **os.environ,
        "HEEDED_DEMO": "true",
        "DATABASE_URL": f"{PG_SERVER}/{PG_NAME}",
        "DJANGO_SETTINGS_MODULE": settings,
        "LOG_LEVEL": "WARNING",
        # The bench signs in ten clients from one address in a few seconds.
        "LOGIN_FAILED_RATE_LIMIT": "1000/m/ip,1000/m/key",
    }


def heeded(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "heeded", *args], env=environment(), check=True)


def prepare(cases: int) -> str:
    """Migrate, fill to ``cases``, and return a case reference for the case page."""
    subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-qc", f"CREATE DATABASE {PG_NAME}"],
        capture_output=True,
    )
    heeded("migrate", "--no-input", "-v0")
    script = f"""
from django.contrib.auth.models import Group, User
from heeded.access.roles import Role, ensure_role_groups
from heeded.cases.models import Case
ensure_role_groups()
have = Case.objects.count()
print("BENCH", have)
user, _ = User.objects.get_or_create(username={USERNAME!r}, defaults=dict(first_name="Bench"))
user.set_password({PASSWORD!r}); user.save()
user.groups.add(Group.objects.get(name=Role.COMPLAINTS_OFFICER.value))
# "My work": the bench officer has 300 open cases, as a busy officer might.
open_cases = Case.objects.filter(closed_on__isnull=True)
mine = open_cases.order_by("id").values_list("pk", flat=True)[:300]
Case.objects.filter(pk__in=list(mine)).update(assigned_officer=user)
newest = open_cases.order_by("-received_on").first()
# An empty database (before its first fill) has no case page to time yet.
print("BENCH", newest.reference if newest else "-")
"""
    out = _shell(script)
    have, reference = int(out[0]), out[1]
    if have < cases:
        heeded("demo", "--scale", str(cases - have))
        out = _shell(script)
        reference = out[1]
    # Fresh statistics and visibility map after a bulk load, as autovacuum would soon give
    # a real database (the visibility map lets counts and id pages read indexes alone).
    subprocess.run(["psql", f"{PG_SERVER}/{PG_NAME}", "-qc", "VACUUM ANALYZE"], check=True)
    return reference


def _shell(script: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "heeded", "shell", "-c", script],
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    # Only the lines the script printed (the shell announces its imports too).
    return [line.split()[1] for line in result.stdout.splitlines() if line.startswith("BENCH ")]


def start_server(workers: int, threads: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "heeded.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(workers),
            # A sync worker takes a connection only when it is free, so requests wait in one
            # queue for the next free worker; a one-thread gthread worker accepts eagerly and
            # queues requests behind its own busy thread while other workers sit idle.
            "--worker-class",
            "sync" if threads == 1 else "gthread",
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        env=environment("bench.pages_site"),
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/bench/bare/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start on " + BASE)


def signed_in_opener() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"login": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        BASE + "/accounts/login/", data=data, headers={"Referer": BASE + "/accounts/login/"}
    )
    landed = opener.open(request)
    if landed.geturl().rstrip("/") != BASE:
        raise SystemExit(f"Signing in failed: ended at {landed.geturl()}")
    return opener


def time_page(openers, path: str, requests: int) -> list[float]:
    def one(n: int) -> float:
        opener = openers[n % len(openers)]
        start = time.perf_counter()
        response = opener.open(BASE + path)
        response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        return elapsed * 1000

    with ThreadPoolExecutor(max_workers=len(openers)) as pool:
        # Warm every worker first: its database connection, the templates it has compiled,
        # the libraries a page loads on first use. Concurrently, so that every worker is
        # busy at some point; one request after another would mostly reach the same one
        # and leave the others' first requests (up to half a second) among those timed.
        list(pool.map(one, range(4 * len(openers))))
        return list(pool.map(one, range(requests)))


def pages(reference: str) -> dict[str, str]:
    """The pages timed, by name (the baseline first), ``reference`` being the case page's."""
    return {
        "baseline: bare view": "/bench/bare/",
        "dashboard (my work and team)": "/",
        "case list, first page": "/cases/",
        "case list, open by deadline": "/cases/?status=open&sort=deadline",
        "case list, one team": "/cases/?team=fostering",
        "case list, a service and its 9 teams": "/cases/?team=childrens_social_care",
        "case list, search for a name": "/cases/?q=smith",
        "case list, page 1,000": "/cases/?page=1000",
        "case list, overdue, mine": "/cases/?status=open&officer=me&deadline=overdue",
        "case page": f"/cases/{reference}/",
    }


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=10)
    # Gunicorn's own advice for its workers: two per core plus one. One thread each: the
    # pages are Python work between many short database queries, and threads of one
    # process take turns at the interpreter lock, each query's answer waiting for another
    # thread's turn to end, which stretches every page on two cores.
    parser.add_argument("--workers", type=int, default=2 * len(os.sched_getaffinity(0)) + 1)
    parser.add_argument("--threads", type=int, default=1)
    options = parser.parse_args()

    reference = prepare(options.cases)
    server = start_server(options.workers, options.threads)
    try:
        openers = [signed_in_opener() for _ in range(options.clients)]
        results = {
            name: time_page(openers, path, options.requests)
            for name, path in pages(reference).items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)

    base50 = percentile(results["baseline: bare view"], 50)
    base95 = percentile(results["baseline: bare view"], 95)
    print(
        f"\n{options.cases:,} cases on PostgreSQL; {options.clients} concurrent clients, "
        f"{options.requests} requests a page; gunicorn {options.workers} workers x "
        f"{options.threads} thread{'s' if options.threads > 1 else ''}\n"
    )
    print(f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'x base p50':>11} {'x base p95':>11}")
    for name, timings in results.items():
        p50, p95 = percentile(timings, 50), percentile(timings, 95)
        verdict = (
            ""
            if name.startswith("baseline")
            else ("  ok" if p95 < 150 and p95 <= 3 * base95 else "  SLOW")
        )
        print(f"{name:40} {p50:8.1f} {p95:8.1f} {p50 / base50:11.1f} {p95 / base95:11.1f}{verdict}")


if __name__ == "__main__":
    main()
