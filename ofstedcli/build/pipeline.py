"""Building the bundled database: find the sources, read, merge, write.

Every ``.ods``, ``.xlsx``, ``.csv`` and ``.json`` file under the sources directory is
recognised by its content (sheet names, CSV columns, JSON properties), never its file name;
one that is not recognised is an error, as is a missing kind of source.  Beside the
sources directory, ``seeds/`` (the seed documents) and ``letters/focused-visits/`` (Ofsted's
visit letters) are read when present.  Nothing is printed: the caller gets a
:class:`BuildReport`.

Of two Ofsted editions of one layout (the 2022 and 2023 "children's social care data"),
the newer one gives the history and the latest judgements, and the older one only its
in-year sheet, which no later edition repeats: a newer edition corrects an older one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ofstedcli import schema
from ofstedcli.build import d2i, dfe_csv, letters, neighbours, ofsted_ods, ons, send
from ofstedcli.build import seeds as seed_documents
from ofstedcli.build.authorities import Registry, build_registry
from ofstedcli.build.merge import Disagreement, Event, Merger
from ofstedcli.build.records import Edition, Observation, SourceFile
from ofstedcli.build.report import BuildReport
from ofstedcli.build.tabular import Where, Workbook, bad, csv_columns
from ofstedcli.build.writer import Rows, write_new


@dataclass
class Inputs:
    """The source files found, by kind, with their names relative to the sources directory."""

    root: Path
    editions: list[tuple[Path, str]] = field(default_factory=list)
    dfe: list[tuple[Path, str]] = field(default_factory=list)
    lookup: list[tuple[Path, str]] = field(default_factory=list)
    history: list[tuple[Path, str]] = field(default_factory=list)
    send_index: list[tuple[Path, str]] = field(default_factory=list)
    send_official: list[tuple[Path, str]] = field(default_factory=list)
    models: list[tuple[Path, str]] = field(default_factory=list)
    districts: list[tuple[Path, str]] = field(default_factory=list)
    #: Files recognised and deliberately not read (D2I's daily overview repeats the history).
    skipped: list[str] = field(default_factory=list)


_CSV_KINDS = (
    ("dfe", dfe_csv.COLUMNS, "a DfE children-in-need CSV"),
    ("lookup", d2i.LOOKUP_COLUMNS, "the D2I provider lookup"),
    ("history", d2i.HISTORY_COLUMNS, "the D2I inspection history"),
    ("send_index", send.D2I_COLUMNS, "the D2I area SEND index"),
)
#: Kinds of which the build needs exactly one file; the others are optional.
_REQUIRED = ("dfe", "lookup", "history")


def discover(root: Path) -> Inputs:
    """Every source file under ``root``, sorted into its kind by its content."""
    if not root.is_dir():
        raise bad(Where(str(root)), "sources directory not found")
    inputs = Inputs(root)
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".ods", ".xlsx"):
            book_kind = _workbook_kind(Workbook(path, name))
            if book_kind == "skip":
                inputs.skipped.append(name)
            else:
                getattr(inputs, book_kind).append((path, name))
        elif suffix == ".csv":
            columns = set(csv_columns(path))
            kind = next((k for k, cols, _ in _CSV_KINDS if columns >= set(cols)), None)
            if kind is None:
                raise bad(Where(name, row=1), "columns are not those of any known source")
            getattr(inputs, kind).append((path, name))
        elif suffix == ".json":
            if not ons.is_districts(ons.load(path, name)):
                raise bad(Where(name), "not a file of ONS local authority districts")
            inputs.districts.append((path, name))
    if not inputs.editions:
        raise bad(Where(str(root)), "no Ofsted spreadsheet (.ods) found")
    for kind, _, label in _CSV_KINDS:
        found = getattr(inputs, kind)
        if len(found) != 1 and (kind in _REQUIRED or found):
            raise bad(Where(str(root)), f"expected one file of {label}, found {len(found)}")
    for kind, label in (("send_official", "area SEND statistics"), ("districts", "districts")):
        if len(getattr(inputs, kind)) > 1:
            raise bad(Where(str(root)), f"expected at most one file of {label}")
    return inputs


def _workbook_kind(book: Workbook) -> str:
    """Which kind of source a workbook is, from its sheets; BadSource for an unknown one."""
    if send.is_official(book):
        return "send_official"
    if neighbours.is_model(book):
        return "models"
    if d2i.is_overview(book):
        return "skip"
    ofsted_ods.detect_layout(book)
    return "editions"


@dataclass
class Loaded:
    """Every source read, with the registry of authorities built from them."""

    editions: list[Edition]
    credits: list[SourceFile]
    registry: Registry
    unofficial: list[Observation]
    rows_read: dict[str, int]
    #: Area SEND events: the official statistics' and the D2I index's.
    send_official: list[Observation] = field(default_factory=list)
    send_index: list[Observation] = field(default_factory=list)
    models: list[neighbours.Model] = field(default_factory=list)
    districts: list[ons.District] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def load(sources: Path) -> Loaded:
    """Read every source file under ``sources`` and build the registry of authorities."""
    inputs = discover(sources)
    editions = read_editions(inputs.editions)
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
    loaded = Loaded(editions, credits, registry, history, rows_read, skipped=inputs.skipped)
    for path, name in inputs.send_official:
        book = Workbook(path, name)
        credit = send.official_source(book)
        loaded.send_official, rows_read[name] = send.read_official(book, credit.id)
        credits.append(credit)
    for path, name in inputs.send_index:
        loaded.send_index = send.read_d2i(path, name)
        rows_read[name] = len(loaded.send_index)
        credits.append(send.d2i_source(name))
    for path, name in inputs.models:
        model = neighbours.read_model(Workbook(path, name))
        loaded.models.append(model)
        rows_read[name] = len(model.rows)
        credits.append(model.source)
    for path, name in inputs.districts:
        loaded.districts = [d for d in ons.read(path, name) if d.ons_code not in registry.codes]
        rows_read[name] = len(loaded.districts)
        credits.append(ons.source(name))
    sums = {name: sha256(path) for path, name in _files(inputs)}
    loaded.credits = [replace(c, sha256=sums.get(c.file)) for c in credits]
    return loaded


def read_editions(found: list[tuple[Path, str]]) -> list[Edition]:
    """Ofsted's editions, newest first; an older one of a layout gives its in-year sheet only."""
    books = [(Workbook(path, name), name) for path, name in found]
    dated = sorted(
        ((ofsted_ods.cover(book)[0].published or "", book, name) for book, name in books),
        key=lambda t: t[0],
        reverse=True,
    )
    seen: set[str] = set()
    editions: list[Edition] = []
    for _, book, name in dated:
        layout = ofsted_ods.detect_layout(book)
        roles = None if layout not in seen else ("in_year",)
        seen.add(layout)
        editions.append(ofsted_ods.read_book(book, name, roles=roles))
    return editions


