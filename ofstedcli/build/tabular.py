"""Reading rows out of spreadsheets and CSV files, shared by every source reader.

Official files move their tables around between editions, so a table is found by the
content of its header row (the row holding a given column title), never by a fixed row
number, and a column by words in its title.  Every value that cannot be read raises
:class:`~ofstedcli.errors.BadSource` naming the file, the sheet and the 1-based row, as a
spreadsheet program shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofstedcli import model
from ofstedcli.errors import BadSource


@dataclass(frozen=True)
class Where:
    """A place in a source file: file name, sheet (None for CSV) and 1-based row."""

    file: str
    sheet: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        return ", ".join(parts)

    def at(self, row: int) -> Where:
        """The same file and sheet at another row."""
        return Where(self.file, self.sheet, row)


def bad(where: Where, message: str) -> BadSource:
    """A BadSource error whose message starts with the place it happened."""
    return BadSource(f"{where}: {message}", file=where.file, sheet=where.sheet, row=where.row)


def text(value: Any) -> str:
    """A cell as stripped text, with internal runs of whitespace made single spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def fold(value: Any) -> str:
    """A cell as lower-case words, for comparing titles."""
    return re.sub(r"[^a-z0-9]+", " ", text(value).lower()).strip()


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?$")


def date(value: Any, where: Where, what: str = "date") -> str | None:
    """An ISO date from a date cell, an ISO string or dd/mm/yy(yy); None for a blank."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = text(value)
    if not raw:
        return None
    try:
        if m := _ISO.match(raw):
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := _DMY.match(raw):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return dt.date(year, int(m[2]), int(m[1])).isoformat()
    except ValueError:
        pass
    raise bad(where, f"{what} {raw!r} is not a date")


def grade(value: Any, where: Where, column: str) -> str | None:
    """The canonical grade in a cell (None for a blank); BadSource for an unknown word."""
    try:
        return model.parse_grade(text(value))
    except ValueError:
        raise bad(where, f"unknown grade {text(value)!r} in column {column!r}") from None


def days_between(a: str, b: str) -> int:
    """Days from ISO date ``a`` to ISO date ``b``."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


@dataclass
class Table:
    """One table of a sheet: its header titles and its data rows with their row numbers."""

    where: Where
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def cell(row: Sequence[Any], index: int | None) -> Any:
    """The value at ``index`` in a row, or None when the row is short or there is no column."""
    if index is None or index >= len(row):
        return None
    return row[index]


def find_tables(rows: Sequence[Sequence[Any]], where: Where, marker: str) -> list[Table]:
    """Every table of a sheet, each starting at a header row holding the ``marker`` title.

    A data row is a row after a header whose marker column is not blank; blank rows and the
    titles between tables are skipped.
    """
    wanted = fold(marker)
    tables: list[Table] = []
    key = 0
    for number, row in enumerate(rows, start=1):
        titles = [fold(c) for c in row]
        if wanted in titles:
            key = titles.index(wanted)
            tables.append(Table(where.at(number), [text(c) for c in row]))
        elif tables and text(cell(row, key)):
            tables[-1].rows.append((number, list(row)))
    if not tables:
        raise bad(where, f"no table with a column titled {marker!r}")
    return tables


def _not_a_file(path: Path) -> str:
    """Why a path that should be a file is not one: missing, a folder, a device or a pipe."""
    if path.is_dir():
        return "is a folder, not a file"
    if path.exists():
        return "is not a regular file (a device or a pipe); save it to a file first"
    return "file not found"


class Workbook:
    """An ODS or Excel workbook opened with python-calamine, its sheets read on demand."""

    def __init__(self, path: Path, name: str) -> None:
        from python_calamine import CalamineWorkbook

        self.name = name
        if not path.is_file():
            raise bad(Where(name), _not_a_file(path))
        try:
            self._book = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises its own error types for corrupt files
            raise bad(Where(name), f"cannot be read as a spreadsheet ({exc})") from None
        self.sheet_names: list[str] = list(self._book.sheet_names)

    def sheet(self, name: str) -> list[list[Any]]:
        """The rows of a sheet, padded so that row 1 of the list is row 1 of the sheet."""
        if name not in self.sheet_names:
            raise bad(Where(self.name, name), "sheet not found")
        sheet = self._book.get_sheet_by_name(name)
        rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        return rows

    def find_sheet(self, pattern: str) -> str:
        """The one sheet whose name matches a regular expression (BadSource if none)."""
        for name in self.sheet_names:
            if re.fullmatch(pattern, name):
                return name
        raise bad(Where(self.name), f"no sheet named like {pattern!r} (sheets: {self.sheet_names})")


def read_csv(
    path: Path, name: str, required: Sequence[str]
) -> Iterator[tuple[Where, dict[str, str]]]:
    """The rows of a CSV file as dicts with their places, checking the required columns."""
    if not path.is_file():
        raise bad(Where(name), _not_a_file(path))
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        missing = [c for c in required if c not in columns]
        if missing:
            raise bad(Where(name, row=1), f"missing columns {missing} (found {columns})")
        for number, row in enumerate(reader, start=2):
            yield Where(name, row=number), {k: text(v) for k, v in row.items() if k}


def csv_columns(path: Path) -> list[str]:
    """The header of a CSV file (empty when it cannot be read as text)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError):
        return []


def first_match(value: str, rules: Sequence[tuple[str, str]]) -> str | None:
    """The label of the first ``(regex, label)`` rule that matches the folded value."""
    for pattern, label in rules:
        if re.search(pattern, fold(value)):
            return label
    return None
