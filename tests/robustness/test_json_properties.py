"""Properties of every list-like command's output: whatever the options, --json parses (an
error object on failure), NDJSON is one object per line, CSV rows fit their header; and a raw
search query is an answer or a usage error, never a crash.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofstedcli.model import FRAMEWORKS, INSPECTION_TYPES
from tests.conftest import invoke
from tests.documents.conftest import LEICESTER_LETTER, LEICESTERSHIRE_REPORT
from tests.robustness.helpers import ERROR_KINDS, HOSTILE, UNSAFE

#: How many command lines the output property tries; how many raw queries the search one.
OUTPUT_EXAMPLES = 250
RAW_QUERY_EXAMPLES = 300

_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
_date = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.integers(1990, 2030).map(str),
    st.sampled_from(["2024-13-01", "2024-02-30", "yesterday", "0000", "9999-12", "-1"]),
    _text,
)
_name = st.one_of(
    st.sampled_from(["leicester", "Leics", "E06000016", "856", "hull", "york", "kingston"]),
    _text,
)


def _pick(values: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(values), st.sampled_from([v.upper() for v in values]), _text)


def _opt(flag: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """The option with a drawn value, or nothing."""
    return st.one_of(st.just([]), value.map(lambda v: [flag, v]))


def _line(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda ps: [a for p in ps for a in p])


_GRADES = ["good", "RI", "inadequate", "outstanding", "requires improvement"]
_REGIONS = ["London", "east midlands", "North West", "Nowhere"]
_KINDS = ["ministerial_letter", "committee-report", "inspection_report", "memo"]
_NUMBER = st.one_of(st.integers(-3, 50), st.integers(-(10**30), 10**30)).map(str)

#: Every list-like command, with its options drawn.
COMMANDS: dict[str, st.SearchStrategy[list[str]]] = {
    "list": _line(
        st.just(["list"]),
        _opt("--region", _pick(_REGIONS)),
        _opt("--grade", _pick(_GRADES)),
        _opt("--type", _pick(["County", "London Borough"])),
        _opt("--sort", _pick(["name", "grade", "date", "region"])),
        st.sampled_from([[], ["--all"], ["--former"]]),
    ),
    "inspections": _line(
        st.just(["inspections"]),
        _opt("--authority", _name),
        _opt("--framework", _pick(list(FRAMEWORKS))),
        _opt("--type", _pick(list(INSPECTION_TYPES))),
        _opt("--grade", _pick(_GRADES)),
        _opt("--since", _date),
        _opt("--until", _date),
    ),
    "stats": _line(
        st.just(["stats"]),
        _opt("--as-at", _date),
        _opt("--published-by", _date),
        _opt("--by", _pick(["region", "type"])),
    ),
    "neighbours": _line(st.just(["neighbours"]), _name.map(lambda n: [n])),
    "transitions": _line(
        st.just(["transitions"]),
        _opt("--since", _date),
        _opt("--until", _date),
        _opt("--framework", _pick(list(FRAMEWORKS))),
    ),
    "movers": _line(st.just(["movers", "--since"]), _date.map(lambda d: [d])),
    "recent": _line(
        st.just(["recent"]),
        _opt("--since", _date),
        _opt("--days", _NUMBER),
        _opt("--until", _date),
    ),
    "letters": _line(
        st.just(["letters"]),
        st.one_of(st.just([]), _name.map(lambda n: [n])),
        _opt("--kind", _pick(_KINDS)),
        _opt("--since", _date),
        _opt("--limit", _NUMBER),
    ),
    "search": _line(
        st.just(["search"]),
        st.one_of(st.sampled_from(["council", "kinship carers", "foster*", "minister"]), _text)
        .filter(lambda q: not q.startswith("-"))
        .map(lambda q: [q]),
        _opt("--authority", _name),
        _opt("--kind", _pick(_KINDS)),
        _opt("--since", _date),
        _opt("--limit", _NUMBER),
        st.sampled_from([[], ["--raw"]]),
    ),
}


@pytest.fixture(scope="module")
def documents_db(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database with two documents ingested, so letters and search find things."""
    root = tmp_path_factory.mktemp("props")
    db = Path(shutil.copy(tiny_db_file, root / "props.db"))
    (root / "letter.txt").write_text(LEICESTER_LETTER)
    (root / "committee.md").write_text(LEICESTERSHIRE_REPORT)
    done = invoke("ingest", str(root / "letter.txt"), str(root / "committee.md"), "--db", str(db))
    assert done.code == 0, done.stderr
    return db


@pytest.fixture
def db(documents_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("OFSTED_DB", str(documents_db))
    yield documents_db


def _parse_json(out: str) -> None:
    json.loads(out)


def _parse_ndjson(out: str) -> None:
    for line in out.splitlines():
        assert isinstance(json.loads(line), dict)


def _parse_csv(out: str) -> None:
    rows = list(csv.reader(io.StringIO(out)))
    if rows:
        assert all(len(row) == len(rows[0]) for row in rows), "ragged CSV"


PARSERS: dict[str, Callable[[str], None]] = {
    "json": _parse_json,
    "ndjson": _parse_ndjson,
    "csv": _parse_csv,
}


@settings(max_examples=OUTPUT_EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(
    args=st.sampled_from(list(COMMANDS)).flatmap(lambda name: COMMANDS[name]),
    fmt=st.sampled_from(["--json", "--format=json", "--format=ndjson", "--format=csv"]),
)
def test_list_like_output_always_parses(db: Path, args: list[str], fmt: str) -> None:
    run = invoke(*args, fmt)
    assert run.code in (0, 2, 3, 4), (args, run.code, run.stderr)
    assert "Traceback" not in run.stderr
    kind = fmt.rpartition("=")[2] if "=" in fmt else "json"
    if run.code == 0:
        PARSERS[kind](run.stdout)
    else:
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        if kind == "json":
            assert json.loads(run.stdout)["error"] in ERROR_KINDS
        else:
            assert run.stdout == ""
    # nothing a terminal would act on: JSON escapes it, CSV drops it
    assert not UNSAFE.search(run.stdout.replace("\n", "").replace("\t", "")), args


_FTS = st.lists(
    st.one_of(
        st.sampled_from(['"', "*", "(", ")", "NEAR", "NEAR/2", "AND", "OR", "NOT", ":", "^"]),
        st.sampled_from(["council", "kinship", "title", "text", "document", "+", "-", ","]),
        st.sampled_from([" ", " ", "{", "}", "'", "0"]),
        st.text(max_size=4),
    ),
    max_size=10,
).map("".join)


@settings(max_examples=RAW_QUERY_EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(query=_FTS, raw=st.booleans())
def test_any_search_query_is_an_answer_or_a_usage_error(db: Path, query: str, raw: bool) -> None:
    if query.startswith("-"):
        query = " " + query  # an argument, not an option
    run = invoke("search", query, "--json", *(["--raw"] if raw else []))
    assert run.code in (0, 2), (query, run.code, run.stderr)
    data: Any = json.loads(run.stdout)
    if run.code == 2:
        assert data["error"] == "usage"
    else:
        assert isinstance(data, list)
