"""Patterns for the words documents use: grades, judgement areas, dates, frameworks.

All patterns run on the normalised text of :class:`~ofstedcli.documents.text.View` (single
spaces, straight quotes, plain hyphens) and are compiled case-insensitively where the case of
the source varies.
"""

from __future__ import annotations

import re
from datetime import date

from ofstedcli import model

#: A grade as documents write it, including the verb forms of headlines ("require improvement")
#: and the pre-2013 "adequate".  Not followed by a letter, so "improvement2" (a page number
#: glued on) still matches while "goodness" does not.
_OF_FOUR = r"(?:\s+(?:possible|available))?(?:\s+of\s+(?:the\s+)?(?:four|4))?"
_RATING_WORD = r"\s+(?:marks?|ratings?|grades?|gradings?|judge?ments?)"
GRADE = (
    r"(?<![A-Za-z])(?:(?:requires?|required|requiring)\s+(?:an?\s+)?improvements?(?:\s+to\s+be\s+good)?"
    r"(?!\W{0,2}to\s+be\s+good)"
    r"|in\s+need\s+of\s+improvement|(?-i:RI)"
    rf"|(?:the\s+)?(?:(?:second|third)[\s-]+)?(?:top|highest|best|lowest|worst|bottom)"
    rf"(?:{_OF_FOUR}{_RATING_WORD}|\s+possible{_RATING_WORD}|{_RATING_WORD}{_OF_FOUR})"
    r"|outstanding|inadequate|adequate|good)(?![a-z])"
)
GRADE_RE = re.compile(GRADE, re.IGNORECASE)
#: A grade described by its place on the four-point scale ("the worst possible rating").
_PLACE = re.compile(r"(?:(?P<n>second|third)[\s-]+)?(?P<end>top|highest|best|lowest|worst|bottom)")


def grade(words: str) -> str:
    """The canonical grade of a phrase matched by :data:`GRADE`."""
    key = " ".join(words.lower().split())
    if key == "ri" or key.startswith("in need of"):
        return model.REQUIRES_IMPROVEMENT
    place = _PLACE.search(key)
    if place and re.search(r"marks?|ratings?|grad|judge?ments?", key):
        top = place["end"] in ("top", "highest", "best")
        step = {"second": 1, "third": 2}.get(place["n"] or "", 0)
        return model.GRADES[step if top else len(model.GRADES) - 1 - step]
    key = re.sub(r"^(?:require|requiring|requires|required)\s+(?:an?\s+)?improvements?", "", key)
    if key != " ".join(words.lower().split()):
        return model.REQUIRES_IMPROVEMENT
    parsed = model.parse_grade(key)
    if parsed is None:
        raise ValueError(f"not a grade: {words!r}")
    return parsed


#: Words that tell which judgement a table row or a sentence is about, most specific first.
_AREA_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"overall effectiveness|overall judgement|^\W*overall\W*$", re.I), "overall"),
    (
        re.compile(
            r"safeguarding children(?:'s)? (?:board|partnership)|children'?s? safeguarding"
            r" (?:board|partnership)|\bl[sc]{2}b\b",
            re.I,
        ),
        "lscb",
    ),
    (re.compile(r"adoption", re.I), "adoption"),
    (re.compile(r"\bleader|leadership|management and governance", re.I), "leadership"),
    (
        re.compile(
            r"help and protection|need of help|need help|protection of children|child protection",
            re.I,
        ),
        "help_and_protection",
    ),
    (
        re.compile(
            r"in care and care leavers|looked[- ]after children and care leavers"
            r"|looked[- ]after and achieving permanence"
            r"|children (?:being )?looked[- ]after|looked[- ]after\W{0,2} children|children in care"
            r"|looking after children"
            r"|(?:those|young people) in care",
            re.I,
        ),
        "in_care",
    ),
    (re.compile(r"care leavers|leaving care|left care", re.I), "care_leavers"),
    (re.compile(r"^\W*safeguarding", re.I), "safeguarding"),
]


def area(label: str) -> str | None:
    """The canonical area (a key of :data:`model.AREAS`) a judgement label names, if any."""
    for pattern, key in _AREA_RULES:
        if pattern.search(label):
            return key
    return None


