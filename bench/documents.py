"""How long each rendering of the annual report takes, against computing its sections.

    HEEDED_DEMO=true uv run python -m bench.documents [--repeat 5]

No database: the Isle of Wight 2019/20 sample report (heeded/reports/tests/fixtures) with
the default labels. The baseline is ``build_document`` (the sections computed once); each
format is timed writing that same document, so the ratio is the cost of the format alone.
"""

from __future__ import annotations

import argparse
import os
import time


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heeded.settings")
    import django

    django.setup()
    from heeded.reports.document import build_document
    from heeded.reports.renderers import charts, render_document
    from heeded.reports.tests.fixtures.sample_report import sample_report

    report = sample_report()
    document = build_document(report)
    render_document(document, "html")  # import matplotlib and templates once
    baseline = best_of(repeat, lambda: build_document(report))
    public = best_of(repeat, lambda: build_document(report, public=True))
    print(f"{'build_document (baseline)':28} {baseline * 1000:9.1f} ms   1.0x")
    print(f"{'build_document, public':28} {public * 1000:9.1f} ms {public / baseline:6.1f}x")
    chart = next(b for s in document.sections for b in s.blocks if b.kind == "chart")
    for name, work in (
        ("one chart as SVG", lambda: charts.svg(chart)),
        ("one chart as PNG", lambda: charts.png(chart)),
    ):
        took = best_of(repeat, work)
        print(f"{name:28} {took * 1000:9.1f} ms {took / baseline:6.1f}x")
    for fmt in ("json", "xlsx", "html", "docx", "pdf"):
        target = document if fmt != "json" else build_document(report, public=True)
        took = best_of(
            repeat if fmt != "pdf" else max(1, repeat // 2),
            lambda t=target, f=fmt: render_document(t, f),
        )
        print(f"{fmt:28} {took * 1000:9.1f} ms {took / baseline:6.1f}x")


if __name__ == "__main__":
    main()
