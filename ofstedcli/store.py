"""Finding and opening the databases, and the queries every command reads through.

Two files hold the data.  The bundled ``data/inspections.db`` ships with the package and is
never modified: it is opened read-only and immutable.  The user database (documents the user
ingested, newer editions loaded with ``ofsted db update``) lives in the user data directory,
overridable with ``OFSTED_HOME``.  A connection opens an in-memory main database, attaches the
two files as ``bundled`` and ``user``, and creates a TEMP view per table that unions them (user
rows win over bundled rows with the same key), so every query is written once against plain
table names.  ``--db PATH`` or ``OFSTED_DB`` replaces both with one explicit file.

Writers insert into ``user.<table>`` explicitly; the views are for reading.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from ofstedcli.errors import DatabaseError, NotFound, UsageError
from ofstedcli.model import Authority, Document, Inspection

#: For each table, when a bundled row gives way to the user file: a user row with the same
#: key (a tuple of columns), or a SQL condition on the bundled row ``b``.  Facts belong to
#: their document (their integer ids are per file), so they give way with it.
TABLE_KEYS: dict[str, tuple[str, ...] | str] = {
    "sources": ("id",),
    "authorities": ("ons_code",),
    "aliases": ("norm", "authority"),
    "successions": ("predecessor", "successor"),
    "neighbours": ("authority", "model", "rank"),
    "inspections": ("id",),
    "judgements": ("inspection", "area"),
    "disagreements": "EXISTS (SELECT 1 FROM user.inspections u WHERE u.id = b.inspection)",
    "documents": ("id",),
    "facts": "EXISTS (SELECT 1 FROM user.documents u WHERE u.id = b.document)",
    "meta": ("key",),
}

BUNDLED_PATH = Path(__file__).parent / "data" / "inspections.db"

#: Seconds to wait for another process's lock on a database before giving up.
DEFAULT_BUSY_TIMEOUT = 10.0


def busy_timeout() -> float:
    """Seconds to wait for a lock: ``OFSTED_BUSY_TIMEOUT``, else :data:`DEFAULT_BUSY_TIMEOUT`."""
    raw = os.environ.get("OFSTED_BUSY_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86_400:  # also refuses nan and inf
        raise UsageError(
            f"OFSTED_BUSY_TIMEOUT must be a number of seconds from 0 to 86400, not {raw[:40]!r}"
        )
    return value


def user_home() -> Path:
    """The user data directory: ``OFSTED_HOME``, else the platform's usual place."""
    env = os.environ.get("OFSTED_HOME")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ofsted"


class Paths:
    """The database files a command uses."""

    __slots__ = ("bundled", "explicit", "user")

    def __init__(self, bundled: Path | None, user: Path, explicit: bool) -> None:
        self.bundled = bundled
        self.user = user
        self.explicit = explicit

    def to_json(self) -> dict[str, Any]:
        """The paths as shown by ``ofsted db info``."""
        return {
            "bundled": str(self.bundled) if self.bundled else None,
            "user": str(self.user),
            "explicit": self.explicit,
        }


def paths(db: Path | None = None) -> Paths:
    """Which files to use: ``db`` or ``OFSTED_DB`` alone, else bundled plus user database."""
    explicit = db or (Path(os.environ["OFSTED_DB"]) if os.environ.get("OFSTED_DB") else None)
    if explicit is not None:
        return Paths(bundled=None, user=explicit.expanduser(), explicit=True)
    return Paths(bundled=BUNDLED_PATH, user=user_home() / "user.db", explicit=False)


def _uri(path: Path, mode: str) -> str:
    uri = path.resolve().as_uri() + f"?mode={mode}"
    return uri + "&immutable=1" if mode == "ro" and _is_bundled(path) else uri


def _is_bundled(path: Path) -> bool:
    """True when ``path`` is the bundled file itself: by name, symlink or hard link (the same
    file on disk, compared by device and inode, not by name)."""
    try:
        return path.resolve() == BUNDLED_PATH.resolve() or os.path.samefile(path, BUNDLED_PATH)
    except (OSError, ValueError):
        return False


