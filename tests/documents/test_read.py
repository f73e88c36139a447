"""Reading text and PDF files: encodings, and every kind of bad input as BadDocument."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofstedcli.documents import read_bytes, read_document
from ofstedcli.errors import BadDocument
from tests.documents.pdfs import make_pdf


def test_utf8_text_with_bom_and_crlf() -> None:
    data = "\ufeffDear Sam,\r\nChildren’s services\r\n".encode()
    assert read_bytes(data, "a.txt") == "Dear Sam,\nChildren’s services\n"


def test_windows_1252_letter() -> None:
    data = "Children\u2019s services \u2013 \u201cgood\u201d".encode("cp1252")
    assert read_bytes(data, "a.txt") == "Children’s services – “good”"


def test_latin_1_when_not_windows_1252() -> None:
    # 0x81 is undefined in Windows-1252, so only Latin-1 reads this.
    assert read_bytes(b"caf\xe9 \x81", "a.txt") == "café \x81"


def test_utf16_with_bom() -> None:
    assert read_bytes("Dear Sam".encode("utf-16"), "a.txt") == "Dear Sam"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"ab\x00cd\x00\x00ef", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_bad_text(data: bytes, reason: str) -> None:
    with pytest.raises(BadDocument, match=reason):
        read_bytes(data, "a.txt")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(BadDocument, match="too large"):
        read_document(path, max_bytes=100)
    with pytest.raises(BadDocument, match="too large"):
        read_bytes(b"x" * 101, "b.txt", max_bytes=100)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(BadDocument, match="cannot read"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(BadDocument, match="folder"):
        read_document(tmp_path)


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Heading\n\n**Bold** text\n", encoding="utf-8")
    assert read_document(path) == "# Heading\n\n**Bold** text\n"


def test_pdf_pages_are_joined_by_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf([["Inspection of Wessex", "Line (two)"], ["Page two"]]))
    assert read_document(path) == "Inspection of Wessex\nLine (two)\fPage two"


def test_pdf_lines_lose_the_spaces_before_their_breaks(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf([["Inspection of  ", "Wessex Council  "], ["Page  two "]]))
    assert read_document(path) == "Inspection of\nWessex Council\fPage two"


def test_pdf_is_recognised_by_content_whatever_its_name() -> None:
    assert read_bytes(make_pdf([["Hello"]]), "-") == "Hello"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (make_pdf([["Secret"]], encrypt=True), "encrypted"),
        (b"%PDF-1.4\nthis is not a pdf at all\n", "not a readable PDF"),
        (make_pdf([["Cut short"]])[:150], "not a readable PDF"),
        (make_pdf([[]]), "no text"),
    ],
)
def test_bad_pdf(data: bytes, reason: str) -> None:
    with pytest.raises(BadDocument, match=reason) as caught:
        read_bytes(data, "r.pdf")
    assert "\n" not in caught.value.message
