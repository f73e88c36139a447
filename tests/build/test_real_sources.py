"""The build from the real official files in ../shared/sources (skipped when absent)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.build import BuildReport, build_database
from ofstedcli.build.pipeline import Loaded, load
from ofstedcli.build.verify import differences
from ofstedcli.model import GOOD, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / ".." / "shared" / "sources"
BUNDLED = REPO / "ofstedcli" / "data" / "inspections.db"

pytestmark = pytest.mark.skipif(
    not SOURCES.is_dir(), reason="../shared/sources (the official files) is not present"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """A database freshly built from the real sources."""
    out = tmp_path_factory.mktemp("real") / "inspections.db"
    return out, build_database(SOURCES, out)


@pytest.fixture(scope="module")
def conn(fresh: tuple[Path, BuildReport]) -> Iterator[sqlite3.Connection]:
    """A connection to the fresh database."""
    connection = sqlite3.connect(fresh[0])
    yield connection
    connection.close()


def inspections(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """An authority's inspections (not visits), oldest first, with their judgements."""
    conn.row_factory = sqlite3.Row
    try:
        found = []
        for row in conn.execute(
            "SELECT * FROM inspections WHERE authority = ? AND type NOT LIKE '%visit' "
            "ORDER BY COALESCE(start_date, published)",
            (code,),
        ):
            item = dict(row)
            item["judgements"] = dict(
                conn.execute(
                    "SELECT area, grade FROM judgements WHERE inspection = ?", (row["id"],)
                ).fetchall()
            )
            found.append(item)
        return found
    finally:
        conn.row_factory = None


def pick(found: list[dict[str, Any]], framework: str, **where: Any) -> dict[str, Any]:
    """The one inspection of a framework whose fields have the given values."""
    match = [
        i for i in found if i["framework"] == framework and all(i[k] == v for k, v in where.items())
    ]
    assert len(match) == 1, (framework, where, found)
    return match[0]


def test_leicester(conn: sqlite3.Connection) -> None:
    """Leicester's history, as the issue checks it."""
    assert conn.execute(
        "SELECT dfe_code, status FROM authorities WHERE ons_code = 'E06000016'"
    ).fetchone() == ("856", "current")
    found = inspections(conn, "E06000016")
    assert pick(found, "SLAC")["published"].startswith("2012")
    assert pick(found, "SIF", type="inspection", published="2015-03-20")["overall"] == INADEQUATE
    re = pick(found, "SIF", type="re-inspection", published="2017-09-04")
    assert (re["overall"], re["judgements"]["leadership"]) == (REQUIRES_IMPROVEMENT, GOOD)
    standard = pick(found, "ILACS", type="standard inspection", start_date="2021-09-20")
    assert (standard["published"], standard["overall"]) == ("2021-11-12", GOOD)
    short = pick(found, "ILACS", type="short inspection", start_date="2024-09-23")
    assert (short["published"], short["overall"]) == ("2025-01-29", REQUIRES_IMPROVEMENT)


def test_leeds(conn: sqlite3.Connection) -> None:
    """Leeds: SIF 2015 Good with outstanding leadership; ILACS 2018 Outstanding."""
    found = inspections(conn, "E08000035")
    sif = pick(found, "SIF", published="2015-03-27")
    assert (sif["overall"], sif["judgements"]["leadership"]) == (GOOD, OUTSTANDING)
    ilacs = [i for i in found if i["framework"] == "ILACS" and i["published"].startswith("2018")]
    assert [i["overall"] for i in ilacs] == [OUTSTANDING]