def _files(inputs: Inputs) -> list[tuple[Path, str]]:
    """Every source file read."""
    kinds = ("editions", "dfe", "lookup", "history", "send_index", "send_official", "models")
    return [f for kind in (*kinds, "districts") for f in getattr(inputs, kind)]


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_database(
    sources: Path, out: Path, seeds: Path | None = None, letters_dir: Path | None = None
) -> BuildReport:
    """Build the bundled database at ``out`` from the source files under ``sources``.

    ``seeds`` is a folder of seed documents and ``letters_dir`` one of Ofsted's visit
    letters; by default ``seeds`` and ``letters/focused-visits`` beside the sources
    directory, when there are such folders.
    """
    loaded = load(sources)
    registry, editions = loaded.registry, loaded.editions
    seeds = seeds or default_folder(sources, "seeds")
    letters_dir = letters_dir or default_folder(sources, "letters", "focused-visits")
    for folder, what in ((seeds, "seed documents"), (letters_dir, "visit letters")):
        if folder is not None and not folder.is_dir():
            raise bad(Where(str(folder)), f"{what} folder not found")
    letter_docs = seed_documents.read_folder(letters_dir, letters_dir.name) if letters_dir else []
    letter_visits, unread = letters.observations(letter_docs, registry)
    events, disagreements = merge(
        registry,
        editions,
        loaded.unofficial,
        [*loaded.send_official, *loaded.send_index, *letter_visits],
    )
    if letters_dir is not None:
        loaded.credits.append(letters.source(letters_dir.name))
    if seeds is not None:
        loaded.credits.append(seed_documents.source(seeds.name))
    rows = table_rows(registry, loaded.credits, events, disagreements, editions)
    rows["neighbours"] = neighbour_rows(registry, loaded.models)
    rows["districts"] = district_rows(loaded.districts)
    notes: list[str] = []
    facts: list[dict[str, Any]] = []
    for folder, docs, source_id, what in (
        (seeds, None, seed_documents.SOURCE_ID, "seed documents"),
        (letters_dir, letter_docs, letters.SOURCE_ID, "visit letters"),
    ):
        if folder is None:
            continue
        read = docs if docs is not None else seed_documents.read_folder(folder, folder.name)
        documents, found = seed_documents.document_rows(
            read, source_id, registry, events, first_fact=len(facts) + 1
        )
        rows["documents"] += documents
        facts += found
        linked = sum(bool(d["inspection"]) for d in documents)
        differing = sum(bool(f["conflict"]) for f in found)
        notes.append(
            f"{len(documents)} {what} ({linked} linked to an inspection); "
            f"{differing} of their facts differ from the official record"
        )
    rows["facts"] = facts
    newest = editions[0]
    rows["meta"] = meta_rows(
        newest_official_edition=newest.source.published,
        newest_official_as_at=newest.as_at,
        newest_official_publication=newest.published_by,
        newest_publication=max((e.published for e in events if e.published), default=None),
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
        seeds="; ".join(notes[:1]) if seeds is not None else "",
        letters="; ".join([*notes[1:], *unread]) if letters_dir is not None else "",
        skipped=loaded.skipped,
    )


