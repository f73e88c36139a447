"""What an extractor returns: facts, each with the span of text it was read from.

A :class:`Fact` is one field (``"inspection.overall"``, ``"sender.name"``, ``"mentions[0]"``)
with its value and its evidence: the start and end offsets in the document's text and the
quoted snippet.  :class:`Extraction` holds the facts of one document and turns them into the
JSON document contract (the shape of ``seeds/expected.json`` plus ``evidence``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ofstedcli.documents import vocab
from ofstedcli.documents.text import View
from ofstedcli.names import normalise

#: The fields naming the other places a text names, numbered from 1.
CANDIDATE = "authority.candidates["
NAME = "authority.name"

#: Fields of the inspection object, in contract order.
INSPECTION_FIELDS = (
    "framework",
    "type",
    "published",
    "start_date",
    "end_date",
    "lead_inspector",
    "overall",
    "theme",
)
#: Fields of the inspection object given only when the document states them.
OPTIONAL_FIELDS = (
    "overall_reported",
    "inspectors",
    "outcome_level",
    "outcome",
    "written_statement",
    "progress",
    "next_inspection",
    "next_interval",
)


def judgement_field(area: str) -> str:
    """The fact field of a judgement area: ``inspection.overall`` or ``inspection.judgements.X``."""
    return "inspection.overall" if area == "overall" else f"inspection.judgements.{area}"


@dataclass(frozen=True)
class Fact:
    """One extracted value and the span of the document's text it was read from."""

    field: str
    value: Any
    start: int
    end: int
    text: str

    def offsets(self) -> tuple[int | None, int | None]:
        """Where the evidence lies in the document's text (start, end)."""
        return self.start, self.end

    def evidence(self) -> dict[str, Any]:
        """The evidence object of the JSON contract."""
        start, end = self.offsets()
        return {"start": start, "end": end, "text": self.text}


@dataclass(frozen=True)
class OutsideFact(Fact):
    """A fact read from what came with the text, not the text: the web address the page was
    published at, or its page's own metadata; its evidence is that address or metadata, at no
    place in the text."""

    def offsets(self) -> tuple[int | None, int | None]:
        """None and None: the evidence is not in the text."""
        return None, None


@dataclass
class Extraction:
    """The facts read from one document, and its kind."""

    kind: str
    facts: list[Fact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        """Index the facts by field and by every prefix of their field, for lookups."""
        self._first: dict[str, Fact] = {}
        self._prefixes: set[str] = set()
        for fact in self.facts:
            self._first.setdefault(fact.field, fact)
            parts = fact.field.split(".")
            self._prefixes.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))

    def get(self, name: str, default: Any = None) -> Any:
        """The value of the first fact with this field name, else ``default``."""
        fact = self.fact(name)
        return fact.value if fact is not None else default

    def fact(self, name: str) -> Fact | None:
        """The first fact with this field name, if any."""
        return self._first.get(name)

    def has(self, prefix: str) -> bool:
        """True when some fact's field is ``prefix`` or lies under it."""
        return prefix in self._prefixes

    @property
    def authority_names(self) -> list[str]:
        """Names of the authority the document concerns, best first, as written."""
        names = [f.value for f in self.facts if f.field == NAME]
        names += [f.value for f in self.facts if f.field.startswith(CANDIDATE)]
        return list(dict.fromkeys(names))

    def with_candidates(self, keep: Callable[[str], bool], first: str | None = None) -> Extraction:
        """This extraction with only the authority candidates ``keep`` accepts, numbered
        from 1 again (itself when nothing changes); with ``first`` (the name the authority
        was resolved from), that name is ``authority.name``, with its own evidence, and the
        reader's first name a candidate like the others."""
        named = [f for f in self.facts if f.field == NAME or f.field.startswith(CANDIDATE)]
        lead = next((f for f in named if f.value == first), None) if first else None
        kept: list[Fact] = []
        number = 0
        for fact in self.facts:
            if fact.field == NAME and lead is not None:
                kept.append(replace(lead, field=NAME))
                for other in named:
                    if other is not lead and other.value != lead.value and keep(other.value):
                        number += 1
                        kept.append(replace(other, field=f"{CANDIDATE}{number}]"))
                continue
            if fact.field.startswith(CANDIDATE):
                if lead is not None or not keep(fact.value):
                    continue
                number += 1
                fact = replace(fact, field=f"{CANDIDATE}{number}]")
            kept.append(fact)
        return Extraction(self.kind, kept) if kept != self.facts else self

    def named_first(self, name: Fact) -> Extraction:
        """This extraction with ``name`` as ``authority.name`` and the names it read before
        as its candidates, in their order; when one of them names the same place ("Westbrook
        City Council" for "westbrook"), that one comes first instead, with its evidence."""
        names = [f for f in self.facts if f.field == NAME or f.field.startswith(CANDIDATE)]
        rest = [f for f in self.facts if f not in names]
        key = normalise(name.value).replace(" ", "")
        same = next((f for f in names if normalise(f.value).replace(" ", "") == key), None)
        if same is not None:  # the text names the council as its address does
            return self.with_candidates(lambda _: True, first=same.value)
        ordered = [replace(name, field=NAME)] + [
            replace(f, field=f"{CANDIDATE}{n}]") for n, f in enumerate(names, start=1)
        ]
        return Extraction(self.kind, ordered + rest)

    @property
    def mentions(self) -> list[dict[str, Any]]:
        """Other judgements the document refers to, oldest first."""
        return [f.value for f in self.facts if f.field.startswith("mentions[")]

    def to_json(self) -> dict[str, Any]:
        """The document contract: kind, date, authority, sender, recipient, inspection, ..."""
        out: dict[str, Any] = {"kind": self.kind, "date": self.get("date")}
        if self.has("meeting_date"):
            out["meeting_date"] = self.get("meeting_date")
        if self.has("title"):
            out["title"] = self.get("title")
        names = self.authority_names
        out["authority"] = {"name": names[0] if names else None, "candidates": names}
        for party, keys in (
            ("sender", ("name", "role", "organisation")),
            ("recipient", ("name", "role", "organisation")),
        ):
            out[party] = {k: self.get(f"{party}.{k}") for k in keys} if self.has(party) else None
        out["inspection"] = self._inspection()
        out["mentions"] = self.mentions
        out["evidence"] = {f.field: f.evidence() for f in self.facts}
        return out

    def _inspection(self) -> dict[str, Any] | None:
        """The inspection object, or None when the document is about no inspection."""
        if not self.has("inspection"):
            return None
        obj: dict[str, Any] = {k: self.get(f"inspection.{k}") for k in INSPECTION_FIELDS}
        for key in OPTIONAL_FIELDS:
            if self.has(f"inspection.{key}"):
                obj[key] = self.get(f"inspection.{key}")
        obj["judgements"] = {
            f.field.rsplit(".", 1)[1]: f.value
            for f in self.facts
            if f.field.startswith("inspection.judgements.")
        }
        return obj


