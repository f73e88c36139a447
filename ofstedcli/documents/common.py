"""Facts every family reads the same way: the authority, the mentions of other judgements,
and the inspection a letter, press release or committee report is about.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ofstedcli.documents import dates, judgements, places, tense, vocab
from ofstedcli.documents.extraction import Builder, Fact, judgement_field
from ofstedcli.documents.judgements import Span

_I = re.IGNORECASE


#: The most authority names a document records (best first): the resolver tries each.
MAX_CANDIDATES = 12


def authority(b: Builder, names: list[places.Name]) -> None:
    """Record the authority name candidates (best first; evidence in the original text)."""
    seen: set[str] = set()
    index = 0
    for name in names:
        if index >= MAX_CANDIDATES:
            break
        key = name.value.lower()
        if not name.value or key in seen:
            continue
        seen.add(key)
        field = "authority.name" if index == 0 else f"authority.candidates[{index}]"
        b.add_raw(field, name.value, name.start, name.end)
        index += 1
    region(b)


#: The region a text places its council in: "a London borough", "the London Borough of",
#: "an outer London council", "a North East authority", "one Yorkshire council".
_REGION = re.compile(
    r"\b(?:an?|the|one|another) (?:(?:inner|outer|small|large|rural|urban|northern|southern)"
    r" )?(?P<region>London|North[- ]East|North[- ]West|South[- ]East|South[- ]West"
    r"|West Midlands|East Midlands|Yorkshire|East of England)"
    r" (?:borough|council|local authority|authority|county|unitary)s?\b",
    re.IGNORECASE,
)
#: How far into a text its council's region is looked for (characters).
_REGION_REACH = 3000
#: Each region as the official statistics name it.
_REGIONS = {
    "london": "London",
    "north east": "North East",
    "north west": "North West",
    "south east": "South East",
    "south west": "South West",
    "west midlands": "West Midlands",
    "east midlands": "East Midlands",
    "yorkshire": "Yorkshire and the Humber",
    "east of england": "East of England",
}


def region(b: Builder) -> None:
    """Record the region the text places its council in, when it says so (it settles a name
    two authorities share: "Kingston", "a London borough")."""
    m = _REGION.search(b.text, 0, _REGION_REACH)
    if m is not None and m["region"][0].isupper():
        key = " ".join(m["region"].replace("-", " ").lower().split())
        b.add("authority.region", _REGIONS[key], m.start("region"), m.end("region"))


#: How many of the best names are put in order of how often the text names their place.
_RERANK = 4


def candidates(b: Builder, first: list[places.Name] | None = None) -> list[places.Name]:
    """Authority candidates for a letter-like document: given names, councils, then places."""
    raw = b.view.raw
    out = list(first or [])
    council = places.main_council(raw)
    named = [council] if council is not None else []
    named += places.ranked_places(b.view)
    # The place the text is about is the one it names more than twice as often as the first: not a
    # partner council named once with its full title ("working with Essex County Council").
    head = named[:_RERANK]
    counts = {n.value: places.mentions(raw, n.value) for n in head}
    most = max(head, key=lambda n: counts[n.value], default=None)
    if most is not None and counts[most.value] > 2 * counts[head[0].value]:
        head = [most] + [n for n in head if n is not most]
    out += head + named[_RERANK:]
    taken = {n.value for n in out}
    for council in places.councils(raw):
        words = council.value.split(" ")
        # Not "Leeds City Council" when "City Council" ... is a longer form of a name taken.
        if not any(" ".join(words[i:]) in taken for i in range(1, len(words))):
            out.append(council)
            taken.add(council.value)
    # Last, its council web addresses and the places it names in looser ways (the resolver
    # takes these only when they are exactly an authority's name or domain).
    out += [n for n in places.web_addresses(raw) if n.value not in taken]
    out += [n for n in places.loose_places(b.view) if n.value not in taken]
    return out


def record_mentions(b: Builder, found: list[judgements.Mention]) -> None:
    """Record the other judgements the text refers to, leaving out the document's own."""
    own = current(b)
    graded = [
        f
        for f in b.facts
        if f.field == "inspection.overall" or f.field.startswith("inspection.judgements.")
    ]
    index = 0
    for mention in found:
        # inside a current grade's evidence, the document's own inspection, read as such,
        # unless another grade ("moved from inadequate to good": the grade left behind)
        same = [(f.start, f.end) for f in graded if mention.overall in (None, f.value)]
        if _is_current(mention, own) or judgements.inside(b.view.span(*mention.span), same):
            continue
        b.add(f"mentions[{index}]", mention.value(), *mention.span)
        index += 1