def test_leicestershire(conn: sqlite3.Connection) -> None:
    """Leicestershire: SIF 2017 and ILACS 2019 RI; ILACS 2024 Outstanding."""
    found = inspections(conn, "E10000018")
    assert pick(found, "SIF", type="inspection")["published"].startswith("2017")
    assert pick(found, "SIF", type="inspection")["overall"] == REQUIRES_IMPROVEMENT
    ilacs = {i["published"][:4]: i for i in found if i["framework"] == "ILACS"}
    assert ilacs["2019"]["overall"] == REQUIRES_IMPROVEMENT
    assert ilacs["2024"]["overall"] == OUTSTANDING
    assert ilacs["2024"]["judgements"] == {
        "leadership": OUTSTANDING,
        "help_and_protection": GOOD,
        "in_care": OUTSTANDING,
        "care_leavers": OUTSTANDING,
    }


def test_authorities(conn: sqlite3.Connection, fresh: tuple[Path, BuildReport]) -> None:
    """153 current authorities; the former ones; recoded and alternative codes resolve."""
    report = fresh[1]
    assert (report.authorities_current, report.authorities_former) == (153, 6)
    former = conn.execute(
        "SELECT ons_code FROM authorities WHERE status = 'former' ORDER BY 1"
    ).fetchall()
    assert [c for (c,) in former] == [
        "E06000028", "E06000029", "E10000002", "E10000006", "E10000009", "E10000021",
    ]  # fmt: skip
    codes = dict(conn.execute("SELECT alias, authority FROM aliases WHERE kind = 'code'"))
    assert codes == {
        "E08000038": "E08000016",
        "E08000039": "E08000019",
        "E10000023": "E06000065",
        "E10000027": "E06000066",
    }
    successors = conn.execute(
        "SELECT successor, date FROM successions WHERE predecessor = 'E10000006' ORDER BY 1"
    ).fetchall()
    assert successors == [("E06000063", "2023-04-01"), ("E06000064", "2023-04-01")]


def test_every_official_judgement_is_held(fresh: tuple[Path, BuildReport]) -> None:
    """Each official row's dates and grades are in the database, or listed as a disagreement."""
    loaded: Loaded = load(SOURCES)
    with sqlite3.connect(fresh[0]) as db:
        events = db.execute(
            "SELECT id, authority, framework, start_date, published, overall FROM inspections"
        ).fetchall()
        grades = {
            (i, a): g for i, a, g in db.execute("SELECT inspection, area, grade FROM judgements")
        }
        differ = {
            (i, f, o, s)
            for i, f, o, s in db.execute(
                "SELECT inspection, field, other, other_source FROM disagreements"
            )
        }
    checked = 0
    for edition in loaded.editions:
        for obs in edition.observations:
            code = loaded.registry.resolve(obs.ref, obs.date, obs.where)[0]
            same = [
                e
                for e in events
                if e[1] == code
                and e[2] == obs.framework
                and (
                    (obs.published and obs.published == e[4])
                    or (obs.start_date and obs.start_date == e[3])
                    or any(
                        (e[0], f, getattr(obs, f), obs.source) in differ
                        for f in ("published", "start_date")
                    )
                )
            ]
            assert same, obs
            for area, grade in obs.judgements.items():
                held = any(
                    (e[5] if area == "overall" else grades.get((e[0], area))) == grade
                    or (e[0], area, grade, obs.source) in differ
                    for e in same
                )
                assert held, (obs, area)
                checked += 1
    assert checked > 3000


def test_counts_match_the_sources(fresh: tuple[Path, BuildReport]) -> None:
    """Counts by framework match the rows of the official files."""
    report = fresh[1]
    loaded = load(SOURCES)
    # the oldest edition with the 2009-2023 history (an older one gives in-year visits only)
    oldest = [e for e in loaded.editions if any(o.framework == "SLAC" for o in e.observations)][-1]
    for framework in ("SLAC", "CPI", "TLAC", "SIF"):
        for type_ in ("inspection", "re-inspection"):
            dated = {
                (o.ref.name, o.published)
                for o in oldest.observations
                if (o.framework, o.type) == (framework, type_)
            }
            assert report.counts.get((framework, type_), 0) == len(dated), (framework, type_)
    ilacs = (
        report.counts[("ILACS", "standard inspection")]
        + report.counts[("ILACS", "short inspection")]
    )
    history = next(v for k, v in report.rows_read.items() if k.endswith("ILACS_inspection_history"))
    provisional_send = report.counts[("SEND", "full inspection")]  # D2I's index, all provisional
    assert ilacs - (report.provisional - provisional_send) == history


