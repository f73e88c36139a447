"""Reading stored documents back: full-text search, the list of documents, one document whole.

Search runs SQLite FTS5 over ``documents_fts`` in each attached database file (bundled and
user), ranked by bm25, with snippets whose matches are wrapped in the private-use characters
:data:`MARK_START` and :data:`MARK_END` (the renderer styles them; they can never be markup).
A plain query is words: every token is quoted, so ``"``, ``*``, ``NEAR(`` and ``AND``/``OR``
are searched for as text.  ``raw=True`` passes FTS5 syntax through, and a syntax error becomes
a :class:`~ofstedcli.errors.UsageError`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ofstedcli.dates import parse_date
from ofstedcli.documents.kinds import KINDS
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.store import Store, _database_error

#: Private-use characters around each match in a snippet.
MARK_START = "\ue000"
MARK_END = "\ue001"
#: Tokens of context a snippet shows around the matches.
SNIPPET_TOKENS = 16
DEFAULT_LIMIT = 20
#: The largest limit SQLite takes; a larger --limit means the same (every match).
MAX_LIMIT = 2**63 - 1
#: Shortest document id prefix ``ofsted letter`` accepts.
MIN_ID_PREFIX = 4

_WORDLESS = re.compile(r"^\W*$")


def fts_query(query: str, raw: bool = False) -> str:
    """The FTS5 query for what the user typed: quoted words, or FTS5 syntax as given."""
    if raw:
        if not query.strip():
            raise UsageError("an empty search: give a word to look for")
        return query
    tokens = [t for t in query.split() if not _WORDLESS.match(t)]
    if not tokens:
        raise UsageError(f"nothing to search for in {query!r}: give a word")
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def check_kinds(kinds: Sequence[str] | None) -> list[str] | None:
    """The kinds asked for, checked against :data:`KINDS` (hyphens allowed for underscores)."""
    if not kinds:
        return None
    out = []
    for kind in kinds:
        key = kind.strip().lower().replace("-", "_").replace(" ", "_")
        if key not in KINDS:
            raise UsageError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
        out.append(key)
    return out


@dataclass(frozen=True)
class Hit:
    """One document that matches a search."""

    document: str
    kind: str
    date: str | None
    authority: str | None
    authority_name: str | None
    title: str | None
    snippet: str
    rank: float

    def to_json(self) -> dict[str, Any]:
        """The search result object of the JSON contract."""
        return {
            "id": self.document,
            "kind": self.kind,
            "date": self.date,
            "authority": {"ons_code": self.authority, "name": self.authority_name},
            "title": self.title,
            "snippet": self.snippet,
            "rank": self.rank,
        }


def search(
    store: Store,
    query: str,
    *,
    authority: str | None = None,
    kind: Sequence[str] | None = None,
    since: str | None = None,
    raw: bool = False,
    limit: int = DEFAULT_LIMIT,
    until: str | None = None,
) -> list[Hit]:
    """Documents matching ``query``, best first; ``authority`` is an ONS code."""
    if limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {limit}")
    limit = min(limit, MAX_LIMIT)  # SQLite's LIMIT is a 64-bit integer
    match = fts_query(query, raw)
    kinds = check_kinds(kind)
    start = parse_date(since, option="--since") if since is not None else None
    filters: list[str] = []
    values: list[Any] = []
    if authority:
        filters.append("authority = ?")
        values.append(authority)
    if kinds:
        filters.append(f"kind IN ({','.join('?' * len(kinds))})")
        values += kinds
    if start:
        filters.append("date >= ?")
        values.append(start)
    if until:
        filters.append("date <= ?")
        values.append(until)
    # The index is searched on its own (joining every match to the documents view first
    # costs several times more), narrowed by the ids the filters allow.
    narrow = (
        f" AND document IN (SELECT id FROM documents WHERE {' AND '.join(filters)})"
        if filters
        else ""
    )
    found: dict[str, tuple[str, float]] = {}
    for layer in reversed(store.layers):  # user first: its rows win over bundled ones
        sql = (
            # FTS5 functions need the table's own name (an alias is not accepted).
            "SELECT document, snippet(documents_fts, 2, ?, ?, '…', ?), bm25(documents_fts) "
            f"AS rank FROM {store.schema(layer)}.documents_fts WHERE documents_fts MATCH ?{narrow} "
            f"ORDER BY rank LIMIT {int(limit)}"
        )
        params = [MARK_START, MARK_END, SNIPPET_TOKENS, match, *values]
        for doc, snip, rank in _run(store, sql, params, raw):
            found.setdefault(doc, (" ".join(snip.split()), rank))
    best = sorted(found, key=lambda d: found[d][1])[:limit]
    if not best:
        return []
    meta = {
        r[0]: r
        for r in store.rows(
            "SELECT d.id, d.kind, d.date, d.authority, a.name, d.title FROM documents d "
            "LEFT JOIN authorities a ON a.ons_code = d.authority "
            f"WHERE d.id IN ({','.join('?' * len(best))})",
            best,
        )
    }
    return [
        Hit(doc, meta[doc][1], meta[doc][2], meta[doc][3], meta[doc][4], meta[doc][5], *found[doc])
        for doc in best
        if doc in meta
    ]


#: What SQLite says about a MATCH expression it cannot parse (an unclosed quote, a leading
#: ``*``, a word taken for a column name, any other syntax error).
_QUERY_ERRORS = ("fts5", "syntax", "no such column", "unterminated string", "special query")


def _run(store: Store, sql: str, params: list[Any], raw: bool) -> list[sqlite3.Row]:
    """Run a search query; FTS5 syntax errors in a raw query are the user's to fix, and any
    other failure (a locked or damaged file) is a one-line DatabaseError."""
    try:
        return store.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        text = str(exc)
        if raw and any(words in text for words in _QUERY_ERRORS):
            raise UsageError(f"not a valid FTS5 query: {text}", query=params[3]) from None
        raise _database_error(exc, store.paths) from exc


def find_id(store: Store, given: str) -> str:
    """The one document id that ``given`` is, or is the start of."""
    key = given.strip().lower()
    if len(key) < MIN_ID_PREFIX or not re.fullmatch(r"[0-9a-f]+", key):
        raise UsageError(
            f"a document id is {MIN_ID_PREFIX} to 12 hex digits (as `ofsted letters` shows), "
            f"not {given!r}"
        )
    rows = store.rows(
        "SELECT id FROM documents WHERE id = ? OR id LIKE ? ORDER BY id", (key, key + "%")
    )
    ids = [r[0] for r in rows]
    if key in ids:
        return key
    if not ids:
        raise NotFound(f"no document with id {given!r}", query=given)
    if len(ids) > 1:
        raise Ambiguous(
            f"{given!r} starts {len(ids)} document ids: give more of it",
            query=given,
            candidates=ids[:10],
        )
    return str(ids[0])


def letter(store: Store, given: str) -> dict[str, Any]:
    """One document whole: metadata, facts with evidence and conflicts, its inspection, text."""
    doc_id = find_id(store, given)
    (row,) = store.rows(
        "SELECT d.*, a.name AS authority_name FROM documents d "
        "LEFT JOIN authorities a ON a.ons_code = d.authority WHERE d.id = ?",
        (doc_id,),
    )
    facts = [
        {
            "field": f["field"],
            "value": _value(f["value"]),
            "evidence": {
                "start": f["evidence_start"],
                "end": f["evidence_end"],
                "text": f["evidence"]
                or _quote(row["text"], f["evidence_start"], f["evidence_end"]),
            },
            "inspection": f["inspection"],
            "conflict": f["conflict"],
        }
        for f in store.rows("SELECT * FROM facts WHERE document = ? ORDER BY id", (doc_id,))
    ]
    inspection = None
    if row["inspection"]:
        found = (
            [
                i
                for i in store.inspections(authorities=[row["authority"]])
                if i.id == row["inspection"]
            ]
            if row["authority"]
            else []
        )
        inspection = found[0].to_json() if found else {"id": row["inspection"]}
    party = {
        side: {
            k: row[f"{side}_{c}"]
            for k, c in (("name", "name"), ("role", "role"), ("organisation", "org"))
        }
        for side in ("sender", "recipient")
    }
    return {
        "id": row["id"],
        "kind": row["kind"],
        "date": row["date"],
        "title": row["title"],
        "authority": {"ons_code": row["authority"], "name": row["authority_name"]},
        "sender": party["sender"] if any(party["sender"].values()) else None,
        "recipient": party["recipient"] if any(party["recipient"].values()) else None,
        "url": row["url"],
        "path": row["path"],
        "source": row["source"],
        "sha256": row["sha256"],
        "inspection": inspection,
        "facts": facts,
        "has_text": row["text"] is not None,
        "text": row["text"],
    }


def _value(stored: str | None) -> Any:
    """A fact's value as extracted: strings as stored, other values from their JSON."""
    if stored is None:
        return None
    if stored[:1] in ("{", "[") or stored in ("true", "false", "null"):
        try:
            return json.loads(stored)
        except ValueError:
            return stored
    return stored


def _quote(text: str | None, start: int | None, end: int | None) -> str | None:
    """The evidence snippet from a stored text, when the fact kept only its offsets."""
    if text is None or start is None or end is None:
        return None
    return text[start:end]
