"""The name resolver: codes, names, aliases, words and fuzzy, never guessing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.resolve import complete, resolve_code
from ofstedcli.store import Store, open_store


@pytest.fixture
def store(tiny_db: Path) -> Iterator[Store]:
    with open_store() as s:
        yield s


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("leicester", "E06000016"),
        ("Leicester", "E06000016"),
        ("LEICESTER CITY COUNCIL", "E06000016"),
        ("leicestershire", "E10000018"),
        ("Leicestershire County Council", "E10000018"),
        ("leics", "E10000018"),
        ("leicster", "E06000016"),
        ("leicestershre", "E10000018"),
        ("hull", "E06000010"),
        ("Kingston upon Hull", "E06000010"),
        ("City of Kingston upon Hull", "E06000010"),
        ("north yorks", "E06000065"),
        ("North Yorkshire", "E06000065"),
        ("york", "E06000014"),
        ("solihull", "E08000029"),
        ("B&NES", "E06000022"),
        ("bnes", "E06000022"),
        ("bathnes", "E06000022"),
        ("Bath & North East Somerset", "E06000022"),
        ("E06000016", "E06000016"),
        ("e06000016", "E06000016"),
        ("856", "E06000016"),
        ("80482", "E06000016"),
        ("E10000023", "E06000065"),  # North Yorkshire's code before 2023
        ("dorset", "E06000059"),  # the current Dorset; the former one by its code
        ("E10000009", "E10000009"),
        ("northamptonshire", "E10000021"),
        ("  leicester  ", "E06000016"),
    ],
)
def test_resolves(store: Store, query: str, code: str) -> None:
    assert resolve_code(store, query) == code


def test_leicester_is_never_leicestershire(store: Store) -> None:
    for typed in ("leicester", "Leicester City", "leicester city council", "leicestr"):
        assert resolve_code(store, typed) == "E06000016"


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ("kingston", {"E06000010", "E09000021"}),
        ("cheshire", {"E06000049", "E06000050"}),
        ("northamptonshire north west", None),
    ],
)
def test_ambiguous_lists_candidates(store: Store, query: str, candidates: set[str] | None) -> None:
    if candidates is None:
        with pytest.raises((NotFound, Ambiguous)):
            resolve_code(store, query)
        return
    with pytest.raises(Ambiguous) as caught:
        resolve_code(store, query)
    assert {c["ons_code"] for c in caught.value.details["candidates"]} == candidates


def test_unknown_gives_suggestions(store: Store) -> None:
    with pytest.raises(NotFound) as caught:
        resolve_code(store, "lestershur")
    assert caught.value.details["suggestions"]
    with pytest.raises(NotFound) as nothing:
        resolve_code(store, "zzzzqqq")
    assert nothing.value.details["suggestions"] == []


@pytest.mark.parametrize("query", ["", "   ", "\x00", "x" * 10_000])
def test_empty_or_huge_is_a_usage_error(store: Store, query: str) -> None:
    with pytest.raises(UsageError):
        resolve_code(store, query)


@pytest.mark.parametrize(
    "query", ["'; drop table authorities; --", "[red]x[/red]", "\x1b[31mleeds", "Ле́стер", "*", "%"]
)
def test_hostile_input_is_not_found(store: Store, query: str) -> None:
    with pytest.raises((NotFound, Ambiguous)):
        resolve_code(store, query)
    assert store.rows("SELECT count(*) FROM authorities")[0][0] > 0


def test_completion_offers_names(store: Store) -> None:
    assert "Leicester" in complete(store, "leic")
    assert "Leicestershire" in complete(store, "leic")
    assert "Kingston upon Thames" in complete(store, "thames")