def _is_current(mention: judgements.Mention, current: dict[str, str | None]) -> bool:
    """True when a "mention" is the document's own inspection (same date and grade)."""
    if mention.date is None or mention.overall is None:
        return False
    dates = [d for d in (current.get("start_date"), current.get("end_date")) if d]
    dates += [d for d in (current.get("published"),) if d]
    same_date = any(d.startswith(mention.date) for d in dates)
    return same_date and mention.overall == current.get("overall")


#: "(PUBLISHED 12/11/21)", "Report published: 1 September 2015", "Published: 23 August 2013";
#: not a web page's "Published on ...", which dates the page itself.
_PUBLISHED = re.compile(
    rf"(?:\(\s*published:?(?: on)? |\breport (?:was )?published:?(?: on)? |\bpublished: )"
    rf"(?P<d>{vocab.FULL_DATE})",
    _I,
)
_PUBLISHED_WORD = re.compile("published", _I)


def _published_line(text: str) -> re.Match[str] | None:
    """The first "(PUBLISHED ...)" or "Report published: ...": the pattern tried only around
    each "published" (over a whole report, a tenth of the time of searching for it)."""
    for word in _PUBLISHED_WORD.finditer(text):
        m = _PUBLISHED.search(text, max(0, word.start() - 12), word.end() + 80)
        if m:
            return m
    return None


#: "The report of the inspection was published on Friday, 26 August 2016", "findings,
#: published on 13 June 2017", "the report, published today (19 October 2021)".
_REPORT_PUBLISHED_ON = re.compile(
    r"\b(?:report|findings|results|letter)\b[^.]{0,80}?\b(?:was |were |has been |have been )?"
    rf"published(?: on| today)?,? ?\(?(?:on )?(?P<d>{vocab.FULL_DATE})",
    _I,
)
#: "following the publication of Ofsted's inspection report of ... services on 24 February
#: 2023": the report's publication named as a noun.
_PUBLICATION_OF = re.compile(
    r"\bpublication of (?:the |Ofsted's |Ofsted|its |their |an? )?[^.]{0,40}?\b(?:report|findings"
    rf"|letter)\b[^.]{{0,120}}? on (?P<d>{vocab.FULL_DATE})",
    _I,
)
#: "the report, published today", "Ofsted has today published", "the rating has been
#: announced today": the page's own date.
_PUBLISHED_TODAY = re.compile(
    r"\b(?:(?:published|released|announced|made public)(?: (?:its|their|the) (?:[\w'-]+ ){0,3}?"
    r"(?:report|findings|letter|judgements?|verdict|results))? (?P<when>today|yesterday)"
    r"|(?P<first>today|yesterday),? (?:\w+ ){0,2}?(?:published|released|announced))\b",
    _I,
)
#: Words in a sentence that make a publication the inspection's.
_REPORT_WORD = re.compile(
    r"\b(?:report|findings|results|letter|inspection|judgements?|outcome|rating|ILACS|Ofsted)\b",
    _I,
)
#: Words just before "published" that make it the page's own publication.
_PAGE_WORD = re.compile(r"\b(?:page|article|story|post|item|updated|first)\W*(?:was\W*)?$", _I)
#: The longest line that is a date line ("Published: Wednesday, 8th September 2021").
_DATE_LINE = 120
#: What else a page says was published, just before "published" or as its object: "the
#: improvement plan, published in May", "Ofsted's annual report", "published its response".
_NOT_THE_REPORT = re.compile(
    r"\b(?:plan|strategy|statistics|data|figures|response|annual report|guidance|policy"
    r"|budget|consultation|league tables?|accounts|minutes|agenda|survey|research)\b",
    _I,
)
#: Words before "published" that put the publication after the page's date.
_WILL_BE = re.compile(r"\b(?:will|is to|are to|due to|expected to)\b[\w ]{0,12}$", _I)
#: How far into a text its report's publication is looked for (normalised characters).
_PUBLISHED_REACH = 6000


