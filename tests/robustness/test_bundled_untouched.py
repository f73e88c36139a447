"""The bundled database's bytes never change, whatever is run: every command, reading and
writing, including the ones that are refused because they would write into it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ofstedcli.store import BUNDLED_PATH
from tests.build import sources as src
from tests.build.test_update import newer_edition
from tests.conftest import invoke
from tests.robustness.helpers import letter, write_letters


def _state(path: Path) -> tuple[str, int, list[str]]:
    """The file's hash, its modification time and what lies beside it (journals, WAL)."""
    siblings = sorted(p.name for p in path.parent.iterdir() if p.name != "__pycache__")
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, siblings


def test_no_command_changes_the_bundled_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    before = _state(BUNDLED_PATH)
    docs = tmp_path / "docs"
    write_letters(docs, 7)  # enough for the worker processes
    (docs / "hostile.txt").write_text(letter(99, "[bold]x[/bold] \x1b[2J\n"))
    edition = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    sources = src.write_sources(tmp_path / "sources")
    bundled = str(BUNDLED_PATH)
    runs = [
        # the user database is made, filled and updated beside the bundled one
        (["ingest", str(docs)], 0),
        (["ingest", str(docs)], 0),  # all duplicates now
        (["ingest", "--dry-run", str(docs)], 0),
        (["db", "update", str(edition)], 0),
        (["db", "build", "--sources", str(sources), "--out", str(tmp_path / "built.db")], 0),
        # every read command, as a table and as JSON
        *[
            (args + extra, 0)
            for args in (
                ["show", "leicester"],
                ["compare", "leicester", "leicestershire", "nottingham"],
                ["list", "--all"],
                ["inspections", "--authority", "leicester"],
                ["stats"],
                ["stats", "--as-at", "2024-03-31", "--by", "type"],
                ["neighbours", "leicester"],
                ["transitions"],
                ["movers", "--since", "2020"],
                ["recent", "--since", "2024"],
                ["chart", "leicester", "--region", "London"],
                ["letters"],
                ["search", "council"],
                ["search", "council OR minister", "--raw"],
                ["db", "info"],
            )
            for extra in ([], ["--json"])
        ],
        (["chart", "leicester", "--svg", str(tmp_path / "c.svg")], 0),
        (["chart", "--region", "London", "--html", str(tmp_path / "c.html")], 0),
        # every way of asking to write into the bundled file is refused
        (["ingest", str(docs), "--db", bundled], 1),
        (["db", "update", str(edition), "--db", bundled], 1),
        (["letters", "--db", bundled], 0),
    ]
    for args, code in runs:
        run = invoke(*args)
        assert run.code == code, (args, run.code, run.stderr)
        assert _state(BUNDLED_PATH) == before, f"ofsted {' '.join(args)} changed the bundled file"
    shown = invoke("letters", "--json").json()
    assert shown and invoke("letter", shown[0]["id"]).code == 0
    monkeypatch.setenv("OFSTED_DB", bundled)
    for args in (["ingest", str(docs)], ["db", "update", str(edition)]):
        assert invoke(*args).code == 1, args
    assert _state(BUNDLED_PATH) == before
