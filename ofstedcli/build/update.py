"""Loading a newer "LA inspection outcomes" edition into the user's own database.

The bundled database is never modified.  The edition's rows are merged with what the bundled
and user databases already hold by the same rules as the build (:mod:`.merge`): the records
held become observations again, taken after the edition when it is newer than the newest
edition they come from (so that its corrections win) and before it otherwise.  Inspections
the edition adds, and held inspections whose values it changes or fills in, are written to
the user database under their existing ids, so that reads, which prefer user rows, see the
new values; everything in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from ofstedcli.build import ofsted_ods
from ofstedcli.build.authorities import registry_from_rows
from ofstedcli.build.caps import check_spreadsheet
from ofstedcli.build.merge import Event, Merger
from ofstedcli.build.pipeline import (
    disagreement_row,
    inspection_row,
    judgement_rows,
    meta_rows,
    source_row,
)
from ofstedcli.build.records import AuthorityRef, Edition, Observation, SourceFile
from ofstedcli.build.report import Change, UpdateReport
from ofstedcli.build.tabular import Where
from ofstedcli.build.writer import connect
from ofstedcli.errors import BadSource, DatabaseError

#: The place given to records read back from a database, for messages.
HELD = "held data"

#: Inspection fields compared between what is held and what the merge gives.
_COMPARED = (
    "type",
    "start_date",
    "end_date",
    "published",
    "overall",
    "theme",
    "lead_inspector",
    "report_url",
    "provisional",
)


#: Ofsted's published "LA inspection outcomes" files, by SHA-256: (published, URL, size).
#: A file loaded by ``ofsted db update`` is an official Ofsted source only when its content is
#: one of these; any other file is credited to the user who loaded it and never overrules
#: the official record.
KNOWN_EDITIONS: dict[str, tuple[str, str | None, int]] = {
    "4ab7acad39efa3d33151270fe7076db4d8ec8b1761e45e570fb23e68f3b54b5f": (
        "2026",
        "https://assets.publishing.service.gov.uk/media/6a6c6b2a8319ab05f7caa29d/"
        "local_authority_inspection_outcomes_as_at_31_march_2026_underlying_data.ods",
        112_075,
    ),
    "cf995c5bba20da43e0d1930035b569061974982e386ccefc1ee98b776f0c9faf": ("2025", None, 109_364),
    "faf838f6436be617e2969e743424f627669e8a8d8fc450b111a502c17a618251": ("2024", None, 69_928),
}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def update_database(
    edition: Path,
    db: Path,
    bundled: Path | None = None,
    *,
    name: str | None = None,
    url: str | None = None,
    known: dict[str, tuple[str, str | None, int]] | None = None,
    today: str | None = None,
    dry_run: bool = False,
) -> UpdateReport:
    """Load an outcomes edition into the user database ``db``; report what is new or changed.

    The file's content decides whose it is: a known published Ofsted file is an official
    source; any other is the user's own (its rows fill gaps and add inspections as
    provisional, never overruling the official record).  Reading what is held, merging and
    writing happen under one write lock on ``db``.
    """
    name = name or edition.name
    check_spreadsheet(edition, name)
    read = ofsted_ods.read_edition(edition, name, layouts=ofsted_ods.OUTCOMES_LAYOUTS)
    today = today or dt.date.today().isoformat()
    published = read.source.published or ""
    if published > today:
        raise BadSource(
            f"{name}: claims publication on {published}, after today ({today}): refused"
        )
    sha = file_sha256(edition)
    official = sha in (KNOWN_EDITIONS if known is None else known)
    if not official:
        read.source = SourceFile(
            id=f"user-{sha[:12]}",
            title=f"{read.source.title} (loaded by you; not a known published Ofsted file)",
            publisher="you (ofsted db update)",
            published=read.source.published,
            licence=None,
            file=name,
            url=url,
            official=False,
        )
        for obs in read.observations:
            obs.source, obs.official = read.source.id, False
    elif url:
        read.source = replace(read.source, url=url)
    layers = [p for p in (bundled, db) if p is not None and p.is_file()]
    if not layers:
        raise DatabaseError(f"no database with the authorities to load {name} against")
    with _scratch() if dry_run and not db.exists() else connect(db) as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            held = _read_held(conn, bundled if bundled is not None and bundled.is_file() else None)
            report, events, merger, newer = _merge(read, held, db, name, official)
            report.official, report.sha256 = official, sha
            _write(conn, read, events, merger, newer and official, held, sha)
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        except BaseException as exc:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _write_error(db, exc) from None
            raise
    report.dry_run = dry_run
    return report


@contextmanager
def _scratch() -> Iterator[sqlite3.Connection]:
    """An empty in-memory user database, for a dry run that must not create the file."""
    from ofstedcli import schema

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.migrate(conn)
        yield conn
    finally:
        conn.close()


def _write_error(db: Path, exc: sqlite3.Error) -> DatabaseError:
    """A failed read or write of the user database as one line."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseError(f"the database is locked by another process ({db}); try again")
    return DatabaseError(f"{db}: cannot write the update ({text})")