#: Some of the judgement areas, not the whole service: "two areas were judged outstanding",
#: "some of the areas", "most areas" (not "all four areas" or "the three areas"): a grade
#: given to them is not the service's, now or before.
SOME_AREAS = re.compile(
    r"\b(?<!all )(?<!the )(?:some|several|other|many|most|one|two|three|four|five|\d)"
    r" (?:of the )?(?:\w+ )?(?:key )?(?:areas|judgements)\b",
    re.IGNORECASE,
)
#: Phrases naming judgement areas inside sentences ("judged outstanding for leadership").
AREA_PHRASE = (
    r"(?<![\w-])(?=[acehilstyACEHILSTY\"'])(?:the\s+)?(?:leadership,?\s+management\s+and\s+governance|impact\s+of\s+leaders"
    r"|impact\s+(?:that\s+)?leaders\s+have|leadership(?:\s+and\s+management)?"
    r"|leaders'?\s+impact(?:\s+on\s+(?:social\s+work\s+)?practice)?"
    r"|(?:services\s+for\s+)?children\s+who\s+need\s+help(?:\s+and\s+protection)?"
    r"|help\s+and\s+protection|children\s+in\s+care(?:\s+and\s+care\s+leavers)?"
    r"|child\s+protection(?!\s+(?:plans?|conferences?|registers?|investigations?|enquir"
    r"|cases?|procedures?|concerns?|medical|social|team))"
    r"|children\s+(?:being\s+)?looked[\s-]+after(?:\s+and\s+achieving\s+permanence)?"
    r"|looking\s+after\s+children"
    r"|[\"']?looked[\s-]+after[\"']?\s+children(?:\s+and\s+care\s+leavers)?"
    r"|(?:those|young\s+people)\s+in\s+care"
    r"|(?:those|young\s+people|children)\s+who\s+(?:have\s+)?left\s+care"
    r"|(?:services\s+for\s+)?care\s+leavers|(?:young\s+people\s+)?leaving\s+care|adoption(?:\s+performance)?"
    r"|(?:the\s+)?(?:local\s+)?safeguarding\s+children(?:'s)?\s+board"
    r"|(?:the\s+)?(?:local\s+)?children'?s?\s+safeguarding\s+board|l[sc]{2}b)"
)

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
#: Small numbers as texts write them in words ("three of the four areas", "within
#: approximately five years").
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip


def count(written: str) -> int:
    """A small number written in words or figures ("three", "3"); 0 when it is neither."""
    low = written.lower()
    return NUMBERS.get(low, int(low) if low.isdigit() else 0)


WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"

#: A full date: "4 September 2017", "Monday, September 4, 2017", "12/11/21", "2021-11-22".
FULL_DATE = (
    rf"(?:{WEEKDAY}?(?P<d1>{DAY})\s+(?P<m1>{MONTH})\s*,?\s+(?P<y1>{YEAR})"
    rf"|{WEEKDAY}?(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})"
    rf"|(?P<d3>[0-3]?\d)/(?P<m3>[01]?\d)/(?P<y3>(?:19|20)?\d\d)(?!\d)"
    rf"|(?P<y4>{YEAR})-(?P<m4>[01]\d)-(?P<d4>[0-3]\d))"
)
FULL_DATE_RE = re.compile(rf"(?<![\w/]){FULL_DATE}(?![\w/])", re.IGNORECASE)


def iso(m: re.Match[str]) -> str | None:
    """The ISO date of a :data:`FULL_DATE` match, or None when it is not a real date."""
    g = m.groupdict()
    for n in "1234":
        if g.get("y" + n):
            y, mo, d = g["y" + n], g["m" + n], g["d" + n]
            break
    else:  # pragma: no cover - the pattern always sets one group
        return None
    year = int(y) if len(y) == 4 else 2000 + int(y)
    month = int(mo) if mo.isdigit() else MONTHS[mo.lower().rstrip(".")]
    day = int(re.sub(r"\D", "", d))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_in(text: str) -> str | None:
    """The ISO date of the first full date written in ``text``, if it is a real date."""
    m = FULL_DATE_RE.search(text)
    return iso(m) if m else None


