"""Ofsted's letters after a focused visit or a monitoring visit to a council.

Laid out like every Ofsted letter (date, address block, "Dear ...", subject, signature); the
subject names the council ("Focused visit to Leeds local authority children's services"), the
first paragraph the visit's dates and inspectors, and monitoring visits say which judgement
they follow up ("since the local authority was judged inadequate in 2018").
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, judgements, letters, places, vocab
from ofstedcli.documents.engagement import ofsted
from ofstedcli.documents.extraction import Builder

_I = re.IGNORECASE
#: "Focused visit to Midshire local authority children's services": the council's name is
#: the capitalised words after "to" (the visit words in any case).
_SUBJECT = re.compile(
    r"\b(?i:focused|focused assurance|monitoring|assurance) (?i:visit) (?i:to|of|at) (?:the )?"
    r"(?P<x>[A-Z][\w'&,-]*(?: (?:(?:and|upon|on|of) )?[A-Z][\w'&,-]*)*)"
)
_WHEN = re.compile(
    r"\b(?:findings of the|this) (?:focused|focused assurance|monitoring|assurance) visit"
    r"[^.]{0,160}? (?:on|between|from) "
    rf"(?:(?P<range>{vocab.DATE_RANGE})|(?P<full>{vocab.FULL_DATE}))",
    _I,
)
_LEAD = re.compile(
    r"\b(?:the )?(?:lead inspector was|inspectors were|visit was (?:carried out|conducted|led) by"
    r"|inspector was) (?P<n>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})"
)


def extract(b: Builder, kind: str) -> None:
    """Record a visit letter's facts; ``kind`` is the letter's kind."""
    raw = b.view.raw
    all_lines = letters.lines(raw)
    sal = letters.salutation(raw)
    upto = letters.index_at(all_lines, sal.start()) if sal else len(all_lines)
    letters.letter_date(b, all_lines, upto)
    council = places.main_council(raw)
    letters.signatory(b, all_lines, ofsted(raw))
    letters.recipient(
        b, letters.address_block(all_lines, upto), sal["who"] if sal else None, council
    )
    named: list[places.Name] = []
    m = _SUBJECT.search(b.text)
    if m:
        value = re.sub(
            r"(?: local authority| children's services?| children's social care)+$", "", m["x"]
        )
        value = re.sub(r"(?i)\s+local authority\b.*$", "", value)
        a, z = b.view.span(m.start("x"), m.start("x") + len(value))
        named.append(places.Name(places.tidy(value), a, z))
    line = letters.subject(sal, all_lines)
    if line is not None and re.search(r"\bvisit\b", line.text, _I):
        b.add_raw("title", places.tidy(line.text), line.start, line.end)
    common.authority(b, common.candidates(b, named))
    visit = "focused visit" if kind == "focused_visit_letter" else "monitoring visit"
    when = _WHEN.search(b.text)
    if when:
        b.match("inspection.type", visit, when, 0)
        if when["range"]:
            b.date_range(when, "range")
        elif b.date("inspection.start_date", when, "full"):
            b.date("inspection.end_date", when, "full")
    elif m:
        b.match("inspection.type", visit, m)
    lead = _LEAD.search(b.text)
    if lead:
        b.match("inspection.lead_inspector", lead["n"], lead, "n")
    elif b.has("sender.name"):
        fact = next(f for f in b.facts if f.field == "sender.name")
        name = re.sub(r"\s+(?:HMI|SHMI)$", "", fact.value)
        b.add_raw("inspection.lead_inspector", name, fact.start, fact.end)
    if b.has("inspection.type"):
        common.framework(b)
    common.record_mentions(b, judgements.mentions(b.text))
