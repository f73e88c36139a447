"""Seed documents in the build: metadata and facts from the extractor, never the text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ofstedcli.build import build_database
from ofstedcli.documents import extract
from ofstedcli.errors import BadSource
from tests.build import sources as src

#: An invented letter about Leicester's 2021 inspection, giving a start date a week early.
LETTER = """Department for Education

Councillor Jo Bloggs
Leader, Leicester City Council

22 November 2021

Dear Councillor Bloggs,

Ofsted inspection of children's services in Leicester

I was delighted to read Ofsted's report on Leicester's children's services. The inspection
took place from 13 September to 24 September 2021.

Yours sincerely,

Anna Example MP
Minister for Children
"""


def test_seed_documents_are_facts_only(tmp_path: Path) -> None:
    """The default seeds folder beside the sources is read; facts are linked and checked."""
    sources = src.write_sources(tmp_path / "sources")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "letter.txt").write_text(LETTER)
    (tmp_path / "seeds" / "expected.json").write_text("{}")
    report = build_database(sources, tmp_path / "out.db")
    assert report.seeds.startswith("1 seed documents (1 linked")
    with sqlite3.connect(tmp_path / "out.db") as conn:
        doc = conn.execute(
            "SELECT id, authority, kind, date, text, path, inspection, source FROM documents "
            "WHERE kind != 'inspection_report'"
        ).fetchall()
        facts = conn.execute("SELECT field, value, inspection, conflict FROM facts").fetchall()
        credit = conn.execute("SELECT id FROM sources WHERE id = 'seed-documents'").fetchall()
    assert doc == [
        (doc[0][0], "E06000016", "ministerial_letter", "2021-11-22", None, "seeds/letter.txt",
         "E06000016-ilacs-standard-inspection-2021-11-12", "seed-documents"),
    ]  # fmt: skip
    # Every fact but the title, and but a candidate that names no authority ("Leicester's")
    read = [f for f in extract(LETTER).facts if f.field != "title"]
    assert "Leicester's" in [f.value for f in read]
    assert [f[:2] for f in facts] == [(f.field, f.value) for f in read if f.value != "Leicester's"]
    start = [f for f in facts if f[0] == "inspection.start_date"]
    assert start == [
        ("inspection.start_date", "2021-09-13", "E06000016-ilacs-standard-inspection-2021-11-12",
         "official record: 2021-09-20 (ofsted-2025-09-25)")
    ]  # fmt: skip
    assert credit == [("seed-documents",)]


def test_missing_seeds_folder(tmp_path: Path) -> None:
    """A seeds folder that was asked for and does not exist is a BadSource."""
    sources = src.write_sources(tmp_path / "sources")
    with pytest.raises(BadSource, match="seed documents folder not found"):
        build_database(sources, tmp_path / "out.db", tmp_path / "nowhere")
    assert not (tmp_path / "out.db").exists()
