"""Every table at 80, 100 and 160 columns, and piped: what fits, what is never broken.

Run on the bundled database (real names such as "Bournemouth, Christchurch and Poole", real
themes and dates) through the real entry point, colour off.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from ofstedcli.render.plain import width_of

COMMANDS = [
    ["show", "leicester"],
    ["show", "buckinghamshire"],
    ["compare", "leicester", "leicestershire", "bcp"],
    ["compare", "buckinghamshire", "cumberland", "--since", "2016"],
    ["list"],
    ["list", "--all"],
    ["inspections", "--since", "2025"],
    ["inspections", "--grade", "inadequate", "--since", "2024"],
    ["stats"],
    ["stats", "--as-at", "2025-03-31"],
    ["neighbours", "leicester"],
    ["transitions", "--since", "2020"],
    ["movers", "--since", "2024"],
    ["recent", "--since", "2026-06"],
    ["letters", "--limit", "40"],
]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _json_values(data: Any) -> list[str]:
    """Every string in a JSON result."""
    if isinstance(data, dict):
        return [v for x in data.values() for v in _json_values(x)]
    if isinstance(data, list):
        return [v for x in data for v in _json_values(x)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_fits_without_breaking_a_date_grade_or_name(
    args: list[str], width: int, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*args, "--no-color")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    too_wide = [line for line in lines if width_of(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[:2]}"
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    for line in lines:
        # A date cut at the end of a line would leave a partial one there.
        assert not re.search(r"(?<![\d-])\d{4}-\d{0,2}-?$", line), line
        assert not line.rstrip().endswith("Requires"), line  # "Requires improvement" whole
    text = "\n".join(lines)
    names = {
        v
        for v in _json_values(cli(*args, "--json").json())
        if v[:1].isupper() and " " in v and len(v) < 30 and v in result.stdout.replace("\n", " ")
    }
    for name in names:  # a multi-word name on screen sits on one line, never split
        assert name in text, name


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_each_row_is_one_line(
    args: list[str], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS")
    result = cli(*args)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    dates = [line for line in lines if DATE.search(line)]
    for line in dates:
        # A row's date is never alone on a wrapped line: the row's text is with it.
        assert len(line.strip()) > 10, line
    assert not [line for line in lines if line.endswith("Requires")], "a grade wrapped"
    if args[0] in ("list", "inspections"):  # one line a row: the count says how many
        at = next(n for n, ln in enumerate(lines) if re.match(r"\d+ (authorit|inspection)", ln))
        assert at - 2 == int(lines[at].split()[0])  # header, rule, then exactly one line a row


def test_grep_finds_the_whole_row(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ofsted list | grep Lincolnshire`: each row has the name, grade, date and region."""
    monkeypatch.delenv("COLUMNS")
    rows = [line for line in cli("list").stdout.splitlines() if "Lincolnshire" in line]
    data = [a for a in cli("list", "--json").json() if "Lincolnshire" in a["name"]]
    assert len(rows) == len(data) == 3
    for row, auth in zip(sorted(rows), sorted(data, key=lambda a: a["name"]), strict=True):
        assert row.startswith(auth["name"])
        assert auth["latest"]["published"] in row and auth["region"] in row
        assert auth["latest"]["overall"].split()[0] in row


