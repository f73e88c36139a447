"""New inspection reports from Data to Insight's index, read and stored as provisional records.

The index (D2I's scrape of Ofsted's reports site) lists each published report with its link
and the grades D2I's scraper read.  A report the databases do not know yet (its link is on
no inspection or document, and it was published after the newest official edition can hold)
is downloaded, read with the project's own reader, and stored in the user database in one
transaction: the document with its text and facts (each with its evidence), and, unless an
inspection held already is this one, a provisional inspection whose dates and grades come
from the report.  Where the index's grades differ from the report's, the report wins and the
difference is kept in ``disagreements``, as the build keeps differences between sources.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ofstedcli.build.d2i import HISTORY_ID
from ofstedcli.build.fetch import Fetched, Fetcher
from ofstedcli.build.records import OGL, Observation
from ofstedcli.errors import BadDocument, BadSource, OfstedError
from ofstedcli.store import Store, transaction

#: The credit of the facts read from the reports themselves.
REPORTS_ID = "ofsted-reports"
REPORTS_SOURCE = {
    "id": REPORTS_ID,
    "title": "Ofsted inspection reports (PDF), read by ofsted db update (provisional)",
    "publisher": "Ofsted",
    "published": None,
    "licence": OGL,
    "file": None,
    "url": None,
}
#: Largest report accepted (bytes).
MAX_REPORT_BYTES = 30 * 1024 * 1024
#: Days an inspection held may differ from the report's start date and still be the same.
SAME_START = 14
#: Days a held publication date may differ from the index's and still be the same report.
SAME_PUBLISHED = 7
_JUDGEMENT = "inspection.judgements."


@dataclass
class Failure:
    """Something that could not be fetched, read or stored."""

    what: str
    url: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        """The failure as JSON-ready data."""
        return {"what": self.what, "url": self.url, "reason": self.reason}


@dataclass
class StoredReport:
    """A report stored: its document, the inspection it records, and the index's differences."""

    url: str
    document: str
    inspection: str
    authority: str
    #: True when the inspection was new (provisional, from the report).
    new_inspection: bool
    published: str | None
    overall: str | None
    judgements: dict[str, str]
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stored report as JSON-ready data."""
        return {
            "url": self.url,
            "document": self.document,
            "inspection": self.inspection,
            "authority": self.authority,
            "new_inspection": self.new_inspection,
            "published": self.published,
            "overall": self.overall,
            "judgements": self.judgements,
            "disagreements": self.disagreements,
        }


def known_links(store: Store) -> set[str]:
    """Every report link the databases hold, on an inspection or a document."""
    rows = store.rows(
        "SELECT report_url FROM inspections WHERE report_url IS NOT NULL "
        "UNION SELECT url FROM documents WHERE url IS NOT NULL"
    )
    return {str(r[0]) for r in rows}


def newest_official(store: Store) -> str:
    """The last publication date the newest official edition covers ('' if none)."""
    rows = store.rows("SELECT value FROM meta WHERE key = 'newest_official_publication'")
    return max((str(r[0]) for r in rows if r[0]), default="")


def wanted(store: Store, index: list[Observation]) -> list[Observation]:
    """The index's reports to fetch: unknown links, published after the official data."""
    known = known_links(store)
    since = newest_official(store)
    found: dict[str, Observation] = {}
    for obs in index:
        url = obs.report_url
        if not url or url in known or url in found or obs.framework is None:
            continue
        if (obs.published or "") > since:
            found[url] = obs
    return sorted(found.values(), key=lambda o: (o.published or "", o.report_url or ""))


def check_pdf(fetched: Fetched) -> bytes:
    """The bytes of a downloaded report; BadDocument when not a whole PDF."""
    data = fetched.read()
    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise BadDocument(f"{fetched.url} is not a PDF ({_sniff(data)})")
    if b"%%EOF" not in data[-2048:]:
        raise BadDocument(f"{fetched.url} is a truncated PDF ({len(data):,} bytes, no end marker)")
    return data


def _sniff(data: bytes) -> str:
    """What a download that is not a PDF looks like, in a few words."""
    head = data[:512].lstrip().lower()
    if not head:
        return "empty"
    if head.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    return f"starts {data[:8]!r}"


