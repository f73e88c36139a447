"""How long ``ofsted db update`` takes to catch up: 5 new reports, and nothing new.

    python benchmarks/update_speed.py [--runs 7]

A real HTTP server on 127.0.0.1 serves a D2I report index whose 5 rows are reports the
database does not hold, and the 5 report PDFs (generated, in Ofsted's ILACS layout).  The
database is a copy of the bundled one (or, without it, one built from the tests' tiny
sources).  Each run is a new ``ofsted`` process, as a daily job runs it:

1. 5 new reports: a fresh copy of the database and an empty download cache each run
   (index and 5 PDFs downloaded, read, stored with their inspections).
2. nothing new: the database after (1) and a warm cache (the index asked for conditionally,
   answered 304; no report fetched).  Goal: under a second on loopback ("well under a
   second plus the network").

Medians of ``--runs``, with ``python -c "import typer"`` measured in the same run as the
baseline.  The outcomes-edition place is turned off (it is a separate download).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ofstedcli.store import BUNDLED_PATH  # noqa: E402
from tests.build import sources as src  # noqa: E402
from tests.build.server import Site, serve  # noqa: E402
from tests.build.test_online import index_row, report_pdf  # noqa: E402

#: Goal for a run that finds nothing (seconds, on loopback: no network time to add).
NOTHING_GOAL = 1.0
GRADES = {"leadership": "Good", "help_and_protection": "Good", "in_care": "Good",
          "care_leavers": "Outstanding"}  # fmt: skip
#: (Ofsted URN, name as the index writes it, name as the report writes it).
AUTHORITIES = (
    ("80482", "leicester", "Leicester"),
    ("80426", "barnsley", "Barnsley"),
    ("2532283", "dorset", "Dorset"),
    ("2532287", "bournemouth, christchurch & poole", "Bournemouth, Christchurch and Poole"),
    ("80530", "north yorkshire", "North Yorkshire"),
)


def base_database(tmp: Path) -> Path:
    """The bundled database if installed, else one built from the tests' tiny sources."""
    if BUNDLED_PATH.is_file():
        return BUNDLED_PATH
    from ofstedcli.build import build_database

    return build_database(src.write_sources(tmp / "sources"), tmp / "base.db").out


def site_files(site: Site, tmp: Path) -> None:
    """The index of 5 new reports and the reports."""
    rows = []
    for n, (urn, la, written) in enumerate(AUTHORITIES):
        path = f"/reports/{urn}.pdf"
        start = date(2026, 9, 7 + n)
        end = date(2026, 9, 18 + n)
        site.files[path] = report_pdf(written, start, end, "Jane Doe", GRADES)
        rows.append(
            index_row(urn, la, site.url(path), f"{10 + n:02d}/10/26", "standard", "Jane Doe",
                      f"{start:%d/%m/%Y}", f"{end:%d/%m/%Y}",
                      ("good", "good", "good", "outstanding"))
        )  # fmt: skip
    site.files["/history.csv"] = src.write_csv(tmp / "history.csv", rows).read_bytes()


def timed(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Seconds one process takes, and what it did."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - started, done


def main() -> int:
    """Measure and print the figures; exit 1 when a goal is missed or a run fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ofsted = [sys.executable, "-m", "ofstedcli", "db", "update", "--json"]
    with tempfile.TemporaryDirectory() as name, serve(Site()) as site:
        tmp = Path(name)
        base = base_database(tmp)
        site_files(site, tmp)
        env = dict(
            os.environ,
            OFSTED_HOME=str(tmp / "home"),
            OFSTED_OUTCOMES_URL="",
            OFSTED_D2I_OVERVIEW_URL="",
            OFSTED_D2I_HISTORY_URL=site.url("/history.csv"),
        )
        new_times, nothing_times, baseline = [], [], []
        for run in range(args.runs):
            db = tmp / f"run-{run}.db"
            shutil.copyfile(base, db)
            fresh = dict(env, OFSTED_DB=str(db), OFSTED_CACHE=str(tmp / f"cache-{run}"))
            seconds, done = timed(ofsted, fresh)
            if done.returncode != 0 or '"documents":[' not in done.stdout.replace(" ", ""):
                print(f"the update failed: {done.stderr.strip()}", file=sys.stderr)
                return 1
            new_times.append(seconds)
            seconds, done = timed(ofsted, fresh)
            if done.returncode != 0 or '"received":0' not in done.stdout.replace(" ", ""):
                print(f"the second update was not empty: {done.stdout[:300]}", file=sys.stderr)
                return 1
            nothing_times.append(seconds)
            baseline.append(timed([sys.executable, "-c", "import typer"], env)[0])
    typer = statistics.median(baseline)
    print(f"database: {'bundled' if base == BUNDLED_PATH else 'tiny test sources'}; "
          f"{args.runs} runs each, medians")  # fmt: skip
    print(f"python -c 'import typer'           {typer * 1000:7.1f} ms  1.00x")
    for label, times in (("db update, 5 new reports", new_times),
                         ("db update, nothing new", nothing_times)):  # fmt: skip
        median = statistics.median(times)
        print(f"{label:34} {median * 1000:7.1f} ms  {median / typer:5.2f}x"
              f"  (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")  # fmt: skip
    nothing = statistics.median(nothing_times)
    ok = nothing < NOTHING_GOAL
    print(f"goal: nothing new under {NOTHING_GOAL:.1f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
