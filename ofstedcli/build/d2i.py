"""Readers of the two Data to Insight (D2I) files: the authority lookup and the report index.

The lookup gives each authority's Ofsted URN, the names it is known by, its ONS type, its web
domain and its statistical neighbours (DfE codes, nearest first).  The report index lists
every published Ofsted report the D2I scraper found, with its link, lead inspector,
inspection dates and the grades it read; it is unofficial, so the merge uses it to add to
the official statistics and never to overrule them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ofstedcli.build.records import MIT, AuthorityRef, Observation, SourceFile
from ofstedcli.build.tabular import Where, Workbook, bad, date, fold, grade, read_csv, text

PUBLISHER = "Data to Insight (D2I)"
LOOKUP_ID = "d2i-provider-lookup"
#: Where D2I publishes its ILACS scrape tool, the lookup and the report index.
TOOL_URL = "https://github.com/data-to-insight/ofsted-ilacs-scrape-tool"
HISTORY_ID = "d2i-ilacs-history"

LOOKUP_COLUMNS = (
    "urn",
    "la_code",
    "la_code_new",
    "stat_neighbours",
    "local_authority_ons_name",
    "also_known_as",
    "region_name",
    "domain",
    "ltla23nm",
    "utla23nm",
    "ons_la_type",
)

#: The report index's grade columns by canonical area.
HISTORY_GRADES = {
    "overall": "overall_effectiveness_grade",
    "leadership": "impact_of_leaders_grade",
    "help_and_protection": "help_and_protection_grade",
    "in_care": "in_care_grade",
    "care_leavers": "care_leavers_grade",
}
HISTORY_COLUMNS = (
    "urn",
    "local_authority",
    "inspection_link",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    *HISTORY_GRADES.values(),
)

#: Scraper markers meaning "no grade": unreadable, a judgement not made yet (care leavers
#: before 2023), and no overall judgement (ILACS from April 2026).
_NO_VALUE = {"data_unreadable", "inspection_pre_dates_judgement", "not_reported_post_reform"}
#: The scraper sometimes keeps the word before a grade ("to requires improvement").
_LEADING_TO = re.compile(r"^to\s+")


@dataclass(frozen=True)
class LookupRow:
    """One authority of the D2I lookup."""

    urn: str
    dfe_code: str
    ons_code: str
    name: str
    #: Other names: ONS forms, the also-known-as list; each with its kind.
    names: tuple[tuple[str, str], ...]
    region: str | None
    la_type: str | None
    domain: str | None
    neighbours: tuple[str, ...]
    where: Where


def lookup_source(file: str) -> SourceFile:
    """The credit of the D2I lookup."""
    return SourceFile(
        LOOKUP_ID, "Provider data lookup", PUBLISHER, None, MIT, file, url=TOOL_URL, official=False
    )


def history_source(file: str) -> SourceFile:
    """The credit of the D2I report index."""
    return SourceFile(
        HISTORY_ID,
        "Ofsted children's services inspection history (scraped report index)",
        PUBLISHER,
        None,
        MIT,
        file,
        url=TOOL_URL,
        official=False,
    )


def read_lookup(path: Path, name: str) -> list[LookupRow]:
    """Every authority of the lookup."""
    rows: list[LookupRow] = []
    for where, row in read_csv(path, name, LOOKUP_COLUMNS):
        if not (row["urn"] and row["la_code"] and row["la_code_new"]):
            raise bad(where, "row without an Ofsted URN, DfE code or ONS code")
        own = row["local_authority_ons_name"]
        names = [(n, "ons_name") for n in (own, row["ltla23nm"], row["utla23nm"]) if n]
        names += [(n, "also_known_as") for n in split_known_as(row["also_known_as"], own)]
        rows.append(
            LookupRow(
                urn=row["urn"],
                dfe_code=row["la_code"],
                ons_code=row["la_code_new"],
                name=own,
                names=tuple(names),
                region=row["region_name"] or None,
                la_type=row["ons_la_type"] or None,
                domain=row["domain"] or None,
                neighbours=tuple(c.strip() for c in row["stat_neighbours"].split(",") if c.strip()),
                where=where,
            )
        )
    if not rows:
        raise bad(Where(name), "no rows")
    return rows


def split_known_as(value: str, own_name: str) -> list[str]:
    """The names in an also-known-as list such as ``[BCP, Bournemouth, Christchurch & Poole]``.

    The list is comma-separated but a name may hold commas itself; pieces are joined again
    when together they spell the authority's own name.
    """
    pieces = [p.strip() for p in value.strip().strip("[]").split(",") if p.strip()]
    names: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            joined = ", ".join(pieces[i:j])
            if j == i + 1 or fold(joined.replace("&", "and")) == fold(own_name):
                names.append(joined)
                i = j
                break
    return names


def read_history(path: Path, name: str) -> list[Observation]:
    """One observation per report in the index."""
    found: list[Observation] = []
    for where, row in read_csv(path, name, HISTORY_COLUMNS):
        judgements: dict[str, str] = {}
        for area, column in HISTORY_GRADES.items():
            value = _LEADING_TO.sub("", row[column].lower())
            if value in _NO_VALUE:
                continue
            graded = grade(value, where, column)
            if graded is not None:
                judgements[area] = graded
        framework = row["inspection_framework"].lower()
        type_ = "short inspection" if "short" in framework else None
        if "standard" in framework:
            type_ = "standard inspection"
        found.append(
            Observation(
                source=HISTORY_ID,
                where=where,
                ref=AuthorityRef(urn=row["urn"], name=row["local_authority"]),
                # Before 2018 the index gives no framework and no grades: a link only.
                framework="ILACS" if framework or judgements else None,
                type=type_,
                start_date=date(row["inspection_start_date"], where, "inspection_start_date"),
                end_date=date(row["inspection_end_date"], where, "inspection_end_date"),
                published=date(row["publication_date"], where, "publication_date"),
                judgements=judgements,
                lead_inspector=row["inspector_name"] or None,
                report_url=row["inspection_link"] or None,
                official=False,
            )
        )
    return found


#: Columns of D2I's daily overview workbook (the latest inspection per authority).
OVERVIEW_COLUMNS = ("urn", "la_code", "stat_neighbour_judgement", "inspection_link")


def is_overview(book: Workbook) -> bool:
    """True for D2I's daily overview workbook, told by its header row."""
    for sheet in book.sheet_names[:3]:
        rows = book.sheet(sheet)[:1]
        if rows and set(OVERVIEW_COLUMNS) <= {text(c) for c in rows[0]}:
            return True
    return False
