"""Full-text search, and reading a stored document back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofstedcli.documents.ingest import ingest
from ofstedcli.documents.search import (
    MARK_END,
    MARK_START,
    check_kinds,
    find_id,
    fts_query,
    letter,
    search,
)
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.store import Store


@pytest.fixture
def filled(store: Store, folder: Path) -> Store:
    ingest(store, [str(folder)], workers=1)
    return store


def test_plain_queries_quote_every_token() -> None:
    assert fts_query('foster "carers" NEAR( AND * or') == (
        '"foster" """carers""" "NEAR(" "AND" "or"'
    )
    with pytest.raises(UsageError):
        fts_query('" * ()')


def test_ranked_hits_with_marked_snippets(filled: Store) -> None:
    hits = search(filled, "foster carers")
    assert {h.kind for h in hits} == {"ministerial_letter", "committee_report"}
    assert all(f"{MARK_START}foster{MARK_END}" in h.snippet.lower() for h in hits)
    assert hits == sorted(hits, key=lambda h: h.rank)
    assert "\n" not in hits[0].snippet


def test_syntax_characters_are_text_unless_raw(filled: Store) -> None:
    assert search(filled, 'carers" NEAR( OR *') == []  # no error: every token is a word
    assert search(filled, '"foster" carers* ( ') != []
    assert search(filled, "kinship OR marrows", raw=True)
    with pytest.raises(UsageError, match="FTS5"):
        search(filled, "carers NEAR(", raw=True)


def test_filters(filled: Store) -> None:
    assert [h.kind for h in search(filled, "carers", kind=["committee-report"])] == [
        "committee_report"
    ]
    assert [h.authority for h in search(filled, "carers", authority="E06000016")] == ["E06000016"]
    assert search(filled, "carers", since="2024-09") != []
    assert search(filled, "carers", since="2025") == []
    assert len(search(filled, "carers", limit=1)) == 1
    with pytest.raises(UsageError):
        search(filled, "carers", limit=0)
    with pytest.raises(UsageError):
        search(filled, "carers", since="last week")


def test_check_kinds() -> None:
    assert check_kinds(["Press-Release", "other"]) == ["press_release", "other"]
    with pytest.raises(UsageError, match="--kind"):
        check_kinds(["memo"])


def test_find_id_by_prefix(filled: Store) -> None:
    assert find_id(filled, "aaaa") == "aaaaaaaaaaaa"
    with pytest.raises(NotFound):
        find_id(filled, "ffff0000")
    with pytest.raises(UsageError):
        find_id(filled, "ab")
    filled.conn.execute("INSERT INTO user.documents (id, kind) VALUES ('aaaab0000000', 'other')")
    with pytest.raises(Ambiguous):
        find_id(filled, "aaaa")


def test_letter_has_facts_evidence_inspection_and_text(filled: Store) -> None:
    (hit,) = search(filled, "foster", kind=["ministerial_letter"])
    doc = letter(filled, hit.document)
    assert doc["has_text"] and doc["text"].startswith("Jo Bloggs")
    assert doc["inspection"]["id"] == "E06000016-ilacs-standard-inspection-2021-11-12"
    assert doc["inspection"]["overall"] == "Good"
    facts = {f["field"]: f for f in doc["facts"]}
    evidence = facts["inspection.overall"]["evidence"]
    assert doc["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert facts["mentions[0]"]["value"] if "mentions[0]" in facts else True


def test_letter_without_text(filled: Store) -> None:
    doc = letter(filled, "aaaaaaaaaaaa")
    assert doc["has_text"] is False and doc["text"] is None
