"""Check that a database holds exactly what a build from the sources gives.

    python -m ofstedcli.build.verify SOURCES DB [--seeds DIR]

Builds into a temporary folder and compares the content of every table, row by row (not
the bytes of the files).  Prints one line when they match; otherwise, per table, the rows
the file lacks and the rows it should not hold, and exits 1.  CI runs it on the bundled
``data/inspections.db``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from ofstedcli.build.pipeline import build_database
from ofstedcli.build.writer import dump
from ofstedcli.errors import OfstedError


def differences(sources: Path, db: Path, seeds: Path | None = None) -> list[str]:
    """One line per table whose rows differ between ``db`` and a fresh build."""
    if not db.is_file():
        return [f"{db}: no database"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.db"
        build_database(sources, fresh, seeds)
        with closing(sqlite3.connect(fresh)) as new, closing(sqlite3.connect(db)) as old:
            want, held = dump(new), dump(old)
    found = []
    for table, rows in want.items():
        missing = sorted(set(rows) - set(held[table]), key=repr)
        extra = sorted(set(held[table]) - set(rows), key=repr)
        if missing or extra:
            found.append(
                f"{table}: {len(missing)} rows missing (e.g. {missing[:1]}), "
                f"{len(extra)} rows not from the sources (e.g. {extra[:1]})"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    """Compare and print; 0 when the database is a fresh build, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m ofstedcli.build.verify")
    parser.add_argument("sources", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--seeds", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        found = differences(args.sources, args.db, args.seeds)
    except (OfstedError, sqlite3.Error) as exc:
        print(f"verify: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 1
    for line in found:
        print(f"verify: {line}", file=sys.stderr)
    if found:
        print(
            f"verify: {args.db} differs from a build from {args.sources}; rebuild with "
            f"ofsted db build --sources {args.sources} --out {args.db}",
            file=sys.stderr,
        )
        return 1
    print(f"verify: {args.db} is what a build from {args.sources} gives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