#: "the report, published on Friday", "released last Monday", "published its report on
#: Westbrook's services on Tuesday": a day of the page's week.
_PUBLISHED_WEEKDAY = re.compile(
    r"\b(?:published|released|made public)(?: (?:its|their|the) (?:[\w-]+ ){0,4}?"
    r"(?:report|findings|letter|judgements?)(?: (?:on|into|of) [^.;:]{1,60}?)?)? (?:on |last )"
    r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?!,? (?:the )?\d|,? \(|,? \w+,? \d)",
    _I,
)


def published(b: Builder, skip: list[Span] | None = None) -> None:
    """Record ``inspection.published`` from "(PUBLISHED 12/11/21)", "Report published: ...",
    "the report was published on ...", a publication in a sentence about the report or the
    inspection ("published today (Monday 19 November)", "published in April"), or "published
    today" on a page with its own date; never the page's own date line."""
    text = b.text
    own = b.fact("date")
    m = _published_line(text)
    if m and not _own_date(b, m, own):
        b.date("inspection.published", m, "d")
        return
    for pattern in (_REPORT_PUBLISHED_ON, _PUBLICATION_OF):
        m = pattern.search(text, 0, _PUBLISHED_REACH)
        if m and not _own_date(b, m, own):
            b.date("inspection.published", m, "d")
            return
    day = b.get("date")
    start = b.get("inspection.start_date")
    reach = min(len(text), _PUBLISHED_REACH)
    found: list[tuple[bool, int, str, re.Match[str]]] = []
    for m in dates.PUBLISHED.finditer(text, 0, reach):
        if m["today"] is None and judgements.inside(m.span(), skip or []):
            continue  # a mention of an earlier judgement ("rated inadequate in a report ...")
        if _about_report(text, m) and not _own_date(b, m, own):
            future = bool(_WILL_BE.search(text, max(0, m.start() - 25), m.start()))
            value = dates.published_date(m, day, start, future)
            if value:
                found.append((not m["today"], m.start(), value, m))
    if day and len(day) == 10:
        found += [
            (False, m.start(), _day_of(day, m["when"] or m["first"]), m)
            for m in _PUBLISHED_TODAY.finditer(text, 0, reach)
            if _about_report(text, m)
        ]
        found += [
            (True, m.start(), dates.weekday_on_or_before(day, m["wd"]), m)
            for m in _PUBLISHED_WEEKDAY.finditer(text, 0, reach)
            if _about_report(text, m)
            and not _own_date(b, m, own)
            and not _WILL_BE.search(text, max(0, m.start() - 25), m.start())
        ]
    if found:
        # "Published today" first: it is this report's, where another may be earlier.
        _, _, value, m = min(found, key=lambda f: f[:2])
        b.match("inspection.published", value, m)


def _day_of(day: str, word: str) -> str:
    """The ISO day "today" or "yesterday" is on a page dated ``day``."""
    if word.lower() == "today":
        return day
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _own_date(b: Builder, m: re.Match[str], own: Fact | None) -> bool:
    """True when a match holds the document's own date: its date line (a short line, or
    the head of a page run onto one line), not a sentence that gives a report's."""
    if own is None:
        return False
    if _line_of(b.view.raw, own.start, own.end) is None and (
        b.norm_pos(own.start) > _DATE_HEAD or "\n" in b.view.raw[: own.start]
    ):
        return False  # a long line: a page's date only at the head of a page on one line
    a, z = b.view.span(*m.span())
    return a < own.end and own.start < z


def _about_report(text: str, m: re.Match[str]) -> bool:
    """True when a publication's sentence is about a report (not the page, not an earlier
    report)."""
    s = vocab.sentence_start(text, m.start(), 250)
    if _PAGE_WORD.search(text, max(s, m.start() - 30), m.start()):
        return False
    if _NOT_THE_REPORT.search(text, max(s, m.start() - 40), m.end()):
        return False
    if dates.earlier(text, dates.clause_start(text, s, m.start()), m.start()):
        return False
    stop = text.find(". ", m.end(), m.end() + 150)
    return bool(_REPORT_WORD.search(text, s, stop if stop >= 0 else m.end() + 150))


