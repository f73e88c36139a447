"""The ingest, letters, letter and search commands, through the real entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke


@pytest.fixture
def db(work_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFSTED_DB", str(work_db))
    return work_db


def test_ingest_json_is_one_document_object_per_file(db: Path, folder: Path) -> None:
    result = invoke(
        "ingest", str(folder / "letter.txt"), str(folder / "sub"), "--dry-run", "--json"
    )
    assert result.code == 0, result.stderr
    docs: list[dict[str, Any]] = result.json()
    assert [d["status"] for d in docs] == ["dry_run"] * 3
    first = docs[0]
    assert first["path"].endswith("letter.txt")
    assert first["kind"] == "ministerial_letter"
    assert first["authority"]["ons_code"] == "E06000016"
    assert first["inspection"]["overall"] == "Good"
    assert "inspection.overall" in first["evidence"]
    assert "checked 3, duplicates 0, failed 0" in result.stderr


def test_ingest_warns_once_per_bad_file_and_goes_on(db: Path, folder: Path) -> None:
    result = invoke("ingest", str(folder))
    warnings = [line for line in result.stderr.splitlines() if line.startswith("ofsted: ")]
    assert len(warnings) == 2
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    # a text that names no authority is read and stored with none, not refused
    assert "4 ingested, 1 duplicate(s), 2 failed" in result.stdout
    (found,) = invoke("search", "marrows", "--json").json()
    shown = invoke("letter", found["id"], "--json").json()
    assert not (shown["authority"] or {}).get("ons_code")
    assert "allotment society" in shown["text"]
    # Exit code 1 needs cli.run to honour typer.Exit's code (reported to the lead).


def test_letters_letter_and_search(db: Path, folder: Path) -> None:
    invoke("ingest", str(folder / "sub"))
    listed = invoke("letters", "leicestershire", "--json").json()
    assert [d["kind"] for d in listed] == ["committee_report"]
    doc_id = listed[0]["id"]
    shown = invoke("letter", doc_id[:6])
    assert shown.code == 0
    assert "2024-04-22" in shown.stdout and "official record:" in shown.stdout
    assert "2024-04-15 (test)" in shown.stdout
    found = invoke("search", "kinship", "--json").json()
    assert [h["id"] for h in found] == [doc_id]
    table = invoke("search", "kinship", "--authority", "leicestershire")
    assert doc_id in table.stdout and "kinship" in table.stdout.lower()
    flat = invoke("search", "kinship", "--format", "csv")
    assert "[Kinship]" in flat.stdout or "[kinship]" in flat.stdout


def test_letters_name_a_page_with_no_title_or_sender_by_its_file(db: Path, tmp_path: Path) -> None:
    """A news page read from a file: the list shows the file's name, not an empty cell."""
    page = tmp_path / "pages" / "westbrook-echo-ofsted.txt"
    page.parent.mkdir()
    page.write_text(
        "Children's services in Leicester have been rated good by Ofsted, inspectors said "
        "on Friday.\n"
    )
    [stored] = invoke("ingest", str(page), "--json").json()
    [doc] = [d for d in invoke("letters", "--json").json() if d["id"] == stored["id"]]
    assert (doc["title"], doc["url"], doc["sender"]) == (None, None, None)
    assert doc["path"] == str(page)
    row = [ln for ln in invoke("letters").stdout.splitlines() if doc["id"][:8] in ln]
    assert len(row) == 1 and row[0].endswith("westbrook-echo-ofsted.txt")
    assert str(page.parent) not in row[0]
    shown = [ln for ln in invoke("show", "leicester").stdout.splitlines() if doc["id"][:8] in ln]
    assert len(shown) == 1 and shown[0].endswith("westbrook-echo-ofsted.txt")


def test_document_text_is_shown_literally(db: Path, tmp_path: Path) -> None:
    from tests.documents.conftest import LEICESTER_LETTER

    hostile = LEICESTER_LETTER + "\n[bold red]styled?[/bold red] \x1b[31mred\x1b[0m\n"
    path = tmp_path / "hostile.txt"
    path.write_text(hostile)
    (doc,) = invoke("ingest", str(path), "--json").json()
    shown = invoke("letter", doc["id"])
    assert "[bold red]styled?[/bold red]" in shown.stdout
    assert "\x1b" not in shown.stdout
    assert "bundled" not in shown.stdout