def month_number(word: str) -> int:
    """The month number of a month name or abbreviation."""
    return MONTHS[word.lower().rstrip(".")]


#: A date range: "20 September 2021 to 1 October 2021", "7 to 18 October 2024",
#: "23 June - 16 July 2015", "14 and 15 May 2019", "from 15 April to 3 May 2024".
DATE_RANGE = (
    rf"(?P<sd>{DAY})(?:\s+(?P<sm>{MONTH}))?(?:\s*,?\s+(?P<sy>{YEAR}))?"
    rf"\s*(?:-|to|until|and)\s*"
    rf"(?P<ed>{DAY})\s+(?P<em>{MONTH})\s*,?\s+(?P<ey>{YEAR})"
)
DATE_RANGE_RE = re.compile(rf"(?<![\w/]){DATE_RANGE}(?![\w/])", re.IGNORECASE)


def iso_range(m: re.Match[str]) -> tuple[str | None, str | None]:
    """Start and end ISO dates of a :data:`DATE_RANGE` match (None where impossible)."""
    ey, em, ed = int(m["ey"]), month_number(m["em"]), int(re.sub(r"\D", "", m["ed"]))
    sy = int(m["sy"]) if m["sy"] else ey
    sm = month_number(m["sm"]) if m["sm"] else em
    sd = int(re.sub(r"\D", "", m["sd"]))
    try:
        end = date(ey, em, ed)
        start = date(sy, sm, sd)
    except ValueError:
        return None, None
    if start > end and not m["sy"]:
        try:
            start = date(sy - 1, sm, sd)
        except ValueError:
            return None, end.isoformat()
    if start > end:
        return None, end.isoformat()
    return start.isoformat(), end.isoformat()


#: A list or range of days ending in a month: "17 and 18 May 2023", "22-23 October 2019",
#: "29 and 30 September, and 1 October 2020", "15, 16 and 21 July 2025", "7 and 8 July",
#: "30 April to 1 May 2019".  Bounded repetition: linear in the text.
_DAY_ITEM = rf"(?:the\s+)?{DAY}(?:(?:\s+of)?\s+{MONTH}(?:\s*,?\s+{YEAR})?)?"
DAY_LIST = (
    rf"{WEEKDAY}?{_DAY_ITEM}"
    rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|to\s+|until\s+|-\s*){WEEKDAY}?{_DAY_ITEM}){{0,8}}"
)
DAY_LIST_RE = re.compile(rf"(?<![\w/]){DAY_LIST}(?![\w/])", re.IGNORECASE)
_ITEM_RE = re.compile(
    rf"(?P<d>{DAY})(?:(?:\s+of)?\s+(?P<m>{MONTH})(?:\s*,?\s+(?P<y>{YEAR}))?)?", re.IGNORECASE
)

_WEEKDAY_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


#: Days written month first: "December 6 and December 17, 2021", "July 18 and 29".
US_DAYS = (
    rf"(?P<um1>{MONTH})\s+(?P<ud1>{DAY})(?:\s*(?:and|to|-|until)\s*(?:(?P<um2>{MONTH})\s+)?"
    rf"(?P<ud2>{DAY}))?(?:,?\s+(?P<uy>{YEAR}))?(?![\w/])"
)


def us_days(m: re.Match[str], on_or_before: str | None = None) -> tuple[str | None, str | None]:
    """First and last ISO dates of a :data:`US_DAYS` match (year from ``on_or_before``)."""
    first = f"{m['ud1']} {m['um1']}"
    last = f"{m['ud2']} {m['um2'] or m['um1']}" if m["ud2"] else first
    year = f" {m['uy']}" if m["uy"] else ""
    return day_list(f"{first}{year} and {last}{year}", on_or_before)


