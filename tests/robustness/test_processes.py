"""Real processes: kill -9 in the middle of an ingest, two ingests at once, Ctrl-C, and a
reader that goes away (``| head -1``).

Each ingest here is a real ``python -m ofstedcli ingest`` of a few hundred generated letters
into a user database beside the bundled one (worker processes included), started in its own
process group so that a signal reaches it and its workers as a terminal's would.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.robustness.helpers import INTERRUPTED, assert_whole, user_counts, write_letters

#: Letters ingested by the kill and Ctrl-C tests, and by each of the two concurrent ingests.
LONG_INGEST = 300
CONCURRENT = 200
#: Prose after each letter, so that extracting it takes a moment (as a real report does).
FILLER = "The council's leaders know their services well and act on what they learn. " * 60


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("letters")
    write_letters(folder, LONG_INGEST, filler=FILLER)
    return folder


def _start(*args: str, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ofstedcli", *args],
        env=dict(os.environ, OFSTED_HOME=str(home), OFSTED_BUSY_TIMEOUT="30"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, workers included
        # as a command run from a terminal: SIGINT not ignored, even when these tests run
        # in the background (which ignores it, and Python then never raises Ctrl-C)
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stored(db: Path) -> int:
    """Documents committed so far (0 while the file is being made or is busy)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _wait_until_stored(proc: subprocess.Popen[str], db: Path, at_least: int) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        n = _stored(db)
        if n >= at_least:
            return n
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.005)
    raise AssertionError("the ingest stored nothing in a minute")


def _signal_group(proc: subprocess.Popen[str], sig: int) -> None:
    """Send ``sig`` to the process and its workers, as a terminal sends Ctrl-C."""
    os.killpg(proc.pid, sig)


