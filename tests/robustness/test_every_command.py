"""Bad input on every command and option: one line on stderr, the documented exit code, no
traceback, and under --json a JSON object (the error) or nothing on stdout.

The table below is every place a command takes text from the user, with the exit codes that
any hostile text there may give (README, "Exit codes"); each is tried with every string in
:data:`HOSTILE`, as a table and with --json.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke
from tests.robustness.helpers import (
    AMBIGUOUS,
    ERROR,
    ERROR_KINDS,
    HOSTILE,
    NOT_FOUND,
    USAGE,
    problems,
)

X = "\ue000X\ue000"  # where the hostile text goes
NAME = {USAGE, NOT_FOUND, AMBIGUOUS}
#: A name or free text that only filters: an unknown value is an empty answer.
FILTER = {0, USAGE}
#: A path: nothing there (1), or a NUL, which no path can hold (2).
PATH = {ERROR, USAGE}

SLOTS: dict[str, tuple[list[str], set[int]]] = {
    # names
    "show NAME": (["show", X], NAME),
    "compare NAME": (["compare", "leicester", X], NAME),
    "neighbours NAME": (["neighbours", X], NAME),
    "chart NAME": (["chart", X], NAME),
    "letters NAME": (["letters", X], NAME),
    "inspections --authority": (["inspections", "--authority", X], NAME),
    "search --authority": (["search", "council", "--authority", X], NAME),
    # search text and ids
    "search QUERY": (["search", X], FILTER),
    "search --raw QUERY": (["search", X, "--raw"], FILTER),
    "letter ID": (["letter", X], {USAGE, NOT_FOUND}),
    # choices and filters
    "list --region": (["list", "--region", X], FILTER),
    "list --type": (["list", "--type", X], FILTER),
    "list --grade": (["list", "--grade", X], {USAGE}),
    "list --sort": (["list", "--sort", X], {USAGE}),
    "list --format": (["list", "--format", X], {USAGE}),
    "inspections --region": (["inspections", "--region", X], FILTER),
    "inspections --type": (["inspections", "--type", X], {USAGE}),
    "inspections --framework": (["inspections", "--framework", X], {USAGE}),
    "inspections --grade": (["inspections", "--grade", X], {USAGE}),
    "show --framework": (["show", "leicester", "--framework", X], {USAGE}),
    "stats --by": (["stats", "--by", X], {USAGE}),
    "transitions --framework": (["transitions", "--framework", X], {USAGE}),
    "chart --region": (["chart", "--region", X], {USAGE}),
    "letters --kind": (["letters", "--kind", X], {USAGE}),
    "search --kind": (["search", "council", "--kind", X], {USAGE}),
    "recent --format": (["recent", "--format", X], {USAGE}),
    # dates
    "show --since": (["show", "leicester", "--since", X], {USAGE}),
    "show --until": (["show", "leicester", "--until", X], {USAGE}),
    "compare --since": (["compare", "leicester", "york", "--since", X], {USAGE}),
    "inspections --since": (["inspections", "--since", X], {USAGE}),
    "inspections --until": (["inspections", "--until", X], {USAGE}),
    "stats --as-at": (["stats", "--as-at", X], {USAGE}),
    "stats --published-by": (["stats", "--published-by", X], {USAGE}),
    "transitions --since": (["transitions", "--since", X], {USAGE}),
    "transitions --until": (["transitions", "--until", X], {USAGE}),
    "movers --since": (["movers", "--since", X], {USAGE}),
    "recent --since": (["recent", "--since", X], {USAGE}),
    "recent --until": (["recent", "--until", X], {USAGE}),
    "chart --since": (["chart", "leicester", "--since", X], {USAGE}),
    "letters --since": (["letters", "--since", X], {USAGE}),
    "search --since": (["search", "council", "--since", X], {USAGE}),
    # numbers
    "letters --limit": (["letters", "--limit", X], {USAGE}),
    "search --limit": (["search", "council", "--limit", X], {USAGE}),
    "recent --days": (["recent", "--days", X], {USAGE}),
    # files
    "show --db": (["show", "leicester", "--db", X], PATH),
    "stats --db": (["stats", "--db", X], PATH),
    "search --db": (["search", "council", "--db", X], PATH),
    "db info --db": (["db", "info", "--db", X], PATH),
    "ingest PATH": (["ingest", X], PATH),
    "ingest --dry-run PATH": (["ingest", "--dry-run", X], PATH),
    "db update FILE": (["db", "update", X], PATH),
    "db build --sources": (["db", "build", "--sources", X, "--out", "unused.db"], PATH),
    # any name a file can have is written (in an empty folder): only the impossible fail
    "chart --svg": (["chart", "leicester", "--svg", X], {0, *PATH}),
    "chart --html": (["chart", "leicester", "--html", X], {0, *PATH}),
    # a name without the format's ending is a usage error before anything is written
    "chart --png": (["chart", "leicester", "--png", X], {0, *PATH}),
    "chart --pdf": (["chart", "leicester", "--pdf", X], {0, *PATH}),
    "stats --chart": (["stats", "--chart", X], {0, *PATH}),
    "neighbours --chart": (["neighbours", "leicester", "--chart", X], {0, *PATH}),
}


@pytest.fixture(scope="module")
def work_file(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the tiny database for the whole module (ingest may open it)."""
    return Path(shutil.copy(tiny_db_file, tmp_path_factory.mktemp("work") / "work.db"))


