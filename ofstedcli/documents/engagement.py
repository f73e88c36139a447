"""Ofsted's letter after its annual engagement meeting with a council's children's services.

Written by an Ofsted regional director to the director of children's services: the signature
gives the sender, the address block the recipient, the subject the meeting's date.  It is
about no single inspection, but refers to past ones ("your last full inspection was in 2017").
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, judgements, letters, places, vocab
from ofstedcli.documents.extraction import Builder

#: What shows a letter is Ofsted's: its name or address, or an inspector signing it.
_OFSTED_CUE = re.compile(r"\bOfsted\b|ofsted\.gov\.uk|Majesty's Inspector|\bS?HMI\b", re.I)
_MEETING = re.compile(
    rf"annual (?:engagement meeting|conversation)[^.\n]{{0,40}}?(?P<d>{vocab.FULL_DATE})",
    re.IGNORECASE,
)


def extract(b: Builder) -> None:
    """Record an engagement meeting letter's facts."""
    raw = b.view.raw
    all_lines, sal, upto = letters.head(b)
    m = _MEETING.search(b.text)
    if m:
        b.date("meeting_date", m, "d")
    council = places.main_council(raw)
    letters.signatory(b, all_lines, ofsted(raw))
    letters.recipient(
        b, letters.address_block(all_lines, upto), sal["who"] if sal else None, council
    )
    common.authority(b, common.candidates(b))
    common.record_mentions(b, judgements.mentions(b.text))


def ofsted(raw: str) -> tuple[str, int, int] | None:
    """Ofsted as an organisation, with the span that shows the letter is Ofsted's."""
    cue = _OFSTED_CUE.search(raw.replace("’", "'"))
    return ("Ofsted", cue.start(), cue.end()) if cue else None
