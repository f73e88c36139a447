"""Databases that are missing, unreadable, not SQLite, truncated, locked, read-only or full.

Each case uses real files and real SQLite (and, where a second writer or a small file system
is needed, real processes): the command says what is wrong in one line with the documented
exit code, and nothing already stored is lost - the user database's documents are counted
before and after and it passes PRAGMA integrity_check.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import store as store_module
from ofstedcli.documents.ingest import ingest
from ofstedcli.store import open_store
from tests.conftest import invoke
from tests.robustness.helpers import (
    ERROR,
    assert_whole,
    ofsted,
    problems,
    user_counts,
    write_letters,
)

BUNDLED = store_module.BUNDLED_PATH
#: Read commands, each of which must fail cleanly on a bad database (and work on a good one).
READS = [
    ["show", "leicester"],
    ["compare", "leicester", "leicestershire"],
    ["list"],
    ["inspections", "--authority", "leicester"],
    ["stats"],
    ["neighbours", "leicester"],
    ["transitions"],
    ["movers", "--since", "2020"],
    ["recent", "--since", "2024"],
    ["chart", "leicester"],
    ["letters"],
    ["search", "council"],
    ["db", "info"],
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _clean_failure(args: list[str], code: int = ERROR, *, json_too: bool = True) -> str:
    """Run a command that must fail: one line on stderr, ``code``, JSON error under --json."""
    run = invoke(*args)
    assert not problems(run.code, run.stdout, run.stderr, {code}, False), (args, run)
    if json_too:
        as_json = invoke(*args, "--json")
        found = problems(as_json.code, as_json.stdout, as_json.stderr, {code}, True, 2)
        assert not found, (args, found, as_json)
    return run.stderr.strip()


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An OFSTED_HOME of its own (the bundled database is the real one)."""
    path = tmp_path / "home"
    monkeypatch.setenv("OFSTED_HOME", str(path))
    return path


@pytest.fixture
def seeded(home: Path, tmp_path: Path) -> Path:
    """A user database holding five ingested letters (the data that must not be lost)."""
    write_letters(tmp_path / "seed", 5)
    done = invoke("ingest", str(tmp_path / "seed"))
    assert done.code == 0, done.stderr
    db = home / "user.db"
    assert_whole(user_counts(db), 5)
    return db


# -- missing, unreadable, not SQLite, truncated ---------------------------------------------


def _not_sqlite(path: Path) -> None:
    path.write_text("this is not a database, only some text\n" * 50)


def _random_bytes(path: Path) -> None:
    path.write_bytes(hashlib.sha512(b"x").digest() * 200)


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n" * 20)


def _header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)


def _empty_sqlite(path: Path) -> None:
    sqlite3.connect(path).execute("CREATE TABLE notes (x)").connection.close()


def _directory(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _cut(fraction: float) -> Any:
    def make(path: Path) -> None:
        data = BUNDLED.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])

    make.__name__ = f"_cut_{int(fraction * 100)}"
    return make