_ILACS_CUE = re.compile(
    r"inspection of local authority children's (?:social care )?services|\bILACS\b", _I
)
_SIF_CUE = re.compile(
    r"\bsingle inspection(?: framework)?\b|\bSIF\b"
    r"|inspection of services for children in need of help and protection",
    _I,
)


#: The 2009-2013 framework named: "safeguarding and looked after children inspection",
#: "inspection of safeguarding and looked after children services".
_SLAC_CUE = re.compile(
    r"\bsafeguarding and looked[- ]after children(?:'s)? (?:services? )?inspection"
    r"|\binspection of safeguarding and looked[- ]after children",
    _I,
)
_CUES = ((_ILACS_CUE, "ILACS"), (_SIF_CUE, "SIF"), (_SLAC_CUE, "SLAC"))
#: Ofsted with the Care Quality Commission.
_WITH_CQC = r"Ofsted and (?:the )?(?:(?-i:CQC)|Care Quality Commission)"
#: An area SEND inspection (Ofsted and the CQC), not one of children's social care: "area
#: SEND inspection", "an inspection of the area's special educational needs and
#: disabilities (SEND) services", "the local area partnership".
_SEND_CUE = re.compile(
    r"\b(?:(?:local )?area (?-i:SEND) (?:re-?)?inspection|(?-i:SEND) (?:(?:local )?area )?"
    r"(?:re-?)?inspection|inspection of (?:the )?(?:[\w']+ ){0,5}?(?:special educational needs"
    r"|(?-i:SEND))\b|local area partnership|(?-i:SEND) partnership"
    # the two inspectorates inspecting together: only an area's SEND arrangements (not
    # "top grades from Ofsted and the CQC for their services for children and adults")
    rf"|(?:inspection|inspected|visit) by {_WITH_CQC}"
    rf"|{_WITH_CQC}(?: \((?-i:CQC)\))? (?:found|said|judged|inspected|concluded|visited))",
    _I,
)


def send_page(b: Builder, head: int = 1000) -> bool:
    """True when the text's top names an area SEND inspection (or the partnership one
    judges)."""
    return _SEND_CUE.search(b.text, 0, head) is not None


def framework(b: Builder, head: int = 1000) -> None:
    """Record ``inspection.framework``: a cue in the heading (an area SEND inspection's
    among them), else the inspection's date."""
    text = b.text
    for pattern, name in _CUES:
        m = pattern.search(text, 0, head)
        if m:
            b.match("inspection.framework", name, m)
            return
    send = _SEND_CUE.search(text, 0, head)
    if send:  # an area SEND inspection's page: not a children's services framework by date
        b.match("inspection.framework", "SEND", send)
        return
    for field in ("inspection.start_date", "inspection.published", "inspection.end_date", "date"):
        fact = next((f for f in b.facts if f.field == field), None)
        found = vocab.framework_at(fact.value) if fact else None
        if fact and found:
            b.add_raw("inspection.framework", found, fact.start, fact.end)
            return
    for pattern, name in _CUES:
        m = pattern.search(text)
        if m:
            b.match("inspection.framework", name, m)
            return


#: How far into a text its inspection's dates are looked for (normalised characters).
_DATES_REACH = 5000


def inspection_dates(b: Builder, doc_date: str | None, skip: list[Span]) -> None:
    """Record the inspection's start (and end) from the dates its sentences give it (see
    :mod:`~ofstedcli.documents.dates`), outside the ``skip`` spans (earlier inspections).

    The latest date read wins (a page tells of its inspection after the ones before it,
    which it need not call "previous"); one that says the same more precisely ("in March
    2020", then "between 9 - 13 March 2020") replaces it.
    """
    found = dates.inspection_whens(b.view, doc_date, _DATES_REACH)
    # A date inside a mention of a judgement is the inspection's only when no other is
    # given and an inspection word comes just before it.
    found = [(w, how) for w, how in found if not judgements.inside(w.span, skip)] or [
        (w, how) for w, how in found if how == 1
    ]
    if not found:
        today = dates.begun_today(b.text, doc_date, _DATES_REACH)
        if today is not None and today.start:
            b.add("inspection.start_date", today.start, *today.span)
        return
    best = max((w for w, _ in found), key=lambda w: w.start or w.end or "")
    for w, _ in found:
        if (
            w.precision > best.precision
            and w.start
            and best.start
            and (w.start.startswith(best.start))
        ):
            best = w
    if best.start:
        b.add("inspection.start_date", best.start, *best.span)
    if best.end and best.end != best.start:
        b.add("inspection.end_date", best.end, *best.span)
    if not b.has("inspection.published"):
        published(b, skip)  # again: its year may come from the inspection's start


