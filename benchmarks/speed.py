"""Start-up speed of the read commands, as ratios against baselines measured in the same run.

Run: python benchmarks/speed.py [--runs N]

Each command runs N times as a fresh process (after two warm-up runs), interleaved round-robin
with the others so that other load on the machine falls on every command alike; the figure
is the median wall time.  The goals (issue 3) are ratios against ``python -c "import typer"``:
``show --json`` at most 1.25x, the table at most 1.6x, ``compare`` of five authorities at most
1.7x, and ``show --json`` faster than ``sqlite-utils query`` returning the same rows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB = ROOT / "ofstedcli" / "data" / "inspections.db"
PY = sys.executable
BIN = Path(PY).parent


def _time(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds one run takes; leading NAME=VALUE words set that run's environment."""
    while cmd and "=" in cmd[0] and not cmd[0].startswith("/"):
        name, _, value = cmd[0].partition("=")
        env = {**env, name: value}
        cmd = cmd[1:]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[:300]}")
    return elapsed


def _medians(cmds: list[list[str]], runs: int, env: dict[str, str]) -> list[float]:
    for cmd in cmds:
        for _ in range(2):
            _time(cmd, env)
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for n, cmd in enumerate(cmds):
            times[n].append(_time(cmd, env))
    return [statistics.median(t) for t in times]


def main() -> None:
    """Measure and print the medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("OFSTED_DB",)}
    env["OFSTED_HOME"] = str(ROOT / ".bench-home")  # no user database: bundled data only
    env["COLUMNS"] = "120"
    # An installed package runs from compiled bytecode (pip compiles it); an editable install
    # under PYTHONDONTWRITEBYTECODE=1 would compile every module on every run instead, which
    # measures the compiler, not ofsted.  Compile once, as an install does.
    import compileall

    compileall.compile_dir(str(ROOT / "ofstedcli"), quiet=1)
    ofsted = str(BIN / "ofsted") if (BIN / "ofsted").exists() else shutil.which("ofsted")
    if ofsted is None:
        raise SystemExit("install the package first: pip install -e .")
    sqlite_utils = shutil.which("sqlite-utils", path=str(BIN)) or shutil.which("sqlite-utils")
    five = ["leicester", "leicestershire", "nottingham", "derby", "rutland"]
    query = (
        "SELECT i.*, j.area, j.grade FROM inspections i LEFT JOIN judgements j "
        "ON j.inspection = i.id WHERE i.authority = 'E06000016' ORDER BY i.published"
    )
    # What a terminal gets (styled by Rich): FORCE_COLOR=1 in that command's environment.
    coloured = ["FORCE_COLOR=1"]
    cases: list[tuple[str, list[str], float | None]] = [
        ("python -c 'import typer' (baseline)", [PY, "-c", "import typer"], None),
        ("ofsted show leicester --json", [ofsted, "show", "leicester", "--json"], 1.25),
        ("ofsted show leicester (table)", [ofsted, "show", "leicester"], 1.6),
        ("ofsted compare (5 authorities)", [ofsted, "compare", *five], 1.7),
        ("ofsted show leicester (table, colour)", [*coloured, ofsted, "show", "leicester"], 1.6),
        ("ofsted compare (5, colour)", [*coloured, ofsted, "compare", *five], 1.7),
        ("ofsted show leicster --json (fuzzy)", [ofsted, "show", "leicster", "--json"], None),
    ]
    if sqlite_utils:
        cases.append(
            ("sqlite-utils query (same rows)", [sqlite_utils, "query", str(DB), query], None)
        )
    print(f"{'command':45} {'median':>9} {'ratio':>7} {'goal':>6}")
    medians = _medians([cmd for _, cmd, _ in cases], args.runs, env)
    base = medians[0]
    results: dict[str, float] = {}
    for (label, _, goal), median in zip(cases, medians, strict=True):
        results[label] = median
        ratio = median / base
        verdict = "" if goal is None else ("ok" if ratio <= goal else "MISSED")
        goal_text = f"{goal:.2f}x" if goal else ""
        print(f"{label:45} {median * 1000:7.1f}ms {ratio:6.2f}x {goal_text:>6} {verdict}")
    if sqlite_utils:
        ours = results["ofsted show leicester --json"]
        theirs = results["sqlite-utils query (same rows)"]
        verdict = "ok" if ours < theirs else "MISSED"
        print(f"show --json vs sqlite-utils query: {ours / theirs:.2f}x {verdict}")


if __name__ == "__main__":
    main()
