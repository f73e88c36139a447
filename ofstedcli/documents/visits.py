"""Ofsted's letters after a focused visit or a monitoring visit to a council.

Laid out like every Ofsted letter (date, address block, "Dear ...", subject, signature); the
subject names the council ("Focused visit to Leeds local authority children's services"), the
first paragraph the visit's dates and inspectors, and monitoring visits say which judgement
they follow up ("since the local authority was judged inadequate in 2018").
"""

from __future__ import annotations

import datetime as dt
import re

from ofstedcli.documents import common, judgements, letters, places, themes, vocab
from ofstedcli.documents.engagement import ofsted
from ofstedcli.documents.extraction import Builder

_I = re.IGNORECASE
#: "Focused visit to Midshire local authority children's services": the council's name is
#: the capitalised words after "to" (the visit words in any case).
_SUBJECT = re.compile(
    r"\b(?i:focused|focused assurance|monitoring|assurance) (?i:visit) (?i:to|of|at) (?:the )?"
    r"(?P<x>[A-Z][\w'&,-]*(?: (?:(?:and|upon|on|of) )?[A-Z][\w'&,-]*){0,8})"
)
#: How far into a letter its opening paragraph (dates, inspectors, what was looked at) lies.
HEAD = 6000
#: "the focused visit to Dorset children's services on 17 and 18 May 2023": a visit word,
#: then (within 200 characters, no full stop) "on", "between" or "from" and a list of days.
_WHEN = re.compile(
    r"\b(?:visit|inspection|visited|inspected)\b[^.]{0,200}?\b(?:on|between|from|during)\s+"
    rf"(?:the\s+)?(?P<days>{vocab.DAY_LIST})(?![\w/])",
    _I,
)
#: "The inspectors were", "His Majesty's Inspectors for this visit were", "The visit was
#: carried out by", "... conducted by": the inspectors' names follow, to the full stop.
_INSPECTORS = re.compile(
    r"\b(?:inspectors?(?: \(HMIs?\))?(?: for (?:this|the) visit)? (?:were|was)"
    r"|(?:carried out|conducted|undertaken|led|completed) by)\b(?P<names>[^.]{3,400})",
    _I,
)
#: The same in the active voice: "His Majesty's Inspectors Pat Example and Sam Sample
#: carried out this visit" (the names before the verb).
_INSPECTORS_ACTIVE = re.compile(
    r"\b(?:(?:Her|His) Majesty'?s? )?Inspectors? (?P<names>(?-i:[A-Z])[^.]{3,200}?)"
    r" (?:carried out|conducted|undertook|completed|led) (?:this|the) (?:visit|inspection)\b",
    _I,
)
#: Titles and descriptions around inspectors' names, dropped before reading the names.
_NOT_NAME = re.compile(
    r"\b(?:Her|His) Majesty'?s? (?:Inspectors?|inspectors?)\b|\((?:S?HMIs?|HMI designate)\)"
    r"|\b(?:Senior )?S?HMIs?\b|\ball of whom are\b.*|\bOfsted Inspectors?\b"
    r"|\bSocial Care Regulatory Inspectors?\b|\bthe inspectors were\b|\bwith\b.*",
    _I,
)
_NAME = re.compile(r"^[A-Z][\w'-]+(?: (?:[A-Z][\w'-]+|de|van|von|le)){1,3}$")


