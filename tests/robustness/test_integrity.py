"""Nothing stored is lost or taken over: the bundled file behind a hard link, two reports of
one listed inspection ingested at once, a report that contradicts the record, a file
ingested twice.  Real processes on real SQLite files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ofstedcli.store import BUNDLED_PATH
from tests.robustness.helpers import ERROR, ofsted, problems, write_letters

#: Concurrent runs of the race test, and the pairs of reports each run ingests at once: 90
#: chances for a race that struck 2-4 times in 50 (a 5% race goes unseen with p = 1%).
RACE_RUNS = 3
RACE_PAIRS = 30
#: When the synthetic listed inspections start (one every 61 days).
FIRST_START = "2000-01-03"


def _bundled_state() -> tuple[str, int]:
    import hashlib

    return hashlib.sha256(BUNDLED_PATH.read_bytes()).hexdigest(), BUNDLED_PATH.stat().st_mtime_ns


@pytest.mark.parametrize("how", ["hard link", "symlink"])
def test_a_link_to_the_bundled_file_as_the_user_database_is_refused(
    tmp_path: Path, how: str
) -> None:
    """A hard link has another name, so comparing names let ingest write into the bundled
    file; files are compared now.  The message names the link, not --db."""
    home = tmp_path / "home"
    home.mkdir()
    user = home / "user.db"
    try:
        os.link(BUNDLED_PATH, user) if how == "hard link" else user.symlink_to(BUNDLED_PATH)
    except OSError as exc:  # another file system, or links not allowed
        pytest.skip(f"cannot make a {how} here: {exc}")
    before = _bundled_state()
    docs = tmp_path / "docs"
    write_letters(docs, 2)
    env = {"OFSTED_HOME": str(home)}
    for args in (["ingest", str(docs), "--json"],):
        done = ofsted(*args, env=env)
        assert not problems(done.returncode, done.stdout, done.stderr, [ERROR], "--json" in args)
        assert "is a link to the bundled database" in done.stderr
        assert "--db" not in done.stderr
    edition = tmp_path / "edition.ods"
    edition.write_bytes(b"PK\x03\x04 not really")
    done = ofsted("db", "update", str(edition), env=env)
    assert done.returncode == ERROR and "is a link to the bundled database" in done.stderr
    assert ofsted("letters", env=env).returncode == 0  # reading through it is fine
    assert _bundled_state() == before


def _report(start: str, end: str, note: str, grade: str = "Requires improvement to be good") -> str:
    """An ILACS report about Leicester for the inspection of these dates."""
    from datetime import date

    def long(day: str) -> str:
        d = date.fromisoformat(day)
        return f"{d.day} {d:%B %Y}"

    return "\n".join(
        [
            "Inspection of Leicester City Council",
            "local authority children's services",
            f"Inspection dates: {long(start)} to {long(end)}",
            "Lead inspector: Pat Example, His Majesty's Inspector",
            "Judgement Grade",
            "The impact of leaders on social work practice with children and families",
            grade,
            "The experiences and progress of children who need help and protection",
            grade,
            "The experiences and progress of children in care",
            grade,
            f"Overall effectiveness {grade}",
            "",
            f"Social workers know children well and visit them often. {note}",
        ]
    )


def _listed_db(tiny_db_file: Path, path: Path, count: int) -> list[tuple[str, str, str]]:
    """A copy of the tiny database with ``count`` Leicester inspections, each listed with a
    text-less report document; their (start, end, listed id)."""
    from datetime import date, timedelta

    shutil.copy(tiny_db_file, path)
    conn = sqlite3.connect(path)
    out = []
    for n in range(count):
        start = date.fromisoformat(FIRST_START) + timedelta(days=61 * n)
        end = start + timedelta(days=4)
        insp = f"E06000016-ilacs-race-{n}"
        conn.execute(
            "INSERT INTO inspections (id, authority, framework, type, start_date, end_date, "
            "published, source) VALUES (?, 'E06000016', 'ILACS', 'standard inspection', ?, ?, "
            "?, 'test')",
            (insp, start.isoformat(), end.isoformat(), (end + timedelta(days=40)).isoformat()),
        )
        listed = f"11571ed{n:05x}"  # "listed", in hex digits as ids are
        conn.execute(
            "INSERT INTO documents (id, authority, kind, url, inspection, source) "
            "VALUES (?, 'E06000016', 'inspection_report', ?, ?, 'test')",
            (listed, f"https://example.test/{n}", insp),
        )
        out.append((start.isoformat(), end.isoformat(), listed))
    conn.commit()
    conn.close()
    return out


def _start(files: list[Path], db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ofstedcli", "ingest", "--json", *map(str, files)],
        env=dict(os.environ, OFSTED_DB=str(db), OFSTED_BUSY_TIMEOUT="60"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_reports_of_one_listed_inspection_at_once(tiny_db_file: Path, tmp_path: Path) -> None:
    """Two ingests at once, each of a different report of the same listed inspections: one
    report becomes each listed document, the other gets its own id; both are stored, none is
    replaced, and what each process says matches what is stored."""
    for run in range(RACE_RUNS):
        db = tmp_path / f"race{run}.db"
        listed = _listed_db(tiny_db_file, db, RACE_PAIRS)
        sides: list[list[Path]] = [[], []]
        for n, (start, end, _) in enumerate(listed):
            for side in (0, 1):
                path = tmp_path / f"run{run}" / f"side{side}" / f"report-{n:02d}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_report(start, end, f"Copy {side} of run {run}."))
                sides[side].append(path)
        procs = [_start(files, db) for files in sides]
        said: dict[str, dict[str, str]] = {}
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            for r in json.loads(out):
                assert r["status"] == "ingested", r
                said[Path(r["path"]).name + str(r["path"])] = r
        conn = sqlite3.connect(db)
        try:
            stored = dict(conn.execute("SELECT path, id FROM documents WHERE text IS NOT NULL"))
            holders = dict(
                conn.execute("SELECT id, path FROM documents WHERE id LIKE '11571ed%'").fetchall()
            )
        finally:
            conn.close()
        assert len(stored) == 2 * RACE_PAIRS, f"run {run}: {len(stored)} stored"
        for r in said.values():
            assert stored[r["path"]] == r["id"], f"run {run}: said {r['id']}, stored otherwise"
        for n, (_, _, listed_id) in enumerate(listed):
            claims = [p for p in (str(sides[0][n]), str(sides[1][n])) if stored[p] == listed_id]
            assert len(claims) == 1, f"run {run}, pair {n}: {claims}"
            assert holders[listed_id] == claims[0]


def test_a_report_contradicting_the_record_keeps_its_own_id(
    tiny_db_file: Path, tmp_path: Path
) -> None:
    """A report grading everything Inadequate where the record says otherwise is stored
    with its disagreements, under its own id and without the listed report's link."""
    db = tmp_path / "listed.db"
    [(start, end, listed_id)] = _listed_db(tiny_db_file, db, 1)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE inspections SET overall = 'Good' WHERE id = 'E06000016-ilacs-race-0'")
    conn.execute(
        "INSERT INTO judgements (inspection, area, grade) VALUES "
        "('E06000016-ilacs-race-0', 'leadership', 'Good')"
    )
    conn.commit()
    conn.close()
    fake = tmp_path / "fake.txt"
    fake.write_text(_report(start, end, "Forged.", grade="Inadequate"))
    done = ofsted("ingest", str(fake), "--json", env={"OFSTED_DB": str(db)})
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert result["id"] != listed_id and result["url"] is None
    assert {c["field"] for c in result["conflicts"]} >= {"inspection.overall"}
    shown = json.loads(ofsted("letter", listed_id, "--json", env={"OFSTED_DB": str(db)}).stdout)
    assert shown["has_text"] is False and shown["url"] == "https://example.test/0"
    # the genuine report still becomes the listed document
    real = tmp_path / "real.txt"
    real.write_text(_report(start, end, "Genuine.", grade="Good"))
    [genuine] = json.loads(ofsted("ingest", str(real), "--json", env={"OFSTED_DB": str(db)}).stdout)
    assert genuine["id"] == listed_id and genuine["url"] == "https://example.test/0"