class Builder:
    """Collects facts for one document, translating normalised spans to original ones."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.facts: list[Fact] = []
        #: The first fact of each field, so that looking one up does not scan the list.
        self._first: dict[str, Fact] = {}

    @property
    def text(self) -> str:
        """The normalised text extractors match against."""
        return self.view.text

    def add(self, name: str, value: Any, start: int, end: int) -> Fact:
        """Record a fact read from the normalised span ``start:end``; the first one wins."""
        a, b = self.view.span(start, end)
        return self._keep(Fact(name, value, a, b, self.view.raw[a:b]))

    def _keep(self, fact: Fact) -> Fact:
        """Record a fact unless its field already has one (the first one wins)."""
        if fact.field not in self._first:
            self._first[fact.field] = fact
            self.facts.append(fact)
        return fact

    def add_raw(self, name: str, value: Any, start: int, end: int) -> Fact:
        """Record a fact whose evidence is the original span ``start:end``."""
        raw = self.view.raw
        while start < end and raw[start].isspace():
            start += 1
        while end > start and raw[end - 1].isspace():
            end -= 1
        return self._keep(Fact(name, value, start, end, raw[start:end]))

    def add_outside(self, name: str, value: Any, source: str) -> Fact:
        """Record a fact read from outside the text: its web address or its page's metadata
        (``source``, the evidence)."""
        return self._keep(OutsideFact(name, value, 0, 0, source))

    def correct(self, name: str, value: Any) -> None:
        """Give the recorded fact with this field name another value, its evidence kept (a
        slip the text itself shows: its evidence is what was written)."""
        fact = self._first.get(name)
        if fact is not None:
            fixed = replace(fact, value=value)
            self.facts[self.facts.index(fact)] = fixed
            self._first[name] = fixed

    def date(self, name: str, m: re.Match[str], group: int | str = 0) -> bool:
        """Record a full date written in a match (or one of its groups); False if none."""
        value = vocab.iso_in(m.group(group))
        if value:
            self.match(name, value, m, group)
        return bool(value)

    def date_range(self, m: re.Match[str], group: int | str = 0) -> bool:
        """Record ``inspection.start_date`` and ``end_date`` from a date range in a match."""
        inner = vocab.DATE_RANGE_RE.search(m.group(group))
        if inner is None:
            return False
        start, end = vocab.iso_range(inner)
        if start:
            self.match("inspection.start_date", start, m, group)
        if end:
            self.match("inspection.end_date", end, m, group)
        return bool(start or end)

    def norm_pos(self, raw_pos: int) -> int:
        """The normalised position nearest to an original offset."""
        return self.view.norm_pos(raw_pos)

    def match(self, name: str, value: Any, m: re.Match[str], group: int | str = 0) -> Fact:
        """Record a fact whose evidence is a regular-expression match (or one of its groups)."""
        return self.add(name, value, m.start(group), m.end(group))

    def has(self, name: str) -> bool:
        """True when a fact with this field name is already recorded."""
        return name in self._first

    def get(self, name: str) -> Any:
        """The value of the recorded fact with this field name, if any."""
        fact = self._first.get(name)
        return fact.value if fact else None

    def fact(self, name: str) -> Fact | None:
        """The recorded fact with this field name, if any."""
        return self._first.get(name)

    def result(self, kind: str) -> Extraction:
        """The finished extraction."""
        return Extraction(kind, list(self.facts))
