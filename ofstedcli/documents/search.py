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

#: Most different words a plain search may have, and words a --raw query may have.
MAX_TERMS = 32
MAX_RAW_WORDS = 64
#: Longest text whose snippet FTS5 makes directly: its snippet() costs time quadratic in a
#: document's matches (40 s for one 4 MB document), so a longer text's snippet is made from
#: its best piece of :data:`SNIPPET_PIECE` characters.  The longest real report has 147,000.
SNIPPET_DIRECT = 300_000
SNIPPET_PIECE = 8_000

_WORDLESS = re.compile(r"^\W*$")
_WORD = re.compile(r"\w+")


def fts_query(query: str, raw: bool = False) -> str:
    """The FTS5 query for what the user typed: quoted words, or FTS5 syntax as given."""
    if raw:
        if not query.strip():
            raise UsageError("an empty search: give a word to look for")
        words = len(_WORD.findall(query))
        if words > MAX_RAW_WORDS:
            raise UsageError(f"a query of {words} words is too long (at most {MAX_RAW_WORDS})")
        return query
    # Each word once (a word typed twice finds the same documents, at many times the cost).
    tokens = list({t.casefold(): t for t in query.split() if not _WORDLESS.match(t)}.values())
    if not tokens:
        raise UsageError(f"nothing to search for in {query!r}: give a word")
    if len(tokens) > MAX_TERMS:
        raise UsageError(
            f"a search of {len(tokens)} different words is too many (at most {MAX_TERMS})"
        )
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
    where = " AND ".join(filters)
    # Ranks first, for every match; snippets only for the rows shown.
    found: dict[str, tuple[str, int, float]] = {}
    for layer in reversed(store.layers):  # user first: its rows win over bundled ones
        key = _id_column(store, layer)
        narrow = f" AND {key} IN (SELECT id FROM documents WHERE {where})" if filters else ""
        sql = (
            # FTS5 functions need the table's own name (an alias is not accepted).
            f"SELECT {key}, rowid, bm25(documents_fts) AS rank FROM "
            f"{store.schema(layer)}.documents_fts WHERE documents_fts MATCH ?{narrow} "
            f"ORDER BY rank LIMIT {int(limit)}"
        )
        for doc, rowid, rank in _run(store, sql, [match, *values], raw):
            found.setdefault(doc, (store.schema(layer), rowid, rank))
    best = sorted(found, key=lambda d: found[d][2])[:limit]
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
        Hit(
            doc,
            meta[doc][1],
            meta[doc][2],
            meta[doc][3],
            meta[doc][4],
            meta[doc][5],
            _snippet(store, found[doc][0], found[doc][1], match, raw),
            found[doc][2],
        )
        for doc in best
        if doc in meta
    ]


def _snippet(store: Store, schema: str, rowid: int, match: str, raw: bool) -> str:
    """The snippet of one matching row: from FTS5, or from the text's best piece when the
    text is long (see :data:`SNIPPET_DIRECT`)."""
    table = f"{schema}.documents_fts"
    (size,) = _run(store, f"SELECT length(text) FROM {table} WHERE rowid = ?", [rowid], raw)[0]
    if (size or 0) <= SNIPPET_DIRECT:
        sql = (
            "SELECT snippet(documents_fts, 2, ?, ?, '…', ?) "
            f"FROM {table} WHERE documents_fts MATCH ? AND rowid = ?"
        )
        rows = _run(store, sql, [MARK_START, MARK_END, SNIPPET_TOKENS, match, rowid], raw)
    else:
        (text,) = _run(store, f"SELECT text FROM {table} WHERE rowid = ?", [rowid], raw)[0]
        rows = _piece_snippet(text, match)
    return " ".join(str(rows[0][0] or "").split()) if rows else ""  # no text: NULL


def _piece_snippet(text: str, match: str) -> list[Any]:
    """The snippet of the best-matching piece of a long text, through a small in-memory
    FTS5 index of its pieces (same tokenizer, so the same words are marked)."""
    pieces: list[tuple[str]] = []
    start = 0
    while start < len(text):
        end = text.find(" ", start + SNIPPET_PIECE)
        end = len(text) if end < 0 else end + 1
        pieces.append((text[start:end],))
        start = end
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(document UNINDEXED, title, text, "
            "tokenize = 'porter unicode61')"
        )
        conn.executemany("INSERT INTO documents_fts (title, text) VALUES ('', ?)", pieces)
        return conn.execute(
            "SELECT snippet(documents_fts, 2, ?, ?, '…', ?) FROM documents_fts "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT 1",
            (MARK_START, MARK_END, SNIPPET_TOKENS, match),
        ).fetchall()
    except sqlite3.Error:
        return []  # a raw query naming the title alone matches no piece: no snippet
    finally:
        conn.close()


def searchable(store: Store) -> bool:
    """True when some document is held with its text (indexed for search)."""
    return any(
        store.rows(f"SELECT 1 FROM {store.schema(layer)}.documents WHERE text IS NOT NULL LIMIT 1")
        for layer in store.layers
    )


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
            raise UsageError(f"not a valid FTS5 query: {text}", query=params[0]) from None
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


def _id_column(store: Store, layer: str) -> str:
    """The index's document id column: ``id`` since m003_datasette (an external-content
    index over ``documents``), ``document`` before it (a user database is migrated only when
    next written to)."""
    rows = store.rows(
        "SELECT name FROM pragma_table_info('documents_fts', ?)", (store.schema(layer),)
    )
    return "id" if "id" in {r[0] for r in rows} else "document"
