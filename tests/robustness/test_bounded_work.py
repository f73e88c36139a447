"""Small inputs that asked for large work: one huge document under `search`, a word typed
200 times, a query of many words, odd COLUMNS values, `db update` on what is not a file.
Real processes with a memory cap and a time limit far under what they took before."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tests.robustness.helpers import ERROR, USAGE, bounded, problems

#: Characters in the huge document (4 MB took `search children` 14-30 s before).
HUGE = 4_000_000


@pytest.fixture(scope="module")
def huge_db(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database with one 4 MB document of common words and 50 small ones."""
    path = tmp_path_factory.mktemp("huge") / "huge.db"
    shutil.copy(tiny_db_file, path)
    words = [
        "the",
        "children",
        "in",
        "care",
        "of",
        "the",
        "council",
        "are",
        "safe",
        "and",
        "well",
        "supported",
        "by",
        "staff",
    ]
    rng = random.Random(14)
    text = " ".join(rng.choice(words) for _ in range(HUGE // 4))[:HUGE]
    rows = [("b" * 12, "Huge", text)]
    rows += [(f"{n:012x}", f"Small {n}", "children in care " * (n + 1)) for n in range(50)]
    conn = sqlite3.connect(path)
    for doc, title, body in rows:  # the schema's triggers index each in documents_fts
        conn.execute(
            "INSERT INTO documents (id, authority, kind, date, title, text, source) "
            "VALUES (?, 'E06000016', 'other', '2024-01-01', ?, ?, 'test')",
            (doc, title, body),
        )
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    "query",
    [
        ["children"],
        [" ".join(["children"] * 200)],
        [" ".join(["Children", "CHILDREN", "children"] * 67)],
        ["children OR care OR council", "--raw"],
    ],
)
def test_search_with_a_huge_document_is_quick(huge_db: Path, query: list[str]) -> None:
    started = time.monotonic()
    done = bounded("search", *query, "--json", env={"OFSTED_DB": str(huge_db)}, timeout=30)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert took < 10, f"{took:.1f} s"  # 14 s and 161 s before; about 0.6 s here
    import json

    hits = json.loads(done.stdout)
    assert hits and "\ue000" in hits[0]["snippet"]
    assert any(h["id"] == "b" * 12 for h in hits)


def test_a_query_of_too_many_different_words_is_a_usage_error(huge_db: Path) -> None:
    words = " ".join(f"word{n}" for n in range(40))
    for args in ([words], [" OR ".join(words.split()), "--raw"]):
        done = bounded("search", *args, env={"OFSTED_DB": str(huge_db)}, timeout=30)
        assert not problems(done.returncode, done.stdout, done.stderr, [USAGE], False)
        assert "too many" in done.stderr or "too long" in done.stderr


def test_search_without_any_document_text_says_how_to_get_some(tmp_path: Path) -> None:
    """The bundled database holds its reports without their text: say so, and how."""
    done = bounded("search", "children", env={"OFSTED_HOME": str(tmp_path)})
    assert done.returncode == 0
    assert "No matches." in done.stdout
    assert "ofsted ingest" in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("columns", ["0", "-5", "²", "١٢٠", "abc", "", "100000", "5"])
def test_any_columns_value_lays_out_within_bounds(columns: str) -> None:
    """COLUMNS=² (ValueError before) or 0 means unknown (80 wide when piped); 100000 and 5
    are brought to the 20-1000 range: no line is wider than 1000."""
    for args, colour in (
        (["show", "leicester"], {"FORCE_COLOR": "1"}),  # a plain-text view
        (["letters", "-n", "3"], {"NO_COLOR": "1"}),  # a view drawn on a Rich console
    ):
        done = bounded(*args, env={"COLUMNS": columns, "LINES": columns, **colour})
        assert not problems(done.returncode, done.stdout, done.stderr, [0], False), args
        widest = max(len(line) for line in done.stdout.splitlines())
        assert widest <= 1000 + 40, (args, widest)  # colour codes add a few characters


@pytest.mark.parametrize("what", ["folder", "/dev/null", "fifo"])
def test_db_update_on_what_is_not_a_file_says_so(tmp_path: Path, what: str) -> None:
    import os

    target = {"folder": str(tmp_path), "/dev/null": "/dev/null"}.get(what)
    if target is None:
        target = str(tmp_path / "edition.ods")
        os.mkfifo(target)
    done = bounded("db", "update", target, env={"OFSTED_HOME": str(tmp_path / "home")})
    assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], False)
    assert "not found" not in done.stderr
    assert "is a folder" in done.stderr or "not a regular file" in done.stderr
