"""Press releases: a council's (or Ofsted's, or the DfE's) news story about an inspection.

No letterhead or signature: the date follows "Published on", the council speaks through its
councillors' quotes, and the grades are stated in sentences ("children's services in Leicester
are now rated as requiring improvement").
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, places, vocab
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.ministerial import about_inspection

_I = re.IGNORECASE
_PUBLISHED_ON = re.compile(
    rf"\b(?:published|posted|released|date)(?: on)?:? (?P<d>{vocab.FULL_DATE})", _I
)
#: "city council", "city mayor", "county council" ...: what kind of council is speaking.
_COUNCIL_KIND = re.compile(r"\b(?P<k>city|county|borough|district)[- ](?:council|mayor|hall)\b", _I)
_HEADLINE = re.compile(r"^[^\n]{20,200}$", re.MULTILINE)


def extract(b: Builder) -> None:
    """Record a press release's facts."""
    m = _PUBLISHED_ON.search(b.text, 0, 2000)
    if m:
        b.date("date", m, "d")
    if not b.has("date"):
        common.document_date(b)
    raw = b.view.raw
    for line in _HEADLINE.finditer(raw):
        if not re.search(r"skip to|cookie|menu", line.group(), _I):
            b.add_raw("title", places.tidy(line.group()), line.start(), line.end())
            break
    names = common.candidates(b)
    common.authority(b, names)
    speaker(b, names)
    about_inspection(b, b.get("date"))


def speaker(b: Builder, names: list[places.Name]) -> None:
    """Record the council issuing a release: named outright, else "<place> City Council"
    when the release speaks of the city council or city mayor."""
    raw = b.view.raw
    council = places.main_council(raw)
    if council is not None:
        b.add_raw("sender.organisation", council.value, council.start, council.end)
        return
    kind = _COUNCIL_KIND.search(raw)
    place = next((n for n in names if n.value), None)
    if place is None:
        return
    if kind is not None:
        value = f"{place.value} {kind['k'].title()} Council"
        b.add_raw("sender.organisation", value, kind.start(), kind.end())
