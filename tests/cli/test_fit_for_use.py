"""Issue 12's points through the real entry point on the bundled database: answers that
do not mislead, usage that helps, output that scripts and spreadsheets can rely on."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.analysis import percent, quarter_end_after
from ofstedcli.cli.examples import EXAMPLES


def _csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


# -- answers that mislead ---------------------------------------------------------------


def test_compare_filters_apply_to_the_table_and_summary(cli: Any) -> None:
    data = cli("compare", "leicester", "leicestershire", "--since", "2021", "--json").json()
    table = cli("compare", "leicester", "leicestershire", "--since", "2021").stdout
    axis = table.split("Summary")[0]
    assert "'15" not in axis and "'21" in axis  # no year before the window
    for show in data["authorities"]:
        window = show["window"]
        assert all(step["year"] >= "2021" for step in window["path"])
        assert window["summary"]["graded"] == len(window["path"])
        row = next(
            ln
            for ln in table.split("Summary")[1].splitlines()
            if ln.startswith(show["authority"]["name"] + " ")
        )
        assert row.split()[-5] == str(window["summary"]["graded"])


def test_date_filters_read_publication_by_default(cli: Any) -> None:
    shown = cli("show", "leicester", "--since", "2025", "--json").json()["inspections"]
    assert [i["published"][:4] for i in shown if i["published"]] == ["2025"]
    published = cli("inspections", "--grade", "inadequate", "--since", "2024", "--json").json()
    early = [i for i in published if i["published"] < "2024-04" and i["start_date"] < "2024"]
    assert early, "inspections started in 2023 and published in early 2024 are listed"
    inspected = cli(
        "inspections", "--grade", "inadequate", "--since", "2024", "--by", "inspected", "--json"
    ).json()
    assert all(i["start_date"] >= "2024" for i in inspected)
    assert {i["id"] for i in early}.isdisjoint(i["id"] for i in inspected)


def test_show_since_filters_documents_too(cli: Any) -> None:
    docs = cli("show", "leicester", "--since", "2025", "--json").json()["documents"]
    assert docs and all(d["date"] >= "2025" for d in docs)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "--region", "yorkshire"], {"Yorkshire and the Humber"}),
        (["list", "--region", "LONDON"], {"London"}),
        (
            ["inspections", "--region", "midlands", "--since", "2025"],
            {"East Midlands", "West Midlands"},
        ),
    ],
)
def test_regions_match_as_people_write_them(args: list[str], expected: set[str], cli: Any) -> None:
    data = cli(*args, "--json").json()
    assert data
    if args[0] == "list":
        assert {a["region"] for a in data} == expected
    else:
        regions = {
            a["region"]
            for a in cli("list", "--json").json()
            if any(i["authority"]["ons_code"] == a["ons_code"] for i in data)
        }
        assert regions == expected


def test_types_match_and_unknown_values_are_usage_errors(cli: Any) -> None:
    unitary = cli("list", "--type", "unitary", "--json").json()
    assert unitary and {a["type"] for a in unitary} == {"Unitary Authority"}
    bad = cli("list", "--region", "narnia")
    assert bad.code == 2 and "London" in bad.stderr and "Yorkshire and the Humber" in bad.stderr
    assert cli("list", "--type", "parish").code == 2


def test_a_backwards_window_is_a_usage_error(cli: Any) -> None:
    for args in (["inspections"], ["show", "york"], ["transitions"], ["recent"], ["letters"]):
        result = cli(*args, "--since", "2025", "--until", "2024")
        assert result.code == 2 and "before --since" in result.stderr, args


def test_recent_says_where_the_data_ends(cli: Any) -> None:
    data = cli("recent", "--json").json()
    assert data["data_to"] and data["data_to"] < data["since"]  # today is past the data
    assert data["data_to"] in cli("recent").stdout  # said with the date the data ends


def test_predecessor_history_is_counted_and_marked(cli: Any) -> None:
    data = cli("compare", "buckinghamshire", "cumberland", "--json").json()
    bucks = data["authorities"][0]["window"]
    assert bucks["summary"]["worst"] == "Inadequate" and "worst" in bucks["predecessor_fields"]
    assert bucks["predecessor"]["name"]
    table = cli("compare", "buckinghamshire", "cumberland").stdout
    assert "I†" in table and "never" not in table.split("Summary")[1].splitlines()[3]
    movers = cli("movers", "--since", "2024", "--json").json()
    everyone = movers["improved"] + movers["declined"] + movers["unchanged"]
    cumberland = next(m for m in everyone if m["authority"]["name"] == "Cumberland")
    assert cumberland["before"]["authority"]["name"] == "Cumbria"
    assert "†" in cli("movers", "--since", "2024").stdout


def test_provisional_and_no_overall_are_marked_with_a_footnote_everywhere(cli: Any) -> None:
    for args in (["list"], ["neighbours", "leicester"], ["inspections", "--since", "2026"]):
        text = cli(*args, "--no-color").stdout
        assert re.search(r"\w \*", text), args
        assert "* provisional: published after the newest official statistics" in text, args
    text = cli("neighbours", "leicester").stdout
    assert "none" in text and "none: no overall judgement given" in text


def test_stats_rounds_half_up_and_cuts_off_at_the_quarter_end() -> None:
    assert (percent(3, 8), percent(1, 8), percent(5, 8)) == (38.0, 13.0, 63.0)
    assert percent(1, 3, 1) == 33.3
    assert quarter_end_after("2025-03-31") == "2025-06-30"
    assert quarter_end_after("2025-02-10") == "2025-06-30"
    assert quarter_end_after("2024-12-31") == "2025-03-31"
    assert quarter_end_after("2024-08-31") == "2024-12-31"  # not 91 days later (30 Nov)


def test_stats_cut_off_default_in_the_json(cli: Any) -> None:
    assert cli("stats", "--as-at", "2024-08-31", "--json").json()["published_by"] == "2024-12-31"


# -- usage and help -----------------------------------------------------------------------


def test_bare_ofsted_and_a_missing_argument_are_short_usage_errors(cli: Any) -> None:
    bare = cli()
    assert bare.code == 2 and bare.stderr.startswith("Usage: ofsted")
    assert len(bare.stderr.splitlines()) <= 3 and "--help" in bare.stderr
    missing = cli("show")
    assert missing.code == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "usage: ofsted show [OPTIONS] NAME" in missing.stderr and "--help" in missing.stderr


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_help_has_examples(command: str, cli: Any) -> None:
    text = cli(command, "--help").stdout
    assert "Examples:" in text and f"ofsted {command} " in text.split("Examples:")[1]


@pytest.mark.parametrize("command", ["letters", "search"])
def test_kind_help_names_every_kind(command: str, cli: Any) -> None:
    from ofstedcli.documents.kinds import KINDS

    words = cli(command, "--help").stdout.replace(",", " ").replace(".", " ").split()
    assert [k for k in KINDS if k not in words] == []


def test_values_as_people_write_them(cli: Any) -> None:
    both = cli("inspections", "--framework", "sif,ilacs", "--json").json()
    assert {i["framework"] for i in both} == {"SIF", "ILACS"}
    assert cli("letters", "--kind", "ministerial").code == 0
    assert cli("letters", "--kind", "letter").code == 2  # several kinds: named in the error
    for command in (["movers", "--since", "2022"], ["chart", "york"], ["letters"], ["search", "x"]):
        assert cli(*command, "--until", "2024").code == 0, command


def test_list_sort_reverses(cli: Any) -> None:
    forward = [a["name"] for a in cli("list", "--sort", "date", "--json").json()]
    assert [a["name"] for a in cli("list", "--sort=-date", "--json").json()] == forward[::-1]
    assert [a["name"] for a in cli("list", "--sort", "date", "-r", "--json").json()] == forward[
        ::-1
    ]


def test_former_authorities_are_never_current(cli: Any) -> None:
    former = cli("list", "--former", "--json").json()
    name = former[0]["ons_code"]
    assert "Current" not in cli("show", name).stdout
    assert "Current" not in cli("list", "--former").stdout


def test_a_region_name_is_ambiguous_and_compare_needs_two(cli: Any) -> None:
    london = cli("show", "london")
    assert london.code == 4 and "region" in london.stderr
    assert cli("show", "west midlands").code == 4
    assert cli("show", "city of london").code == 0
    same = cli("compare", "hull", "kingston upon hull")
    assert same.code == 2 and "twice" in same.stderr


# -- scripts and spreadsheets ---------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        [["list"], ["list", "--all"], ["list", "--former"], ["list", "--region", "narnia-none"]],
        [["inspections"], ["inspections", "--since", "2025"], ["inspections", "--since", "2099"]],
        [["letters"], ["letters", "--kind", "ministerial"], ["letters", "--since", "2099"]],
        [["recent"], ["recent", "--since", "2025"]],
        [["movers", "--since", "2024"], ["movers", "--since", "2099"]],
        [["stats"], ["stats", "--by", "type"]],
        [["search", "ofsted"], ["search", "zzzqqq"]],
    ],
)
def test_csv_header_is_fixed_whatever_the_filters(variants: list[list[str]], cli: Any) -> None:
    headers = []
    for args in variants:
        result = cli(*args, "--format", "csv")
        if result.code == 2:  # an unknown region: the error, not an empty table
            continue
        assert result.code == 0, result.stderr
        headers.append(_csv_header(result.stdout))
    assert len(headers) >= 2 and all(h == headers[0] for h in headers)


def test_authority_objects_have_one_shape(cli: Any) -> None:
    keys = {"name", "ons_code", "dfe_code"}
    assert keys <= set(cli("inspections", "--since", "2026", "--json").json()[0]["authority"])
    assert keys <= set(cli("letters", "--json").json()[0]["authority"])
    bucks = cli("show", "buckinghamshire", "--json").json()
    assert keys <= set(bucks["predecessor_inspections"][0]["authority"])
    show = cli("show", "leicester", "--json").json()
    assert keys <= set(show["documents"][0]["authority"])
    letter = cli("letter", show["documents"][0]["id"], "--json").json()
    assert keys <= set(letter["authority"])
    assert "change" in cli("list", "--json").json()[0]["latest"]
    assert "change" in cli("inspections", "--json").json()[0]


def test_errors_are_compact_json_when_piped(cli: Any) -> None:
    result = cli("show", "nowhereshire", "--json")
    assert result.code == 3 and result.stdout.count("\n") == 1 and result.json()["error"]


def test_xlsx_workbook(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    result = cli("list", "--format", "xlsx", "--output", str(out))
    assert result.code == 0 and out.exists()
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        styles = book.read("xl/styles.xml").decode()
    assert 'state="frozen"' in sheet and "<autoFilter" in sheet
    assert "yyyy-mm-dd" in styles  # whole dates are dates, shown as such
    assert re.search(r'<c r="K2" s="\d+"><v>\d{5}</v>', sheet)  # latest.start_date: a number
    movers = tmp_path / "movers.xlsx"
    assert cli("movers", "--since", "2024", "-f", "xlsx", "-o", str(movers)).code == 0
    with zipfile.ZipFile(movers) as book:
        names = re.findall(r'<sheet name="(\w+)"', book.read("xl/workbook.xml").decode())
    assert names == ["improved", "declined", "unchanged"]
    assert cli("list", "--format", "xlsx").code == 2  # needs --output
    assert cli("list", "--format", "xlsx", "--output", str(tmp_path / "x.csv")).code == 2


def _every_command() -> list[list[str]]:
    from ofstedcli.cli import COMMANDS

    commands = [[name] for name in COMMANDS if name != "db"]
    return [[], *commands, ["db"], ["db", "build"], ["db", "update"], ["db", "info"]]


@pytest.mark.parametrize("command", _every_command(), ids=lambda c: " ".join(c) or "ofsted")
def test_help_fits_an_80_column_terminal(
    command: list[str], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = cli(*command, "--help").stdout
    assert "Usage: ofsted" in text
    assert [line for line in text.splitlines() if len(line) > 80] == []
