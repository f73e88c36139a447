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
import signal
import stat
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ofstedcli.documents.address import web_address
from ofstedcli.documents.extraction import Extraction
from ofstedcli.documents.extractor import extract
from ofstedcli.documents.link import (
    choose_inspection,
    conflicts,
    inspections_of,
    named_candidates,
    resolve_authority,
)
from ofstedcli.documents.read import MAX_BYTES, SUFFIXES, load, read_page
from ofstedcli.documents.sandbox import die_with_parent
from ofstedcli.errors import BadDocument, OfstedError, UsageError
from ofstedcli.store import Store, transaction

#: Called after each file with (files done, files in all, the file's path).
Progress = Callable[[int, int, str], None]
#: Called with each file's outcome as soon as it is known (the full document included).
OnResult = Callable[["Outcome"], None]

STDIN = "-"
#: Fewest files worth starting worker processes for.
PARALLEL_FROM = 6
#: Files each worker may have read ahead of the one being stored (bounds memory).
AHEAD = 4
#: The user tables holding a document's rows, and the column naming the document.
#: A document's rows, deleted in this order (its search index entry goes with it, by trigger).
_DOCUMENT_TABLES = (("facts", "document"), ("documents", "id"))
#: Judgement facts a document must not contradict to become the report the record lists.
_GRADES = ("inspection.overall", "inspection.judgements.")

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

    def __post_init__(self) -> None:
        self.path = shown(self.path)

    def slim(self) -> Outcome:
        """The outcome without the bulk of its document (evidence, facts): what a summary
        of thousands of files keeps once each file's full result has been handed on."""
        doc = self.document
        if doc is None:
            return self
        kept = {
            "kind": doc.get("kind"),
            "authority": {"name": (doc.get("authority") or {}).get("name")},
            "inspection": {"id": (doc.get("inspection") or {}).get("id")},
            "conflicts": doc.get("conflicts") or [],
        }
        return Outcome(self.path, self.status, self.id, self.reason, kept)

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
        try:
            mode = os.stat(given).st_mode
        except (OSError, ValueError) as exc:
            why = "no such file or folder" if isinstance(exc, FileNotFoundError) else _why(exc)
            missing.append(Outcome(given, FAILED, reason=f"{why}: {shown(given)}"))
            continue
        if stat.S_ISDIR(mode):
            found, bad = _walk(given)
            files += found
            missing += bad
        elif stat.S_ISREG(mode):
            files.append(given)
        else:
            missing.append(Outcome(given, FAILED, reason=_not_regular(given, mode)))
    named = []
    for path in dict.fromkeys(files):
        if _undecodable(path):
            reason = "its name is not UTF-8 text; rename the file and ingest it again"
            missing.append(Outcome(path, FAILED, reason=reason))
        else:
            named.append(path)
    return named, missing


def _walk(root: str) -> tuple[list[str], list[Outcome]]:
    """The document files under a folder, in path order, with no recursion (a folder may be
    thousands of levels deep) and no symlinked folders (they may loop); hidden ones skipped."""
    found: list[str] = []
    bad: list[Outcome] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            bad.append(Outcome(folder, FAILED, reason=f"cannot read the folder: {_why(exc)}"))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif Path(entry.name).suffix.lower() in SUFFIXES and entry.is_file():
                    found.append(entry.path)
            except OSError:
                continue
    found.sort(key=lambda p: Path(p).parts)
    return found, bad


def _why(exc: BaseException) -> str:
    """An OS error's reason, in a few words."""
    return str(getattr(exc, "strerror", None) or exc).lower()


def _not_regular(path: str, mode: int) -> str:
    """Why a path that exists is not a document file: a pipe, a device or a socket."""
    what = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return (
        f"{shown(path)} is {what}, not a file; save it to a file first, "
        "or send it to `ofsted ingest -` on standard input"
    )


def _undecodable(path: str) -> bool:
    """True when a file name holds bytes that are not UTF-8 (kept as surrogates by Python)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown(path: str) -> str:
    """A path as it can be printed and stored: bytes that are not UTF-8 as \\xNN escapes."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class Prepared:
    """A file read and its facts extracted (done in a worker process)."""

    path: str
    sha256: str | None = None
    text: str | None = None
    extraction: Extraction | None = None
    reason: str | None = None
    url: str | None = None