def fetch_reports(
    fetcher: Fetcher, reports: list[Observation]
) -> list[tuple[Observation, Fetched | OfstedError]]:
    """Each report downloaded (a few at a time), or the error it ended with."""
    urls = [o.report_url or "" for o in reports]
    got = fetcher.get_many(urls, what="report", max_bytes=MAX_REPORT_BYTES)
    return list(zip(reports, got, strict=True))


def store_report(store: Store, obs: Observation, fetched: Fetched) -> StoredReport | None:
    """Read a downloaded report and store it with its inspection; None if stored already."""
    from ofstedcli.documents import extract, read_bytes

    data = check_pdf(fetched)
    name = (obs.report_url or "report").rsplit("/", 1)[-1] + ".pdf"
    text = read_bytes(data, name, MAX_REPORT_BYTES)
    x = extract(text)
    if x.kind != "inspection_report":
        raise BadDocument(f"{obs.report_url} is not an inspection report (read as {x.kind})")
    sha = hashlib.sha256(data).hexdigest()
    with transaction(store) as conn:
        # Decided inside the write transaction: another update may have stored it meanwhile.
        if conn.execute(
            "SELECT 1 FROM documents WHERE url = ? OR (sha256 = ? AND text IS NOT NULL)",
            (obs.report_url, sha),
        ).fetchone():
            return None
        code = _authority(conn, obs)
        report = _report_values(x, obs)
        held = _held_inspection(conn, code, report)
        new = held is None
        inspection = held or _new_id(conn, code, report)
        differences = _differences(report["judgements"], obs.judgements)
        if new:
            _insert_inspection(conn, inspection, code, report, obs)
        _insert_disagreements(conn, inspection, code, differences)
        doc_id = _insert_document(conn, x, text, sha, code, inspection, report, obs)
    return StoredReport(
        url=obs.report_url or "",
        document=doc_id,
        inspection=inspection,
        authority=code,
        new_inspection=new,
        published=report["published"],
        overall=report["judgements"].get("overall"),
        judgements={a: g for a, g in report["judgements"].items() if a != "overall"},
        disagreements=differences,
    )


def _authority(conn: sqlite3.Connection, obs: Observation) -> str:
    """The ONS code of the authority the index row names (by Ofsted URN, else by name)."""
    ref = obs.ref
    rows = conn.execute(
        "SELECT ons_code FROM authorities WHERE ofsted_urn = ? AND status = 'current'",
        (ref.urn or "",),
    ).fetchall()
    if len(rows) != 1 and ref.name:
        from ofstedcli.names import normalise

        rows = conn.execute(
            "SELECT DISTINCT a.ons_code FROM aliases l JOIN authorities a "
            "ON a.ons_code = l.authority WHERE l.norm = ? AND a.status = 'current'",
            (normalise(ref.name),),
        ).fetchall()
    if len(rows) != 1:
        raise BadSource(f"{obs.where}: no single authority with Ofsted URN {ref.urn} ({ref.name})")
    return str(rows[0][0])


def _report_values(x: Any, obs: Observation) -> dict[str, Any]:
    """The inspection as the report gives it; the index fills only what the report lacks."""
    judgements = {
        f.field[len(_JUDGEMENT) :]: f.value
        for f in x.facts
        if f.field.startswith(_JUDGEMENT) and isinstance(f.value, str)
    }
    if isinstance(x.get("inspection.overall"), str):
        judgements["overall"] = x.get("inspection.overall")
    type_ = x.get("inspection.type")
    if type_ in (None, "inspection") and obs.type:
        type_ = obs.type  # the report says "inspection"; the index says standard or short
    return {
        "framework": x.get("inspection.framework") or obs.framework,
        "type": type_ or "inspection",
        "start_date": x.get("inspection.start_date") or obs.start_date,
        "end_date": x.get("inspection.end_date") or obs.end_date,
        "published": x.get("inspection.published") or obs.published,
        "lead_inspector": x.get("inspection.lead_inspector") or obs.lead_inspector,
        "judgements": judgements,
        "from_report": set(judgements),
    }


