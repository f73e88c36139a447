"""Documents the build reads itself, as ``documents`` and ``facts`` rows: never their text.

Two folders are read: the seed documents the project was specified from, and Ofsted's
focused-visit letters, whose visits before April 2021 and after March 2025 are in no
official list (:mod:`ofstedcli.build.letters` turns those letters into visits).  Each
document is read and its facts extracted by the project's own extractor
(:mod:`ofstedcli.documents`); the build only resolves the authority it names (with the same
registry as the official files, at the document's date), links it to the inspection it is
about, and notes where a fact differs from the official record.  Neither the text nor the
quoted evidence is stored: a fact keeps the offsets of its evidence only.

A document is linked as ``ofsted ingest`` links one (:func:`documents.link.choose_inspection`):
by the publication date it gives, else by the inspection date, else to the latest report
published by the document's date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ofstedcli import names
from ofstedcli.build.authorities import Registry
from ofstedcli.build.merge import Event
from ofstedcli.build.records import AuthorityRef, SourceFile
from ofstedcli.build.tabular import Where, bad
from ofstedcli.documents.link import choose_inspection, conflicts
from ofstedcli.errors import BadDocument, BadSource
from ofstedcli.model import Inspection

if TYPE_CHECKING:
    from ofstedcli.documents import Extraction

SOURCE_ID = "seed-documents"

#: Facts not stored: the title is the document's own words.
_NOT_STORED = ("title",)


@dataclass(frozen=True)
class ReadDocument:
    """A document read from a folder: where it is, its checksum, its extracted facts."""

    where: Where
    sha256: str
    x: Extraction

    @property
    def date(self) -> str | None:
        """The document's own date."""
        value = self.x.get("date")
        return value if isinstance(value, str) else None


def source(folder: str) -> SourceFile:
    """The credit of the seed documents."""
    return SourceFile(
        SOURCE_ID,
        "Seed documents (their metadata and facts only)",
        "various (each document's sender)",
        None,
        None,
        folder,
        official=False,
    )


def read_folder(folder: Path, name: str) -> list[ReadDocument]:
    """Every document in a folder (its own files, sorted by name), read and extracted."""
    from ofstedcli.documents import SUFFIXES

    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    if len(paths) > 8:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=2) as pool:
            return list(pool.map(_read_one, paths, [name] * len(paths), chunksize=8))
    return [_read_one(path, name) for path in paths]


def _read_one(path: Path, folder: str) -> ReadDocument:
    """One document read and extracted; BadSource naming it when it cannot be read."""
    from ofstedcli.documents import extract, read_document

    where = Where(f"{folder}/{path.name}")
    try:
        text = read_document(path)
    except BadDocument as exc:
        raise bad(where, exc.message) from None
    return ReadDocument(where, hashlib.sha256(path.read_bytes()).hexdigest(), extract(text))


def resolve(registry: Registry, doc: ReadDocument) -> str | None:
    """The authority of the first name the document gives that means exactly one authority
    on its date."""
    found = resolve_named(registry, doc)
    return found[0] if found else None


def resolve_named(registry: Registry, doc: ReadDocument) -> tuple[str, str] | None:
    """The first name the document gives that means exactly one authority on its date:
    (the authority, the name)."""
    for name in doc.x.authority_names:
        try:
            found = registry.resolve(AuthorityRef(name=name), doc.date, doc.where)
        except BadSource:
            continue
        if len(found) == 1 and registry.authorities[found[0]].active(doc.date):
            return found[0], name
    return None


def _names_any(registry: Registry, name: str) -> bool:
    """True when ``name`` is the name of an authority (or of several): only such names stay
    candidates, as `ofsted ingest` keeps them (documents.link.named_candidates)."""
    return bool(registry.by_name.get(names.normalise(name)))


def document_rows(
    docs: list[ReadDocument],
    source_id: str,
    registry: Registry,
    events: list[Event],
    first_fact: int = 1,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``documents`` and ``facts`` rows of documents read by the build."""
    by_authority: dict[str, list[Inspection]] = {}
    for e in events:
        by_authority.setdefault(e.authority, []).append(as_inspection(e))
    documents: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    for doc in docs:
        named = resolve_named(registry, doc)
        authority = named[0] if named else None
        x = doc.x.with_candidates(partial(_names_any, registry), first=named[1] if named else None)
        # Linked and compared exactly as `ofsted ingest` links a document (documents.link).
        pool = by_authority.get(authority, []) if authority else []
        inspection = choose_inspection(x, pool) if authority else None
        notes = {c.field: c.note() for c in conflicts(x, inspection)} if inspection else {}
        doc_id = doc.sha256[:12]
        documents.append(
            {
                "id": doc_id,
                "authority": authority,
                "kind": x.kind,
                "date": doc.date,
                "sender_name": x.get("sender.name"),
                "sender_role": x.get("sender.role"),
                "sender_org": x.get("sender.organisation"),
                "recipient_name": x.get("recipient.name"),
                "recipient_role": x.get("recipient.role"),
                "recipient_org": x.get("recipient.organisation"),
                "sha256": doc.sha256,
                "path": doc.where.file,
                "inspection": inspection.id if inspection else None,
                "source": source_id,
            }
        )
        for fact in x.facts:
            if fact.field in _NOT_STORED:
                continue
            about = inspection if fact.field.startswith("inspection.") else None
            facts.append(
                {
                    "id": first_fact + len(facts),
                    "document": doc_id,
                    "field": fact.field,
                    "value": fact.value if isinstance(fact.value, str) else json.dumps(fact.value),
                    "evidence_start": fact.start,
                    "evidence_end": fact.end,
                    "inspection": about.id if about else None,
                    "conflict": notes.get(fact.field) if about else None,
                }
            )
    return documents, facts


def as_inspection(e: Event) -> Inspection:
    """A merged event as the Inspection that documents are linked to."""
    return Inspection(
        id=e.id,
        authority=e.authority,
        framework=e.framework,
        type=e.type or "inspection",
        start_date=e.start_date,
        end_date=e.end_date,
        published=e.published,
        overall=e.judgements.get("overall"),
        theme=e.theme,
        lead_inspector=e.lead_inspector,
        source=e.source,
        judgements={a: g for a, g in e.judgements.items() if a != "overall"},
    )