def test_kill_9_during_a_long_ingest(letters: Path, tmp_path: Path) -> None:
    """SIGKILL part-way: the database passes integrity_check, holds only whole documents
    (each with its facts and its FTS row), and ingesting again completes it, each once."""
    home = tmp_path / "home"
    db = home / "user.db"
    proc = _start("ingest", str(letters), home=home)
    _wait_until_stored(proc, db, 10)
    _signal_group(proc, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # read commands work on what is there (and meet any hot journal first)
    again = _start("letters", "--json", home=home)
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    counts = user_counts(db)
    assert 10 <= counts["documents"] < LONG_INGEST, counts
    assert len(json.loads(out)) >= counts["documents"]
    assert_whole(counts)
    # and the ingest finishes the job: every letter once
    rerun = _start("ingest", str(letters), home=home)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{LONG_INGEST - counts['documents']} ingested" in out
    assert_whole(user_counts(db), LONG_INGEST)


_DIE_MID_TRANSACTION = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 5")  # spill changed pages into the file before COMMIT
conn.execute("BEGIN IMMEDIATE")
conn.execute("DELETE FROM documents")
conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                 [(f"junk-{n}", "x" * 500) for n in range(3000)])
os._exit(9)  # no COMMIT, no ROLLBACK: the journal is left hot
"""


def test_a_writer_dying_mid_transaction_leaves_nothing_half_done(tmp_path: Path) -> None:
    """A process that dies inside a write transaction leaves a hot journal: the next read
    command rolls it back and sees exactly what was committed before."""
    home = tmp_path / "home"
    write_letters(tmp_path / "in", 4)
    first = _start("ingest", str(tmp_path / "in"), home=home)
    assert first.wait(timeout=60) == 0
    db = home / "user.db"
    before = db.read_bytes()
    died = subprocess.run(
        [sys.executable, "-c", _DIE_MID_TRANSACTION, str(db)], timeout=60, check=False
    )
    assert died.returncode == 9
    journal = db.with_name("user.db-journal")
    assert journal.exists() and journal.stat().st_size > 0
    assert db.read_bytes() != before  # the file holds uncommitted pages
    shown = _start("search", "mayor", "--json", home=home)
    out, err = shown.communicate(timeout=60)
    assert shown.returncode == 0, err
    assert len(json.loads(out)) == 4
    assert_whole(user_counts(db), 4)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'junk-%'").fetchone()[0] == 0
    finally:
        conn.close()


def test_two_ingests_at_once_store_each_document_once(letters: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    files = [str(p) for p in sorted(letters.iterdir())[:CONCURRENT]]
    first = _start("ingest", *files, home=home)
    second = _start("ingest", *files, home=home)
    for proc in (first, second):
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    db = home / "user.db"
    assert_whole(user_counts(db), CONCURRENT)
    conn = sqlite3.connect(db)
    try:
        by_id = conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone()
        paths = {Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
    finally:
        conn.close()
    assert by_id == (CONCURRENT, CONCURRENT)
    assert paths == {Path(f).name for f in files}


def test_ctrl_c_during_a_long_ingest(letters: Path, tmp_path: Path) -> None:
    """SIGINT to the process group: a short message, exit 130, promptly, no traceback from
    the command or its workers, and only whole documents stored."""
    home = tmp_path / "home"
    proc = _start("ingest", str(letters), home=home)
    _wait_until_stored(proc, home / "user.db", 10)
    sent = time.monotonic()
    _signal_group(proc, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 5, "Ctrl-C waited for the rest of the files"
    assert proc.returncode == INTERRUPTED, (err, _out[-500:])
    assert err.strip() == "ofsted: interrupted", err
    counts = user_counts(home / "user.db")
    assert counts["documents"] < LONG_INGEST
    assert_whole(counts)


def test_sigint_to_the_command_alone(letters: Path, tmp_path: Path) -> None:
    """SIGINT to ofsted but not its workers (kill -INT PID): the same, as promptly."""
    home = tmp_path / "home"
    proc = _start("ingest", str(letters), home=home)
    _wait_until_stored(proc, home / "user.db", 10)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 5, "Ctrl-C waited for the rest of the files"
    assert proc.returncode == INTERRUPTED, (err, _out[-500:])
    assert err.strip() == "ofsted: interrupted", err
    assert_whole(user_counts(home / "user.db"))


@pytest.fixture(scope="module")
def big_db(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database with thousands of authorities, inspections and searchable
    documents: more output than a pipe holds, so a writer meets a closed pipe."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    path.write_bytes(tiny_db_file.read_bytes())
    conn = sqlite3.connect(path)
    n = range(3000)
    conn.executemany(
        "INSERT INTO authorities (ons_code, name, region, type, status, source) "
        "VALUES (?, ?, 'London', 'London Borough', 'current', 'test')",
        [(f"X{i:08d}", f"Borough {i}") for i in n],
    )
    conn.executemany(
        "INSERT INTO inspections (id, authority, framework, type, start_date, published, "
        "source) VALUES (?, 'E06000016', 'ILACS', 'focused visit', ?, ?, 'test')",
        [(f"extra-{i}", f"2024-01-{i % 28 + 1:02d}", f"2024-02-{i % 28 + 1:02d}") for i in n],
    )
    conn.executemany(
        "INSERT INTO documents (id, authority, kind, date, title, text, source) "
        "VALUES (?, 'E06000016', 'other', '2024-01-01', ?, 'council minutes', 'test')",
        [(f"{i:012x}", f"Minutes {i}") for i in n],
    )
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        "list --all",
        "list --all --format ndjson",
        "show leicester",
        "show leicester --json",
        "recent --since 2024 --format csv",
        "recent --since 2024",
        "letters",
        "letters --json",
        "search council -n 5000",
        "search council -n 5000 --format ndjson",
    ],
)
def test_a_closed_pipe_ends_quietly(big_db: Path, command: str) -> None:
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{sys.executable} -m ofstedcli {command} | head -1"],
        capture_output=True,
        text=True,
        env=dict(os.environ, OFSTED_DB=str(big_db)),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


#: Letters of the streaming test.
STREAMED = 60
#: Kills of the main ingest process alone, each at another moment of the ingest.
KILL_TRIES = 4


def _children(pid: int) -> list[int]:
    """The pids of a process's children (its workers), from /proc."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                alive.append(pid)
        if not alive:
            return True
        time.sleep(0.02)
    return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_only_the_main_process_ends_its_workers(
    letters: Path, tmp_path: Path, sig: int
) -> None:
    """`kill -9 PID` (or the OOM killer) on ingest alone left its workers asleep for ever,
    holding stdout open, so a caller reading it hung.  Now they die with it: stdout closes
    at once.  SIGTERM is handled like Ctrl-C: "interrupted", exit 130, whole documents."""
    for attempt in range(KILL_TRIES):
        home = tmp_path / f"home{attempt}"
        proc = _start("ingest", str(letters), home=home)
        _wait_until_stored(proc, home / "user.db", 1 + 5 * attempt)
        workers = _children(proc.pid)
        assert workers, "the ingest started no worker processes"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)  # hangs if a worker holds stdout open
        assert _gone(workers, within=5), f"try {attempt}: workers outlived the ingest"
        if sig == signal.SIGTERM:
            assert proc.returncode == INTERRUPTED, (err, out[-300:])
            assert err.strip() == "ofsted: interrupted", err
        else:
            assert proc.returncode == -signal.SIGKILL
        assert_whole(user_counts(home / "user.db"))


def test_ingest_json_streams_each_result_as_it_is_known(tmp_path: Path) -> None:
    """Results come out while the folder is still being read (it kept them all, 392 MB for
    20,000 letters), and the list is valid JSON at the end."""
    write_letters(tmp_path / "in", STREAMED, filler=FILLER)
    proc = _start("ingest", "--json", str(tmp_path / "in"), home=tmp_path / "home")
    assert proc.stdout is not None
    first = proc.stdout.readline() + proc.stdout.readline()
    assert proc.poll() is None, "the first result came only at the end"
    rest = proc.stdout.read()  # (communicate would skip what readline buffered)
    assert proc.wait(timeout=120) == 0, proc.communicate()[1]
    results = json.loads(first + rest)
    assert len(results) == STREAMED and {r["status"] for r in results} == {"ingested"}
