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
from ofstedcli.build.merge import DATE_SLACK, Event
from ofstedcli.build.records import AuthorityRef, SourceFile
from ofstedcli.build.tabular import Where, bad, days_between
from ofstedcli.errors import BadDocument, BadSource
from ofstedcli.model import VISIT_TYPES

SOURCE_ID = "seed-documents"

#: Days an inspection date a document gives may differ from the official one and still link.
START_SLACK = 14

#: Facts not stored: the title is the document's own words.
_NOT_STORED = ("title",)

#: Inspection facts compared with the linked inspection, by the event attribute they match.
_COMPARED = {
    "inspection.published": "published",
    "inspection.start_date": "start_date",
    "inspection.end_date": "end_date",
    "inspection.framework": "framework",
}


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
        event = _link(x, authority, events)
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
                "inspection": event.id if event else None,
                "source": SOURCE_ID,
            }
        )
        for fact in x.facts:
            if fact.field in _NOT_STORED:
                continue
            about = event if fact.field.startswith("inspection.") else None
            facts.append(
                {
                    "id": len(facts) + 1,
                    "document": doc_id,
                    "field": fact.field,
                    "value": fact.value if isinstance(fact.value, str) else json.dumps(fact.value),
                    "evidence_start": fact.start,
                    "evidence_end": fact.end,
                    "inspection": about.id if about else None,
                    "conflict": _conflict(fact.field, fact.value, about),
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


def _link(x: Any, authority: str | None, events: list[Event]) -> Event | None:
    """The inspection a document is about, if it is about one of its authority's."""
    if authority is None or not x.has("inspection"):
        return None
    framework = x.get("inspection.framework")
    pool = [
        e
        for e in events
        if e.authority == authority
        and e.type not in VISIT_TYPES
        and framework in (None, e.framework)
    ]
    published, start = x.get("inspection.published"), x.get("inspection.start_date")
    if published:
        near = [e for e in pool if e.published and _apart(e.published, published) <= DATE_SLACK]
        if near:
            return near[0]
    if start:
        near = [
            e
            for e in pool
            if e.start_date
            and (e.start_date.startswith(start) or _apart(e.start_date, start) <= START_SLACK)
        ]
        if near:
            return near[0]
    date = x.get("date") or "9999"
    before = [e for e in pool if e.published and e.published <= date]
    return max(before, key=lambda e: e.published or "") if before else None


def _apart(a: str, b: str) -> int:
    """Days between two dates; a large number when either is partial."""
    if len(a) != 10 or len(b) != 10:
        return 1 << 30
    return abs(days_between(a, b))


def _conflict(field: str, value: Any, event: Event | None) -> str | None:
    """How a fact differs from the linked inspection's official record, if it does."""
    if event is None:
        return None
    if field in _COMPARED:
        held = getattr(event, _COMPARED[field])
    elif field == "inspection.overall" or field.startswith("inspection.judgements."):
        held = event.judgements.get(field.rsplit(".", 1)[1])
    else:
        return None
    if held is None or value is None or held == value or str(held).startswith(str(value)):
        return None
    key = _COMPARED.get(field) or f"judgement:{field.rsplit('.', 1)[1]}"
    return f"official record: {held} ({event.sources.get(key, event.source)})"
