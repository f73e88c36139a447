"""Reader of Ofsted's official spreadsheets of local authority inspection outcomes.

Three layouts are known, told apart by their sheet names (never the file name):

- ``underlying-2023``: the 2023 "Children's social care data" underlying data, whose sheet
  ``LA_inspections_2009-2023`` holds every judgement since 2009 in wide form, one row per
  authority and a block of columns per framework (SLAC, CPI, TLAC, SIF, two ILACS), in two
  tables (current authorities, then those that no longer exist); plus the in-year visits
  and the latest judgements with their inspection dates.
- ``outcomes-2024``: "LA inspection outcomes as at 31 March 2024": latest, in-year and
  ``ILACS_inspections_2018-2024`` (first and second ILACS in wide form, two tables).
- ``outcomes-2025``: the same as at 31 March 2025 with ONS codes, and
  ``ILACS_inspection_history`` in long form (one row per inspection, with its dates).

Wide and long tables are read by one mechanism: every column title is sorted into a
*block* (which framework and event it belongs to, from words such as "First SIF" or
"CPRI"; a title naming none belongs to the block before it, as "LSCB" follows the SIF
columns) and a *field* (publication date, inspection date, type, theme, or a judgement
area).  Each block of each row with a date is one :class:`Observation`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ofstedcli.build.records import OGL, AuthorityRef, Edition, Observation, SourceFile
from ofstedcli.build.tabular import (
    Table,
    Where,
    Workbook,
    bad,
    cell,
    date,
    find_tables,
    first_match,
    fold,
    grade,
    text,
)

PUBLISHER = "Ofsted"
#: Where Ofsted publishes its official statistics.
STATISTICS = "https://www.gov.uk/government/statistics"

#: Sheet-name patterns of each layout, by the role of the sheet.
LAYOUTS: dict[str, dict[str, str]] = {
    "underlying-2023": {
        "history": r"LA_inspections_\d{4}-\d{4}",
        "in_year": r"LA_level_in_year_\d{4}-\d{2}",
        "latest": r"LA_level_at_31_Mar_\d{4}",
    },
    "outcomes-2024": {
        "history": r"ILACS_inspections_\d{4}-\d{4}",
        "in_year": r"Inspections_in_year_\d{4}-\d{2}",
        "latest": r"Inspections_31_March_\d{4}",
    },
    "outcomes-2025": {
        "history": r"ILACS_inspection_history",
        "in_year": r"In-year_inspections",
        "latest": r"Inspections_as_at_31_March",
    },
}

#: Layouts that ``ofsted db update`` accepts: the yearly "inspection outcomes" editions.
OUTCOMES_LAYOUTS = ("outcomes-2024", "outcomes-2025")

#: Column blocks of wide tables: (pattern on the folded title, block, framework, type).
#: A type of None means the block has its own type column (ILACS standard or short).
_BLOCKS: tuple[tuple[str, str, str, str | None], ...] = (
    (r"\bslac re inspection\b.*\bsafeguarding\b", "slac-re-safeguarding", "SLAC", "re-inspection"),
    (r"\bslac re inspection\b.*\blooked after\b", "slac-re-looked-after", "SLAC", "re-inspection"),
    (r"\bslac\b", "slac", "SLAC", "inspection"),
    (r"\bcpri\b|\bchild protection re inspection", "cpri", "CPI", "re-inspection"),
    (r"\bcpi\b|\bchild protection inspection", "cpi", "CPI", "inspection"),
    (r"\btlac\b", "tlac", "TLAC", "inspection"),
    (r"\bsif re inspection\b", "sif-re", "SIF", "re-inspection"),
    (r"\bsif\b", "sif", "SIF", "inspection"),
    (r"\bsecond ilacs\b", "ilacs-2", "ILACS", None),
    (r"\bilacs\b", "ilacs-1", "ILACS", None),
)
_BLOCK_RULES = tuple((pattern, block) for pattern, block, _, _ in _BLOCKS)
_BLOCK_KIND = {block: (framework, type_) for _, block, framework, type_ in _BLOCKS}

#: Fields that are not judgements, by a pattern on the folded title; the first match wins.
_FIELDS: tuple[tuple[str, str], ...] = (
    (r"\bweb link\b", "ignore"),
    (r"\bregion\b", "ignore"),
    (r"\blocal authority name\b", "name"),
    (r"\barea code\b", "ons_code"),
    (r"\bauthority status\b", "status"),
    (r"\bauthority type\b", "la_type"),
    (r"\bpublication date\b", "published"),
    (r"\binspection (visit )?date\b", "start_date"),
    (r"\binspection (visit )?type\b", "type"),
    (r"\btheme\b", "theme"),
)

#: Judgement areas by a pattern on the folded title; the first match wins.
_AREAS: tuple[tuple[str, str], ...] = (
    (r"\blscb\b", "lscb"),
    (r"\badoption\b", "adoption"),
    (r"\bchildren in care and care leavers\b", "in_care"),
    (r"\bcare leavers\b", "care_leavers"),
    (r"\bhelp and protection\b", "help_and_protection"),
    (r"\bchildren in care\b|\blooked after and achieving permanence\b", "in_care"),
    (r"\bleaders\b|\bleadership\b", "leadership"),
    (r"\bsafeguarding\b", "safeguarding"),
    (r"\blooked after\b", "looked_after"),
    (r"\boverall\b|\boe\b", "overall"),
)

#: Inspection and visit types by a pattern on the folded cell.
_TYPES: tuple[tuple[str, str], ...] = (
    (r"\bstandard\b", "standard inspection"),
    (r"\bshort\b", "short inspection"),
    (r"\bfocused visit\b", "focused visit"),
    (r"\bmonitoring visit\b", "monitoring visit"),
)

#: What a date cell says when an authority has had no inspection of this kind yet.
_NOT_YET = re.compile(r"^not yet\b")

#: Words before a judgement's own title in wide tables ("First SIF ...", "SLAC re-inspection").
_WORDING_PREFIX = re.compile(
    r"^(single inspection of la children's services \(sif\)\s*)?"
    r"((first|second)\s+)?(sif re-inspection|sif|ilacs framework|ilacs|slac re-inspection|"
    r"slac|cpri|cpi|tlac)\b\s*(of\s+)?",
    re.IGNORECASE,
)
_WORDING_SUFFIX = re.compile(r"\s*(\(oe\)|\boe)$", re.IGNORECASE)


def detect_layout(book: Workbook) -> str:
    """The layout of a workbook, from its sheet names; BadSource naming a missing sheet."""
    scores = {
        layout: sum(any(re.fullmatch(p, s) for s in book.sheet_names) for p in sheets.values())
        for layout, sheets in LAYOUTS.items()
    }
    layout = max(scores, key=lambda k: scores[k])
    if scores[layout] == 0:
        raise bad(
            Where(book.name),
            f"not a known Ofsted layout (sheets: {book.sheet_names})",
        )
    for pattern in LAYOUTS[layout].values():
        book.find_sheet(pattern)
    return layout


def read_edition(path: Path, name: str, layouts: Sequence[str] | None = None) -> Edition:
    """Read an Ofsted spreadsheet of any known layout into an :class:`Edition`."""
    return read_book(Workbook(path, name), name, layouts)


def read_book(
    book: Workbook,
    name: str,
    layouts: Sequence[str] | None = None,
    roles: Sequence[str] | None = None,
) -> Edition:
    """Read an opened Ofsted workbook; ``roles`` limits the sheets read ("in_year" ...)."""
    layout = detect_layout(book)
    if layouts is not None and layout not in layouts:
        raise bad(Where(name), f"is the {layout} layout, expected one of {list(layouts)}")
    source, as_at, published_by = cover(book)
    edition = Edition(source, layout, as_at, published_by, [])
    for role, pattern in LAYOUTS[layout].items():
        if roles is not None and role not in roles:
            continue
        sheet = book.find_sheet(pattern)
        tables = find_tables(book.sheet(sheet), Where(name, sheet), "Local authority name")
        for table in tables:
            edition.observations.extend(_observations(table, source.id))
        edition.rows[sheet] = sum(len(t.rows) for t in tables)
    return edition


def cover(book: Workbook) -> tuple[SourceFile, str | None, str | None]:
    """The credit of an edition and the dates it covers, from its Cover sheet."""
    where = Where(book.name, "Cover")
    rows = book.sheet(book.find_sheet(r"Cover"))
    heading = text(cell(rows[0], 0)) if rows else ""
    area = published = covered = None
    for number, row in enumerate(rows, start=1):
        label = fold(cell(row, 0))
        if label.startswith("policy area") and area is None:
            area = text(cell(row, 1))
        elif label.startswith("published on") and published is None:
            published = date(cell(row, 1), where.at(number), "publication date")
        elif label.startswith("period covered") and covered is None:
            covered = text(cell(row, 1))
    if not area or published is None:
        raise bad(where, "no 'Policy area' title or 'Published on' date")
    # The sheet's heading names the edition more fully when it is not a generic one.
    title = heading if fold(heading).startswith(fold(area)) else area
    source = SourceFile(
        id=f"ofsted-{published}",
        title=title,
        publisher=PUBLISHER,
        published=published,
        licence=OGL,
        file=book.name,
        url=statistics_url(title),
    )
    return source, _long_date(covered, "as at"), _long_date(covered, "published by")


def statistics_url(title: str) -> str:
    """The GOV.UK page of an official statistics release, named after its title as GOV.UK
    names its pages ("Local authority inspection outcomes as at 31 March 2024" ->
    .../statistics/local-authority-inspection-outcomes-as-at-31-march-2024)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "").replace("’", "")).strip("-")
    return f"{STATISTICS}/{slug}"


