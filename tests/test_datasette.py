"""Publishing with Datasette: the m003 schema (search index, latest judgements) and metadata."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import schema
from tests.dbfactory import make_db


def _search(conn: sqlite3.Connection, word: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT id FROM documents_fts WHERE documents_fts MATCH ?", (word,))
    ]


def _index_ok(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")


def _up_to(conn: sqlite3.Connection, last: str) -> None:
    """Apply the migrations up to and including ``last``, as an older ofsted would have."""
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY)")
    for name, sql in schema.MIGRATIONS:
        for statement in schema._statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO _migrations (name) VALUES (?)", (name,))
        if name == last:
            return


def test_an_older_database_keeps_its_documents_searchable(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    _up_to(conn, "m002_record")
    conn.execute("INSERT INTO sources (id, title, publisher) VALUES ('s', 'S', 'P')")
    conn.execute(
        "INSERT INTO documents (id, kind, title, text, source) "
        "VALUES ('d1', 'other', 'Board minutes', 'placement sufficiency', 's')"
    )
    conn.execute(
        "INSERT INTO documents_fts (document, title, text) "
        "VALUES ('d1', 'Board minutes', 'placement sufficiency')"
    )
    assert schema.migrate(conn) == ["m003_datasette", "m004_documents_inspection"]
    assert _search(conn, "sufficiency") == ["d1"]
    _index_ok(conn)


def test_the_index_follows_every_change_to_the_documents(tmp_path: Path) -> None:
    conn = sqlite3.connect(make_db(tmp_path / "t.db"), isolation_level=None)
    conn.execute(
        "INSERT INTO documents (id, kind, title, text, source) "
        "VALUES ('new', 'other', 'Scrutiny', 'edge of care panel', 'test')"
    )
    assert _search(conn, "panel") == ["new"]
    conn.execute("UPDATE documents SET text = 'corporate parenting' WHERE id = 'new'")
    assert _search(conn, "panel") == [] and _search(conn, "parenting") == ["new"]
    conn.execute("DELETE FROM documents WHERE id = 'new'")
    assert _search(conn, "parenting") == []
    _index_ok(conn)


def test_datasette_recognises_the_index_and_the_labels(tmp_path: Path) -> None:
    utils = pytest.importorskip("datasette.utils", reason="datasette is not installed")
    conn = sqlite3.connect(make_db(tmp_path / "t.db"))
    assert utils.detect_fts(conn, "documents") == "documents_fts"


def test_latest_judgements_carry_sub_judgements_flags_and_links(tmp_path: Path) -> None:
    conn = sqlite3.connect(make_db(tmp_path / "t.db"))
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute("SELECT * FROM latest_judgements")]
    assert rows and {"leadership", "help_and_protection", "in_care", "care_leavers"} <= set(rows[0])
    assert {"provisional", "report_url"} <= set(rows[0])
    for row in rows:
        graded = dict(
            conn.execute(
                "SELECT area, grade FROM judgements WHERE inspection = ?", (row["inspection"],)
            ).fetchall()
        )
        assert {a: row[a] for a in graded if a in row} == {
            a: g for a, g in graded.items() if a in row
        }
        url = conn.execute(
            "SELECT report_url FROM inspections WHERE id = ?", (row["inspection"],)
        ).fetchone()[0]
        assert row["report_url"] == url


def test_metadata_command(tiny_db: Path, cli: Any) -> None:
    result = cli("datasette-metadata")
    assert result.code == 0, result.stderr
    meta = result.json()
    assert meta["license"] == "Open Government Licence v3.0" and meta["license_url"].startswith(
        "https://www.nationalarchives.gov.uk/"
    )
    tables = meta["databases"][tiny_db.stem]["tables"]
    assert tables["_migrations"] == {"hidden": True}
    assert tables["authorities"]["label_column"] == "name"
    assert tables["documents"]["fts_table"] == "documents_fts"
    assert "Test fixture" in meta["description_html"]  # the sources come from the database


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_served_by_datasette(tiny_db: Path, cli: Any, tmp_path: Path) -> None:
    """A real Datasette serving the database: names shown, search box, bookkeeping hidden."""
    binary = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    if not Path(binary).exists():
        pytest.skip("datasette is not installed")
    db = Path(shutil.copy(tiny_db, tmp_path / "inspections.db"))
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps(cli("datasette-metadata", "--db", str(db)).json()))
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve", str(db), "-m", str(meta), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/inspections"
        for _ in range(100):
            try:
                home = _get(base)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("Datasette did not start")
        assert 'href="/inspections/_migrations"' not in home.split("hidden tables")[0]
        assert ">Leicester</a>" in _get(f"{base}/inspections?_size=max")
        assert 'name="_search"' in _get(f"{base}/documents")
        found = json.loads(_get(f"{base}/documents.json?_search=minister&_shape=array"))
        assert [d["id"] for d in found] == ["aaaaaaaaaaaa"]  # its title says "minister"
        assert json.loads(_get(f"{base}/documents.json?_search=zebra&_shape=array")) == []
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_no_search_box_promised_over_an_older_index(tmp_path: Path, cli: Any) -> None:
    """A file from before m003 (not yet migrated) has an index with rowids of its own."""
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    _up_to(conn, "m002_record")
    conn.close()
    tables = cli("datasette-metadata", "--db", str(old)).json()["databases"]["old"]["tables"]
    assert "fts_table" not in tables["documents"] and tables["authorities"]["label_column"]
