"""Dates as prose writes them, and the role a sentence gives each: the inspection's days.

A date expression ("11 - 15 December 2023", "March 29-30 2023", "June and July", "the
beginning of November", "last month") is read into a start and an end, ISO and partial where
the text is partial; a year the text leaves out comes from the document's own date (the
days fall before it). Whether a date is the inspection's is read from the words around it:
an inspection word before it ("inspected ... between", "the visit took place on"), a clause
that opens with it and goes on to the inspection ("On 26 and 27 March inspectors visited"),
or a month naming the inspection ("its June 2025 inspection").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from ofstedcli.documents import vocab
from ofstedcli.documents.text import View
from ofstedcli.documents.vocab import DAY, DAY_LIST, MONTH, WEEKDAY, YEAR

_I = re.IGNORECASE

#: Days written month first, a weekday allowed before each: "March 29-30 2023", "between
#: Monday, January 23 and Friday, January 27, 2023", "September 16-27".
_US = (
    rf"{WEEKDAY}?(?P<am>{MONTH})\s+(?P<ad>{DAY})(?:\s*(?:-|to|and|until|&)\s*{WEEKDAY}?"
    rf"(?:(?P<bm>{MONTH})\s+)?(?P<bd>{DAY}))?(?:,?\s+(?P<uy>{YEAR}))?"
)
#: A day written in figures: "15/01/24", "15.01.2024" (day first, as British pages write).
_NUMERIC = r"(?<![\w/.])[0-3]?\d[./][01]?\d[./](?:19|20)?\d\d(?![\w/])"
#: One date expression: days, days month first, two months, a month, a relative month.
EXPR = re.compile(
    rf"(?<![\w/])(?:(?P<num>{_NUMERIC}(?:\s*(?:-|to|and|until)\s*{_NUMERIC})?)(?![\w/.]\w)"
    rf"|(?P<days>{DAY_LIST})(?![\w/])"
    rf"|(?P<us>{_US})(?![\w/])"
    rf"|(?P<pair>(?P<pm1>{MONTH})\s*(?:/|and|to|-|&)\s*(?P<pm2>{MONTH})"
    rf"(?:,?\s+(?P<py>{YEAR})|\s+(?P<pty>this|last)\s+year)?)(?![\w/])"
    rf"|(?P<part>(?:(?:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+)?"
    rf"(?P<mon>{MONTH})(?:\s+(?P<year>{YEAR})|\s+(?P<ty>this|last)\s+year)?)(?![\w/])"
    r"|(?P<rel>(?:(?:early|earlier|late|later)\s+)?this\s+month|last\s+month))",
    _I,
)
_NUMERIC_RE = re.compile(_NUMERIC)


@dataclass(frozen=True)
class When:
    """A date expression read: its first and last day (partial where the text is), its span
    in the normalised text, and how precise it is (3 days, 2 a month)."""

    start: str | None
    end: str | None
    span: tuple[int, int]
    precision: int


def read(m: re.Match[str], doc_date: str | None) -> When | None:
    """The dates of an :data:`EXPR` match (None when they cannot be known)."""
    span = m.span()
    if _FULL_STOP.search(m.group()):
        span = (span[0], span[1] - 1)  # "in January.": the sentence's full stop
    if m["num"]:
        read_days = [_numeric(d.group()) for d in _NUMERIC_RE.finditer(m["num"])]
        days = [d for d in read_days if d]
        if not days or len(days) < len(read_days):
            return None
        if days[0] > days[-1]:
            return None
        return When(days[0], days[-1] if days[-1] != days[0] else None, span, 3)
    if m["days"] or m["us"]:
        text = m["days"] or _us_text(m)
        first, last = vocab.day_list(text, doc_date)
        if first is None:
            return None
        return When(first, last if last != first else None, span, 3)
    if m["pair"]:
        m1, m2 = vocab.month_number(m["pm1"]), vocab.month_number(m["pm2"])
        year = int(m["py"]) if m["py"] else _year_of(m2, doc_date, m["pty"])
        if year is None or (not m["pm1"][0].isupper() and not m["py"]):
            return None
        return When(f"{year - (m1 > m2)}-{m1:02d}", f"{year}-{m2:02d}", span, 2)
    if m["part"]:
        month = vocab.month_number(m["mon"])
        if m["year"]:
            return When(f"{m['year']}-{month:02d}", None, span, 2)
        year = _year_of(month, doc_date, m["ty"]) if m["mon"][0].isupper() else None
        return When(f"{year}-{month:02d}", None, span, 2) if year else None
    if doc_date is None or len(doc_date) < 7:
        return None
    year, month = int(doc_date[:4]), int(doc_date[5:7])
    if m["rel"].lower().startswith("last"):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return When(f"{year}-{month:02d}", None, span, 2)


def _numeric(text: str) -> str | None:
    """The ISO date of a day written in figures, day first ("15/01/24"), if it is one."""
    d, mo, y = re.split(r"[./]", text)
    try:
        return date(int(y) + (2000 if len(y) == 2 else 0), int(mo), int(d)).isoformat()
    except ValueError:
        return None


#: A month's full name ending the match with the sentence's full stop.
_FULL_STOP = re.compile(
    r"(?:uary|march|april|may|june|july|ust|ber)\.$",
    _I,
)


def _us_text(m: re.Match[str]) -> str:
    """Days written month first, rewritten day first for :func:`vocab.day_list`."""
    year = f" {m['uy']}" if m["uy"] else ""
    first = f"{m['ad']} {m['am']}{year}"
    return f"{first} and {m['bd']} {m['bm'] or m['am']}{year}" if m["bd"] else first


def _year_of(month: int, doc_date: str | None, which: str | None = None) -> int | None:
    """The year of a month written without one: the document's, or the one before when the
    month is later in the year than the document's own; ``which`` "this" or "last" (year)
    as the text says."""
    if not doc_date:
        return None
    year = int(doc_date[:4])
    if which:
        return year - (which.lower() == "last")
    if len(doc_date) >= 7 and month > int(doc_date[5:7]):
        year -= 1
    return year


#: Words that make a sentence's date the inspection's (the nearest one before the date).
_CUE = re.compile(
    r"\b(?:inspect\w*|visit\w*|took place|taken place|takes place|carried out|conducted"
    r"|undertaken|undertook|on ?site)\b",
    _I,
)
#: What may stand just before an inspection's date, after its cue.
_LEAD_IN = re.compile(
    r"\b(?:between|from|in|on|during|over|of|at|throughout|conducted|place|out"
    r"|undertaken|undertook|completed|visited|inspected"
    # "a visit last November", "in the week commencing 22 January"
    r"|last|week (?:commencing|beginning|starting)(?: on)?|w/c)\s*$"
    r"|\(\s*$|^\s*(?:dates?|period)?\s*:\s*$",
    _I,
)
#: A clause that opens with its date: "On 26 and 27 March ...", ", between 10 and 21 ...".
_OPENS = re.compile(
    r"(?:(?:^|[,;:(]\s*|\b(?:that|and|when)\s+)(?i:on|between|from|in|during)"
    r"|\b(?:On|Between|From|In|During))\s+$"
)
#: A verb of inspectors coming, in a clause that opens with its date ("On 6 May Ofsted
#: inspectors visited ...", "between 10 and 21 October a full inspection was completed").
_VISITING = re.compile(
    r"\b(?:visited|inspected|came|arrived|returned|carried out|undertook|undertake|conducted"
    r"|completed|welcomed|hosted|took place|was held)\b",
    _I,
)
#: A month naming an inspection: "its June 2025 inspection" (before and after the date).
_NAMING_BEFORE = re.compile(r"\b(?:the|its|their|our|an?|this|latest|recent)\s+$", _I)
_NAMING_AFTER = re.compile(
    r"\s+(?:[\w'-]+\s+){0,4}?(?:inspection|visit|focused visit|monitoring visit)\b", _I
)
#: Words in a sentence that make its visit an inspectors' (not a minister's or a
#: social worker's).
_INSPECTORS = re.compile(r"\b(?:Ofsted|inspect\w*|HMI|monitoring|focus\w*)\b", _I)
#: Words between an inspection word and a date that make it another event's date.
_OTHER_EVENT = re.compile(
    r"\b(?:judge?ment|published|rated|judged|graded|report|next|will|due|introduced"
    r"|launched|appointed|formed|created|established|elected|meeting|committee|expected)\b",
    _I,
)
#: Words before an inspection word that make it one still to come.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|due|expected|planned|next|upcoming"
    # "to be inspected", not "judged to be good following an inspection"
    r"|to be(?!\s+['\"\u2018\u2019]?(?:outstanding|good|inadequate|requir|adequate)))\b",
    _I,
)
#: How far before an inspection word the words that place it in the future may stand.
_OWN_WORDS = 40
#: Words around an inspection word that make it another service's inspection (a school's,
#: a children's home's, the SEND area's), not the children's services'.
_OTHER_INSPECTION = re.compile(
    r"\b(?:SEND|fostering|adoption agency|children's homes?|schools?|nursery|nurseries"
    r"|youth (?:justice|offending)|probation|police|CQC|regulatory)\b",
    _I,
)
#: Words that make a sentence's inspection an earlier one.
_EARLIER = re.compile(
    r"\b(?:previous|last (?:[\w-]+ ){0,2}inspect\w*|prior|since|earlier(?! this\b)|before"
    r"|preceding"
    r"|improvement (?:on|from)|compared|than|build(?:s|ing)? on|built on"
    r"|(?:first|second)(?! (?:formal )?(?:monitoring|focused|focussed) visit)"
    r" (?:[\w-]+ )?(?:inspection|visit)"
    r"|joint targeted|JTAI)\b",
    _I,
)
#: "First" is an earlier visit's when the text names a later one ("the second monitoring visit").
_FIRST = re.compile(r"\bfirst\b", _I)
LATER_VISIT = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)\s+(?:formal\s+)?"
    r"(?:monitoring|focused|focussed)\s+visit",
    _I,
)
#: Where a clause begins: after a comma, semicolon, colon or bracket, or at "and that".
_CLAUSE = re.compile(r"[,;:()]|\band that\b", _I)
#: How far back from a date its inspection word may stand.
_REACH = 130


def inspection_whens(view: View, doc_date: str | None, upto: int) -> list[tuple[When, int]]:
    """The inspection dates a text states in its first ``upto`` characters, in order, each
    with how it was read (1 a word before it, 2 a clause it opens, 3 a month naming it)."""
    text = view.text
    upto = min(len(text), upto)
    out: list[tuple[When, int]] = []
    later = bool(LATER_VISIT.search(text, 0, upto))
    breaks = paragraphs(view, upto)
    for m in EXPR.finditer(text, 0, upto):
        at = bisect_right(breaks, m.start()) - 1
        how = _role(text, m, later, breaks[at] if at >= 0 else 0)
        when = read(m, doc_date) if how else None
        if when is not None and when.end is None and _ENDED.search(text, m.start() - 30, m.start()):
            when = When(None, when.start, when.span, when.precision)
        if when is not None:
            out.append((when, how))
    return out


#: An inspection begun on the page's own day: "Inspectors from Ofsted arrived for a
#: two-week inspection of ... today", "Ofsted began its inspection today".
_BEGUN_TODAY = re.compile(
    r"\b(?:arrived|arrive|arrives|began|begin|begins|started|starts|have begun|has begun"
    r"|got under way|gets under way)\b[^.]{0,160}?\b(?P<t>today)\b",
    _I,
)
#: What makes the thing begun today Ofsted's inspection.
_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit\w*|Ofsted)\b", _I)


def begun_today(text: str, doc_date: str | None, upto: int) -> When | None:
    """The page's own day as an inspection's start where the text says it began today
    ("Inspectors from Ofsted arrived for a two-week inspection of ... today")."""
    if not doc_date or len(doc_date) != 10:
        return None
    for m in _BEGUN_TODAY.finditer(text, 0, upto):
        if _INSPECTION_WORD.search(text, vocab.sentence_start(text, m.start(), 200), m.end()):
            return When(doc_date, None, m.span("t"), 3)
    return None


#: Words just before a single day that make it the inspection's last: "concluded on".
_ENDED = re.compile(
    r"\b(?:conclud\w*|ended|ending|finish\w*|until|(?:was|were) completed|closed)\W+(?:on\W+)?$", _I
)


#: Where a paragraph ends in the original text: a blank line, or a line that ends a sentence.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n|[.!?:\"\u201d]\s*\n")


def paragraphs(view: View, upto: int) -> list[int]:
    """Where the paragraphs of a text begin, as positions in its normalised text (the
    normalised text runs every line into one)."""
    stop = view.raw_end(upto) if upto < len(view.text) else len(view.raw)
    return [view.norm_pos(m.end()) for m in _PARAGRAPH.finditer(view.raw, 0, stop)]


def earlier(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` speaks of an earlier inspection or report."""
    return bool(_EARLIER.search(text, start, end))


def clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins for a date's role (not before ``lo``, its
    sentence's start)."""
    return vocab.clause_start(text, lo, pos, _CLAUSE)


#: A visit named again: "The visit, on 8 and 9 November, ...".
_THE_VISIT = re.compile(r"\b(?:the|this) visit\b", _I)


def _role(text: str, m: re.Match[str], later: bool, paragraph: int) -> int:
    """How the words around a date make it the inspection's (0: they do not); ``later``:
    the text names a later visit than a first one; ``paragraph``: where its paragraph
    begins."""
    s = max(vocab.sentence_start(text, m.start(), 250), paragraph)
    if later and _FIRST.search(text, s, m.end()):
        return 0
    before = text[s : m.start()]
    cues = list(_CUE.finditer(text, max(s, m.start() - _REACH), m.start()))
    if cues:
        cue = cues[-1]
        between = text[cue.end() : m.start()]
        if (
            not _OTHER_EVENT.search(between)
            and (m["rel"] or _LEAD_IN.search(between if between.strip() else cue.group()))
            and not _EARLIER.search(text, clause_start(text, s, cue.start()), m.end())
            and not _FUTURE.search(text, max(s, cue.start() - _OWN_WORDS), cue.start())
            and not _FUTURE.search(between)  # "the inspection is to be held between ..."
            and not _OTHER_INSPECTION.search(text, max(s, cue.start() - _OWN_WORDS), m.start())
            and (
                not cue.group().lower().startswith("visit")
                # Ofsted's visit: inspectors in its sentence, or "the visit" just after a
                # sentence that names them (news gives each sentence a paragraph)
                or _INSPECTORS.search(text, s, min(len(text), m.end() + 100))
                or (
                    _THE_VISIT.search(text, max(s, cue.start() - 5), cue.end())
                    and _INSPECTORS.search(text, max(0, s - 300), s)
                )
            )
        ):
            return 1
    if m["rel"]:
        return 0
    stop = text.find(". ", m.end(), m.end() + 200)
    after = text[m.end() : stop if stop >= 0 else m.end() + 150]
    if _OPENS.search(before):
        cue_after = _CUE.search(after, 0, 150)
        if (
            cue_after
            and _VISITING.search(after, 0, 150)
            and not _OTHER_EVENT.search(after, 0, cue_after.start())
            and not _EARLIER.search(text, s, m.end() + cue_after.end())
        ):
            return 2
    named = (m["part"] and m["year"]) or m["days"]
    if (
        named
        and _NAMING_BEFORE.search(before)
        and _NAMING_AFTER.match(after)
        and not _EARLIER.search(text, s, m.end())
    ):
        return 3
    return 0


