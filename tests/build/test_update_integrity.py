"""``db update`` trusts no spreadsheet: future dates, unknown files, two runs at once, and
files that describe millions of cells in a few bytes."""

from __future__ import annotations

import multiprocessing
import resource
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.build import build_database
from ofstedcli.build.update import file_sha256, update_database
from ofstedcli.errors import BadSource
from tests.build import sources as src
from tests.build.test_update import newer_edition
from tests.robustness.helpers import ofsted


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the tiny sources, standing in for the bundled one."""
    root = tmp_path_factory.mktemp("bundled")
    return build_database(src.write_sources(root / "sources"), root / "inspections.db").out


def edition(path: Path, published: str, grade: str = "Good") -> Path:
    """A 2025-layout edition published on ``published``, giving Leicester 2025 leadership
    ``grade`` (the official record says Requires improvement)."""
    sheets = newer_edition()
    sheets["Cover"] = src.cover(
        f"Local authority inspection outcomes ({published})",
        "Local authority inspection outcomes",
        published,
        "Inspections as at 31 March 2026, with a report published by 30 June 2026",
    )
    history = [list(r) for r in sheets["ILACS_inspection_history"]]
    history[2][9] = grade
    sheets["ILACS_inspection_history"] = history
    return src.write_ods(path, sheets)


def query(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows of a query."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_future_publication_date_is_refused(tmp_path: Path, bundled: Path) -> None:
    """A file claiming publication in 2099 is refused, and nothing is written."""
    user = tmp_path / "user.db"
    path = edition(tmp_path / "e.ods", "2099-01-01")
    with pytest.raises(BadSource, match=r"claims publication on 2099-01-01, after today"):
        update_database(path, user, bundled)
    assert not user.exists()


def test_an_unknown_file_is_the_users_and_overrules_nothing(tmp_path: Path, bundled: Path) -> None:
    """A file that is no known published edition is credited to the user; its changed grade
    is a kept difference, not the record; a genuine later edition is still the newest."""
    user = tmp_path / "user.db"
    mine = edition(tmp_path / "mine.ods", "2026-11-01", grade="Outstanding")
    report = update_database(mine, user, bundled)
    assert report.official is False and report.source == f"user-{file_sha256(mine)[:12]}"
    assert [c.to_json() for c in report.kept if c.field == "leadership"] == [
        {
            "inspection": "E06000016-ilacs-short-inspection-2025-01-29",
            "field": "leadership",
            "old": "Requires improvement to be good",
            "new": "Outstanding",
        }
    ]
    assert query(user, "SELECT publisher, licence FROM sources WHERE id = ?", report.source) == [
        ("you (ofsted db update)", None)
    ]
    assert query(user, "SELECT value FROM meta WHERE key = 'newest_official_edition'") == []
    genuine = edition(tmp_path / "genuine.ods", "2026-10-01")
    known = {file_sha256(genuine): ("test", None, genuine.stat().st_size)}
    later = update_database(genuine, user, bundled, known=known)
    assert later.official is True
    assert query(user, "SELECT value FROM meta WHERE key = 'newest_official_edition'") == [
        ("2026-10-01",)
    ]
    assert query(
        user,
        "SELECT grade, source FROM judgements WHERE inspection = ? AND area = 'leadership'",
        "E06000016-ilacs-short-inspection-2025-01-29",
    ) == [("Good", "ofsted-2026-10-01")]


def _load(args: tuple[str, str, str]) -> str:
    """Load one edition (in a worker process); the error's message, or ''."""
    path, user, bundled = args
    try:
        update_database(Path(path), Path(user), Path(bundled))
    except Exception as exc:  # the test reports any failure
        return f"{type(exc).__name__}: {exc}"
    return ""


def test_two_updates_at_once(tmp_path: Path, bundled: Path) -> None:
    """Two different editions loaded at once, 20 times over: both succeed every time, and
    the result holds each edition's rows once (read, merge and write under one lock)."""
    first = edition(tmp_path / "a.ods", "2026-11-01", grade="Outstanding")
    second = edition(tmp_path / "b.ods", "2026-11-02", grade="Inadequate")
    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        for attempt in range(20):
            user = tmp_path / f"user-{attempt}.db"
            jobs = [(str(p), str(user), str(bundled)) for p in (first, second)]
            assert pool.map(_load, jobs) == ["", ""], attempt
            differences = query(
                user,
                "SELECT inspection, field, other, other_source, count(*) FROM disagreements "
                "GROUP BY inspection, field, other, other_source HAVING count(*) > 1",
            )
            assert differences == [], attempt
            sources = {r[0] for r in query(user, "SELECT id FROM sources")}
            assert len(sources) == 2, attempt
            assert query(user, "SELECT count(*) FROM inspections") == [(1,)], attempt


def _cells_bomb(path: Path, rows: int, columns: int) -> Path:
    """An ODS file of a few hundred bytes describing ``rows`` x ``columns`` filled cells."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Cover">'
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
            'manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return path


def _limit_memory() -> None:
    """At most 1 GB of address space for the child process."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize(("rows", "columns"), [(10_000, 9_900), (99_000_000, 1), (1, 16_384 * 256)])
def test_a_cell_bomb_fails_fast(tmp_path: Path, bundled: Path, rows: int, columns: int) -> None:
    """99 million cells in a few hundred bytes: one line, exit 1, in well under the time a
    load would take, under a 1 GB memory limit, and no user database made."""
    bomb = _cells_bomb(tmp_path / "bomb.ods", rows, columns)
    assert bomb.stat().st_size < 2_000
    user = tmp_path / "user.db"
    started = time.monotonic()
    done = ofsted(
        "db", "update", str(bomb), "--db", str(user), timeout=60, preexec_fn=_limit_memory
    )
    assert time.monotonic() - started < 20
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "too large" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not user.exists()


@pytest.mark.parametrize(
    ("target", "words"),
    [("folder", "is a folder, not a spreadsheet"), ("/dev/null", "not a regular file")],
)
def test_not_a_file(tmp_path: Path, cli: Any, target: str, words: str) -> None:
    """A folder or a device says what it is, not "file not found"."""
    path = str(tmp_path) if target == "folder" else target
    result = cli("db", "update", path, "--db", str(tmp_path / "user.db"))
    assert result.code == 1 and words in result.stderr and "not found" not in result.stderr
