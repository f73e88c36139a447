"""ofsted due through the real entry point: JSON contract, CSV header, options, errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.due import CSV_COLUMNS, RULES
from tests.dbfactory import make_send_db


@pytest.fixture(scope="module")
def send_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database with area SEND events, written once for this module."""
    return make_send_db(tmp_path_factory.mktemp("due") / "due.db")


@pytest.fixture
def db(send_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """That database, selected through OFSTED_DB."""
    monkeypatch.setenv("OFSTED_DB", str(send_file))
    return send_file


def test_json_is_one_object_per_authority_with_its_next_events(db: Path, cli: Any) -> None:
    result = cli("due", "Leicester", "--as-at", "2025-06-30", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert item["authority"] == {"name": "Leicester", "ons_code": "E06000016", "dfe_code": "856"}
    assert item["as_at"] == "2025-06-30"
    events = {e["event"]: e for e in item["next"]}
    assert set(events) == {"ILACS inspection", "focused visit", "SEND inspection"}
    for event in item["next"]:
        assert set(event) >= {
            "event",
            "type",
            "earliest",
            "latest",
            "likely",
            "overdue",
            "rule",
            "source",
        }
        assert event["rule"] in RULES
        assert event["earliest"] <= event["likely"] <= event["latest"]
    # Leicester's January 2025 report found services requiring improvement.
    assert events["ILACS inspection"]["type"] == "standard inspection"
    assert events["ILACS inspection"]["earliest"] == "2027-07-29"
    # The SEND report (published 2024-04-12) states "within approximately 3 years": counted
    # from the report, not from the source table's date (three years from the first day).
    assert events["SEND inspection"]["latest"] == "2027-04-12"


def test_without_names_every_current_authority_is_listed(db: Path, cli: Any) -> None:
    names = [item["authority"]["name"] for item in cli("due", "--json").json()]
    assert "Leicester" in names and "Leicestershire" in names
    assert len(names) == len(set(names))
    assert names == sorted(names)


def test_as_at_answers_from_what_was_published_then(db: Path, cli: Any) -> None:
    then = cli("due", "Leicester", "--as-at", "2024-12-31", "--json").json()[0]
    ilacs = next(e for e in then["next"] if e["event"] == "ILACS inspection")
    # The short inspection started in September 2024 was published only in January 2025.
    assert ilacs["type"] == "short inspection"
    assert ilacs["basis"].endswith("2021-11-12")


def test_within_lists_only_who_is_due_in_that_span(db: Path, cli: Any) -> None:
    soon = cli("due", "--as-at", "2022-06-30", "--within", "6m", "--json").json()
    names = {item["authority"]["name"] for item in soon}
    assert "Solihull" in names  # inadequate in 2019: re-inspection and monitoring due
    for item in soon:
        assert all(e["earliest"] <= "2022-12-31" for e in item["next"])
    everyone = cli("due", "--as-at", "2022-06-30", "--json").json()
    assert len(soon) < len(everyone)


def test_csv_has_the_fixed_header_even_without_rows(db: Path, cli: Any) -> None:
    rows = cli("due", "Leicester", "-f", "csv").stdout
    reader = csv.DictReader(io.StringIO(rows))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert {r["event"] for r in reader} >= {"ILACS inspection"}
    empty = cli("due", "Kingston upon Thames", "--as-at", "2022-06-30", "-f", "csv")
    assert empty.code == 0
    assert empty.stdout.strip() == ",".join(CSV_COLUMNS)


def test_table_at_80_columns_names_rules_and_sources(db: Path, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("due", "Solihull", "--as-at", "2024-06-30", "--no-color")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines if not line.lstrip().startswith("https://"))
    assert "overdue since" in result.stdout  # the re-inspection window has passed
    assert "ilacs-reinspection" in result.stdout
    assert "https://www.gov.uk/" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("due", "--within", "soon"), 2),
        (("due", "--as-at", "2024-13"), 2),
        (("due", "--as-at", "2017-06"), 2),
        (("due", "Nowhere-on-Sea"), 3),
        (("due", "--region", "Atlantis"), 3),
        (("due", "-f", "xml"), 2),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(
    db: Path, cli: Any, args: tuple[str, ...], code: int
) -> None:
    result = cli(*args)
    assert result.code == code
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_show_says_what_is_next(db: Path, cli: Any) -> None:
    table = cli("show", "Leicester", "--no-color").stdout
    line = next(x for x in table.splitlines() if x.startswith("Next: "))
    assert "standard inspection" in line and "(rule ilacs-standard)" in line
    data = cli("show", "Leicester", "--json").json()
    assert data["next"]["rule"] == "ilacs-standard"