def judgements_from_text(b: Builder, skip: list[Span], rows: list[judgements.Row]) -> None:
    """Record the overall and sub-judgements: a judgement table first, then sentences."""
    text = judgements.marked(b.view)
    latest = tense.latest(text, b.get("date"))
    # a "row" read from prose is a grade like any other: not an earlier one ("2010: services
    # for children in care were adequate")
    record_rows(b, [r for r in rows if judgements.now(text, *r.value, latest)])
    # "the Ofsted inspection in January 2025 rated Harrow 'Good' in ...": not an earlier one
    recent = {
        m.span
        for m in judgements.mentions(b.text)
        if m.date and b.get("date") and not tense.older(m.date, latest)
    }
    skip = [s for s in skip if s not in recent]
    for found in judgements.stated(text, skip, b.get("date")):
        b.add(judgement_field(found.area), found.grade, *found.span)


def record_rows(b: Builder, rows: list[judgements.Row]) -> None:
    """Record the judgements of a judgement table, each with its row as evidence."""
    for row in rows:
        b.add(judgement_field(row.area), row.grade, row.label[0], row.value[1])


def current(b: Builder) -> dict[str, str | None]:
    """The inspection facts recorded so far (to tell a mention from the document's own)."""
    return {
        "start_date": b.get("inspection.start_date"),
        "end_date": b.get("inspection.end_date"),
        "published": b.get("inspection.published"),
        "overall": b.get("inspection.overall"),
    }


#: "Published: Tuesday, 15th July 2025", "Posted by: Press Team on 10 May 2023", "Date of
#: meeting: 05 March 2024", "Meeting: 30/07/2020", "date 2022-06-22", "PUBLISHED: 16:28 13
#: November 2017": a page's own date after its cue.
_DATED = re.compile(
    r"\b(?:published|posted|released|updated|issued|date of meeting|meeting|date"
    # a post's byline: "By Jo Bloggs on 23/05/2014", "By on 23/05/2014" (no name given)
    r"|(?-i:By)(?: (?-i:[A-Z])[\w'-]+){0,3}(?= on\b))"
    r"(?: (?:by|on)\b[^.\d]{0,40}?)?:?(?: on)?(?: at)? (?:\d\d?[:.]\d\d(?: ?[ap]m)? )?"
    rf"(?P<d>{vocab.FULL_DATE})",
    _I,
)
#: How far into a page its own date (a byline, a header) may stand.
_DATE_HEAD = 400
#: Words just before a date that make it an event's date, not the page's.
_EVENT_BEFORE = re.compile(
    r"\b(?:between|from|to|until|inspect\w*|visit\w*|since|in|on|by|of|and)(?: the)?\W{0,3}$",
    _I,
)
#: A report's words just before "published on ...": "the report was", "findings", "the
#: report of the inspection, which was" (a word or two between).
_REPORT_BEFORE = re.compile(
    r"\b(?:report|results|findings|letter|inspection)s?\b(?:,? [\w']+){0,3}?"
    r"(?:,? (?:was|were|is|are|has been|have been|will be|to be))?,?\s*$",
    _I,
)


def publishes_report(text: str, m: re.Match[str]) -> bool:
    """True when a date line's words ("published on ...") follow a report's ("the report
    was", "findings"): the inspection's publication, not the page's own date."""
    return _REPORT_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None