def refuse_bundled(where: Paths) -> None:
    """DatabaseError when the file a command would write is the bundled database."""
    if not _is_bundled(where.user):
        return
    if where.explicit:
        raise DatabaseError(
            "the bundled database is never modified; give --db another file or unset OFSTED_DB"
        )
    raise DatabaseError(
        f"the user database {where.user} is a link to the bundled database, which is never "
        "modified; remove that link (a new user database is then made)"
    )


class Store:
    """An open connection over the bundled and user databases, with the read queries."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        where: Paths,
        layers: Sequence[str],
        writable: bool,
        *,
        direct: bool = False,
    ) -> None:
        self.conn = conn
        self.paths = where
        self.layers = tuple(layers)
        self.writable = writable
        self.direct = direct
        self._districts: list[sqlite3.Row] | None = None

    def schema(self, layer: str) -> str:
        """The SQL schema name of a layer ('bundled' or 'user'; 'main' when opened alone)."""
        return "main" if self.direct else layer

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- raw access -------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read query, turning SQLite failures into one-line DatabaseErrors."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _database_error(exc, self.paths) from exc

    # -- authorities ------------------------------------------------------------------------

    def newest_published(self) -> str | None:
        """The newest publication date in the data: what it runs to."""
        value = self.rows("SELECT max(published) FROM inspections")[0][0]
        return str(value) if value else None

    def authority(self, ons_code: str) -> Authority:
        """One authority by ONS code, with its predecessors, successors and aliases."""
        found = self.rows("SELECT * FROM authorities WHERE ons_code = ?", (ons_code,))
        if not found:
            raise NotFound(f"no authority with code {ons_code}", query=ons_code)
        auth = _authority(found[0])
        auth.predecessors = [
            {"ons_code": r["predecessor"], "name": r["name"], "date": r["date"]}
            for r in self.rows(
                "SELECT s.predecessor, a.name, s.date FROM successions s "
                "JOIN authorities a ON a.ons_code = s.predecessor "
                "WHERE s.successor = ? ORDER BY s.date, a.name",
                (ons_code,),
            )
        ]
        auth.successors = [
            {"ons_code": r["successor"], "name": r["name"], "date": r["date"]}
            for r in self.rows(
                "SELECT s.successor, a.name, s.date FROM successions s "
                "JOIN authorities a ON a.ons_code = s.successor "
                "WHERE s.predecessor = ? ORDER BY s.date, a.name",
                (ons_code,),
            )
        ]
        auth.aliases = sorted(
            {
                r["alias"]
                for r in self.rows(
                    "SELECT alias FROM aliases WHERE authority = ? AND kind != 'code'",
                    (ons_code,),
                )
            }
            - {auth.name}
        )
        return auth

    def authorities(
        self,
        *,
        status: str | None = None,
        region: str | None = None,
        type: str | None = None,
    ) -> list[Authority]:
        """Every authority, filtered, in name order (no aliases or successions)."""
        where, params = _where(
            ("status = ?", status),
            ("lower(region) = lower(?)", region),
            ("lower(type) = lower(?)", type),
        )
        return [
            _authority(r)
            for r in self.rows(f"SELECT * FROM authorities{where} ORDER BY name", params)
        ]

    def codes(self, text: str) -> list[str]:
        """Authorities whose ONS code, DfE code, Ofsted URN or code alias is exactly ``text``."""
        key = text.strip().upper()
        return [
            r[0]
            for r in self.rows(
                "SELECT ons_code FROM authorities WHERE ons_code = ?1 OR dfe_code = ?1 "
                "OR ofsted_urn = ?1 UNION SELECT authority FROM aliases "
                "WHERE kind = 'code' AND upper(alias) = ?1",
                (key,),
            )
        ]

    def alias_matches(self, norms: Sequence[str]) -> list[str]:
        """Authorities with an alias whose normal form is one of ``norms``."""
        marks = ",".join("?" * len(norms))
        return [
            r[0]
            for r in self.rows(
                f"SELECT DISTINCT authority FROM aliases WHERE norm IN ({marks})", list(norms)
            )
        ]

    def all_aliases(self) -> list[tuple[str, str]]:
        """Every (normal form, authority) pair, for word and fuzzy matching."""
        return [(r[0], r[1]) for r in self.rows("SELECT norm, authority FROM aliases")]

    # -- districts (shire district councils: places, not children's services authorities) ---

    def districts(self) -> list[sqlite3.Row]:
        """Every district council (ons_code, name, norm, county): none when no file in use
        has the ``districts`` table; ``county`` is an authority's code where the data gives
        it, else None."""
        if self._districts is not None:
            return self._districts
        found: dict[str, sqlite3.Row] = {}
        for layer in reversed(self.layers):  # a user row wins over a bundled one
            schema = self.schema(layer)
            columns = {r[1] for r in self.rows(f"PRAGMA {schema}.table_info(districts)")}
            if not {"ons_code", "name", "norm"} <= columns:
                continue
            county = "county" if "county" in columns else "NULL"
            for r in self.rows(
                f"SELECT ons_code, name, norm, {county} AS county FROM {schema}.districts"
            ):
                found.setdefault(r["ons_code"], r)
        self._districts = list(found.values())
        return self._districts

    def statuses(self, codes: Sequence[str]) -> dict[str, str]:
        """Status (current or former) of each authority code."""
        marks = ",".join("?" * len(codes))
        return {
            r[0]: r[1]
            for r in self.rows(
                f"SELECT ons_code, status FROM authorities WHERE ons_code IN ({marks})",
                list(codes),
            )
        }

    def names(self) -> dict[str, str]:
        """Name of every authority by code."""
        return {r[0]: r[1] for r in self.rows("SELECT ons_code, name FROM authorities")}

    # -- inspections ------------------------------------------------------------------------

    def inspections(
        self,
        *,
        authorities: Sequence[str] | None = None,
        framework: Sequence[str] | None = None,
        type: Sequence[str] | None = None,
        grade: Sequence[str] | None = None,
        region: str | None = None,
        since: str | None = None,
        until: str | None = None,
        visits: bool = True,
        published_since: str | None = None,
        published_until: str | None = None,
    ) -> list[Inspection]:
        """Inspections with their judgements, oldest first, filtered as asked."""
        clauses: list[str] = []
        params: list[Any] = []

        def among(column: str, values: Sequence[str] | None, fold: bool = False) -> None:
            if values:
                col = f"lower({column})" if fold else column
                clauses.append(f"{col} IN ({','.join('?' * len(values))})")
                params.extend(v.lower() for v in values) if fold else params.extend(values)

        among("i.authority", authorities)
        among("i.framework", framework, fold=True)
        among("i.type", type, fold=True)
        among("i.overall", grade)
        if region:
            clauses.append("lower(a.region) = lower(?)")
            params.append(region)
        if since:
            clauses.append("COALESCE(i.start_date, i.published) >= ?")
            params.append(since)
        if until:
            clauses.append("COALESCE(i.start_date, i.published) <= ?")
            params.append(until)
        if published_since:
            clauses.append("i.published >= ?")
            params.append(published_since)
        if published_until:
            clauses.append("i.published <= ?")
            params.append(published_until)
        if not visits:
            clauses.append("i.type NOT IN ('focused visit', 'monitoring visit')")
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self.rows(
            "SELECT i.* FROM inspections i JOIN authorities a ON a.ons_code = i.authority"
            f"{where} ORDER BY COALESCE(i.start_date, i.published), i.published, i.id",
            params,
        )
        found = [_inspection(r) for r in rows]
        self._attach_judgements(found)
        return found

    def _attach_judgements(self, found: list[Inspection]) -> None:
        if not found:
            return
        by_id = {i.id: i for i in found}
        if len(found) > 200:
            rows = self.rows("SELECT inspection, area, grade, wording FROM judgements")
        else:
            marks = ",".join("?" * len(by_id))
            rows = self.rows(
                "SELECT inspection, area, grade, wording FROM judgements "
                f"WHERE inspection IN ({marks})",
                list(by_id),
            )
        order = _AREA_ORDER
        for r in sorted(rows, key=lambda r: order.get(r["area"], 99)):
            insp = by_id.get(r["inspection"])
            if insp is None or r["area"] == "overall":
                continue
            insp.judgements[r["area"]] = r["grade"]
            if r["wording"]:
                insp.wording[r["area"]] = r["wording"]

    # -- documents --------------------------------------------------------------------------

    def documents(
        self,
        *,
        authorities: Sequence[str] | None = None,
        kind: Sequence[str] | None = None,
        since: str | None = None,
        limit: int | None = None,
        until: str | None = None,
    ) -> list[Document]:
        """Documents, newest first, filtered as asked (without their text)."""
        where, params = _where(
            (f"authority IN ({','.join('?' * len(authorities or []))})", authorities or None),
            (f"kind IN ({','.join('?' * len(kind or []))})", kind or None),
            ("date >= ?", since),
            ("date <= ?", until),
        )
        sql = (
            "SELECT id, authority, kind, date, title, sender_name, sender_role, sender_org, "
            "recipient_name, recipient_role, recipient_org, url, sha256, inspection, source, "
            "path, text IS NOT NULL AS has_text FROM documents"
            f"{where} ORDER BY date DESC, id"
        )
        if limit is not None:
            sql += f" LIMIT {min(int(limit), 2**63 - 1)}"  # SQLite's LIMIT is 64-bit
        return [_document(r) for r in self.rows(sql, params)]

    def meta(self) -> dict[str, str]:
        """The key-value facts the build recorded (newest publication, schema ...)."""
        return {r[0]: r[1] for r in self.rows("SELECT key, value FROM meta")}

    def sources(self) -> list[dict[str, Any]]:
        """Every source the data came from, with publisher and licence."""
        return [dict(r) for r in self.rows("SELECT * FROM sources ORDER BY id")]

    def info(self) -> dict[str, Any]:
        """What ``ofsted db info`` shows: the files in use, counts, newest dates, sources."""

        def count(sql: str) -> int:
            return int(self.rows(sql)[0][0])

        files = []
        for layer in self.layers:
            path = self.paths.bundled if layer == "bundled" else self.paths.user
            assert path is not None
            files.append(
                {
                    "layer": layer,
                    "path": str(path),
                    "size": path.stat().st_size if path.exists() else None,
                    "inspections": count(f"SELECT count(*) FROM {self.schema(layer)}.inspections"),
                    "documents": count(f"SELECT count(*) FROM {self.schema(layer)}.documents"),
                }
            )
        by_framework = [
            {"framework": r[0], "type": r[1], "count": r[2]}
            for r in self.rows(
                "SELECT framework, type, count(*) FROM inspections GROUP BY framework, type "
                "ORDER BY min(COALESCE(start_date, published)), framework, type"
            )
        ]
        return {
            "paths": self.paths.to_json(),
            "files": files,
            "authorities": {
                "current": count("SELECT count(*) FROM authorities WHERE status = 'current'"),
                "former": count("SELECT count(*) FROM authorities WHERE status = 'former'"),
            },
            "inspections": by_framework,
            "provisional": count("SELECT count(*) FROM inspections WHERE provisional"),
            "documents": count("SELECT count(*) FROM documents"),
            "newest_published": self.newest_published(),
            "meta": self.meta(),
            "sources": self.sources(),
        }


_AREA_ORDER = {
    a: i
    for i, a in enumerate(
        (
            "overall",
            "leadership",
            "help_and_protection",
            "in_care",
            "care_leavers",
            "adoption",
            "lscb",
            "safeguarding",
            "looked_after",
        )
    )
}


def _where(*pairs: tuple[str, Any]) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in pairs:
        if value is None:
            continue
        clauses.append(clause)
        params.extend(value if isinstance(value, (list, tuple)) else [value])
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _authority(r: sqlite3.Row) -> Authority:
    return Authority(
        ons_code=r["ons_code"],
        name=r["name"],
        dfe_code=r["dfe_code"],
        ofsted_urn=r["ofsted_urn"],
        region=r["region"],
        type=r["type"],
        status=r["status"],
    )


def _inspection(r: sqlite3.Row) -> Inspection:
    insp = _base_inspection(r)
    if r["framework"] == "SEND":
        insp.outcome_level = r["outcome_level"]
        insp.outcome = r["outcome"]
        written = r["written_statement"]
        insp.written_statement = None if written is None else bool(written)
        insp.significant_weaknesses = r["significant_weaknesses"]
        insp.progress = r["progress"]
        insp.next_inspection = r["next_inspection"]
        insp.next_interval = r["next_interval"]
    return insp


def _base_inspection(r: sqlite3.Row) -> Inspection:
    return Inspection(
        id=r["id"],
        authority=r["authority"],
        framework=r["framework"],
        type=r["type"],
        start_date=r["start_date"],
        end_date=r["end_date"],
        published=r["published"],
        overall=r["overall"],
        theme=r["theme"],
        lead_inspector=r["lead_inspector"],
        report_url=r["report_url"],
        provisional=bool(r["provisional"]),
        source=r["source"],
    )


def _party(name: str | None, role: str | None, org: str | None) -> dict[str, Any] | None:
    if not (name or role or org):
        return None
    return {"name": name, "role": role, "organisation": org}


def _document(r: sqlite3.Row) -> Document:
    return Document(
        id=r["id"],
        authority=r["authority"],
        kind=r["kind"],
        date=r["date"],
        title=r["title"],
        sender=_party(r["sender_name"], r["sender_role"], r["sender_org"]),
        recipient=_party(r["recipient_name"], r["recipient_role"], r["recipient_org"]),
        url=r["url"],
        sha256=r["sha256"],
        inspection=r["inspection"],
        source=r["source"],
        has_text=bool(r["has_text"]),
        path=r["path"],
    )


def _database_error(exc: sqlite3.Error, where: Paths) -> DatabaseError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseError(f"the database is locked by another process ({where.user}); try again")
    if "full" in text:
        return DatabaseError(f"no space left to write the database ({where.user})")
    if "readonly" in text or "read-only" in text:
        return DatabaseError(f"the database is read-only ({where.user})")
    if "not a database" in text or "malformed" in text:
        return DatabaseError(f"not a usable ofsted database: {text}")
    if "no such table" in text or "no such column" in text:
        return DatabaseError(f"not an ofsted database (it has {text})")
    return DatabaseError(f"database error: {text}")


def _connect_memory() -> sqlite3.Connection:
    conn = sqlite3.connect("file::memory:", uri=True, isolation_level=None, timeout=busy_timeout())
    conn.row_factory = sqlite3.Row
    return conn


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(f"no database at {path}")
    if path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a database")
    if not path.is_file():
        # A FIFO or a device: opening it to read the header could wait for ever.
        raise DatabaseError(f"{path} is not a regular file, so not a database")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"cannot read the database {path}: {exc.strerror}") from exc
    if head and head != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not an SQLite database")


def open_store(db: Path | None = None, *, write: bool = False) -> Store:
    """Open the databases for reading, or with the user database writable (created if new).

    Raises DatabaseError with a one-line message when a file is missing, unreadable, not
    SQLite, or is the bundled file asked to take writes.
    """
    where = paths(db)
    user_exists = where.user.exists()
    reads_bundled = where.bundled is not None
    reads_user = user_exists or where.explicit
    if not write and reads_bundled != reads_user:
        # One file to read (the usual case: no user database yet): open it as the main
        # database, with no views to make (about 1.3 ms of a 60 ms run).
        return _open_alone(where, "bundled" if reads_bundled else "user")
    conn = _connect_memory()
    layers: list[str] = []
    try:
        if where.bundled is not None:
            _check_file(where.bundled)
            conn.execute("ATTACH DATABASE ? AS bundled", (_uri(where.bundled, "ro"),))
            layers.append("bundled")
        if write:
            refuse_bundled(where)
            if not user_exists:
                try:
                    where.user.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(
                        f"cannot create {where.user.parent}: {exc.strerror}"
                    ) from exc
            else:
                _check_file(where.user)
            conn.execute("ATTACH DATABASE ? AS user", (_uri(where.user, "rwc"),))
            _migrate_user(conn, where)
            layers.append("user")
        elif user_exists or where.explicit:
            _check_file(where.user)
            _recover(where.user)
            conn.execute("ATTACH DATABASE ? AS user", (_uri(where.user, "ro"),))
            layers.append("user")
        _create_views(conn, layers)
    except sqlite3.Error as exc:
        conn.close()
        raise _database_error(exc, where) from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, where, layers, write)


def _open_alone(where: Paths, layer: str) -> Store:
    """A read-only Store over one file, opened as the main database."""
    path = where.bundled if layer == "bundled" else where.user
    assert path is not None
    _check_file(path)
    if layer == "user":
        _recover(path)
    try:
        conn = sqlite3.connect(
            _uri(path, "ro"), uri=True, isolation_level=None, timeout=busy_timeout()
        )
    except sqlite3.Error as exc:
        raise _database_error(exc, where) from exc
    conn.row_factory = sqlite3.Row
    try:
        _check_tables(conn, "main")
    except sqlite3.Error as exc:
        conn.close()
        raise _database_error(exc, where) from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, where, [layer], False, direct=True)


def _recover(path: Path) -> None:
    """Roll back what a writer that died mid-transaction (kill -9, a crash) left in a hot
    journal: a read-only connection cannot, and reports the file as read-only instead."""
    if _is_bundled(path) or not path.with_name(path.name + "-journal").exists():
        return
    # A journal of a live writer is not hot: this read then just waits for or shares the file.
    with suppress(sqlite3.Error):
        recovering = sqlite3.connect(_uri(path, "rw"), uri=True, timeout=busy_timeout())
        try:
            recovering.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            recovering.close()


def _migrate_user(conn: sqlite3.Connection, where: Paths) -> None:
    """Bring the attached user database up to the current schema."""
    # Migrations run on their own connection: schema.migrate works on a main database.
    from ofstedcli import schema

    direct = sqlite3.connect(where.user, isolation_level=None, timeout=busy_timeout())
    try:
        schema.migrate(direct)
    finally:
        direct.close()


def _create_views(conn: sqlite3.Connection, layers: Sequence[str]) -> None:
    if not layers:
        raise DatabaseError("no database to read: the bundled database is missing")
    for layer in layers:
        _check_tables(conn, layer)
    for table, keys in TABLE_KEYS.items():
        if len(layers) == 1:
            body = f"SELECT * FROM {layers[0]}.{table}"
        else:
            # user rows first; bundled rows only where they do not give way to the user file
            if isinstance(keys, str):
                shadowed = keys
            else:
                match = " AND ".join(f"u.{k} = b.{k}" for k in keys)
                shadowed = f"EXISTS (SELECT 1 FROM user.{table} u WHERE {match})"
            body = (
                f"SELECT * FROM user.{table} UNION ALL SELECT b.* FROM bundled.{table} b "
                f"WHERE NOT {shadowed}"
            )
        conn.execute(f"CREATE TEMP VIEW {table} AS {body}")


def _check_tables(conn: sqlite3.Connection, schema: str) -> None:
    """DatabaseError unless the schema holds ofsted's tables."""
    present = {
        r[0] for r in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    }
    missing = {"authorities", "inspections"} - present
    if missing:
        raise DatabaseError(f"not an ofsted database: no {', '.join(sorted(missing))} table")


@contextmanager
def transaction(store: Store) -> Iterator[sqlite3.Connection]:
    """One write transaction on the user database: all of it is stored, or none."""
    if not store.writable:
        raise DatabaseError("the database is open read-only")
    conn = store.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _database_error(exc, store.paths) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise _database_error(exc, store.paths) from exc
        raise
