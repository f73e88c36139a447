"""Fixtures for the ingest, search and command tests: a writable copy of the tiny database
and a folder of documents written here, about its authorities."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ofstedcli.store import Store, open_store
from tests.documents.pdfs import make_pdf

#: A minister's letter about Leicester's 2021 inspection (published 12 November 2021, Good).
LEICESTER_LETTER = """\
Jo Bloggs MP Parliamentary Under-Secretary of State for Children and Families

Sanctuary Buildings London SW1P 3BT

The Mayor Leicester City Council City Hall Leicester LE1 1FZ

30 November 2021

Dear Mayor,

LEICESTER CITY COUNCIL: INSPECTION OF LOCAL AUTHORITY CHILDREN'S SOCIAL CARE SERVICES \
(PUBLISHED 12/11/21)

Ofsted has judged the overall effectiveness of Leicester City Council's children's services \
to be 'Good'. Foster carers in the city deserve particular thanks.

Yours sincerely

Jo Bloggs MP
"""

#: A committee report about Leicestershire's 2024 inspection, giving a start date a week
#: after the official one and the grades the record holds.
LEICESTERSHIRE_REPORT = """\
**PEOPLE SCRUTINY COMMITTEE - 9 SEPTEMBER 2024**

**REPORT OF THE DIRECTOR OF CHILDREN'S SERVICES**

Purpose of the Report

1. To report the inspection of Leicestershire County Council's children's services.

2. The inspection was carried out from 22 April to 3 May 2024.

3. The overall effectiveness of children's services in Leicestershire has been judged to be \
Outstanding. Kinship carers and foster carers were praised.
"""

#: An ILACS report page about Leicester's 2024 inspection, as a PDF.
LEICESTER_REPORT_PAGES = [
    [
        "Inspection of Leicester City Council",
        "local authority children's services",
        "Inspection dates: 23 to 27 September 2024",
        "Lead inspector: Pat Example, His Majesty's Inspector",
        "Judgement Grade",
        "The impact of leaders on social work practice with children and families",
        "Requires improvement to be good",
        "The experiences and progress of children who need help and protection",
        "Requires improvement to be good",
        "The experiences and progress of children in care",
        "Good",
        "The experiences and progress of care leavers",
        "Requires improvement to be good",
        "Overall effectiveness Requires improvement to be good",
    ],
    ["Social workers know children well and visit them often."],
]


@pytest.fixture
def work_db(tiny_db_file: Path, tmp_path: Path) -> Path:
    """A writable copy of the tiny database."""
    path = tmp_path / "work.db"
    shutil.copy(tiny_db_file, path)
    return path


@pytest.fixture
def store(work_db: Path) -> Iterator[Store]:
    """The copy, open for writing."""
    with open_store(work_db, write=True) as opened:
        yield opened


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of documents: three good ones, and others each bad in its own way."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "letter.txt").write_text(LEICESTER_LETTER, encoding="cp1252")
    (root / "sub" / "committee.md").write_text(LEICESTERSHIRE_REPORT, encoding="utf-8")
    (root / "sub" / "report.pdf").write_bytes(make_pdf(LEICESTER_REPORT_PAGES))
    (root / "copy-of-letter.txt").write_text(LEICESTER_LETTER, encoding="cp1252")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "nowhere.txt").write_text("Minutes of the allotment society: the marrows did well.")
    (root / "notes.docx").write_bytes(b"not read")
    (root / ".hidden.txt").write_text(LEICESTERSHIRE_REPORT)
    return root
