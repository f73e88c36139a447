"""The whole record from tiny sources in the official layouts: area SEND, an older edition's
in-year visits, visit letters, DfE's neighbour models and ONS districts."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.build import build_database
from ofstedcli.errors import BadSource
from tests.build import sources as src


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("record")
    out = root / "out.db"
    build_database(src.write_record_sources(root), out)
    return out


def rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def send(db: Path, code: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT * FROM inspections WHERE authority = ? AND framework = 'SEND' ORDER BY start_date",
        (code,),
    )


def test_send_2016_inspection_and_revisit(built: Path) -> None:
    inspection, revisit, full = send(built, "E06000016")
    assert (inspection["type"], inspection["start_date"], inspection["published"]) == (
        "inspection",
        "2018-04-30",
        "2018-06-25",
    )
    assert (inspection["written_statement"], inspection["significant_weaknesses"]) == (1, 5)
    assert inspection["overall"] is None and inspection["provisional"] == 0
    assert (revisit["type"], revisit["start_date"], revisit["progress"]) == (
        "revisit",
        "2021-05-05",
        "some",
    )
    assert full["type"] == "full inspection"


def test_send_2016_not_revisited_and_no_statement(built: Path) -> None:
    barnsley = send(built, "E08000016")
    assert [e["type"] for e in barnsley] == ["inspection", "full inspection"]
    (dorset,) = send(built, "E06000059")
    assert dorset["written_statement"] == 0 and dorset["significant_weaknesses"] is None


def test_send_2023_full_inspection_is_provisional_with_outcome(built: Path) -> None:
    full = send(built, "E06000016")[-1]
    assert full["outcome_level"] == 2
    assert full["outcome"].startswith("The arrangements lead to inconsistent")
    assert (full["start_date"], full["end_date"], full["published"]) == (
        "2025-09-22",
        "2025-09-26",
        "2025-11-20",
    )
    assert (full["next_interval"], full["next_inspection"]) == ("3 years", "2028-09-22")
    assert full["provisional"] == 1 and full["source"] == "d2i-area-send-2023"
    docs = rows(built, "SELECT kind, url FROM documents WHERE inspection = ?", (full["id"],))
    assert docs == [{"kind": "area_send_report", "url": "https://files.example/send/1"}]


def test_send_outcome_read_from_wording_when_index_has_none(built: Path) -> None:
    full = send(built, "E08000016")[-1]
    assert full["outcome_level"] == 3
    assert full["next_interval"] is None and full["next_inspection"] is None


def test_older_edition_gives_its_in_year_visits_only(built: Path) -> None:
    visits = rows(
        built,
        "SELECT start_date, theme, source FROM inspections WHERE authority = 'E06000016' "
        "AND type = 'focused visit' ORDER BY start_date",
    )
    assert {
        "start_date": "2021-05-26",
        "theme": "Children in care",
        "source": "ofsted-2022-07-07",
    } in visits
    ilacs = rows(
        built,
        "SELECT id FROM inspections WHERE authority = 'E06000016' AND framework = 'ILACS' "
        "AND type = 'standard inspection'",
    )
    assert len(ilacs) == 1  # the older sheet's row joined the inspection the newer ones list


def test_visit_letter_adds_a_visit_with_its_document(built: Path) -> None:
    (visit,) = rows(
        built,
        "SELECT * FROM inspections WHERE source = 'ofsted-visit-letters'",
    )
    assert (visit["authority"], visit["type"]) == ("E06000016", "focused visit")
    assert (visit["start_date"], visit["end_date"], visit["published"]) == (
        "2019-05-14",
        "2019-05-15",
        "2019-06-24",
    )
    (doc,) = rows(built, "SELECT * FROM documents WHERE source = 'ofsted-visit-letters'")
    assert doc["inspection"] == visit["id"] and doc["kind"] == "focused_visit_letter"
    assert doc["text"] is None
    facts = rows(built, "SELECT field, evidence_start FROM facts WHERE document = ?", (doc["id"],))
    fields = {f["field"] for f in facts}
    assert {"inspection.start_date", "inspection.end_date", "inspection.lead_inspector"} <= fields
    assert all(f["evidence_start"] is not None for f in facts)


def test_neighbours_ranked_with_bands_from_the_model(built: Path) -> None:
    found = rows(
        built,
        "SELECT neighbour, rank, band, model FROM neighbours WHERE authority = 'E06000016' "
        "ORDER BY rank",
    )
    assert found == [
        {"neighbour": "E08000016", "rank": 1, "band": "Close", "model": "2025"},
        {"neighbour": "E06000059", "rank": 2, "band": "Somewhat close", "model": "2025"},
        {"neighbour": "E06000058", "rank": 3, "band": "Not close", "model": "2025"},
    ]
    barnsley = rows(built, "SELECT rank, band FROM neighbours WHERE authority = 'E08000016'")
    assert barnsley == [{"rank": 1, "band": "Very close"}, {"rank": 2, "band": "Close"}]
    old = rows(built, "SELECT neighbour FROM neighbours WHERE authority = 'E10000009'")
    assert [r["neighbour"] for r in old] == ["E06000028", "E06000016"]


def test_districts_are_the_shire_districts_of_england(built: Path) -> None:
    found = rows(built, "SELECT ons_code, name, norm FROM districts ORDER BY ons_code")
    assert found == [
        {"ons_code": "E07000063", "name": "Lewes", "norm": "lewes"},
        {"ons_code": "E07000136", "name": "Boston", "norm": "boston"},
    ]


def test_sources_carry_url_and_sha256(built: Path) -> None:
    found = {r["id"]: r for r in rows(built, "SELECT * FROM sources")}
    send_source = found["ofsted-2022-11-17"]
    assert send_source["url"].endswith(
        "/area-send-inspections-and-outcomes-in-england-as-at-31-august-2022"
    )
    assert all(
        len(r["sha256"]) == 64 for r in found.values() if r["file"].endswith((".ods", ".csv"))
    )
    assert found["dfe-sn-2025-05"]["title"] == "Statistical neighbour model (May 2025)"


def test_a_neighbour_model_named_without_its_date_is_refused(tmp_path: Path) -> None:
    sources = src.write_record_sources(tmp_path)
    (sources / "dfe" / "sn_may_2025.ods").rename(sources / "dfe" / "neighbours.ods")
    with pytest.raises(BadSource, match="no month and year"):
        build_database(sources, tmp_path / "out.db")


def test_an_unknown_json_file_is_refused(tmp_path: Path) -> None:
    sources = src.write_record_sources(tmp_path)
    (sources / "ons" / "other.json").write_text('{"features": []}')
    with pytest.raises(BadSource, match="not a file of ONS local authority districts"):
        build_database(sources, tmp_path / "out.db")


def test_an_unknown_revisit_answer_is_a_bad_source(tmp_path: Path) -> None:
    sources = src.write_record_sources(tmp_path)
    sheets = src.send_2016()
    sheets["Area_SEND_up_to_31_Aug_2022"][3][10] = "Perhaps"
    src.write_ods(sources / "ofsted" / "area_send.ods", sheets)
    with pytest.raises(BadSource, match="row 4: unknown revisit outcome 'Perhaps'"):
        build_database(sources, tmp_path / "out.db")
