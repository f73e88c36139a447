"""The vocabulary every part of ofsted shares: grades, judgement areas, frameworks, records.

Grades are canonical strings (the exact words Ofsted uses today) so that they go straight
into SQLite and JSON; :func:`parse_grade` reads any wording a source or a letter uses.
Areas are canonical keys so that frameworks compare: SIF "leadership, management and
governance" and ILACS "impact of leaders" are both ``leadership``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

OUTSTANDING = "Outstanding"
GOOD = "Good"
REQUIRES_IMPROVEMENT = "Requires improvement to be good"
INADEQUATE = "Inadequate"

#: Canonical grades, best first.
GRADES: tuple[str, ...] = (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE)

#: Short labels for narrow displays and the one-line path of grades.
SHORT_GRADE = {
    OUTSTANDING: "Outstanding",
    GOOD: "Good",
    REQUIRES_IMPROVEMENT: "Requires improvement",
    INADEQUATE: "Inadequate",
}

_GRADE_WORDS: dict[str, str] = {
    "outstanding": OUTSTANDING,
    "good": GOOD,
    "requires improvement to be good": REQUIRES_IMPROVEMENT,
    "requires improvement": REQUIRES_IMPROVEMENT,
    "requiring improvement to be good": REQUIRES_IMPROVEMENT,
    "requiring improvement": REQUIRES_IMPROVEMENT,
    "requires improvements": REQUIRES_IMPROVEMENT,
    "ri": REQUIRES_IMPROVEMENT,
    # Ofsted relabelled the pre-2013 "Adequate" grade as "Requires improvement to be good".
    "adequate": REQUIRES_IMPROVEMENT,
    "inadequate": INADEQUATE,
}

#: Values that mean "no grade was given" rather than an unknown word.
_NO_GRADE = {"", "-", "n/a", "na", "none", "not applicable", "not_reported_post_reform"}


def parse_grade(text: str | None) -> str | None:
    """Canonical grade for any wording, None for a blank; ValueError for an unknown word."""
    if text is None:
        return None
    key = re.sub(r"[\s_]+", " ", str(text)).strip().strip("'\"‘’“”.").lower()
    if key in _NO_GRADE:
        return None
    if key in _GRADE_WORDS:
        return _GRADE_WORDS[key]
    raise ValueError(f"unknown grade {text!r}")


def half_up(value: float, places: int = 1) -> float:
    """A number rounded half up (37.25 -> 37.3, 12.5 -> 13), as people round, not half to even."""
    scale: float = 10.0**places
    return float(math.floor(value * scale + 0.5 + 1e-9)) / scale


def grade_rank(grade: str | None) -> int | None:
    """1 for Outstanding to 4 for Inadequate; None for no grade."""
    return GRADES.index(grade) + 1 if grade in GRADES else None


#: Canonical judgement areas, in display order, with a label for each.
AREAS: dict[str, str] = {
    "overall": "Overall effectiveness",
    "leadership": "Leadership",
    "help_and_protection": "Help and protection",
    "in_care": "Children in care",
    "care_leavers": "Care leavers",
    "adoption": "Adoption",
    "lscb": "LSCB",
    "safeguarding": "Safeguarding",
    "looked_after": "Looked after children",
}

#: Frameworks, oldest first, with their full names.
FRAMEWORKS: dict[str, str] = {
    "SLAC": "Safeguarding and looked after children inspection (2009-2012)",
    "CPI": "Child protection inspection (2012-2013)",
    "TLAC": "Targeted looked after children inspection",
    "SIF": "Single inspection framework (2013-2018)",
    "ILACS": "Inspection of local authority children's services (2018-)",
    "SEND": "Area SEND inspection, Ofsted and CQC (2016-)",
}

#: Inspection types (the ``type`` column); visits carry a theme and no grade.
INSPECTION_TYPES = (
    "inspection",
    "re-inspection",
    "standard inspection",
    "short inspection",
    "focused visit",
    "monitoring visit",
    "revisit",
    "full inspection",
    "monitoring inspection",
)
VISIT_TYPES = ("focused visit", "monitoring visit")

#: The area SEND framework (Ofsted and the CQC): a local area's SEND arrangements, judged
#: apart from children's services.  2016 framework: ``inspection`` (a written statement of
#: action required or not) and ``revisit`` (progress); 2023 framework: ``full inspection``
#: (outcome 1 to 3) and ``monitoring inspection``.
SEND = "SEND"
SEND_TYPES = ("inspection", "revisit", "full inspection", "monitoring inspection")
#: The area SEND events that judge an area (revisits and monitoring inspections follow up):
#: an area's current SEND outcome is that of its latest one.
SEND_JUDGING = ("inspection", "full inspection")
#: The outcome fields every inspection object carries (null outside SEND).
SEND_FIELDS = (
    "outcome_level",
    "outcome",
    "written_statement",
    "significant_weaknesses",
    "progress",
    "next_inspection",
    "next_interval",
)

#: The 2023 framework's outcomes, short, by level.
SEND_OUTCOMES = {
    1: "typically positive experiences and outcomes",
    2: "inconsistent experiences and outcomes",
    3: "widespread and/or systemic failings",
}

#: A 2016 revisit's progress in addressing the significant weaknesses.
SEND_PROGRESS = {
    "sufficient": "sufficient progress in all weaknesses",
    "some": "sufficient progress in some weaknesses",
    "insufficient": "insufficient progress",
}


#: The same, in a word or two for narrow tables.
SEND_OUTCOMES_SHORT = {1: "positive", 2: "inconsistent", 3: "systemic failings"}
SEND_PROGRESS_SHORT = {
    "sufficient": "progress in all",
    "some": "progress in some",
    "insufficient": "no sufficient progress",
}


def send_outcome(event: Mapping[str, Any], short: bool = False) -> str | None:
    """An area SEND event's outcome in words, from its JSON object (None if not known)."""
    level = event.get("outcome_level")
    if level in SEND_OUTCOMES:
        words = (SEND_OUTCOMES_SHORT if short else SEND_OUTCOMES)[level]
        return f"{level} {words}" if short else f"outcome {level}: {words}"
    progress = event.get("progress")
    if progress is not None:
        return (SEND_PROGRESS_SHORT if short else SEND_PROGRESS).get(progress, str(progress))
    written = event.get("written_statement")
    if written is None:
        return None
    statement = "WSoA" if short else "written statement of action"
    if not written:
        return f"no {statement}"
    n = event.get("significant_weaknesses")
    if n is None:
        return statement
    return (
        f"{statement}, {n} weakness{'' if n == 1 else 'es'}"
        if short
        else (f"{statement} ({n} significant weakness{'' if n == 1 else 'es'})")
    )


