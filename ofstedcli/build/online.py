"""``ofsted db update`` with no file: catch up from the places the facts are published.

Three places, each named once here and each overridable by an environment variable (an
empty value turns a place off):

- ``OFSTED_OUTCOMES_URL``: Ofsted's "Local authority inspection outcomes" edition, as a file
  (``.ods``) or a publication page that links to one; loaded as ``db update FILE`` loads it.
- ``OFSTED_D2I_HISTORY_URL`` and ``OFSTED_D2I_OVERVIEW_URL``: Data to Insight's index of
  published inspection reports (the history CSV and the daily overview workbook), to learn
  of reports published since the data held.
- the reports themselves, at the links the index gives (``files.ofsted.gov.uk``).

Every download is cached and asked for again conditionally, so a run that finds nothing
new transfers next to nothing; an edition already loaded is not merged again and a report
already stored is not downloaded again.  A place that fails is reported and the others go
on; what was stored stays stored.
"""

from __future__ import annotations

import csv
import html.parser
import io
import os
import sqlite3
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofstedcli.build import d2i, reports
from ofstedcli.build.fetch import UNCHANGED, Fetched, Fetcher
from ofstedcli.build.records import Observation
from ofstedcli.build.report import UpdateReport
from ofstedcli.build.reports import Failure, StoredReport
from ofstedcli.errors import BadSource, OfstedError
from ofstedcli.store import Paths, open_store

#: Where each kind of fact is published: (environment variable, default place).
PLACES: dict[str, tuple[str, str]] = {
    "outcomes": (
        "OFSTED_OUTCOMES_URL",
        "https://assets.publishing.service.gov.uk/media/6a6c6b2a8319ab05f7caa29d/"
        "local_authority_inspection_outcomes_as_at_31_march_2026_underlying_data.ods",
    ),
    "history": (
        "OFSTED_D2I_HISTORY_URL",
        "https://raw.githubusercontent.com/JT-39/ofsted-ilacs-scrape-tool/main/"
        "ofsted_csc_ilacs_history.csv",
    ),
    "overview": (
        "OFSTED_D2I_OVERVIEW_URL",
        "https://raw.githubusercontent.com/data-to-insight/ofsted-ilacs-scrape-tool/main/"
        "ofsted_csc_ilacs_overview.xlsx",
    ),
}
#: What each place is called in messages.
WHAT = {
    "outcomes": "Ofsted outcomes edition",
    "history": "D2I report index",
    "overview": "D2I overview workbook",
}
#: Where Ofsted publishes its reports: the only host a report link may name, besides the
#: index's own (a mirror serving both).
REPORTS_HOST = "files.ofsted.gov.uk"
#: Largest index or edition accepted (bytes).
MAX_INDEX_BYTES = 50 * 1024 * 1024


def place(name: str) -> str | None:
    """The URL of a publication place: its environment variable, else the default; None
    when the variable is set to an empty value (the place turned off)."""
    variable, default = PLACES[name]
    value = os.environ.get(variable)
    if value is None:
        return default
    return value.strip() or None


@dataclass
class OnlineReport:
    """What a catch-up did: the edition, the index, the reports, and what failed."""

    db: Path
    dry_run: bool
    edition: UpdateReport | None = None
    #: Each place fetched: {place, url, status (new | changed | unchanged | failed)}.
    fetched: list[dict[str, Any]] = field(default_factory=list)
    #: Reports stored (or, with --dry-run, that would be fetched).
    reports: list[StoredReport] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    #: Reports listed by the index that were stored already by another run meanwhile.
    already: int = 0
    failed: list[Failure] = field(default_factory=list)
    requests: int = 0
    received: int = 0

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data: new, changed and failed, with the details."""
        edition = self.edition.to_json() if self.edition else None
        return {
            "db": str(self.db),
            "dry_run": self.dry_run,
            "new": {
                "inspections": (edition["new"] if edition else [])
                + [r.inspection for r in self.reports if r.new_inspection],
                "documents": [r.document for r in self.reports],
            },
            "changed": edition["changed"] if edition else [],
            "failed": [f.to_json() for f in self.failed],
            "edition": edition,
            "reports": [r.to_json() for r in self.reports],
            "pending": self.pending,
            "fetched": self.fetched,
            "requests": self.requests,
            "received": self.received,
        }


def update_online(
    where: Paths,
    fetcher: Fetcher,
    *,
    dry_run: bool = False,
    edition_url: str | None = None,
) -> OnlineReport:
    """Catch the user database up from every publication place (or load one edition URL)."""
    report = OnlineReport(db=where.user, dry_run=dry_run)
    try:
        if edition_url is not None:
            report.edition = _edition(where, fetcher, edition_url, dry_run, report, force=True)
            return report
        outcomes = place("outcomes")
        if outcomes:
            try:
                report.edition = _edition(where, fetcher, outcomes, dry_run, report)
            except OfstedError as exc:
                report.fetched.append({"place": "outcomes", "url": outcomes, "status": "failed"})
                report.failed.append(Failure(WHAT["outcomes"], outcomes, exc.message))
        index = _index(fetcher, report)
        if index:
            _reports(where, fetcher, index, dry_run, report)
    finally:
        report.requests, report.received = fetcher.requests, fetcher.received
    return report


def _edition(
    where: Paths,
    fetcher: Fetcher,
    url: str,
    dry_run: bool,
    report: OnlineReport,
    force: bool = False,
) -> UpdateReport | None:
    """Fetch an edition (following a publication page to its .ods) and load it unless the
    same file was loaded before."""
    got = fetcher.get(url, what=WHAT["outcomes"], max_bytes=MAX_INDEX_BYTES)
    if _looks_like_html(got):
        link = _ods_link(got.read().decode("utf-8", "replace"), url)
        if link is None:
            raise BadSource(f"{url}: a page that links to no .ods spreadsheet")
        url, got = link, fetcher.get(link, what=WHAT["outcomes"], max_bytes=MAX_INDEX_BYTES)
    report.fetched.append({"place": "outcomes", "url": url, "status": got.status})
    if not force and got.status == UNCHANGED and _loaded(where, got.sha256):
        return None

    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1]) or "edition"
    from ofstedcli.build.update import update_database

    return update_database(got.path, where.user, where.bundled, name=name, url=url, dry_run=dry_run)


def _loaded(where: Paths, sha: str) -> bool:
    """True when an edition with this content has been loaded into the database."""
    if not where.user.is_file():
        return False
    try:
        with sqlite3.connect(f"{where.user.resolve().as_uri()}?mode=ro", uri=True) as conn:
            return bool(
                conn.execute(
                    "SELECT 1 FROM meta WHERE key = ?", (f"loaded_edition:{sha}",)
                ).fetchone()
            )
    except sqlite3.Error:
        return False


def _looks_like_html(got: Fetched) -> bool:
    """True for a downloaded web page rather than a file."""
    with got.path.open("rb") as handle:
        head = handle.read(512).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


class _Links(html.parser.HTMLParser):
    """The ``href`` of every link in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href" and v]