def document_date(b: Builder) -> None:
    """Record a page's own date: after "Published", "Posted", "Date", "Meeting" near the
    top, else the first full date in its first lines that no event word comes just before."""
    text = b.text
    for m in _DATED.finditer(text, 0, min(len(text), 2000)):
        if not m.group().startswith("By") and publishes_report(text, m):
            continue  # "the report was published on ...": the inspection's publication
        if b.date("date", m, "d"):
            return
    for found in vocab.FULL_DATE_RE.finditer(text, 0, min(len(text), _DATE_HEAD)):
        if _EVENT_BEFORE.search(text, max(0, found.start() - 30), found.start()) and not _own_line(
            b, found
        ):
            continue
        value = vocab.iso(found)
        if value:
            b.match("date", value, found)
            return
    today = _TODAY_DATED.search(text, 0, min(len(text), _PUBLISHED_REACH))
    if today:
        b.date("date", today, "d")
        return
    for line in _DATE_ALONE.finditer(b.view.raw, 0, min(len(b.view.raw), _DATE_HEAD * 2)):
        if line["my"]:
            month = vocab.month_number(line["mon"])
            b.add_raw("date", f"{line['my']}-{month:02d}", line.start("d"), line.end("d"))
        else:
            yy = line["y"] if len(line["y"]) == 4 else f"20{line['y']}"
            value = vocab.iso_in(f"{line['dd']}/{line['mm']}/{yy}")
            if not value:
                continue
            b.add_raw("date", value, line.start("d"), line.end("d"))
        return


#: A line near a page's top that is only a month and year ("November 2019", under the
#: headline) or a day written with dots ("03.09.18"): the page's date, partial if partial.
_DATE_ALONE = re.compile(
    rf"^[ \t]*(?P<d>(?P<mon>{vocab.MONTH})[ \t]+(?P<my>{vocab.YEAR})(?=[ \t]*$)"
    r"|(?P<dd>[0-3]\d)\.(?P<mm>[01]\d)\.(?P<y>(?:20)?\d\d)(?![\w.]))",
    re.IGNORECASE | re.MULTILINE,
)


#: "published today (28/10/19)", "announced today (Monday 2 March 2020)": the page's date.
_TODAY_DATED = re.compile(rf"\btoday,? \((?P<d>{vocab.FULL_DATE})\)", _I)


def _own_line(b: Builder, m: re.Match[str]) -> bool:
    """True when a date stands alone on its line (a date line under a headline)."""
    raw = b.view.raw
    a, z = b.view.span(*m.span())
    line = _line_of(raw, a, z)
    return line is not None and raw[line[0] : line[1]].strip() == raw[a:z].strip()


def _line_of(raw: str, a: int, z: int) -> tuple[int, int] | None:
    """The bounds of the original line holding ``raw[a:z]`` when it is a short line (at most
    :data:`_DATE_LINE` characters), else None."""
    lo = max(0, a - _DATE_LINE)
    start = raw.rfind("\n", lo, a) + 1
    if start == 0 and lo > 0:
        return None
    stop = raw.find("\n", z, z + _DATE_LINE)
    if stop < 0:
        stop = len(raw) if len(raw) - z < _DATE_LINE else -1
    return (start, stop) if stop >= 0 and stop - start <= _DATE_LINE else None


#: A page's headline or text naming the visit or inspection it is about: "latest
#: monitoring visit", "Ofsted Focussed Visit", "a standard inspection under the ILACS
#: framework", "a short inspection".
_VISIT_TYPE = re.compile(
    r"\b(?:(?P<t>monitoring|focus(?:s?ed)?) visits?|(?P<i>standard|short) inspection"
    r"|(?P<r>re-?inspection))\b",
    _I,
)
_NOT_THIS_VISIT = re.compile(
    r"\b(?:since|previous|following(?!\W+an?\b)|after|before"
    r"|last(?! (?:week|month|year|autumn|spring|summer|winter)\b)|earlier|prior|series of"
    r"|number of|several|next|future|further|forthcoming|upcoming|planned|another|each|every"
    r"|subsequent|follows|followed|would|will|expect\w*"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten)(?!-)|(?<!\d)\d\d?(?!\d)"
    r")\W+(?:\w+\W+){0,3}$",
    _I,
)
#: A headline's "after (the) visit": the news the page tells ("Update after focused visit").
_HEADLINE_AFTER = re.compile(r"\b(?:after|following)\W+(?:(?:the|an?|ofsted)\W+){0,2}$", _I)
#: Words just before a visit that make it this one, whatever came before them.
_THIS_VISIT = re.compile(r"\b(?:latest|recent|most recent|this|today's)\W+(?:\w+\W+){0,2}$", _I)
#: A year just after a visit's kind: "a monitoring visit in 2022", "focused visit (2019)".
_DATED_AFTER = re.compile(r"\W{0,2}(?:in|during|\()\s?(?:[A-Z][a-z]+ )?(?P<y>(?:19|20)\d\d)\b")
#: How far into a page the visit it is about is named (normalised characters), and how
#: far its headline runs (where "focused visits" may name a page about several).
_LEAD = 2500
_HEADLINE = 300