def _long_date(phrase: str | None, after: str) -> str | None:
    """The date written out after some words ("as at 31 March 2025") in a phrase."""
    m = re.search(after + r"\s+(\d{1,2} [A-Za-z]+ \d{4})", phrase or "", re.IGNORECASE)
    return dt.datetime.strptime(m[1], "%d %B %Y").date().isoformat() if m else None


@dataclass(frozen=True)
class _Column:
    """What one column of a table holds."""

    index: int
    title: str
    block: str | None
    field: str


def _columns(table: Table) -> list[_Column]:
    """Sort every titled column of a table into its block and field."""
    columns: list[_Column] = []
    block: str | None = None
    for index, title in enumerate(table.headers):
        if not title:
            continue
        field = first_match(title, _FIELDS) or first_match(title, _AREAS)
        if field is None:
            raise bad(table.where, f"column {title!r} is not one this reader knows")
        if field in ("name", "ons_code", "status", "la_type", "ignore"):
            columns.append(_Column(index, title, None, field))
            continue
        block = first_match(title, _BLOCK_RULES) or block
        columns.append(_Column(index, title, block, field))
    return columns


def _wording(title: str) -> str:
    """A judgement's own title, without the framework words of a wide table."""
    words = _WORDING_SUFFIX.sub("", _WORDING_PREFIX.sub("", title.strip())).strip()
    return words[:1].upper() + words[1:]


