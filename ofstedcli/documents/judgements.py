"""Reading judgements: a report's "Judgement | Grade" table, sentences that state a grade,
and the other judgements a document refers to ("judged inadequate in 2015").

Everything here works on normalised text (see :mod:`ofstedcli.documents.text`) and returns
normalised spans; the family extractors record them as facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ofstedcli.documents import vocab
from ofstedcli.documents.vocab import AREA_PHRASE, GRADE, GRADE_RE, PARTIAL_DATE

Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    """One row of a judgement table: the area, its grade, and where each was written."""

    area: str
    grade: str
    label: Span
    value: Span


#: Boundaries a table row's label never crosses: a sentence end (not "1." or "2.1"), a colon,
#: a table header.
_LABEL_CUT = re.compile(r"(?:(?<!\d)[.?!:;]\s|\bJudgements?\s+Grades?\s|\)\s)", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[-•◼▪])\s*")
_MAX_LABEL = 160


def table(
    text: str, start: int = 0, end: int | None = None, single_overall: bool = False
) -> list[Row]:
    """The longest run of "<area label> <grade>" rows in ``text[start:end]``.

    A run needs two rows, or one "Overall effectiveness" row when ``single_overall`` (older
    reports grade it under its own heading).

    A run breaks at a label that names no judgement area, holds a sentence break, is too long
    to be a table cell, or repeats an area already in the run: so body text ends the table.
    """
    end = len(text) if end is None else end
    runs: list[list[Row]] = []
    run: list[Row] = []
    boundary = start
    for m in GRADE_RE.finditer(text, start, end):
        row = _row(text, boundary, m, first=False) if run else None
        if row is None or any(r.area == row.area for r in run):
            runs.append(run)
            first = _row(text, _cut_before(text, start, m), m, first=True)
            run = [first] if first else []
        else:
            run.append(row)
        boundary = m.end()
    runs.append(run)
    best = max(runs, key=len)
    if len(best) >= 2 or (single_overall and best and best[0].area == "overall"):
        return best
    return []


#: A table header, after which a PDF may give the column of labels before that of grades.
_HEADER = re.compile(r"\bJudgements?\s+Grades?\b", re.IGNORECASE)
#: Where one label starts in a column of labels.
_LABEL_START = re.compile(
    r"\bThe (?:impact|experiences?|effectiveness)\b|\bOverall effectiveness\b"
    r"|(?<![\w.])[1-3](?:\.[12])?\.?\s(?=[A-Z])",
)
_GRADE_RUN = re.compile(rf"(?:{GRADE}\s*)+", re.IGNORECASE)


def column_table(text: str, start: int = 0, end: int | None = None) -> list[Row]:
    """A judgement table whose text came out column by column (all the labels, then all the
    grades), as some PDFs give it; empty unless the labels and grades pair up exactly."""
    header = _HEADER.search(text, start, len(text) if end is None else end)
    if header is None:
        return []
    grades = _GRADE_RUN.search(text, header.end(), header.end() + 1200)
    if grades is None:
        return []
    labels_text = text[header.end() : grades.start()]
    starts = [m.start() for m in _LABEL_START.finditer(labels_text)]
    found = list(GRADE_RE.finditer(text, grades.start(), grades.end()))
    if len(starts) < 2 or len(starts) != len(found):
        return []
    rows: list[Row] = []
    bounds = [*starts, len(labels_text)]
    for (a, b), grade in zip(pairwise(bounds), found, strict=True):
        label = labels_text[a:b].strip()
        key = vocab.area(_NUMBERING.sub("", label, count=1))
        if key is None or any(r.area == key for r in rows):
            return []
        offset = header.end() + a
        rows.append(
            Row(key, vocab.grade(grade.group()), (offset, offset + len(label)), grade.span())
        )
    return rows


def _cut_before(text: str, floor: int, m: re.Match[str]) -> int:
    """Where the label before a grade may begin: after the last sentence or header break."""
    lo = max(floor, m.start() - _MAX_LABEL - 40)
    cut = lo
    for c in _LABEL_CUT.finditer(text, lo, m.start()):
        cut = c.end()
    return cut


def _row(text: str, begin: int, m: re.Match[str], first: bool) -> Row | None:
    """A table row made of the label ``text[begin:m.start()]`` and the grade ``m``.

    The first row of a run may start after a sentence or header break; later rows may not
    hold one, since table cells are phrases.
    """
    label = text[begin : m.start()]
    cut = 0
    for c in _LABEL_CUT.finditer(label):
        cut = c.end()
    if cut and not first and label[:cut].strip():
        return None
    label = label[cut:]
    lead = _NUMBERING.match(label)
    skip = lead.end() if lead else 0
    clean = label[skip:].strip(" '\"(")
    if not clean or len(clean) > _MAX_LABEL:
        return None
    key = vocab.area(clean)
    if key is None:
        return None
    a = begin + cut + skip + (len(label[skip:]) - len(label[skip:].lstrip()))
    return Row(key, vocab.grade(m.group()), (a, m.start()), m.span())


# --- sentences that state a grade -----------------------------------------------------------

_Q = r"['\"]?"
_AREA_GROUP = rf"(?P<a>{AREA_PHRASE})"

#: Sentences stating the overall judgement of the inspection a document is about.
OVERALL_PATTERNS = [
    re.compile(
        rf"overall effectiveness (?:of [^.]{{0,80}}? )?(?:has been |was |is |had been )?"
        rf"(?:judged|rated|graded|found|assessed)(?: by Ofsted)?(?: to be| as)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"judged the overall effectiveness of [^.]{{0,80}}? to be {_Q}(?P<g>{GRADE})", re.I
    ),
    re.compile(
        rf"overall (?:judgement|rating|grade|effectiveness) (?:of|as|is|was|:) {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"(?:overall,? )?children's (?:social care )?services in [A-Z][^.]{{0,60}}? "
        rf"(?:are|is|remain|have been)(?: now)?(?: (?:rated|judged|graded|found))?(?: as| to be)? "
        rf"{_Q}(?P<g>{GRADE})",
        re.I,
    ),
]

#: Sentences stating a sub-judgement: "judged outstanding for leadership, management and
#: governance", "leadership ..., which Ofsted says is now good".
AREA_PATTERNS = [
    re.compile(
        rf"(?:judged|rated|graded) {_Q}(?P<g>{GRADE}){_Q} (?:for|in) "
        rf"(?:your |its |their )?{_AREA_GROUP}",
        re.I,
    ),
    re.compile(
        rf"{_AREA_GROUP}(?: of [\w' ]{{0,40}}?)?,? (?:which |that )?(?:Ofsted |inspectors )?"
        rf"(?:says |said |found |judged )?(?:is|are|was|were|has been|have been)(?: now)?"
        rf"(?: (?:judged|rated|graded|found))?(?: to be| as)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
]


@dataclass(frozen=True)
class Stated:
    """A grade stated in a sentence: the area (``overall`` or a sub-area) and the spans."""

    area: str
    grade: str
    span: Span


#: How far before its grade a sentence stating one can begin, and how far after the grade
#: it can end ("judged outstanding for leadership, management and governance"): every
#: pattern above fits in such a stretch.
_REACH = 320
_AFTER = 120


def _grade_windows(text: str) -> list[Span]:
    """The stretches of text around each grade word, merged: the only places a grade can be
    stated."""
    windows: list[Span] = []
    for m in GRADE_RE.finditer(text):
        a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def stated(text: str, skip: list[Span]) -> list[Stated]:
    """Grades the text states for the inspection it is about, outside the ``skip`` spans."""
    out: list[Stated] = []
    for a, b in _grade_windows(text):
        for pattern in OVERALL_PATTERNS:
            for m in pattern.finditer(text, a, b):
                if not inside(m.span(), skip):
                    out.append(Stated("overall", vocab.grade(m["g"]), m.span()))
        for pattern in AREA_PATTERNS:
            for m in pattern.finditer(text, a, b):
                key = vocab.area(m["a"])
                if key and key != "overall" and not inside(m.span(), skip):
                    out.append(Stated(key, vocab.grade(m["g"]), m.span()))
    out.sort(key=lambda s: s.span)
    return out


def inside(span: Span, spans: list[Span]) -> bool:
    """True when ``span`` overlaps one of ``spans``."""
    return any(span[0] < b and a < span[1] for a, b in spans)


# --- mentions of other judgements -----------------------------------------------------------

_TYPE = (
    r"(?:full |judgement |ILACS |SIF |standard |short |single |Ofsted |local authority )*"
    r"(?:inspection|focused visit|monitoring visit|re-inspection)"
)
_DATE = rf"(?P<date>{PARTIAL_DATE})"
_G = rf"{_Q}(?P<g>{GRADE}){_Q}"

MENTION_PATTERNS = [
    # "after an inspection in January 2015 found them to be inadequate";
    # "the last full inspection ... in September/October 2019, when ... graded as '...'".
    re.compile(
        rf"(?P<type>{_TYPE})[^.]{{0,70}}?\b(?:in|of|during|on),? {_DATE},?[^.]{{0,80}}?"
        rf"\b(?:found|judged|graded|rated|was|were|as)\b[^.]{{0,30}}?{_G}",
        re.I,
    ),
    # "judged inadequate in 2015", "were judged requires improvement to be good in November 2022".
    re.compile(
        rf"\b(?:judged|rated|graded|found)(?: to be| as)? {_G}(?: overall)?,?"
        rf"(?: (?:at|in|following|after) (?:the |its |an? )?(?P<type>{_TYPE}))?"
        rf"(?: in| of)? {_DATE}",
        re.I,
    ),
    # "improved from 'Requires Improvement' to 'Good'".
    re.compile(rf"\bimproved from {_G} to\b", re.I),
    # "your last full inspection was in 2017", "your last focused visit early in 2019".
    re.compile(
        rf"\b(?:last|previous|most recent) (?P<type>{_TYPE})(?: was)?"
        rf"(?: (?:held|undertaken|carried out|conducted))?,?(?: in)? {_DATE}",
        re.I,
    ),
]


@dataclass(frozen=True)
class Mention:
    """Another judgement or inspection the document refers to."""

    date: str | None
    type: str | None
    overall: str | None
    span: Span

    def value(self) -> dict[str, Any]:
        """The mention object of the JSON contract."""
        return {"date": self.date, "type": self.type, "overall": self.overall}


#: Words without which a sentence cannot mention another judgement (a cheap filter that
#: keeps the mention patterns off most of a long report).
_MENTION_HINT = re.compile(r"inspect|visit|judged|rated|graded|improved from|found", re.IGNORECASE)
#: Every mention holds a year or a grade.
_MENTION_NEEDS = re.compile(rf"(?<!\d)(?:19|20)\d\d(?!\d)|{GRADE}", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
#: The most mentions read from one document (a bound on work for hostile texts).
MAX_MENTIONS = 100


def mentions(text: str, end: int | None = None) -> list[Mention]:
    """Other judgements the text (or its first ``end`` characters) refers to, oldest first,
    one per (date, grade)."""
    found: list[Mention] = []
    for sentence in _SENTENCE.finditer(text, 0, len(text) if end is None else end):
        if not _MENTION_HINT.search(sentence.group()) or not _MENTION_NEEDS.search(
            sentence.group()
        ):
            continue
        taken: list[Span] = []
        for pattern in MENTION_PATTERNS:
            for m in pattern.finditer(text, sentence.start(), sentence.end()):
                if inside(m.span(), taken):
                    continue
                groups = m.groupdict()
                when = vocab.partial_in(groups["date"]) if groups.get("date") else None
                kind = " ".join(groups["type"].lower().split()) if groups.get("type") else None
                grade = vocab.grade(groups["g"]) if groups.get("g") else None
                found.append(Mention(when, _type(kind), grade, m.span()))
                taken.append(m.span())
                if len(found) >= MAX_MENTIONS:
                    break
            if len(found) >= MAX_MENTIONS:
                break
        if len(found) >= MAX_MENTIONS:
            break
    unique: list[Mention] = []
    by_date: dict[str | None, list[Mention]] = {}
    for mention in sorted(found, key=lambda x: x.span):
        same_date = by_date.setdefault(mention.date, [])
        if any(_same(mention, u) for u in same_date):
            continue
        same_date.append(mention)
        unique.append(mention)
    unique.sort(key=lambda x: (x.date is None, x.date or "", x.span))
    return unique


def _same(a: Mention, b: Mention) -> bool:
    """True when two mentions refer to the same judgement."""
    if a.date != b.date:
        return False
    if a.overall and b.overall:
        return a.overall == b.overall
    return a.type == b.type and a.overall == b.overall


def _type(kind: str | None) -> str | None:
    """A mention's inspection type, tidied: "last full inspection" -> "full inspection"."""
    if kind is None:
        return None
    kind = re.sub(r"^(?:ofsted |local authority |judgement |ilacs |sif |single )+", "", kind)
    return kind or None
