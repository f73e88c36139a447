"""Loading an outcomes edition into the user database (``ofsted db update``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.build import build_database
from ofstedcli.build.report import UpdateReport
from ofstedcli.build.update import file_sha256, update_database
from ofstedcli.errors import BadSource, DatabaseError
from tests.build import sources as src
from tests.build.sources import GOOD, OUT, RI, W, d

LEICESTER_2025 = "E06000016-ilacs-short-inspection-2025-01-29"
BARNSLEY_2026 = "E08000016-ilacs-standard-inspection-2026-07-07"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the tiny sources, standing in for the bundled one."""
    root = tmp_path_factory.mktemp("bundled")
    build_database(src.write_sources(root / "sources"), root / "inspections.db")
    return root / "inspections.db"


def newer_edition() -> dict[str, src.Sheet]:
    """A 2027 edition in the 2025 layout: one correction, one confirmation, one new report."""
    sheets = src.outcomes_2025()
    sheets["Cover"] = src.cover(
        "Local authority inspection outcomes as at 31 March 2027 (test)",
        "Local authority inspection outcomes",
        "2026-09-24",
        "Inspections as at 31 March 2027, with a report published by 30 June 2027",
    )
    header = src.HISTORY_2025_HEADER
    sheets["ILACS_inspection_history"] = [
        ["ILACS history (test)"],
        header,
        [W, "E06000016", "Leicester", "Current", "East Midlands", d("2024-09-23"),
         d("2025-01-29"), "ILACS Short Inspection", RI, GOOD, RI],
        [W, "E08000016", "Barnsley", "Current", "North East", d("2026-05-11"), d("2026-07-07"),
         "ILACS Standard Inspection", "", OUT, GOOD],
        [W, "E06000059", "Dorset", "Current", "South West", d("2026-10-05"), d("2026-11-20"),
         "ILACS Standard Inspection", GOOD, GOOD, GOOD],
    ]  # fmt: skip
    for name in ("Inspections_as_at_31_March", "In-year_inspections"):
        sheets[name] = list(sheets[name])[:2]
    return sheets


#: "Today" for loading the test editions (the newest claims publication in September 2027).
TODAY = "2027-12-31"


def load(edition: Path, user: Path, bundled: Path | None, **options: Any) -> UpdateReport:
    """Load a test edition as a known published file (the tests' own files stand for them)."""
    known = (
        {file_sha256(edition): ("test", None, edition.stat().st_size)} if edition.is_file() else {}
    )
    return update_database(edition, user, bundled, known=known, today=TODAY, **options)


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """The rows of a query."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_older_edition_adds_what_is_missing(tmp_path: Path, bundled: Path) -> None:
    """A 2024-layout edition adds the inspections the bundled data lacks, changes nothing."""
    before = bundled.read_bytes()
    edition = src.write_ods(tmp_path / "outcomes_2024.ods", src.outcomes_2024())
    user = tmp_path / "home" / "user.db"
    report = load(edition, user, bundled)
    assert report.new == [
        "E06000016-ilacs-monitoring-visit-2023-05-02",
        "E08000016-ilacs-short-inspection-2023-10-27",
    ]
    assert report.changed == []
    assert report.unchanged == 3
    assert report.source == "ofsted-2024-08-30"
    assert rows(user, "SELECT id, start_date, published, overall, source FROM inspections") == [
        ("E06000016-ilacs-monitoring-visit-2023-05-02", "2023-05-02", None, None,
         "ofsted-2024-08-30"),
        ("E08000016-ilacs-short-inspection-2023-10-27", "2023-09-11", "2023-10-27", GOOD,
         "ofsted-2024-08-30"),
    ]  # fmt: skip
    assert rows(user, "SELECT area, grade FROM judgements") == [("leadership", OUT)]
    assert [k for (k,) in rows(user, "SELECT key FROM meta")] == [
        f"loaded_edition:{file_sha256(edition)}"
    ]  # not newer than the data held: the newest official edition is unchanged
    assert bundled.read_bytes() == before


def test_newer_edition_corrects_confirms_and_adds(tmp_path: Path, bundled: Path) -> None:
    """A newer edition's values win; a provisional inspection becomes official."""
    edition = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    user = tmp_path / "user.db"
    report = load(edition, user, bundled)
    assert report.new == ["E06000059-ilacs-standard-inspection-2026-11-20"]
    assert [c.to_json() for c in report.changed] == [
        {"inspection": LEICESTER_2025, "field": "leadership", "old": RI, "new": GOOD},
        {"inspection": BARNSLEY_2026, "field": "provisional", "old": "1", "new": "0"},
    ]
    got = rows(user, "SELECT id, provisional, source, report_url FROM inspections ORDER BY id")
    assert got == [
        (LEICESTER_2025, 0, "ofsted-2026-09-24", "https://example.test/r/2"),
        ("E06000059-ilacs-standard-inspection-2026-11-20", 0, "ofsted-2026-09-24", None),
        (BARNSLEY_2026, 0, "ofsted-2026-09-24", "https://example.test/r/3"),
    ]
    assert rows(
        user, "SELECT grade, source FROM judgements WHERE inspection = ? AND area = ?",
        LEICESTER_2025, "leadership",
    ) == [(GOOD, "ofsted-2026-09-24")]  # fmt: skip
    assert dict(rows(user, "SELECT key, value FROM meta"))["newest_official_edition"] == (
        "2026-09-24"
    )
    again = load(edition, user, bundled)
    assert (again.new, again.changed) == ([], [])
    assert again.unchanged == 3


