"""``ofsted db update`` with no file: a real HTTP server on 127.0.0.1 serves an outcomes
edition, a D2I report index and report PDFs; the update runs through the real entry point."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.build import build_database
from ofstedcli.errors import EXIT_ERROR
from ofstedcli.store import BUNDLED_PATH
from tests.build import sources as src
from tests.build.server import Site, closed_port, serve
from tests.build.test_update import newer_edition
from tests.documents.factory import ilacs_report
from tests.documents.pdfs import make_pdf

SHARED_D2I = Path(__file__).resolve().parents[2].parent / "shared" / "sources" / "d2i"
GOOD, OUT, RI = "Good", "Outstanding", "Requires improvement to be good"
LEICESTER = "/reports/leicester-2026.pdf"
NORTH_YORKS = "/reports/north-yorkshire-2026.pdf"
LEICESTER_ID = "E06000016-ilacs-standard-inspection-2026-10-02"
NORTH_YORKS_ID = "E06000065-ilacs-short-inspection-2026-10-16"
DORSET_ID = "E06000059-ilacs-standard-inspection-2026-11-20"


def report_pdf(authority: str, start: date, end: date, lead: str, grades: dict[str, str]) -> bytes:
    """A post-April-2026 ILACS report (no overall judgement) as a real PDF."""
    text = ilacs_report(
        authority, start, end, lead, grades, overall=None, separate_care_leavers=True
    )
    return make_pdf([page.split("\n") for page in text.split("\f")])


def index_row(
    urn: str, la: str, link: str, published: str, kind: str, lead: str, start: str, end: str,
    grades: tuple[str, str, str, str],
) -> dict[str, Any]:  # fmt: skip
    """A row of D2I's history CSV as its scraper writes it."""
    leaders, help_, care, leavers = grades
    return {
        "urn": urn,
        "local_authority": la,
        "inspection_link": link,
        "pdf_filename": "children's services inspection.pdf",
        "publication_date": published,
        "inspection_framework": kind,
        "inspector_name": lead,
        "inspection_start_date": start,
        "inspection_end_date": end,
        "overall_effectiveness_grade": "not_reported_post_reform",
        "impact_of_leaders_grade": leaders,
        "help_and_protection_grade": help_,
        "in_care_grade": care,
        "care_leavers_grade": leavers,
        "parser_version": "1",
    }


def history_csv(tmp: Path, site: Site, *, drop: str | None = None) -> bytes:
    """The index: the tiny sources' rows, then two reports published since (the scraper
    misread Leicester's leadership grade); ``drop`` leaves a column out."""
    rows = [
        *src.history_rows(),
        index_row("80482", "leicester", site.url(LEICESTER), "02/10/26", "standard",
                  "Jane Doe", "07/09/2026", "18/09/2026",
                  ("requires improvement", "good", "good", "outstanding")),
        index_row("80530", "north yorkshire", site.url(NORTH_YORKS), "16/10/26", "short",
                  "John Roe", "14/09/2026", "18/09/2026",
                  ("outstanding", "good", "outstanding", "good")),
    ]  # fmt: skip
    if drop:
        rows = [{k: v for k, v in r.items() if k != drop} for r in rows]
    return src.write_csv(tmp / "history.csv", rows).read_bytes()


def edition_ods(tmp: Path) -> bytes:
    """An outcomes edition (2025 layout) published before today, adding Dorset 2026."""
    sheets = newer_edition()
    sheets["Cover"] = src.cover(
        "Local authority inspection outcomes (test)", "Local authority inspection outcomes",
        "2026-11-25", "Inspections as at 31 March 2026, with a report published by 30 June 2026",
    )  # fmt: skip
    return src.write_ods(tmp / "outcomes.ods", sheets).read_bytes()


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the tiny sources: without the index's two newest reports."""
    root = tmp_path_factory.mktemp("base")
    return build_database(src.write_sources(root / "sources"), root / "base.db").out


