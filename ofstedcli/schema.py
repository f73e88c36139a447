"""The database schema, as named migrations applied in order (the bundled and user files alike).

Both the bundled ``data/inspections.db`` and the user's own database have this schema, so
that reads can see the two together.  A migration is never edited once released: add a new
one.  Applied migrations are recorded by name in ``_migrations``.
"""

from __future__ import annotations

import sqlite3

from ofstedcli.errors import DatabaseError

_INITIAL = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    published TEXT,
    licence TEXT,
    file TEXT,
    url TEXT
);
CREATE TABLE authorities (
    ons_code TEXT PRIMARY KEY,
    dfe_code TEXT,
    ofsted_urn TEXT,
    name TEXT NOT NULL,
    region TEXT,
    type TEXT,
    status TEXT NOT NULL CHECK (status IN ('current', 'former')),
    source TEXT REFERENCES sources(id)
);
CREATE TABLE aliases (
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    authority TEXT NOT NULL REFERENCES authorities(ons_code),
    kind TEXT NOT NULL,
    source TEXT REFERENCES sources(id),
    PRIMARY KEY (norm, authority)
);
CREATE INDEX aliases_authority ON aliases(authority);
CREATE TABLE successions (
    predecessor TEXT NOT NULL REFERENCES authorities(ons_code),
    successor TEXT NOT NULL REFERENCES authorities(ons_code),
    date TEXT,
    source TEXT REFERENCES sources(id),
    PRIMARY KEY (predecessor, successor)
);
CREATE TABLE neighbours (
    authority TEXT NOT NULL REFERENCES authorities(ons_code),
    neighbour TEXT NOT NULL REFERENCES authorities(ons_code),
    rank INTEGER NOT NULL,
    source TEXT REFERENCES sources(id),
    PRIMARY KEY (authority, rank)
);
CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    authority TEXT NOT NULL REFERENCES authorities(ons_code),
    framework TEXT NOT NULL,
    type TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    published TEXT,
    overall TEXT CHECK (overall IN
        ('Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate')),
    lead_inspector TEXT,
    theme TEXT,
    report_url TEXT,
    provisional INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL REFERENCES sources(id)
);
CREATE INDEX inspections_authority ON inspections(authority);
CREATE INDEX inspections_published ON inspections(published);
CREATE TABLE judgements (
    inspection TEXT NOT NULL REFERENCES inspections(id),
    area TEXT NOT NULL,
    grade TEXT CHECK (grade IN
        ('Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate')),
    wording TEXT,
    source TEXT REFERENCES sources(id),
    PRIMARY KEY (inspection, area)
);
CREATE TABLE disagreements (
    id INTEGER PRIMARY KEY,
    inspection TEXT REFERENCES inspections(id),
    authority TEXT REFERENCES authorities(ons_code),
    field TEXT NOT NULL,
    official TEXT,
    official_source TEXT REFERENCES sources(id),
    other TEXT,
    other_source TEXT REFERENCES sources(id)
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    authority TEXT REFERENCES authorities(ons_code),
    kind TEXT NOT NULL,
    date TEXT,
    title TEXT,
    sender_name TEXT,
    sender_role TEXT,
    sender_org TEXT,
    recipient_name TEXT,
    recipient_role TEXT,
    recipient_org TEXT,
    url TEXT,
    sha256 TEXT UNIQUE,
    text TEXT,
    path TEXT,
    inspection TEXT REFERENCES inspections(id),
    source TEXT REFERENCES sources(id)
);
CREATE INDEX documents_authority ON documents(authority);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence TEXT,
    inspection TEXT REFERENCES inspections(id),
    conflict TEXT
);
CREATE INDEX facts_document ON facts(document);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    document UNINDEXED, title, text, tokenize = 'porter unicode61'
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE VIEW timeline AS
SELECT a.name AS authority_name, i.authority, i.id AS inspection, i.framework, i.type,
       i.start_date, i.end_date, i.published, i.overall, i.theme, i.provisional, i.source
FROM inspections i JOIN authorities a ON a.ons_code = i.authority
ORDER BY i.authority, COALESCE(i.start_date, i.published);
CREATE VIEW latest_judgements AS
SELECT a.ons_code, a.name, a.region, a.type, i.id AS inspection, i.framework,
       i.type AS inspection_type, i.start_date, i.published, i.overall
FROM authorities a JOIN inspections i ON i.id = (
    SELECT j.id FROM inspections j
    WHERE j.authority = a.ons_code AND j.framework IN ('SIF', 'ILACS')
      AND j.type NOT IN ('focused visit', 'monitoring visit')
    ORDER BY COALESCE(j.start_date, j.published) DESC LIMIT 1
)
WHERE a.status = 'current';
"""

#: The whole record (issue 10): area SEND outcomes on inspections, ranked neighbours of each
#: DfE model with their closeness band, source checksums, and England's shire districts.
_RECORD = """
ALTER TABLE inspections ADD COLUMN outcome_level INTEGER CHECK (outcome_level IN (1, 2, 3));
ALTER TABLE inspections ADD COLUMN outcome TEXT;
ALTER TABLE inspections ADD COLUMN written_statement INTEGER;
ALTER TABLE inspections ADD COLUMN significant_weaknesses INTEGER;
ALTER TABLE inspections ADD COLUMN progress TEXT
    CHECK (progress IN ('sufficient', 'some', 'insufficient'));
