"""Whether a grade written in a sentence is the current inspection's or an earlier one's.

A time or comparison word belongs to the grade it stands next to: words before a grade in
its clause ("previously rated good", "moved from inadequate", "since 2012 when it was
adequate") and words just after it ("rated good in 2016", "good four years ago", "inadequate
at its last inspection") put that grade, and only that one, in the past. A comparison with
the inspection before ("good, up since the last inspection") leaves the grade the new one.
"""

from __future__ import annotations

import re

from ofstedcli.documents import vocab

_I = re.IGNORECASE
_YEAR = re.compile(r"(?<![\d/-])(?:19|20)\d\d(?![\d/])")

#: Where a grade's own clause begins: a break between clauses that each carry a grade.
CLAUSE_BREAK = re.compile(
    r"[:(\n]|\s-\s|\s\u2022|,? (?:but|while|whilst|whereas|although|though|however|and now"
    r"|with (?:the|its|their) (?:other|remaining))\b",
    _I,
)
#: Words before a grade, in its clause, that make it an earlier grade.
_PAST_BEFORE = re.compile(
    r"\b(?:previously|formerly|originally|once(?! (?:again|more))|used to"
    r"|(?:was|were|been) last|last (?:time|rated|judged|graded|inspect\w*|full"
    r"|ofsted|report|review|visit\w*|assessment)|previous(?! (?:five|four|three|two|few)\b)"
    r"|before (?:this|the|its|that|their)(?! (?:\w+ )?(?:inspection|visit|report) (?:found|judged"
    r"|rated|graded|gave|awarded)\b)"
    r"|prior|earlier (?:inspection|rating|report|judgement)|no longer|moves? out of"
    # "out of" a grade, not a count ("three out of four of the areas")
    r"|(?<!one )(?<!two )(?<!three )(?<!four )(?<!five )(?<!six )(?<!\d )out of"
    r"|since|back in|as recently as|at the time|at that time|at which point|ditch\w*"
    r"|shed\w*|remov\w*|lost|losing|dropp\w*(?!\W+(?:down |back )?(?:to|into)\W+$)"
    r"|lift\w* (?:out|from)|escap\w*|after (?:being"
    r"|it was|they were|previously)|having (?:been|previously|received)|then|ago|as recently as"
    r"|(?:comes?|came|coming) (?:\w+ ){0,5}?(?:after|on from)|follows? on from"
    # "four years after a report found the services 'required improvement'"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|few)"
    r" (?:years?|months?) after"
    # what a notice or a decision "follows": "It follows a report by Ofsted in January 2018
    # that judged ..." (an inspection it follows is the news's own: "It follows an
    # inspection in May")
    r"|^\W*(?:it|they|this|these) follows? (?:an? |the )(?:[\w ]{0,30} )?(?:report by ofsted"
    r"|ofsted report))\b",
    _I,
)
#: "now" just before a grade: "have now been judged to be inadequate".
_NOW_BEFORE = re.compile(r"\bnow\b(?: [\w']+){0,3} ?['\"]?$", _I)
#: A comparison with the last inspection before a grade, not a date for it ("improvements
#: since the last inspection to achieve the good rating"), unless a clause hangs on it.
_SINCE_LAST_INSPECTION = re.compile(
    r"\bsince (?:the|its|their) (?:last|previous) (?:full )?inspection\b(?!,? (?:in|of|when"
    r"|which|at|where|,))",
    _I,
)
#: The year written just after the grade before (its own year, not this grade's): "rating in
#: 2016", "handed down in 2015", "(2019)", "rating since 2018".
_OWN_YEAR = re.compile(
    r"^\W{0,3}(?:(?:rating|grade|judgement|verdict|label)s?\W{1,3}"
    r"|(?:given|handed|awarded|issued|received|made)(?: down| out)? )?"
    r"(?:in|of|since) (?:\w+ )?(?:19|20)\d\d\b|^['\"]?\s*\(\s*(?:19|20)\d\d\s*\)",
    _I,
)
#: A text ending on a grade (the grade before the one being read).
_ENDS_ON_GRADE = re.compile(rf"(?:{vocab.GRADE})['\"]?$", _I)
#: A grade kept at this inspection: "retained", "maintains the good rating".
_KEPT = re.compile(r"\b(?:retain|maintain|sustain|keep|kept)\w*\b", _I)
#: "from" a few words before a grade: the grade left behind ("moved from an Ofsted rating
#: of requires improvement", "up from good").
_FROM = re.compile(
    r"\bfrom\W+(?:[\w']+\W+){0,6}$|\b(?:follow(?:ing|ed|s)|after|despite|since) (?:the |its |their"
    r" |an? |that )?['\"]?$",
    _I,
)
#: Words just after a grade that make it an earlier grade ("good four years ago", "inadequate
#: at its last inspection", "rated good previously").
_PAST_AFTER = re.compile(
    r"^\W{0,3}(?:[\w']+ ){0,4}?(?:ago\b|previously\b|as recently as\b|before\b|back in\b"
    r"|in the past\b(?! (?:week|few|month|fortnight|days?)\b)"
    r"|at the time\b"
    r"|(?:at|in|during|after|following) (?:the|its|their|our|your|a|an) (?:last|previous"
    r"|prior|earlier|first|former)\b|(?:to|at) that time\b|(?:for|over) (?:a|the|more than"
    r"|over|almost|nearly|\w+) (?:decade|years)\b|(?:rating |judgement |grade )?(?:(?:has|had"
    r"|have|was|were) (?:been )?)?(?:lifted|removed|dropped|shed|replaced|overturned)\b"
    r"|to (?:a |an )?['\"]?(?:requir|outstanding|good|inadequate|adequate))",
    _I,
)
#: A comparison with the inspection before: the grade it follows is the new one.
_SINCE_LAST = re.compile(
    r"^\W{0,3}(?:[\w']+ ){0,6}?(?:since|than (?:at|in)|compared (?:to|with)|from"
    r"|same as(?: at| in)?"
    r"|(?:years?|months?) (?:after|on from|since))"
    r" (?:the|its|their) (?:previous|last|prior)",
    _I,
)
#: A grade new since a year: "graded 'good' for the first time since 2010".
_FIRST_SINCE = re.compile(
    r"^\W{0,3}(?:[\w'\"]+ ){0,4}?(?:the )?first time(?: [\w']+){0,3}? since\b", _I
)
#: "the first time" before a grade that "since" a year follows.
_FIRST_TIME = re.compile(r"\bfirst time\b", _I)
#: A year just after a grade: "rated good in 2016", "inadequate (2015)".
_YEAR_AFTER = re.compile(
    rf"^\W{{0,3}}(?:[\w'\"]+ ){{0,8}}?(?:in|of|since|back in|\()\s?(?:(?:{vocab.MONTH}) )?"
    r"(?P<y>(?:19|20)\d\d)(?!\d)",
    _I,
)
#: A sentence that opens on a bare year ("In 2015 Ofsted judged ...", "2010: services were
#: ..."): a story of the past, whatever year the document was written.
_OPENING_YEAR = re.compile(
    r"\W*(?:(?:back )?in |during |by )?(?:19|20)\d\d\b(?! (?:inspection|report|visit|ILACS))", _I
)
#: Words after a grade within which a time word can still be its own.
_AFTER = 70