@pytest.fixture
def site(tmp_path: Path, base_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The server, running, with every publication place pointed at it and a user database
    copied from the base one."""
    with serve(Site()) as running:
        running.files = {
            "/outcomes.ods": edition_ods(tmp_path),
            "/history.csv": history_csv(tmp_path, running),
            LEICESTER: report_pdf("Leicester", date(2026, 9, 7), date(2026, 9, 18), "Jane Doe",
                                  {"leadership": GOOD, "help_and_protection": GOOD,
                                   "in_care": GOOD, "care_leavers": OUT}),
            NORTH_YORKS: report_pdf("North Yorkshire", date(2026, 9, 14), date(2026, 9, 18),
                                    "John Roe", {"leadership": OUT, "help_and_protection": GOOD,
                                                 "in_care": OUT, "care_leavers": GOOD}),
        }  # fmt: skip
        user = tmp_path / "user.db"
        user.write_bytes(base_db.read_bytes())
        monkeypatch.setenv("OFSTED_DB", str(user))
        monkeypatch.setenv("OFSTED_OUTCOMES_URL", running.url("/outcomes.ods"))
        monkeypatch.setenv("OFSTED_D2I_HISTORY_URL", running.url("/history.csv"))
        monkeypatch.setenv("OFSTED_D2I_OVERVIEW_URL", "")
        monkeypatch.setenv("OFSTED_HTTP_RETRIES", "0")
        monkeypatch.setenv("OFSTED_HTTP_TIMEOUT", "5")
        yield running


def user_db() -> Path:
    """The user database the tests point OFSTED_DB at."""
    import os

    return Path(os.environ["OFSTED_DB"])


def query(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows of a query on the user database."""
    with sqlite3.connect(user_db()) as conn:
        return conn.execute(sql, params).fetchall()


def digest() -> str:
    """The user database's content digest."""
    return hashlib.sha256(user_db().read_bytes()).hexdigest()


def test_new_reports_become_provisional_inspections(site: Site, cli: Any) -> None:
    """The two new reports are stored with their text, as provisional inspections graded
    from the PDFs; the index's misread grade is a disagreement; a second run fetches none."""
    result = cli("db", "update", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert sorted(data["new"]["inspections"]) == [LEICESTER_ID, DORSET_ID, NORTH_YORKS_ID]
    assert data["failed"] == [] and len(data["new"]["documents"]) == 2
    assert query(
        "SELECT id, type, start_date, end_date, published, overall, lead_inspector, "
        "provisional, source FROM inspections WHERE source = 'ofsted-reports' ORDER BY id"
    ) == [
        (LEICESTER_ID, "standard inspection", "2026-09-07", "2026-09-18", "2026-10-02", None,
         "Jane Doe", 1, "ofsted-reports"),
        (NORTH_YORKS_ID, "short inspection", "2026-09-14", "2026-09-18", "2026-10-16", None,
         "John Roe", 1, "ofsted-reports"),
    ]  # fmt: skip
    assert query(
        "SELECT area, grade, source FROM judgements WHERE inspection = ? ORDER BY area",
        LEICESTER_ID,
    ) == [
        ("care_leavers", OUT, "ofsted-reports"),
        ("help_and_protection", GOOD, "ofsted-reports"),
        ("in_care", GOOD, "ofsted-reports"),
        ("leadership", GOOD, "ofsted-reports"),  # the report's grade, not the index's RI
    ]
    assert query(
        "SELECT field, official, official_source, other, other_source FROM disagreements "
        "WHERE inspection = ?",
        LEICESTER_ID,
    ) == [("leadership", GOOD, "ofsted-reports", RI, "d2i-ilacs-history")]
    docs = query(
        "SELECT d.inspection, d.url, d.kind, instr(d.text, 'Inspection of Leicester') > 0, "
        "(SELECT count(*) FROM facts f WHERE f.document = d.id AND f.evidence != '') "
        "FROM documents d WHERE d.inspection = ?",
        LEICESTER_ID,
    )
    assert docs[0][:4] == (LEICESTER_ID, site.url(LEICESTER), "inspection_report", 1)
    assert docs[0][4] >= 8  # dates, inspector and each grade, with their evidence
    evidence = query(
        "SELECT f.evidence FROM facts f JOIN documents d ON d.id = f.document "
        "WHERE d.inspection = ? AND f.field = 'inspection.judgements.leadership'",
        LEICESTER_ID,
    )
    assert evidence and "Good" in evidence[0][0]
    # The user sees it: show lists it as provisional, with the report's grades.
    shown = cli("show", "leicester", "--json").json()
    newest = next(i for i in shown["inspections"] if i["id"] == LEICESTER_ID)
    assert newest["provisional"] is True and newest["judgements"]["leadership"] == GOOD
    found = cli("search", "Leicester", "--json").json()
    assert any(r["id"] == data["new"]["documents"][0] for r in found)

    before = list(site.log)
    again = cli("db", "update", "--json")
    assert again.code == 0, again.stderr
    second = again.json()
    assert second["new"] == {"inspections": [], "documents": []} and second["changed"] == []
    asked = site.log[len(before) :]
    assert sorted(path for _, path, _ in asked) == ["/history.csv", "/outcomes.ods"]
    assert all(status == 304 for _, _, status in asked) and second["received"] == 0
    assert site.asked(LEICESTER) == [200] and site.asked(NORTH_YORKS) == [200]
    table = cli("db", "update")
    assert "Nothing new" in table.stdout, table.stdout


def test_dry_run_says_what_would_change(site: Site, cli: Any) -> None:
    """--dry-run lists the reports it would fetch and stores nothing, downloading no report."""
    before = digest()
    result = cli("db", "update", "--dry-run", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert [p["url"] for p in data["pending"]] == [site.url(LEICESTER), site.url(NORTH_YORKS)]
    assert data["edition"]["new"] == [DORSET_ID] and data["edition"]["dry_run"] is True
    assert digest() == before
    assert site.asked(LEICESTER) == [] and site.asked(NORTH_YORKS) == []
    table = cli("db", "update", "--dry-run")
    assert "would fetch" in table.stdout and "dry run" in table.stdout


def _cut(site: Site) -> None:
    site.files[LEICESTER] = site.files[LEICESTER][: len(site.files[LEICESTER]) // 2]


def _html(site: Site) -> None:
    site.files[LEICESTER] = b"<!DOCTYPE html><html><body>Sign in</body></html>"


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("404", "HTTP 404"),
        ("500", "HTTP 500"),
        ("slow", "timed out"),
        ("truncated", "truncated: 11,"),
        (_cut, "truncated PDF"),
        (_html, "not a PDF (an HTML page)"),
    ],
    ids=["404", "500", "slow", "truncated-transfer", "cut-pdf", "html"],
)
def test_a_failed_report_is_one_line_and_the_rest_is_kept(
    site: Site, cli: Any, monkeypatch: pytest.MonkeyPatch, fault: Any, words: str
) -> None:
    """One report failing: one line naming it and why, exit 1; the other report and the
    edition are stored whole, the failed one not at all; a later run completes."""
    if callable(fault):
        fault(site)
    else:
        site.faults[LEICESTER] = fault
    monkeypatch.setenv("OFSTED_HTTP_TIMEOUT", "0.5")
    site.delay = 2.0
    result = cli("db", "update", "--json")
    assert result.code == EXIT_ERROR
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and site.url(LEICESTER) in lines[0] and words in lines[0], lines
    data = result.json()
    assert [f["url"] for f in data["failed"]] == [site.url(LEICESTER)]
    assert sorted(data["new"]["inspections"]) == [DORSET_ID, NORTH_YORKS_ID]
    assert query("PRAGMA integrity_check") == [("ok",)]
    assert query("SELECT count(*) FROM inspections WHERE id = ?", LEICESTER_ID) == [(0,)]
    assert query("SELECT count(*) FROM documents WHERE url = ?", site.url(LEICESTER)) == [(0,)]
    assert query("SELECT count(*) FROM documents WHERE url = ?", site.url(NORTH_YORKS)) == [(1,)]
    # The server mended: the next run stores the report and nothing twice.
    site.faults.clear()
    site.files[LEICESTER] = report_pdf(
        "Leicester", date(2026, 9, 7), date(2026, 9, 18), "Jane Doe",
        {"leadership": GOOD, "help_and_protection": GOOD, "in_care": GOOD, "care_leavers": OUT},
    )  # fmt: skip
    mended = cli("db", "update", "--json")
    assert mended.code == 0, mended.stderr
    assert mended.json()["new"]["inspections"] == [LEICESTER_ID]
    assert query("SELECT count(*) FROM documents WHERE url LIKE 'http://127.0.0.1%'") == [(2,)]


def test_server_down_changes_nothing(site: Site, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing listening: one line per place naming it, exit 1, the database untouched."""
    port = closed_port()
    monkeypatch.setenv("OFSTED_OUTCOMES_URL", f"http://127.0.0.1:{port}/outcomes.ods")
    monkeypatch.setenv("OFSTED_D2I_HISTORY_URL", f"http://127.0.0.1:{port}/history.csv")
    before = digest()
    result = cli("db", "update")
    assert result.code == EXIT_ERROR
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all("connection refused" in line for line in lines), lines
    assert "Ofsted outcomes edition" in lines[0] and "D2I report index" in lines[1]
    assert digest() == before
    url = cli("db", "update", f"http://127.0.0.1:{port}/outcomes.ods", "--json")
    assert url.code == EXIT_ERROR and url.json()["error"] == "bad_source"
    assert url.stderr.count("\n") == 1 and "connection refused" in url.stderr


def test_changed_index_layout(site: Site, cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """An index without its link column: a one-line error naming the columns, nothing stored."""
    monkeypatch.setenv("OFSTED_OUTCOMES_URL", "")
    site.files["/history.csv"] = history_csv(tmp_path, site, drop="inspection_link")
    before = digest()
    result = cli("db", "update")
    assert result.code == EXIT_ERROR
    assert result.stderr.count("\n") == 1 and "missing columns ['inspection_link']" in result.stderr
    assert digest() == before


def test_retry_after_a_passing_failure(site: Site, cli: Any, monkeypatch: Any) -> None:
    """A 500 that passes is retried (after a backoff) and the run succeeds."""
    monkeypatch.setenv("OFSTED_HTTP_RETRIES", "1")
    site.faults[NORTH_YORKS] = "flaky"
    result = cli("db", "update", "--json")
    assert result.code == 0, result.stderr
    assert site.asked(NORTH_YORKS) == [500, 200]
    assert NORTH_YORKS_ID in result.json()["new"]["inspections"]


def test_edition_url_argument(site: Site, cli: Any) -> None:
    """``db update URL`` loads that edition only, downloaded from the URL."""
    result = cli("db", "update", site.url("/outcomes.ods"), "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["new"]["inspections"] == [DORSET_ID] and data["reports"] == []
    assert data["edition"]["official"] is False
    assert query("SELECT url FROM sources WHERE id LIKE 'user-%'") == [(site.url("/outcomes.ods"),)]
    assert site.asked(LEICESTER) == []


@pytest.mark.skipif(
    not (SHARED_D2I / "ofsted_csc_ilacs_overview.xlsx").is_file(),
    reason="../shared/sources/d2i (D2I's real overview workbook) is absent",
)
def test_real_overview_workbook_is_read_as_an_index(tmp_path: Path) -> None:
    """D2I's daily overview workbook gives one report link per authority, read like the CSV."""
    from ofstedcli.build.fetch import Fetched
    from ofstedcli.build.online import _read_index

    path = tmp_path / "overview.xlsx"
    path.write_bytes((SHARED_D2I / "ofsted_csc_ilacs_overview.xlsx").read_bytes())
    got = Fetched("https://example.test/overview.xlsx", path, "new", 0, "", True)
    found = _read_index(got, "overview", got.url)
    assert len(found) > 140
    assert all(
        o.report_url and o.report_url.startswith("https://files.ofsted.gov.uk/") for o in found
    )
    assert all(o.published and o.published >= "2018-01-01" for o in found)


REAL_REPORTS = SHARED_D2I.parents[1] / "reports" / "dev"
#: Real reports from ../shared/reports/dev, by Ofsted URN and publication date.
REAL = (("80462", "2025-03-18"), ("80481", "2025-08-12"), ("80510", "2025-08-27"),
        ("80554", "2026-01-12"), ("80539", "2026-08-18"))  # fmt: skip


@pytest.mark.skipif(
    not REAL_REPORTS.is_dir() or not BUNDLED_PATH.is_file(),
    reason="../shared/reports/dev (real Ofsted reports) or the bundled database is absent",
)
def test_real_reports_give_back_the_official_grades(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five real reports whose inspections are taken out of a copy of the bundled database
    come back, from the PDFs alone, as the same inspections with the same grades."""
    user = tmp_path / "user.db"
    user.write_bytes(BUNDLED_PATH.read_bytes())
    files: dict[str, bytes] = {}
    rows: list[dict[str, Any]] = []
    expected: dict[str, tuple[Any, ...]] = {}
    with sqlite3.connect(user) as conn, serve(Site()) as site:
        for urn, published in REAL:
            day = date.fromisoformat(published).strftime("%d_%B_%Y").lower()
            (pdf,) = [p for p in REAL_REPORTS.glob(f"{urn}_*.pdf") if day in p.name]
            ident, la, kind, lead, start, end, overall = conn.execute(
                "SELECT i.id, a.name, i.type, i.lead_inspector, i.start_date, i.end_date, "
                "i.overall FROM inspections i JOIN authorities a ON a.ons_code = i.authority "
                "WHERE a.ofsted_urn = ? AND i.published = ? AND i.framework = 'ILACS' "
                "AND i.type LIKE '%inspection'",
                (urn, published),
            ).fetchone()
            grades = dict(conn.execute(
                "SELECT area, grade FROM judgements WHERE inspection = ?", (ident,)
            ).fetchall())  # fmt: skip
            expected[ident] = (overall, grades)
            for sql in ("DELETE FROM facts WHERE document IN "
                        "(SELECT id FROM documents WHERE inspection = ?)",
                        "DELETE FROM documents WHERE inspection = ?",
                        "DELETE FROM disagreements WHERE inspection = ?",
                        "DELETE FROM judgements WHERE inspection = ?",
                        "DELETE FROM inspections WHERE id = ?"):  # fmt: skip
                conn.execute(sql, (ident,))
            path = f"/real/{urn}.pdf"
            files[path] = pdf.read_bytes()
            d = date.fromisoformat
            rows.append(index_row(
                urn, la.lower(), site.url(path), d(published).strftime("%d/%m/%y"),
                kind.split()[0], lead or "", d(start).strftime("%d/%m/%Y") if start else "",
                d(end).strftime("%d/%m/%Y") if end else "",
                ("data_unreadable",) * 4,
            ))  # fmt: skip
        conn.execute("UPDATE meta SET value = '2024-12-31' "
                     "WHERE key = 'newest_official_publication'")  # fmt: skip
        conn.commit()
        site.files = {**files, "/history.csv": src.write_csv(tmp_path / "h.csv", rows).read_bytes()}
        monkeypatch.setenv("OFSTED_DB", str(user))
        monkeypatch.setenv("OFSTED_OUTCOMES_URL", "")
        monkeypatch.setenv("OFSTED_D2I_OVERVIEW_URL", "")
        monkeypatch.setenv("OFSTED_D2I_HISTORY_URL", site.url("/history.csv"))
        result = cli("db", "update", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert sorted(data["new"]["inspections"]) == sorted(expected)
    for ident, (overall, grades) in expected.items():
        got = query("SELECT overall, provisional FROM inspections WHERE id = ?", ident)
        assert got == [(overall, 1)], ident
        read = dict(query("SELECT area, grade FROM judgements WHERE inspection = ?", ident))
        assert read == grades, ident


def test_two_updates_at_once_store_each_report_once(site: Site) -> None:
    """Two `ofsted db update` processes at once, 5 times over: both succeed, and each report
    is stored once, with one inspection."""
    import os
    import subprocess
    import sys

    base = user_db().read_bytes()
    for attempt in range(5):
        user_db().write_bytes(base)
        env = dict(os.environ, OFSTED_CACHE=str(user_db().parent / f"cache-{attempt}"))
        command = [sys.executable, "-m", "ofstedcli", "db", "update", "--json"]
        runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, (attempt, err)
        assert query("SELECT count(*) FROM documents WHERE url LIKE 'http://127.0.0.1%'") == [
            (2,)
        ], attempt
        assert query(
            "SELECT count(*) FROM inspections WHERE id IN (?, ?, ?)",
            LEICESTER_ID, NORTH_YORKS_ID, DORSET_ID,
        ) == [(3,)], attempt  # fmt: skip
        assert query("SELECT count(*) FROM disagreements WHERE inspection = ?", LEICESTER_ID) == [
            (1,)
        ], attempt


def test_progress_bar_on_a_terminal(site: Site, tmp_path: Path) -> None:
    """A long download on a terminal draws a bar on stderr (and the update still succeeds);
    piped, stderr stays empty."""
    import os
    import pty
    import subprocess
    import sys

    rows = [*src.history_rows()] * 6000  # about 2 MB of reports held already
    site.files["/history.csv"] = src.write_csv(tmp_path / "big.csv", rows).read_bytes()
    assert len(site.files["/history.csv"]) > 1_500_000
    site.faults["/history.csv"] = "trickle"
    command = [sys.executable, "-m", "ofstedcli", "db", "update"]
    env = dict(os.environ, OFSTED_OUTCOMES_URL="", COLUMNS="80")
    main, child = pty.openpty()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=child, env=env,
                              timeout=120, check=False)  # fmt: skip
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other end is closed and all is read
                break
            if not chunk:
                break
            chunks.append(chunk)
        drawn = b"".join(chunks).decode(errors="replace")
    finally:
        os.close(main)
    assert done.returncode == 0
    assert "downloading" in drawn and "Traceback" not in drawn
    piped = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                           check=False)  # fmt: skip
    assert piped.returncode == 0 and piped.stderr == ""


def test_report_links_only_to_ofsted_or_the_index_host(
    site: Site, cli: Any, tmp_path: Path
) -> None:
    """A link to another host is not fetched: one line naming it; the others are stored."""
    rows = [
        *src.history_rows(),
        index_row("80482", "leicester", "http://localhost:9/elsewhere.pdf", "02/10/26",
                  "standard", "Jane Doe", "07/09/2026", "18/09/2026", ("good",) * 4),
        index_row("80530", "north yorkshire", site.url(NORTH_YORKS), "16/10/26", "short",
                  "John Roe", "14/09/2026", "18/09/2026", ("outstanding", "good", "outstanding",
                  "good")),
    ]  # fmt: skip
    site.files["/history.csv"] = src.write_csv(tmp_path / "h.csv", rows).read_bytes()
    result = cli("db", "update", "--json")
    assert result.code == EXIT_ERROR
    assert result.stderr.count("\n") == 1 and "localhost is neither files.ofsted.gov.uk" in (
        result.stderr
    )
    assert NORTH_YORKS_ID in result.json()["new"]["inspections"]
