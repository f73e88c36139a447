"""Earlier judgements a text mentions in passing: grades put in the past by their own words.

A grade written as a rating ("rated inadequate", "a 'good' rating", "from requires
improvement to good") that :mod:`tense` puts in the past ("previously rated good", "up from
requires improvement", "since being judged inadequate", "inadequate for a decade", "in 2012,
Ofsted rated it inadequate") is an earlier judgement: a mention, never the current one. Its
date is the year (and month) the text gives it, just after the grade or earlier in its
sentence, and only one well before the document's own time; else none.
"""

from __future__ import annotations

import re

from ofstedcli.documents import dates, judgements, tense, vocab
from ofstedcli.documents.judgements import Mention
from ofstedcli.documents.vocab import GRADE_RE

_I = re.IGNORECASE
#: A rating verb or noun just before a grade: "rated", "judged to be", "a rating of",
#: "moved from", "was given the lowest rating".
_RATED_BEFORE = re.compile(
    r"\b(?:rated|rating|ratings|judged|judgement|judgment|graded|grading|branded|deemed"
    r"|found|ranked|assessed|identified|labelled|declared|given|received|receiving|achieved"
    r"|awarded|earned|was|were|been|being|as|previous|previously|last|scored?|scores)"
    r"(?: (?:to be|as|an?|the|overall|of|ofsted|an ofsted|only|its|their))*\W{0,3}$",
    _I,
)
#: A rating noun just after a grade: "a 'good' rating", "the inadequate judgement".
_RATED_AFTER = re.compile(
    r"\W{0,3}(?:ofsted )?(?:ratings?|gradings?|grades?|judge?ments?|verdicts?|inspections?"
    r"|scores?|overall\b|(?:in (?:19|20)\d\d\W{0,3})?to (?:an? )?['\"]?(?:good|outstanding|requir"
    r"|inadequate|adequate))",
    _I,
)
#: A rating verb whose object stands between it and the grade ("judging the authority
#: inadequate", "judged the overall effectiveness of its services to be inadequate", "found
#: services to be inadequate").
_RATING_VERB = re.compile(
    r"\b(?:rated|rating|judged|judging|branded|branding|graded|grading|deemed|assessed"
    r"|assessing|labelled|declared|ranked|identified|found(?=[^.;:]{1,80}? to be\b))\b"
    r"(?![^.;:]{0,110}\b(?:that|which|who)\b)",
    _I,
)
#: How far before a grade its rating verb may stand, its object between them.
_OBJECT = 110
#: A noun after a grade: praise of a thing ("good quality", "a good service"), not a rating.
_PRAISED = re.compile(
    r"\W{0,2}[-\s]?(?!overall\b|in\b|for\b|by\b|at\b|and\b|or\b|but\b|with\b|since\b|as\b|after\b|before\b|following\b|until\b|four\b|two\b|three\b|five\b|six\b|a\b|the\b|when\b|during\b|from\b|to\b|\d)[a-z]+",
    _I,
)
#: A denial or hedge before a grade: "not good enough", "far from outstanding".
_DENIED = re.compile(
    r"\b(?:not|never|nor|no|far|away|towards|bordering|staying|remain\w*|stay\w*)\b"
    r"(?! longer)(?:\W+\w+){0,3}\W*$",
    _I,
)
#: A denial anywhere in the grade's clause: "not yet enough to lift it out of its inadequate
#: rating" (the grade is still held).
_NOT = re.compile(r"\b(?:not|never|nor|cannot|failed to|fails to)\b|n't\b", _I)
#: A grade given to one area, not the service: "good for care leavers", "in this area".
_AREA_AFTER = re.compile(
    r"\W{0,3}(?:(?:ratings?|grades?|gradings?|judge?ments?) )?"
    r"(?:(?:for|in) (?:the |its |their |this |one |some )?(?:area|help|adoption|care\b"
    r"|care leavers|children (?:in|who|looked)|leader|fostering|experiences|the experiences"
    r"|protection|safeguarding|services for)|in (?!all\b|every\b|each\b)(?:\w+ ){0,2}areas?\b)",
    _I,
)
#: An area named as the grade's subject in its clause.
_AREA_BEFORE = re.compile(
    r"\b(?:care leavers|adoption|fostering|leadership|leaders|help and protection|child"
    r" protection|children in care|looked[- ]after|protection work|in this area|sub[- ]"
    r"(?:judge?ments?|categor))",
    _I,
)
#: A move to another grade just after a grade ("from inadequate to good").
_MOVED = re.compile(
    rf"\W{{0,3}}(?:in (?:{vocab.MONTH} )?(?:19|20)\d\d\W{{0,3}})?to (?:an? )?['\"]?{vocab.GRADE}",
    _I,
)
#: The grade moved to, when a mention's evidence ends on its "to" ("from good to").
_MOVED_TO = re.compile(rf"\W{{0,3}}(?:an? )?['\"]?{vocab.GRADE}['\"]?", _I)
#: A year just after a grade: "inadequate in 2013", "judged good (2016)", "in November 2021",
#: "from 2018 inspection", "rated inadequate in 2013 and again in 2015".
_DATE_AFTER = re.compile(
    r"^\W{0,3}(?:(?!(?:and|then|but|when|before|after)\b)[\w'\"]+ ){0,8}?"
    r"(?:in|of|from|since|back in|during|as recently as|\()\s?(?:the |its |an? )?"
    rf"(?P<d>{vocab.PARTIAL_DATE})(?!\d)(?P<more>(?: and (?:again )?(?:in )?(?:19|20)\d\d)*)",
    _I,
)
#: A partial date earlier in the grade's sentence ("In 2015, Ofsted rated ...", "since
#: January 2019, when ..."), or two joined ("In 2012 and 2013, ...").
_DATE_BEFORE = re.compile(
    rf"(?P<d>{vocab.PARTIAL_DATE})(?!\d)(?P<more>(?: and (?:again )?(?:in )?(?:19|20)\d\d)*)",
    _I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A semicolon opening a clause of its own (not "; and ...", which goes on with the last).
_NEW_CLAUSE = re.compile(r";(?!\s*(?:and|but|or)\b)", _I)
#: How far before a grade its date may be written.
_BEFORE = 150
#: How far after a grade its date and its comparison words may be written.
_AFTER = 90


#: The most grade words looked at in one document.
MAX_GRADES = 1000


def earlier(text: str, doc_date: str | None, current: str | None = None) -> list[Mention]:
    """Earlier judgements the (line-marked) ``text`` states, one per grade and date written;
    an undated one of the ``current`` overall grade may be the current one and is left out."""
    latest = tense.latest(text, doc_date)
    out: list[Mention] = []
    rated_end = -1  # where the last grade read as a rating ends
    for seen, m in enumerate(GRADE_RE.finditer(text)):
        if seen >= MAX_GRADES:
            break  # a bound on work for hostile texts: real pages write a few dozen
        start, end = m.span()
        sentence = vocab.sentence_start(text, start, 300)
        before = [g.end() for g in GRADE_RE.finditer(text, sentence, start)]
        floor = max([sentence, *before])
        stop = vocab.sentence_end(text, end, 300)
        later = GRADE_RE.search(text, end, stop)
        ceiling = later.start() if later else stop
        clause = tense.clause_start(text, floor, start)
        listed = (
            floor == rated_end
            and _NEXT_IN_LIST.fullmatch(text, floor, start)
            and not _PRAISED.match(text, end, ceiling)
        )
        if (
            not (listed or _rating(text, floor, start, end, ceiling, stop))
            or _DENIED.search(text, max(floor, start - 40), start)
            or _NOT.search(text, clause, start)
        ):
            continue
        rated_end = end
        moved = _MOVED.match(text, end, stop)
        if (
            _AREA_AFTER.match(text, end, ceiling)
            or (moved and _AREA_AFTER.match(text, moved.end(), stop))
            or _AREA_BEFORE.search(text, _relative(text, clause, start), start)
            or vocab.SOME_AREAS.search(text, clause, start)
            or (before and not re.search(r"\w", text[floor:start]))
        ):
            continue
        dates = (
            _dates(text, floor, start, end, ceiling, stop)
            or _opening(text, sentence, start)
            or _years_ago(text, sentence, start, end, ceiling, doc_date)
        )
        old = [d for d in dates if tense.older(d, latest)]
        if tense.is_past(text, start, end, floor, latest, ceiling):
            # its own words put it in the past: the date the text gives it is its own, unless
            # that is the document's own time, only "earlier" by the month
            old = [d for d in dates if d[:4] < str(latest // 12 + 1)] if latest else dates
        elif not (
            old and (tense.opens_on_year(text, sentence, start) or _before_year(old, latest))
        ):
            continue
        if dates and not old:
            continue  # dated at the document's own time: its inspection told in the past
        grade = vocab.grade(m.group())
        if not old and grade == current:
            continue
        days: list[str | None] = list(old) or [None]
        out += [Mention(d, None, grade, (start, end)) for d in days]
        if len(out) >= judgements.MAX_MENTIONS:
            break
    return out


def _relative(text: str, clause: int, start: int) -> int:
    """Where the grade's own relative clause begins ("..., since 2012 when it was adequate"),
    else ``clause``."""
    found = [m.end() for m in re.finditer(r"\b(?:when|where|which|who)\b", text[clause:start], _I)]
    return clause + found[-1] if found else clause


def _before_year(days: list[str], latest: int | None) -> bool:
    """True when every date is in a year before the document's latest year."""
    return latest is not None and all(int(d[:4]) < (latest - 1) // 12 for d in days)


#: An inspection or visit as texts name an earlier one: "full inspection", "focused visit",
#: "full Ofsted report", "monitoring visit".
_KIND = (
    r"(?:(?:full|standard|short|ILACS|SIF|Ofsted|focus?sed|monitoring|assurance|judgement"
    r"|local authority)\s+)+(?:inspection|visit|report)|inspection"
)
_D = rf"(?:(?:early|late|mid)[\s-]+)?(?P<d>{vocab.PARTIAL_DATE})(?!\d)"
#: Earlier inspections and visits dated by the text: "the last full inspection took place in
#: January 2019", "last inspected, in 2022", "since the full inspection in December 2023",
#: "from the February 2016 full Ofsted inspection".
_VISITS = [
    re.compile(
        r"\b(?P<q>last|previous|prior|earlier|subsequent|first|initial|most recent)\s+"
        rf"(?P<k>{_KIND}|review)(?: of [^.]{{0,60}}?)?(?:,? (?:which |that )?(?:took place|was held"
        rf"|was carried out|was undertaken|happened|was))?,? (?:in|on|during) {_D}",
        _I,
    ),
    re.compile(
        rf"\b(?P<q>last) (?:been )?(?P<k>inspect)ed(?: by Ofsted| fully)?,? (?:in|during) {_D}",
        _I,
    ),
    re.compile(
        rf"\b(?P<q>since|from|following|after) (?:the|its|their|a|an) {_D} (?P<k>{_KIND})\b", _I
    ),
    re.compile(
        rf"\b(?P<q>since|following|after) (?:the|its|their|a|an) (?P<k>{_KIND}) (?:in|of) {_D}",
        _I,
    ),
    # "in February 2020, Ofsted undertook a focussed visit": dated before it
    re.compile(
        rf"\b(?P<q>in|on|during) {_D},? (?:Ofsted|inspectors|the inspectorate|HMI)"
        r" (?:undertook|carried out|conducted|made|completed|held) (?:an?|its|their)"
        rf" (?P<k>{_KIND})\b",
        _I,
    ),
]
#: Qualifiers that make an inspection an earlier one whatever its date ("since the focused
#: visit in 2018": a time gone by, not the visit the page tells of).
_EARLIER = {"last", "previous", "prior", "earlier", "since"}


def visits(text: str, doc_date: str | None, own: list[str]) -> list[Mention]:
    """Earlier inspections and visits the text dates (type and date, no grade), not the
    document's own (a date of ``own``: its inspection's start, end, publication)."""
    latest = tense.latest(text, doc_date)
    # "the first monitoring visit in February 2025" on a page about the second: earlier
    earlier = _EARLIER | ({"first", "initial"} if dates.LATER_VISIT.search(text) else set())
    out: list[Mention] = []
    for pattern in _VISITS:
        for m in pattern.finditer(text):
            day = vocab.partial_in(m["d"])
            if day is None or any(d.startswith(day) or day.startswith(d) for d in own):
                continue
            if m["q"].lower() not in earlier and not tense.older(day, latest):
                continue
            out.append(Mention(day, _visit_type(m["k"]), None, m.span()))
            if len(out) >= judgements.MAX_MENTIONS:
                return out
    return out


def _visit_type(words: str) -> str:
    """The type of an earlier inspection or visit as the contract names it."""
    low = words.lower()
    for key, name in (
        ("focus", "focused visit"),
        ("monitoring", "monitoring visit"),
        ("assurance", "assurance visit"),
    ):
        if key in low:
            return name
    return "full inspection" if "full" in low else "inspection"


#: "the same rating", "an identical grade", "a similar rating": an earlier inspection given
#: the current grade.
_SAME_GRADE = re.compile(
    r"(?<!not )(?<!never )\b(?:(?:the same|an identical|the identical|a similar)"
    r" (?:overall )?(?:rating|grade|judge?ment|verdict|outcome)\b"
    r"|the same as (?:at )?(?:its|their|the) (?:last|previous|prior)\b)",
    _I,
)


#: The current grade given before at a date: "the same grade it received in 2019",
#: "maintaining the grade awarded in 2019".
_SAME_GRADE_DATED = re.compile(
    r"(?:"
    + _SAME_GRADE.pattern
    + r" (?:(?:that|which|as) )?(?:it|they|the (?:council|authority|service)s?) (?:had )?"
    r"(?:received|got|was given|were given|was awarded|were awarded|achieved|earned|had)"
    r"|\b(?:maintaining|maintains|maintained|retaining|retains|retained|keeping|keeps|kept"
    r"|matching|matches|matched) (?:the|its|their|our) (?:overall )?"
    rf"(?:['\"]?{vocab.GRADE}['\"]? )?(?:Ofsted )?(?:rating|grade|judge?ment)(?: from Ofsted)?,?"
    r"(?: (?:it|they|we))?(?: (?:was|were|had been))?(?: first)?"
    r" (?:awarded|given|received|achieved|earned))"
    rf" (?:(?:in|back in|during) )?(?P<d>{vocab.PARTIAL_DATE})(?!\d)",
    _I,
)


#: The verb of an earlier award in a same-grade sentence.
_AWARDED = re.compile(r"\b(?:received|got|given|awarded|achieved|earned|had)\b", _I)


def same_grade(text: str, found: list[Mention], current: str | None) -> list[Mention]:
    """``found`` with the current grade given to an earlier inspection its sentence says had
    "the same rating" ("had attained the same rating at their previous inspection in 2014",
    "the same grade it received in 2019")."""
    if current is None:
        return found
    out: list[Mention] = []
    for x in found:
        if x.overall is None and x.date is not None:
            start = vocab.sentence_start(text, x.span[0], 300)
            stop = vocab.sentence_end(text, x.span[1], 300)
            if _SAME_GRADE.search(text, start, stop):
                x = Mention(x.date, x.type, current, x.span)
        out.append(x)
    for m in _SAME_GRADE_DATED.finditer(text):
        day = _partial(m["d"])
        if not any(x.date == day for x in out):
            # the earlier award's own words ("first awarded in 2018"): the grade before them
            # is the current one's evidence
            verbs = list(_AWARDED.finditer(text, m.start(), m.start("d")))
            start = verbs[-1].start() if verbs else m.start()
            out.append(Mention(day, None, current, (start, m.end())))
    return out


#: How near a grade an inspection of the same date must be written to be the same mention.
_NEAR = 150


def merge(found: list[Mention], more: list[Mention]) -> list[Mention]:
    """``found`` with the mentions of ``more`` that add to it: a grade at a date it does not
    hold; a dated mention takes the place of the same grade undated."""
    out = list(found)
    for new in more:
        if new.overall is None and any(
            x.date and new.date and _fits(x.date, new.date) for x in out
        ):
            continue  # an inspection already mentioned at that date
        over = [
            x for x in out if x in found and x.span[0] < new.span[1] and new.span[0] < x.span[1]
        ]
        # the same grade word read with a date of its own: that date is the closer one
        redated = [
            x for x in over if 0 <= x.span[1] - new.span[1] <= 1 and x.overall == new.overall
        ]
        if new.date and redated and all(x.date != new.date for x in redated):
            out = [x for x in out if x not in redated]
        elif any(x.overall in (None, new.overall) for x in over):
            continue  # read already; another grade inside an earlier reading is its own
        same = [x for x in out if x.overall == new.overall and _fits(x.date, new.date)]
        if same and new.date is None:
            continue
        if any(x.date is not None and _fits(new.date, x.date) for x in same):
            continue
        out = [x for x in out if x not in same or x.date is not None]
        # "the last inspection in 2016" read apart from its grade: one mention of both
        typed = [
            x
            for x in out
            if x in found
            and x.overall is None
            and x.date == new.date
            and max(x.span[0], new.span[0]) - min(x.span[1], new.span[1]) < _NEAR
        ]
        if new.date and typed:
            x = typed[0]
            span = (min(x.span[0], new.span[0]), max(x.span[1], new.span[1]))
            out[out.index(x)] = Mention(x.date, x.type, new.overall, span)
            continue
        out.append(new)
    graded_dated = {(x.overall) for x in out if x.overall and x.date}
    out = [x for x in out if x.date or not x.overall or x.overall not in graded_dated]
    out.sort(key=lambda x: (x.date is None, x.date or "", x.span))
    return out


def whole_service(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` without the grades it reads for one area ("rated Harrow 'Good' in the
    safeguarding and children in care categories"): a mention's grade is the service's."""
    return [m for m in found if m.overall is None or not _one_area(text, *m.span)]


def _one_area(text: str, start: int, end: int) -> bool:
    """True when the grade read at ``text[start:end]`` is given to one area, itself or the
    grade it moved to ("rose from good to outstanding in this area"), or an area moved
    ("support for care leavers was downgraded from outstanding to good")."""
    moved = _MOVED.match(text, end, end + 80) or _MOVED_TO.match(text, end, end + 60)
    clause = tense.clause_start(text, vocab.sentence_start(text, start, 300), start)
    # an area the subject of the move or of the rating verb: "services for care leavers were
    # rated outstanding in 2019"
    verb = (moved and _MOVED_FROM.match(text, start, end)) or _RATED_FIRST.match(text, start, end)
    if verb and _AREA_BEFORE.search(text, clause, start):
        return True
    return bool(
        _AREA_AFTER.match(text, end, end + 80)
        or (moved and _AREA_AFTER.match(text, moved.end(), moved.end() + 80))
    )


#: What stands between two grades of one list of ratings: the first one's date and a
#: joining word ("inadequate in 2015, requires improvement in 2018 and good in 2022").
_NEXT_IN_LIST = re.compile(
    rf"['\"]?\s*(?:\(?(?:in )?(?:(?:{vocab.MONTH}) )?(?:19|20)\d\d\)?)?\s*(?:,|;)?\s*"
    r"(?:and |then |and then |before |but )?(?:again )?(?:as )?['\"]?",
    _I,
)
#: A mention read from its rating verb on: "rated inadequate in 2015".
_RATED_FIRST = re.compile(r"\W*(?:judged|rated|graded|found)\b", _I)
#: A move read as a mention: "from good to ...".
_MOVED_FROM = re.compile(r"\W*from\b", _I)


def _fits(a: str | None, b: str | None) -> bool:
    """True when two partial dates may be the same (one undated, or one a prefix)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _rating(text: str, floor: int, start: int, end: int, ceiling: int, stop: int) -> bool:
    """True when the grade at ``text[start:end]`` is written as a rating, not as praise."""
    words = vocab.grade(text[start:end])
    if text[start:end].lower() not in ("good", "outstanding", "adequate", "inadequate") and (words):
        return True  # "requires improvement", "the worst possible rating"
    if _RATED_BEFORE.search(text, max(floor, start - 40), start) or _RATED_AFTER.match(
        text, end, stop
    ):
        return True
    # "branded the council's services inadequate": the verb, its object, then the grade
    verb = _RATING_VERB.search(text, max(floor, start - _OBJECT), start)
    return bool(verb) and not _PRAISED.match(text, end, ceiling)


def _dates(text: str, floor: int, start: int, end: int, ceiling: int, stop: int) -> list[str]:
    """The partial dates the text gives the grade: just after it, else before it in its
    sentence (not for the grade a move leaves: "in June, moved from inadequate to good")."""
    near = text[end : min(ceiling, end + _AFTER)]
    cut = re.search(
        rf";|\.\s|\.$| - |, (?!and\b|in (?:(?:{vocab.MONTH}) )?(?:19|20)\d\d)", near, _I
    )
    after = _DATE_AFTER.match(near[: cut.start()] if cut else near)
    if after:
        return _all(after)
    if _MOVED.match(text, end, stop):
        return []
    lo = max(floor, start - _BEFORE)
    # "judged RI, in 2021; inspectors now rate it good": a new clause, not the later one's
    # ("in 2014; and had achieved 'good'" goes on with the same one)
    semicolon = _NEW_CLAUSE.search(text, lo, start)
    while semicolon:
        lo = semicolon.end()
        semicolon = _NEW_CLAUSE.search(text, lo, start)
    found = [
        d
        for d in _DATE_BEFORE.finditer(text, lo, start)
        if not _in_full_date(text, d) and not _since_then(text, d, start)
    ]
    return _all(found[-1]) if found else []


#: How long ago a grade was given: "three years ago", "a year ago", "a decade ago".
_AGO = (
    r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r" (?P<u>years?|decades?) ago\b"
)
#: ... just after the grade ("judged good four years ago") ...
_AGO_AFTER = re.compile(rf"\W{{0,3}}(?:[\w']+ ){{0,3}}?{_AGO}", _I)
#: ... or opening its sentence ("Three years ago, our services were rated inadequate").
_AGO_OPENING = re.compile(rf"\W{{0,3}}{_AGO}", _I)


def _years_ago(
    text: str, sentence: int, start: int, end: int, ceiling: int, doc_date: str | None
) -> list[str]:
    """The year "three years ago" gives the grade at ``text[start:end]``, just after it or
    opening its sentence, counted back from the document's own date (none without one)."""
    if not doc_date:
        return []
    m = _AGO_AFTER.match(text, end, min(ceiling, end + 40))
    if m is None:
        m = _AGO_OPENING.match(text, sentence, start)
    if m is None:
        return []
    n = 1 if m["n"].lower() in ("a", "an") else vocab.count(m["n"])  # "a year ago"
    years = n * (10 if m["u"].lower().startswith("decade") else 1)
    return [str(int(doc_date[:4]) - years)] if years else []


def _since_then(text: str, m: re.Match[str], start: int) -> bool:
    """True when a date before a grade starts a stretch of time the grade is before ("since
    2015 the service has progressed from adequate"), not the grade's own ("since 2012, when
    it was adequate")."""
    since = re.search(r"\bsince\W*$", text[max(0, m.start() - 8) : m.start()], _I)
    return bool(since) and not re.match(
        r"\W{0,3}(?:when|where|at which)\b", text[m.end() : start], _I
    )


def _opening(text: str, sentence: int, start: int) -> list[str]:
    """The year a sentence opens on ("2010: services were ..."), which dates its grades."""
    if not tense.opens_on_year(text, sentence, start):
        return []
    years = _YEAR.findall(text, sentence, start)
    return [] if len(years) > 1 else years  # two years: a later one between


def _all(m: re.Match[str]) -> list[str]:
    """The partial date of a match and any years joined to it ("2012 and 2013")."""
    return [_partial(m["d"]), *_YEAR.findall(m["more"] or "")]


def _partial(written: str) -> str:
    """The partial ISO date a :data:`vocab.PARTIAL_DATE` match writes ("May 2019": 2019-05)."""
    return vocab.partial_in(written) or written[-4:]


def _in_full_date(text: str, m: re.Match[str]) -> bool:
    """True when a partial date is part of a day's date ("20 November 2023"): a page's or a
    publication's day, not an earlier judgement's."""
    return bool(
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s*$", text[max(0, m.start() - 6) : m.start()])
    )
