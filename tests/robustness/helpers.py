"""What the robustness tests share: hostile text, generated letters, and checks of a run."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.documents.conftest import LEICESTER_LETTER

#: Text people type, paste or get from a hostile source.
HOSTILE = [
    "",
    "   ",
    "\t\n",
    "x" * 10_000,
    "'; drop table authorities; --",
    "leicester' OR '1'='1",
    '"',
    "*",
    "NEAR(",
    "AND OR",
    "\x00",
    "nul\x00inside",
    "\x07\x08\x7f",
    "\x1b[31mred\x1b[0m",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x9b2J",
    "[red]x[/red]",
    "[bold]",
    "Лестер",
    "莱斯特",
    "لستر",
    "\u202eretsecieL",
    "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
]

#: Codes a command may end with (README, "Exit codes").
USAGE, ERROR, NOT_FOUND, AMBIGUOUS, INTERRUPTED = 2, 1, 3, 4, 130
ERROR_KINDS = {"not_found", "ambiguous", "usage", "database", "bad_source", "bad_document", "error"}

#: ANSI Select Graphic Rendition: the only escape sequence the renderer itself writes.
SGR = re.compile(r"\x1b\[[0-9;]*m")
#: Characters no output for a terminal may hold once our own colour codes are taken out.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def problems(
    code: int,
    stdout: str,
    stderr: str,
    codes: Iterable[int],
    as_json: bool,
    max_lines: int = 1,
    error_object: bool = True,
) -> list[str]:
    """What is wrong with one run, by the rules every command keeps (empty when nothing).

    A failure says so in one line on stderr (``ingest --json`` adds its summary line: give
    ``max_lines=2``); under ``--json`` stdout is JSON, an error object on failure, or empty
    (``ingest --json`` prints its list of results, failures too: ``error_object=False``).
    """
    found: list[str] = []
    if code not in set(codes):
        found.append(f"exit {code}, expected one of {sorted(codes)}")
    if "Traceback" in stderr or "Traceback" in stdout:
        found.append("a traceback")
    lines = stderr.strip().splitlines()
    if code != 0 and not 1 <= len(lines) <= max_lines:
        found.append(f"{len(lines)} lines on stderr")
    if any(UNSAFE.search(line) for line in lines):
        found.append("a control character on stderr")
    if as_json and stdout.strip():
        try:
            data = json.loads(stdout)
        except ValueError:
            found.append("stdout is not JSON")
        else:
            is_error = isinstance(data, dict) and data.get("error") in ERROR_KINDS
            if code and error_object and not is_error:
                found.append("a failure without a JSON error object")
    return found


def letter(n: int, extra: str = "", filler: str = "") -> str:
    """A minister's letter about Leicester, unique by its reference number."""
    return f"{LEICESTER_LETTER}\nReference {n}\n{extra}{filler}"


def write_letters(folder: Path, count: int, *, filler: str = "", start: int = 0) -> list[Path]:
    """``count`` distinct letters as .txt files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"letter-{n:04d}.txt"
        path.write_text(letter(n, filler=filler), encoding="utf-8")
        paths.append(path)
    return paths


def ofsted(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, **popen: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ofstedcli ARGS`` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "ofstedcli", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
        timeout=timeout,
        check=False,
        **popen,
    )


def user_counts(db: Path) -> dict[str, Any]:
    """What a user database holds, counted every way a half-stored document would show."""
    conn = sqlite3.connect(db, timeout=30)

    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    try:
        return {
            "integrity": one("PRAGMA integrity_check"),
            "documents": one("SELECT count(*) FROM documents"),
            "sha256": one("SELECT count(DISTINCT sha256) FROM documents"),
            # The index is external-content: one docsize row per indexed document rowid.
            "fts": one("SELECT count(*) FROM documents_fts_docsize"),
            "fts_index": _fts_check(conn),
            "with_facts": one("SELECT count(DISTINCT document) FROM facts"),
            "orphan_facts": one(
                "SELECT count(*) FROM facts WHERE document NOT IN (SELECT id FROM documents)"
            ),
            "orphan_fts": one(
                "SELECT count(*) FROM documents_fts_docsize "
                "WHERE id NOT IN (SELECT rowid FROM documents)"
            ),
            "without_fts": one(
                "SELECT count(*) FROM documents "
                "WHERE rowid NOT IN (SELECT id FROM documents_fts_docsize)"
            ),
            "without_facts": one(
                "SELECT count(*) FROM documents WHERE id NOT IN (SELECT document FROM facts)"
            ),
        }
    finally:
        conn.close()


def _fts_check(conn: sqlite3.Connection) -> str:
    """'ok' when the search index matches the documents it indexes, else SQLite's complaint."""
    try:
        conn.execute(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.Error as exc:
        return str(exc)
    return "ok"


def assert_whole(counts: dict[str, Any], documents: int | None = None) -> None:
    """No half-stored document: each has its facts and one FTS row; nothing is orphaned."""
    assert counts["integrity"] == "ok", counts
    n = counts["documents"]
    if documents is not None:
        assert n == documents, counts
    assert counts["sha256"] == n, counts
    assert counts["fts"] == n and counts["fts_index"] == "ok", counts
    assert counts["with_facts"] == n, counts
    assert counts["orphan_facts"] == counts["orphan_fts"] == 0, counts
    assert counts["without_fts"] == counts["without_facts"] == 0, counts


#: Address space a command run by :func:`bounded` may use (bytes), and its time (seconds).
MEMORY_CAP = 3 * 1024**3
TIME_CAP = 60.0


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def bounded(
    *args: str, env: dict[str, str] | None = None, timeout: float = TIME_CAP, **popen: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ofstedcli ARGS`` as a real process with a memory cap (3 GB of address
    space, children included) and a time limit: hostile input must fail within both."""
    return ofsted(*args, env=env, timeout=timeout, preexec_fn=_cap_memory, **popen)
