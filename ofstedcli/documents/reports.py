"""Ofsted's inspection reports on a council's children's services, by framework.

Every report opens the same way, whatever its framework: the authority and the title, the
inspection dates, the lead inspector (ILACS; SIF names the team at the end), then the
judgements.  What differs is the wording:

- ILACS (2018-): "Judgement | Grade" rows for the impact of leaders, help and protection,
  children in care (with care leavers until January 2023, separately after) and "Overall
  effectiveness" - a row that reports after April 2026 no longer have.
- SIF (2013-18): a headline ("Children's services in X are good" / "The overall judgement
  is ..."), numbered rows with adoption and care leavers as sub-judgements of children looked
  after, and the LSCB review's own sentence ("The Local Safeguarding Children Board is good").
- TLAC, SLAC and CPI (before 2014): the title names the framework; overall effectiveness is a
  graded heading ("Grade 3 (Adequate)").
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, judgements, places, vocab
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.vocab import GRADE

_I = re.IGNORECASE
#: How far into a report its front page reaches (normalised characters).
FRONT = 5000

_FRAMEWORKS: list[tuple[str, re.Pattern[str]]] = [
    ("TLAC", re.compile(r"\bInspection of looked after children(?:'s)? services\b", _I)),
    ("SLAC", re.compile(
        r"\bInspection of safeguarding and looked after children(?:'s)? services\b", _I)),
    ("CPI", re.compile(
        r"\bInspection of local authority arrangements for the protection of children\b", _I)),
    ("SIF", re.compile(
        r"\b(?P<re>Re-)?inspection of services for children in need of help and protection"
        r"|\bReview of the effectiveness of the local safeguarding children board", _I)),
    ("ILACS", re.compile(
        r"\bInspection of (?:[^.]{0,80}? )?local authority children's (?:social care )?services"
        r"|\bInspection of children's social care services\b|\bJudgement Grade\b", _I)),
]  # fmt: skip

#: The longest name a report's title line holds (characters).
_NAME_MAX = 80
#: "Inspection of Leicester City Council local authority children's services".
_NAME_INSIDE = re.compile(
    rf"\bInspection of (?P<x>(?!local authority).{{1,{_NAME_MAX}}}?) local authority children's"
    r"(?: social care)? services",
    _I,
)
#: The title after which (TLAC, SLAC, CPI) or before which (SIF, early ILACS) the name stands.
_TITLE = re.compile(
    r"(?P<t>(?:Re-)?[Ii]nspection of (?:children's social care services|local authority children's"
    r"(?: social care)? services|services for children in need of help and protection"
    r"|looked after children(?:'s)? services|safeguarding and looked after children(?:'s)? services"
    r"|local authority arrangements for the protection of children))",
    _I,
)
_DATES = re.compile(rf"\bInspection dates?:? (?P<r>{vocab.DATE_RANGE})", _I)
_DATE_ONE = re.compile(rf"\bInspection dates?:? (?P<d>{vocab.FULL_DATE})", _I)
_HEADLINE = re.compile(
    rf"\bThe overall judgement is (?:that )?(?:children's services (?:(?:are|is) )?)?"
    rf"(?P<g>{GRADE})"
    rf"|\bChildren's services (?:in (?:the )?(?P<x>[A-Z][^.]{{0,80}}?) )?"
    rf"(?:(?:are|is|remain|remains) (?:judged to be |now )?)?(?P<g2>{GRADE})",
    _I,
)
_LSCB = re.compile(  # "The" first, its word boundary after: a literal start is found fast
    rf"The (?<!\wThe )(?:effectiveness of the )?(?:Local Safeguarding Children(?:'s)? Board|LSCB)"
    rf"(?: \(LSCB\))?(?: in [A-Z][\w ]{{0,40}}?)? (?:is |are )?(?:judged to be )?(?P<g>{GRADE})"
)
#: Older reports grade overall effectiveness under its heading: "... Grade 4 (Inadequate)".
_GRADED_HEADING = re.compile(
    rf"\bOverall effectiveness\b[^.]{{0,120}}? Grade [1-4] \((?P<g>{GRADE})\)", _I
)
#: The words saying a report gives no overall judgement; the evidence is their sentence.
_NO_OVERALL = re.compile(
    r"\b(?:no overall effectiveness (?:judgement|grade)"
    r"|overall effectiveness (?:is|was|has been) (?:no longer|not) (?:judged|graded|given|reported)"
    r"|(?:does|do|did) not (?:give|make|award|include) an overall (?:effectiveness )?"
    r"(?:judgement|grade))",
    _I,
)
#: The longest sentence quoted as evidence, either side of its cue (characters).
_SENTENCE_REACH = 400


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``text[start:end]`` (at most :data:`_SENTENCE_REACH`
    characters either side): found by looking for the full stops around it, never by a
    pattern that rescans the text."""
    lo = max(0, start - _SENTENCE_REACH)
    before = text.rfind(".", lo, start)
    a = before + 1 if before >= 0 else lo
    while a < start and text[a] == " ":
        a += 1
    after = text.find(".", end, end + _SENTENCE_REACH)
    b = after + 1 if after >= 0 else min(len(text), end + _SENTENCE_REACH)
    return a, b