def test_usage_errors(db: Path) -> None:
    assert invoke("search", "x NEAR(", "--raw").code == 2
    assert invoke("search", '"*').code == 2
    assert invoke("letters", "--kind", "memo").code == 2
    assert invoke("letter", "zz").code == 2
    assert invoke("letter", "ffffffff").code == 3
    missing = invoke("letter", "aaaaaaaaaaaa")
    assert missing.code == 0 and "without its text" in missing.stdout


def test_letter_keeps_the_texts_lines_and_names_facts_readably(db: Path, tmp_path: Path) -> None:
    from tests.documents.conftest import LEICESTER_LETTER

    text = LEICESTER_LETTER.replace(
        "Yours sincerely",
        "Services were judged inadequate in March 2016. Care leavers were judged 'good'.\n\n"
        "Yours sincerely",
    )
    path = tmp_path / "letter.txt"
    path.write_text(text)
    (doc,) = invoke("ingest", str(path), "--json").json()
    shown = invoke("letter", doc["id"]).stdout.splitlines()
    assert "Dear Mayor," in [line.strip() for line in shown]
    assert "Yours sincerely" in [line.strip() for line in shown]
    joined = "\n".join(shown)
    assert "{'" not in joined and "None" not in joined
    assert "mention 1" in joined and "Inadequate (2016-03)" in joined
    assert "inspection published" in joined
    assert "care leavers judgement" in joined and "inspection judgements" not in joined
    brief = invoke("letter", doc["id"], "--no-text")
    assert brief.code == 0 and "Yours sincerely" not in brief.stdout
    assert "mention 1" in brief.stdout
    as_json = invoke("letter", doc["id"], "--no-text", "--json").json()
    assert "text" not in as_json and as_json["has_text"] is True


def test_ingest_table_fits_80_columns(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short kinds and ids, no inspection column, notes after the table, a long name
    wrapped before long paths are broken."""
    deep = folder / "a-folder-with-a-long-name" / "and-another-inside-it"
    deep.mkdir(parents=True)
    (deep / "the-letter-with-a-long-file-name.txt").write_bytes(
        (folder / "letter.txt").read_bytes()
    )
    (deep / "bcp.txt").write_text(
        "Ofsted rated Bournemouth, Christchurch and Poole Council's children's services good.\n"
    )
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke("ingest", str(deep), str(folder / "nowhere.txt"), "--no-color")
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    rows = [line.split() for line in lines if line.startswith("ingested")]
    assert len(rows) == 3 and all(len(row[1]) == 8 for row in rows)
    assert all(invoke("letter", row[1], "--json").json()["id"].startswith(row[1]) for row in rows)
    assert 80 - lines[0].index("File") >= 30  # the path has room; the name wraps instead
    assert "ministerial" in result.stdout and "Leicester" in result.stdout
    assert "Inspection" not in lines[0]
    notes = result.stdout[result.stdout.index("Note") :]
    assert "stored without an authority" in notes
    at = lines[0].index("File")
    shown = "".join(line[at:].strip() for line in lines[2:])  # the File column, rejoined
    assert str(deep / "the-letter-with-a-long-file-name.txt") in shown
    monkeypatch.delenv("COLUMNS")  # piped: each file on one line, its path whole, for grep
    again = invoke("ingest", str(deep), "--no-color").stdout.splitlines()
    assert next(line for line in again if "long-file-name" in line).endswith(
        str(deep / "the-letter-with-a-long-file-name.txt")
    )


def test_ingest_url_is_the_documents_link(db: Path, folder: Path) -> None:
    url = "https://www.northampost.co.uk/news/leicester-ofsted-1"
    [doc] = invoke("ingest", str(folder / "letter.txt"), "--url", url, "--json").json()
    assert doc["url"] == url
    [listed] = [d for d in invoke("letters", "--json").json() if d["id"] == doc["id"]]
    assert listed["url"] == url
    both = invoke("ingest", str(folder / "letter.txt"), str(folder / "sub"), "--url", url)
    assert both.code == 2 and both.stdout == ""
    assert both.stderr.strip().splitlines() == [
        "ofsted: --url is one document's web address: give it with one file"
    ]
    bad = invoke("ingest", str(folder / "letter.txt"), "--url", "northampost.co.uk")
    assert bad.code == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "--url must be a web address" in bad.stderr