def default_folder(sources: Path, *parts: str) -> Path | None:
    """A documents folder beside the sources directory, if there is one."""
    folder = sources.parent.joinpath(*parts)
    return folder if folder.is_dir() else None


def neighbour_rows(registry: Registry, models: list[neighbours.Model]) -> list[dict[str, Any]]:
    """Each model's ranked neighbours, by authority; BadSource for an unknown DfE number."""
    by_dfe: dict[str, str] = {}
    for a in sorted(registry.authorities.values(), key=lambda a: a.status != "current"):
        if a.dfe_code:
            by_dfe.setdefault(a.dfe_code, a.ons_code)
    rows: list[dict[str, Any]] = []
    for model in models:
        for where, code, ranked in model.rows:
            if code not in by_dfe:
                raise bad(where, f"DfE number {code!r} is not a known authority")
            for rank, (neighbour, band) in enumerate(ranked, start=1):
                if neighbour not in by_dfe:
                    raise bad(where, f"neighbour {neighbour!r} is not a known authority")
                rows.append(
                    {
                        "authority": by_dfe[code],
                        "neighbour": by_dfe[neighbour],
                        "rank": rank,
                        "source": model.source.id,
                        "band": band,
                        "model": model.label,
                    }
                )
    return sorted(rows, key=lambda r: (r["authority"], r["model"], r["rank"]))


def district_rows(districts: list[ons.District]) -> list[dict[str, Any]]:
    """The ``districts`` rows: shire districts, which are not children's services authorities."""
    from ofstedcli import names

    return [
        {
            "ons_code": d.ons_code,
            "name": d.name,
            "norm": names.normalise(d.name),
            "lat": d.lat,
            "long": d.long,
            "source": ons.SOURCE_ID,
        }
        for d in districts
    ]


def ofsted_names(editions: list[Edition]) -> list[tuple[str, str, str]]:
    """(ONS code, name, source) as Ofsted gives them, oldest edition first."""
    found: dict[tuple[str, str, str], None] = {}
    for edition in reversed(editions):
        for obs in edition.observations:
            if obs.ref.ons_code and obs.ref.name:
                found[(obs.ref.ons_code, obs.ref.name, edition.source.id)] = None
    return list(found)


def merge(
    registry: Registry,
    editions: list[Edition],
    unofficial: list[Observation],
    own: Iterable[Observation] = (),
) -> tuple[list[Event], list[Disagreement]]:
    """Official editions (newest first) merged into events, then the D2I index added, then
    the sources of events of their own (area SEND statistics and index, visit letters)."""
    resolve = _resolver(registry)
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
    merger.add_official(own)
    return merger.finish(), sorted(merger.disagreements, key=_disagreement_key)


def _resolver(registry: Registry) -> Callable[[Observation], list[str]]:
    """The merge's resolver: the authorities a source row can mean on its date."""

    def resolve(obs: Observation) -> list[str]:
        return registry.resolve(obs.ref, obs.date, obs.where)

    return resolve


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
        "sha256": s.sha256,
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
        "outcome_level": e.outcome_level,
        "outcome": e.outcome,
        "written_statement": None if e.written_statement is None else int(e.written_statement),
        "significant_weaknesses": e.significant_weaknesses,
        "progress": e.progress,
        "next_inspection": e.next_inspection,
        "next_interval": e.next_interval,
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
        "kind": "area_send_report" if e.framework == "SEND" else "inspection_report",
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