#: A publication as prose writes it: "published on 13 June 2017", "was published 24th of
#: January 2017", "published today (Monday 23 May)", "the report published on Monday, March
#: 2", "released on Monday 20 November 2023", "published its inspection report on Tuesday 20
#: May 2025", "published in April 2023".
PUBLISHED = re.compile(
    r"\b(?:published|released)\b(?: (?:its|their|the) (?:[\w-]+ ){0,4}?"
    r"(?:report|findings|letter|judgement)s?)?"
    r"(?: (?:on|to) (?:the |its |their |Ofsted's |the inspectorate's )?(?:website|web site"
    r"|site|gov\.uk))?(?P<on> on| in)?(?P<today> today)?,? ?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day ?(?=\())?\(?(?:on )?"
    rf"(?:(?P<days>{WEEKDAY}?{DAY}(?:\s+of)?\s+{MONTH}(?:\s*,?\s+{YEAR})?)(?![\w/])"
    rf"|(?P<us>{WEEKDAY}?(?P<um>{MONTH})\s+(?P<ud>{DAY})(?:,?\s+(?P<uy>{YEAR}))?)(?![\w/])"
    rf"|(?P<mon>{MONTH})(?:\s+(?P<year>{YEAR}))?(?![\w/]))",
    _I,
)
_WEEKDAY_WORD = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", _I)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def weekday_on_or_before(day: str, weekday: str) -> str:
    """The ISO date of the last ``weekday`` ("Friday") on or before the ISO ``day``: "the
    report, published on Friday" on a page of that date."""
    page = date.fromisoformat(day)
    wanted = _WEEKDAYS.index(weekday.lower().removesuffix("day"))
    return (page - timedelta(days=(page.weekday() - wanted) % 7)).isoformat()


