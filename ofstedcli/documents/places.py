"""Finding the names of councils and places a document is about, as the document writes them.

The extractor does not know the list of authorities (the resolver does): it finds the phrases
that name one ("Leicester City Council", "LEEDS CITY COUNCIL", "children's services in
Leicestershire", "London Borough of Bexley") and ranks them.  Council names are read within
one line of the original text, walking back from the word "Council" over capitalised words,
so that an address block's "Strategic Director of Education" line is not taken for a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ofstedcli.documents.text import View

#: Words that can sit inside a council's name between capitalised words.
_JOINERS = {"and", "upon", "on", "le", "under", "&"}
#: Capitalised words that never begin or continue a council's name.
_STOP = {
    "a", "an", "at", "by", "dear", "for", "from", "in", "inspection", "into", "of", "ofsted",
    "report", "the", "to", "with", "mp", "cllr", "councillor", "sir", "dame", "mr", "mrs",
    "ms", "dr", "appendix", "our", "your", "their", "this", "that", "sent", "email", "re",
    "subject", "dfe", "local", "authority", "children's", "services", "social", "care",
    "council", "labour", "conservative", "tory", "liberal", "democrat", "green", "reform",
    "independent",
}  # fmt: skip
#: Capitalised words that begin a sentence before "with" and are no place.
_NOT_PLACES_BEFORE_WITH = {"together", "along", "partnership", "work", "agreement"}
#: Words after which "of" continues a name ("City of York Council").
_OF_HEADS = {"city", "borough", "county", "isle", "isles"}
#: The words that say what type of council it is.
_COUNCIL_TYPES = {"city", "county", "borough", "district", "metropolitan"}
#: Minor words kept lower case in a title-cased name.
_MINOR = {"and", "of", "upon", "on", "the", "for", "in", "with", "under", "le", "to", "a"}

#: How far before "Council" a council's name may begin (characters).
_NAME_REACH = 120
#: "Council", and "council" as news writes it after a name ("the Isle of Wight council").
_COUNCIL_WORD = re.compile(r"\bCOUNCIL\b|\b[Cc]ouncil\b")
_WORD = re.compile(r"[\w'’&.-]+[,;:]?")


@dataclass(frozen=True)
class Name:
    """A name found in the original text: its value (tidied) and raw span."""

    value: str
    start: int
    end: int


def title_case(text: str) -> str:
    """Title case for names written in capitals: "LEEDS CITY COUNCIL" -> "Leeds City Council"."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in _MINOR:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def tidy(text: str) -> str:
    """A name as written, with straight quotes and single spaces, a plural's possessive
    apostrophe dropped ("Tower Hamlets'"); capitals title-cased."""
    text = " ".join(text.replace("’", "'").replace("‘", "'").split()).strip(" ,;:.")
    if text.endswith("s'"):
        text = text[:-1]
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return title_case(text)
    return text


def _capitalised(word: str) -> bool:
    """True for a word that starts with a capital letter (or is in capitals)."""
    return word[:1].isupper()


@lru_cache(maxsize=4)
def councils(raw: str) -> list[Name]:
    """Every "<Name> [City|County|Borough|...] Council" in the text, in order (cached: the
    extractors ask for a document's councils more than once; callers must not change it)."""
    found: list[Name] = []
    for m in _COUNCIL_WORD.finditer(raw):
        # A name is a few words: look back at most _NAME_REACH characters, within the line.
        line_start = raw.rfind("\n", max(0, m.start() - _NAME_REACH), m.start()) + 1
        line_start = max(line_start, m.start() - _NAME_REACH)
        words = [(w.start(), w.group()) for w in _WORD.finditer(raw, line_start, m.start())]
        if line_start > 0 and raw[line_start - 1] not in "\n" and words:
            words = words[1:]  # the first word may be cut
        taken: list[tuple[int, str]] = []
        i = len(words) - 1
        after = m.start()  # where the word after this one begins
        while i >= 0:
            pos, word = words[i]
            bare = word.rstrip(",;:")
            low = bare.lower()
            if raw[pos + len(word) : after].strip():
                break  # not the next word of a name: "Home > News > Council news"
            after = pos
            if bare != word or (
                low.rstrip(".") in _STOP
                and not (low == "of" and _of_ok(words, i))
                and not (low == "with" and _with_ok(words, i, taken))
            ):
                break
            if low in _JOINERS or low == "with":
                if not taken or i == 0 or not _capitalised(words[i - 1][1]):
                    break
                if words[i - 1][1].lower().rstrip(",;:") in _STOP:
                    break
            elif low == "of":
                if not _of_ok(words, i):
                    break
            elif not _capitalised(bare) and not (
                low in _COUNCIL_TYPES and all(w.lower() in _COUNCIL_TYPES for _, w in taken)
            ):
                break  # "Buckinghamshire county council": only the council's type in lower case
            taken.append((pos, bare))
            i -= 1
        while taken and taken[-1][1].lower() in _JOINERS | {"of"}:
            taken.pop()
        if not taken:
            continue
        taken.reverse()
        if all(w.lower() in _COUNCIL_TYPES for _, w in taken):
            continue
        start = taken[0][0]
        found.append(Name(tidy(raw[start : m.end()]), start, m.end()))
    return found


