"""Facts every family reads the same way: the authority, the mentions of other judgements,
and the inspection a letter, press release or committee report is about.
"""

from __future__ import annotations

import re

from ofstedcli.documents import judgements, places, tense, vocab
from ofstedcli.documents.extraction import Builder, judgement_field
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


def candidates(b: Builder, first: list[places.Name] | None = None) -> list[places.Name]:
    """Authority candidates for a letter-like document: given names, councils, then places."""
    raw = b.view.raw
    out = list(first or [])
    council = places.main_council(raw)
    if council is not None:
        out.append(council)
    out += places.ranked_places(b.view)
    taken = {n.value for n in out}
    for council in places.councils(raw):
        words = council.value.split(" ")
        # Not "Leeds City Council" when "City Council" ... is a longer form of a name taken.
        if not any(" ".join(words[i:]) in taken for i in range(1, len(words))):
            out.append(council)
            taken.add(council.value)
    # Last, the places it names in looser ways (the resolver takes these only when they
    # are exactly an authority's name).
    out += [n for n in places.loose_places(b.view) if n.value not in taken]
    return out


#: Kinds whose earlier grades are read from loose wording too (not Ofsted's own letters and
#: reports, whose mentions follow set phrases).
_LOOSE_KINDS = ("press_release", "committee_report", "other", None)


def record_mentions(b: Builder, found: list[judgements.Mention]) -> None:
    """Record the other judgements the text refers to, leaving out the document's own."""
    if b.get("kind") in _LOOSE_KINDS:
        text = judgements.marked(b.view)
        latest = tense.latest(text, b.get("date"))
        known = {(m.date, m.overall) for m in found} | {(None, m.overall) for m in found}
        taken = [m.span for m in found]
        extra = judgements.past_grades(text, latest, taken, bool(b.get("date")))
        found = sorted(
            [*found, *[m for m in extra if (m.date, m.overall) not in known]],
            key=lambda x: (x.date is None, x.date or "", x.span),
        )
    own = current(b)
    graded = [
        (f.start, f.end, f.value)
        for f in b.facts
        if f.field == "inspection.overall" or f.field.startswith("inspection.judgements.")
    ]
    index = 0
    for mention in found:
        span = b.view.span(*mention.span)
        same = [(a, z) for a, z, value in graded if value == mention.overall]
        if _is_current(mention, own) or judgements.inside(span, same):
            continue  # the document's own inspection, read as such
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


#: "The report of the inspection was published on Friday, 26 August 2016", "findings,
#: published on 13 June 2017", "the report, published today (19 October 2021)".
_REPORT_PUBLISHED_ON = re.compile(
    r"\b(?:report|findings|results|letter)\b[^.]{0,80}?\b(?:was |were |has been |have been )?"
    rf"published(?: on| today)?,? ?\(?(?:on )?(?P<d>{vocab.FULL_DATE})",
    _I,
)
#: "the report, published today", "the findings were published today": the page's date.
_PUBLISHED_TODAY = re.compile(
    r"\b(?:report|findings|results|letter)\b[^.]{0,60}?\bpublished today\b", _I
)


def published(b: Builder) -> None:
    """Record ``inspection.published`` from "(PUBLISHED 12/11/21)", "Report published: ...",
    "the report was published on ...", or "published today" on a page with its own date."""
    m = _PUBLISHED.search(b.text) or _REPORT_PUBLISHED_ON.search(b.text, 0, 6000)
    if m:
        b.date("inspection.published", m, "d")
        return
    today = _PUBLISHED_TODAY.search(b.text, 0, 6000)
    day = b.get("date")
    if today and day and len(day) == 10:
        b.match("inspection.published", day, today)


_ILACS_CUE = re.compile(
    r"inspection of local authority children's (?:social care )?services|\bILACS\b", _I
)
_SIF_CUE = re.compile(
    r"\bsingle inspection(?: framework)?\b|\bSIF\b"
    r"|inspection of services for children in need of help and protection",
    _I,
)