BAD_FILES = {
    "missing": None,
    "text": _not_sqlite,
    "random bytes": _random_bytes,
    "a PDF": _pdf,
    "SQLite header only": _header_only,
    "SQLite, not ofsted": _empty_sqlite,
    "a directory": _directory,
    "a FIFO": _fifo,
    "truncated to 1%": _cut(0.01),
    "truncated to half": _cut(0.5),
    "truncated to 90%": _cut(0.9),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_explicit_database(kind: str, tmp_path: Path, home: Path) -> None:
    """--db names a file that cannot be used: every read command fails in one line, exit 1.

    Run as real processes with a timeout, so a command that waits for ever (a FIFO opened
    for reading waits for a writer) fails the test instead of hanging it.
    """
    bad = tmp_path / "bad.db"
    make = BAD_FILES[kind]
    if make is not None:
        make(bad)
    for extra in ([], ["--json"]):
        run = ofsted("show", "leicester", "--db", str(bad), *extra, timeout=20)
        found = problems(run.returncode, run.stdout, run.stderr, {ERROR}, bool(extra))
        assert not found, (kind, found, run.stderr)
    # it does not hang: every read command, in-process (faster)
    for args in READS:
        _clean_failure([*args, "--db", str(bad)], json_too=args[0] in ("letters", "search"))


@pytest.mark.parametrize("kind", [k for k in BAD_FILES if k != "missing"])
def test_bad_user_database(kind: str, home: Path) -> None:
    """The user database (beside the bundled one) is unusable: reads and ingest fail cleanly,
    and the failed ingest leaves the file's bytes as they were."""
    home.mkdir()
    user = home / "user.db"
    make = BAD_FILES[kind]
    assert make is not None
    make(user)
    before = _digest(user) if user.is_file() else None
    run = ofsted("letters", timeout=20)  # a real process first: a hang fails, not blocks
    assert not problems(run.returncode, run.stdout, run.stderr, {ERROR}, False), (kind, run)
    for args in (["show", "leicester"], ["search", "council"], ["db", "info"]):
        _clean_failure(args)
    letter = write_letters(home.parent / "in", 1)[0]
    _clean_failure(["ingest", str(letter)])
    if before is not None:
        assert _digest(user) == before, "a failed ingest changed the damaged file"


def test_missing_bundled_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The package's own database is gone (a broken install): one line, exit 1."""
    monkeypatch.setattr(store_module, "BUNDLED_PATH", tmp_path / "gone" / "inspections.db")
    for args in READS:
        message = _clean_failure(args)
        assert "no database" in message, message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode (chmod 0)")
def test_unreadable_user_database(seeded: Path) -> None:  # pragma: no cover - not as root
    seeded.chmod(0)
    try:
        _clean_failure(["letters"])
    finally:
        seeded.chmod(0o644)


def test_truncated_user_database_with_documents(seeded: Path, tmp_path: Path) -> None:
    """A user database cut in half: every read command and ingest fail in one line."""
    data = seeded.read_bytes()
    seeded.write_bytes(data[: len(data) // 2])
    damaged = _digest(seeded)
    for args in READS:
        _clean_failure(args, json_too=False)
    letter = write_letters(tmp_path / "more", 1, start=100)[0]
    stderr = _clean_failure(["ingest", str(letter)], json_too=False)
    assert "not a usable" in stderr or "malformed" in stderr, stderr
    assert _digest(seeded) == damaged


# -- locked by another writer -------------------------------------------------------------

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def lock_holder(seeded: Path) -> Iterator[Any]:
    """Starts another process that holds BEGIN EXCLUSIVE on the user database."""
    started: list[subprocess.Popen[str]] = []

    def hold() -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(seeded)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        return proc

    yield hold
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    proc.wait(timeout=10)


def test_locked_by_another_writer(seeded: Path, tmp_path: Path, lock_holder: Any) -> None:
    """Another process holds an exclusive lock: ingest and reads wait OFSTED_BUSY_TIMEOUT,
    then say the database is locked (exit 1); nothing is lost, and afterwards ingest works."""
    letters = write_letters(tmp_path / "new", 8, start=50)
    holder = lock_holder()
    env = {"OFSTED_BUSY_TIMEOUT": "0.3"}
    started = time.monotonic()
    run = ofsted("ingest", str(tmp_path / "new"), env=env)
    assert time.monotonic() - started < 15
    assert not problems(run.returncode, run.stdout, run.stderr, {ERROR}, False), run
    assert "locked by another process" in run.stderr
    for args in (["letters"], ["show", "leicester", "--json"], ["search", "council"]):
        read = ofsted(*args, env=env)
        found = problems(read.returncode, read.stdout, read.stderr, {ERROR}, "--json" in args)
        assert not found and "locked" in read.stderr, (args, read)
    _release(holder)
    assert_whole(user_counts(seeded), 5)
    again = ofsted("ingest", str(tmp_path / "new"), env=env)
    assert again.returncode == 0, again.stderr
    assert_whole(user_counts(seeded), 5 + len(letters))


def test_a_short_lock_only_delays_ingest(seeded: Path, tmp_path: Path, lock_holder: Any) -> None:
    """A lock released within the busy timeout is waited for, not reported."""
    write_letters(tmp_path / "new", 3, start=60)
    holder = lock_holder()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ofstedcli", "ingest", str(tmp_path / "new")],
        env=dict(os.environ, OFSTED_BUSY_TIMEOUT="20"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)
    _release(holder)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert_whole(user_counts(seeded), 8)


# -- a user data directory that cannot be written -------------------------------------------


def test_user_directory_below_a_regular_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """OFSTED_HOME lies below a regular file, so no directory can be made there, even by root:
    writing commands say so in one line (exit 1), read commands use the bundled data."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("OFSTED_HOME", str(blocker / "ofsted"))
    letter = write_letters(tmp_path / "in", 1)[0]
    message = _clean_failure(["ingest", str(letter)])
    assert "cannot create" in message and "Not a directory" in message, message
    from tests.build import sources as src
    from tests.build.test_update import newer_edition

    edition = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    _clean_failure(["db", "update", str(edition)])
    for args in READS:
        run = invoke(*args)
        assert run.code == 0, (args, run.stderr)
    assert blocker.read_text() == "not a directory"


def _can_mount() -> str | None:
    """Why private mounts cannot be made here (None when they can)."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return "needs Linux with unshare(1)"
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c",
         "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && umount \"$d\"; "
         "s=$?; rmdir \"$d\"; exit $s"],
        capture_output=True, check=False,
    )  # fmt: skip
    return None if probe.returncode == 0 else "cannot mount in a private namespace (not root?)"


NO_MOUNTS = _can_mount()


def _in_namespace(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace (its mounts vanish when it ends)."""
    return subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(NO_MOUNTS is not None, reason=str(NO_MOUNTS))
def test_user_database_on_a_read_only_file_system(seeded: Path, tmp_path: Path) -> None:
    """The user data directory is a read-only mount (root cannot write there either):
    reads still work; ingest fails in one line per file, and the data is untouched."""
    write_letters(tmp_path / "new", 3, start=70)
    before = _digest(seeded)
    home = seeded.parent
    py = f"{sys.executable} -m ofstedcli"
    script = (
        f'mount --bind "{home}" "{home}" && mount -o remount,bind,ro "{home}" && '
        f'touch "{home}/probe" 2>/dev/null && exit 97; '
        f"{py} letters --json > {tmp_path}/letters.json || exit 98; "
        f"{py} ingest {tmp_path}/new > {tmp_path}/ingest.out 2> {tmp_path}/ingest.err; "
        "echo $? > " + f"{tmp_path}/ingest.code"
    )
    done = _in_namespace(script, {"OFSTED_HOME": str(home)})
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert (tmp_path / "ingest.code").read_text().strip() == "1"
    lines = (tmp_path / "ingest.err").read_text().strip().splitlines()
    assert lines and all("read-only" in line for line in lines), lines
    assert "Traceback" not in (tmp_path / "ingest.err").read_text()
    assert _digest(seeded) == before
    assert_whole(user_counts(seeded), 5)


# -- out of space ---------------------------------------------------------------------------


def test_out_of_space_by_max_page_count(seeded: Path, tmp_path: Path) -> None:
    """SQLite's max_page_count caps the user database a few pages above its size: ingest
    stores what fits, each document whole, and fails the rest with a one-line reason."""
    paths = [str(p) for p in write_letters(tmp_path / "new", 40, start=200, filler="x " * 3000)]
    with open_store(write=True) as store:
        pages = store.conn.execute("PRAGMA user.page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA user.max_page_count = {pages + 12}")
        summary = ingest(store, paths, workers=1)
    statuses = [r.status for r in summary.results]
    assert "ingested" in statuses and "failed" in statuses, statuses
    reasons = {r.reason for r in summary.results if r.status == "failed"}
    assert reasons == {f"no space left to write the database ({seeded})"}, reasons
    assert_whole(user_counts(seeded), 5 + statuses.count("ingested"))


@pytest.mark.skipif(NO_MOUNTS is not None, reason=str(NO_MOUNTS))
def test_out_of_space_on_a_full_file_system(seeded: Path, tmp_path: Path) -> None:
    """The user database on a small tmpfs that fills up during a real ingest: exit 1, one
    line per file that did not fit, and a database that is whole."""
    write_letters(tmp_path / "new", 60, start=300, filler="y " * 6000)
    size_kb = seeded.stat().st_size // 1024 + 200
    mnt, saved = tmp_path / "small", tmp_path / "saved"
    mnt.mkdir()
    saved.mkdir()
    py = f"{sys.executable} -m ofstedcli"
    script = (
        f'mount -t tmpfs -o size={size_kb}k tmpfs "{mnt}" && cp "{seeded}" "{mnt}/user.db" && '
        f'{py} ingest {tmp_path}/new > "{saved}/out" 2> "{saved}/err"; '
        f'echo $? > "{saved}/code"; cp "{mnt}"/user.db* "{saved}/"'
    )
    done = _in_namespace(script, {"OFSTED_HOME": str(mnt)})
    assert done.returncode == 0, done.stderr
    assert (saved / "code").read_text().strip() == "1"
    err = (saved / "err").read_text()
    lines = err.strip().splitlines()
    assert lines and "Traceback" not in err
    assert all("no space left" in line or "disk" in line for line in lines), lines
    assert not (saved / "user.db-journal").exists()
    counts = user_counts(saved / "user.db")
    assert 5 < counts["documents"] < 65, counts
    assert_whole(counts)