def prepare(
    path: str, data: bytes | None = None, max_bytes: int = MAX_BYTES, url: str | None = None
) -> Prepared:
    """Read one file (or the bytes given for it) and extract its facts; ``url`` is the web
    address it was published at, when known (else the one an HTML page declares, whose site
    name it also reads)."""
    try:
        raw = load(path, max_bytes) if data is None else data
        name = Path(path).name if path != STDIN else "standard input"
        page = read_page(raw, name, max_bytes)
    except BadDocument as exc:
        return Prepared(path, reason=exc.message, url=url)
    url = url or page.url  # the address given, else the one the page declares
    x = extract(page.text, url, page.site_name)
    return Prepared(path, hashlib.sha256(raw).hexdigest(), page.text, x, url=url)


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    stdin: IO[bytes] | None = None,
    workers: int | None = None,
    on_result: OnResult | None = None,
    keep_documents: bool = True,
    url: str | None = None,
) -> Summary:
    """Ingest every document under ``paths`` into the user database (or only check them).

    Each file's full outcome goes to ``on_result`` as soon as it is known; without
    ``keep_documents`` the summary keeps only what a table of the files shows, so a folder
    of any size needs little memory.  ``url``, the web address one document was published
    at, is stored as its link and read for whose site it is on (:mod:`.address`).
    """
    if url is not None:
        url = web_address(url)
    files, failed = collect(paths)
    if url is not None and len(files) + len(failed) > 1:
        raise UsageError("--url is one document's web address: give it with one file")
    summary = Summary(dry_run=dry_run)

    def record(outcome: Outcome) -> None:
        if on_result is not None:
            on_result(outcome)
        summary.results.append(outcome if keep_documents else outcome.slim())

    for outcome in failed:
        record(outcome)
    seen: set[str] = set()
    total = len(files)
    # Closed at once on any exception (Ctrl-C), so the worker pool drops the files not begun.
    with closing(_prepared(files, stdin, workers, url)) as ready:
        for done, prepared in enumerate(ready, start=1):
            record(_one(store, prepared, dry_run, seen))
            if progress is not None:
                progress(done, total, prepared.path)
    return summary


def _prepared(
    files: list[str], stdin: IO[bytes] | None, workers: int | None, url: str | None = None
) -> Generator[Prepared, None, None]:
    """Each file read and extracted, in order; in worker processes when there are many
    (``url``, one document's address, comes with one file only)."""
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
            pool = ProcessPoolExecutor(
                min(count, len(disk)),
                mp_context=context,
                initializer=_worker_start,
                initargs=(os.getpid(),),
            )
            # On an early end (Ctrl-C, a failure) drop the queued files: a plain exit would
            # wait for every one of them to be read and extracted first.
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            # In order, each as soon as it is ready, so progress is reported as files finish.
            ready = _in_order(pool, disk, AHEAD * min(count, len(disk)))
        for path in files:
            if path == STDIN:
                yield prepare(STDIN, data, url=url)
            else:
                yield next(ready) if ready is not None else prepare(path, url=url)


def _in_order(pool: ProcessPoolExecutor, paths: list[str], ahead: int) -> Iterator[Prepared]:
    """Each file prepared by the pool, in order, with at most ``ahead`` read before they are
    wanted: a folder of 20,000 files never holds 20,000 texts in memory at once."""
    queue: deque[Future[Prepared]] = deque()
    waiting = iter(paths)
    for path in waiting:
        queue.append(pool.submit(prepare, path))
        if len(queue) >= ahead:
            break
    while queue:
        result = queue.popleft().result()
        following = next(waiting, None)
        if following is not None:
            queue.append(pool.submit(prepare, following))
        yield result


def _worker_start(parent: int) -> None:
    """Set up a worker process: it dies with the ingest that started it (SIGKILL, the OOM
    killer) instead of sleeping for ever holding the caller's output open."""
    # Ctrl-C reaches the whole process group: ingest handles it and stops the pool; a worker
    # interrupted in the middle of taking a task printed a traceback or left the pool stuck.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def _one(store: Store, p: Prepared, dry_run: bool, seen: set[str]) -> Outcome:
    """Resolve, link and store one prepared document."""
    if p.extraction is None or p.sha256 is None or p.text is None:
        return Outcome(p.path, FAILED, reason=p.reason or "unreadable")
    doc_id = p.sha256[:12]
    # Listed: a document the database lists without its text (the same content, by its
    # hash); this file is it, so it takes the listed id and link (the user row stands for it).
    stored, listed = _same_content(store, p.sha256)
    duplicate = p.sha256 in seen or stored is not None
    if duplicate and not dry_run:
        return Outcome(
            p.path, DUPLICATE, id=stored or doc_id, reason="the same content is already stored"
        )
    seen.add(p.sha256)
    x = p.extraction
    authority = resolve_authority(store, x)
    # A text that names no authority is still read and stored (searchable), with none.
    unplaced = None
    if authority is None:
        names = ", ".join(repr(n) for n in x.authority_names[:3]) or "none"
        unplaced = f"stored without an authority (names found: {names})"
    x = named_candidates(store, x, authority)
    code = authority.ons_code if authority else None
    inspection = choose_inspection(x, inspections_of(store, code)) if code else None
    found = conflicts(x, inspection) if inspection else []
    contradicts = any(c.field.startswith(_GRADES) for c in found)
    if listed is None and x.kind == "inspection_report" and inspection is not None:
        # The report of an inspection the database lists without its text: likewise, unless
        # it contradicts the record's judgements or another file took it first.
        listed = None if contradicts else _listed_report(store, inspection.id)
    document = _document_json(
        store,
        x,
        listed[0] if listed else doc_id,
        code,
        authority.name if authority else None,
        inspection,
    )
    document["url"] = listed[1] if listed else p.url
    document["conflicts"] = [c.to_json() for c in found]
    if document["date"] is None and x.kind == "inspection_report" and inspection is not None:
        # A report rarely prints its publication date: the official record gives it.
        document["date"] = inspection.published
        document["date_from"] = "official record"
    if dry_run:
        reason = "the same content is already stored" if duplicate else None
        if stored is not None:
            document["id"] = stored
        return Outcome(
            p.path, DRY_RUN, id=document["id"], document=document, reason=reason or unplaced
        )
    try:
        kept = _store(
            store,
            p,
            x,
            document,
            inspection.id if inspection else None,
            {c.field: c.note() for c in found},
            listed=listed is not None,
        )
    except OfstedError as exc:
        return Outcome(p.path, FAILED, id=document["id"], reason=exc.message)
    if kept is not None:
        # Another ingest stored the same content first (checked inside the transaction).
        return Outcome(p.path, DUPLICATE, id=kept, reason="the same content is already stored")
    return Outcome(p.path, INGESTED, id=document["id"], document=document, reason=unplaced)


