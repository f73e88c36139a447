"""The installed ``ofsted`` command and ``python -m ofstedcli``, as real processes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def _run(cmd: list[str], tiny_db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OFSTED_DB=str(tiny_db))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)


def test_console_script(tiny_db: Path) -> None:
    exe = shutil.which("ofsted", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the package is not installed in this environment (pip install -e .)")
    done = _run([exe, "show", "leicester", "--json"], tiny_db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["authority"]["ons_code"] == "E06000016"


def test_python_dash_m(tiny_db: Path) -> None:
    done = _run([sys.executable, "-m", "ofstedcli", "show", "kingston"], tiny_db)
    assert done.returncode == 4
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_closed_pipe_ends_quietly(tiny_db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.db"
    big.write_bytes(tiny_db.read_bytes())
    conn = sqlite3.connect(big)
    conn.executemany(  # far more output than a pipe buffers, so the writer meets EPIPE
        "INSERT INTO inspections (id, authority, framework, type, start_date, source) "
        "VALUES (?, 'E06000016', 'ILACS', 'focused visit', ?, 'test')",
        [(f"extra-{n}", f"2020-01-{n % 28 + 1:02d}") for n in range(3000)],
    )
    conn.commit()
    conn.close()
    env = dict(os.environ, OFSTED_DB=str(big))
    cmd = f"{sys.executable} -m ofstedcli inspections --format ndjson | head -1"
    table = f"{sys.executable} -m ofstedcli inspections | head -1"
    for line in (cmd, table):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", line],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") == 1
        assert done.stderr == ""
