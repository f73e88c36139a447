"""Limits checked on a spreadsheet before it is loaded, so a small hostile file fails fast.

An ODS or XLSX file is a zip of XML; a few kilobytes can describe millions of cells (ODS
repeats a cell or a row by a count, XLSX places a cell at any address), and the spreadsheet
reader lays a sheet out as a dense grid from its first to its last used cell.  Before the
reader sees a file, its size, the uncompressed size of its XML, and each sheet's used area
(the grid the reader would build) are checked by streaming the XML, in constant memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast
from xml.etree.ElementTree import Element, XMLPullParser

from ofstedcli.build.tabular import Where, bad
from ofstedcli.errors import BadSource

#: Largest spreadsheet file accepted (bytes); Ofsted's biggest is about 2 MB.
MAX_FILE = 50 * 1024 * 1024
#: Largest uncompressed XML inside it (bytes).
MAX_XML = 200 * 1024 * 1024
#: Largest used area of one sheet (cells); the biggest real sheet is under 100,000.
MAX_CELLS = 2_000_000

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET_XML = re.compile(r"xl/worksheets/[^/]+\.xml")
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")
#: Control characters XML 1.0 forbids, which spreadsheet readers accept in text: spaces here.
_CONTROLS = bytes.maketrans(bytes([*range(0, 9), 11, 12, *range(14, 32)]), b" " * (9 + 2 + 18))


def _events(handle: IO[bytes], ends_only: bool = False) -> Iterator[tuple[str, Element]]:
    """The start and end events of an XML stream, read in blocks, forbidden controls made
    spaces."""
    parser: XMLPullParser[Element] = XMLPullParser(("end",) if ends_only else ("start", "end"))
    for block in iter(lambda: handle.read(1 << 16), b""):
        parser.feed(block.translate(_CONTROLS))
        for item in parser.read_events():
            yield str(item[0]), cast(Element, item[1])  # type: ignore[misc]
    parser.close()
    for item in parser.read_events():
        yield str(item[0]), cast(Element, item[1])  # type: ignore[misc]


def check_spreadsheet(path: Path, name: str) -> None:
    """BadSource (one line) when the file is not a regular file or is beyond the limits."""
    where = Where(name)
    if path.is_dir():
        raise bad(where, "is a folder, not a spreadsheet")
    if not path.exists():
        raise bad(where, "file not found")
    if not path.is_file():
        raise bad(where, "is not a regular file (a device or a pipe?), so not a spreadsheet")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise bad(where, f"too large ({size:,} bytes; the limit is {MAX_FILE:,})")
    if not zipfile.is_zipfile(path):
        return  # not a zip: the reader says what it is
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            xml = [m for m in members if m.filename.endswith(".xml")]
            total = sum(m.file_size for m in xml)
            if total > MAX_XML:
                raise bad(where, f"too large: {total:,} bytes of XML (the limit is {MAX_XML:,})")
            for member in xml:
                if member.filename == "content.xml":
                    _check_ods(zf, member.filename, where)
                elif _SHEET_XML.fullmatch(member.filename):
                    _check_xlsx(zf, member.filename, where)
    except BadSource:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, SyntaxError, ValueError) as exc:
        # SyntaxError covers xml.etree's ParseError.
        raise bad(where, f"cannot be read as a spreadsheet ({exc})") from None


def _too_many(where: Where, sheet: str, rows: int, cols: int) -> BadSource:
    return bad(
        where,
        f"too large: sheet {sheet!r} spans {rows:,} rows by {cols:,} columns "
        f"({rows * cols:,} cells; the limit is {MAX_CELLS:,})",
    )


def _check_ods(zf: zipfile.ZipFile, member: str, where: Where) -> None:
    """Each table's used area, counting repeated rows and cells, from content.xml."""
    table, row, cell = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell"
    covered = f"{{{_TABLE}}}covered-table-cell"
    rows_rep, cols_rep = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
    value_type = f"{{{_OFFICE}}}value-type"
    sheet, row_at, col_at, last_row, last_col = "", 0, 0, 0, 0
    with zf.open(member) as handle:
        for event, el in _events(handle):
            tag = el.tag
            if event == "start":
                if tag == table:
                    sheet, row_at, last_row, last_col = el.get(f"{{{_TABLE}}}name", "?"), 0, 0, 0
                elif tag == row:
                    col_at = 0
                continue
            if tag in (cell, covered):
                repeat = int(el.get(cols_rep, "1"))
                if el.get(value_type) is not None or len(el):
                    last_col = max(last_col, col_at + repeat)
                    last_row = max(last_row, row_at + 1)
                col_at += repeat
                el.clear()
            elif tag == row:
                repeat = int(el.get(rows_rep, "1"))
                if repeat > 1 and last_row == row_at + 1:
                    last_row = row_at + repeat  # a row with values, repeated
                row_at += repeat
                el.clear()
                if last_row * last_col > MAX_CELLS:
                    raise _too_many(where, sheet, last_row, last_col)
            elif tag == table:
                el.clear()


def _check_xlsx(zf: zipfile.ZipFile, member: str, where: Where) -> None:
    """A worksheet's used area, from the addresses of its cells."""
    cell = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}c"
    last_row = last_col = 0
    first_row = first_col = 0
    with zf.open(member) as handle:
        for _, el in _events(handle, ends_only=True):
            if el.tag != cell:
                continue
            m = _CELL_REF.fullmatch(el.get("r", ""))
            el.clear()
            if not m:
                continue
            col = 0
            for letter in m[1]:
                col = col * 26 + ord(letter) - 64
            r = int(m[2])
            first_row = min(first_row or r, r)
            first_col = min(first_col or col, col)
            last_row, last_col = max(last_row, r), max(last_col, col)
            rows, cols = last_row - first_row + 1, last_col - first_col + 1
            if rows * cols > MAX_CELLS:
                raise _too_many(where, member.rsplit("/", 1)[-1], rows, cols)
