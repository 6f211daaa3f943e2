"""``make bench``: list the benchmarks, each compared with a baseline in the same run.

Each one takes minutes (they build 100,000 to 1,000,000 cases), so they are run one at a
time by name: ``HEEDED_DEMO=true uv run python -m bench.<name> --help``.
"""

import importlib
import pkgutil

import bench


def main() -> None:
    print("Benchmarks (run one with: HEEDED_DEMO=true uv run python -m bench.<name>):\n")
    for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__)):
        if module.startswith("_") or module.startswith("pages_"):
            continue
        doc = (importlib.import_module(f"bench.{module}").__doc__ or "").strip()
        print(f"  {module:14} {doc.splitlines()[0] if doc else ''}")


if __name__ == "__main__":
    main()