def framework(b: Builder, head: int = 1000) -> None:
    """Record ``inspection.framework``: a cue in the heading, else the inspection's date."""
    text = b.text
    for pattern, name in ((_ILACS_CUE, "ILACS"), (_SIF_CUE, "SIF")):
        m = pattern.search(text, 0, head)
        if m:
            b.match("inspection.framework", name, m)
            return
    for field in ("inspection.start_date", "inspection.published", "inspection.end_date", "date"):
        fact = next((f for f in b.facts if f.field == field), None)
        found = vocab.framework_at(fact.value) if fact else None
        if fact and found:
            b.add_raw("inspection.framework", found, fact.start, fact.end)
            return
    for pattern, name in ((_ILACS_CUE, "ILACS"), (_SIF_CUE, "SIF")):
        m = pattern.search(text)
        if m:
            b.match("inspection.framework", name, m)
            return


_WHEN = re.compile(
    r"\b(?:the |this |most recent |latest |recent |full |its )*inspection(?: of [^.]{0,60}?)?"
    r" (?:was |were )?(?:conducted|carried out|undertaken|took place|held|happened)"
    rf"(?: over [\w ]{{0,20}}?)?(?: from| in| on| between| during)? "
    rf"(?:(?P<range>{vocab.DATE_RANGE})|(?P<full>{vocab.FULL_DATE})|(?P<part>{vocab.PARTIAL_DATE})"
    rf"|(?P<month>{vocab.MONTH})(?![\w])(?!\s*\d))",
    _I,
)


#: "Ofsted inspected ... between the 23rd January and the 16th February 2017", "a focused
#: visit in September", "inspectors visited the council in April 2025", "between December 6
#: and December 17, 2021", "in November last year": an inspection word, then within the
#: sentence (80 characters) the days or month.
_WHEN_LOOSE = re.compile(
    r"\b(?:inspect\w*|visit\w*)\b[^.]{0,80}?\b(?:between|from|in|on|during|over|of)\s+"
    rf"(?:(?P<days>{vocab.DAY_LIST})(?![\w/])|(?P<us>{vocab.US_DAYS})"
    rf"|(?P<part>(?P<pm>{vocab.MONTH})\s+(?P<py>{vocab.YEAR}))(?![\w/])"
    rf"|(?P<month>{vocab.MONTH})(?P<last> last year)?(?![\w/]))",
    _I,
)
_INSPECT_WORD = re.compile(r"\b(?:inspect\w*|visit\w*)\b", _I)
#: Words that make a sentence's inspection an earlier one.
_EARLIER = re.compile(
    r"\b(?:previous|last (?:full )?inspection|prior|since|earlier|before|preceding|first"
    r"|second|joint targeted|JTAI)\b",
    _I,
)
#: Words between the inspection word and the date that make it another event's date.
_OTHER_EVENT = re.compile(
    r"\b(?:judge?ment|published|rated|judged|graded|report|next|will|due)\b", _I
)


def _earlier(text: str, m: re.Match[str]) -> bool:
    """True when the sentence up to a match speaks of an earlier (or another) inspection."""
    start = vocab.sentence_start(text, m.start(), 200)
    return bool(_EARLIER.search(text, start, m.end()))