def extract(b: Builder) -> None:
    """Record an inspection report's facts."""
    text = b.text
    front = text[:FRONT]
    name = _framework(b, front)
    _authority(b, front)
    common.published(b)
    if b.has("inspection.published"):
        fact = next(f for f in b.facts if f.field == "inspection.published")
        b.add_raw("date", fact.value, fact.start, fact.end)
    _dates(b, front)
    _lead(b)
    _judgements(b, name, front)
    # Reports refer to earlier judgements in their summary, on the first pages.
    common.record_mentions(b, judgements.mentions(text, 2 * FRONT))


#: A report's summary saying what its title may not: "This is a re-inspection of ...".
_REINSPECTION = re.compile(r"\bThis (?:is|was) a re-?inspection\b", _I)


def _framework(b: Builder, front: str) -> str | None:
    """Record the framework and inspection type named by the report's title."""
    for name, pattern in _FRAMEWORKS:
        m = pattern.search(front, 0, 1500)
        if m:
            b.match("inspection.framework", name, m)
            said = _REINSPECTION.search(front) if name == "SIF" and not m["re"] else None
            if said is not None:  # a title without "Re-", a summary that says it is one
                b.match("inspection.type", "re-inspection", said)
            reinspection = name == "SIF" and m.groupdict().get("re")
            b.match("inspection.type", "re-inspection" if reinspection else "inspection", m)
            title = _NAME_INSIDE.search(front, 0, 1500) or _TITLE.search(front, 0, 1500)
            if title:
                b.match("title", title.group(), title)
            return name
    return None


def _authority(b: Builder, front: str) -> None:
    """Record the inspected authority's name from the title, then from the headline."""
    raw = b.view.raw
    found: list[places.Name] = []
    m = _NAME_INSIDE.search(front, 0, 1500)
    if m:
        found.append(_name(b, m.start("x"), m.end("x")))
    title = _TITLE.search(front, 0, 1500)
    dates = re.search(r"\bInspection dates?\b", front[:1500], _I)
    if title:
        before = front[: title.start()]
        lead = re.match(r"^\s*(?:\d+\s+)?", before)
        start = lead.end() if lead else 0
        if before[start:].strip():
            if len(before) - start <= _NAME_MAX:  # a page's banner is not a name
                found.append(_name(b, start, title.start()))
        elif dates and 0 < dates.start() - title.end() <= _NAME_MAX:
            found.append(_name(b, title.end(), dates.start()))
    for h in _HEADLINE.finditer(front):
        if h["x"]:
            found.append(_name(b, h.start("x"), h.end("x")))
    found += places.ranked_places(b.view, FRONT)[:3]
    found += [n for n in places.councils(raw[: b.view.raw_end(min(len(b.text), FRONT))])][:2]
    common.authority(b, [n for n in found if n.value])


def _name(b: Builder, start: int, end: int) -> places.Name:
    """A name read from the normalised span, without footnote marks or trailing noise."""
    value = b.text[start:end]
    value = re.sub(r"(?:\s*\d+)+\s*$", "", value)
    value = re.sub(r"^\s*(?:the\s+)", "", value, flags=_I)
    value = value.strip(" ,;:-")
    offset = b.text.find(value, start, end) if value else start
    a, z = b.view.span(offset, offset + len(value))
    return places.Name(places.tidy(value), a, z)