def test_a_file_ingested_again_reports_the_stored_id(tiny_db_file: Path, tmp_path: Path) -> None:
    """The duplicate's id is the stored document's (here the listed id), which `letter`
    finds, not the file's own sha256 prefix."""
    db = tmp_path / "listed.db"
    [(start, end, listed_id)] = _listed_db(tiny_db_file, db, 1)
    report = tmp_path / "report.txt"
    report.write_text(_report(start, end, "Once."))
    env = {"OFSTED_DB": str(db)}
    [first] = json.loads(ofsted("ingest", str(report), "--json", env=env).stdout)
    [again] = json.loads(ofsted("ingest", str(report), "--json", env=env).stdout)
    assert first["status"] == "ingested" and again["status"] == "duplicate"
    assert first["id"] == again["id"] == listed_id
    assert ofsted("letter", again["id"], env=env).returncode == 0


def test_an_id_taken_by_other_content_is_never_replaced(tiny_db_file: Path, tmp_path: Path) -> None:
    """A stored document whose id is the new file's 12-digit prefix (an attacker can make
    such a file) keeps its content; the new document gets a longer id."""
    import hashlib

    db = tmp_path / "work.db"
    shutil.copy(tiny_db_file, db)
    docs = tmp_path / "docs"
    [path] = write_letters(docs, 1)
    prefix = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO documents (id, authority, kind, text, sha256, source) "
        "VALUES (?, 'E06000016', 'other', 'kept text', 'f00d', 'test')",
        (prefix,),
    )
    conn.commit()
    conn.close()
    [result] = json.loads(ofsted("ingest", str(path), "--json", env={"OFSTED_DB": str(db)}).stdout)
    assert result["status"] == "ingested" and result["id"].startswith(prefix)
    assert len(result["id"]) == 16
    conn = sqlite3.connect(db)
    try:
        kept = conn.execute("SELECT text FROM documents WHERE id = ?", (prefix,)).fetchone()
    finally:
        conn.close()
    assert kept == ("kept text",)
