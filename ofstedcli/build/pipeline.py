"""Building the bundled database: find the sources, read, merge, write.

Every ``.ods`` and ``.csv`` file under the sources directory is recognised by its content
(sheet names, CSV columns), never its file name; one that is not recognised is an error, as
is a missing kind of source.  Nothing is printed: the caller gets a :class:`BuildReport`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ofstedcli import schema
from ofstedcli.build import d2i, dfe_csv, ofsted_ods
from ofstedcli.build import seeds as seed_documents
from ofstedcli.build.authorities import Registry, build_registry
from ofstedcli.build.merge import Disagreement, Event, Merger
from ofstedcli.build.records import Edition, Observation, SourceFile
from ofstedcli.build.report import BuildReport
from ofstedcli.build.tabular import Where, bad, csv_columns
from ofstedcli.build.writer import Rows, write_new


@dataclass
class Inputs:
    """The source files found, by kind, with their names relative to the sources directory."""

    root: Path
    editions: list[tuple[Path, str]] = field(default_factory=list)
    dfe: list[tuple[Path, str]] = field(default_factory=list)
    lookup: list[tuple[Path, str]] = field(default_factory=list)
    history: list[tuple[Path, str]] = field(default_factory=list)


_CSV_KINDS = (
    ("dfe", dfe_csv.COLUMNS, "a DfE children-in-need CSV"),
    ("lookup", d2i.LOOKUP_COLUMNS, "the D2I provider lookup"),
    ("history", d2i.HISTORY_COLUMNS, "the D2I inspection history"),
)


def discover(root: Path) -> Inputs:
    """Every source file under ``root``, sorted into its kind by its content."""
    if not root.is_dir():
        raise bad(Where(str(root)), "sources directory not found")
    inputs = Inputs(root)
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".ods", ".xlsx"):
            inputs.editions.append((path, name))
        elif suffix == ".csv":
            columns = set(csv_columns(path))
            kind = next((k for k, cols, _ in _CSV_KINDS if columns >= set(cols)), None)
            if kind is None:
                raise bad(Where(name, row=1), "columns are not those of any known source")
            getattr(inputs, kind).append((path, name))
    if not inputs.editions:
        raise bad(Where(str(root)), "no Ofsted spreadsheet (.ods) found")
    for kind, _, label in _CSV_KINDS:
        found = getattr(inputs, kind)
        if len(found) != 1:
            raise bad(Where(str(root)), f"expected one file of {label}, found {len(found)}")
    return inputs


@dataclass
class Loaded:
    """Every source read, with the registry of authorities built from them."""

    editions: list[Edition]
    credits: list[SourceFile]
    registry: Registry
    unofficial: list[Observation]
    rows_read: dict[str, int]


def load(sources: Path) -> Loaded:
    """Read every source file under ``sources`` and build the registry of authorities."""
    inputs = discover(sources)
    editions = sorted(
        (ofsted_ods.read_edition(path, name) for path, name in inputs.editions),
        key=lambda e: e.source.published or "",
        reverse=True,
    )
    ids = Counter(e.source.id for e in editions)
    if any(n > 1 for n in ids.values()):
        raise bad(Where(str(sources)), f"two Ofsted editions published on one day: {ids}")
    ((dfe_path, dfe_name),) = inputs.dfe
    ((lookup_path, lookup_name),) = inputs.lookup
    ((history_path, history_name),) = inputs.history
    dfe_rows = dfe_csv.read(dfe_path, dfe_name)
    lookup_rows = d2i.read_lookup(lookup_path, lookup_name)
    history = d2i.read_history(history_path, history_name)
    registry = build_registry(
        dfe_rows, dfe_csv.SOURCE_ID, lookup_rows, d2i.LOOKUP_ID, ofsted_names(editions)
    )
    rows_read = {f"{e.source.file}: {sheet}": n for e in editions for sheet, n in e.rows.items()}
    rows_read.update(
        {dfe_name: len(dfe_rows), lookup_name: len(lookup_rows), history_name: len(history)}
    )
    credits = [
        *(e.source for e in editions),
        dfe_csv.source(dfe_name),
        d2i.lookup_source(lookup_name),
        d2i.history_source(history_name),
    ]
    return Loaded(editions, credits, registry, history, rows_read)


def build_database(sources: Path, out: Path, seeds: Path | None = None) -> BuildReport:
    """Build the bundled database at ``out`` from the source files under ``sources``.

    ``seeds`` is a folder of seed documents; by default ``seeds`` beside the sources
    directory, when there is one.
    """
    loaded = load(sources)
    registry, editions = loaded.registry, loaded.editions
    events, disagreements = merge(registry, editions, loaded.unofficial)
    seeds = seeds or default_seeds(sources)
    if seeds is not None and not seeds.is_dir():
        raise bad(Where(str(seeds)), "seed documents folder not found")
    if seeds is not None:
        loaded.credits.append(seed_documents.source(seeds.name))
    rows = table_rows(registry, loaded.credits, events, disagreements, editions)
    seeds_note = ""
    if seeds is not None:
        documents, facts = seed_documents.seed_rows(seeds, seeds.name, registry, events)
        rows["documents"] += documents
        rows["facts"] = facts
        linked = sum(bool(d["inspection"]) for d in documents)
        differing = sum(bool(f["conflict"]) for f in facts)
        seeds_note = (
            f"{len(documents)} seed documents ({linked} linked to an inspection); "
            f"{differing} of their facts differ from the official record"
        )
    newest = editions[0]
    rows["meta"] = meta_rows(
        newest_official_edition=newest.source.published,
        newest_official_as_at=newest.as_at,
        newest_official_publication=newest.published_by,
    )
    size = write_new(out, rows)
    return BuildReport(
        out=out,
        size=size,
        counts=dict(Counter((e.framework, e.type or "") for e in events)),
        provisional=sum(e.provisional for e in events),
        authorities_current=sum(a.status == "current" for a in registry.authorities.values()),
        authorities_former=sum(a.status == "former" for a in registry.authorities.values()),
        judgements=len(rows["judgements"]),
        documents=len(rows["documents"]),
        disagreements=[d.describe() for d in disagreements],
        rows_read=loaded.rows_read,
        sources=rows["sources"],
        seeds=seeds_note,
    )


def default_seeds(sources: Path) -> Path | None:
    """The seed documents folder beside the sources directory, if there is one."""
    folder = sources.parent / "seeds"
    return folder if folder.is_dir() else None


def ofsted_names(editions: list[Edition]) -> list[tuple[str, str, str]]:
    """(ONS code, name, source) as Ofsted gives them, oldest edition first."""
    found: dict[tuple[str, str, str], None] = {}
    for edition in reversed(editions):
        for obs in edition.observations:
            if obs.ref.ons_code and obs.ref.name:
                found[(obs.ref.ons_code, obs.ref.name, edition.source.id)] = None
    return list(found)


def merge(
    registry: Registry, editions: list[Edition], unofficial: list[Observation]
) -> tuple[list[Event], list[Disagreement]]:
    """Official editions (newest first) merged into events, then the D2I index added."""

    def resolve(obs: Observation) -> list[str]:
        return registry.resolve(obs.ref, obs.date, obs.where)

    merger = Merger(resolve)
    for edition in editions:
        for obs in edition.observations:
            if obs.ref.la_type:
                registry.note_type(resolve(obs)[0], obs.ref.la_type)
        merger.add_official(edition.observations)
    if editions:
        newest = editions[0]

        def newer(obs: Observation) -> bool:
            """True for an inspection the newest official edition cannot hold yet."""
            return bool(
                (obs.published and newest.published_by and obs.published > newest.published_by)
                or (obs.start_date and newest.as_at and obs.start_date > newest.as_at)
            )

        merger.add_unofficial(unofficial, newer)
    return merger.finish(), sorted(merger.disagreements, key=_disagreement_key)


def _disagreement_key(d: Disagreement) -> tuple[str, ...]:
    """Disagreements in a stable order."""
    return (d.authority, d.event.id if d.event else "", d.field, d.other_source, d.other or "")


def table_rows(
    registry: Registry,
    credits: list[SourceFile],
    events: list[Event],
    disagreements: list[Disagreement],
    editions: Iterable[Edition] = (),
) -> Rows:
    """Every table's rows, sorted, ready to insert."""
    order = {e.source.id: e.source.published or "" for e in editions}
    rows: Rows = {
        "sources": [source_row(s) for s in sorted(credits, key=lambda s: s.id)],
        "authorities": [
            {
                "ons_code": a.ons_code,
                "dfe_code": a.dfe_code,
                "ofsted_urn": a.ofsted_urn,
                "name": a.name,
                "region": a.region,
                "type": a.type,
                "status": a.status,
                "source": a.source,
            }
            for a in sorted(registry.authorities.values(), key=lambda a: a.ons_code)
        ],
        "aliases": [asdict(a) for a in registry.aliases],
        "successions": [asdict(s) for s in registry.successions],
        "neighbours": [
            asdict(n) for n in sorted(registry.neighbours, key=lambda n: (n.authority, n.rank))
        ],
        "inspections": [inspection_row(e) for e in events],
        "judgements": [j for e in events for j in judgement_rows(e, order)],
        "disagreements": [
            {"id": n, **disagreement_row(d)} for n, d in enumerate(disagreements, start=1)
        ],
        "documents": [report_document(e) for e in events if e.report_url],
    }
    return rows


