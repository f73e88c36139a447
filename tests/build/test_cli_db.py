"""``ofsted db build`` and ``ofsted db update`` through the real entry point."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ofstedcli.errors import EXIT_ERROR
from tests.build import sources as src
from tests.build.test_update import newer_edition


def test_db_build_table_and_json(tmp_path: Path, cli: Any) -> None:
    """The build prints counts and disagreements; --json gives the report object."""
    sources = src.write_sources(tmp_path / "sources")
    out = tmp_path / "out.db"
    result = cli("db", "build", "--sources", str(sources), "--out", str(out))
    assert result.code == 0, result.stderr
    assert "standard inspection" in result.stdout
    assert "3 places where sources disagree" in result.stdout
    result = cli("db", "build", "--sources", str(sources), "--out", str(out), "--json")
    data = result.json()
    assert data["authorities"] == {"current": 5, "former": 2}
    assert {"framework": "SIF", "type": "inspection", "count": 5} in data["counts"]
    csv = cli("db", "build", "--sources", str(sources), "--out", str(out), "--format", "csv")
    assert csv.stdout.splitlines()[0] == "framework,type,count"


def test_db_build_bad_source(tmp_path: Path, cli: Any) -> None:
    """A bad source is one line on stderr, exit 1, and a JSON error under --json."""
    sources = src.write_sources(tmp_path / "sources")
    (sources / "d2i" / "lookup.csv").unlink()
    out = tmp_path / "out.db"
    result = cli("db", "build", "--sources", str(sources), "--out", str(out), "--json")
    assert result.code == EXIT_ERROR
    assert result.json()["error"] == "bad_source"
    assert result.stderr.count("\n") == 1 and "D2I provider lookup" in result.stderr
    assert not out.exists()


def test_db_update_into_user_database(tmp_path: Path, cli: Any, monkeypatch: Any) -> None:
    """An edition goes into the --db file; one that is not a known published Ofsted file is
    credited to the user: it adds an inspection (provisional) but overrules nothing."""
    sources = src.write_sources(tmp_path / "sources")
    base = tmp_path / "base.db"
    assert cli("db", "build", "--sources", str(sources), "--out", str(base)).code == 0
    user = tmp_path / "user.db"
    user.write_bytes(base.read_bytes())
    sheets = newer_edition()
    sheets["Cover"] = src.cover(
        "Local authority inspection outcomes (test)", "Local authority inspection outcomes",
        "2026-11-25", "Inspections as at 31 March 2026, with a report published by 30 June 2026",
    )  # fmt: skip
    edition = src.write_ods(tmp_path / "outcomes.ods", sheets)
    result = cli("db", "update", str(edition), "--db", str(user))
    assert result.code == 0, result.stderr
    assert "1 new, 0 changed" in " ".join(result.stdout.split())  # however the line wraps
    assert "Not a known published Ofsted file" in result.stdout
    again = cli("db", "update", str(edition), "--db", str(user), "--json").json()
    assert (again["new"], again["changed"], again["official"]) == ([], [], False)
    with sqlite3.connect(user) as conn:
        found = conn.execute(
            "SELECT i.id, i.provisional, s.publisher FROM inspections i "
            "JOIN sources s ON s.id = i.source WHERE i.source LIKE 'user-%'"
        ).fetchall()
        leadership = conn.execute(
            "SELECT grade FROM judgements WHERE inspection = ? AND area = 'leadership'",
            ("E06000016-ilacs-short-inspection-2025-01-29",),
        ).fetchone()
    assert found == [("E06000059-ilacs-standard-inspection-2026-11-20", 1,
                      "you (ofsted db update)")]  # fmt: skip
    assert leadership == ("Requires improvement to be good",)  # the official grade stays


def test_db_update_bad_edition(tmp_path: Path, cli: Any) -> None:
    """A missing edition is a one-line error and no user database is made."""
    user = tmp_path / "home" / "user.db"
    result = cli("db", "update", str(tmp_path / "missing.ods"), "--db", str(user))
    assert result.code == EXIT_ERROR
    assert "file not found" in result.stderr
    assert not user.exists()


def test_db_build_counts_as_a_workbook(tmp_path: Path, cli: Any) -> None:
    """--format xlsx --output FILE writes the counts as a workbook, as every list command."""
    import zipfile

    sources = src.write_sources(tmp_path / "sources")
    book = tmp_path / "counts.xlsx"
    result = cli(
        "db", "build", "--sources", str(sources), "--out", str(tmp_path / "out.db"),
        "--format", "xlsx", "--output", str(book),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    with zipfile.ZipFile(book) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert all(f">{h}<" in strings for h in ("framework", "type", "count", "SIF"))
    assert 'state="frozen"' in sheet
