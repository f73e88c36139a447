"""show, compare, list and inspections through the real entry point, on the tiny database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result


def test_show_json_contract(tiny_db: Path, cli: Any) -> None:
    result: Result = cli("show", "leicester", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert set(data) >= {"authority", "inspections", "documents"}
    auth = data["authority"]
    assert (auth["name"], auth["ons_code"], auth["dfe_code"]) == ("Leicester", "E06000016", "856")
    assert {"ofsted_urn", "region", "type", "status", "predecessors", "successors"} <= set(auth)
    first = data["inspections"][0]
    assert set(first) >= {
        "id",
        "framework",
        "type",
        "start_date",
        "end_date",
        "published",
        "overall",
        "judgements",
        "theme",
        "lead_inspector",
        "report_url",
        "provisional",
        "source",
    }
    dates = [i["start_date"] or i["published"] for i in data["inspections"]]
    assert dates == sorted(dates), "inspections are oldest first"
    overall = [(i["published"][:4], i["overall"]) for i in data["inspections"] if i["overall"]]
    assert overall == [
        ("2015", "Inadequate"),
        ("2017", "Requires improvement to be good"),
        ("2021", "Good"),
        ("2025", "Requires improvement to be good"),
    ]
    assert data["path_line"] == (
        "Inadequate (2015) -> Requires improvement (2017) -> Good (2021) -> "
        "Requires improvement (2025)"
    )
    sif = next(i for i in data["inspections"] if i["type"] == "re-inspection")
    assert sif["judgements"]["leadership"] == "Good"


def test_show_filters(tiny_db: Path, cli: Any) -> None:
    no_visits = cli("show", "leicester", "--json", "--no-visits").json()
    assert not any(i["type"].endswith("visit") for i in no_visits["inspections"])
    since = cli("show", "leicester", "--json", "--since", "2020").json()
    assert [i["published"] for i in since["inspections"]] == ["2021-11-12", "2025-01-29"]
    assert since["current"]["published"] == "2025-01-29"
    sif = cli("show", "leicester", "--json", "--framework", "sif").json()
    assert {i["framework"] for i in sif["inspections"]} == {"SIF"}


def test_show_table_has_path_and_no_colour_when_piped(tiny_db: Path, cli: Any) -> None:
    result = cli("show", "leicester")
    assert result.code == 0
    assert "Inadequate (2015) -> Requires improvement (2017) -> Good (2021)" in result.stdout
    assert "\x1b[" not in result.stdout


def test_show_former_authority_lists_successors(tiny_db: Path, cli: Any) -> None:
    data = cli("show", "northamptonshire", "--json").json()
    assert data["authority"]["status"] == "former"
    assert {s["name"] for s in data["authority"]["successors"]} == {
        "North Northamptonshire",
        "West Northamptonshire",
    }
    table = cli("show", "northamptonshire").stdout
    assert "Replaced by: North Northamptonshire" in table


def test_no_overall_after_reform_is_said(tiny_db: Path, cli: Any) -> None:
    data = cli("show", "north northamptonshire", "--json").json()
    assert data["current"]["overall"] is None
    assert data["current"]["overall_reported"] is False
    assert "no overall judgement" in cli("show", "north northamptonshire").stdout


def test_compare_in_argument_order(tiny_db: Path, cli: Any) -> None:
    result = cli("compare", "leicestershire", "leicester", "--json")
    assert result.code == 0
    names = [a["authority"]["name"] for a in result.json()["authorities"]]
    assert names == ["Leicestershire", "Leicester"]
    table = cli("compare", "leicester", "leicestershire", "solihull").stdout
    assert "Summary" in table and "Solihull" in table


def test_compare_needs_two(tiny_db: Path, cli: Any) -> None:
    result = cli("compare", "leicester")
    assert result.code == 2
    assert result.stderr.count("\n") == 1


def test_ambiguous_exit_4_with_candidates(tiny_db: Path, cli: Any) -> None:
    result = cli("show", "kingston")
    assert result.code == 4
    assert "Kingston upon Thames" in result.stderr and result.stdout == ""
    as_json = cli("show", "kingston", "--json")
    assert as_json.code == 4
    data = as_json.json()
    assert data["error"] == "ambiguous" and data["query"] == "kingston"
    assert {c["name"] for c in data["candidates"]} == {
        "Kingston upon Hull, City of",
        "Kingston upon Thames",
    }


def test_not_found_exit_3(tiny_db: Path, cli: Any) -> None:
    result = cli("show", "atlantis", "--json")
    assert result.code == 3
    assert result.json()["error"] == "not_found"
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_filters_and_formats(tiny_db: Path, cli: Any) -> None:
    rows = cli("list", "--json").json()
    assert all(r["status"] == "current" for r in rows)
    leicester = next(r for r in rows if r["name"] == "Leicester")
    assert leicester["latest"]["overall"] == "Requires improvement to be good"
    good = cli("list", "--grade", "good", "--json").json()
    assert [r["name"] for r in good] == ["Kingston upon Hull, City of"]
    region = cli("list", "--region", "east midlands", "--json").json()
    assert {r["region"] for r in region} == {"East Midlands"}
    former = cli("list", "--former", "--json").json()
    assert {r["name"] for r in former} == {"Dorset", "Northamptonshire"}
    by_grade = cli("list", "--sort", "grade", "--json").json()
    assert by_grade[0]["latest"]["overall"] == "Outstanding"
    csv_rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert len(csv_rows) == len(rows) and "latest.overall" in csv_rows[0]
    nd = cli("list", "--format", "ndjson").stdout.splitlines()
    assert [json.loads(line)["name"] for line in nd] == [r["name"] for r in rows]


def test_inspections_filters(tiny_db: Path, cli: Any) -> None:
    rows = cli("inspections", "--json").json()
    assert all({"name", "ons_code", "dfe_code"} <= set(r["authority"]) for r in rows)
    sif = cli("inspections", "--framework", "SIF", "--json").json()
    assert {r["framework"] for r in sif} == {"SIF"}
    leic = cli("inspections", "-a", "leicester", "--since", "2019", "--until", "2021", "--json")
    assert [r["published"] for r in leic.json()] == ["2019-02-20", "2021-11-12"]
    visits = cli("inspections", "--type", "focused visit", "--json").json()
    assert [r["theme"] for r in visits] == ["Front door"]
    bad = cli("inspections", "--grade", "Inadequate", "--region", "West Midlands", "--json")
    assert [r["authority"]["name"] for r in bad.json()] == ["Solihull"]
    empty = cli("inspections", "--since", "2030", "--json")
    assert empty.code == 0 and empty.json() == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "leicester", "--since", "2024-13-01"],
        ["show", "leicester", "--since", "yesterday"],
        ["inspections", "--grade", "excellent"],
        ["inspections", "--framework", "OFSTED"],
        ["list", "--sort", "colour"],
        ["list", "--format", "xml"],
        ["show", "leicester", "--bogus"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_are_one_line_exit_2(tiny_db: Path, cli: Any, args: list[str]) -> None:
    result = cli(*args)
    assert result.code == 2, result
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_usage_error_under_json_is_json(tiny_db: Path, cli: Any) -> None:
    result = cli("show", "leicester", "--since", "nope", "--json")
    assert result.code == 2
    assert result.json()["error"] == "usage"


def test_version(cli: Any) -> None:
    result = cli("--version")
    assert result.code == 0 and result.stdout.startswith("ofsted ")


def test_missing_database_is_a_clear_error(tmp_path: Path, cli: Any) -> None:
    result = cli("show", "leicester", "--db", str(tmp_path / "nope.db"))
    assert result.code == 1
    assert "no database at" in result.stderr


def test_sole_predecessor_history_is_shown_apart(tiny_db: Path, cli: Any) -> None:
    data = cli("show", "north northamptonshire", "--json").json()
    earlier = data["predecessor_inspections"]
    assert [(i["published"], i["authority"]["name"]) for i in earlier] == [
        ("2019-09-16", "Northamptonshire")
    ]
    assert all(i.get("authority") is None for i in data["inspections"])
    assert "ILACS standard, former Northamptonshire" in cli("show", "north northamptonshire").stdout
    assert cli("show", "leicester", "--json").json()["predecessor_inspections"] == []