def latest(text: str, doc_date: str | None = None) -> int | None:
    """The latest month the document's own date gives, else the start of the latest year
    the text writes (as a count of months): what is written well before it is earlier."""
    if doc_date and len(doc_date) >= 7:
        return int(doc_date[:4]) * 12 + int(doc_date[5:7])
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    if doc_date:
        years.append(int(doc_date[:4]))
    return max(years) * 12 + 1 if years else None


def clause_start(text: str, sentence: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins for a grade's time words, not before
    ``sentence``."""
    return vocab.clause_start(text, sentence, pos, CLAUSE_BREAK)


def is_past(
    text: str, start: int, end: int, floor: int, latest: int | None, ceiling: int | None = None
) -> bool:
    """True when the grade written at ``text[start:end]`` is an earlier one.

    ``floor`` is where its clause may begin at the earliest (the sentence's start or the end
    of the grade before it); ``latest`` the latest year the document gives; ``ceiling``
    where the words after it stop (the next grade or the sentence's end).
    """
    clause = clause_start(text, floor, start)
    # "since the last inspection in 2018, when services were judged ...": a relative
    # clause takes its time from the clause it hangs on.
    rel = re.search(r"\b(?:when|which|at which point|where)\b", text[clause:start], _I)
    before_from = floor if rel else clause
    before = _SINCE_LAST_INSPECTION.sub(" ", text[before_from:start])
    if before_from == floor and _ENDS_ON_GRADE.search(text, max(0, floor - 40), floor):
        # "a 'requires improvement' rating since 2018 before ... found it good": the time
        # just after the grade before is that grade's
        before = _OWN_YEAR.sub(" ", before, count=1)
    kept = _KEPT.search(text, clause, start)
    if kept or _NOW_BEFORE.search(text, max(clause, start - 30), start):
        return False  # "retained the outstanding grade it earned in 2017": still its grade
    if _PAST_BEFORE.search(before) or _FROM.search(before):
        return True
    if _old_year(_OWN_YEAR.sub(" ", text[floor:start], count=1), latest):
        return True
    stop = min(len(text), end + _AFTER, ceiling if ceiling is not None else len(text))
    after = text[end:stop]
    cut = re.search(r",|;|\.\s|\.$| - ", after)
    near = after[: cut.start()] if cut else after
    if _SINCE_LAST.match(after) or _FIRST_SINCE.match(near):
        return False
    if _FIRST_TIME.search(text, clause, start) and re.match(r"\W{0,3}since\b", near, _I):
        return False  # "the first time it has been rated good since 2012": the new grade
    if _PAST_AFTER.match(near):
        return True
    y = _YEAR_AFTER.match(near)
    return bool(y and _old_year(y.group(), latest))


def older(day: str, latest: int | None) -> bool:
    """True when a partial ISO date ("2019", "2019-03") is well before the latest date."""
    if latest is None:
        return True
    if len(day) >= 7:
        return int(day[:4]) * 12 + int(day[5:7]) < latest - 3
    return int(day[:4]) < latest // 12 - (1 if latest % 12 == 0 else 0)


#: A later time between a sentence's opening year and a grade: "In 2017 ...; this year they
#: rated it good", "In 2014 it was inadequate, and today ...".
_LATER_TIME = re.compile(r"\b(?:today|now|this (?:time|year)|latest|currently)\b", _I)


def opens_on_year(text: str, sentence: int, pos: int) -> bool:
    """True when the sentence starting at ``sentence`` opens on a bare year before ``pos``,
    with no later time between them."""
    return bool(_OPENING_YEAR.match(text, sentence, pos)) and not _LATER_TIME.search(
        text, sentence, pos
    )


def _old_year(before: str, latest: int | None) -> bool:
    """True when the words before a grade date it well before the latest date: a year
    before the latest year, or a month more than three months before the latest month."""
    if latest is None:
        return False
    for m in _YEAR.finditer(before):
        year = int(m.group())
        month = re.search(rf"({vocab.MONTH})\s*,?\s*$", before[: m.start()], _I)
        if month:
            if year * 12 + vocab.month_number(month.group(1)) < latest - 3:
                return True
        elif year < latest // 12 - (1 if latest % 12 == 0 else 0):
            return True
    return False
