"""Who a page with no letterhead is from: a department heading it or issuing the notice it
publishes, a news story's byline."""

from __future__ import annotations

import re

from ofstedcli.documents import places
from ofstedcli.documents.extraction import Builder
from ofstedcli.documents.text import View

#: A government department's name as the page's first line (GOV.UK's heading).
_DEPARTMENT = re.compile(
    r"\A\s*(?P<o>Department (?:for|of) [A-Z][a-z]+(?: (?:and|&) [A-Z][a-z]+)?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
#: The last words of newspapers' names.
PAPER_WORDS = (
    "News", "Post", "Echo", "Times", "Star", "Gazette", "Herald", "Mail", "Telegraph",
    "Chronicle", "Argus", "Express", "Guardian", "Mercury", "Standard", "Courier", "Advertiser",
    "Journal", "Observer", "Recorder", "Citizen", "Globe", "Press", "Shopper", "Today", "World",
    "Worldwide", "Life",
)  # fmt: skip
_PAPER = "(?:" + "|".join(PAPER_WORDS) + ")"
#: A byline naming the paper: "By Jane Smith, Northam Echo reporter", "By Jane Smith,
#: The Northam Gazette".
_BYLINE = re.compile(
    r"^By [A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2},? (?P<o>(?:The )?(?:[A-Z][\w&'-]* ){0,3}"
    + _PAPER
    + r")(?: (?:[Rr]eporter|[Cc]orrespondent))?[ \t]*$",
    re.MULTILINE,
)

#: The council a government notice or direction is addressed to, as the page names it:
#: "Improvement notice issued to Northam council", "This improvement notice requires
#: Northam City Council to".
_NOTICE_TO = re.compile(
    r"\b(?:[Nn]otice|[Dd]irection) (?:issued to|requires) (?:the )?(?P<o>[A-Z][\w'-]*"
    r"(?: (?:(?:and|upon|on|with) )?[A-Z][\w'-]*){0,4} (?:(?:[Cc]ity|[Cc]ounty|[Bb]orough"
    r"|[Mm]etropolitan [Bb]orough) )?[Cc]ouncil)\b"
)

#: The department's own page about a notice or direction it issued: the notice speaking of
#: itself ("This improvement notice requires ..."), GOV.UK's heading of a decision
#: ("Decision: Improvement notice issued to ..."), or the department as its issuer ("DfE
#: issued a statutory direction to ...").
_NOTICE_PAGE = re.compile(
    r"\bThis (?:improvement notice|(?:statutory |revised )?direction) requires\b"
    r"|^Decision: (?:an? )?(?:improvement notice|(?:statutory )?direction)"
    r"|\b(?P<o>DfE|Department for Education)(?: \(DfE\))? (?:has )?issued (?:an? )?"
    r"(?:(?:revised|statutory|further) )*(?:direction|improvement notice)",
    re.MULTILINE | re.IGNORECASE,
)
#: How far down a notice page says what it is (characters of the raw text).
_NOTICE_HEAD = 2000
DFE = "Department for Education"


def notice_page(view: View) -> bool:
    """True when the text is the department's own page about a notice or direction."""
    return _NOTICE_PAGE.search(view.raw, 0, _NOTICE_HEAD) is not None


def notice_recipient(b: Builder) -> None:
    """Record the council a notice or direction is addressed to."""
    m = _NOTICE_TO.search(b.view.raw, 0, 2000)
    if m is None:
        return
    value = places.tidy(m["o"])
    b.add_raw("recipient.organisation", value, m.start("o"), m.end("o"))


def sender(b: Builder) -> None:
    """Record the sender a department heading or a byline names, if any."""
    raw = b.view.raw
    m = _DEPARTMENT.search(raw, 0, 200)
    if m:
        value = places.title_case(m["o"])
        b.add_raw("sender.organisation", value, m.start("o"), m.end("o"))
        return
    issuer = next((m for m in _NOTICE_PAGE.finditer(raw, 0, _NOTICE_HEAD) if m["o"]), None)
    if issuer:
        b.add_raw("sender.organisation", DFE, issuer.start("o"), issuer.end("o"))
        return
    m = _BYLINE.search(raw, 0, 2000)
    if m:
        b.add_raw("sender.organisation", places.tidy(m["o"]), m.start("o"), m.end("o"))