def published_date(
    m: re.Match[str], doc_date: str | None, start: str | None, future: bool = False
) -> str | None:
    """The date of a :data:`PUBLISHED` match. A year left out comes from the document's date
    (the publication falls on or before it; after it when ``future``: "will be published"),
    else from the inspection's start (it follows within a year). None when no year can be
    known or a weekday written disagrees."""
    if m["mon"]:
        if (m["on"] or "").strip() != "in" or not m["mon"][0].isupper():
            return None
        month = vocab.month_number(m["mon"])
        year = int(m["year"]) if m["year"] else _year_for(month, 1, doc_date, start, future)
        return f"{year}-{month:02d}" if year else None
    text = m["days"] or f"{m['ud']} {m['um']}{' ' + m['uy'] if m['uy'] else ''}"
    item = _DAY_MONTH.search(text)
    if item is None:  # pragma: no cover - the pattern always has a day and a month
        return None
    month, day = vocab.month_number(item["m"]), int(re.sub(r"\D", "", item["d"]))
    year = int(item["y"]) if item["y"] else _year_for(month, day, doc_date, start, future)
    weekday = _WEEKDAY_WORD.search(m.group())
    if not year and weekday:
        year = _year_of_weekday(
            m.string[: min(_TITLE, m.start())], month, day, _WEEKDAYS.index(weekday[1].lower())
        )
    try:
        found = date(year, month, day) if year else None
    except ValueError:
        return None
    if found is None or (weekday and found.weekday() != _WEEKDAYS.index(weekday[1].lower())):
        return None
    return found.isoformat()


