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
    oldest = loaded.editions[-1]
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
    assert ilacs - report.provisional == history


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
