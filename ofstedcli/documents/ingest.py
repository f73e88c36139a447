"""Ingesting documents into the user database: read, extract, resolve, link, store.

For each file: read its text, extract its facts, resolve the authority it names, link it to
that authority's inspection and note where it disagrees with the official record, then store
the document, its facts and its text (indexed for search) in the user database - one
transaction per document, so a failure leaves no half-stored document.  The same content
twice (by SHA-256 of the file's bytes) is one document; its id is the first 12 hex digits.

Reading and extracting are pure and run in worker processes when there are many files, so
a folder of PDFs uses every core; resolving and storing stay in this process.  Nothing here
prints: the caller passes a progress callback and gets a :class:`Summary` back.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ofstedcli.documents.extraction import Extraction
from ofstedcli.documents.extractor import extract
from ofstedcli.documents.link import (
    choose_inspection,
    conflicts,
    inspections_of,
    resolve_authority,
)
from ofstedcli.documents.read import MAX_BYTES, SUFFIXES, load, read_bytes
from ofstedcli.errors import BadDocument, OfstedError
from ofstedcli.store import Store, transaction

#: Called after each file with (files done, files in all, the file's path).
Progress = Callable[[int, int, str], None]

STDIN = "-"
#: Fewest files worth starting worker processes for.
PARALLEL_FROM = 6

INGESTED = "ingested"
DUPLICATE = "duplicate"
FAILED = "failed"
DRY_RUN = "dry_run"


@dataclass
class Outcome:
    """What became of one file."""

    path: str
    status: str
    id: str | None = None
    reason: str | None = None
    document: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The file's result: its document object (the contract) with path and status."""
        out: dict[str, Any] = {"path": self.path, "status": self.status, "id": self.id}
        if self.reason:
            out["reason"] = self.reason
        if self.document is not None:
            out.update(self.document)
        return out


@dataclass
class Summary:
    """Every file's outcome and the counts."""

    results: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    def count(self, status: str) -> int:
        """How many files ended with ``status``."""
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> int:
        """Files that could not be ingested."""
        return self.count(FAILED)

    def to_json(self) -> dict[str, Any]:
        """The summary object: counts and one result per file."""
        return {
            "ingested": self.count(INGESTED),
            "duplicates": self.count(DUPLICATE),
            "failed": self.failed,
            "dry_run": self.dry_run,
            "results": [r.to_json() for r in self.results],
        }


def collect(paths: Sequence[str]) -> tuple[list[str], list[Outcome]]:
    """The files to read: files as given, the .txt/.md/.pdf files under folders (recursively,
    in order), ``-`` for standard input (once); and a failure for each path that is neither."""
    files: list[str] = []
    missing: list[Outcome] = []
    for given in paths:
        if not given:
            # Path("") is the current folder: an empty argument must not ingest all of it.
            missing.append(Outcome(given, FAILED, reason="an empty path (give . for this folder)"))
            continue
        if given == STDIN:
            if STDIN not in files:
                files.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files += [str(p) for p in found]
        elif path.is_file():
            files.append(str(path))
        else:
            missing.append(Outcome(given, FAILED, reason=f"no such file or folder: {given}"))
    return list(dict.fromkeys(files)), missing


@dataclass
class Prepared:
    """A file read and its facts extracted (done in a worker process)."""

    path: str
    sha256: str | None = None
    text: str | None = None
    extraction: Extraction | None = None
    reason: str | None = None


def prepare(path: str, data: bytes | None = None, max_bytes: int = MAX_BYTES) -> Prepared:
    """Read one file (or the bytes given for it) and extract its facts."""
    try:
        raw = load(path, max_bytes) if data is None else data
        name = Path(path).name if path != STDIN else "standard input"
        text = read_bytes(raw, name, max_bytes)
    except BadDocument as exc:
        return Prepared(path, reason=exc.message)
    return Prepared(path, hashlib.sha256(raw).hexdigest(), text, extract(text))


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    stdin: IO[bytes] | None = None,
    workers: int | None = None,
) -> Summary:
    """Ingest every document under ``paths`` into the user database (or only check them)."""
    files, results = collect(paths)
    summary = Summary(list(results), dry_run=dry_run)
    seen: set[str] = set()
    total = len(files)
    # Closed at once on any exception (Ctrl-C), so the worker pool drops the files not begun.
    with closing(_prepared(files, stdin, workers)) as ready:
        for done, prepared in enumerate(ready, start=1):
            outcome = _one(store, prepared, dry_run, seen)
            summary.results.append(outcome)
            if progress is not None:
                progress(done, total, prepared.path)
    return summary


def _prepared(
    files: list[str], stdin: IO[bytes] | None, workers: int | None
) -> Generator[Prepared, None, None]:
    """Each file read and extracted, in order; in worker processes when there are many."""
    data = b""
    if STDIN in files:
        source = stdin if stdin is not None else sys.stdin.buffer
        data = source.read(MAX_BYTES + 1)
    count = workers if workers is not None else (os.cpu_count() or 1)
    disk = [f for f in files if f != STDIN]
    with ExitStack() as stack:
        ready: Iterator[Prepared] | None = None
        if count > 1 and len(disk) >= PARALLEL_FROM:
            context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
            pool = ProcessPoolExecutor(min(count, len(disk)), mp_context=context)
            # On an early end (Ctrl-C, a failure) drop the queued files: a plain exit would
            # wait for every one of them to be read and extracted first.
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            # In order, each as soon as it is ready, so progress is reported as files finish.
            ready = pool.map(prepare, disk, chunksize=2)
        for path in files:
            if path == STDIN:
                yield prepare(STDIN, data)
            else:
                yield next(ready) if ready is not None else prepare(path)