def _listed_report(store: Store, inspection: str) -> tuple[str, str | None] | None:
    """Id and link of the text-less report document listed for an inspection, if any."""
    found = store.rows(
        "SELECT id, url FROM documents WHERE inspection = ? AND kind = 'inspection_report' "
        "AND text IS NULL ORDER BY id LIMIT 1",
        (inspection,),
    )
    return (str(found[0][0]), found[0][1]) if found else None


def _same_content(store: Store, sha256: str) -> tuple[str | None, tuple[str, str | None] | None]:
    """The documents with this content: the id of one stored with its text (then the file
    is a duplicate), and the id and link of one listed without it (then the file is that
    document; a bundled document without its text is not a duplicate: the file adds it)."""
    stored: str | None = None
    listed: tuple[str, str | None] | None = None
    for doc_id, url, has_text in store.rows(
        "SELECT id, url, text IS NOT NULL FROM documents WHERE sha256 = ? ORDER BY id",
        (sha256,),
    ):
        if has_text and stored is None:
            stored = str(doc_id)
        elif not has_text and listed is None:
            listed = (str(doc_id), url)
    return stored, listed


def _document_json(
    store: Store,
    x: Extraction,
    doc_id: str,
    code: str | None,
    written: str | None,
    inspection: Any,
) -> dict[str, Any]:
    """The document contract for an ingested file: the extraction, resolved and linked."""
    out = x.to_json()
    evidence = out.pop("evidence")
    found = store.rows("SELECT name FROM authorities WHERE ons_code = ?", (code,)) if code else []
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
    *,
    listed: bool,
) -> str | None:
    """Write the document, its facts and its search index entry in one transaction.

    What the checks before it saw may have changed (another ingest at once), so the id is
    decided inside the write transaction: the same content already stored makes this a
    duplicate (its id is returned and nothing is written); a listed document's id taken by
    other content, or a 12-digit id taken by other content, gives this document an id of its
    own.  A stored document is never replaced.  ``document`` gets the id and link used.
    """
    title = x.get("title")
    assert p.sha256 is not None
    with transaction(store) as conn:
        same = conn.execute(
            "SELECT id FROM documents WHERE sha256 = ? AND text IS NOT NULL ORDER BY id LIMIT 1",
            (p.sha256,),
        ).fetchone()
        if same:
            return str(same[0])
        doc_id = document["id"]
        if listed:
            held = conn.execute(
                "SELECT text IS NOT NULL FROM user.documents WHERE id = ?", (doc_id,)
            ).fetchone()
            if held and held[0]:
                # Another file became this inspection's listed report since the check above.
                doc_id, document["url"], listed = p.sha256[:12], None, False
            elif held:
                # The user file's own text-less row for the listed report: this file is it.
                for table, key in _DOCUMENT_TABLES:
                    conn.execute(f"DELETE FROM user.{table} WHERE {key} = ?", (doc_id,))
        if not listed:
            size = 12
            while _taken(conn, doc_id) and size < len(p.sha256):
                size += 4
                doc_id = p.sha256[:size]
        document["id"] = doc_id
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
                *f.offsets(),
                f.text,
                inspection if f.field.startswith("inspection.") else None,
                notes.get(f.field),
            )
            for f in x.facts
        ]
        conn.execute(
            "INSERT INTO user.documents (id, authority, kind, date, title, "
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
    return None


def _taken(conn: Any, doc_id: str) -> bool:
    """True when any document, in either file, is stored under ``doc_id``."""
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
