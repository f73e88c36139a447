"""Council committee reports: a director's report to a scrutiny committee or the cabinet.

The heading names the committee and the meeting's date ("CHILDREN AND FAMILIES OVERVIEW AND
SCRUTINY COMMITTEE - 3 SEPTEMBER 2024") and who reports ("REPORT OF THE DIRECTOR OF ...");
the body often copies the inspection's judgement table and dates.
"""

from __future__ import annotations

import re

from ofstedcli.documents import common, places, vocab
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.ministerial import about_inspection

_I = re.IGNORECASE
_BODY = (
    r"(?:Overview\s+and\s+Scrutiny|Scrutiny|Select|Cabinet|Corporate\s+Parenting)"
    r"(?:\s+Committee|\s+Commission|\s+Board|\s+Panel|\s+Sub-Committee)?"
)
_COMMITTEE = re.compile(
    r"(?P<c>(?:[A-Z][\w'&,-]*(?: (?:and|of|for|the|&))?\s+){0,8}?" + _BODY + r")\b", _I
)
#: "REPORT OF THE DIRECTOR OF CHILDREN AND FAMILY SERVICES" (a heading in capitals, read
#: from the normalised text so that line breaks do not cut it) or "Report of the Director of
#: Children's Services" (read to the end of its line).
#: A meeting body's proper name: capitalised words ending in what councils call their
#: meetings ("Cabinet", "Executive Board", "Children and Young People Scrutiny Committee").
_BODY_NAME = (
    r"(?:[A-Z][\w'-]*(?:,? (?:and|&|of|for|the) | |, ))*?"
    r"(?:Cabinet|Executive|Committee|Sub-Committee|Board|Panel|Commission|Forum)\b"
    r"(?: (?:Committee|Sub-Committee|Board|Panel)\b)?"
)
#: Where a paper names the body it goes to: a heading line that is the body's name (with
#: the meeting's date or item after it), "Meeting: <date> - <body>", "Report to: <body>", the
#: body asked or recommended to act, the report provided to it, the body receiving it.
_TO_BODY = [
    re.compile(r"^[*#\s]*(?P<c>" + _BODY_NAME + r")[*\s]*(?:$|[-\u2013,(|] ?\w)", re.M),
    re.compile(r"\bMeeting: [\d/. ]+[-\u2013] (?P<c>" + _BODY_NAME + ")"),
    re.compile(r"\bReport to:[ \t]*(?:the )?(?P<c>" + _BODY_NAME + ")"),
    re.compile(
        r"(?:^|(?<=[.:] ))(?:The )?(?P<c>" + _BODY_NAME + r") (?:is|are) (?:asked|recommended) to\b"
        r"|\breport (?:provided|presented to|submitted to|went to) the (?P<d>" + _BODY_NAME + ")"
        r"|(?:^|(?<=[.:] ))(?:The )?(?P<e>" + _BODY_NAME + r") (?:received|considered) (?:a|the)"
        r" report\b",
        re.M,
    ),
]
_REPORT_OF_CAPS = re.compile(r"\bREPORT OF:? (?:THE )?(?P<r>[A-Z][A-Z,&' -]*[A-Z])(?![a-z])")
#: "Report of the Director of ...", or a form's label and its value on one line: "Report
#: of: Director of Children's Services", "Report from: ...", "Report author: ..." (not "a
#: report from Jo Bloggs, Director of ..., which invites ...", a sentence).
_REPORT_OF = re.compile(
    r"\bReport (?:of:?|(?:from|by|author):)[ \t]*(?:the )?(?P<r>[A-Z][^\n*]{3,100})", _I
)
_HEAD = 800
#: Minutes "of a meeting ... held at County Hall, Westbrook on Tuesday, 5 March 2024".
_HELD_ON = re.compile(
    rf"\bmeeting\b[^.]{{0,160}}?\bheld (?:at|in) [^.\d]{{1,80}}? on (?P<d>{vocab.FULL_DATE})", _I
)


