"""Reader of DfE's statistical neighbour models: ten neighbours per authority, ranked, banded.

Each model is a workbook whose sheet "LA SN Groups" lists, per local authority (by DfE
number), its neighbours SN1 to SN10 nearest first, each followed by an "SNP" column giving
how close it is ("Close", "Somewhat close", "Not close"; the 2021 model also "Very close").
The table is found by its "LA num" header; the columns by their titles.  The model's date
is not in the workbook, only in the name DfE gives its file ("sn_may_2025"), so that is
where it is read from; a file whose name gives none is refused.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ofstedcli.build.records import OGL, SourceFile
from ofstedcli.build.tabular import Where, Workbook, bad, cell, find_tables, fold, text

SHEET = r"LA SN Groups"
PUBLISHER = "Department for Education"
URL = "https://github.com/dfe-analytical-services/local-authority-interactive-tool"

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
#: Month numbers by full and three-letter name.
_MONTHS = {
    **{m: n for n, m in enumerate(_MONTH_NAMES.split(), start=1)},
    **{m[:3]: n for n, m in enumerate(_MONTH_NAMES.split(), start=1)},
}


@dataclass(frozen=True)
class Model:
    """One statistical neighbour model: its credit, its label (the year) and its rows."""

    source: SourceFile
    label: str
    #: (DfE number of the authority, [(DfE number of the neighbour, band)] nearest first)
    rows: list[tuple[Where, str, list[tuple[str, str | None]]]]


def is_model(book: Workbook) -> bool:
    """True for a workbook with DfE's statistical neighbour sheet."""
    return any(re.fullmatch(SHEET, name) for name in book.sheet_names)


def read_model(book: Workbook) -> Model:
    """A statistical neighbour model; BadSource for a file that does not name its date."""
    when = _model_date(book.name)
    if when is None:
        raise bad(
            Where(book.name),
            "a statistical neighbour model whose file name gives no month and year "
            "(DfE names them like sn_may_2025.xlsx)",
        )
    sheet = book.find_sheet(SHEET)
    (table,) = find_tables(book.sheet(sheet), Where(book.name, sheet), "LA num")
    titles = [fold(t) for t in table.headers]
    ranks = [(int(m[1]), i) for i, t in enumerate(titles) if (m := re.fullmatch(r"sn\s*(\d+)", t))]
    if not ranks:
        raise bad(table.where, "no SN1..SN10 columns")
    rows: list[tuple[Where, str, list[tuple[str, str | None]]]] = []
    for number, row in table.rows:
        where = table.where.at(number)
        code = _dfe(cell(row, titles.index("la num")), where)
        found: list[tuple[str, str | None]] = []
        for _, index in sorted(ranks):
            if text(cell(row, index)) not in ("", "-"):
                banded = titles[index + 1 : index + 2] == ["snp"]
                band = text(cell(row, index + 1)) if banded else ""
                found.append((_dfe(cell(row, index), where), _band(band)))
        rows.append((where, code, found))
    label = when[:4]
    source = SourceFile(
        id=f"dfe-sn-{when}",
        title=f"Statistical neighbour model ({dt.date.fromisoformat(when + '-01'):%B %Y})",
        publisher=PUBLISHER,
        published=None,
        licence=OGL,
        file=book.name,
        url=URL,
    )
    return Model(source, label, rows)


def _model_date(name: str) -> str | None:
    """The year and month ("2025-05") a DfE file name gives, or None."""
    words = re.split(r"[^a-z0-9]+", name.lower().rsplit("/", 1)[-1])
    for month, year in itertools.pairwise(words):
        if month in _MONTHS and re.fullmatch(r"(19|20)\d\d", year):
            return f"{year}-{_MONTHS[month]:02d}"
    return None


def _dfe(value: object, where: Where) -> str:
    """A DfE three-digit LA number."""
    raw = text(value)
    if not re.fullmatch(r"\d{3}", raw):
        raise bad(where, f"{raw!r} is not a DfE LA number")
    return raw


def _band(value: str) -> str | None:
    """A closeness band, capitalised as DfE's 2025 model writes it ("Somewhat close")."""
    words = " ".join(value.split()).lower()
    return words[:1].upper() + words[1:] if words else None