def visit_type(b: Builder) -> None:
    """Record ``inspection.type`` for a page about a focused or monitoring visit, or a
    standard or short inspection (not one mentioned as past, future or one of many)."""
    text = b.text
    lines = judgements.marked(b.view)
    for m in _VISIT_TYPE.finditer(text, 0, min(len(text), _LEAD)):
        # the words before it on its own line: a date line's day is no count of visits
        line = lines.rfind("\n", 0, m.start()) + 1
        before = max(0, m.start() - 40, line)
        if (
            _NOT_THIS_VISIT.search(text, before, m.start())
            and not _THIS_VISIT.search(text, before, m.start())
            and not (
                _headline(lines, line, m.end()) and _HEADLINE_AFTER.search(text, before, m.start())
            )
        ):
            continue
        if m.group().lower().endswith("visits") and m.start() > _HEADLINE:
            continue  # "focused visits and monitoring visits": the kinds, not this one
        when = _DATED_AFTER.match(text, m.end())
        if when and tense.older(when["y"], tense.latest(text, b.get("date"))):
            continue  # "a monitoring visit in 2022 found progress": an earlier one
        if m["t"]:
            kind = "focused" if m["t"].lower().startswith("focus") else "monitoring"
            b.match("inspection.type", f"{kind} visit", m)
        elif m["r"]:
            b.match("inspection.type", "re-inspection", m)
        else:
            b.match("inspection.type", f"{m['i'].lower()} inspection", m)
        return


def _headline(lines: str, start: int, pos: int) -> bool:
    """True when the line from ``start`` holding ``pos`` is near the top, short and no sentence."""
    end = lines.find("\n", pos, start + _HEADLINE_LINE)
    return start < _HEADLINE and end > 0 and lines[end - 1] not in ".!?"


#: The most characters of a headline's line.
_HEADLINE_LINE = 150


#: The inspector who led: "lead inspector Julie Knight", "Her Majesty's Inspector Dominic
#: Stevens", "His Majesty's Inspector, Steve Lowe, who headed up the inspection team", "HM
#: lead inspector Nicola Bennett"; a name of two or three capitalised words right after the
#: title (never HM Chief Inspector, who leads Ofsted, not the inspection).
_LEAD_INSPECTOR = re.compile(
    r"(?<![Cc]hief )\b(?:[Ll]ead [Ii]nspector|(?:Her|His) Majesty'?s (?:[Ll]ead )?[Ii]nspector"
    r"|HMI|HM (?:[Ll]ead )?[Ii]nspector|[Ii]nspector)\b,? "
    r"(?P<n>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z]['a-z]+(?:-[A-Z][a-z]+)?){1,2})\b(?!')"
)
#: Words before "Inspector" that make it another office's (a police detective inspector).
_OTHER_INSPECTOR = re.compile(r"\b(?:police|detective|chief|fire|tax|school)\W*$", _I)
#: Capitalised words after "inspector" that are not a person's name.
_NOT_A_NAME = re.compile(
    r"\b(?:Ofsted|Children|Council|Services?|Report|Inspection|Majesty|The|For|Of|And|Said"
    r"|Found|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)


def lead_inspector(b: Builder) -> None:
    """Record ``inspection.lead_inspector`` from the inspector a page names with their
    title ("lead inspector Julie Knight", "Her Majesty's Inspector Dominic Stevens")."""
    text = b.text
    for m in _LEAD_INSPECTOR.finditer(text, 0, min(len(text), _PUBLISHED_REACH)):
        if not _NOT_A_NAME.search(m["n"]) and not _OTHER_INSPECTOR.search(
            text, max(0, m.start() - 20), m.start()
        ):
            b.match("inspection.lead_inspector", m["n"], m, "n")
            return
