"""Tying an extraction to the database: which authority it names, which inspection it is
about, and where it disagrees with the official record.

The extractor gives authority names as written, best first; the project's resolver decides
which authority each names, and the first that resolves to exactly one wins.  A document is
linked to one of that authority's inspections (visits for visit letters): the one whose
publication date it gives, else whose start or end date it gives (the same month for a
partial date, a fortnight either way for a full one), else the latest report published by
the document's own date.  Its facts are then compared with that record; a disagreement is
noted beside the fact, never written over the record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ofstedcli import names
from ofstedcli.documents.extraction import Extraction
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.model import VISIT_TYPES, Inspection
from ofstedcli.resolve import resolve_code
from ofstedcli.store import Store

#: The framework of area SEND inspections.
SEND = "SEND"
#: Days a publication date a document gives may differ from the official one and still link.
PUBLISHED_SLACK = 7
#: Days an inspection date a document gives may differ from the official one and still link.
DATE_SLACK = 14
#: Longest time from a report's publication to a letter about it that still links.
REPORT_WINDOW = 365
#: Longest time from an inspection's last day to its report's publication.
REPORT_LAG = 200


@dataclass(frozen=True)
class Resolved:
    """The authority a document concerns and the name that told it."""

    ons_code: str
    name: str


def inspections_of(store: Store, code: str) -> list[Inspection]:
    """An authority's inspections and those of the authorities it replaced."""
    codes = [code] + [p["ons_code"] for p in store.authority(code).predecessors]
    return store.inspections(authorities=codes)


#: How many of a document's names, best first, may be resolved by word or fuzzy matching;
#: the rest (places the text merely names) count only when they name an authority exactly.
LOOSE_NAMES = 3


def resolve_authority(store: Store, extraction: Extraction) -> Resolved | None:
    """The authority the document names: the first of its names that names one authority
    without guessing (exactly, or by whole words), else the first of its best names that
    does by a close spelling.

    A place named exactly is never passed over for a fuzzy guess at another ("Boston" is not
    Bolton when "Lincolnshire County Council" is named too), and the places a text only
    names in passing (its last candidates) are never guessed at.  A name that fits several
    authorities is settled by what the text itself says: the region it gives ("a London
    borough": Kingston upon Thames, not Hull) or the region of the other authorities it
    names; and a name shared with a former authority is the former one when the text speaks
    of a time before the change ("Dorset" in 2016 is Dorset County Council).
    """
    names_ = extraction.authority_names
    exact = [part for name in names_ for part in (name, *_listed(name))]
    for fuzzy, pool in ((False, exact), (True, names_[:LOOSE_NAMES])):
        for name in pool:
            try:
                code = resolve_code(store, name, fuzzy=fuzzy, record=False)
            except Ambiguous as exc:
                settled = _settle(store, exc, extraction, name)
                if settled is None:
                    continue
                code = settled
            except (NotFound, UsageError):
                continue
            return Resolved(_at_time(store, code, _when(extraction)), name)
    return None


def _listed(name: str) -> list[str]:
    """The places of a name that lists several ("Richmond and Kingston"), tried one by one
    when the whole names no authority (as "Barking and Dagenham" does)."""
    parts = [p.strip() for p in re.split(r",|\band\b|&", name)]
    return [p for p in parts if p and p != name] if len(parts) > 1 else []


def named_candidates(store: Store, extraction: Extraction, resolved: Resolved | None) -> Extraction:
    """The extraction with only the candidates that name an authority (or several): the
    reader's other capitalised names ("Family Network Meetings", "Cabinet") are not kept as
    candidates; the name the authority was resolved from is its ``authority.name``, with
    that name's evidence."""
    chosen = resolved.name if resolved else None
    return extraction.with_candidates(
        lambda name: name == chosen or _names_one(store, name), first=chosen
    )


def _names_one(store: Store, name: str) -> bool:
    """True when ``name`` names an authority, or several, without guessing at a spelling."""
    try:
        resolve_code(store, name, fuzzy=False, record=False)
    except Ambiguous:
        return True
    except (NotFound, UsageError):
        return False
    return True


def _settle(store: Store, exc: Ambiguous, extraction: Extraction, name: str) -> str | None:
    """The one of an ambiguous name's authorities the text places: in the region it gives,
    else in the region of every other authority it names exactly; None when it does not."""
    options = [str(c["ons_code"]) for c in exc.details.get("candidates", [])]
    regions = {code: store.authority(code).region for code in options}
    given = extraction.get("authority.region")
    if given:
        inside = [c for c in options if regions[c] == given]
        if len(inside) == 1:
            return inside[0]
    around: set[str | None] = set()
    for other in extraction.authority_names:
        if other == name:
            continue
        try:
            code = resolve_code(store, other, fuzzy=False, record=False)
        except (NotFound, Ambiguous, UsageError):
            continue
        around.add(store.authority(code).region)
    inside = [c for c in options if regions[c] in around]
    return inside[0] if len(around) == 1 and len(inside) == 1 else None


def _when(extraction: Extraction) -> str | None:
    """The time the document speaks of: its inspection's dates, else its own date."""
    for field in ("inspection.start_date", "inspection.end_date", "inspection.published", "date"):
        found = extraction.get(field)
        if found:
            return str(found)
    return None


