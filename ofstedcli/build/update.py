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

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from ofstedcli.build import ofsted_ods
from ofstedcli.build.authorities import registry_from_rows
from ofstedcli.build.merge import Event, Merger
from ofstedcli.build.pipeline import (
    disagreement_row,
    inspection_row,
    judgement_rows,
    meta_rows,
    source_row,
)
from ofstedcli.build.records import AuthorityRef, Edition, Observation
from ofstedcli.build.report import Change, UpdateReport
from ofstedcli.build.tabular import Where
from ofstedcli.build.writer import connect
from ofstedcli.errors import DatabaseError

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


def update_database(edition: Path, db: Path, bundled: Path | None = None) -> UpdateReport:
    """Load an outcomes edition into the user database ``db``; report what is new or changed."""
    read = ofsted_ods.read_edition(edition, edition.name, layouts=ofsted_ods.OUTCOMES_LAYOUTS)
    held = _read_held([p for p in (bundled, db) if p is not None and p.is_file()])
    if not held["authorities"]:
        raise DatabaseError(f"no database with the authorities to load {edition.name} against")
    registry = registry_from_rows(held["authorities"], held["aliases"], held["successions"])
    newest = max(
        (m["value"] for m in held["meta"] if m["key"] == "newest_official_edition"), default=""
    )
    newer = (read.source.published or "") > newest

    def resolve(obs: Observation) -> list[str]:
        return registry.resolve(obs.ref, obs.date, obs.where)

    existing, old_ids = _held_observations(held)
    merger = Merger(resolve)
    official = [o for o in existing if o.official]
    for batch in (read.observations, official) if newer else (official, read.observations):
        merger.add_official(batch)
    merger.add_unofficial([o for o in existing if not o.official], lambda obs: True)
    events = merger.finish()

    report = UpdateReport(db=db, edition=edition.name, source=read.source.id)
    before = {i["id"]: i for i in held["inspections"]}
    grades = _held_grades(held)
    write: list[Event] = []
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
        if d.other_source == read.source.id
    )
    report.kept = list({(c.inspection, c.field, c.old, c.new): c for c in kept}.values())
    _write(db, read, write, merger, newer, held)
    return report


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
        conn.row_factory = sqlite3.Row
        yield conn


def _read_held(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """The tables the merge needs, from each database in turn, later files' rows winning."""
    from ofstedcli.store import TABLE_KEYS

    tables = (
        "authorities",
        "aliases",
        "successions",
        "inspections",
        "judgements",
        "meta",
        "disagreements",
    )
    merged: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {t: {} for t in tables}
    for path in paths:
        with _open_read_only(path) as conn:
            for table in tables:
                try:
                    found = conn.execute(f"SELECT * FROM {table}").fetchall()
                except sqlite3.Error as exc:
                    raise DatabaseError(f"{path}: cannot read {table} ({exc})") from None
                keys = TABLE_KEYS[table]
                for row in found:
                    item = dict(row)
                    # A table whose ids are numbered per file (disagreements) keeps every row.
                    key = (
                        tuple(item[k] for k in keys)
                        if isinstance(keys, tuple)
                        else (str(path), item["id"])
                    )
                    merged[table][key] = item
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
    db: Path,
    edition: Edition,
    events: list[Event],
    merger: Merger,
    newer: bool,
    held: dict[str, list[dict[str, Any]]],
) -> None:
    """Write the edition's credit, new and changed inspections and its disagreements."""
    import sqlite_utils

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
    first = 1 + max((d["id"] for d in held["disagreements"]), default=0)
    disagreements = [{"id": first + n, **item} for n, item in enumerate(found)]
    with connect(db) as conn:
        data = sqlite_utils.Database(conn)
        try:
            with data.atomic():
                data.table("sources").insert(source_row(edition.source), replace=True)
                for event in events:
                    conn.execute("DELETE FROM judgements WHERE inspection = ?", (event.id,))
                data.table("inspections").insert_all(
                    [inspection_row(e) for e in events], replace=True
                )
                data.table("judgements").insert_all(
                    [j for e in events for j in judgement_rows(e, order)], replace=True
                )
                data.table("disagreements").insert_all(disagreements)
                if newer:
                    data.table("meta").insert_all(
                        meta_rows(
                            newest_official_edition=edition.source.published,
                            newest_official_as_at=edition.as_at,
                            newest_official_publication=edition.published_by,
                        ),
                        replace=True,
                    )
        except sqlite3.Error as exc:
            raise DatabaseError(f"{db}: cannot write the update ({exc})") from None