def _with_ok(words: list[tuple[int, str]], i: int, taken: list[tuple[int, str]]) -> bool:
    """True when the "with" at ``words[i]`` joins two places in one name ("Blackburn with
    Darwen Council"): one place after it, and before it a capitalised word that is no verb
    or adverb, nor a plural ("Working with", "Pleased with", "Talks with", "Together with")."""
    places_after = [w for _, w in taken if w.lower() not in _COUNCIL_TYPES]
    if len(places_after) != 1 or i == 0:
        return False
    before = words[i - 1][1]
    low = before.lower()
    return (
        _capitalised(before)
        and low.isalpha()
        and low not in _STOP | _NOT_PLACES_BEFORE_WITH
        and not low.endswith(("ing", "ed", "ly", "s"))
    )


def _of_ok(words: list[tuple[int, str]], i: int) -> bool:
    """True when the "of" at ``words[i]`` continues a name ("City of York")."""
    return i > 0 and words[i - 1][1].lower() in _OF_HEADS


def main_council(raw: str) -> Name | None:
    """The council a document is chiefly about: its most named council, mixed case preferred."""
    names = councils(raw)
    if not names:
        return None
    counts = Counter(n.value.lower() for n in names)
    firsts: dict[str, int] = {}
    for n in names:
        firsts.setdefault(n.value.lower(), n.start)
    proper = {n.value.lower() for n in names if raw[n.end - 7 : n.end] != "council"}
    # The most named; on a tie, a name with "Council" (a news story's "Dorset council
    # merger" is no council's name), then the first.
    best = max(counts, key=lambda v: (counts[v], v in proper, -firsts[v]))
    matching = [n for n in names if n.value.lower() == best]
    mixed = [n for n in matching if not raw[n.start : n.end].isupper()]
    return (mixed or matching)[0]


#: "London Borough of Bexley", "Royal Borough of Kingston upon Thames", "City of York".
_BOROUGH_OF = re.compile(
    r"\b(?:London|Royal) Borough of (?:[A-Z][\w'&-]*)"
    r"(?: (?:and|upon|on) [A-Z][\w'&-]*| [A-Z][\w'&-]*){0,5}"
)
#: A place's name: a few capitalised words (bounded, so that a run of capitalised words is
#: read in linear time).
_PLACE = r"[A-Z][\w'&-]{0,40}(?: (?:(?:and|upon|on|of) )?[A-Z][\w'&-]{0,40}){0,5}"
#: The rest of a list of places after the first: ", Christchurch and Poole".
_LISTED = re.compile(r"(?:, [A-Z][\w'&-]{0,40})+,? and [A-Z][\w'&-]{0,40}")
#: Phrases naming the place a document is about: "children's services in Leicester".
_PLACE_PHRASES = [
    re.compile(
        r"(?i:children's (?:social care )?services|services for children(?: and (?:young people"
        r"|families))?|children(?: and young people)?) in (?:the )?(?P<x>" + _PLACE + ")"
    ),
    re.compile(r"(?P<x>" + _PLACE + r")'s (?i:children's (?:social care )?services)"),
]
_NOT_PLACES = {
    "The", "This", "These", "Ofsted", "England", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "January", "February", "Covid",
    "Local", "Children", "Council", "County", "City", "A", "It", "In", "Care", "Need",
    # words that open English sentences and take "'s" ("There's been", "That's")
    "There", "Here", "That", "What", "Who", "Let", "They", "We", "He", "She",
    # possessives that open a heading ("Our children's services rated good")
    "Our", "Your", "Their", "Its", "His", "Her", "My",
    # a role or a meeting's words ("the Director of Children's Services reported")
    "Children's", "Director", "Cabinet", "Minutes", "Members", "Present",
}  # fmt: skip


#: Where a place's name stops: "Council(s)", or a word in capitals after words that are not
#: ("Medway PDF", "Harrow LSCB").
_PLACE_END = re.compile(r" (?:Councils?\b|[A-Z]{2,}\b)")


def _trim(value: str) -> str:
    """A place's name without what follows it in the same run of capitalised words."""
    if value.isupper():
        return value
    m = _PLACE_END.search(value)
    return value[: m.start()] if m else value


