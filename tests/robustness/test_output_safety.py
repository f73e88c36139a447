"""Text from sources and documents can never style or control the terminal.

A database whose names, regions, types, themes, inspectors, sources and documents hold Rich
markup and terminal escape sequences (clear screen, set the window title, a C1 CSI), and an
ingested letter (and a file name) holding them too: every table view, with colour forced
and without, shows them as literal text - markup not read, control characters dropped - and
writes no escape sequence but its own colours; errors do the same on stderr; JSON keeps the
text exactly, escaped.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke
from tests.robustness.helpers import SGR, UNSAFE, letter

#: Markup and escapes: bold, clear screen, window title (OSC ... BEL), C1 CSI, more markup.
H = "[bold]B[/bold] \x1b[2J\x1b]0;pwned\x07\x9b31m[red]R[/red]"
LEICESTER = f"Leicester {H}"
REGION = f"East Midlands {H}"
#: The same without slashes, for file names.
IN_NAME = H.replace("/", "")


@pytest.fixture(scope="module")
def hostile_db(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    db = Path(shutil.copy(tiny_db_file, root / "hostile.db"))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE authorities SET name = ?, type = ? WHERE ons_code = 'E06000016'",
                 (LEICESTER, f"Unitary {H}"))  # fmt: skip
    conn.execute("UPDATE authorities SET region = ? WHERE region = 'East Midlands'", (REGION,))
    conn.execute("UPDATE inspections SET theme = ?, lead_inspector = ? WHERE theme IS NOT NULL",
                 (H, H))  # fmt: skip
    conn.execute("UPDATE sources SET title = ?, publisher = ?, licence = ?", (H, H, H))
    conn.execute("UPDATE documents SET title = ?, sender_name = ?, url = ?", (H, H, f"x:{H}"))
    conn.executemany(
        "INSERT INTO neighbours (authority, neighbour, rank) VALUES ('E06000016', ?, ?)",
        [("E10000018", 1), ("E06000014", 2)],
    )
    conn.commit()
    conn.close()
    text = letter(1, f"\n{H}\nThe mayor said {H} again.\n")
    (root / f"letter {IN_NAME}.txt").write_text(text)
    done = invoke("ingest", str(root), "--db", str(db), "--json")
    assert done.code == 0, done.stderr
    return db


@pytest.fixture
def db(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("OFSTED_DB", str(hostile_db))
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that no markup tag is wrapped apart
    yield hostile_db


def _ingested_id(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT id FROM documents WHERE text IS NOT NULL").fetchone()[0])
    finally:
        conn.close()


#: Every table view that shows text from the data, and whether it shows the hostile text.
VIEWS: list[tuple[list[str], bool]] = [
    (["show", "leicester"], True),
    (["compare", "leicester", "leicestershire"], True),
    (["list"], True),
    (["list", "--sort", "region"], True),
    (["inspections", "--authority", "leicester"], True),
    (["stats"], True),
    (["stats", "--by", "type"], True),
    (["neighbours", "leicester"], True),
    (["neighbours", "leicestershire"], True),
    (["transitions"], False),
    (["movers", "--since", "2016"], True),
    (["recent", "--since", "2010"], True),
    (["chart", "leicester", "leicestershire"], True),
    (["letters"], True),
    (["letter", "aaaaaaaaaaaa"], True),
    (["letter", "INGESTED"], True),
    (["search", "mayor"], True),
    (["search", "bold"], True),
    (["db", "info"], True),
]


def _assert_inert(out: str, where: str) -> None:
    """Nothing in ``out`` but text and our own colour codes."""
    rest = SGR.sub("", out)
    assert "\x1b" not in rest, (where, rest[:300])
    assert not UNSAFE.search(rest), (where, UNSAFE.findall(rest))


@pytest.mark.parametrize("colour", [True, False], ids=["FORCE_COLOR=1", "no colour"])
@pytest.mark.parametrize(("args", "shows"), VIEWS, ids=[" ".join(a) for a, _ in VIEWS])
def test_table_views_show_data_literally(
    db: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], shows: bool, colour: bool
) -> None:
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    else:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    args = [_ingested_id(db) if a == "INGESTED" else a for a in args]
    run = invoke(*args)
    assert run.code == 0, run.stderr
    _assert_inert(run.stdout, " ".join(args))
    _assert_inert(run.stderr, " ".join(args))
    assert bool(SGR.search(run.stdout)) is colour
    if shows:
        # markup is shown as written, never read (Rich would have eaten the tags); narrow
        # columns (chart, movers) cut the rest of the name short
        assert "[bold]B[/bold]" in run.stdout, run.stdout[:2000]


def test_ingest_table_and_warnings_show_file_names_literally(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    good = tmp_path / f"good {IN_NAME}.txt"
    good.write_text(letter(2, H))
    bad = tmp_path / f"bad {IN_NAME}.txt"
    bad.write_bytes(b"\x00\x01" * 50)
    run = invoke("ingest", "--dry-run", str(good), str(bad))
    assert run.code == 1
    _assert_inert(run.stdout, "ingest table")
    _assert_inert(run.stderr, "ingest warnings")
    assert "[bold]" in run.stdout and "[bold]" in run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", H],
        ["compare", "leicester", H],
        ["letters", "--kind", H],
        ["search", "x", "--since", H],
        ["search", H, "--raw"],
        ["letter", H],
        ["show", "leicester", "--db", f"/nonexistent/{IN_NAME}"],
        ["ingest", f"/nonexistent/{IN_NAME}"],
    ],
    ids=["show NAME", "compare NAME", "letters --kind", "search --since", "search --raw",
         "letter ID", "--db", "ingest PATH"],
)  # fmt: skip
def test_error_messages_are_inert(db: Path, args: list[str]) -> None:
    run = invoke(*args)
    assert run.code != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    _assert_inert(run.stderr, "stderr")
    as_json = invoke(*args, "--json")
    _assert_inert(as_json.stdout.replace("\n", ""), "JSON error")
    if as_json.stdout:
        json.loads(as_json.stdout)


def _find(data: Any, text: str) -> bool:
    """Whether ``text`` is one of the strings anywhere in ``data``."""
    if isinstance(data, str):
        return text in data
    if isinstance(data, dict):
        return any(_find(v, text) for v in data.values())
    if isinstance(data, list):
        return any(_find(v, text) for v in data)
    return False


@pytest.mark.parametrize(("args", "shows"), VIEWS, ids=[" ".join(a) for a, _ in VIEWS])
def test_json_keeps_the_text_exactly_and_escaped(db: Path, args: list[str], shows: bool) -> None:
    args = [_ingested_id(db) if a == "INGESTED" else a for a in args]
    run = invoke(*args, "--json")
    assert run.code == 0, run.stderr
    assert not UNSAFE.search(run.stdout.replace("\n", "")), re.findall(UNSAFE, run.stdout)[:5]
    data = json.loads(run.stdout)
    if shows:
        assert _find(data, H), run.stdout[:1000]


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
@pytest.mark.parametrize("command", [["list"], ["letters"], ["search", "mayor"], ["stats"]])
def test_csv_and_ndjson_carry_no_control_characters(db: Path, command: list[str], fmt: str) -> None:
    run = invoke(*command, "--format", fmt)
    assert run.code == 0, run.stderr
    assert not UNSAFE.search(run.stdout.replace("\n", "")), command
    assert "[bold]B[/bold]" in run.stdout


@pytest.mark.parametrize("colour", [True, False], ids=["FORCE_COLOR=1", "no colour"])
def test_db_build_and_update_show_paths_and_titles_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colour: bool
) -> None:
    """The build's --out path and an edition's file name and cover title, hostile."""
    from tests.build import sources as src
    from tests.build.test_update import newer_edition

    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    sources = src.write_sources(tmp_path / "sources")
    out = tmp_path / f"built {IN_NAME}.db"
    built = invoke("db", "build", "--sources", str(sources), "--out", str(out))
    assert built.code == 0, built.stderr
    _assert_inert(built.stdout, "db build")
    assert "[bold]B" in built.stdout
    sheets = newer_edition()
    sheets["Cover"] = src.cover(
        f"Outcomes {H} as at 31 March 2027",
        "Local authority inspection outcomes",
        "2026-09-24",
        "Inspections as at 31 March 2027, with a report published by 30 June 2027",
    )
    edition = src.write_ods(tmp_path / f"edition {IN_NAME}.ods", sheets)
    updated = invoke("db", "update", str(edition), "--db", str(out))
    assert updated.code == 0, updated.stderr
    _assert_inert(updated.stdout, "db update")
    assert "[bold]B" in updated.stdout
