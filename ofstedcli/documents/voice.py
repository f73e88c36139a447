"""Who speaks in a news text: the council (or its children's trust) itself, or a third party.

A council's own news page speaks of "our children's services" and "the Council" outside
quotes, and prints its date on a line of its own; a newspaper, trade paper or party site
reports about the council: a reporter's byline, a spokesperson, "the council said", news
words ("watchdog", "damning", "branded"), party names (which a council's own publicity may
not carry) and the site's furniture ("Sign up to our newsletter", "Hide Ad").  Quotes are
set aside first: a councillor quoted saying "we" is heard in news stories too.
"""

from __future__ import annotations

import re

from ofstedcli.documents.text import View

Span = tuple[int, int]

_I = re.IGNORECASE
#: A quoted passage on one line: curly or straight double quotes, curly single quotes (an
#: apostrophe followed by a letter does not close one), a straight single quote that opens
#: after a space and closes before one; a quote left open runs to the end of the line.
_QUOTED = re.compile(
    r"\u201c[^\u201d\n]*(?:\u201d|$)|\"[^\"\n]*(?:\"|$)"
    r"|(?<!\w)\u2018[^\n]*?(?:\u2019(?!\w)|$)|(?<!\w)'[^'\n]*?(?:'(?!\w)|$)",
    re.MULTILINE,
)
#: The end of a quote that opened in an earlier paragraph.
_QUOTE_TAIL = re.compile(r"^[^\u201c\u201d\"\n]*\u201d", re.MULTILINE)
#: A page's own furniture, where "we" and "our" are the website's, not the council's.
_FURNITURE_LINE = re.compile(
    r"subscri|newsletter|\bsign (?:in|up)\b|\b(?:your|my|customer) accounts?\b|cookie|contact us"
    r"|get in touch|let us know|our comments|^comments\b|follow us|share this"
    r"|our (?:videos|website|app|partners|privacy|terms|readers|reporters?|journalis)",
    _I,
)
_SAID_COLON = re.compile(r"\b(?:said|says|added|commented|explained):\s*$")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
#: "the Council" (or a children's trust's "the Trust") with a capital letter in the middle of
#: a sentence: its own style for itself (news style lowercases it), not "the Council of ..."
#: or "the Council Tax".
_COUNCIL_CAPITAL = re.compile(r"(?<=[a-z,] )the (?:Council|Trust)\b(?! (?:of|Tax|[A-Z])\b)")
_DATE = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}|[A-Z][a-z]{2,8} \d{1,2}(?:st|nd|rd|th)?,"
    r" \d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
#: A page's own date on a line of its own near the top ("2 July 2018", "Published: Monday,
#: 17th January 2022", "Posted by: Press Team on 10 May 2023 09:00", "Monday 20 November
#: 2023: ...", a post's "By on 23/05/2014 in News"), as a council's news pages print it.
_DATELINE = re.compile(
    r"^[ \t]*(?:(?:Published|Posted|Date|Released|By)\b[^\n\d]{0,40}?)?"
    + _DATE
    + r"(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]m)?)?[ \t]*(?:$|: | - | in [^\n]{1,60}$)",
    re.MULTILINE,
)
#: How far down a dateline may sit (characters of the raw text).
_DATELINE_HEAD = 700
#: The press office's own words: a release names itself, closes with "ENDS" and notes to
#: editors, and a council's news page says who posted it.
_PRESS_OFFICE = re.compile(
    r"(?i:\b(?:press|news) release\b|\bnotes to editors\b|\bmedia enquiries\b"
    r"|\bfor immediate release\b|\bposted by:? (?:the )?(?:press|media|news|communications)"
    r" (?:team|office)\b)|^ENDS\b",
    re.MULTILINE,
)
#: A third party reporting: a reporter's language, a spokesperson, party politics, and a news
#: site's furniture.
_REPORTED = re.compile(
    r"(?i:\bwatchdogs?\b|\bspokes(?:man|woman|person)\b"
    r"|(?<!were )(?<!was )(?<!been )\btold (?:the|a|reporters|us)\b"
    r"|\blocal democracy report|\bhave your say\b|\bour (?:reporters?|correspondents?|readers)\b"
    r"|\bwe (?:reported|revealed)\b"
    r"|\b(?:slammed|branded|blasted|damning|scathing|criticised)\b)"
    r"|\b(?:Conservatives?|Labour|Liberal Democrats?|Lib Dems?|Tory|Tories|Green Party"
    r"|Reform UK)\b"
    r"|(?<!at )(?<!of )\bthe (?:council|authority) (?:said|says|added)\b|\bsaid the council\b"
    r"|(?i:\baccording to the council\b)"
    r"|(?:^|[.!?] )An? (?:[A-Z][\w-]+ )?(?:council|borough|local authority|authority)"
    r" (?:has|have|is|was|that|which|where|whose)\b"
    r"|\bHide Ad\b|(?i:\bwatch more of our videos\b|\bsign up to (?:our|the)\b[^\n]{0,30}"
    r"newsletter|\bshare this (?:article|story)\b)|^Comments\b|\bAdvertisement\b"
    r"|(?<!Last )\bUpdated:? (?:\d|[A-Z][a-z]+day)|\((?:Photo|Picture|Image)(?: credit)?:"
    r"|\bPicture: [A-Z]|\bImage (?:caption|source)\b|\bGetty Images\b|\bmin read\b"
    # a reporter's byline: "By Jo Bloggs", "Published by Jo Bloggs at ...", or a name on its
    # own line just above the date
    r"|^(?:By|(?:Published|Posted|Written) by) [A-Z][a-z]+ [A-Z]"
    r"|^[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}[ \t]*\n[ \t]*" + _DATE,
    re.MULTILINE,
)


def narrative(raw: str) -> str:
    """The text with quotes and the site's furniture blanked out (same length)."""
    blank = _QUOTE_TAIL.sub(lambda m: " " * len(m.group()), raw)
    blank = _QUOTED.sub(lambda m: " " * len(m.group()), blank)
    lines = blank.split("\n")
    quoting = False
    for i, line in enumerate(lines):
        if quoting or _FURNITURE_LINE.search(line):
            lines[i] = " " * len(line)
        if line.strip():
            # "..., said:" at a line's end: the next paragraph is the quote, marks or not
            quoting = _SAID_COLON.search(line) is not None
    return "\n".join(lines)


#: How much of a text's top is read for who speaks (characters of the raw text): a page
#: shows it from the start.
HEAD = 10_000


def own_voice(view: View) -> Span | None:
    """The span of the first sign that the council itself speaks, or ``None``."""
    raw = view.raw[:HEAD]
    found: list[tuple[int, int]] = []
    for pattern, text, end in (
        (_WE, narrative(raw), len(raw)),
        (_COUNCIL_CAPITAL, raw, len(raw)),
        (_DATELINE, raw, _DATELINE_HEAD),
    ):
        m = pattern.search(text, 0, end)
        if m:
            found.append(m.span())
    if not found:
        return None
    start, end = min(found)
    return view.norm_pos(start), view.norm_pos(end)


def press_office(view: View, head: int) -> Span | None:
    """The span of the press office's own words within ``head`` characters, or ``None``."""
    m = _PRESS_OFFICE.search(view.text, 0, head)
    return m.span() if m else None


def reported(view: View) -> bool:
    """Whether the text reads as a third party's report about the council."""
    return _REPORTED.search(view.raw, 0, HEAD) is not None
