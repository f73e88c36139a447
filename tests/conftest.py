"""Shared fixtures: a tiny database, an isolated user directory, and a way to run commands."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import render
from tests.dbfactory import make_db

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty user directory and no stray database settings."""
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("OFSTED_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    render.reset()


@pytest.fixture(scope="session")
def tiny_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database, written once per session (tests must not change it)."""
    return make_db(tmp_path_factory.mktemp("db") / "tiny.db")


@pytest.fixture
def tiny_db(tiny_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny database, selected through OFSTED_DB for the commands a test runs."""
    monkeypatch.setenv("OFSTED_DB", str(tiny_db_file))
    return tiny_db_file


@dataclass
class Result:
    """What one command run printed and how it exited."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.stdout)


def invoke(*args: str) -> Result:
    """Run ``ofsted ARGS`` in this process through the real entry point's error handling."""
    from ofstedcli.cli import run

    out, err = io.StringIO(), io.StringIO()
    render.reset()
    with redirect_stdout(out), redirect_stderr(err):
        code = run(list(args))
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli() -> Iterator[Any]:
    """The ``invoke`` function, as a fixture."""
    yield invoke