def _merge(
    read: Edition, held: dict[str, list[dict[str, Any]]], db: Path, name: str, official: bool
) -> tuple[UpdateReport, list[Event], Merger, bool]:
    """Merge the edition with what is held: the report, the events to write, the merger
    (for its disagreements) and whether the edition is newer than the newest held."""
    if not held["authorities"]:
        raise DatabaseError(f"no database with the authorities to load {name} against")
    registry = registry_from_rows(held["authorities"], held["aliases"], held["successions"])
    newest = max(
        (m["value"] for m in held["meta"] if m["key"] == "newest_official_edition"), default=""
    )
    newer = (read.source.published or "") > newest

    def resolve(obs: Observation) -> list[str]:
        return registry.resolve(obs.ref, obs.date, obs.where)

    existing, old_ids = _held_observations(held)
    merger = Merger(resolve)
    held_official = [o for o in existing if o.official]
    if official:
        for batch in (
            (read.observations, held_official) if newer else (held_official, read.observations)
        ):
            merger.add_official(batch)
        merger.add_unofficial([o for o in existing if not o.official], lambda obs: True)
    else:
        merger.add_official(held_official)
        merger.add_unofficial(
            [o for o in existing if not o.official] + read.observations, lambda obs: True
        )
    events = merger.finish()

    report = UpdateReport(db=db, edition=name, source=read.source.id)
    write: list[Event] = []
    before = {i["id"]: i for i in held["inspections"]}
    grades = _held_grades(held)
    taken = set(before)
    for event in events:
        ids = {old_ids[id(o)] for o in event.observations if id(o) in old_ids}
        if not any(o.source == read.source.id for o in event.observations):
            continue
        if not ids:
            event.id = _free(event.id, taken)
            report.new.append(event.id)
            write.append(event)
            continue
        event.id = min(ids)
        changes = _changes(before[event.id], grades.get(event.id, {}), event)
        if changes:
            report.changed.extend(changes)
            write.append(event)
        else:
            report.unchanged += 1
    kept = (
        Change(d.event.id if d.event else "", d.field, d.official, d.other)
        for d in merger.disagreements
        if d.other_source == read.source.id and d.event is not None
    )
    report.kept = list({(c.inspection, c.field, c.old, c.new): c for c in kept}.values())
    return report, write, merger, newer


def _free(wanted: str, taken: set[str]) -> str:
    """An id not yet taken, from the one wanted."""
    found, n = wanted, 1
    while found in taken:
        n += 1
        found = f"{wanted}-{n}"
    taken.add(found)
    return found


@contextmanager
def _open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a database file."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database ({exc})") from None
    with closing(conn):
        yield conn


_HELD_TABLES = (
    "authorities",
    "aliases",
    "successions",
    "inspections",
    "judgements",
    "meta",
    "disagreements",
)


def _read_held(user: sqlite3.Connection, bundled: Path | None) -> dict[str, list[dict[str, Any]]]:
    """The tables the merge needs: the bundled file's, then the user database's (read on
    its open write transaction, so nothing changes between this read and the write)."""
    from ofstedcli.store import TABLE_KEYS

    merged: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {t: {} for t in _HELD_TABLES}

    def take(conn: sqlite3.Connection, label: str) -> None:
        for table in _HELD_TABLES:
            try:
                cursor = conn.execute(f"SELECT * FROM {table}")
            except sqlite3.Error as exc:
                raise DatabaseError(f"{label}: cannot read {table} ({exc})") from None
            columns = [c[0] for c in cursor.description]
            keys = TABLE_KEYS[table]
            for row in cursor:
                item = dict(zip(columns, row, strict=True))
                # A table whose ids are numbered per file (disagreements) keeps every row.
                key = (
                    tuple(item[k] for k in keys) if isinstance(keys, tuple) else (label, item["id"])
                )
                merged[table][key] = item

    if bundled is not None:
        with _open_read_only(bundled) as conn:
            take(conn, str(bundled))
    take(user, "user")
    return {t: [rows[k] for k in sorted(rows, key=repr)] for t, rows in merged.items()}


