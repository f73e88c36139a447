"""Property-based tests: any input gives an answer or a domain error, never an exception."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofstedcli import names
from ofstedcli.dates import parse_date
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.model import parse_grade
from ofstedcli.resolve import resolve_code
from ofstedcli.store import Store, open_store

EXAMPLES = 300
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def store(tiny_db: Path) -> Iterator[Store]:
    with open_store() as s:
        yield s


@SETTINGS
@given(st.text(max_size=300))
def test_resolver_always_answers(store: Store, text: str) -> None:
    try:
        code = resolve_code(store, text)
    except (NotFound, Ambiguous, UsageError) as err:
        assert err.message and "\n" not in err.message
    else:
        assert store.rows("SELECT 1 FROM authorities WHERE ons_code = ?", (code,))


@SETTINGS
@given(st.sampled_from(["Leicester", "Leicestershire", "Solihull", "York", "Kingston upon Thames"]))
def test_every_official_name_resolves_to_itself(store: Store, name: str) -> None:
    code = resolve_code(store, name)
    assert store.authority(code).name == name
    assert resolve_code(store, name.upper()) == code
    assert resolve_code(store, f"  {name.lower()} council ") == code


@SETTINGS
@given(st.text(max_size=200))
def test_normalise_is_idempotent_and_total(text: str) -> None:
    once = names.normalise(text)
    assert names.normalise(once) == once
    assert once == once.strip()


@SETTINGS
@given(st.text(max_size=40))
def test_dates_parse_or_usage_error(text: str) -> None:
    try:
        value = parse_date(text)
    except UsageError as err:
        assert "\n" not in err.message
    else:
        assert len(value) == 10 and value[4] == "-" and value[7] == "-"


@SETTINGS
@given(st.dates())
def test_dates_round_trip(day: Any) -> None:
    iso = day.isoformat()
    assert parse_date(iso) == iso
    assert parse_date(iso[:7]) <= iso <= parse_date(iso[:7], end=True)
    assert parse_date(iso[:4]) <= iso <= parse_date(iso[:4], end=True)


@SETTINGS
@given(st.text(max_size=60))
def test_grades_parse_or_value_error(text: str) -> None:
    try:
        grade = parse_grade(text)
    except ValueError:
        return
    assert grade in (None, "Outstanding", "Good", "Requires improvement to be good", "Inadequate")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["show", "inspections", "list", "compare"]),
    st.text(max_size=80),
)
def test_json_output_always_parses(tiny_db: Path, cli: Any, command: str, text: str) -> None:
    args = {
        # after "--", as a name starting with "-" (say "-h") is given on a command line
        "show": ["show", "--json", "--", text],
        "compare": ["compare", "--json", "--", "leicester", text],
        "inspections": ["inspections", "--authority", text, "--json"],
        "list": ["list", "--region", text, "--json"],
    }[command]
    result = cli(*args)
    assert result.code in (0, 2, 3, 4), result
    if result.stdout:
        json.loads(result.stdout)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 1
