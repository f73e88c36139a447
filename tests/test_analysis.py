"""The analysis core on a small database, and stats checked against Ofsted's own sheets."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import analysis, names
from ofstedcli.errors import UsageError
from ofstedcli.history import graded
from ofstedcli.model import GOOD, GRADES, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT
from ofstedcli.store import BUNDLED_PATH, Store, open_store
from tests.conftest import SHARED
from tests.dbfactory import _insp, make_db

RI = REQUIRES_IMPROVEMENT

#: Leicester's statistical neighbours in this test database, nearest first.
NEIGHBOURS = ["E10000018", "E08000029", "E06000014", "E06000010", "E06000061"]

#: Inspections added to the tiny database for the analysis cases.
EXTRA = [
    # York: Outstanding, Good, then an inspection started before 31 March 2025 but published
    # after the 30 June cut-off, which Ofsted's as-at-31-March sheet does not count.
    _insp("E06000014", "SIF", "inspection", None, "2016-06-10", OUTSTANDING),
    _insp("E06000014", "ILACS", "standard inspection", "2022-01-10", "2022-03-04", GOOD),
    _insp("E06000014", "ILACS", "standard inspection", "2025-03-17", "2025-07-04", RI),
    _insp("E06000014", "ILACS", "monitoring visit", "2025-09-01", "2025-10-01", None, "Care"),
    # Cheshire East: a long run, falling then climbing.
    _insp("E06000049", "SIF", "inspection", None, "2015-01-10", GOOD),
    _insp("E06000049", "ILACS", "standard inspection", "2018-06-04", "2018-07-20", INADEQUATE),
    _insp("E06000049", "ILACS", "standard inspection", "2021-05-10", "2021-07-02", GOOD),
    _insp("E06000049", "ILACS", "short inspection", "2024-10-07", "2024-12-02", OUTSTANDING),
]


def make_analysis_db(path: Path) -> Path:
    """The tiny database plus Leicester's neighbours and a few more inspections."""
    make_db(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO neighbours (authority, neighbour, rank, source) VALUES (?, ?, ?, 'test')",
        [("E06000016", code, rank) for rank, code in enumerate(NEIGHBOURS, start=1)],
    )
    for insp in EXTRA:
        row = {k: v for k, v in insp.items() if k != "judgements"}
        conn.execute(
            f"INSERT INTO inspections ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    conn.execute("COMMIT")
    conn.close()
    return path


@pytest.fixture(scope="session")
def analysis_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analysis database, written once per session."""
    return make_analysis_db(tmp_path_factory.mktemp("analysis") / "analysis.db")


@pytest.fixture
def store(analysis_db_file: Path) -> Iterator[Store]:
    """An open store on the analysis database."""
    with open_store(analysis_db_file) as opened:
        yield opened


def _latest(data: dict[str, Any], name: str) -> Any:
    return next(a for a in data["authorities"] if a["name"] == name)["latest"]


# -- stats --------------------------------------------------------------------------------


def test_stats_counts_every_current_authority_once(store: Store) -> None:
    data = analysis.stats(store)
    england = data["england"]
    current = store.authorities(status="current")
    assert england["total"] == len(current) == len(data["authorities"])
    assert england["total"] == (
        sum(england["counts"].values()) + england["not_reported"] + england["not_inspected"]
    )
    assert sum(g["total"] for g in data["groups"]) == england["total"]
    for grade in GRADES:
        assert sum(g["counts"][grade] for g in data["groups"]) == england["counts"][grade]
    assert sum(england["percentages"].values()) == pytest.approx(100, abs=0.2)


def test_no_overall_judgement_is_counted_apart(store: Store) -> None:
    data = analysis.stats(store)
    assert data["england"]["not_reported"] == 1  # North Northamptonshire, ILACS 2026
    latest = _latest(data, "North Northamptonshire")
    assert latest is not None and latest["overall_reported"] is False
    assert _latest(data, "Kingston upon Thames") is None
    assert data["england"]["not_inspected"] >= 1
    assert data["england"]["provisional"] == 2  # Hull and North Northamptonshire, 2026


def test_stats_as_at_counts_by_inspection_date_and_publication_cutoff(store: Store) -> None:
    data = analysis.stats(store, as_at="2025-03-31")
    assert data["published_by"] == "2025-06-30"
    york = _latest(data, "York")
    # Started 17 March 2025 but published 4 July: after the cut-off, so the 2022 Good stands.
    assert york is not None and (york["overall"], york["start_date"]) == (GOOD, "2022-01-10")
    later = analysis.stats(store, as_at="2025-03-31", published_by="2025-07-31")
    assert _latest(later, "York")["overall"] == RI
    # Leicester's 2024 short inspection started in September 2024 and was published in
    # January 2025: it counts at 31 March 2025 whatever the publication date.
    assert _latest(data, "Leicester")["overall"] == RI
    before = analysis.stats(store, as_at="2024-09-22")
    assert _latest(before, "Leicester")["overall"] == GOOD


def test_stats_as_at_uses_the_authorities_of_that_date(store: Store) -> None:
    old = {a["name"] for a in analysis.stats(store, as_at="2020-03-31")["authorities"]}
    new = {a["name"] for a in analysis.stats(store, as_at="2022-03-31")["authorities"]}
    assert "Northamptonshire" in old and "North Northamptonshire" not in old
    assert "Northamptonshire" not in new and "West Northamptonshire" in new


def test_stats_by_type(store: Store) -> None:
    data = analysis.stats(store, by="type")
    assert {g["name"] for g in data["groups"]} == {
        a.type for a in store.authorities(status="current")
    }
    with pytest.raises(UsageError):
        analysis.stats(store, by="colour")


# -- neighbours ---------------------------------------------------------------------------


def test_neighbours_in_rank_order_with_standing(store: Store) -> None:
    data = analysis.neighbours(store, store.authority("E06000016"))
    assert [n["authority"]["ons_code"] for n in data["neighbours"]] == NEIGHBOURS
    assert [n["rank"] for n in data["neighbours"]] == [1, 2, 3, 4, 5]
    compared = {n["authority"]["name"]: n["compared"] for n in data["neighbours"]}
    assert compared == {
        "Leicestershire": "better",  # Outstanding
        "Solihull": "worse",  # Inadequate
        "York": "same",  # Requires improvement (2025)
        "Kingston upon Hull, City of": "better",  # Good
        "North Northamptonshire": None,  # no overall judgement
    }
    among = data["standing"]["neighbours"]
    assert (among["better"], among["same"], among["worse"]) == (2, 1, 1)
    assert (among["position"], among["of"], among["members"]) == (3, 5, 6)
    region = data["standing"]["region"]
    assert region["members"] == 4  # the current East Midlands authorities
    assert region["position"] == 2 and region["not_reported"] == 1


def test_neighbours_none_on_record(store: Store) -> None:
    data = analysis.neighbours(store, store.authority("E08000029"))
    assert data["neighbours"] == []
    assert data["standing"]["neighbours"]["members"] == 1


# -- transitions and movers ---------------------------------------------------------------


def _expected_pairs(store: Store) -> int:
    found = analysis.by_authority(store.inspections(visits=False))
    return sum(max(0, len(graded(history)) - 1) for history in found.values())


def test_transitions_add_up(store: Store) -> None:
    data = analysis.transitions(store)
    matrix_total = sum(sum(row["to"].values()) for row in data["matrix"])
    assert data["total"] == matrix_total == len(data["pairs"]) == _expected_pairs(store)
    assert sum(row["total"] for row in data["matrix"]) == data["total"]
    assert data["up"] + data["same"] + data["down"] == data["total"]
    # every consecutive pair once: no inspection starts two pairs or ends two pairs
    starts = Counter(p["from"]["inspection"] for p in data["pairs"])
    ends = Counter(p["to"]["inspection"] for p in data["pairs"])
    assert max(starts.values()) == 1 and max(ends.values()) == 1
    cheshire = [p for p in data["pairs"] if p["authority"]["name"] == "Cheshire East"]
    assert [(p["from"]["overall"], p["to"]["overall"]) for p in cheshire] == [
        (GOOD, INADEQUATE),
        (INADEQUATE, GOOD),
        (GOOD, OUTSTANDING),
    ]
    by_grade = {row["from"]: row["to"] for row in data["matrix"]}
    assert by_grade[INADEQUATE][GOOD] == 1


def test_transitions_split_by_period_add_up_to_the_whole(store: Store) -> None:
    whole = analysis.transitions(store)["total"]
    early = analysis.transitions(store, until="2019-12-31")["total"]
    late = analysis.transitions(store, since="2020-01-01")["total"]
    assert early + late == whole and early and late


def test_transitions_by_framework(store: Store) -> None:
    data = analysis.transitions(store, framework=["ILACS"])
    assert data["frameworks"] == ["ILACS"]
    assert all(p["from"]["framework"] == p["to"]["framework"] == "ILACS" for p in data["pairs"])
    assert data["total"] < analysis.transitions(store)["total"]


def test_movers(store: Store) -> None:
    data = analysis.movers(store, since="2020-01-01")
    improved = {m["authority"]["name"]: m["steps"] for m in data["improved"]}
    declined = {m["authority"]["name"]: m["steps"] for m in data["declined"]}
    assert improved == {"Leicestershire": 2, "Cheshire East": 3}
    assert list(improved) == ["Cheshire East", "Leicestershire"]  # biggest move first
    assert declined == {"York": -2}
    assert [m["authority"]["name"] for m in data["unchanged"]] == ["Leicester"]
    assert data["counts"] == {
        "improved": 2,
        "declined": 1,
        "unchanged": 1,
        "no_earlier_grade": 1,  # Hull: first graded in 2026
        "predecessor_grade": 0,
    }
    cheshire = data["improved"][0]
    assert cheshire["before"]["overall"] == INADEQUATE  # the last one before 2020
    assert cheshire["latest"]["overall"] == OUTSTANDING


# -- recent and chart ---------------------------------------------------------------------


def test_recent_is_newest_first_and_in_the_window(store: Store) -> None:
    data = analysis.recent(store, since="2025-01-01", until="2025-12-31")
    published = [i["published"] for i in data["inspections"]]
    assert published == sorted(published, reverse=True)
    assert all("2025-01-01" <= p <= "2025-12-31" for p in published)
    assert data["count"] == len(published) == 3  # Leicester, York, York's visit
    assert any(i["type"] == "monitoring visit" for i in data["inspections"])
    assert data["inspections"][0]["authority"]["name"] == "York"


def test_chart_data(store: Store) -> None:
    leicester, york = store.authority("E06000016"), store.authority("E06000014")
    data = analysis.chart(store, [leicester, york])
    assert (data["from"], data["to"]) == (2012, 2025)
    assert [r["authority"]["name"] for r in data["authorities"]] == ["Leicester", "York"]
    events = data["authorities"][0]["inspections"]
    assert [e["visit"] for e in events].count(True) == 1
    quiet = analysis.chart(store, [leicester], visits=False)
    assert not any(e["visit"] for e in quiet["authorities"][0]["inspections"])
    with pytest.raises(UsageError, match="East Midlands"):
        analysis.region_authorities(store, "Atlantis")


# -- against Ofsted's own sheets ----------------------------------------------------------

OFSTED = SHARED / "sources" / "ofsted"
SHEETS = {
    "2025-03-31": ("LA_Inspection_Outcomes_as_at_31_March_2025.ods", "Inspections_as_at_31_March"),
    "2024-03-31": ("LA_Inspection_Outcomes_as_at_March_2024.ods", "Inspections_31_March_2024"),
    "2023-03-31": (
        "Childrens_social_care_in_England_2023_underlying_data.ods",
        "LA_level_at_31_Mar_2023",
    ),
}


def _needs_sources() -> None:
    if not OFSTED.is_dir():
        pytest.skip(f"{OFSTED} is absent: Ofsted's sheets are not available here")
    if not BUNDLED_PATH.exists():
        pytest.skip(f"the bundled database {BUNDLED_PATH} is not built yet")


def _sheet(as_at: str) -> dict[str, str | None]:
    """Overall grade by normalised authority name in Ofsted's as-at-31-March sheet."""
    calamine = pytest.importorskip("python_calamine")
    file, sheet = SHEETS[as_at]
    rows = calamine.CalamineWorkbook.from_path(str(OFSTED / file)).get_sheet_by_name(sheet)
    table = rows.to_python()
    header = next(i for i, r in enumerate(table) if "Overall effectiveness" in r)
    columns = table[header]
    name, overall = columns.index("Local authority name"), columns.index("Overall effectiveness")
    return {
        names.normalise(str(r[name])): (str(r[overall]) or None)
        for r in table[header + 1 :]
        if str(r[name]).strip()
    }


@pytest.mark.parametrize("as_at", ["2024-03-31", "2025-03-31"])
def test_stats_reproduce_ofsteds_sheets(as_at: str, cli: Any) -> None:
    _needs_sources()
    sheet = _sheet(as_at)
    result = cli("stats", "--as-at", as_at, "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    england = data["england"]
    expected = Counter(g for g in sheet.values() if g)
    assert {g: n for g, n in england["counts"].items() if n} == dict(expected)
    assert england["not_inspected"] == sum(1 for g in sheet.values() if g is None)
    assert england["not_reported"] == 0
    assert england["total"] == len(sheet)
    ours = {
        names.normalise(a["name"]): (a["latest"] or {}).get("overall") for a in data["authorities"]
    }
    assert ours == sheet


def test_stats_reproduce_the_2023_sheet_with_its_own_cutoff(cli: Any) -> None:
    """The 2023 edition counted reports published by 30 April, not 30 June.

    With that cut-off every authority matches but South Tyneside, which the edition's note 4
    says was included although its report came out after the deadline.  With the default
    cut-off three inspections of March 2023 published in May would count, which that edition
    left out: the publication cut-off is part of the rule, not a detail.
    """
    _needs_sources()
    sheet = _sheet("2023-03-31")
    data = cli("stats", "--as-at", "2023-03-31", "--published-by", "2023-04-30", "--json").json()
    ours = {
        names.normalise(a["name"]): (a["latest"] or {}).get("overall") for a in data["authorities"]
    }
    differ = {k for k in sheet.keys() | ours.keys() if sheet.get(k) != ours.get(k)}
    assert differ == {"south tyneside"}
    late = cli("stats", "--as-at", "2023-03-31", "--json").json()
    assert late["published_by"] == "2023-06-30"
    assert late["england"]["counts"] != data["england"]["counts"]
