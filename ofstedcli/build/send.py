"""Readers of the area SEND sources: Ofsted's 2016-framework statistics and D2I's 2023 index.

Area SEND inspections (Ofsted with the CQC) judge a local area's arrangements for children
with special educational needs and disabilities, not its children's services, so their
events have framework ``SEND`` and never carry a children's services grade:

- Ofsted's official statistics "Area SEND inspections and outcomes" (2016 framework, to
  August 2022): one row per local area, its inspection (start and publication dates, whether
  a written statement of action was required and how many significant weaknesses it named)
  and any revisit (dates, and whether sufficient progress was made in all, some or none of
  the weaknesses).  The table is found by its "Area name" column, each column by its title.
- Data to Insight's index of 2023-framework full inspections: the outcome (1 to 3) with the
  report's wording, dates, the next inspection as the report states it and the report link.
  Unofficial, so its events are provisional.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ofstedcli.build.records import MIT, AuthorityRef, Observation, SourceFile
from ofstedcli.build.tabular import (
    Where,
    Workbook,
    bad,
    cell,
    date,
    find_tables,
    first_match,
    fold,
    read_csv,
    text,
)

FRAMEWORK = "SEND"
D2I_ID = "d2i-area-send-2023"
D2I_PUBLISHER = "Data to Insight (D2I)"

#: The sheet of the official statistics, by its name.
SHEET = r"Area_SEND_up_to_\d{1,2}_[A-Za-z]+_\d{4}"

#: Columns of the official table by a pattern on the folded title; the first match wins.
_COLUMNS: tuple[tuple[str, str], ...] = (
    (r"\bweb link\b", "ignore"),
    (r"\bregion\b", "ignore"),
    (r"\blocal authority code\b", "ons_code"),
    (r"\barea name\b", "name"),
    (r"\brevisit start date\b", "revisit_start"),
    (r"\brevisit publication date\b", "revisit_published"),
    (r"\brevisit outcome\b", "progress"),
    (r"\bprogress has been made\b", "ignore"),
    (r"\bprogress has not been made\b", "ignore"),
    (r"\binspection start date\b", "start"),
    (r"\binspection publication date\b", "published"),
    (r"\bwritten statement of action required\b", "written_statement"),
    (r"\bsignificant weaknesses identified\b", "weaknesses"),
)

#: A revisit's answer to "sufficient progress in addressing all significant weaknesses?".
_PROGRESS = {"yes": "sufficient", "some": "some", "no": "insufficient"}

D2I_COLUMNS = (
    "urn",
    "la_code",
    "ltla23cd",
    "local_authority",
    "inspection_start_date",
    "inspection_end_date",
    "outcome_grade",
    "inspection_outcome_text",
    "publication_date",
    "next_inspection",
    "next_inspection_by_date",
    "inspection_link_href",
)

#: The 2023 framework's three outcomes, by the words of the report's outcome statement.
_OUTCOME_WORDS: tuple[tuple[str, int], ...] = (
    (r"widespread and/or systemic failings", 3),
    (r"inconsistent experiences and outcomes", 2),
    (r"typically lead to positive experiences", 1),
)


def is_official(book: Workbook) -> bool:
    """True for a workbook with the official area SEND outcomes sheet."""
    return any(re.fullmatch(SHEET, name) for name in book.sheet_names)


def read_official(book: Workbook, source: str) -> tuple[list[Observation], int]:
    """Every 2016-framework inspection and revisit of the official statistics, and rows read."""
    sheet = book.find_sheet(SHEET)
    (table,) = find_tables(book.sheet(sheet), Where(book.name, sheet), "Area name")
    columns: dict[str, int] = {}
    for index, title in enumerate(table.headers):
        if title:
            field = first_match(title, _COLUMNS)
            if field is None:
                raise bad(table.where, f"column {title!r} is not one this reader knows")
            columns.setdefault(field, index)
    missing = {"ons_code", "name", "start", "published", "written_statement"} - set(columns)
    if missing:
        raise bad(table.where, f"missing columns {sorted(missing)}")
    found: list[Observation] = []
    for number, row in table.rows:
        where = table.where.at(number)

        def get(field: str, row: list[Any] = row) -> Any:
            return cell(row, columns.get(field))

        ref = AuthorityRef(ons_code=text(get("ons_code")) or None, name=text(get("name")))
        start = _date(get("start"), where, "inspection start date")
        published = _date(get("published"), where, "inspection publication date")
        if start or published:
            found.append(
                Observation(
                    source=source,
                    where=where,
                    ref=ref,
                    framework=FRAMEWORK,
                    type="inspection",
                    start_date=start,
                    published=published,
                    written_statement=_yes_no(get("written_statement"), where),
                    significant_weaknesses=_count(get("weaknesses"), where),
                )
            )
        revisit_start = _date(get("revisit_start"), where, "revisit start date")
        revisit_published = _date(get("revisit_published"), where, "revisit publication date")
        if revisit_start or revisit_published:
            answer = fold(get("progress"))
            if answer and answer not in _PROGRESS:
                raise bad(where, f"unknown revisit outcome {text(get('progress'))!r}")
            found.append(
                Observation(
                    source=source,
                    where=where,
                    ref=ref,
                    framework=FRAMEWORK,
                    type="revisit",
                    start_date=revisit_start,
                    published=revisit_published,
                    progress=_PROGRESS.get(answer),
                )
            )
    return found, len(table.rows)


def d2i_source(name: str) -> SourceFile:
    """The credit of D2I's index of 2023-framework area SEND inspections."""
    return SourceFile(
        D2I_ID,
        "Area SEND inspections (2023 framework), tabulated from D2I's published summary page",
        D2I_PUBLISHER,
        None,
        MIT,
        name,
        url="https://github.com/data-to-insight/ofsted-send-scrape-tool",
        official=False,
    )


