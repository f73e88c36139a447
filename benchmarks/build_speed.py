"""How long the build and an update take, and how large the database is.

    python benchmarks/build_speed.py [--shared ../shared] [--runs 3]

Builds the database from ``shared/sources`` into a temporary folder (best of ``--runs``),
then loads the March 2024 edition into an empty user database beside it, and prints the
times, the size (goal: under 5 MB), the counts by framework and type, and the number of
disagreements.  Exits 1 when the size goal is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ofstedcli.build import build_database, update_database  # noqa: E402

SIZE_GOAL = 5_000_000


def main() -> int:
    """Measure and print the figures; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sources = args.shared / "sources"
    if not sources.is_dir():
        print(f"no sources at {sources}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "inspections.db"
        times = []
        for _ in range(max(1, args.runs)):
            start = time.perf_counter()
            report = build_database(sources, out)
            times.append(time.perf_counter() - start)
        editions = sorted((sources / "ofsted").glob("*2024*.ods"))
        update_time = None
        if editions:
            start = time.perf_counter()
            update_database(editions[0], Path(tmp) / "user.db", out)
            update_time = time.perf_counter() - start
    print(f"build: {min(times):.2f} s (best of {len(times)})")
    if update_time is not None:
        print(f"update with {editions[0].name}: {update_time:.2f} s")
    print(f"size: {report.size / 1e6:.2f} MB (goal < {SIZE_GOAL / 1e6:.0f} MB)")
    for (framework, type_), n in sorted(report.counts.items()):
        print(f"  {framework:6} {type_:20} {n:5}")
    print(f"  total                       {sum(report.counts.values()):5}")
    print(
        f"authorities: {report.authorities_current} current, {report.authorities_former} former;"
        f" provisional: {report.provisional}; disagreements: {len(report.disagreements)}"
    )
    return 0 if report.size < SIZE_GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