def _held_inspection(conn: sqlite3.Connection, code: str, report: dict[str, Any]) -> str | None:
    """The id of an inspection held already that the report is of, if any."""
    rows = conn.execute(
        "SELECT id, start_date, published FROM inspections WHERE authority = ? "
        "AND framework = ? AND type NOT IN ('focused visit', 'monitoring visit')",
        (code, report["framework"]),
    ).fetchall()
    from datetime import date

    def near(a: str | None, b: str | None, days: int) -> bool:
        if not a or not b or len(a) != 10 or len(b) != 10:
            return False
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days

    for ident, start, published in rows:
        if near(start, report["start_date"], SAME_START) or near(
            published, report["published"], SAME_PUBLISHED
        ):
            return str(ident)
    return None


def _new_id(conn: sqlite3.Connection, code: str, report: dict[str, Any]) -> str:
    """An inspection id in the build's form, not yet taken."""
    base = "-".join(
        (
            code,
            str(report["framework"]).lower(),
            str(report["type"]).replace(" ", "-"),
            report["published"] or report["start_date"] or "undated",
        )
    )
    found, n = base, 1
    while conn.execute("SELECT 1 FROM inspections WHERE id = ?", (found,)).fetchone():
        n += 1
        found = f"{base}-{n}"
    return found


def _differences(report: dict[str, str], index: dict[str, str]) -> list[dict[str, Any]]:
    """Grades the index gives that differ from the report's (the report's are kept)."""
    return [
        {"field": area, "report": report.get(area), "index": grade}
        for area, grade in sorted(index.items())
        if area in report and report[area] != grade
    ]


def _insert_inspection(
    conn: sqlite3.Connection, ident: str, code: str, report: dict[str, Any], obs: Observation
) -> None:
    """The provisional inspection and its sub-judgements (index grades only fill gaps)."""
    conn.execute(
        "INSERT OR IGNORE INTO user.sources (id, title, publisher, published, licence, file, url) "
        "VALUES (:id, :title, :publisher, :published, :licence, :file, :url)",
        REPORTS_SOURCE,
    )
    grades = dict(report["judgements"])
    sources = {area: REPORTS_ID for area in grades}
    for area, grade in obs.judgements.items():
        if area not in grades:
            grades[area], sources[area] = grade, HISTORY_ID
    conn.execute(
        "INSERT INTO user.inspections (id, authority, framework, type, start_date, end_date, "
        "published, overall, lead_inspector, theme, report_url, provisional, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, ?)",
        (
            ident, code, report["framework"], report["type"], report["start_date"],
            report["end_date"], report["published"], grades.get("overall"),
            report["lead_inspector"], obs.report_url, REPORTS_ID,
        ),
    )  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO user.judgements (inspection, area, grade, wording, source) "
        "VALUES (?, ?, ?, NULL, ?)",
        [(ident, a, g, sources[a]) for a, g in sorted(grades.items()) if a != "overall"],
    )


def _insert_disagreements(
    conn: sqlite3.Connection, ident: str, code: str, differences: list[dict[str, Any]]
) -> None:
    """The index's differing grades, beside the report's."""
    conn.executemany(
        "INSERT INTO user.disagreements (inspection, authority, field, official, "
        "official_source, other, other_source) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (ident, code, d["field"], d["report"], REPORTS_ID, d["index"], HISTORY_ID)
            for d in differences
        ],
    )


def _insert_document(
    conn: sqlite3.Connection,
    x: Any,
    text: str,
    sha: str,
    code: str,
    inspection: str,
    report: dict[str, Any],
    obs: Observation,
) -> str:
    """The report as a document with its text, facts (with evidence) and search entry."""
    doc_id = sha[:12]
    n = 1
    while conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
        n += 1  # another content with the same first digits: never replace it
        doc_id = f"{sha[:12]}-{n}"
    title = x.get("title")
    conn.execute(
        "INSERT INTO user.documents (id, authority, kind, date, title, url, sha256, text, "
        "path, inspection, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        (
            doc_id, code, x.kind, report["published"], title, obs.report_url, sha, text,
            inspection, REPORTS_ID,
        ),
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO user.facts (document, field, value, evidence_start, evidence_end, "
        "evidence, inspection, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
        [
            (
                doc_id,
                f.field,
                f.value if isinstance(f.value, str) or f.value is None else json.dumps(f.value),
                f.start,
                f.end,
                f.text,
                inspection if f.field.startswith("inspection.") else None,
            )
            for f in x.facts
        ],
    )
    return doc_id
