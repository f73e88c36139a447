"""Writing the built rows into a new database file, moved into place only when complete.

The schema comes from :func:`ofstedcli.schema.migrate`; rows are inserted with sqlite-utils
in a fixed order, so that two builds from the same sources give the same content.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ofstedcli import schema
from ofstedcli.errors import DatabaseError
from ofstedcli.store import busy_timeout

Rows = dict[str, list[dict[str, Any]]]

#: Tables in the order they are filled (each after the tables it refers to).
TABLE_ORDER = (
    "sources",
    "districts",
    "authorities",
    "aliases",
    "successions",
    "neighbours",
    "inspections",
    "judgements",
    "disagreements",
    "documents",
    "facts",
    "meta",
)


def write_new(out: Path, rows: Rows) -> int:
    """Write ``rows`` to a fresh database that replaces ``out`` when complete; its size."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(handle)
    except OSError as exc:
        raise DatabaseError(f"{out}: cannot write here ({exc.strerror or exc})") from None
    tmp = Path(name)
    try:
        _fill(tmp, rows)
        tmp.chmod(0o644)  # mkstemp makes the file private; the database is for everyone to read
        os.replace(tmp, out)
        return out.stat().st_size
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{out}: cannot write the database ({exc})") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _fill(path: Path, rows: Rows) -> None:
    """Create the schema in a new file and insert the rows, checking the foreign keys."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # A temporary file that is thrown away on any error needs no journal.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn)
        insert(conn, rows)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DatabaseError(f"built rows break foreign keys: {problems[:5]}")
        conn.execute("VACUUM")
        # VACUUM may renumber the implicit rowids the external-content index refers to.
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    finally:
        conn.close()


def insert(conn: sqlite3.Connection, rows: Rows) -> None:
    """Insert rows table by table in one transaction, with sqlite-utils."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    with db.atomic():
        for table in TABLE_ORDER:
            if rows.get(table):
                db.table(table).insert_all(rows[table])


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to an existing or new database file with the schema applied."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout())
        schema.migrate(conn)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{path}: cannot open the database ({exc})") from None
    try:
        yield conn
    finally:
        conn.close()


def dump(
    conn: sqlite3.Connection, tables: Iterable[str] = TABLE_ORDER
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the given tables, sorted: a content dump for comparing two builds."""
    return {
        table: sorted(
            conn.execute(f"SELECT * FROM {table}").fetchall(), key=lambda r: tuple(map(repr, r))
        )
        for table in tables
    }