#: Words of national bodies and their work, in no council's name ("the Independent Review
#: of Children's Social Care", "the Department for Education").
_INSTITUTIONAL = {
    "Review", "Inspectorate", "Department", "Government", "Commissioner", "Secretary",
    "Minister", "Parliament", "Committee", "Association",
}  # fmt: skip


#: The field's abbreviations, which name frameworks, bodies and plans, never a place ("the
#: outcome of the ILACS inspection", "visits by HMI").
_ABBREVIATIONS = {
    "ILACS", "SIF", "SLAC", "SEND", "JTAI", "LSCB", "LSCP", "MASH", "OFSTED", "CQC", "HMI",
    "HMCI", "DFE", "NHS", "ICB", "CAMHS", "EHCP", "WSOA", "SEF", "APA",
}  # fmt: skip


def _not_place(value: str) -> bool:
    """True for a capitalised run that names no place ("The ...", "Council", "County Hall",
    "Independent Review of Children", "ILACS"), though "County Durham" does."""
    words = value.split()
    if value.upper() in _ABBREVIATIONS:
        return True
    if words[0] == "County" and len(words) == 2 and words[1] not in ("Hall", "Council"):
        return False
    if words[:2] == ["City", "of"] and len(words) > 2:
        return False  # "the City of London", "City of York Council"
    return words[0] in _NOT_PLACES or not _INSTITUTIONAL.isdisjoint(words)


#: A blank line: a name never runs across one ("Picture: Jo Bloggs" above "A London
#: borough's children's services" is no place called "Jo Bloggs A London").
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f]*\n")


#: The rest of a word from where a window of text cuts it.
_WORD_REST = re.compile(r"[\w'&-]*")


def _window(text: str, end: int) -> str:
    """The first ``end`` characters of ``text``, and the rest of the word they cut: a name
    at the window's edge is never read cut short ("Leicestershi")."""
    m = _WORD_REST.match(text, end)
    return text[: m.end() if m else end]


def places(view: View, end: int | None = None) -> list[Name]:
    """Places named as the subject of children's services phrases, in order of appearance
    (in the first ``end`` characters of the normalised text, or all of it)."""
    text = view.text if end is None else _window(view.text, end)
    out: list[Name] = []
    for m in _BOROUGH_OF.finditer(text):
        a, b = view.span(m.start(), m.end())
        value = m.group()
        brk = _PARAGRAPH_BREAK.search(view.raw, a, b)
        if brk:  # "Royal Borough of Greenwich" heading a page, "Ofsted rates ..." below it
            value = text[m.start() : view.norm_pos(brk.start())]
            a, b = view.span(m.start(), m.start() + len(value.rstrip()))
        out.append(Name(tidy(value), a, b))
    for pattern in _PLACE_PHRASES:
        for m in pattern.finditer(text):
            value = _trim(re.sub(r"'s$", "", m["x"]))
            if _not_place(value):
                continue
            a, b = view.span(m.start("x"), m.start("x") + len(value))
            if _PARAGRAPH_BREAK.search(view.raw, a, b):
                continue
            listed = _LISTED.match(text, m.start("x") + len(value)) if value == m["x"] else None
            if listed:  # "Bournemouth, Christchurch and Poole": one place, or several
                z = view.span(m.start("x"), listed.end())[1]
                if not _PARAGRAPH_BREAK.search(view.raw, a, z):
                    out.append(Name(tidy(view.raw[a:z]), a, z))
            out.append(Name(tidy(value), a, b))
    out.sort(key=lambda n: n.start)  # stable: a list before its first place
    return out


def ranked_places(view: View, end: int | None = None) -> list[Name]:
    """Distinct places, the most often named first (ties: the earliest)."""
    found = places(view, end)
    counts = Counter(n.value.lower() for n in found)
    firsts: dict[str, Name] = {}
    for n in found:
        firsts.setdefault(n.value.lower(), n)
    order = sorted(firsts, key=lambda v: (-counts[v], firsts[v].start))
    return [firsts[v] for v in order]


