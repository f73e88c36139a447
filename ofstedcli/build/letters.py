"""Ofsted's focused and monitoring visit letters as a source of visits.

No official list holds the focused visits before April 2021 (Ofsted's in-year statistics
start with 2021-22) nor those after the newest edition, so the build reads Ofsted's own
letters with the project's reader: each letter gives its authority, the visit's dates,
inspectors and theme, and its own date (the visit's publication).  The letters are merged
after the official statistics: a visit the statistics list keeps their values (the letter
fills gaps; a differing value is a disagreement), and a visit only a letter tells of is
added from it, with the letter as its document and the facts' evidence.
"""

from __future__ import annotations

import re

from ofstedcli.build.authorities import Registry
from ofstedcli.build.records import OGL, AuthorityRef, Observation, SourceFile
from ofstedcli.build.seeds import ReadDocument, resolve
from ofstedcli.model import VISIT_TYPES

SOURCE_ID = "ofsted-visit-letters"

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def source(folder: str) -> SourceFile:
    """The credit of the visit letters."""
    return SourceFile(
        SOURCE_ID,
        "Ofsted's focused and monitoring visit letters to local authorities (read by ofsted)",
        "Ofsted",
        None,
        OGL,
        folder,
        url="https://reports.ofsted.gov.uk/",
    )


def observations(
    docs: list[ReadDocument], registry: Registry
) -> tuple[list[Observation], list[str]]:
    """The visit each letter tells of, and a note for each document that gives none."""
    found: list[Observation] = []
    skipped: list[str] = []
    for doc in docs:
        x = doc.x
        kind = x.get("inspection.type")
        start = _full(x.get("inspection.start_date"))
        authority = resolve(registry, doc)
        if kind not in VISIT_TYPES or authority is None or not (start or _full(doc.date)):
            what = (
                "not a visit letter"
                if kind not in VISIT_TYPES
                else "no authority"
                if authority is None
                else "no date"
            )
            skipped.append(f"{doc.where.file}: {what}")
            continue
        found.append(
            Observation(
                source=SOURCE_ID,
                where=doc.where,
                ref=AuthorityRef(ons_code=registry.authorities[authority].ons_code),
                framework="ILACS",
                type=kind,
                start_date=start,
                end_date=_full(x.get("inspection.end_date")),
                published=_full(doc.date),
                theme=_text(x.get("inspection.theme")),
                lead_inspector=_text(x.get("inspection.lead_inspector")),
                official=False,
            )
        )
    return found, skipped


def _full(value: object) -> str | None:
    """A whole ISO date; None for a partial one or none."""
    return value if isinstance(value, str) and _ISO.fullmatch(value) else None


def _text(value: object) -> str | None:
    """A non-empty string, or None."""
    return value if isinstance(value, str) and value.strip() else None
