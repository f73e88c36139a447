"""Fixed columns for CSV and spreadsheets: one header per command, whatever the data.

A column is a dotted path into a record ("authority.name", "judgements.leadership"); a record
without it gets an empty cell, so ``list --all``, ``inspections --since 2025`` and ``letters``
give the same header as any other run of the same command.
"""

from __future__ import annotations

from typing import Any

from ofstedcli.model import AREAS, GRADES, SEND_FIELDS

_AREAS = [f"judgements.{a}" for a in AREAS if a != "overall"]
INSPECTION = [
    "id",
    "framework",
    "type",
    "start_date",
    "end_date",
    "published",
    "overall",
    "change",
    *_AREAS,
    "theme",
    "lead_inspector",
    "report_url",
    "provisional",
    "source",
    *SEND_FIELDS,
]
AUTHORITY = ["authority.name", "authority.ons_code", "authority.dfe_code"]
EVENT = ["inspection", "framework", "type", "date", "start_date", "published", "overall"]
EVENT = [*EVENT, "provisional"]
CURRENT = [
    "inspection",
    "overall",
    "overall_reported",
    "framework",
    "type",
    "start_date",
    "published",
    "provisional",
]
PARTY = ["name", "role", "organisation"]

#: view -> its columns, in order.
COLUMNS: dict[str, list[str]] = {
    "inspections": [*AUTHORITY, *INSPECTION],
    "recent": [*AUTHORITY, *INSPECTION],
    "list": [
        "name",
        "ons_code",
        "dfe_code",
        "ofsted_urn",
        "region",
        "type",
        "status",
        *(f"latest.{c}" for c in INSPECTION),
        *(f"latest_send.{c}" for c in INSPECTION),
    ],
    "stats": [
        "group",
        "total",
        "graded",
        *(f"counts.{g}" for g in GRADES),
        *(f"percentages.{g}" for g in GRADES),
        "not_reported",
        "not_inspected",
        "provisional",
    ],
    "neighbours": [
        "rank",
        *AUTHORITY,
        "authority.region",
        "authority.type",
        "authority.status",
        *(f"current.{c}" for c in CURRENT),
        "compared",
        "band",
        "model",
    ],
    "transitions": ["from", *(f"to.{g}" for g in GRADES), "total"],
    "movers": [
        *AUTHORITY,
        "change",
        "steps",
        *(f"before.{c}" for c in EVENT),
        "before.authority.name",
        "before.authority.ons_code",
        *(f"latest.{c}" for c in EVENT),
    ],
    "letters": [
        "id",
        "kind",
        "date",
        "title",
        *AUTHORITY,
        *(f"sender.{c}" for c in PARTY),
        *(f"recipient.{c}" for c in PARTY),
        "url",
        "inspection",
        "source",
        "has_text",
        "path",
    ],
    "search": ["id", "kind", "date", "authority", "ons_code", "title", "snippet", "rank"],
}


def header(view: str, flat: list[dict[str, Any]]) -> list[str]:
    """The view's fixed columns; for a view without them, every column seen, in order."""
    if view in COLUMNS:
        return COLUMNS[view]
    seen: dict[str, None] = {}
    for row in flat:
        seen.update(dict.fromkeys(row))
    return list(seen)