def test_letters_at_80_columns_keep_a_title_to_two_lines(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short kinds and the ids `letter` takes, as `show` prints them: the title has room."""
    monkeypatch.setenv("COLUMNS", "80")
    data = cli("letters", "--limit", "40", "--json").json()
    lines = cli("letters", "--limit", "40", "--no-color").stdout.splitlines()[2:]
    starts = [n for n, line in enumerate(lines) if DATE.match(line)]
    assert len(starts) == len(data)
    assert max(b - a for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)) <= 2
    for line, doc in zip((lines[n] for n in starts), data, strict=True):
        assert f" {doc['id'][:8]} " in line and doc["id"] not in line
    monkeypatch.setenv("COLUMNS", "120")
    wide = cli("letters", "--limit", "40", "--no-color").stdout
    assert all(doc["id"] in wide for doc in data)
    monkeypatch.delenv("COLUMNS")  # piped: one line a row, full ids, for grep
    piped = cli("letters", "--limit", "40").stdout.splitlines()[2:]
    assert len(piped) == len(data) and all(d["id"] in ln for d, ln in zip(data, piped, strict=True))


def test_json_and_table_agree_on_the_date_shown(cli: Any) -> None:
    """The same date for the same thing: the publication date, labelled, in every view."""
    show = cli("show", "leicester", "--json").json()
    current = show["current"]["published"]
    for args in (["show", "leicester"], ["neighbours", "luton"], ["list"]):
        text = cli(*args, "--no-color").stdout
        assert "Published" in text or "published" in text
        assert current in text, args
    insp = show["inspections"][-1]
    assert json.dumps(insp["published"]) and insp["published"] == current


def test_report_links_are_clickable_in_colour_only(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OSC 8 hyperlinks on the publication date and the document link, with colour only."""
    url = cli("show", "leicester", "--json").json()["inspections"][-1]["report_url"]
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("show", "leicester").stdout
    assert f"\x1b]8;;{url}\x1b\\" in coloured
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b]8" not in cli("show", "leicester").stdout


def test_a_path_too_long_for_its_column_breaks_after_a_slash() -> None:
    from ofstedcli.render.plain import grid, plain

    path = "/tmp/abc/defgh/file-name.pdf"
    table = grid(20, ["Id", "File"], [[("x1", ""), (path, "")]], breakable=[1])
    pieces = [line[4:] for line in plain(table).splitlines()[2:]]
    assert pieces == ["/tmp/abc/defgh/", "file-name.pdf"]


def test_a_name_wraps_at_its_spaces_before_a_path_is_broken() -> None:
    from ofstedcli.render.plain import grid, plain

    name = "Bournemouth, Christchurch and Poole"
    path = "../reports/2532287_bournemouth_children's_services_inspection.pdf"
    table = grid(60, ["Authority", "File"], [[(name, ""), (path, "")]], flexible=[0],
                 breakable=[1])  # fmt: skip
    lines = plain(table).splitlines()
    assert [line[: lines[0].index("File")].strip() for line in lines[2:]][:3] == [
        "Bournemouth,",
        "Christchurch",
        "and Poole",
    ]
    assert all(len(line) <= 60 for line in lines)


def test_a_letter_at_80_columns_wraps_its_metadata_under_the_labels(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document `show leicester` lists, as `letter ID --no-text` prints it: names and
    roles wrap under their label, what an inspection judged and its id on lines of their
    own; a link or a file's path stays whole (it is copied)."""
    monkeypatch.setenv("COLUMNS", "80")
    docs = cli("show", "leicester", "--json").json()["documents"]
    assert len(docs) > 5
    for doc in docs:
        lines = cli("letter", doc["id"], "--no-text", "--no-color").stdout.splitlines()
        whole = [ln for ln in lines if ln.startswith(("Link ", "File "))]
        assert [ln for ln in lines if width_of(ln) > 80 and ln not in whole] == []
        assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
        inspection = cli("letter", doc["id"], "--json").json().get("inspection")
        if inspection:
            at = next(n for n, ln in enumerate(lines) if ln.startswith("Inspection "))
            assert lines[at + 1].strip() == inspection["id"] or inspection["id"] in lines[at]


def test_letters_name_the_sender_of_a_letter_with_no_title_or_link(cli: Any) -> None:
    """As `show` does: a visit letter held without its text says who wrote it."""
    data = cli("letters", "--kind", "focused_visit_letter", "--limit", "5", "--json").json()
    table = cli("letters", "--kind", "focused_visit_letter", "--limit", "5").stdout
    assert "Title, link, sender or file" in table and "(no text)" not in table
    for doc in data:
        assert not doc["title"] and not doc["url"]
        assert f"{doc['sender']['name']}, {doc['sender']['organisation']}" in table