def test_bundled_database_is_a_fresh_build() -> None:
    """The committed data/inspections.db holds exactly what a build from the sources gives."""
    assert differences(SOURCES, BUNDLED) == []
    assert BUNDLED.stat().st_size < 5_000_000


def test_seed_documents(conn: sqlite3.Connection, fresh: tuple[Path, BuildReport]) -> None:
    """The five seeds are documents with facts, linked, without text."""
    docs = conn.execute(
        "SELECT kind, authority, inspection, text FROM documents WHERE source = 'seed-documents' "
        "ORDER BY path"
    ).fetchall()
    assert docs == [
        ("ministerial_letter", "E06000016", "E06000016-ilacs-standard-inspection-2021-11-12", None),
        ("engagement_meeting_letter", "E06000016", None, None),
        ("press_release", "E06000016", "E06000016-sif-re-inspection-2017-09-04", None),
        ("ministerial_letter", "E08000035", "E08000035-sif-inspection-2015-03-27", None),
        ("committee_report", "E10000018", "E10000018-ilacs-standard-inspection-2024-07-12", None),
    ]
    conflicts = conn.execute("SELECT field, value, conflict FROM facts WHERE conflict IS NOT NULL")
    assert conflicts.fetchall() == [
        ("inspection.start_date", "2024-04-15", "official record: 2024-04-22 (ofsted-2025-09-25)")
    ]
    assert fresh[1].seeds.startswith("5 seed documents")


# -- the whole record: area SEND, in-year sheets, visit letters (issue 10) ------------------

SHARED = SOURCES.parent
SEND_2016 = SOURCES / "ofsted" / "Area_SEND_inspection_data_01_May_2016_to_31_August_2022.ods"
SEND_2023 = SOURCES / "d2i" / "area_send_inspections_2023_2026.csv"
LETTERS = SHARED / "letters" / "focused-visits"


def _authority(conn: sqlite3.Connection, code: str) -> str:
    """The authority an ONS code in a source means today: old codes are aliases, and a former
    authority replaced by one other (Buckinghamshire's county code) means its successor."""
    if not conn.execute("SELECT 1 FROM authorities WHERE ons_code = ?", (code,)).fetchone():
        (code,) = conn.execute("SELECT authority FROM aliases WHERE alias = ?", (code,)).fetchone()
    successors = conn.execute(
        "SELECT s.successor FROM successions s JOIN authorities a ON a.ons_code = s.predecessor "
        "WHERE s.predecessor = ? AND a.status = 'former'",
        (code,),
    ).fetchall()
    return str(successors[0][0]) if len(successors) == 1 else str(code)


def _dmy(text: str) -> str | None:
    """An ISO date from the index's dd/mm/yy; None for a blank."""
    import datetime as dt

    return dt.datetime.strptime(text, "%d/%m/%y").date().isoformat() if text else None


def test_every_row_of_the_2016_send_statistics_is_there(conn: sqlite3.Connection) -> None:
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(SEND_2016)).get_sheet_by_name(
        "Area_SEND_up_to_31_Aug_2022"
    )
    table = sheet.to_python()
    header = next(i for i, r in enumerate(table) if "Area name" in r)
    checked = revisits = 0
    for row in table[header + 1 :]:
        if not row[1]:
            continue
        code = _authority(conn, str(row[1]))
        found = conn.execute(
            "SELECT written_statement, significant_weaknesses FROM inspections "
            "WHERE authority = ? AND framework = 'SEND' AND type = 'inspection' "
            "AND start_date = ? AND published = ?",
            (code, row[4].date().isoformat(), row[5].date().isoformat()),
        ).fetchall()
        weaknesses = int(row[7]) if row[7] != "" else None
        assert found == [(1 if row[6] == "Yes" else 0, weaknesses)], row[:8]
        checked += 1
        if hasattr(row[8], "date"):
            progress = {"Yes": "sufficient", "Some": "some", "No": "insufficient"}[row[10]]
            found = conn.execute(
                "SELECT progress, published FROM inspections WHERE authority = ? "
                "AND framework = 'SEND' AND type = 'revisit' AND start_date = ?",
                (code, row[8].date().isoformat()),
            ).fetchall()
            assert found == [(progress, row[9].date().isoformat())], row
            revisits += 1
    assert (checked, revisits) == (149, 46)


