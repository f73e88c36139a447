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
    """An edition goes into the user database beside an explicit --db file; never the bundled."""
    sources = src.write_sources(tmp_path / "sources")
    base = tmp_path / "base.db"
    assert cli("db", "build", "--sources", str(sources), "--out", str(base)).code == 0
    user = tmp_path / "user.db"
    user.write_bytes(base.read_bytes())
    edition = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    result = cli("db", "update", str(edition), "--db", str(user))
    assert result.code == 0, result.stderr
    assert "1 new, 2 changed" in result.stdout
    again = cli("db", "update", str(edition), "--db", str(user), "--json").json()
    assert (again["new"], again["changed"]) == ([], [])
    with sqlite3.connect(user) as conn:
        assert conn.execute("SELECT count(*) FROM inspections WHERE source = ?",
                            ("ofsted-2027-09-24",)).fetchone() == (3,)  # fmt: skip


def test_db_update_bad_edition(tmp_path: Path, cli: Any) -> None:
    """A missing edition is a one-line error and no user database is made."""
    user = tmp_path / "home" / "user.db"
    result = cli("db", "update", str(tmp_path / "missing.ods"), "--db", str(user))
    assert result.code == EXIT_ERROR
    assert "file not found" in result.stderr
    assert not user.exists()
