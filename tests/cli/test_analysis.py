"""stats, neighbours, transitions, movers, recent and chart through the real entry point."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.test_analysis import make_analysis_db


@pytest.fixture(scope="module")
def analysis_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analysis database, written once for this module."""
    return make_analysis_db(tmp_path_factory.mktemp("analysis-cli") / "analysis.db")


@pytest.fixture
def db(analysis_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The analysis database, selected through OFSTED_DB."""
    monkeypatch.setenv("OFSTED_DB", str(analysis_file))
    return analysis_file


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_stats_json_contract(db: Path, cli: Any) -> None:
    result = cli("stats", "--as-at", "2025-03-31", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert set(data) >= {"as_at", "published_by", "by", "england", "groups", "authorities"}
    assert (data["as_at"], data["published_by"], data["by"]) == (
        "2025-03-31",
        "2025-06-30",
        "region",
    )
    england = data["england"]
    assert set(england) >= {
        "name",
        "total",
        "graded",
        "counts",
        "percentages",
        "not_reported",
        "not_inspected",
    }
    assert england["name"] == "England"
    assert list(england["counts"]) == [
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
    ]
    york = next(a for a in data["authorities"] if a["name"] == "York")
    assert york["latest"]["overall"] == "Good"
    assert set(york) >= {"name", "ons_code", "dfe_code", "region", "type", "status", "latest"}


def test_stats_partial_date_and_published_by(db: Path, cli: Any) -> None:
    data = cli("stats", "--as-at", "2025-03", "--published-by", "2025-07", "--json").json()
    assert (data["as_at"], data["published_by"]) == ("2025-03-31", "2025-07-31")
    york = next(a for a in data["authorities"] if a["name"] == "York")
    assert york["latest"]["overall"] == "Requires improvement to be good"


def test_stats_default_is_today(db: Path, cli: Any) -> None:
    data = cli("stats", "--json").json()
    assert data["as_at"] == dt.date.today().isoformat() and data["published_by"] is None
    assert data["england"]["not_reported"] == 1


def test_stats_by_type_csv_and_ndjson(db: Path, cli: Any) -> None:
    rows = _csv(cli("stats", "--by", "type", "--format", "csv").stdout)
    assert rows[0]["group"] == "England"
    assert {"total", "counts.Good", "percentages.Good", "not_reported"} <= set(rows[0])
    assert "Unitary Authority" in {r["group"] for r in rows}
    lines = cli("stats", "--format", "ndjson").stdout.splitlines()
    assert json.loads(lines[0])["group"] == "England"


def test_stats_table(db: Path, cli: Any) -> None:
    result = cli("stats", "--as-at", "2025-03-31")
    assert result.code == 0
    assert "as at 2025-03-31" in result.stdout and "England" in result.stdout
    assert "East Midlands" in result.stdout and "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--as-at", "31/03/2025"),
        ("stats", "--as-at", "2025-02-30"),
        ("stats", "--published-by", "soon"),
        ("stats", "--by", "colour"),
        ("stats", "--format", "xml"),
        ("transitions", "--since", "last year"),
        ("transitions", "--framework", "OFSTED"),
        ("movers",),
        ("movers", "--since", "x"),
        ("recent", "--days", "-1"),
        ("recent", "--days", "many"),
        ("recent", "--since", "2025", "--days", "3"),
        ("chart",),
        ("chart", "--region", "Atlantis"),
        ("chart", "leicester", "--since", "2020-13"),
        ("neighbours",),
    ],
)
def test_usage_errors(db: Path, cli: Any, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 2, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.startswith(("ofsted:", "Usage"))


def test_usage_error_as_json(db: Path, cli: Any) -> None:
    result = cli("recent", "--days", "-5", "--json")
    assert result.code == 2
    assert result.json()["error"] == "usage"


def test_neighbours(db: Path, cli: Any) -> None:
    data = cli("neighbours", "leicester", "--json").json()
    assert set(data) >= {"authority", "current", "neighbours", "standing", "model", "current_send"}
    assert data["authority"]["name"] == "Leicester"
    first = data["neighbours"][0]
    assert set(first) == {"rank", "authority", "current", "compared", "band", "current_send"}
    assert (first["rank"], first["authority"]["name"], first["compared"]) == (
        1,
        "Leicestershire",
        "better",
    )
    assert set(data["standing"]) == {"neighbours", "region"}
    rows = _csv(cli("neighbours", "leicester", "--format", "csv").stdout)
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0]["authority.name"] == "Leicestershire"
    table = cli("neighbours", "leicester").stdout
    assert "Among its neighbours: joint 3rd of 5" in table
    assert "In East Midlands: 2nd of 2" in table


def test_neighbours_name_errors(db: Path, cli: Any) -> None:
    assert cli("neighbours", "atlantis").code == 3
    ambiguous = cli("neighbours", "kingston", "--json")
    assert ambiguous.code == 4 and ambiguous.json()["error"] == "ambiguous"


def test_transitions(db: Path, cli: Any) -> None:
    data = cli("transitions", "--json").json()
    assert set(data) >= {"total", "matrix", "pairs", "up", "same", "down", "frameworks"}
    assert data["total"] == sum(r["total"] for r in data["matrix"]) == len(data["pairs"]) == 10
    pair = data["pairs"][0]
    assert set(pair) == {"authority", "from", "to", "change"}
    since = cli("transitions", "--since", "2020", "--framework", "ilacs", "--json").json()
    assert since["since"] == "2020-01-01" and since["frameworks"] == ["ILACS"]
    assert all(p["to"]["date"] >= "2020-01-01" for p in since["pairs"])
    rows = _csv(cli("transitions", "--format", "csv").stdout)
    assert [r["from"] for r in rows] == [
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
    ]
    assert sum(int(r["total"]) for r in rows) == 10
    assert "10 transitions by 4 authorities" in cli("transitions").stdout


def test_movers(db: Path, cli: Any) -> None:
    data = cli("movers", "--since", "2020", "--json").json()
    assert set(data) >= {"since", "improved", "declined", "unchanged", "counts"}
    assert [(m["authority"]["name"], m["steps"]) for m in data["improved"]] == [
        ("Cheshire East", 3),
        ("Leicestershire", 2),
    ]
    assert set(data["improved"][0]) == {"authority", "before", "latest", "steps", "change"}
    rows = _csv(cli("movers", "--since", "2020", "--format", "csv").stdout)
    assert [r["change"] for r in rows] == ["up", "up", "down", "same"]
    table = cli("movers", "--since", "2020").stdout
    assert "Cheshire East" in table and "+3" in table and "-2" in table


def test_recent(db: Path, cli: Any) -> None:
    data = cli("recent", "--since", "2025-01-01", "--json").json()
    assert set(data) >= {"since", "until", "count", "inspections", "data_age"}
    published = [i["published"] for i in data["inspections"]]
    assert published == sorted(published, reverse=True) and published[-1] == "2025-01-29"
    assert {"authority", "id", "framework", "type", "overall"} <= set(data["inspections"][0])
    lines = cli("recent", "--since", "2025-01-01", "--format", "ndjson").stdout.splitlines()
    assert len(lines) == data["count"]
    empty = cli("recent", "--days", "0", "--json")
    assert empty.code == 0 and empty.json()["since"] == dt.date.today().isoformat()
    assert "Nothing published" in cli("recent", "--since", "2099").stdout


def test_chart_json_and_table(db: Path, cli: Any) -> None:
    data = cli("chart", "leicester", "york", "--json").json()
    assert set(data) == {"from", "to", "authorities"}
    assert [r["authority"]["name"] for r in data["authorities"]] == ["Leicester", "York"]
    region = cli("chart", "--region", "east midlands", "leicester", "--json").json()
    names = [r["authority"]["name"] for r in region["authorities"]]
    assert names[0] == "Leicester" and names.count("Leicester") == 1 and len(names) == 4
    table = cli("chart", "leicester", "york", "--no-color").stdout
    assert "Leicester" in table and "O Outstanding" in table and "\x1b[" not in table


def test_chart_files(db: Path, cli: Any, tmp_path: Path) -> None:
    svg, html = tmp_path / "chart.svg", tmp_path / "chart.html"
    result = cli("chart", "leicester", "york", "--svg", str(svg), "--html", str(html))
    assert result.code == 0, result.stderr
    assert result.stdout == "" and f"wrote {svg}" in result.stderr
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Leicester" in text and "Outstanding" in text
    assert "Leicester" in html.read_text(encoding="utf-8")
    failed = cli("chart", "leicester", "--svg", str(tmp_path / "missing" / "x.svg"))
    assert failed.code == 1 and "cannot write" in failed.stderr
