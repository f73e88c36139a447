"""Area SEND inspection reports (Ofsted and the CQC) about a local area partnership.

The 2023 framework's reports open with a title ("Area SEND inspection of Midshire Local Area
Partnership"), the dates ("Inspection dates: 11 to 15 March 2024"), the previous
inspection's dates, and an "Inspection outcome" section whose first sentence is one of three
set outcomes, then when the next inspection will be.  The team is listed at the end (an
Ofsted lead inspector and a CQC one).  The 2016 framework's letters ("Joint local area SEND
inspection in Midshire", and revisits) say whether a written statement of action is required,
or whether progress was made.
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, dates, letters, places, vocab
from ofstedcli.documents.extraction import Builder

_I = re.IGNORECASE
#: How far from the top the title, dates and outcome lie (normalised characters).
HEAD = 4000

#: "Area SEND inspection of Midshire Local Area Partnership", "Area SEND monitoring
#: inspection of ...", "Joint local area SEND inspection in Midshire", "... SEND revisit in".
TITLE = re.compile(
    r"\b(?:area SEND|local area SEND|SEND area)"
    r" (?P<what>full inspection|monitoring inspection|inspection|revisit|re-visit)"
    r" (?:of|in) (?:the )?"
    r"(?P<x>[A-Z][\w'&,-]*(?: (?:(?:and|upon|on|of|with) )?[A-Z][\w'&,-]*){0,5})",
    _I,
)
#: What ends the place in a title: the partnership's own words, the dates line, or a
#: letter's salutation on the next line ("... in Midshire" above "Dear Ms Jones").
_AREA_WORDS = re.compile(
    r" (?:Local Area Partnership|local area|Partnership|Area|Inspection dates?|Dear)\b.*$", _I
)
_DATES = re.compile(rf"\bInspection dates?:? (?P<days>{vocab.DAY_LIST})(?![\w/])", _I)
#: A 2016 letter's "Between 6 March 2017 and 10 March 2017, Ofsted and the CQC inspected".
_BETWEEN = re.compile(rf"\b(?:between|from) (?P<days>{vocab.DAY_LIST})(?![\w/])", _I)
_PREVIOUS = re.compile(
    rf"\bDates? of (?:the )?previous inspection:? (?P<days>{vocab.DAY_LIST})(?![\w/])", _I
)
#: The three outcomes of a 2023 full inspection, in the report's set wording.
OUTCOMES: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"\btypically lead to positive experiences and outcomes\b", _I)),
    (2, re.compile(r"\binconsistent experiences and outcomes\b", _I)),
    (3, re.compile(r"\bwidespread (?:and/or|and|or) systemic failings\b", _I)),
]
#: "The next full area SEND inspection will be within approximately five years", "A
#: monitoring inspection will be carried out within approximately 18 months".
_NEXT = re.compile(
    r"\b(?:The next full (?:area SEND )?(?:re)?inspection|A monitoring inspection)"
    r" will (?:be|take place|be carried out) within (?:approximately |around |about )?"
    r"(?P<n>\d+|one|two|three|four|five|six) (?P<u>years?|months?)",
    _I,
)
_WSOA = re.compile(r"\bwritten statement of action\b[^.]{0,80}?\b(?P<no>not )?required\b", _I)
_PROGRESS = re.compile(
    r"\b(?:has|have) made (?P<p>sufficient|some|insufficient|not made sufficient) progress", _I
)
#: "Leanne Thirlby, Ofsted HMI Lead inspector", "Adam Sproston HMI, Ofsted lead inspector",
#: on one line of the original text (the names of the team are on separate lines).
_LEAD = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?(?P<n>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){1,3}?)"
    r"(?:[ \t]+HMI)?,(?:[ \t]+HMI,)?[ \t]+Ofsted"
    r"(?:[ \t]+HMI)?,?[ \t]+(?i:lead\s+inspector)"
)


def extract(b: Builder) -> None:
    """Record an area SEND report's facts."""
    text = b.text
    title = TITLE.search(text, 0, HEAD)
    named: list[places.Name] = []
    if title:
        value = _AREA_WORDS.sub("", title["x"]).strip(" ,")
        if value:
            a, z = b.view.span(title.start("x"), title.start("x") + len(value))
            named.append(places.Name(places.tidy(value), a, z))
        what = title["what"].lower()
        b.match("inspection.framework", "SEND", title)
        if "monitoring" in what:
            kind = "monitoring inspection"
        elif "revisit" in what or "re-visit" in what:
            kind = "revisit"
        elif re.search(r"\bjoint\b", text[max(0, title.start() - 10) : title.start()], _I):
            kind = "inspection"
        else:
            kind = "full inspection"
        b.match("inspection.type", kind, title, "what")
    common.authority(b, common.candidates(b, named))
    dates = _DATES.search(text, 0, HEAD) or _BETWEEN.search(text, 0, HEAD)
    if dates:
        first, last = vocab.day_list(dates["days"])
        if first:
            b.match("inspection.start_date", first, dates, "days")
        if last:
            b.match("inspection.end_date", last, dates, "days")
    outcome(b)
    next_inspection(b)
    lead = _LEAD.search(b.view.raw)
    if lead:
        b.add_raw("inspection.lead_inspector", lead["n"], lead.start("n"), lead.end("n"))
    common.published(b)
    if letters.salutation(b.view.raw):
        letters.head(b)  # a letter (the 2016 framework's): dated above "Dear ..."
    previous = _PREVIOUS.search(text, 0, HEAD)
    if previous:
        first, _ = vocab.day_list(previous["days"])
        if first:
            mention = {"date": first, "type": "inspection", "overall": None}
            b.match("mentions[0]", mention, previous, "days")


def next_inspection(b: Builder) -> None:
    """Record when the next inspection is due, as the report states it: the sooner of the
    monitoring inspection and the next full inspection ("18 months", "3 years")."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for m in _NEXT.finditer(b.text, 0, HEAD):
        n = m["n"].lower()
        count = vocab.count(n)
        months = count * (12 if m["u"].lower().startswith("y") else 1)
        unit = m["u"].lower().rstrip("s") + ("s" if count != 1 else "")
        found.append((months, f"{count} {unit}", m))
    if found:
        _, value, m = min(found, key=lambda f: f[0])
        b.match("inspection.next_interval", value, m)


def outcome(b: Builder) -> None:
    """Record the outcome: its level (1-3) and the report's sentence saying it; for 2016
    letters, whether a written statement of action is required; for revisits, progress."""
    text = b.text
    for level, pattern in OUTCOMES:
        m = pattern.search(text, 0, HEAD)
        if m:
            # not before its paragraph: a page's heading above it is not the outcome's sentence
            paragraph = max(
                (p for p in dates.paragraphs(b.view, m.start()) if p <= m.start()), default=0
            )
            start = max(vocab.sentence_start(text, m.start(), 400), paragraph)
            heading = text.rfind("outcome ", start, m.start())
            start = heading + len("outcome ") if heading >= 0 else start
            end = text.find(".", m.end(), m.end() + 400)
            end = end + 1 if end >= 0 else m.end()
            b.match("inspection.outcome_level", level, m)
            b.add("inspection.outcome", text[start:end].strip(), start, end)
            return
    wsoa = _WSOA.search(text, 0, HEAD * 2)
    if wsoa:
        b.match("inspection.written_statement", not wsoa["no"], wsoa)
    progress = _PROGRESS.search(text, 0, HEAD * 2)
    if progress:
        word = progress["p"].lower()
        value = "insufficient" if word.startswith("not") else word
        b.match("inspection.progress", value, progress)
