"""Reader of the DfE children-in-need CSV: the authoritative list of authorities by year.

Only its identifying columns are used: the DfE 3-digit code (``old_la_code``), the ONS code
(``new_la_code``), the name and the region of every local authority in every reporting year.
A reporting year ``2024`` runs from 1 April 2023 to 31 March 2024.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ofstedcli.build.records import OGL, SourceFile
from ofstedcli.build.tabular import Where, bad, read_csv

COLUMNS = (
    "time_period",
    "geographic_level",
    "old_la_code",
    "new_la_code",
    "la_name",
    "region_code",
    "region_name",
)

SOURCE_ID = "dfe-children-in-need"


@dataclass(frozen=True)
class DfeRow:
    """One local authority in one DfE reporting year."""

    year: int
    dfe_code: str
    ons_code: str
    name: str
    region: str
    where: Where


def source(file: str) -> SourceFile:
    """The credit of the DfE file."""
    return SourceFile(
        id=SOURCE_ID,
        title="Children in need: local authority figures by reporting year",
        publisher="Department for Education (Explore Education Statistics)",
        published=None,
        licence=OGL,
        file=file,
        url="https://explore-education-statistics.service.gov.uk/find-statistics/"
        "characteristics-of-children-in-need",
    )


def read(path: Path, name: str) -> list[DfeRow]:
    """Every local-authority row of the file (national and regional rows are skipped)."""
    rows: list[DfeRow] = []
    for where, row in read_csv(path, name, COLUMNS):
        if row["geographic_level"] != "Local authority":
            continue
        period = row["time_period"]
        if not (re.fullmatch(r"\d{4}|\d{6}", period) and row["old_la_code"] and row["new_la_code"]):
            raise bad(where, "local authority row without a year, DfE code or ONS code")
        rows.append(
            DfeRow(
                # "2024" is the year to March 2024; "202324" the same year written in full.
                year=int(period[:4]) + (len(period) == 6),
                dfe_code=row["old_la_code"],
                ons_code=row["new_la_code"],
                name=row["la_name"],
                region=row["region_name"],
                where=where,
            )
        )
    if not rows:
        raise bad(Where(name), "no local authority rows")
    return rows