def _one(store: Store, p: Prepared, dry_run: bool, seen: set[str]) -> Outcome:
    """Resolve, link and store one prepared document."""
    if p.extraction is None or p.sha256 is None or p.text is None:
        return Outcome(p.path, FAILED, reason=p.reason or "unreadable")
    doc_id = p.sha256[:12]
    duplicate = p.sha256 in seen or _stored_with_text(store, p.sha256)
    if duplicate and not dry_run:
        return Outcome(p.path, DUPLICATE, id=doc_id, reason="the same content is already stored")
    seen.add(p.sha256)
    x = p.extraction
    authority = resolve_authority(store, x)
    if authority is None:
        names = ", ".join(repr(n) for n in x.authority_names[:3]) or "none"
        return Outcome(
            p.path,
            FAILED,
            id=doc_id,
            reason=f"cannot tell which authority it is about (names found: {names})",
        )
    inspection = choose_inspection(x, inspections_of(store, authority.ons_code))
    if x.kind == "inspection_report" and inspection is not None:
        # The report of an inspection the database lists without its text: this file is
        # that document, so it takes the listed id and link (the user row stands for it).
        listed = _listed_report(store, inspection.id)
    else:
        listed = None
    found = conflicts(x, inspection) if inspection else []
    document = _document_json(
        store, x, listed[0] if listed else doc_id, authority.ons_code, authority.name, inspection
    )
    document["url"] = listed[1] if listed else None
    doc_id = document["id"]
    document["conflicts"] = [c.to_json() for c in found]
    if document["date"] is None and x.kind == "inspection_report" and inspection is not None:
        # A report rarely prints its publication date: the official record gives it.
        document["date"] = inspection.published
        document["date_from"] = "official record"
    if dry_run:
        reason = "the same content is already stored" if duplicate else None
        return Outcome(p.path, DRY_RUN, id=doc_id, document=document, reason=reason)
    try:
        _store(
            store,
            p,
            x,
            document,
            inspection.id if inspection else None,
            {c.field: c.note() for c in found},
        )
    except OfstedError as exc:
        return Outcome(p.path, FAILED, id=doc_id, reason=exc.message)
    return Outcome(p.path, INGESTED, id=doc_id, document=document)


def _listed_report(store: Store, inspection: str) -> tuple[str, str | None] | None:
    """Id and link of the text-less report document listed for an inspection, if any."""
    found = store.rows(
        "SELECT id, url FROM documents WHERE inspection = ? AND kind = 'inspection_report' "
        "AND text IS NULL ORDER BY id LIMIT 1",
        (inspection,),
    )
    return (str(found[0][0]), found[0][1]) if found else None


def _stored_with_text(store: Store, sha256: str) -> bool:
    """True when a document with this content is stored with its text (a bundled document
    without its text is not a duplicate: ingesting the file adds the text)."""
    return bool(
        store.rows(
            "SELECT 1 FROM documents WHERE sha256 = ? AND text IS NOT NULL LIMIT 1", (sha256,)
        )
    )


def _document_json(
    store: Store,
    x: Extraction,
    doc_id: str,
    code: str,
    written: str,
    inspection: Any,
) -> dict[str, Any]:
    """The document contract for an ingested file: the extraction, resolved and linked."""
    out = x.to_json()
    evidence = out.pop("evidence")
    found = store.rows("SELECT name FROM authorities WHERE ons_code = ?", (code,))
    name = found[0][0] if found else written
    out["authority"] = {
        "name": name,
        "ons_code": code,
        "as_written": written,
        "candidates": out["authority"]["candidates"],
    }
    if out["inspection"] is not None:
        out["inspection"]["id"] = inspection.id if inspection else None
    out = {"id": doc_id, **out}
    out["evidence"] = evidence
    return out


def _store(
    store: Store,
    p: Prepared,
    x: Extraction,
    document: dict[str, Any],
    inspection: str | None,
    notes: dict[str, str],
) -> None:
    """Write the document, its facts and its search index entry in one transaction."""
    title = x.get("title")
    doc_id = document["id"]
    row = (
        doc_id, document["authority"]["ons_code"], x.kind, document["date"], title,
        x.get("sender.name"), x.get("sender.role"), x.get("sender.organisation"),
        x.get("recipient.name"), x.get("recipient.role"), x.get("recipient.organisation"),
        document.get("url"), p.sha256, p.text, p.path, inspection, None,
    )  # fmt: skip
    facts = [
        (
            doc_id,
            f.field,
            f.value if isinstance(f.value, str) or f.value is None else json.dumps(f.value),
            f.start,
            f.end,
            f.text,
            inspection if f.field.startswith("inspection.") else None,
            notes.get(f.field),
        )
        for f in x.facts
    ]
    with transaction(store) as conn:
        if conn.execute("SELECT 1 FROM user.documents WHERE id = ?", (doc_id,)).fetchone():
            # Stored before under this id (same first 12 hex digits): replace it whole.
            conn.execute("DELETE FROM user.facts WHERE document = ?", (doc_id,))
            conn.execute("DELETE FROM user.documents WHERE id = ?", (doc_id,))  # and its index
        conn.execute(
            "INSERT OR REPLACE INTO user.documents (id, authority, kind, date, title, "
            "sender_name, sender_role, sender_org, recipient_name, recipient_role, "
            "recipient_org, url, sha256, text, path, inspection, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        conn.executemany(
            "INSERT INTO user.facts (document, field, value, evidence_start, evidence_end, "
            "evidence, inspection, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            facts,
        )