def source_row(s: SourceFile) -> dict[str, Any]:
    """A ``sources`` row."""
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published,
        "licence": s.licence,
        "file": s.file,
        "url": s.url,
    }


def disagreement_row(d: Disagreement) -> dict[str, Any]:
    """A ``disagreements`` row, without its number."""
    return {
        "inspection": d.event.id if d.event else None,
        "authority": d.authority,
        "field": d.field,
        "official": d.official,
        "official_source": d.official_source,
        "other": d.other,
        "other_source": d.other_source,
    }


def inspection_row(e: Event) -> dict[str, Any]:
    """An ``inspections`` row."""
    return {
        "id": e.id,
        "authority": e.authority,
        "framework": e.framework,
        "type": e.type,
        "start_date": e.start_date,
        "end_date": e.end_date,
        "published": e.published,
        "overall": e.judgements.get("overall"),
        "lead_inspector": e.lead_inspector,
        "theme": e.theme,
        "report_url": e.report_url,
        "provisional": int(e.provisional),
        "source": e.source,
    }


def judgement_rows(e: Event, order: dict[str, str]) -> list[dict[str, Any]]:
    """The sub-judgements of an event (overall is on the inspection row).

    Each keeps the wording of the oldest official edition that gives it, the one published
    nearest the inspection (ILACS "children in care and care leavers" before 2023).
    """
    wording: dict[str, str] = {}
    for obs in sorted(e.observations, key=lambda o: order.get(o.source, "~")):
        for area, words in obs.wording.items():
            wording.setdefault(area, words)
    return [
        {
            "inspection": e.id,
            "area": area,
            "grade": grade,
            "wording": wording.get(area),
            "source": e.sources[f"judgement:{area}"],
        }
        for area, grade in sorted(e.judgements.items())
        if area != "overall"
    ]


def report_id(url: str) -> str:
    """A report's document id: short and stable, like an ingested document's (12 hex digits)."""
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def report_document(e: Event) -> dict[str, Any]:
    """The ``documents`` row of an inspection's published report."""
    assert e.report_url is not None
    return {
        "id": report_id(e.report_url),
        "authority": e.authority,
        "kind": "inspection_report",
        "date": e.published,
        "title": f"Ofsted {e.framework} {e.type} report",
        "url": e.report_url,
        "inspection": e.id,
        "source": e.sources["report_url"],
    }


def meta_rows(**values: str | None) -> list[dict[str, Any]]:
    """The ``meta`` rows: the schema version and the given values (no build time)."""
    values = {"schema_version": schema.MIGRATIONS[-1][0], **values}
    return [{"key": k, "value": v} for k, v in sorted(values.items()) if v is not None]