def extract(b: Builder, kind: str) -> None:
    """Record a visit letter's facts; ``kind`` is the letter's kind."""
    raw = b.view.raw
    all_lines, sal, upto = letters.head(b)
    council = places.main_council(raw)
    letters.signatory(b, all_lines, ofsted(raw))
    letters.recipient(
        b, letters.address_block(all_lines, upto), sal["who"] if sal else None, council
    )
    named: list[places.Name] = []
    m = _SUBJECT.search(b.text)
    if m:
        value = re.split(
            r"(?i)\s+(?:local authority|children's services?|children's social care)\b", m["x"]
        )[0].rstrip(" ,")
        a, z = b.view.span(m.start("x"), m.start("x") + len(value))
        named.append(places.Name(places.tidy(value), a, z))
    line = letters.subject(sal, all_lines)
    if line is not None and re.search(r"\bvisit\b", line.text, _I):
        b.add_raw("title", places.tidy(line.text), line.start, line.end)
    common.authority(b, common.candidates(b, named))
    visit = "focused visit" if kind == "focused_visit_letter" else "monitoring visit"
    head = min(len(b.text), HEAD)
    if sal is not None:
        head = min(len(b.text), b.norm_pos(sal.end()) + HEAD)
    when = _WHEN.search(b.text, 0, head)
    if m:
        b.match("inspection.type", visit, m)
    if when:
        b.add("inspection.type", visit, when.start(), when.start() + len(when.group().split()[0]))
        first, last = vocab.day_list(when["days"], b.get("date"))
        if first:
            b.match("inspection.start_date", first, when, "days")
        if last:
            b.match("inspection.end_date", last, when, "days")
    _dated_after_the_visit(b)
    inspectors(b, head)
    if kind == "focused_visit_letter":
        theme(b, head)
    visit_type = b.fact("inspection.type")
    if visit_type is not None and visit_type.value == "focused visit":
        # Focused visits exist only under ILACS: a letter that names the single inspection
        # framework is speaking of an earlier inspection, not of this visit.
        b.add_raw("inspection.framework", "ILACS", visit_type.start, visit_type.end)
    elif visit_type is not None:
        common.framework(b)
    common.record_mentions(b, judgements.mentions(b.text))


#: How long after a visit its letter may be dated (days): weeks, never a third of a year.
_LETTER_WITHIN = 120


def _dated_after_the_visit(b: Builder) -> None:
    """A letter dated before the visit it reports has last year's year by a slip of the
    pen in January ("21 January 2019" for a visit in December 2019): the same day a year on,
    when that follows the visit as a letter does."""
    written, visited = b.get("date"), b.get("inspection.end_date") or b.get("inspection.start_date")
    if not (written and visited and len(written) == len(visited) == 10 and written < visited):
        return
    day, end = dt.date.fromisoformat(written), dt.date.fromisoformat(visited)
    if day.month == 2 and day.day == 29:
        return
    later = day.replace(year=day.year + 1)
    if end <= later <= end + dt.timedelta(days=_LETTER_WITHIN):
        b.correct("date", later.isoformat())


def inspectors(b: Builder, head: int) -> None:
    """Record the inspectors named in the opening paragraph, and the lead inspector: the one
    who signs the letter when they are among them, else the first named."""
    m = _INSPECTORS.search(b.text, 0, head) or _INSPECTORS_ACTIVE.search(b.text, 0, head)
    found: list[tuple[str, int, int]] = []
    if m:
        at = m.start("names")
        for piece in re.finditer(r"[^,;]+", m["names"]):
            for part in re.split(r"\band\b", piece.group()):
                name = _NOT_NAME.sub("", part).strip(" ,'")
                name = re.sub(r"\s+", " ", name)
                if _NAME.match(name):
                    offset = at + piece.start() + piece.group().find(name.split()[0])
                    found.append((name, offset, offset + len(name)))
    if found:
        names = [n for n, _, _ in found]
        b.add("inspection.inspectors", names, found[0][1], found[-1][2])
    signer = b.get("sender.name")
    signer = re.sub(r"\s+(?:HMI|SHMI)$", "", signer) if signer else None
    same = [f for f in found if signer and f[0].lower() == signer.lower()]
    if same:
        name, a, z = same[0]
        b.add("inspection.lead_inspector", name, a, z)
    elif found:
        name, a, z = found[0]
        b.add("inspection.lead_inspector", name, a, z)
    elif signer:
        fact = next(f for f in b.facts if f.field == "sender.name")
        b.add_raw("inspection.lead_inspector", signer, fact.start, fact.end)


def theme(b: Builder, head: int) -> None:
    """Record ``inspection.theme`` from what the visit looked at, in Ofsted's vocabulary."""
    for m in themes.LOOKED_AT.finditer(b.text, 0, head):
        found = themes.theme_in(m["what"])
        if found:
            name, a, z = found
            at = m.start("what")
            b.add("inspection.theme", name, at + a, at + z)
            return
    covid = themes.ASSURANCE.search(b.text, 0, head)
    if covid:
        b.match("inspection.theme", themes.ASSURANCE_VISIT, covid)