def _observations(table: Table, source: str) -> list[Observation]:
    """One observation per block of each row that has a date."""
    columns = _columns(table)
    entity = {c.field: c.index for c in columns if c.block is None and c.field != "ignore"}
    blocks: dict[str | None, list[_Column]] = {}
    for column in columns:
        if column.field not in ("name", "ons_code", "status", "la_type", "ignore"):
            blocks.setdefault(column.block, []).append(column)
    if "name" not in entity:
        raise bad(table.where, "no 'Local authority name' column")
    found: list[Observation] = []
    for number, row in table.rows:
        where = table.where.at(number)
        ref = AuthorityRef(
            ons_code=text(cell(row, entity.get("ons_code"))) or None,
            name=text(cell(row, entity["name"])),
            la_type=text(cell(row, entity.get("la_type"))) or None,
        )
        for block, block_columns in blocks.items():
            obs = _block(block, block_columns, row, where, source, ref)
            if obs is not None:
                found.append(obs)
    return found


def _block(
    block: str | None,
    columns: list[_Column],
    row: list[Any],
    where: Where,
    source: str,
    ref: AuthorityRef,
) -> Observation | None:
    """The observation one block of one row holds, or None when the block is empty."""
    framework, type_ = _BLOCK_KIND.get(block or "", ("ILACS", None))
    values: dict[str, Any] = {}
    judgements: dict[str, str] = {}
    wording: dict[str, str] = {}
    for column in columns:
        value = cell(row, column.index)
        if column.field in ("published", "start_date"):
            if not _NOT_YET.match(fold(value)):
                values[column.field] = date(value, where, column.title)
        elif column.field == "type":
            values["type"] = _type(value, where, column.title)
        elif column.field == "theme":
            values["theme"] = text(value) or None
        else:
            graded = grade(value, where, column.title)
            if graded is not None:
                judgements[column.field] = graded
                wording[column.field] = _wording(column.title)
    if not any(values.values()) and not judgements:
        return None
    if not (values.get("published") or values.get("start_date")):
        raise bad(where, f"{framework} entry without a date")
    return Observation(
        source=source,
        where=where,
        ref=ref,
        framework=framework,
        type=type_ or values.get("type"),
        start_date=values.get("start_date"),
        published=values.get("published"),
        judgements=judgements,
        wording=wording,
        theme=values.get("theme"),
    )


def _type(value: Any, where: Where, column: str) -> str | None:
    """The canonical inspection or visit type of a cell; BadSource for an unknown one."""
    if not text(value):
        return None
    found = first_match(text(value), _TYPES)
    if found is None:
        raise bad(where, f"unknown inspection type {text(value)!r} in column {column!r}")
    return found
