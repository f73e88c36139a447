"""Letters from a DfE minister to a council after an Ofsted inspection.

The minister's name and title head the letter (the letterhead, not the signature, which may
be a scanned scrawl); the council leader's address block follows; the subject names the
council and the inspection, often with its publication date; the body gives the grades.
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, judgements, letters, mentions, places, send
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.parties import DFE

_DFE_CUE = re.compile(r"Department for Education|education\.gov\.uk|Sanctuary Buildings|\bDfE\b")
#: A line of the department's letterhead address or contact details.
_OWN_ADDRESS = re.compile(_DFE_CUE.pattern + r"|Great Smith Street|\bSW1P\b|\btel\b", re.I)


def extract(b: Builder) -> None:
    """Record a ministerial letter's facts."""
    raw = b.view.raw
    all_lines, sal, upto = letters.head(b)
    council = places.main_council(raw)
    cue = _DFE_CUE.search(raw)
    # The minister who signs; else the one the letterhead names (a signature may be only an
    # image); never a line of the department's own address ("Sanctuary Buildings").
    head = [ln for ln in all_lines[: min(upto, 8)] if not _OWN_ADDRESS.search(ln.text)]
    signed, headed = letters.signed_by(raw, all_lines), letters.person_block(head)
    found = headed if signed is None or (headed and _same_name(headed, signed)) else signed
    org = (DFE, cue.start(), cue.end()) if cue else None
    if found is not None:
        letters.record_person(b, "sender", found, org)
    block = letters.address_block(all_lines, upto)
    if not block or any(_OWN_ADDRESS.search(ln.text) for ln in block):
        # the department's own address, above an addressee with no postcode
        block = letters.unposted_block(all_lines, upto)
    letters.recipient(b, block, sal["who"] if sal else None, council)
    common.authority(b, common.candidates(b))
    about_inspection(b, b.get("date"))


def _same_name(a: letters.Person, b: letters.Person) -> bool:
    """True when two found people have the same name (the letterhead's and the signature's
    lines: the letterhead's is typeset, its role the one to keep)."""
    return " ".join(a[0][2].split()).lower() == " ".join(b[0][2].split()).lower()


def about_inspection(b: Builder, doc_date: str | None) -> None:
    """Record the inspection a letter, release or committee report describes, and mentions."""
    found = judgements.mentions(b.text)
    skip = [m.span for m in found]
    common.published(b, skip)
    common.visit_type(b)
    common.inspection_dates(b, doc_date, skip)
    common.lead_inspector(b)
    common.judgements_from_text(b, skip, judgements.table(b.text))
    if not any(f.field.startswith("inspection.") for f in b.facts) and common.send_page(b):
        send.outcome(b)  # a page about an area SEND inspection that gives only its outcome
    if any(f.field.startswith("inspection.") for f in b.facts):
        common.framework(b)
    if b.get("inspection.framework") == "SEND" and not b.has("inspection.outcome_level"):
        send.outcome(b)  # a page about an area SEND inspection quotes its set outcome
    text, overall = judgements.marked(b.view), b.get("inspection.overall")
    own = [d for k, d in common.current(b).items() if d and k != "overall"]
    found = mentions.whole_service(text, found)
    found = mentions.merge(found, mentions.visits(text, b.get("date"), own))
    found = mentions.same_grade(text, found, overall)
    common.record_mentions(b, mentions.merge(found, mentions.earlier(text, b.get("date"), overall)))
