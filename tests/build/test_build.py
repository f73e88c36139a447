"""Building from tiny sources the tests write in the official layouts."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import schema
from ofstedcli.build import build_database, verify
from ofstedcli.build.writer import dump
from ofstedcli.errors import BadSource, DatabaseError
from tests.build import sources as src
from tests.build.sources import GOOD, INAD, OUT, RI

GOLDEN = Path(__file__).parent / "golden.json"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A tiny sources directory."""
    return src.write_sources(tmp_path / "sources")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built once from the tiny sources (tests must not change it)."""
    root = tmp_path_factory.mktemp("build")
    build_database(src.write_sources(root / "sources"), root / "out.db")
    return root / "out.db"


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """The rows of a query."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def content(db: Path) -> dict[str, list[list[Any]]]:
    """A JSON-ready dump of every table."""
    with sqlite3.connect(db) as conn:
        return {t: [list(r) for r in rs] for t, rs in dump(conn).items()}


def test_golden_content(built: Path) -> None:
    """The whole content of the tiny build is as recorded (OFSTED_UPDATE_GOLDEN=1 rewrites)."""
    got = content(built)
    if os.environ.get("OFSTED_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(GOLDEN.read_text())


def test_report_counts(tmp_path: Path, sources: Path) -> None:
    """The report counts events by framework and type, authorities and disagreements."""
    report = build_database(sources, tmp_path / "out.db")
    assert report.counts == {
        ("SLAC", "inspection"): 5,
        ("SLAC", "re-inspection"): 1,
        ("CPI", "inspection"): 1,
        ("SIF", "inspection"): 5,
        ("SIF", "re-inspection"): 1,
        ("ILACS", "standard inspection"): 6,
        ("ILACS", "short inspection"): 2,
        ("ILACS", "focused visit"): 2,
        ("ILACS", "monitoring visit"): 1,
    }
    assert (report.authorities_current, report.authorities_former) == (5, 2)
    assert report.provisional == 1
    assert len(report.disagreements) == 3
    assert report.size == (tmp_path / "out.db").stat().st_size
    assert report.rows_read["ofsted/underlying_2023.ods: LA_inspections_2009-2023"] == 7
    assert json.dumps(report.to_json())


def test_authorities_codes_and_successions(built: Path) -> None:
    """Recoded councils are one authority; successions come from the DfE years."""
    assert rows(built, "SELECT ons_code, status FROM authorities WHERE dfe_code = '815'") == [
        ("E06000065", "current")
    ]
    aliases = rows(built, "SELECT alias, authority FROM aliases WHERE kind = 'code'")
    assert sorted(aliases) == [("E08000038", "E08000016"), ("E10000023", "E06000065")]
    assert rows(built, "SELECT * FROM successions ORDER BY 1, 2") == [
        ("E06000028", "E06000058", "2019-04-01", "dfe-children-in-need"),
        ("E10000009", "E06000058", "2019-04-01", "dfe-children-in-need"),
        ("E10000009", "E06000059", "2019-04-01", "dfe-children-in-need"),
    ]
    assert rows(built, "SELECT alias FROM aliases WHERE authority = 'E06000058' ORDER BY 1") == [
        ("BCP",),
        ("Bournemouth, Christchurch & Poole",),
        ("bcpcouncil",),
    ]
    # neighbours come from DfE's models (tests/build/test_record.py), not the lookup's list
    assert rows(built, "SELECT count(*) FROM neighbours") == [(0,)]


def test_dorset_split_by_date(built: Path) -> None:
    """ "Dorset" before April 2019 is the old county, after it the new authority."""
    got = rows(
        built,
        "SELECT authority, framework, published FROM inspections "
        "WHERE authority IN ('E10000009', 'E06000059') ORDER BY published",
    )
    assert got == [
        ("E10000009", "SLAC", "2011-10-28"),
        ("E10000009", "SIF", "2016-05-23"),
        ("E06000059", "ILACS", "2021-11-19"),
    ]


def test_leicester_history(built: Path) -> None:
    """Dates, grades, wording and D2I additions of one authority's inspections."""
    got = rows(
        built,
        "SELECT id, type, start_date, end_date, published, overall, lead_inspector,"
        " report_url, provisional FROM inspections WHERE authority = 'E06000016'"
        " ORDER BY COALESCE(start_date, published)",
    )
    assert got == [
        (
            "E06000016-slac-inspection-2012-01-25",
            "inspection",
            None,
            None,
            "2012-01-25",
            None,
            None,
            None,
            0,
        ),
        (
            "E06000016-sif-inspection-2015-03-20",
            "inspection",
            None,
            None,
            "2015-03-20",
            INAD,
            None,
            "https://example.test/r/0",
            0,
        ),
        (
            "E06000016-sif-re-inspection-2017-09-04",
            "re-inspection",
            None,
            None,
            "2017-09-04",
            RI,
            None,
            None,
            0,
        ),
        (
            "E06000016-ilacs-standard-inspection-2021-11-12",
            "standard inspection",
            "2021-09-20",
            "2021-10-01",
            "2021-11-12",
            GOOD,
            "A Lead",
            "https://example.test/r/1",
            0,
        ),
        (
            "E06000016-ilacs-focused-visit-2022-06-01",
            "focused visit",
            "2022-06-01",
            None,
            None,
            None,
            None,
            None,
            0,
        ),
        (
            "E06000016-ilacs-short-inspection-2025-01-29",
            "short inspection",
            "2024-09-23",
            "2024-09-27",
            "2025-01-29",
            RI,
            "B Lead",
            "https://example.test/r/2",
            0,
        ),
    ]
    judgements = rows(
        built,
        "SELECT inspection, area, grade, wording FROM judgements "
        "WHERE inspection LIKE 'E06000016-s%' ORDER BY 1, 2",
    )
    assert judgements == [
        (
            "E06000016-sif-inspection-2015-03-20",
            "help_and_protection",
            INAD,
            "Children who need help and protection",
        ),
        (
            "E06000016-sif-inspection-2015-03-20",
            "leadership",
            INAD,
            "Leadership, management and governance",
        ),
        ("E06000016-sif-inspection-2015-03-20", "lscb", INAD, "LSCB overall effectiveness"),
        (
            "E06000016-sif-re-inspection-2017-09-04",
            "leadership",
            GOOD,
            "Leadership, management and governance",
        ),
        (
            "E06000016-slac-inspection-2012-01-25",
            "looked_after",
            GOOD,
            "Looked after children overall effectiveness",
        ),
        (
            "E06000016-slac-inspection-2012-01-25",
            "safeguarding",
            RI,
            "Safeguarding overall effectiveness",
        ),
    ]
    assert rows(
        built,
        "SELECT theme FROM inspections WHERE type = 'focused visit' AND authority = 'E06000016'",
    ) == [("Front door",)]


def test_official_wins_and_disagreements_listed(built: Path) -> None:
    """A D2I grade that differs is listed, the official one kept; unknown reports listed."""
    assert rows(
        built,
        "SELECT grade, source FROM judgements WHERE inspection = "
        "'E06000016-ilacs-short-inspection-2025-01-29' AND area = 'leadership'",
    ) == [(RI, "ofsted-2025-09-25")]
    got = rows(
        built,
        "SELECT inspection, authority, field, official, official_source, other,"
        " other_source FROM disagreements ORDER BY id",
    )
    assert got == [
        (
            "E06000016-ilacs-short-inspection-2025-01-29",
            "E06000016",
            "leadership",
            RI,
            "ofsted-2025-09-25",
            GOOD,
            "d2i-ilacs-history",
        ),
        (
            "E06000016-sif-inspection-2015-03-20",
            "E06000016",
            "published",
            "2015-03-20",
            "ofsted-2023-07-06",
            "2015-03-21",
            "d2i-ilacs-history",
        ),
        (
            None,
            "E06000058",
            "inspection",
            None,
            None,
            "ILACS published 2024-03-01",
            "d2i-ilacs-history",
        ),
    ]


def test_provisional_after_newest_edition(built: Path) -> None:
    """A D2I inspection after the newest edition is added, provisional, with no overall."""
    got = rows(
        built, "SELECT id, overall, provisional, source FROM inspections WHERE provisional = 1"
    )
    assert got == [("E08000016-ilacs-standard-inspection-2026-07-07", None, 1, "d2i-ilacs-history")]
    assert rows(
        built, "SELECT area, grade, source FROM judgements WHERE inspection = ?", got[0][0]
    ) == [("care_leavers", GOOD, "d2i-ilacs-history"), ("leadership", OUT, "d2i-ilacs-history")]


def test_documents_sources_and_meta(built: Path) -> None:
    """Report documents, source credits and meta rows."""
    docs = rows(
        built, "SELECT id, kind, date, url, inspection, source, text FROM documents ORDER BY url"
    )
    assert len(docs) == 4
    assert next(d for d in docs if d[3] == "https://example.test/r/2") == (
        hashlib.sha256(b"https://example.test/r/2").hexdigest()[:12],
        "inspection_report",
        "2025-01-29",
        "https://example.test/r/2",
        "E06000016-ilacs-short-inspection-2025-01-29",
        "d2i-ilacs-history",
        None,
    )
    credits = rows(built, "SELECT id, publisher, published, licence, file FROM sources ORDER BY id")
    assert [c[0] for c in credits] == [
        "d2i-ilacs-history",
        "d2i-provider-lookup",
        "dfe-children-in-need",
        "ofsted-2023-07-06",
        "ofsted-2025-09-25",
    ]
    assert {c[3] for c in credits} == {"MIT", "Open Government Licence v3.0"}
    assert dict(rows(built, "SELECT key, value FROM meta")) == {
        "newest_official_as_at": "2025-03-31",
        "newest_official_edition": "2025-09-25",
        "newest_official_publication": "2025-06-30",
        "newest_publication": "2026-07-07",
        "schema_version": schema.MIGRATIONS[-1][0],
    }


def test_two_builds_identical(tmp_path: Path, sources: Path) -> None:
    """Two builds from the same sources hold the same rows and ids."""
    build_database(sources, tmp_path / "a.db")
    build_database(sources, tmp_path / "b.db")
    assert content(tmp_path / "a.db") == content(tmp_path / "b.db")


def _drop_dfe(root: Path) -> None:
    (root / "dfe" / "children_in_need.csv").unlink()


def _rename_sheet(root: Path) -> None:
    sheets = src.outcomes_2025()
    sheets["ILACS_history_renamed"] = sheets.pop("ILACS_inspection_history")
    src.write_ods(root / "ofsted" / "outcomes_2025.ods", sheets)


def _edit_cell(root: Path, edition: str, sheet: str, row: int, column: int, value: str) -> None:
    """Rewrite one cell of one sheet of a tiny edition."""
    sheets = src.underlying_2023() if edition == "underlying_2023" else src.outcomes_2025()
    rows = [list(r) for r in sheets[sheet]]
    rows[row][column] = value
    sheets[sheet] = rows
    src.write_ods(root / "ofsted" / f"{edition}.ods", sheets)


def _unknown_grade(root: Path) -> None:
    # BCP's first ILACS overall effectiveness
    _edit_cell(root, "underlying_2023", "LA_inspections_2009-2023", 4, 21, "Splendid")


def _unknown_column(root: Path) -> None:
    _edit_cell(root, "outcomes_2025", "ILACS_inspection_history", 1, 9, "Something else entirely")


def _unknown_name(root: Path) -> None:
    _edit_cell(root, "underlying_2023", "LA_inspections_2009-2023", 3, 1, "Atlantis")


def _bad_date(root: Path) -> None:
    history = src.history_rows()
    history[0]["publication_date"] = "31/02/21"
    src.write_csv(root / "d2i" / "history.csv", history)


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (_drop_dfe, ["expected one file of a DfE children-in-need CSV"]),
        (_rename_sheet, ["outcomes_2025.ods", "ILACS_inspection_history"]),
        (
            _unknown_grade,
            ["underlying_2023.ods", "'LA_inspections_2009-2023'", "row 5", "'Splendid'"],
        ),
        (
            _unknown_column,
            ["outcomes_2025.ods", "'ILACS_inspection_history'", "row 2", "Something else entirely"],
        ),
        (_bad_date, ["history.csv", "row 2", "'31/02/21'"]),
        (_unknown_name, ["underlying_2023.ods", "row 4", "'Atlantis'"]),
    ],
)
def test_bad_sources_write_nothing(
    tmp_path: Path, sources: Path, spoil: Callable[[Path], None], expected: list[str]
) -> None:
    """A missing file, renamed sheet, unknown grade ... names the place and writes nothing."""
    out = tmp_path / "out.db"
    out.write_bytes(b"the old database")
    spoil(sources)
    with pytest.raises(BadSource) as caught:
        build_database(sources, out)
    for words in expected:
        assert words in caught.value.message
    assert out.read_bytes() == b"the old database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db", "sources"]


def test_missing_sources_directory(tmp_path: Path) -> None:
    """A sources directory that does not exist is a BadSource."""
    with pytest.raises(BadSource, match="sources directory not found"):
        build_database(tmp_path / "nowhere", tmp_path / "out.db")
    assert not (tmp_path / "out.db").exists()


def test_verify(tmp_path: Path, sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify passes a fresh build and names the table of a changed one."""
    out = tmp_path / "out.db"
    build_database(sources, out)
    assert verify.main([str(sources), str(out)]) == 0
    with sqlite3.connect(out) as conn:
        conn.execute("UPDATE inspections SET overall = 'Good' WHERE overall = 'Inadequate'")
    assert verify.main([str(sources), str(out)]) == 1
    assert "verify: inspections: 2 rows missing" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, sources: Path) -> None:
    """An output that cannot be replaced is a DatabaseError and leaves no temporary file."""
    out = tmp_path / "out.db"
    out.mkdir()
    with pytest.raises(DatabaseError, match="cannot write the database"):
        build_database(sources, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db", "sources"]