_DAY_MONTH = re.compile(rf"(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:\s*,?\s+(?P<y>{YEAR}))?", _I)


#: A year standing alone ("report 2016", not "2016/17" or a reference number).
_A_YEAR = re.compile(r"(?<![\w/.-])(?:19[89]\d|20[0-4]\d)(?![\w/])")
#: How far into a text its title runs, for the year a page's title names.
_TITLE = 200


def _year_of_weekday(title: str, month: int, day: int, weekday: int) -> int | None:
    """The year a text's title names, when ``day`` ``month`` fell on ``weekday`` then
    ("published today (Monday 23 May)" under "Ofsted report 2016"); None when no such year
    or several.  Only the title above the date: a year named further on is as often
    history (the weekday repeats every five to eleven years)."""
    fits: set[int] = set()
    for m in _A_YEAR.finditer(title):
        year = int(m.group())
        try:
            if date(year, month, day).weekday() == weekday:
                fits.add(year)
        except ValueError:
            continue
    return fits.pop() if len(fits) == 1 else None


def _year_for(
    month: int, day: int, doc_date: str | None, start: str | None, future: bool
) -> int | None:
    """The year of a publication's day written without one (see :func:`published_date`)."""
    if doc_date and len(doc_date) == 10:
        year = int(doc_date[:4])
        own = (int(doc_date[5:7]), int(doc_date[8:10]))
        if future:
            return year + 1 if (month, day) < own else year
        return year - 1 if (month, day) > own else year
    if start and len(start) >= 7:
        year = int(start[:4])
        return year + 1 if month < int(start[5:7]) else year
    return None