ALTER TABLE inspections ADD COLUMN next_inspection TEXT;
ALTER TABLE inspections ADD COLUMN next_interval TEXT;
ALTER TABLE sources ADD COLUMN sha256 TEXT;
CREATE TABLE neighbours_ranked (
    authority TEXT NOT NULL REFERENCES authorities(ons_code),
    neighbour TEXT NOT NULL REFERENCES authorities(ons_code),
    rank INTEGER NOT NULL,
    source TEXT REFERENCES sources(id),
    band TEXT,
    model TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (authority, model, rank)
);
INSERT INTO neighbours_ranked (authority, neighbour, rank, source)
    SELECT authority, neighbour, rank, source FROM neighbours;
DROP TABLE neighbours;
ALTER TABLE neighbours_ranked RENAME TO neighbours;
CREATE TABLE districts (
    ons_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    lat REAL,
    long REAL,
    source TEXT REFERENCES sources(id)
);
CREATE INDEX districts_norm ON districts(norm);
CREATE INDEX inspections_framework ON inspections(framework);
"""

#: Datasette (issue 12): the document index becomes an external-content FTS table over
#: ``documents`` (content="documents", kept in step by triggers), which Datasette recognises
#: and gives a search box; ``latest_judgements`` carries the sub-judgements, the provisional
#: flag and the report link.  The index's id column is read from ``documents`` itself.
_DATASETTE = """
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    id UNINDEXED, title, text, content="documents", tokenize = 'porter unicode61'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, id, title, text)
    VALUES (new.rowid, new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, id, title, text)
    VALUES ('delete', old.rowid, old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, id, title, text)
    VALUES ('delete', old.rowid, old.id, old.title, old.text);
    INSERT INTO documents_fts (rowid, id, title, text)
    VALUES (new.rowid, new.id, new.title, new.text);
END;
DROP VIEW latest_judgements;
CREATE VIEW latest_judgements AS
SELECT a.ons_code, a.name, a.region, a.type, i.id AS inspection, i.framework,
       i.type AS inspection_type, i.start_date, i.published, i.overall,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id AND j.area = 'leadership')
           AS leadership,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id
            AND j.area = 'help_and_protection') AS help_and_protection,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id AND j.area = 'in_care')
           AS in_care,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id AND j.area = 'care_leavers')
           AS care_leavers,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id AND j.area = 'adoption')
           AS adoption,
       (SELECT grade FROM judgements j WHERE j.inspection = i.id AND j.area = 'lscb') AS lscb,
       i.provisional, i.report_url, i.source
FROM authorities a JOIN inspections i ON i.id = (
    SELECT j.id FROM inspections j
    WHERE j.authority = a.ons_code AND j.framework IN ('SIF', 'ILACS')
      AND j.type NOT IN ('focused visit', 'monitoring visit')
    ORDER BY COALESCE(j.start_date, j.published) DESC LIMIT 1
)
WHERE a.status = 'current';
"""

#: A document is looked up by its inspection when a report is ingested (is it listed?):
#: without an index each lookup read every stored text to reach the column after it.
_DOCUMENT_INSPECTION = """
CREATE INDEX documents_inspection ON documents(inspection);
"""

#: Named migrations, applied in order and recorded in ``_migrations``.
MIGRATIONS: list[tuple[str, str]] = [
    ("m001_initial", _INITIAL),
    ("m002_record", _RECORD),
    ("m003_datasette", _DATASETTE),
    ("m004_documents_inspection", _DOCUMENT_INSPECTION),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to this database."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied.

    A database with tables but no record of migrations belongs to another program: it is
    refused (DatabaseError) rather than given ofsted's tables.  What is applied is read again
    under each migration's write lock, so two processes opening a new database at once (two
    ``ofsted ingest`` runs) apply each migration once.
    """
    if {name for name, _ in MIGRATIONS} <= set(applied(conn)):
        return []  # the usual case, without taking the write lock
    new: list[str] = []
    for name, sql in MIGRATIONS:
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = set(applied(conn))
            if name not in done:
                if not done and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    path = conn.execute("PRAGMA database_list").fetchone()[2] or "the database"
                    raise DatabaseError(f"{path} is an SQLite database, but not an ofsted one")
                conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY)")
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO _migrations (name) VALUES (?)", (name,))
                new.append(name)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return new


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (none of ours has a semicolon inside a literal)."""
    parts: list[str] = []
    buf = ""
    for piece in sql.split(";"):
        buf += piece
        if sqlite3.complete_statement(buf + ";"):
            if buf.strip():
                parts.append(buf.strip())
            buf = ""
        else:
            buf += ";"
    return parts