def test_held_user_rows_count(tmp_path: Path, bundled: Path) -> None:
    """A second edition sees what the first added to the user database."""
    user = tmp_path / "user.db"
    older = src.write_ods(tmp_path / "outcomes_2024.ods", src.outcomes_2024())
    load(older, user, bundled)
    newer = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    report = load(newer, user, bundled)
    assert report.new == ["E06000059-ilacs-standard-inspection-2026-11-20"]
    assert len(rows(user, "SELECT id FROM inspections")) == 5


def _spoiled_grade(path: Path) -> Path:
    sheets = newer_edition()
    history = [list(r) for r in sheets["ILACS_inspection_history"]]
    history[3][8] = "Superb"
    sheets["ILACS_inspection_history"] = history
    return src.write_ods(path, sheets)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p, ["edition.ods", "file not found"]),
        (lambda p: src.write_ods(p, src.underlying_2023()), ["underlying-2023 layout"]),
        (_spoiled_grade, ["'ILACS_inspection_history'", "row 4", "'Superb'"]),
        (lambda p: (p.write_text("not a spreadsheet"), p)[1], ["cannot be read"]),
    ],
)
def test_bad_editions_write_nothing(
    tmp_path: Path, bundled: Path, make: Any, expected: list[str]
) -> None:
    """Missing file, wrong layout, unknown grade: BadSource naming the place, no user database."""
    edition = make(tmp_path / "edition.ods")
    user = tmp_path / "user.db"
    with pytest.raises(BadSource) as caught:
        load(edition, user, bundled)
    for words in expected:
        assert words in caught.value.message
    assert not user.exists()


def test_no_database_to_load_against(tmp_path: Path) -> None:
    """Without the bundled database nor a user one, nothing can be resolved: DatabaseError."""
    edition = src.write_ods(tmp_path / "outcomes_2024.ods", src.outcomes_2024())
    user = tmp_path / "user.db"
    with pytest.raises(DatabaseError, match="no database with the authorities"):
        load(edition, user, None)
    assert not user.exists()


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, bundled: Path) -> None:
    """--dry-run gives the same report as a real load and creates no user database."""
    edition = src.write_ods(tmp_path / "outcomes_2027.ods", newer_edition())
    user = tmp_path / "home" / "user.db"
    dry = load(edition, user, bundled, dry_run=True)
    assert dry.dry_run and not user.exists()
    real = load(edition, user, bundled)
    assert (dry.new, dry.changed) == (real.new, real.changed) and real.new
    before = user.read_bytes()
    again = load(edition, user, bundled, dry_run=True)
    assert user.read_bytes() == before and again.new == []
