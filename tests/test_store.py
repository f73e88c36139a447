"""Opening the databases: bundled read-only, user data layered over it, clear failures."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ofstedcli import store as store_module
from ofstedcli.errors import DatabaseError
from ofstedcli.store import open_store, transaction, user_home


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def bundled(tiny_db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the tiny database standing in for the bundled file."""
    copy = tmp_path / "bundled.db"
    copy.write_bytes(tiny_db_file.read_bytes())
    monkeypatch.setattr(store_module, "BUNDLED_PATH", copy)
    return copy


def test_user_home_follows_ofsted_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path / "here"))
    assert user_home() == tmp_path / "here"


def test_user_rows_are_seen_with_bundled_rows_and_win(bundled: Path) -> None:
    before = _digest(bundled)
    with open_store(write=True) as s, transaction(s) as conn:
        conn.execute("INSERT INTO user.sources (id, title, publisher) VALUES ('u', 'user', 'me')")
        conn.execute(
            "INSERT INTO user.inspections (id, authority, framework, type, published, overall,"
            " source) VALUES ('E06000016-ilacs-standard-inspection-2021-11-12', 'E06000016',"
            " 'ILACS', 'standard inspection', '2021-11-12', 'Outstanding', 'u')"
        )
    with open_store() as s:
        assert s.layers == ("bundled", "user")
        found = {i.id: i for i in s.inspections(authorities=["E06000016"])}
        assert found["E06000016-ilacs-standard-inspection-2021-11-12"].overall == "Outstanding"
        assert len(found) == 6  # the five others still come from the bundled file
    assert _digest(bundled) == before


def test_bundled_file_is_never_written(bundled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFSTED_DB", str(bundled))
    with pytest.raises(DatabaseError, match="never modified"):
        open_store(write=True)


def test_read_never_creates_a_user_database(bundled: Path) -> None:
    with open_store() as s:
        assert s.layers == ("bundled",)
    assert not (user_home() / "user.db").exists()


def test_failed_transaction_stores_nothing(bundled: Path) -> None:
    with open_store(write=True) as s:
        with pytest.raises(RuntimeError), transaction(s) as conn:
            conn.execute("INSERT INTO user.meta (key, value) VALUES ('a', 'b')")
            raise RuntimeError("half-way")
        assert s.rows("SELECT count(*) FROM user.meta")[0][0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a database at all, just text" * 10, "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "not"),
    ],
)
def test_unusable_files_give_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(DatabaseError, match=message) as caught:
        open_store(bad)
    assert "\n" not in caught.value.message


def test_empty_sqlite_file_is_not_an_ofsted_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseError, match="not an ofsted database"):
        open_store(empty)


def test_directory_and_missing(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="directory"):
        open_store(tmp_path)
    with pytest.raises(DatabaseError, match="no database at"):
        open_store(tmp_path / "missing.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tiny_db_file: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.db"
    locked.write_bytes(tiny_db_file.read_bytes())
    locked.chmod(0)
    with pytest.raises(DatabaseError, match="cannot read"):
        open_store(locked)


def test_user_facts_never_hide_bundled_facts_of_other_documents(bundled: Path) -> None:
    """Fact ids are numbered per file: a user fact 1 must not hide the bundled fact 1."""
    conn = sqlite3.connect(bundled)
    conn.execute(
        "INSERT INTO facts (id, document, field, value) VALUES (1, 'aaaaaaaaaaaa', 'kind', 'x')"
    )
    conn.commit()
    conn.close()
    with open_store(write=True) as s, transaction(s) as c:
        c.execute("INSERT INTO user.sources (id, title, publisher) VALUES ('u', 'u', 'u')")
        c.execute(
            "INSERT INTO user.documents (id, kind, source) VALUES ('bbbbbbbbbbbb', 'other', 'u')"
        )
        c.execute(
            "INSERT INTO user.facts (id, document, field, value) "
            "VALUES (1, 'bbbbbbbbbbbb', 'kind', 'other')"
        )
    with open_store() as s:
        facts = {(r[0], r[1]) for r in s.rows("SELECT document, value FROM facts")}
    assert facts == {("aaaaaaaaaaaa", "x"), ("bbbbbbbbbbbb", "other")}