def _ods_link(page: str, base: str) -> str | None:
    """The first link to an .ods file on a publication page, made absolute."""
    parser = _Links()
    parser.feed(page)
    for link in parser.links:
        if urllib.parse.urlsplit(link).path.lower().endswith(".ods"):
            return urllib.parse.urljoin(base, link)
    return None


def _index(fetcher: Fetcher, report: OnlineReport) -> list[Observation]:
    """Every row of the D2I index files that can be fetched and read."""
    found: list[Observation] = []
    for name in ("history", "overview"):
        url = place(name)
        if not url:
            continue
        try:
            got = fetcher.get(url, what=WHAT[name], max_bytes=MAX_INDEX_BYTES)
            found += _read_index(got, name, url)
        except OfstedError as exc:
            report.fetched.append({"place": name, "url": url, "status": "failed"})
            report.failed.append(Failure(WHAT[name], url, exc.message))
            continue
        report.fetched.append({"place": name, "url": url, "status": got.status})
    return found


def _read_index(got: Fetched, name: str, url: str) -> list[Observation]:
    """The observations of a history CSV, or of an overview workbook's rows."""
    label = urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1] or WHAT[name]
    if name == "history":
        return d2i.read_history(got.path, label)
    from ofstedcli.build.caps import check_spreadsheet
    from ofstedcli.build.tabular import Workbook

    check_spreadsheet(got.path, label)
    book = Workbook(got.path, label)
    rows = book.sheet(book.sheet_names[0]) if book.sheet_names else []
    # The overview's columns are the history's (and more): read it as the history is read.
    text = io.StringIO()
    writer = csv.writer(text)
    for row in rows:
        # The workbook is written by pandas, which leaves "nan" in cells with no value.
        writer.writerow(["" if v is None or str(v).lower() == "nan" else v for v in row])
    converted = got.path.with_name(got.path.name + ".csv")
    converted.write_text(text.getvalue(), encoding="utf-8")
    return d2i.read_history(converted, label)


def _index_hosts() -> set[str]:
    """The hosts of the index places in use."""
    urls = (place(name) for name in ("history", "overview"))
    return {urllib.parse.urlsplit(u).hostname or "" for u in urls if u}


def _reports(
    where: Paths, fetcher: Fetcher, index: list[Observation], dry_run: bool, report: OnlineReport
) -> None:
    """Download, read and store each report the databases do not know yet."""
    with open_store(where.user if where.explicit else None, write=not dry_run) as store:
        todo = []
        for obs in reports.wanted(store, index):
            host = urllib.parse.urlsplit(obs.report_url or "").hostname or ""
            if host == REPORTS_HOST or host in _index_hosts():
                todo.append(obs)
            else:
                reason = f"{obs.report_url}: not a report link ({host or 'no host'} is neither "
                reason += f"{REPORTS_HOST} nor the index's host): not fetched"
                report.failed.append(Failure("report", obs.report_url, reason))
        if dry_run:
            report.pending = [
                {
                    "url": o.report_url,
                    "authority": o.ref.name,
                    "published": o.published,
                    "framework": o.framework,
                    "type": o.type,
                }
                for o in todo
            ]
            return
        for obs, got in reports.fetch_reports(fetcher, todo):
            if isinstance(got, OfstedError):
                report.failed.append(Failure("report", obs.report_url, got.message))
                continue
            try:
                stored = reports.store_report(store, obs, got)
            except OfstedError as exc:
                report.failed.append(Failure("report", obs.report_url, exc.message))
                continue
            if stored is None:
                report.already += 1
            else:
                report.reports.append(stored)