#: Frameworks whose overall judgement covers the whole service, so that they line up in a path.
WHOLE_SERVICE_FRAMEWORKS = ("SIF", "ILACS")


class Authority:
    """A local authority with children's services responsibilities, current or former."""

    # Plain classes, not dataclasses: creating a dataclass costs start-up time on every run.
    __slots__ = (
        "aliases",
        "dfe_code",
        "name",
        "ofsted_urn",
        "ons_code",
        "predecessors",
        "region",
        "status",
        "successors",
        "type",
    )

    def __init__(
        self,
        ons_code: str,
        name: str,
        dfe_code: str | None = None,
        ofsted_urn: str | None = None,
        region: str | None = None,
        type: str | None = None,
        status: str = "current",
    ) -> None:
        self.ons_code = ons_code
        self.name = name
        self.dfe_code = dfe_code
        self.ofsted_urn = ofsted_urn
        self.region = region
        self.type = type
        self.status = status
        self.predecessors: list[dict[str, Any]] = []
        self.successors: list[dict[str, Any]] = []
        self.aliases: list[str] = []

    def __repr__(self) -> str:
        return f"Authority({self.ons_code!r}, {self.name!r})"

    def ref(self) -> dict[str, Any]:
        """The short reference used inside other records' JSON."""
        return {"name": self.name, "ons_code": self.ons_code, "dfe_code": self.dfe_code}

    def to_json(self) -> dict[str, Any]:
        """The authority object of the JSON contract."""
        return {
            "name": self.name,
            "ons_code": self.ons_code,
            "dfe_code": self.dfe_code,
            "ofsted_urn": self.ofsted_urn,
            "region": self.region,
            "type": self.type,
            "status": self.status,
            "predecessors": self.predecessors,
            "successors": self.successors,
            "aliases": self.aliases,
        }