def _at_time(store: Store, code: str, when: str | None) -> str:
    """The authority a name meant at the time the document speaks of: the former one of the
    same name before ``code`` replaced it ("Dorset" in 2016), the one successor of a former
    authority after it was replaced ("Bournemouth" in 2020); a year alone must fall wholly
    before or after the change.  Two successors ("Northamptonshire" in 2022) cannot be
    chosen between: the former authority stands."""
    if not when:
        return code
    authority = store.authority(code)
    for before in authority.predecessors:
        changed = before["date"]
        if not changed or names.normalise(before["name"]) != names.normalise(authority.name):
            continue
        if _before(when, changed):
            return str(before["ons_code"])
    after = authority.successors
    if len(after) == 1 and after[0]["date"] and _before(after[0]["date"], when):
        return str(after[0]["ons_code"])
    return code


def _before(a: str, b: str) -> bool:
    """True when the date ``a`` (a year, a month or a day) falls wholly before ``b``."""
    shared = min(len(a), len(b))
    return a[:shared] < b[:shared]


def choose_inspection(x: Extraction, inspections: Sequence[Inspection]) -> Inspection | None:
    """The one of an authority's inspections the document is about, if it is about one."""
    if not x.has("inspection"):
        return None
    framework = x.get("inspection.framework")
    visit = x.get("inspection.type") in VISIT_TYPES
    # Area SEND inspections are linked only from documents that say they are about one.
    pool = [
        i
        for i in inspections
        if (i.type in VISIT_TYPES) == visit
        and (framework == i.framework or (framework is None and i.framework != SEND))
    ]
    published = x.get("inspection.published")
    if published:
        found = _nearest(pool, "published", published, PUBLISHED_SLACK)
        if found:
            return found
    for field in ("start_date", "end_date"):
        given = x.get(f"inspection.{field}")
        if given:
            found = _nearest(pool, field, given, DATE_SLACK)
            if found:
                return found
    ended = x.get("inspection.end_date") or x.get("inspection.start_date")
    if ended and len(ended) == 10:
        # The record may lack the dates (older frameworks): the first report published after.
        after = [i for i in pool if i.published and ended <= i.published]
        first = min(after, key=lambda i: i.published or "", default=None)
        if first and first.published and _days(first.published, ended) <= REPORT_LAG:
            return first
    on = x.get("date")
    if not on or len(on) != 10:
        return None
    before = [i for i in pool if i.published and i.published <= on]
    latest = max(before, key=lambda i: i.published or "", default=None)
    if latest and latest.published and _days(latest.published, on) <= REPORT_WINDOW:
        return latest
    return None


def _nearest(pool: Sequence[Inspection], field: str, given: str, slack: int) -> Inspection | None:
    """The inspection whose ``field`` is ``given`` (within ``slack`` days, or within the
    month or year a partial date names), the nearest first."""
    scored: list[tuple[int, Inspection]] = []
    for i in pool:
        held = getattr(i, field)
        if not held:
            continue
        if len(given) < 10:
            if held.startswith(given):
                scored.append((0, i))
        elif len(held) == 10 and _days(held, given) <= slack:
            scored.append((_days(held, given), i))
    return min(scored, key=lambda s: s[0])[1] if scored else None


def _days(a: str, b: str) -> int:
    """Days between two ISO dates."""
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


@dataclass(frozen=True)
class Conflict:
    """A fact of the document that differs from the official record of its inspection."""

    field: str
    document: Any
    official: Any
    inspection: str
    source: str | None

    def note(self) -> str:
        """The text kept beside the fact: what the official record holds, and where from."""
        where = f" ({self.source})" if self.source else ""
        return f"official record: {self.official}{where}"

    def to_json(self) -> dict[str, Any]:
        """The conflict object of the JSON contract."""
        return {
            "field": self.field,
            "document": self.document,
            "official": self.official,
            "inspection": self.inspection,
            "source": self.source,
        }


_SAME_AS = {
    "inspection.framework": "framework",
    "inspection.published": "published",
    "inspection.start_date": "start_date",
    "inspection.end_date": "end_date",
    "inspection.lead_inspector": "lead_inspector",
    "inspection.overall": "overall",
    "inspection.theme": "theme",
}


def conflicts(x: Extraction, inspection: Inspection) -> list[Conflict]:
    """Where the document's facts disagree with the official record of ``inspection``."""
    out: list[Conflict] = []
    for fact in x.facts:
        if fact.field in _SAME_AS:
            held = getattr(inspection, _SAME_AS[fact.field])
        elif fact.field.startswith("inspection.judgements."):
            held = inspection.judgements.get(fact.field.rsplit(".", 1)[1])
        else:
            continue
        if held is None or fact.value is None or _agrees(fact.field, fact.value, held):
            continue
        out.append(Conflict(fact.field, fact.value, held, inspection.id, inspection.source))
    return out


def _agrees(field: str, value: Any, held: Any) -> bool:
    """True when a document's value says the same as the record (a partial date its prefix)."""
    if field == "inspection.lead_inspector":
        return " ".join(str(value).lower().split()) == " ".join(str(held).lower().split())
    if field.endswith(("_date", "published")) and isinstance(value, str):
        return str(held).startswith(value)
    return bool(value == held)
