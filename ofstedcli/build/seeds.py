"""The seed documents as ``documents`` and ``facts`` rows: metadata and facts, never text.

Each seed is read and its facts extracted by the project's own extractor
(:mod:`ofstedcli.documents`); the build only resolves the authority it names (with the same
registry as the official files, at the document's date), links it to the inspection it is
about, and notes where a fact differs from the official record.  Neither the text nor the
quoted evidence is stored: a fact keeps the offsets of its evidence only.

A document is linked to an inspection of its authority and framework by the publication
date it gives, else by the inspection date (a month, or within two weeks), else to the
latest report published by the document's date.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ofstedcli.build.authorities import Registry
from ofstedcli.build.merge import Event
from ofstedcli.build.records import AuthorityRef, SourceFile
from ofstedcli.build.tabular import Where, bad
from ofstedcli.documents.link import choose_inspection, conflicts
from ofstedcli.errors import BadDocument, BadSource
from ofstedcli.model import Inspection

SOURCE_ID = "seed-documents"

#: Facts not stored: the title is the document's own words.
_NOT_STORED = ("title",)


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


def seed_rows(
    folder: Path, name: str, registry: Registry, events: list[Event]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``documents`` and ``facts`` rows of every seed document in ``folder``."""
    from ofstedcli.documents import SUFFIXES, extract, read_document

    documents: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES):
        where = Where(f"{name}/{path.name}")
        try:
            text = read_document(path)
        except BadDocument as exc:
            raise bad(where, exc.message) from None
        x = extract(text)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        date = x.get("date")
        authority = _authority(registry, x.authority_names, date, where)
        # Linked and compared exactly as `ofsted ingest` links a document (documents.link).
        pool = [_as_inspection(e) for e in events if e.authority == authority]
        inspection = choose_inspection(x, pool) if authority else None
        notes = {c.field: c.note() for c in conflicts(x, inspection)} if inspection else {}
        doc_id = digest[:12]
        documents.append(
            {
                "id": doc_id,
                "authority": authority,
                "kind": x.kind,
                "date": date,
                "sender_name": x.get("sender.name"),
                "sender_role": x.get("sender.role"),
                "sender_org": x.get("sender.organisation"),
                "recipient_name": x.get("recipient.name"),
                "recipient_role": x.get("recipient.role"),
                "recipient_org": x.get("recipient.organisation"),
                "sha256": digest,
                "path": where.file,
                "inspection": inspection.id if inspection else None,
                "source": SOURCE_ID,
            }
        )
        for fact in x.facts:
            if fact.field in _NOT_STORED:
                continue
            about = inspection if fact.field.startswith("inspection.") else None
            facts.append(
                {
                    "id": len(facts) + 1,
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


def _authority(registry: Registry, names: list[str], on: str | None, where: Where) -> str | None:
    """The first name the document gives that means exactly one authority on its date."""
    for name in names:
        try:
            found = registry.resolve(AuthorityRef(name=name), on, where)
        except BadSource:
            continue
        if len(found) == 1:
            return found[0]
    return None


def _as_inspection(e: Event) -> Inspection:
    """A merged event as the Inspection that documents are linked to."""
    insp = Inspection(
        id=e.id,
        authority=e.authority,
        framework=e.framework,
        type=e.type or "inspection",
        start_date=e.start_date,
        end_date=e.end_date,
        published=e.published,
        overall=e.judgements.get("overall"),
        lead_inspector=e.lead_inspector,
        source=e.source,
        judgements={a: g for a, g in e.judgements.items() if a != "overall"},
    )
    return insp
