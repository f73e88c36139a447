"""Facts every family reads the same way: the authority, the mentions of other judgements,
and the inspection a letter, press release or committee report is about.
"""

from __future__ import annotations

import re

from ofstedcli.documents import judgements, places, vocab
from ofstedcli.documents.extraction import Builder, judgement_field
from ofstedcli.documents.judgements import Span

_I = re.IGNORECASE


#: The most authority names a document records (best first): the resolver tries each.
MAX_CANDIDATES = 12


def authority(b: Builder, names: list[places.Name]) -> None:
    """Record the authority name candidates (best first; evidence in the original text)."""
    seen: set[str] = set()
    index = 0
    for name in names:
        if index >= MAX_CANDIDATES:
            break
        key = name.value.lower()
        if not name.value or key in seen:
            continue
        seen.add(key)
        field = "authority.name" if index == 0 else f"authority.candidates[{index}]"
        b.add_raw(field, name.value, name.start, name.end)
        index += 1


def candidates(b: Builder, first: list[places.Name] | None = None) -> list[places.Name]:
    """Authority candidates for a letter-like document: given names, councils, then places."""
    raw = b.view.raw
    out = list(first or [])
    council = places.main_council(raw)
    if council is not None:
        out.append(council)
    out += places.ranked_places(b.view)
    taken = {n.value for n in out}
    for council in places.councils(raw):
        words = council.value.split(" ")
        # Not "Leeds City Council" when "City Council" ... is a longer form of a name taken.
        if not any(" ".join(words[i:]) in taken for i in range(1, len(words))):
            out.append(council)
            taken.add(council.value)
    return out


def record_mentions(b: Builder, found: list[judgements.Mention]) -> None:
    """Record the other judgements the text refers to, leaving out the document's own."""
    own = current(b)
    index = 0
    for mention in found:
        if _is_current(mention, own):
            continue
        b.add(f"mentions[{index}]", mention.value(), *mention.span)
        index += 1


def _is_current(mention: judgements.Mention, current: dict[str, str | None]) -> bool:
    """True when a "mention" is the document's own inspection (same date and grade)."""
    if mention.date is None or mention.overall is None:
        return False
    dates = [d for d in (current.get("start_date"), current.get("end_date")) if d]
    dates += [d for d in (current.get("published"),) if d]
    same_date = any(d.startswith(mention.date) for d in dates)
    return same_date and mention.overall == current.get("overall")


#: "(PUBLISHED 12/11/21)", "Report published: 1 September 2015", "Published: 23 August 2013";
#: not a web page's "Published on ...", which dates the page itself.
_PUBLISHED = re.compile(
    rf"(?:\(\s*published:?(?: on)? |\breport (?:was )?published:?(?: on)? |\bpublished: )"
    rf"(?P<d>{vocab.FULL_DATE})",
    _I,
)


def published(b: Builder) -> None:
    """Record ``inspection.published`` from "(PUBLISHED 12/11/21)" or "Report published: ..."."""
    m = _PUBLISHED.search(b.text)
    if m:
        b.date("inspection.published", m, "d")


_ILACS_CUE = re.compile(
    r"inspection of local authority children's (?:social care )?services|\bILACS\b", _I
)
_SIF_CUE = re.compile(
    r"\bsingle inspection(?: framework)?\b|\bSIF\b"
    r"|inspection of services for children in need of help and protection",
    _I,
)


def framework(b: Builder, head: int = 1000) -> None:
    """Record ``inspection.framework``: a cue in the heading, else the inspection's date."""
    text = b.text
    for pattern, name in ((_ILACS_CUE, "ILACS"), (_SIF_CUE, "SIF")):
        m = pattern.search(text, 0, head)
        if m:
            b.match("inspection.framework", name, m)
            return
    for field in ("inspection.start_date", "inspection.published", "inspection.end_date", "date"):
        fact = next((f for f in b.facts if f.field == field), None)
        found = vocab.framework_at(fact.value) if fact else None
        if fact and found:
            b.add_raw("inspection.framework", found, fact.start, fact.end)
            return
    for pattern, name in ((_ILACS_CUE, "ILACS"), (_SIF_CUE, "SIF")):
        m = pattern.search(text)
        if m:
            b.match("inspection.framework", name, m)
            return


_WHEN = re.compile(
    r"\b(?:the |this |most recent |latest |recent |full |its )*inspection(?: of [^.]{0,60}?)?"
    r" (?:was |were )?(?:conducted|carried out|undertaken|took place|held|happened)"
    rf"(?: over [\w ]{{0,20}}?)?(?: from| in| on| between| during)? "
    rf"(?:(?P<range>{vocab.DATE_RANGE})|(?P<full>{vocab.FULL_DATE})|(?P<part>{vocab.PARTIAL_DATE})"
    rf"|(?P<month>{vocab.MONTH})(?![\w]))",
    _I,
)


def inspection_dates(b: Builder, doc_date: str | None, skip: list[Span]) -> None:
    """Record the inspection's start (and end) from "the inspection was carried out ...",
    outside the ``skip`` spans (mentions of earlier inspections)."""
    m = next((w for w in _WHEN.finditer(b.text) if not judgements.inside(w.span(), skip)), None)
    if not m:
        return
    if m["range"]:
        b.date_range(m, "range")
    elif m["full"]:
        b.date("inspection.start_date", m, "full")
    elif m["part"]:
        value = vocab.partial_in(m["part"])
        if value:
            b.match("inspection.start_date", value, m, "part")
    elif m["month"] and doc_date:
        month = vocab.month_number(m["month"])
        year = int(doc_date[:4])
        if len(doc_date) >= 7 and month > int(doc_date[5:7]):
            year -= 1
        b.add("inspection.start_date", f"{year}-{month:02d}", m.start("month"), m.end("month"))


def judgements_from_text(b: Builder, skip: list[Span], rows: list[judgements.Row]) -> None:
    """Record the overall and sub-judgements: a judgement table first, then sentences."""
    record_rows(b, rows)
    for found in judgements.stated(b.text, skip):
        b.add(judgement_field(found.area), found.grade, *found.span)


def record_rows(b: Builder, rows: list[judgements.Row]) -> None:
    """Record the judgements of a judgement table, each with its row as evidence."""
    for row in rows:
        b.add(judgement_field(row.area), row.grade, row.label[0], row.value[1])


def current(b: Builder) -> dict[str, str | None]:
    """The inspection facts recorded so far (to tell a mention from the document's own)."""
    return {
        "start_date": b.get("inspection.start_date"),
        "end_date": b.get("inspection.end_date"),
        "published": b.get("inspection.published"),
        "overall": b.get("inspection.overall"),
    }