def day_list(text: str, on_or_before: str | None = None) -> tuple[str | None, str | None]:
    """First and last ISO dates of a :data:`DAY_LIST` text (or (None, None)).

    A day without a month takes the next month written; without a year, the next year
    written, else the year of ``on_or_before`` (a letter's date: the days fall before it).
    """
    text = _WEEKDAY_RE.sub(" ", text)
    items = [(int(re.sub(r"\D", "", m["d"])), m["m"], m["y"]) for m in _ITEM_RE.finditer(text)]
    while items and items[-1][1] is None:
        items.pop()
    if not items:
        return None, None
    days: list[tuple[int, int, int | None]] = []
    month, year = 0, None
    for d, m, y in reversed(items):
        if m:
            month = month_number(m)
        if y:
            year = int(y)
        days.append((d, month, year))
    days.reverse()
    if days[-1][2] is None:
        if not on_or_before:
            return None, None
        year = int(on_or_before[:4])
        last = (days[-1][1], days[-1][0])
        if len(on_or_before) >= 10 and last > (int(on_or_before[5:7]), int(on_or_before[8:10])):
            year -= 1
        days = [(d, m, y if y is not None else year) for d, m, y in days]
    try:
        found = [date(y or 0, m, d) for d, m, y in days]
    except ValueError:
        return None, None
    first, last_day = found[0], found[-1]
    if first > last_day:
        return None, last_day.isoformat()
    return first.isoformat(), last_day.isoformat()


#: A partial date as letters refer to past events: "January 2015", "September/October 2019",
#: "early in 2019", "2017".  Never a day: the text rarely gives one and we never invent it.
PARTIAL_DATE = (
    rf"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+(?:in\s+)?)?"
    rf"(?:(?P<pm>{MONTH})(?:\s*/\s*{MONTH}|\s+and\s+{MONTH})?\s+)?(?P<py>{YEAR})"
)


PARTIAL_RE = re.compile(PARTIAL_DATE, re.IGNORECASE)


def partial(m: re.Match[str]) -> str:
    """The partial ISO date ("2015-01" or "2015") of a :data:`PARTIAL_DATE` match."""
    year = m["py"]
    whole = m.group(0).lower()
    if m["pm"] and "/" not in whole and " and " not in whole:
        return f"{year}-{month_number(m['pm']):02d}"
    return year


def partial_in(text: str) -> str | None:
    """The partial ISO date of a text that is one partial date ("January 2015"), if it is."""
    m = PARTIAL_RE.fullmatch(text.strip())
    return partial(m) if m else None


#: When each whole-service framework began; a date places an inspection in one of them.
FRAMEWORK_STARTS: list[tuple[str, str]] = [
    ("2009-06-01", "SLAC"),
    ("2013-11-01", "SIF"),
    ("2018-01-01", "ILACS"),
]


def framework_at(day: str | None) -> str | None:
    """The whole-service framework in force on an ISO date (full or partial), if known."""
    if not day:
        return None
    found = None
    for start, name in FRAMEWORK_STARTS:
        if day >= start[: len(day)]:
            found = name
    return found


#: Where a sentence stops: a full stop, question or exclamation mark before a space, or a line
#: break.
SENTENCE_CUT = re.compile(r"[.!?](?:\s|$)|\n")


def sentence_end(text: str, pos: int, reach: int) -> int:
    """Where the sentence holding ``pos`` stops, looking ahead at most ``reach`` characters
    (else ``reach`` characters on, or the text's end)."""
    cut = SENTENCE_CUT.search(text, pos, pos + reach)
    return cut.start() if cut else min(len(text), pos + reach)


def clause_start(text: str, lo: int, pos: int, breaks: re.Pattern[str]) -> int:
    """Where the clause holding ``pos`` begins: just after the last of the ``breaks`` between
    ``lo`` (its sentence's start) and ``pos``, else ``lo``."""
    start = lo
    for m in breaks.finditer(text, lo, pos):
        start = m.end()
    return start


def sentence_start(text: str, pos: int, reach: int) -> int:
    """Where the sentence holding ``pos`` begins: just after the last full stop or line break
    before it, looking back at most ``reach`` characters (else ``reach`` characters back, or
    the text's start)."""
    lo = max(0, pos - reach)
    stops = [text.rfind(". ", lo, pos) + 2, text.rfind(".\n", lo, pos) + 2]
    line = text.rfind("\n", lo, pos)
    if line >= 0:
        stops.append(line + 1)
    best = max(stops)
    return best if best >= 2 or line >= 0 else lo