class Inspection:
    """One inspection or visit of one authority's children's services."""

    __slots__ = (
        "authority",
        "end_date",
        "framework",
        "id",
        "judgements",
        "lead_inspector",
        "next_inspection",
        "next_interval",
        "outcome",
        "outcome_level",
        "overall",
        "progress",
        "provisional",
        "published",
        "report_url",
        "significant_weaknesses",
        "source",
        "start_date",
        "theme",
        "type",
        "wording",
        "written_statement",
    )

    def __init__(
        self,
        id: str,
        authority: str,
        framework: str,
        type: str,
        start_date: str | None = None,
        end_date: str | None = None,
        published: str | None = None,
        overall: str | None = None,
        theme: str | None = None,
        lead_inspector: str | None = None,
        report_url: str | None = None,
        provisional: bool = False,
        source: str | None = None,
        judgements: dict[str, str | None] | None = None,
    ) -> None:
        self.id = id
        self.authority = authority
        self.framework = framework
        self.type = type
        self.start_date = start_date
        self.end_date = end_date
        self.published = published
        self.overall = overall
        self.theme = theme
        self.lead_inspector = lead_inspector
        self.report_url = report_url
        self.provisional = provisional
        self.source = source
        self.judgements: dict[str, str | None] = dict(judgements or {})
        self.wording: dict[str, str] = {}
        # Area SEND outcomes (framework SEND); None for children's services events.
        self.outcome_level: int | None = None
        self.outcome: str | None = None
        self.written_statement: bool | None = None
        self.significant_weaknesses: int | None = None
        self.progress: str | None = None
        self.next_inspection: str | None = None
        self.next_interval: str | None = None

    def __repr__(self) -> str:
        return f"Inspection({self.id!r})"

    @property
    def date(self) -> str | None:
        """The date the inspection is placed at on a timeline: its start, else publication."""
        return self.start_date or self.published

    @property
    def is_visit(self) -> bool:
        """True for focused and monitoring visits, which carry a theme and no grade."""
        return self.type in VISIT_TYPES

    def to_json(self) -> dict[str, Any]:
        """The inspection object of the JSON contract."""
        return {
            "id": self.id,
            "framework": self.framework,
            "type": self.type,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "published": self.published,
            "overall": self.overall,
            "judgements": self.judgements,
            "theme": self.theme,
            "lead_inspector": self.lead_inspector,
            "report_url": self.report_url,
            "provisional": self.provisional,
            "source": self.source,
            "outcome_level": self.outcome_level,
            "outcome": self.outcome,
            "written_statement": self.written_statement,
            "significant_weaknesses": self.significant_weaknesses,
            "progress": self.progress,
            "next_inspection": self.next_inspection,
            "next_interval": self.next_interval,
        }

    @property
    def is_send(self) -> bool:
        """True for an area SEND event, which is never a children's services judgement."""
        return self.framework == SEND


class Document:
    """A letter, report or press release about an authority's children's services."""

    __slots__ = (
        "authority",
        "date",
        "has_text",
        "id",
        "inspection",
        "kind",
        "path",
        "recipient",
        "sender",
        "sha256",
        "source",
        "title",
        "url",
    )

    def __init__(
        self,
        id: str,
        authority: str | None,
        kind: str,
        date: str | None = None,
        title: str | None = None,
        sender: dict[str, Any] | None = None,
        recipient: dict[str, Any] | None = None,
        url: str | None = None,
        sha256: str | None = None,
        inspection: str | None = None,
        source: str | None = None,
        has_text: bool = False,
        path: str | None = None,
    ) -> None:
        self.id = id
        self.authority = authority
        self.kind = kind
        self.date = date
        self.title = title
        self.sender = sender
        self.recipient = recipient
        self.url = url
        self.sha256 = sha256
        self.inspection = inspection
        self.source = source
        self.has_text = has_text
        self.path = path

    def __repr__(self) -> str:
        return f"Document({self.id!r})"

    def to_json(self) -> dict[str, Any]:
        """The document object of the JSON contract (without its text)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.date,
            "title": self.title,
            "authority": self.authority,
            "sender": self.sender,
            "recipient": self.recipient,
            "url": self.url,
            "inspection": self.inspection,
            "source": self.source,
            "has_text": self.has_text,
            "path": self.path,
        }