def extract(b: Builder) -> None:
    """Record a committee report's facts."""
    raw = b.view.raw
    first: str | None = None  # the first full date: the year of dates the paper leaves open
    for m in vocab.FULL_DATE_RE.finditer(b.text, 0, _HEAD):
        value = vocab.iso(m)
        first = first or value
        if value and _heading_date(b, m):
            b.match("date", value, m)
            break
    _recipient(b)
    council = places.main_council(raw)
    _reporter(b)
    if council is not None:
        b.add_raw("sender.organisation", council.value, council.start, council.end)
    if not b.has("date"):
        held = _HELD_ON.search(b.text, 0, _HEAD * 2)
        if held is not None:
            b.date("date", held, "d")
    if not b.has("date"):
        common.document_date(b)
    common.authority(b, common.candidates(b))
    about_inspection(b, b.get("date") or first)


#: What may stand before a meeting's date on its line: the heading's capitalised words, a
#: label ("Meeting:", "Date of meeting:"), joining words ("held on") and punctuation.
_HEADING_WORD = re.compile(r"[A-Z0-9&|(,:.\u2013-]|(?:of|and|for|the|on|in|at|held|meeting:?)$")


def _heading_date(b: Builder, m: re.Match[str]) -> bool:
    """True when a date heads the paper (its own line, a heading, "Meeting: ..."), not an
    inspection's date in a sentence of the report."""
    raw = b.view.raw
    start = b.view.raw_start(m.start())
    line = raw.rfind("\n", 0, start) + 1
    before = raw[line:start].split()
    if not before and raw[:line].rstrip()[-1:].islower():
        return False  # a sentence carried over from the line before
    return all(_HEADING_WORD.match(w) for w in before)


def _recipient(b: Builder) -> None:
    """Record the body a paper goes to: a committee heading in capitals at the top, else
    the first place the paper names the body it is written to."""
    raw = b.view.raw
    committee = _COMMITTEE.search(raw, 0, _HEAD * 2)
    if committee and _heads_line(raw, committee.start("c")) and committee["c"].isupper():
        name = _committee_name(committee["c"])
        offset = committee["c"].find(name.split()[0]) if name else 0
        start = committee.start("c") + max(offset, 0)
        b.add_raw("recipient.organisation", places.tidy(name), start, committee.end("c"))
        return
    found = [(m.start(), m) for rule in _TO_BODY if (m := rule.search(raw, 0, _HEAD * 2))]
    if found:
        m = min(found, key=lambda f: f[0])[1]
        group = next(g for g in ("c", "d", "e") if g in m.groupdict() and m[g])
        b.add_raw("recipient.organisation", places.tidy(m[group]), m.start(group), m.end(group))


def _heads_line(raw: str, start: int) -> bool:
    """True when only markup stands between a line's start and ``start``."""
    line = raw.rfind("\n", 0, start) + 1
    return not raw[line:start].strip("*# \t")


def _reporter(b: Builder) -> None:
    """Record the role of the officer whose report it is (in their own casing if written)."""
    caps = _REPORT_OF_CAPS.search(b.text, 0, _HEAD * 2)
    if caps:
        role = caps["r"]
        mixed = re.search(re.escape(role).replace(r"\ ", r"\s+"), b.view.raw, _I)
        value = places.tidy(role)
        if mixed and not mixed.group().isupper():
            value = " ".join(mixed.group().split())
        b.match("sender.role", value, caps, "r")
        return
    m = _REPORT_OF.search(b.view.raw, 0, _HEAD * 2)
    if m:
        b.add_raw("sender.role", places.tidy(m["r"]), m.start("r"), m.end("r"))


def _committee_name(text: str) -> str:
    """The committee's name without a leading date, heading noise or the council's name on
    the heading line above it ("WESTBROOK BOROUGH COUNCIL" over "CABINET")."""
    words = " ".join(text.split()).split(" ")
    while words and not words[0][:1].isalpha():
        words.pop(0)
    council = max((i for i, w in enumerate(words[:-1]) if w.upper() == "COUNCIL"), default=-1)
    return " ".join(words[council + 1 :])