#: Words between the verb's parts: "has once again been rated", "was today judged".
_ADVERB = r"(?:once again|again|now|today|also|just|recently|since|finally|officially)"
#: The place as the subject of what happened: "Redcar and Cleveland has improved", "Leicester
#: was judged good" (a word opening a sentence must be a proper noun elsewhere too).
_SUBJECT = re.compile(
    r"\b(?P<x>" + _PLACE + r") (?:(?:has|have)(?: " + _ADVERB + r")? (?:been|improved|received"
    r"|achieved)|(?:is|are|was|were)(?: " + _ADVERB + r")? (?:rated|judged|graded|found|praised))\b"
)
#: Looser ways a text names the place it is about, tried only as exact authority names:
#: "Trafford council", "Bexley's", "Southwark Children's Services", "in Bristol".
_LOOSE_PLACES = [
    re.compile(
        r"(?P<x>" + _PLACE + r")(?:'s)? (?:council\b|(?i:children's (?:social care )?services"
        r"|children's (?:services )?trust|children and families trust|children first|borough"
        r"|county)\b"
        # a council's own building, where its meetings are held ("at Westbrook Town Hall")
        r"|(?:Town Hall|Civic Centre|Civic Offices|Guildhall)\b"
        # a council's abbreviation ("Bexley LBC", "Barnsley MBC") or its safeguarding
        # board's ("Harrow LSCB")
        r"|(?:[LMR]?B|C?[CD]|MD|CB|LSC[BP]|SC[BP])C?\b)"
    ),
    re.compile(r"(?P<x>" + _PLACE + r")'s\b"),
    re.compile(
        r"\b(?:in|across|for|of|at|visits? to|inspection of|inspected|rated|judged|praised)"
        r" (?:the )?(?P<x>" + _PLACE + r")"
    ),
    # the town of a meeting's venue, before its postcode ("Venue: Loxley House, Station
    # Street, Nottingham, NG2 3NG"): where the council meets (not any address: a letter's
    # gives the inspectorate's offices too)
    re.compile(
        r"\bVenue:[^\n]*, (?P<x>" + _PLACE + r"),?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
    ),
    _SUBJECT,
]


def loose_places(view: View, end: int = 3000) -> list[Name]:
    """Places a text names in looser ways, the most often named first (in the first
    ``end`` characters)."""
    text = _window(view.text, end)
    found: list[Name] = []
    for pattern in _LOOSE_PLACES:
        for m in pattern.finditer(text):
            value = _trim(m["x"])
            if _not_place(value) or (
                pattern is _SUBJECT
                and " " not in value
                and _SENTENCE_START.search(text, max(0, m.start("x") - 3), m.start("x"))
                and not _inside_sentence(text, value)
            ):
                continue  # "There has improved", "Leaders were judged": a capital of a sentence
            a, b = view.span(m.start("x"), m.start("x") + len(value))
            if not _PARAGRAPH_BREAK.search(view.raw, a, b):
                found.append(Name(tidy(value), a, b))
    counts = Counter(n.value.lower() for n in found)
    firsts: dict[str, Name] = {}
    for n in sorted(found, key=lambda n: n.start):
        firsts.setdefault(n.value.lower(), n)
    return [firsts[v] for v in sorted(firsts, key=lambda v: (-counts[v], firsts[v].start))]


#: Just before a word that opens a sentence (or a line, or the text).
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"]?)\W{0,2}$|^\W{0,2}$")


def _inside_sentence(text: str, value: str) -> bool:
    """True when the text writes ``value`` capitalised inside a sentence too (after a word
    or a comma): a place's name is a proper noun; "There" or "Progress" opens sentences."""
    return re.search(r"[\w,;:)] " + re.escape(value) + r"\b", text) is not None


#: What a council's name adds to its place's: "London Borough of", "City of", "County
#: Council", a possessive.
_NAME_FRAME = re.compile(
    r"^(?:(?:London|Royal) Borough of|City of) |'s$"
    r"|(?: (?:City|County|Borough|District|Metropolitan|Metropolitan Borough))* Council$",
    re.IGNORECASE,
)


def core(name: str) -> str:
    """The place a council's name names: "Leicester City Council" and "Leicester's" are
    Leicester."""
    return _NAME_FRAME.sub("", name).strip()


def mentions(raw: str, name: str) -> int:
    """How often the text names the place ``name`` names (as a whole word, as written or in
    capitals: a place's name is a proper noun, "Care" is not "care")."""
    core_ = core(name)
    if not core_:
        return 0
    forms = {re.escape(core_), re.escape(core_.upper()), re.escape(title_case(core_))}
    return len(re.findall(r"\b(?:" + "|".join(sorted(forms)) + r")\b", raw))


#: A council's web address: the name before ".gov.uk" ("www.sthelens.gov.uk",
#: "news.leeds.gov.uk"), which the resolver knows as the council's domain.
_WEB_ADDRESS = re.compile(r"\b(?:[a-z0-9-]+\.)*?(?P<x>[a-z0-9-]{2,40})\.gov\.uk\b", re.IGNORECASE)
#: Domains of national bodies, not councils.
_NATIONAL = {"www", "ofsted", "education", "dfe", "gov", "reports", "assets", "publishing"}


def web_addresses(raw: str, end: int = 3000) -> list[Name]:
    """The stems of the council web addresses in the first ``end`` characters."""
    out: list[Name] = []
    for m in _WEB_ADDRESS.finditer(raw, 0, end):
        if m["x"].lower() not in _NATIONAL:
            out.append(Name(m["x"].lower(), m.start("x"), m.end("x")))
    return out