@pytest.fixture
def work(work_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("OFSTED_DB", str(work_file))
    monkeypatch.chdir(tmp_path)  # "" is the current folder to Path: keep it an empty one
    yield work_file


def _args(template: list[str], text: str) -> list[str]:
    return [text if a == X else a for a in template]


def _check(args: list[str], codes: set[int]) -> list[str]:
    """The problems of ``ofsted ARGS`` run as a table and with --json."""
    ingest = args[0] == "ingest"
    found = []
    for as_json in (False, True):
        run = invoke(*args, *(["--json"] if as_json else []))
        for problem in problems(
            run.code, run.stdout, run.stderr, codes, as_json, 2 if ingest else 1, not ingest
        ):
            found.append(f"{'--json: ' if as_json else ''}{problem}: {run.stderr[:200]!r}")
        if ingest and as_json and run.code and run.stdout.strip():
            data = run.json()  # the results, each failed, or an error object
            if isinstance(data, list):
                assert {r["status"] for r in data} == {"failed"}, data
            else:
                assert data["error"] in ERROR_KINDS, data
    return found


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t)[:24] for t in HOSTILE])
@pytest.mark.parametrize("slot", list(SLOTS))
def test_hostile_text_everywhere(work: Path, slot: str, text: str) -> None:
    template, codes = SLOTS[slot]
    found = _check(_args(template, text), codes)
    assert not found, found
    # nothing the text did reached the data
    assert invoke("show", "leicester", "--json").json()["authority"]["ons_code"] == "E06000016"


COMMANDS = [
    ["show", "leicester"],
    ["compare", "leicester", "york"],
    ["list"],
    ["inspections"],
    ["stats"],
    ["neighbours", "leicester"],
    ["transitions"],
    ["movers", "--since", "2020"],
    ["recent"],
    ["chart", "leicester"],
    ["ingest", "missing.txt"],
    ["letters"],
    ["letter", "aaaaaaaaaaaa"],
    ["search", "council"],
    ["db", "info"],
    ["db", "update", "missing.ods"],
    ["db", "build", "--sources", "missing", "--out", "x.db"],
]


BAD_WORDS = [
    ["--no-such-option"],
    ["-Z"],
    ["--json=maybe"],
    ["--limit"],  # an option some commands have, given without its value
    ["--since"],
    ["extra", "arguments", "here"],
]


