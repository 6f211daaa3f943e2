"""The public forms under load, served as in production: 200 forms from 20 clients at once.

    HEEDED_DEMO=true uv run python -m bench.public_load [--clients 20] [--forms 200]

Makes a fresh PostgreSQL database (heeded_public_bench), migrates it, collects static files,
and starts gunicorn on 127.0.0.1:8108 without demo mode (a random SECRET_KEY, real static
manifest, PUBLIC_RATE_LIMIT=0 so the bench is not rate-limited). Each client keeps its own
cookies (session and CSRF) and walks every page of a form, as a browser would, cycling
through the complaint, compliment, comment and young person's routes. Every tenth form is
sent a second time with the same token, as a double click would.

Then it checks, in the database, that every form became exactly one case (none lost, none
doubled), and reports p50 and p95 for the Send (POST and the confirmation page it leads
to) and for the whole walk, with the start page's GET under the same load as the baseline.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from heeded.public.tests.journeys import ANSWERS

PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "heeded_public_bench"
HOST, PORT = "127.0.0.1", 8108
BASE = f"http://{HOST}:{PORT}"
ROOT = Path(__file__).resolve().parents[1]


def server_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "HEEDED_DEMO"}
    env.update(
        DJANGO_SETTINGS_MODULE="heeded.settings",
        DATABASE_URL=f"{PG_SERVER}/{PG_NAME}",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_COOKIES="false",  # plain HTTP on the loopback: cookies must not be Secure
        STATIC_ROOT=str(Path(tempfile.gettempdir()) / "heeded_public_bench_static"),
        DOCUMENTS_ROOT=str(Path(tempfile.gettempdir()) / "heeded_public_bench_documents"),
        PUBLIC_RATE_LIMIT="0",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "heeded.cli", *args], env=env, check=True, cwd=ROOT)


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_NAME}")


def start_server(env: dict, workers: int, threads: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "heeded.wsgi",
        "--bind", f"{HOST}:{PORT}",
        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/feedback/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on {BASE}; see {log}")


class Visitor:
    """One browser: its own cookie jar (session and CSRF cookies)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(BASE + path, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, data: dict) -> tuple[str, str]:
        csrf = next(c.value for c in self.cookies if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}, doseq=True)
        request = urllib.request.Request(BASE + path, data=body.encode(), method="POST")
        with self.opener.open(request, timeout=60) as response:
            return response.geturl(), response.read().decode()


def walk(visitor: Visitor, journey: str, twice: bool, timings: dict) -> str:
    """Fill in and send one form; return the reference on its confirmation page."""
    began = time.perf_counter()
    visitor.get("/feedback/")
    timings["start_page"].append(time.perf_counter() - began)
    visitor.get("/feedback/choose/")
    url, _ = visitor.post("/feedback/choose/", {"choice": journey})
    for step, answers in ANSWERS[journey].items():
        path = f"/feedback/{journey}/{step}/"
        url, page = visitor.post(path, answers)
        assert "There is a problem" not in page, (path, page[:2000])
    assert url.endswith(f"/feedback/{journey}/check/"), url
    token = re.search(r'name="token" value="([0-9a-f-]+)"', page).group(1)
    sent = time.perf_counter()
    done_url, page = visitor.post(f"/feedback/{journey}/check/", {"token": token})
    timings["send"].append(time.perf_counter() - sent)
    timings["walk"].append(time.perf_counter() - began)
    reference = re.search(r"Your reference number<br><strong>([^<]+)</strong>", page).group(1)
    if twice:
        again_url, again = visitor.post(f"/feedback/{journey}/check/", {"token": token})
        assert again_url == done_url, (again_url, done_url)
        assert reference in again
    return reference


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(clients: int, forms: int) -> None:
    journeys = list(ANSWERS)
    timings = {"start_page": [], "send": [], "walk": []}
    references: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    per_client = [forms // clients + (1 if n < forms % clients else 0) for n in range(clients)]
    gate = threading.Barrier(clients)

    def client(number: int) -> None:
        visitor = Visitor()
        gate.wait()
        for index in range(per_client[number]):
            serial = sum(per_client[:number]) + index
            try:
                reference = walk(
                    visitor, journeys[serial % len(journeys)], serial % 10 == 0, timings
                )
                with lock:
                    references.append(reference)
            except BaseException as error:  # counted and shown below
                with lock:
                    failures.append(error)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{PG_NAME}") as connection:
        cases, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT reference) FROM cases_case"
        ).fetchone()
        submissions = connection.execute(
            "SELECT count(*) FROM public_submission WHERE case_id IS NOT NULL"
        ).fetchone()[0]
        stored = {r for (r,) in connection.execute("SELECT reference FROM cases_case")}

    resent = sum(1 for n in range(forms) if n % 10 == 0)
    print(
        f"{forms} forms from {clients} clients in {elapsed:.1f} s ({forms / elapsed:.1f} forms/s)"
    )
    print(f"failures: {len(failures)}")
    for error in failures[:5]:
        print(f"  {type(error).__name__}: {str(error)[:300]}")
    print(
        f"cases in the database: {cases} (distinct references {distinct}); "
        f"submissions {submissions}"
    )
    print(
        f"sent a second time with the same token: {resent}; "
        f"extra cases made: {cases - len(set(references))}"
    )
    print(f"confirmation references match the database: {set(references) == stored}")
    for name in ("start_page", "send", "walk"):
        values = timings[name]
        print(
            f"{name:>10}: p50 {percentile(values, 0.5) * 1000:7.1f} ms   "
            f"p95 {percentile(values, 0.95) * 1000:7.1f} ms   (n={len(values)})"
        )
    baseline = statistics.median(timings["start_page"])
    print(f"send p50 / start page p50 = {statistics.median(timings['send']) / baseline:.1f}x")
    ok = not failures and cases == forms == distinct == submissions and set(references) == stored
    print("RESULT:", "every form is exactly one case" if ok else "MISMATCH")
    if not ok:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    env = server_env()
    fresh_database()
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    # The organisation row is made on first use; make it before the crowd arrives.
    manage(
        env, "shell", "-c", "from heeded.organisation.models import Organisation as O; O.current()"
    )
    log = Path(tempfile.gettempdir()) / "heeded_public_bench_gunicorn.log"
    server = start_server(env, args.workers, args.threads, log)
    print(
        f"gunicorn: {args.workers} workers x {args.threads} threads, "
        f"PostgreSQL {PG_NAME}; log {log}"
    )
    try:
        run(args.clients, args.forms)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