def _dates(b: Builder, front: str) -> None:
    """Record the inspection's first and last days from the dates line."""
    m = _DATES.search(front)
    if m and b.date_range(m, "r"):
        return
    one = _DATE_ONE.search(front)
    if one:
        b.date("inspection.start_date", one, "d")
        return
    # A page set out like a report but written in sentences ("inspected ... between 11 and
    # 22 February 2019"): its dates as any text gives them, never an earlier inspection's.
    common.inspection_dates(b, b.get("date"), [m.span for m in judgements.mentions(front)])


#: "Lead inspector: Jan Edwards", the name then running on into whatever follows it.
_LEAD = re.compile(
    r"(?i:lead|reporting) (?i:inspector)\b:? (?P<n>[A-Z][\w'.-]*"
    r"(?: (?:[A-Z][\w'.-]*|de|van|von|le|da)){1,6})"
)
_PARTICLES = {"de", "van", "von", "le", "da"}
#: Words that end a lead inspector's name: their title, or the next heading or field.
_AFTER_NAME = {
    "her", "his", "hmi", "shmi", "deputy", "team", "judgement", "age", "additional", "senior",
    "inspection", "the", "ofsted", "social", "regulatory", "inspector", "inspectors", "lead",
    "and", "published", "report", "date", "dates", "with", "assisted", "children's",
}  # fmt: skip


def _lead(b: Builder) -> None:
    """Record the lead inspector: the capitalised words after "Lead inspector", up to their
    title or the next field (read from the normalised text, so line breaks do not matter)."""
    text = b.text
    at = 0
    while True:
        # str.find walks a long report far faster than a case-insensitive pattern would.
        found = [i for i in (text.find("nspector", at), text.find("NSPECTOR", at)) if i >= 0]
        if not found:
            return
        hit = min(found)
        at = hit + 8
        m = _LEAD.search(text, max(0, hit - 12), hit + 120)
        if (
            m is None
            or m.start() > hit
            or text[max(0, m.start() - 7) : m.start()].lower() == ("deputy ")
        ):
            continue
        words: list[str] = []
        for word in m["n"].split(" "):
            if word.lower().rstrip(",") in _AFTER_NAME:
                break
            words.append(word)
            if word.endswith(","):
                break
        while words and words[-1] in _PARTICLES:
            words.pop()
        name = " ".join(words).rstrip(",")
        if len(words) >= 2 and len(words) <= 4:
            b.add("inspection.lead_inspector", places.tidy(name), m.start("n"),
                  m.start("n") + len(name))  # fmt: skip
            return


def _judgements(b: Builder, framework: str | None, front: str) -> None:
    """Record the overall judgement and the sub-judgements."""
    text = b.text
    rows = judgements.table(text, 0, FRONT, single_overall=True)
    if len(rows) < 3:
        by_column = judgements.column_table(text, 0, FRONT)
        rows = by_column if len(by_column) > len(rows) else rows
    common.record_rows(b, rows)
    headline = _HEADLINE.search(front)
    if headline and not b.has("inspection.overall"):
        g = headline["g"] or headline["g2"]
        b.match("inspection.overall", vocab.grade(g), headline)
    if framework == "SIF" or b.has("inspection.judgements.adoption"):
        lscb = _LSCB.search(text)
        if lscb:
            b.match("inspection.judgements.lscb", vocab.grade(lscb["g"]), lscb)
    graded = None if b.has("inspection.overall") else _GRADED_HEADING.search(text)
    if graded:
        b.match("inspection.overall", vocab.grade(graded["g"]), graded)
    if not b.has("inspection.overall"):
        for found in judgements.stated(text[:FRONT], []):
            if found.area == "overall":
                b.add("inspection.overall", found.grade, *found.span)
                break
    overall = next((f for f in b.facts if f.field == "inspection.overall"), None)
    if overall is not None:
        b.add_raw("inspection.overall_reported", True, overall.start, overall.end)
    elif rows:
        said = _NO_OVERALL.search(text)
        if said:
            span = sentence_around(text, *said.span())
        else:
            span = (rows[0].label[0], rows[-1].value[1])
        b.add("inspection.overall", None, *span)
        b.add("inspection.overall_reported", False, *span)