@pytest.mark.parametrize(
    ("command", "bad"),
    [
        (command, bad)
        for command in COMMANDS
        for bad in BAD_WORDS
        # compare, chart and ingest take any number of names or paths: stray words are more
        if not (bad[0] == "extra" and command[0] in ("compare", "chart", "ingest"))
    ],
    ids=lambda v: " ".join(v[:2]),
)
def test_unknown_options_and_stray_arguments(
    work: Path, command: list[str], bad: list[str]
) -> None:
    found = _check([*command, *bad], {USAGE})
    assert not found, found


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        # missing arguments
        (["show"], {USAGE}),
        (["compare"], {USAGE}),
        (["compare", "leicester"], {USAGE}),
        (["neighbours"], {USAGE}),
        (["chart"], {USAGE}),
        (["movers"], {USAGE}),
        (["letter"], {USAGE}),
        (["search"], {USAGE}),
        (["ingest"], {USAGE}),
        (["db", "update", "ftp://example.test/x.ods"], {ERROR}),  # only http(s) is fetched
        (["db", "build"], {USAGE}),
        (["db", "build", "--sources", "s"], {USAGE}),
        (["no-such-command"], {USAGE}),
        (["db", "no-such-command"], {USAGE}),
        # negative, zero, huge and non-numeric numbers
        (["letters", "--limit", "-1"], {USAGE}),
        (["letters", "-n", "0"], {USAGE}),
        (["letters", "-n", "1.5"], {USAGE}),
        (["letters", "-n", str(10**30)], {0}),
        (["search", "council", "--limit", "-5"], {USAGE}),
        (["search", "council", "-n", "0"], {USAGE}),
        (["search", "council", "-n", str(10**30)], {0}),
        (["recent", "--days", "-1"], {USAGE}),
        (["recent", "--days", "1e3"], {USAGE}),
        (["recent", "--days", str(10**7)], {USAGE}),
        (["recent", "--days", str(10**30)], {USAGE}),
        (["recent", "--days", "0"], {0}),
        # invalid dates on every date option
        (["show", "leicester", "--since", "2024-13-01"], {USAGE}),
        (["show", "leicester", "--until", "2024-02-30"], {USAGE}),
        (["inspections", "--since", "yesterday"], {USAGE}),
        (["stats", "--as-at", "2024-13-01"], {USAGE}),
        (["stats", "--as-at", "0000"], {USAGE}),
        (["stats", "--published-by", "31/03/2024"], {USAGE}),
        (["transitions", "--since", "2024-00"], {USAGE}),
        (["movers", "--since", "yesterday"], {USAGE}),
        (["recent", "--since", "2024-13-01"], {USAGE}),
        (["recent", "--until", "9999-12"], {USAGE}),
        (["chart", "leicester", "--since", "next year"], {USAGE}),
        (["letters", "--since", "2024-02-30"], {USAGE}),
        (["search", "council", "--since", "yesterday"], {USAGE}),
        # options that contradict each other
        (["recent", "--since", "2024", "--days", "3"], {USAGE}),
        (["list", "--json", "--format", "csv"], {USAGE}),
        (["show", "leicester", "--format", "csv"], {USAGE}),
        # FTS5 syntax: text in a plain search, a usage error when broken under --raw
        (["search", '"'], {USAGE}),
        (["search", "council*"], {0}),
        (["search", "NEAR(council"], {0}),
        (["search", "AND OR council"], {0}),
        (["search", "NEAR(", "--raw"], {USAGE}),
        (["search", '"unclosed', "--raw"], {USAGE}),
        (["search", "*council", "--raw"], {USAGE}),
        (["search", "AND OR", "--raw"], {USAGE}),
        (["search", "nosuchcolumn:x", "--raw"], {USAGE}),
        (["search", "council OR minister", "--raw"], {0}),
        # the environment
        (["show", "leicester", "--db", "/dev/null"], {ERROR}),
    ],
    ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else "",
)
def test_bad_options(work: Path, args: list[str], codes: set[int]) -> None:
    found = _check(args, codes)
    assert not found, found


@pytest.mark.parametrize("value", ["", "soon", "-1", "nan", "inf", "1e9"])
def test_bad_busy_timeout_setting(work: Path, value: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("OFSTED_BUSY_TIMEOUT", value)
    found = _check(["show", "leicester"], {0} if value == "" else {USAGE})
    assert not found, found
