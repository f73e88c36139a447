"""ofsted db info: which files are in use and what they hold."""

from pathlib import Path
from typing import Any


def test_info_on_one_explicit_database(tiny_db: Path, cli: Any) -> None:
    result = cli("db", "info", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["paths"]["explicit"] is True
    assert [f["path"] for f in data["files"]] == [str(tiny_db)]
    assert data["authorities"] == {"current": 13, "former": 2}
    assert sum(r["count"] for r in data["inspections"]) == data["files"][0]["inspections"]
    assert data["newest_published"] == "2026-07-07"
    assert data["provisional"] == 2
    assert {s["id"] for s in data["sources"]} == {"test"}
    table = cli("db", "info").stdout
    assert str(tiny_db) in table and "Sources" in table


def test_info_missing_database(tmp_path: Path, cli: Any) -> None:
    result = cli("db", "info", "--db", str(tmp_path / "none.db"), "--json")
    assert result.code == 1
    assert result.json()["error"] == "database"