def test_every_row_of_the_2023_send_index_is_there(conn: sqlite3.Connection) -> None:
    import csv

    with SEND_2023.open(encoding="utf-8-sig", newline="") as handle:
        index = list(csv.DictReader(handle))
    for row in index:
        code = _authority(conn, row["ltla23cd"])
        found = conn.execute(
            "SELECT outcome_level, end_date, published, provisional, report_url FROM inspections "
            "WHERE authority = ? AND framework = 'SEND' AND type = 'full inspection' "
            "AND start_date IS ? AND published = ?",
            (code, _dmy(row["inspection_start_date"]), _dmy(row["publication_date"])),
        ).fetchall()
        assert len(found) == 1, row["local_authority"]
        level, end, published, provisional, url = found[0]
        if row["outcome_grade"] not in ("", "NaN"):
            assert level == int(float(row["outcome_grade"]))
        assert (end, published, provisional, url) == (
            _dmy(row["inspection_end_date"]),
            _dmy(row["publication_date"]),
            1,
            row["inspection_link_href"],
        )
    assert len(index) == 97


def test_every_in_year_row_of_the_official_sheets_is_an_event(conn: sqlite3.Connection) -> None:
    loaded = load(SOURCES)
    sheets = set()
    for edition in loaded.editions:
        for obs in edition.observations:
            if (
                not (obs.where.sheet or "")
                .lower()
                .startswith(("la_level_in_year", "inspections_in_year", "in-year"))
            ):
                continue
            sheets.add(obs.where.sheet)
            code = loaded.registry.resolve(obs.ref, obs.date, obs.where)[0]
            family = "%visit" if obs.type and "visit" in obs.type else "%inspection"
            found = conn.execute(
                "SELECT id, start_date FROM inspections WHERE authority = ? AND type LIKE ? "
                "AND framework = 'ILACS' AND ABS(julianday(start_date) - julianday(?)) <= 7",
                (code, family, obs.start_date),
            ).fetchall()
            assert len(found) == 1, obs
            (event_id, start) = found[0]
            if start != obs.start_date:  # the newer edition's date is kept, the other noted
                assert conn.execute(
                    "SELECT 1 FROM disagreements WHERE inspection = ? AND field = 'start_date'",
                    (event_id,),
                ).fetchone(), obs
    assert len(sheets) == 4, sheets


def test_every_focused_visit_letter_has_its_visit(conn: sqlite3.Connection) -> None:
    import csv

    if not LETTERS.is_dir():
        pytest.skip("../shared/letters/focused-visits is not present")
    with (LETTERS / "labels.csv").open(encoding="utf-8-sig", newline="") as handle:
        labels = list(csv.DictReader(handle))
    missing = []
    for label in labels:
        row = conn.execute(
            "SELECT d.inspection, i.authority, i.type, i.start_date FROM documents d "
            "LEFT JOIN inspections i ON i.id = d.inspection WHERE d.path = ?",
            (f"focused-visits/{label['file']}",),
        ).fetchone()
        if row is None or row[0] is None:
            missing.append(label["file"])
            continue
        assert row[1] == _authority(conn, label["ons_code"]), label
        assert row[2] == "focused visit", label
        if label["official_visit_date"]:
            assert row[3] == label["official_visit_date"], label
    assert len(labels) == 251
    assert missing == []