def _loose_dates(b: Builder, doc_date: str | None, skip: list[Span]) -> None:
    """Record the inspection's dates from looser wording, outside earlier inspections."""
    text = b.text
    for m in _WHEN_LOOSE.finditer(text, 0, min(len(text), 4000)):
        date_at = next(m.start(g) for g in ("days", "us", "part", "month") if m[g])
        last_word = max(w.start() for w in _INSPECT_WORD.finditer(text, m.start(), date_at))
        if (
            judgements.inside(m.span(), skip)
            or _earlier(text, m)
            or _OTHER_EVENT.search(text, last_word, date_at)
        ):
            continue
        if m["days"] or m["us"]:
            first, last = (
                vocab.day_list(m["days"], doc_date) if m["days"] else vocab.us_days(m, doc_date)
            )
            group = "days" if m["days"] else "us"
            if first:
                b.match("inspection.start_date", first, m, group)
            if last and last != first:
                b.match("inspection.end_date", last, m, group)
            if first:
                return
        elif m["part"]:
            value = f"{m['py']}-{vocab.month_number(m['pm']):02d}"
            b.match("inspection.start_date", value, m, "part")
            return
        elif m["month"] and doc_date and m["month"][0].isupper():
            month = vocab.month_number(m["month"])
            year = int(doc_date[:4]) - (1 if m["last"] else 0)
            if not m["last"] and len(doc_date) >= 7 and month > int(doc_date[5:7]):
                year -= 1
            b.match("inspection.start_date", f"{year}-{month:02d}", m, "month")
            return


def inspection_dates(b: Builder, doc_date: str | None, skip: list[Span]) -> None:
    """Record the inspection's start (and end) from "the inspection was carried out ...",
    outside the ``skip`` spans (mentions of earlier inspections)."""
    m = next(
        (
            w
            for w in _WHEN.finditer(b.text)
            if not judgements.inside(w.span(), skip) and not _earlier(b.text, w)
        ),
        None,
    )
    if not m:
        _loose_dates(b, doc_date, skip)
        return
    if m["range"]:
        b.date_range(m, "range")
    elif m["full"]:
        b.date("inspection.start_date", m, "full")
    elif m["part"]:
        value = vocab.partial_in(m["part"])
        if value:
            b.match("inspection.start_date", value, m, "part")
    elif m["month"] and doc_date:
        month = vocab.month_number(m["month"])
        year = int(doc_date[:4])
        if len(doc_date) >= 7 and month > int(doc_date[5:7]):
            year -= 1
        b.add("inspection.start_date", f"{year}-{month:02d}", m.start("month"), m.end("month"))


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
    r"\b(?:published|posted|released|updated|issued|date of meeting|meeting|date)"
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
#: Words before a "published" that make it a report's publication, not the page's.
_REPORT_PUBLISHED = re.compile(r"\b(?:report|results|findings|inspection|will be|was|were)\b", _I)


def document_date(b: Builder) -> None:
    """Record a page's own date: after "Published", "Posted", "Date", "Meeting" near the
    top, else the first full date in its first lines that no event word comes just before."""
    text = b.text
    for m in _DATED.finditer(text, 0, min(len(text), 2000)):
        if _REPORT_PUBLISHED.search(text, max(0, m.start() - 60), m.start()):
            continue  # "the report was published on ...": the inspection's publication
        if b.date("date", m, "d"):
            return
    for found in vocab.FULL_DATE_RE.finditer(text, 0, min(len(text), _DATE_HEAD)):
        if _EVENT_BEFORE.search(text, max(0, found.start() - 30), found.start()):
            continue
        value = vocab.iso(found)
        if value:
            b.match("date", value, found)
            return


#: A page's headline or lead naming the visit it is about: "latest monitoring visit",
#: "Ofsted focused visit finds ...".
_VISIT_TYPE = re.compile(r"\b(?P<t>monitoring|focused) visits?\b", _I)
_NOT_THIS_VISIT = re.compile(
    r"\b(?:since|previous|following|after|before|last|earlier|prior|series of|six|five|four"
    r"|number of|several)\W+(?:\w+\W+){0,3}$",
    _I,
)
#: How far into a page its headline and lead run (normalised characters).
_LEAD = 300


def visit_type(b: Builder) -> None:
    """Record ``inspection.type`` for a page whose headline or lead is about a focused or
    monitoring visit (not one mentioned as past)."""
    for m in _VISIT_TYPE.finditer(b.text, 0, min(len(b.text), _LEAD)):
        if _NOT_THIS_VISIT.search(b.text, max(0, m.start() - 40), m.start()):
            continue
        b.match("inspection.type", f"{m['t'].lower()} visit", m)
        return
