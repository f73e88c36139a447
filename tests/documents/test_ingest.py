"""Ingesting documents: what is stored, linked, flagged and refused."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.documents import ingest as ingest_module
from ofstedcli.documents.ingest import collect, ingest
from ofstedcli.errors import DatabaseError, UsageError
from ofstedcli.store import Store, transaction
from tests.documents.conftest import LEICESTER_LETTER


def _by_name(summary: Any) -> dict[str, Any]:
    return {Path(r.path).name: r for r in summary.results}


def test_collect_walks_folders_for_text_markdown_and_pdf(folder: Path) -> None:
    files, missing = collect([str(folder), str(folder / "letter.txt"), "-", "-", "/no/such"])
    names = [Path(f).name if f != "-" else f for f in files]
    assert names == [
        "binary.txt", "copy-of-letter.txt", "empty.txt", "letter.txt", "nowhere.txt",
        "committee.md", "report.pdf", "-",
    ]  # fmt: skip
    assert [m.reason for m in missing] == ["no such file or folder: /no/such"]


def test_ingest_a_folder(store: Store, folder: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    summary = ingest(store, [str(folder)], progress=lambda *a: calls.append(a), workers=1)
    results = _by_name(summary)
    assert {n: r.status for n, r in results.items()} == {
        "binary.txt": "failed",
        "copy-of-letter.txt": "ingested",
        "empty.txt": "failed",
        "letter.txt": "duplicate",
        "nowhere.txt": "ingested",
        "committee.md": "ingested",
        "report.pdf": "ingested",
    }
    assert "binary" in (results["binary.txt"].reason or "")
    assert "empty" in (results["empty.txt"].reason or "")
    assert "stored without an authority" in (results["nowhere.txt"].reason or "")
    assert calls[-1][:2] == (7, 7)
    assert (summary.count("ingested"), summary.count("duplicate"), summary.failed) == (4, 1, 2)


def test_stored_documents_facts_and_links(store: Store, folder: Path) -> None:
    summary = ingest(store, [str(folder)], workers=1)
    letter = _by_name(summary)["copy-of-letter.txt"]
    row = store.rows("SELECT * FROM user.documents WHERE id = ?", (letter.id,))[0]
    assert row["authority"] == "E06000016"
    assert row["kind"] == "ministerial_letter"
    assert row["inspection"] == "E06000016-ilacs-standard-inspection-2021-11-12"
    assert row["text"].startswith("Jo Bloggs MP")
    assert row["sha256"].startswith(letter.id)
    facts = {f["field"]: f for f in store.rows("SELECT * FROM facts WHERE document = ?",
                                               (letter.id,))}  # fmt: skip
    overall = facts["inspection.overall"]
    assert overall["value"] == "Good" and overall["conflict"] is None
    assert overall["inspection"] == row["inspection"]
    assert row["text"][overall["evidence_start"] : overall["evidence_end"]] == overall["evidence"]
    report = _by_name(summary)["report.pdf"].document
    assert report is not None
    assert report["inspection"]["id"] == "E06000016-ilacs-short-inspection-2025-01-29"
    assert report["date"] == "2025-01-29" and report["date_from"] == "official record"


def test_disagreements_are_recorded_never_written_over_the_record(
    store: Store, folder: Path
) -> None:
    before = store.rows("SELECT * FROM inspections ORDER BY id")
    summary = ingest(store, [str(folder / "sub")], workers=1)
    committee = _by_name(summary)["committee.md"].document
    report = _by_name(summary)["report.pdf"].document
    assert committee is not None and report is not None
    assert committee["conflicts"] == [
        {
            "field": "inspection.start_date",
            "document": "2024-04-22",
            "official": "2024-04-15",
            "inspection": "E10000018-ilacs-standard-inspection-2024-06-20",
            "source": "test",
        }
    ]
    # The report grades children in care Good, as the record does; nothing else differs.
    assert report["conflicts"] == []
    stored = store.rows(
        "SELECT conflict FROM facts WHERE document = ? AND field = 'inspection.start_date'",
        (committee["id"],),
    )
    assert stored[0][0] == "official record: 2024-04-15 (test)"
    assert store.rows("SELECT * FROM inspections ORDER BY id") == before


def test_dry_run_stores_nothing(store: Store, folder: Path) -> None:
    before = store.rows("SELECT count(*) FROM user.documents")[0][0]
    summary = ingest(store, [str(folder)], dry_run=True, workers=1)
    # a dry run shows what each file holds, even a copy (said in its reason)
    assert summary.count("dry_run") == 5
    copies = [r for r in summary.results if r.reason == "the same content is already stored"]
    assert len(copies) == 1 and copies[0].document is not None
    assert store.rows("SELECT count(*) FROM user.documents")[0][0] == before


def test_same_content_again_is_a_duplicate(store: Store, folder: Path) -> None:
    ingest(store, [str(folder / "letter.txt")])
    again = ingest(store, [str(folder / "copy-of-letter.txt")])
    assert [r.status for r in again.results] == ["duplicate"]


def test_standard_input(store: Store) -> None:
    data = io.BytesIO(LEICESTER_LETTER.encode())
    summary = ingest(store, ["-"], stdin=data)
    assert [(r.path, r.status) for r in summary.results] == [("-", "ingested")]


def test_worker_processes_give_the_same_results(store: Store, tmp_path: Path) -> None:
    for n in range(7):
        (tmp_path / f"l{n}.txt").write_text(LEICESTER_LETTER + f"\nReference {n}\n")
    summary = ingest(store, [str(tmp_path)], workers=2)
    assert [r.status for r in summary.results] == ["ingested"] * 7
    assert [Path(r.path).name for r in summary.results] == [f"l{n}.txt" for n in range(7)]


def test_one_transaction_per_document(
    store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextmanager
    def failing(s: Store) -> Iterator[sqlite3.Connection]:
        with transaction(s) as conn:
            yield conn
            if conn.execute("SELECT count(*) FROM user.documents").fetchone()[0] > 1:
                raise DatabaseError("disk full")

    monkeypatch.setattr(ingest_module, "transaction", failing)
    store.conn.execute("DELETE FROM user.documents")  # the fixture's own document
    summary = ingest(store, [str(folder / "letter.txt"), str(folder / "sub")], workers=1)
    assert [r.status for r in summary.results] == ["ingested", "failed", "failed"]
    assert summary.results[1].reason == "disk full"
    stored = store.rows("SELECT id FROM user.documents")
    assert [r[0] for r in stored] == [summary.results[0].id]
    assert store.rows("SELECT count(DISTINCT document) FROM user.facts")[0][0] == 1
    assert store.rows("SELECT count(*) FROM user.documents_fts")[0][0] == 1


def test_a_listed_report_takes_its_listed_id(store: Store, folder: Path) -> None:
    """A report the database lists without text becomes that document when ingested."""
    with transaction(store) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO user.sources (id, title, publisher) VALUES ('t', 't', 't')"
        )
        for n, (insp,) in enumerate(
            store.rows("SELECT id FROM inspections WHERE authority = 'E06000016'")
        ):
            conn.execute(
                "INSERT INTO user.documents (id, authority, kind, url, inspection, source) "
                "VALUES (?, 'E06000016', 'inspection_report', ?, ?, 't')",
                (f"listed{n:06d}", f"https://example.test/{n}", insp),
            )
    summary = ingest(store, [str(folder / "sub" / "report.pdf")], workers=1)
    [result] = summary.results
    assert result.status == "ingested" and result.id.startswith("listed")
    row = store.rows("SELECT text IS NOT NULL, url FROM documents WHERE id = ?", (result.id,))
    assert row[0][0] == 1 and row[0][1].startswith("https://example.test/")
    reports = store.rows(
        "SELECT count(*) FROM documents WHERE authority = 'E06000016' AND sha256 IS NOT NULL"
    )
    assert reports[0][0] == 1


def test_a_document_listed_without_its_text_takes_its_listed_id(store: Store, folder: Path) -> None:
    """The same content (by its hash) listed without text: ingesting the file adds the text
    to that document instead of storing a second one under a longer id."""
    path = folder / "letter.txt"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with transaction(store) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO user.sources (id, title, publisher) VALUES ('t', 't', 't')"
        )
        conn.execute(
            "INSERT INTO user.documents (id, authority, kind, sha256, source) "
            "VALUES ('abcdef123456', 'E06000016', 'ministerial_letter', ?, 't')",
            (digest,),
        )
    [result] = ingest(store, [str(path)], workers=1).results
    assert (result.status, result.id) == ("ingested", "abcdef123456")
    rows = store.rows("SELECT id, text IS NOT NULL FROM documents WHERE sha256 = ?", (digest,))
    assert [tuple(r) for r in rows] == [("abcdef123456", 1)]


def test_the_authority_is_named_as_the_name_it_was_found_by(store: Store, tmp_path: Path) -> None:
    # the reader's first name is the site's, which names no authority
    page = tmp_path / "page.txt"
    page.write_text(
        "Westbrook Council news\n12 November 2021\n\nOfsted has rated Leicester City "
        "Council's children's services as good.\n"
    )
    summary = ingest(store, [str(page)], workers=1)
    doc = summary.results[0]
    assert doc.document is not None
    assert doc.document["authority"]["ons_code"] == "E06000016"
    written = doc.document["authority"]["as_written"]
    evidence = doc.document["evidence"]["authority.name"]
    assert evidence["text"] == written != "Westbrook Council"
    stored = store.rows(
        "SELECT value FROM user.facts WHERE document = ? AND field = 'authority.name'",
        (doc.id,),
    )
    assert [r["value"] for r in stored] == [written]


def test_a_pages_web_address_is_stored_and_read(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Children's services rated good\n\nLeicester City Council's children's services have "
        "been rated good by Ofsted, inspectors said.\n"
    )
    url = "https://news.leicester.gov.uk/news/ofsted"
    doc = ingest(store, [str(page)], workers=1, url=url).results[0]
    assert doc.status == "ingested" and doc.document is not None
    assert doc.document["url"] == url
    assert doc.document["kind"] == "press_release"
    assert doc.document["evidence"]["kind"] == {"start": None, "end": None, "text": url}
    row = store.rows("SELECT url, kind FROM user.documents WHERE id = ?", (doc.id,))[0]
    assert (row["url"], row["kind"]) == (url, "press_release")
    kind = store.rows(
        "SELECT evidence_start, evidence_end, evidence FROM user.facts "
        "WHERE document = ? AND field = 'kind'",
        (doc.id,),
    )[0]
    assert tuple(kind) == (None, None, url)


def test_one_web_address_is_for_one_document(store: Store, folder: Path) -> None:
    before = store.rows("SELECT count(*) FROM user.documents")[0][0]
    with pytest.raises(UsageError, match="one document's web address"):
        ingest(store, [str(folder)], workers=1, url="https://www.westbrook.gov.uk/news")
    with pytest.raises(UsageError, match="must be a web address"):
        ingest(store, [str(folder / "letter.txt")], workers=1, url="www.westbrook.gov.uk")
    assert store.rows("SELECT count(*) FROM user.documents")[0][0] == before
