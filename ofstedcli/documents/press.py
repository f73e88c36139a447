"""Press releases: a council's (or Ofsted's, or the DfE's) news story about an inspection.

No letterhead or signature: the date follows "Published on", the council speaks through its
councillors' quotes, and the grades are stated in sentences ("children's services in Leicester
are now rated as requiring improvement").
"""

from __future__ import annotations

import re
from collections import Counter

from ofstedcli import names as naming
from ofstedcli.documents import common, parties, places, vocab
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.ministerial import about_inspection

_I = re.IGNORECASE
_PUBLISHED_ON = re.compile(
    rf"\b(?:published|posted|released|date)(?: on)?:? (?P<d>{vocab.FULL_DATE})", _I
)
#: "city council", "city mayor", "county council" ...: what kind of council is speaking.
_COUNCIL_KIND = re.compile(r"\b(?P<k>city|county|borough|district)[- ](?:council|mayor|hall)\b", _I)
#: A headline: a line of 20 to 200 characters that begins as a heading does (not with a
#: quotation, a bullet or a dash) and does not end a sentence, a quotation or a lead-in.
_HEADLINE = re.compile(r"[A-Z0-9'‘][^\n]{18,198}(?<![.:,;\-–])(?<![.,][\"”’])")
#: A site's own furniture, or a dateline, never a headline.
_FURNITURE = re.compile(
    r"skip to|cookie|menu|sign in|log in|welcome to|last updated|accessibility|permalink"
    r"|^(?:published|date|posted)\b|this article is|you are currently|\bsaid$",
    _I,
)
#: How many of a page's first lines may hold its headline.
_HEADLINE_LINES = 8
#: The most words a headline has.
_HEADLINE_WORDS = 24
#: A children's services trust or company running a council's service: "Birmingham
#: Children's Trust", "Slough Children's Services Trust", "Slough Children First".
_TRUST = re.compile(
    r"\b[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3} (?:Children[\u2019']s (?:Services )?Trust"
    r"|Children and Families Trust|Children First)\b"
)
#: A release's own heading naming who issues it: "<ORGANISATION> PRESS RELEASE".
_ISSUER = re.compile(
    r"^[ \t*#]*(?P<o>[A-Z][\w'&,-]*(?: (?:[A-Z][\w'&,-]*|&|and|for|of|the|with)){1,11})"
    r" (?:PRESS RELEASE|Press Release|press release)[ \t*#:]*$",
    re.MULTILINE,
)


def extract(b: Builder) -> None:
    """Record a press release's facts."""
    for m in _PUBLISHED_ON.finditer(b.text, 0, 2000):
        if not common.publishes_report(b.text, m):  # "the report published on ...": its own
            b.date("date", m, "d")
            break
    if not b.has("date"):
        common.document_date(b)
    title(b)
    names = common.candidates(b)
    common.authority(b, names)
    parties.notice_recipient(b)
    speaker(b, names)
    about_inspection(b, b.get("date"))


def title(b: Builder) -> None:
    """Record a release's headline: the first of its first lines that reads as one, before
    its body begins (a line ending a sentence), site furniture skipped."""
    raw = b.view.raw
    lines = 0
    for line in re.finditer(r"[^\n]*\S[^\n]*", raw):
        text = line.group().strip()
        lines += 1
        if lines > _HEADLINE_LINES:
            return
        if _FURNITURE.search(text):
            continue
        if _HEADLINE.fullmatch(text) and len(text.split()) <= _HEADLINE_WORDS:
            b.add_raw("title", places.tidy(text), line.start(), line.end())
            return
        if text.endswith("."):
            return


def speaker(b: Builder, names: list[places.Name]) -> None:
    """Record the council issuing a release: named outright, else "<place> City Council"
    when the release speaks of the city council or city mayor (never the council a notice
    is addressed to)."""
    raw = b.view.raw
    issuer = _ISSUER.search(raw, 0, 2000)
    if issuer is not None:
        value = places.tidy(issuer["o"])
        b.add_raw("sender.organisation", value, issuer.start("o"), issuer.end("o"))
        return
    council = places.main_council(raw)
    trust = _trust(raw, council)
    if trust is not None:
        b.add_raw("sender.organisation", places.tidy(trust.group()), trust.start(), trust.end())
        return
    addressee = (b.get("recipient.organisation") or "").lower()
    place = next((n for n in names if n.value), None)
    if council is not None and place is not None and not _same_place(council.value, place.value):
        council = None  # a partner council the release names (an improvement partner)
    if council is not None:
        if council.value.lower() != addressee and not _tied(raw, council):
            b.add_raw("sender.organisation", council.value, council.start, council.end)
        return
    kind = _COUNCIL_KIND.search(raw)
    if place is None:
        return
    if kind is not None:
        value = f"{place.value} {kind['k'].title()} Council"
        b.add_raw("sender.organisation", value, kind.start(), kind.end())


def _same_place(council: str, place: str) -> bool:
    """True when a council's name is that of the place (the text's authority) or holds it."""
    a, b = (naming.normalise(places.core(n)) for n in (council, place))
    return bool(a and b) and (a == b or f" {b} " in f" {a} " or f" {a} " in f" {b} ")


def _trust(raw: str, council: places.Name | None) -> re.Match[str] | None:
    """The children's trust a release names before any council and at least as often as
    its main council: the trust running the service speaks."""
    trusts = list(_TRUST.finditer(raw))
    if not trusts:
        return None
    first = trusts[0]
    if council is None:
        return first
    named = [n for n in places.councils(raw) if n.value.lower() == council.value.lower()]
    same = [t for t in trusts if t.group().lower() == first.group().lower()]
    before = first.start() <= min(n.start for n in places.councils(raw))
    return first if before and len(same) >= len(named) else None


def _tied(raw: str, council: places.Name) -> bool:
    """True when another council is named as often as the main one: which speaks is a
    guess."""
    counts = Counter(n.value.lower() for n in places.councils(raw))
    top = counts[council.value.lower()]
    return sum(1 for c in counts.values() if c == top) > 1