def _held_grades(held: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, str | None]]:
    """Sub-judgements held, by inspection id and area."""
    grades: dict[str, dict[str, str | None]] = {}
    for j in held["judgements"]:
        grades.setdefault(j["inspection"], {})[j["area"]] = j["grade"]
    return grades


def _held_observations(
    held: dict[str, list[dict[str, Any]]],
) -> tuple[list[Observation], dict[int, str]]:
    """Each held inspection as an observation again, with a map back to its id."""
    grades = _held_grades(held)
    found: list[Observation] = []
    ids: dict[int, str] = {}
    for number, row in enumerate(held["inspections"], start=1):
        judgements = {a: g for a, g in grades.get(row["id"], {}).items() if g}
        if row["overall"]:
            judgements["overall"] = row["overall"]
        obs = Observation(
            source=row["source"],
            where=Where(HELD, "inspections", number),
            ref=AuthorityRef(ons_code=row["authority"]),
            framework=row["framework"],
            type=row["type"],
            start_date=row["start_date"],
            end_date=row["end_date"],
            published=row["published"],
            judgements=judgements,
            theme=row["theme"],
            lead_inspector=row["lead_inspector"],
            report_url=row["report_url"],
            official=not row["provisional"],
        )
        ids[id(obs)] = row["id"]
        found.append(obs)
    return found, ids


def _changes(row: dict[str, Any], grades: dict[str, str | None], event: Event) -> list[Change]:
    """What differs between a held inspection and the same one after the merge."""
    after = inspection_row(event)
    changes = [
        Change(event.id, name, _text(row[name]), _text(after[name]))
        for name in _COMPARED
        if row[name] != after[name]
    ]
    new_grades = {a: g for a, g in event.judgements.items() if a != "overall"}
    changes += [
        Change(event.id, area, grades.get(area), new_grades.get(area))
        for area in sorted(set(grades) | set(new_grades))
        if grades.get(area) != new_grades.get(area)
    ]
    return changes


def _no_id(row: dict[str, Any]) -> dict[str, Any]:
    """A row without its ``id`` column."""
    return {k: v for k, v in row.items() if k != "id"}


def _text(value: Any) -> str | None:
    """A value as text for a change list."""
    return None if value is None else str(value)


def _write(
    conn: sqlite3.Connection,
    edition: Edition,
    events: list[Event],
    merger: Merger,
    newer: bool,
    held: dict[str, list[dict[str, Any]]],
    sha: str | None = None,
) -> None:
    """Write the edition's credit, new and changed inspections and its disagreements (on
    the caller's open transaction)."""
    order = {edition.source.id: edition.source.published or ""}
    known = {tuple(sorted(_no_id(d).items())) for d in held["disagreements"]}
    found: list[dict[str, Any]] = []
    for d in merger.disagreements:
        if edition.source.id not in (d.other_source, d.official_source):
            continue
        item = disagreement_row(d)
        key = tuple(sorted(item.items()))
        if key not in known:
            known.add(key)
            found.append(item)
    credit = source_row(edition.source)
    if sha and any(c[1] == "sha256" for c in conn.execute("PRAGMA table_info(sources)")):
        credit["sha256"] = sha  # the column the sources table gains with m002
    _insert(conn, "sources", [credit])
    for event in events:
        conn.execute("DELETE FROM judgements WHERE inspection = ?", (event.id,))
    # A held row keeps the columns the merge does not know (those later migrations add).
    columns = {c[1] for c in conn.execute("PRAGMA table_info(inspections)")}
    before = {i["id"]: i for i in held["inspections"]}
    _insert(
        conn,
        "inspections",
        [
            {k: v for k, v in {**before.get(e.id, {}), **inspection_row(e)}.items() if k in columns}
            for e in events
        ],
    )
    _insert(conn, "judgements", [j for e in events for j in judgement_rows(e, order)])
    # Numbered by SQLite, inside the write lock: two updates at once never take one number.
    _insert(conn, "disagreements", found)
    # Remembered, so that a daily ``db update`` does not load the same file again.
    _insert(conn, "meta", [{"key": f"loaded_edition:{sha}", "value": edition.source.id}])
    if newer:
        _insert(
            conn,
            "meta",
            meta_rows(
                newest_official_edition=edition.source.published,
                newest_official_as_at=edition.as_at,
                newest_official_publication=edition.published_by,
            ),
        )


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert (or replace by key) rows of one table."""
    if not rows:
        return
    columns = list(dict.fromkeys(k for r in rows for k in r))
    verb = "INSERT" if table == "disagreements" else "INSERT OR REPLACE"
    conn.executemany(
        f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [tuple(r.get(c) for c in columns) for r in rows],
    )