def read_d2i(path: Path, name: str) -> list[Observation]:
    """Every 2023-framework full inspection in D2I's index, provisional."""
    found: list[Observation] = []
    for where, row in read_csv(path, name, D2I_COLUMNS):
        wording = row["inspection_outcome_text"] or None
        level = _level(row["outcome_grade"], where)
        if level is None and wording:
            level = next((n for words, n in _OUTCOME_WORDS if re.search(words, wording)), None)
        found.append(
            Observation(
                source=D2I_ID,
                where=where,
                ref=AuthorityRef(ons_code=row["ltla23cd"] or None, urn=row["urn"] or None),
                framework=FRAMEWORK,
                type="full inspection",
                start_date=_date(row["inspection_start_date"], where, "inspection start date"),
                end_date=_date(row["inspection_end_date"], where, "inspection end date"),
                published=_date(row["publication_date"], where, "publication date"),
                report_url=row["inspection_link_href"] or None,
                outcome_level=level,
                outcome=wording if level is not None else None,
                next_interval=_interval(row["next_inspection"]),
                next_inspection=_optional_date(row["next_inspection_by_date"], where),
                official=False,
                provisional=True,
            )
        )
    return found


def _date(value: Any, where: Where, what: str) -> str | None:
    """A date cell; None for a blank or a words-only cell such as "Not revisited yet"."""
    if not text(value) or re.fullmatch(r"[A-Za-z ,.]+", text(value)):
        return None
    return date(value, where, what)


def _optional_date(value: str, where: Where) -> str | None:
    """A date where the index has one; None for its notes ("... not found", "NaN")."""
    return _date(value, where, "date") if re.match(r"\d", value) else None


def _yes_no(value: Any, where: Where) -> bool | None:
    """True for Yes, False for No, None for a blank."""
    answer = fold(value)
    if not answer:
        return None
    if answer not in ("yes", "no"):
        raise bad(where, f"expected Yes or No, found {text(value)!r}")
    return answer == "yes"


def _count(value: Any, where: Where) -> int | None:
    """A whole number of a cell; None for a blank."""
    if not text(value):
        return None
    try:
        number = float(text(value))
    except ValueError:
        raise bad(where, f"expected a number, found {text(value)!r}") from None
    return int(number)


def _level(value: str, where: Where) -> int | None:
    """The outcome 1, 2 or 3 of the index; None where it could not read one."""
    if not value or fold(value) in ("nan", "none"):
        return None
    try:
        level = int(float(value))
    except ValueError:
        raise bad(where, f"unknown outcome grade {value!r}") from None
    if level not in (1, 2, 3):
        raise bad(where, f"unknown outcome grade {value!r}")
    return level


def _interval(value: str) -> str | None:
    """The interval to the next inspection as the report states it ("3 years")."""
    return value if re.match(r"\d", value or "") else None


def official_source(book: Workbook) -> SourceFile:
    """The credit of the official statistics, from their Cover sheet, titled as published."""
    from ofstedcli.build import ofsted_ods

    credit, as_at, _ = ofsted_ods.cover(book)
    if as_at is None:
        return credit
    day = dt.date.fromisoformat(as_at)
    title = f"Area SEND inspections and outcomes in England as at {day.day} {day:%B %Y}"
    return replace(credit, title=title, url=ofsted_ods.statistics_url(title))
