"""Reading judgements: a report's "Judgement | Grade" table, sentences that state a grade,
and the other judgements a document refers to ("judged inadequate in 2015").

Everything here works on normalised text (see :mod:`ofstedcli.documents.text`) and returns
normalised spans; the family extractors record them as facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ofstedcli.documents import tense, vocab
from ofstedcli.documents.text import View
from ofstedcli.documents.vocab import AREA_PHRASE, GRADE, GRADE_RE, PARTIAL_DATE

Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    """One row of a judgement table: the area, its grade, and where each was written."""

    area: str
    grade: str
    label: Span
    value: Span


#: Boundaries a table row's label never crosses: a sentence end (not a row's number, "1." or
#: "2.1", but a year's "in October 2022."), a colon, a table header.
_LABEL_CUT = re.compile(
    r"(?:(?<!\b\d)(?<!\b\d\d)[.?!:;]\s|\bJudgements?\s+Grades?\s|\)\s)", re.IGNORECASE
)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[-•◼▪])\s*")
_MAX_LABEL = 160


def table(
    text: str, start: int = 0, end: int | None = None, single_overall: bool = False
) -> list[Row]:
    """The longest run of "<area label> <grade>" rows in ``text[start:end]``.

    A run needs two rows, or one "Overall effectiveness" row when ``single_overall`` (older
    reports grade it under its own heading).

    A run breaks at a label that names no judgement area, holds a sentence break, is too long
    to be a table cell, or repeats an area already in the run: so body text ends the table.
    """
    end = len(text) if end is None else end
    runs: list[list[Row]] = []
    run: list[Row] = []
    boundary = start
    for m in GRADE_RE.finditer(text, start, end):
        row = _row(text, boundary, m, first=False) if run else None
        if row is None or any(r.area == row.area for r in run):
            runs.append(run)
            first = _row(text, _cut_before(text, start, m), m, first=True)
            run = [first] if first else []
        else:
            run.append(row)
        boundary = m.end()
    runs.append(run)
    best = max(runs, key=len)
    if len(best) >= 2 or (single_overall and best and best[0].area == "overall"):
        return best
    return []


#: A table header, after which a PDF may give the column of labels before that of grades.
_HEADER = re.compile(r"\bJudgements?\s+Grades?\b", re.IGNORECASE)
#: Where one label starts in a column of labels.
_LABEL_START = re.compile(
    r"\bThe (?:impact|experiences?|effectiveness)\b|\bOverall effectiveness\b"
    r"|(?<![\w.])[1-3](?:\.[12])?\.?\s(?=[A-Z])",
)
_GRADE_RUN = re.compile(rf"(?:{GRADE}\s*)+", re.IGNORECASE)


def column_table(text: str, start: int = 0, end: int | None = None) -> list[Row]:
    """A judgement table whose text came out column by column (all the labels, then all the
    grades), as some PDFs give it; empty unless the labels and grades pair up exactly."""
    header = _HEADER.search(text, start, len(text) if end is None else end)
    if header is None:
        return []
    grades = _GRADE_RUN.search(text, header.end(), header.end() + 1200)
    if grades is None:
        return []
    labels_text = text[header.end() : grades.start()]
    starts = [m.start() for m in _LABEL_START.finditer(labels_text)]
    found = list(GRADE_RE.finditer(text, grades.start(), grades.end()))
    if len(starts) < 2 or len(starts) != len(found):
        return []
    rows: list[Row] = []
    bounds = [*starts, len(labels_text)]
    for (a, b), grade in zip(pairwise(bounds), found, strict=True):
        label = labels_text[a:b].strip()
        key = vocab.area(_NUMBERING.sub("", label, count=1))
        if key is None or any(r.area == key for r in rows):
            return []
        offset = header.end() + a
        rows.append(
            Row(key, vocab.grade(grade.group()), (offset, offset + len(label)), grade.span())
        )
    return rows


def _cut_before(text: str, floor: int, m: re.Match[str]) -> int:
    """Where the label before a grade may begin: after the last sentence or header break."""
    lo = max(floor, m.start() - _MAX_LABEL - 40)
    cut = lo
    for c in _LABEL_CUT.finditer(text, lo, m.start()):
        cut = c.end()
    return cut


#: Words a table cell's label never holds: a sentence's joins ("... were rated good along
#: with the overall effectiveness while ...").
_PROSE = re.compile(
    r"\b(?:while|whilst|along with|whereas|although)\b",
    re.I,
)


#: A label that ends on an article ("... for leaders and an 'outstanding'", "received a
#: good"): the grade is a noun its sentence goes on to give to what follows, not a cell's.
_OPEN_END = re.compile(r"\b(?:an?|the)\W*$", re.I)


#: What may end the row before the next one: "; " between a list's items, and the grade's
#: number on Ofsted's scale ("Inadequate (4)", "Good (grade 2)").
_ROW_END = re.compile(r"[\s;]*(?:\((?:grade\s*)?[1-4]\))?[\s;]*", re.I)


def _row(text: str, begin: int, m: re.Match[str], first: bool) -> Row | None:
    """A table row made of the label ``text[begin:m.start()]`` and the grade ``m``.

    The first row of a run may start after a sentence or header break; later rows may not
    hold one, since table cells are phrases.
    """
    label = text[begin : m.start()]
    cut = 0
    for c in _LABEL_CUT.finditer(label):
        cut = c.end()
    if cut and not first and not _ROW_END.fullmatch(label[:cut]):  # "; " parts list items
        return None
    label = label[cut:]
    joins = [j.end() for j in _PROSE.finditer(label)]
    if joins:  # "... along with the overall effectiveness while help and protection ...":
        cut += joins[-1]  # the grade is the clause's after the last join
        label = label[joins[-1] :]
    lead = _NUMBERING.match(label)
    skip = lead.end() if lead else 0
    clean = label[skip:].strip(" '\"(")
    if not clean or len(clean) > _MAX_LABEL or _OPEN_END.search(clean):
        return None
    key = vocab.area(clean)
    if key is None:
        return None
    a = begin + cut + skip + (len(label[skip:]) - len(label[skip:].lstrip()))
    return Row(key, vocab.grade(m.group()), (a, m.start()), m.span())


# --- sentences that state a grade -----------------------------------------------------------

_Q = r"['\"]?"
_AREA_GROUP = rf"(?P<a>{AREA_PHRASE})"

#: Sentences stating the overall judgement of the inspection a document is about.
OVERALL_PATTERNS = [
    re.compile(
        rf"overall effectiveness (?:of [^.]{{0,80}}? )?(?:has been |was |is |had been )?"
        rf"(?:judged|rated|graded|found|assessed)(?: by Ofsted)?(?: to be| as)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"\boverall effectiveness (?:is|are|was|were)(?: now)?(?: (?:judged|rated|found))?"
        rf"(?: to be| as)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"judged the overall effectiveness of [^.]{{0,80}}? to be {_Q}(?P<g>{GRADE})", re.I
    ),
    re.compile(
        rf"overall (?:judgement|rating|grade|effectiveness)(?: (?:of|as|is|was)|\s*[:-]) {_Q}"
        rf"(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"(?:overall,? )?children's (?:social care )?services in [A-Z][^.]{{0,60}}? "
        rf"(?:are|is|remain|have been)(?: now)?(?: (?:rated|judged|graded|found))?(?: as| to be)? "
        rf"{_Q}(?P<g>{GRADE})",
        re.I,
    ),
]

#: Not a whole-service grade: the grade is for one area ("rated good for adoption").
_FOR_AREA = (
    rf"(?!{_Q},?\s+to\s+{_Q}{GRADE}"
    rf"|{_Q},? (?:(?:for|in|to) (?:the |its |their |your |our )?(?:{AREA_PHRASE}|safeguarding\b)"
    rf"|around |regarding |concerning |(?:for|in) (?:any|one|some|part|parts) of "
    rf"|(?:sub[- ]?)?(?:grades|ratings|judge?ments|scores) (?:for|in) "
    rf"|(?:in|for) (?:a number of|some|several|many|most|(?:one|two|three|four|five) (?:of )?)"
    rf"|in (?:relation|respect) (?:to|of)|(?:in|with) regards? to|in terms of|when it comes to"
    rf"|in the domains?|for (?:its|their|the) (?!children's (?:social care )?services?\b"
    # "for the second time" counts the grade, it names no area
    rf"|(?:first|second|third|fourth|fifth|sixth|\w+th|last|next) times?\b)))"
)
#: How people write an overall grade in news and releases: "rated 'good'", "deemed as being
#: outstanding", "gone from inadequate to good", "a 'Good' rating", "an overall judgement of
#: inadequate", "children's services is officially good", "the council requires improvement".
LOOSE_OVERALL_PATTERNS = [
    re.compile(
        rf"\b(?<!self-)(?:rated|judged|graded|deemed|labell?ed|assessed|classed|branded|ranked"
        rf"|described|rates|judges|grades|deems|brands|rating|judging|grading)"
        rf"(?: by (?:Ofsted|inspectors))?(?: overall)?"
        rf"(?: (?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*){{0,2}}(?= {_Q}{GRADE})"
        rf"|(?: (?:the|its|their|our|overall|council|council's|children's|service|services|them|it"
        rf"|provision|borough's|authority's))"
        rf"{{1,4}}(?: as| to be| to(?= requir))?|(?: (?!as\b|to\b|for\b|in\b|{GRADE})\w[\w'-]*"
        rf"| \([A-Z]{{2,8}}\)){{1,6}}?"
        rf" (?:as|to be|to(?= requir))"
        rf"|(?: (?:as|to be))?|(?= to requir) to)(?: being)?(?: an?)?"
        rf" {_Q}(?P<g>{GRADE}){_FOR_AREA}",
        re.I,
    ),
    re.compile(
        rf"\bfrom\s+(?:(?:an?|its|the)\s+(?:\w+\s+)?(?:rating|judgement)\s+of\s+)?"
        rf"{_Q}{GRADE}{_Q}(?:,?\s+(?:(?:awarded|given|received|achieved|earned)\s+)?in\s+"
        rf"(?:19|20)\d\d|\s*\((?:19|20)\d\d\))?,?\s+to\s+{_Q}"
        rf"(?P<g>{GRADE}){_FOR_AREA}",
        re.I,
    ),
    re.compile(
        rf"\b(?:rated|judged|graded|assessed) (?:all|each of(?: the)?|every one of(?: the)?)"
        rf"(?: (?:four|five|six|seven|the))? (?:key )?(?:areas|judgements|sections)"
        rf"(?: inspected)?,? (?:as|to be) {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    re.compile(
        rf"\b(?:an?|its|their|the|our|overall) {_Q}(?P<g>{GRADE}){_Q}(?: overall)?"
        rf" (?:Ofsted )?(?:rating|judgement|grade|grading|verdict|assessment|score|mark)\b{_Q}"
        rf"(?! for | (?:being |was |has been )?(?:lifted|removed|dropped)){_FOR_AREA}",
        re.I,
    ),
    re.compile(
        rf"\b(?:rating|judgement|grade|verdict|level|score) of {_Q}(?P<g>{GRADE}){_FOR_AREA}", re.I
    ),
    # "the council ... is now good", "children's services, rated inadequate in 2019, are now
    # good", "children's social care ... now requires improvement": the service (or council)
    # as the subject, "now" and the grade
    re.compile(
        rf"(?<!in the )(?<!of the )(?<!at the )(?<!for the )(?<!with the )(?<!by the )"
        rf"(?<!in )(?<!of )(?<!at )(?<!for )(?<!with )(?<!by )"
        rf"\b(?:council|authority|services?|department|social care)\b(?:'s)?[^.;:]{{0,80}}?"
        rf" (?:(?:is|are) now(?: rated| judged| graded| officially)?|now(?= requir))"
        rf" {_Q}(?P<g>{GRADE}){_Q}(?![\w-]){_FOR_AREA}",
        re.I,
    ),
    # "Ofsted's verdict: good", "the verdict was 'inadequate'"
    re.compile(
        rf"\b(?:Ofsted's|Ofsted|the|its|their|inspectors') (?:overall )?"
        rf"(?:verdict|rating|judgement)(?: on [^:.;]{{1,60}}?)?(?::| (?:was|is|remains))(?: an?)?"
        rf" {_Q}(?P<g>{GRADE}){_Q}(?![\w-]){_FOR_AREA}",
        re.I,
    ),
    # "Overall: Good", "overall - inadequate" (a list's item)
    re.compile(
        rf"\boverall\s*(?::|\s-|\u2013)\s*{_Q}(?P<g>{GRADE}){_Q}(?!\s+[a-z])",
        re.I,
    ),
    # "the overall rating says the services 'require improvement'"
    re.compile(
        rf"\boverall (?:rating|judgement|grade|verdict)\b(?: [\w']+){{1,6}}? {_Q}(?P<g>{GRADE})"
        rf"{_FOR_AREA}",
        re.I,
    ),
    # "the worst possible rating has been handed out to ...", "a 'good' rating was given to"
    re.compile(
        rf"{_Q}(?P<g>{GRADE}){_Q}(?: (?:Ofsted )?(?:rating|judgement|grade|verdict))?{_Q}"
        rf"(?: (?:has|have|had))? (?:been|was|were) (?:handed(?: out| down)?|given|awarded"
        rf"|issued|dished out) to\b",
        re.I,
    ),
    # "awarded the highest possible rating", "received an 'Outstanding'", "achieved a good
    # rating" (a grade word alone after these verbs is praise: "receive a good service")
    re.compile(
        rf"\b(?:awarded|received?|receives|given|achieved?|achieves|gained|gains?|secured"
        rf"|secures?|earned|earns?|wins?|won|scored|scores?"
        rf"|handed|got|gets|retained|keeps|kept|maintained|sustained|celebrates?|celebrated"
        rf"|celebrating|welcomes?|welcomed|welcoming)"
        rf"(?: (?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*){{0,2}}(?= (?:an?|the|its|their) ))?"
        rf"(?: (?:an?|the|its|their))?(?: overall)? (?P<q>['\"])?(?P<g>{GRADE})"
        rf"(?(q)['\"]|(?:(?<=rating)|(?<=ratings)|(?<=grade)|(?<=grading)|(?<=mark)"
        rf"|(?= (?:overall )?(?:Ofsted )?(?:rating|judgement|grade|verdict|assessment)\b)))"
        rf"{_FOR_AREA}",
        re.I,
    ),
    # "placed in the 'requires improvement' category"
    re.compile(
        rf"\b(?:placed|put|kept|remains?|remained|stays?|stayed) in(?:to)? the"
        rf" {_Q}(?P<g>{GRADE}){_Q} (?:category|bracket|band)\b{_FOR_AREA}",
        re.I,
    ),
    # "bumped up to 'outstanding'", "has slipped to inadequate", "climbed to good"
    re.compile(
        rf"\b(?:bumped|moved|gone|went|risen|rose|rises?|climbed|climbs?|jumped|jumps?|upgraded"
        rf"|upgrades?|downgraded|dropped|drops?|fallen|fell|falls?|slipped|slips?|slumped"
        rf"|elevated|lifted|raised|improved|declined|sunk|sank|sinks?|plunged|plummeted|moves?"
        rf"|upgrading|downgrading|moving|rising|climbing|dropping|falling|slipping|lifting)"
        rf"(?: (?:up|down|back|straight))?"
        rf"(?: (?:[A-Z][\w-]*'s|its|their|the(?: council's)?) (?:overall )?(?:Ofsted )?"
        rf"(?:rating|grade|judgement))?"
        rf"(?: (?:the|its|their|(?-i:[A-Z])[\w-]*'s) (?:children's )?(?:social care )?"
        rf"(?:council|authority|services?|borough|county|department)| it| them)?(?: (?:to|into))"
        rf"(?: (?:an?|the|its))? {_Q}(?P<g>{GRADE}){_FOR_AREA}",
        re.I,
    ),
    # "a report found they required improvement", "inspectors said it requires improvement"
    re.compile(
        rf"\b(?:found|finds|said|says|concluded|concludes|ruled|rules)(?: that)? (?:it|they"
        rf"|the (?:council|authority|services?|department))(?: (?:still|now|overall|also))*"
        rf" {_Q}(?P<g>(?:requires?|required) improvement(?: to be good)?){_FOR_AREA}",
        re.I,
    ),
    # "the inspection ..., which found them to be inadequate": a pronoun for the service, the
    # grade ending its clause (not "found it to be good practice")
    re.compile(
        rf"\b(?:found|finds) (?:them|it) to be {_Q}(?P<g>{GRADE}){_Q}"
        rf"(?=\s*(?:[.,;:)]|$)|\s+(?:and|but|by|in|overall|across)\b)",
        re.I,
    ),
    # "inspectors found Westbrook's services to be outstanding", "found that the council's
    # services remain inadequate": the service (by its own name) as what was found
    re.compile(
        rf"\b(?:found|finds|considered|considers)(?: that)? (?:the |its |their "
        rf"|(?-i:[A-Z])[\w'-]*(?: (?-i:[A-Z])[\w'-]*){{0,3}}'s )?(?:children's )?(?:social care )?"
        rf"(?:council|authority|services?|provision|department)(?:'s (?:children's )?services)?"
        rf"(?: for children)?(?: (?:to be|as|is|are|was|were|remains?|remained)(?: still| now)?"
        rf"|(?: still| now)?(?= requir)) {_Q}(?P<g>{GRADE}){_FOR_AREA}",
        re.I,
    ),
    # "the council was providing a 'Good' service" (the grade in quotes, not praise)
    re.compile(
        rf"\b(?:providing|provides|provided|delivering|delivers|offering|offers|running|runs)"
        rf" (?:an? )?['\"](?P<g>{GRADE})['\"] services?\b",
        re.I,
    ),
    # "found ... that it 'requires improvement'": a quoted grade verb after a pronoun
    re.compile(
        rf"\b(?:it|they)(?: (?:still|now|overall|also))* ['\"](?P<g>requires? improvement"
        rf"(?: to be good)?){_FOR_AREA}",
        re.I,
    ),
    re.compile(
        rf"\b(?:children's (?:social care )?services|overall,? services"
        rf"|services for (?:(?:vulnerable|local) )?children(?: and (?:young people|families))?"
        rf"|the (?:council|authority|services?|department|local authority))"
        rf"(?: (?:in|at) [A-Z][\w'-]*(?: [A-Z][\w'-]*){{0,3}})?(?: overall)?"
        rf"(?: (?:are|is|remains?|remained|stays?|stayed|was|were|has been|have been))?"
        rf"(?: (?:now|still|officially|again|overall))*"
        rf"(?: (?:rated|judged|graded|deemed|found))?(?: as| to be)? {_Q}(?P<g>{GRADE})"
        rf"{_FOR_AREA}",
        re.I,
    ),
]

#: An area as a sentence's subject: "help and protection", "care leavers' services",
#: "work with children in care" ("work" after the area: "children in care work").
_AREA_SUBJECT = (
    rf"{_AREA_GROUP}(?:'s?)?(?: (?:services?|support|work|provision|arrangements|practice|area))?"
)

#: Sentences stating a sub-judgement: "judged outstanding for leadership, management and
#: governance", "leadership ..., which Ofsted says is now good".
AREA_PATTERNS = [
    # "our sub judgement for help and protection has improved to good", "care leavers'
    # services were upgraded to good"
    re.compile(
        rf"{_AREA_SUBJECT}"
        rf"(?: [\w']+){{0,3}}? (?:has |have |was |were )?(?:been )?(?:improved|risen|moved up"
        rf"|gone up|climbed|dropped|fallen|slipped|declined|upgraded|downgraded) (?:to|into)"
        rf" {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    # "... while help and protection requires improvement": the grade as the area's verb
    re.compile(
        rf"{_AREA_SUBJECT}"
        rf",? (?:still |also |now )?"
        rf"(?P<g>(?:requires?|required) improvement(?:\s+to\s+be\s+good)?)",
        re.I,
    ),
    # "rated good for leadership", "rated the council good for leadership"
    re.compile(
        rf"(?:judged|rated|graded)(?: (?:the |its )?(?:council|authority|local authority"
        rf"|services?|it|them|(?-i:[A-Z])[\w'-]+)(?: as| to be)?)? {_Q}(?P<g>{GRADE}){_Q}"
        rf" (?:for|in) (?:your |its |their )?{_AREA_GROUP}",
        re.I,
    ),
    re.compile(
        rf"(?<!education of )(?<!health of )(?<!education of the )"
        rf"{_AREA_SUBJECT}"
        rf"(?: (?:in|at) [A-Z][\w'-]*(?: [A-Z][\w'-]*){{0,2}})?"
        rf"(?: of [\w' ]{{0,40}}?)?(?:, [^,.;:]{{1,60}},)?(?:,| -)? (?:which |that )?"
        rf"(?:Ofsted |inspectors )?"
        rf"(?:says |said |found |judged )?(?:is|are|was|were|has been|have been|remains?"
        rf"|remained|has remained)(?: now| still)?(?: the only (?:area|aspect|judgement|one)"
        rf"(?: to be| that was)?)?"
        rf"(?: (?:judged|rated|graded|found|deemed|assessed))?(?: to be| as)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    # "children in care was rated as good, as was the support for care leavers"
    re.compile(
        rf"{_Q}(?P<g>{GRADE}){_Q},? as (?:was|were) (?:the |its |their )?"
        rf"(?:(?:support|services?|provision|work|experiences?(?: and progress)?) (?:for|of|to) )?"
        rf"{_AREA_GROUP}",
        re.I,
    ),
    # "praised the experiences of children in care, rating it as 'good'"
    re.compile(
        rf"{_AREA_SUBJECT}"
        rf", (?:rating|grading|judging) (?:it|them)(?: as| to be)? {_Q}(?P<g>{GRADE})",
        re.I,
    ),
    # "with care leavers judged to require improvement": a participle with no verb before
    re.compile(
        rf"\b(?:with|(?<!care )(?<!after )(?<!children )and|while|whilst) {_AREA_GROUP}"
        rf"(?: (?:services?|support|work|provision))?(?: (?:also|too|likewise|again))?"
        rf"(?: (?:judged|rated|graded|found|assessed|deemed)"
        rf"(?: to be| as|(?= to requir) to)?)? {_Q}(?P<g>{GRADE}){_Q}"
        rf"(?! (?:work|practice|progress|support|services?|care|relationships?|outcomes?"
        rf"|experiences?|help)\b)",
        re.I,
    ),
    # "graded the service for children in care 'good'": the area inside the verb's object
    re.compile(
        rf"\b(?:judged|rated|graded|assessed|deemed) (?:the |its |their )?(?:services?|work"
        rf"|support|provision|practice) (?:for|with) {_AREA_GROUP}(?: as| to be)? {_Q}"
        rf"(?P<g>{GRADE})",
        re.I,
    ),
    # "gave an outstanding grade to leadership", "a 'good' rating for children in care"
    re.compile(
        rf"{_Q}(?P<g>{GRADE}){_Q} (?:rating|grade|judgement|score|mark)s? (?:to|for) "
        rf"(?:the |its |their |your |our )?{_AREA_GROUP}",
        re.I,
    ),
]


#: One grade for a short list of areas after a rating verb: "judged both adoption and the
#: experiences of care leavers as good", "rated leadership and help and protection as good".
_LISTED = re.compile(
    rf"\b(?:judged|judging|rated|rating|graded|grading|found|assessed|assessing)(?: both| all)?"
    rf" (?P<list>[^.:!?]{{4,300}}?)"
    rf",? (?:as|to be)(?: being)? {_Q}(?P<g>{GRADE})",
    re.I,
)
#: A grade given to the areas before it: "gave leadership and management an overall
#: 'inadequate' rating", "awarded adoption and care leavers a 'good' grade".
_GAVE_LIST = re.compile(
    rf"\b(?:gave|given|giving|awarded|handed) (?P<list>[^.:;!?]{{4,200}}?) (?:an?|the)"
    rf" (?:overall )?{_Q}(?P<g>{GRADE}){_Q} (?:rating|grade|judge?ment|score|mark)s?\b",
    re.I,
)
#: "with the adoption service, and leadership and management rated as 'Outstanding'".
_WITH_LISTED = re.compile(
    rf"\bwith (?P<list>[^.;:!?]{{4,200}}?) (?:both |all |each )?(?:rated|judged|graded|found"
    rf"|assessed)(?: as| to be)? {_Q}(?P<g>{GRADE})",
    re.I,
)


#: A grade given to the areas listed after it: "'Outstanding' sub judgements for our work
#: with children in care, care leavers and leadership", "good ratings for adoption and ...".
_GRADE_FOR_LIST = re.compile(
    rf"{_Q}(?P<g>{GRADE}){_Q}(?P<n> (?:sub[- ]?)?(?:judge?ments?|ratings?|grades?|scores?)"
    rf"(?: (?:were|was|have been|has been) (?:received|given|awarded|achieved))?{_Q})?,?"
    rf" (?:for|in|around|across)(?: (?:the|these)(?: following)? \w+:| the following(?: \w+)?)?"
    rf" (?=(?P<list>[^.!?]{{4,200}}))",
    re.I,
)
#: An area named first, as a judgement's title: "the experiences and progress of children in
#: care", "the impact of leaders", "adoption".
_AREA_FIRST = re.compile(
    rf"(?:the (?:experiences? and progress|experiences?|progress) of |the impact of )?{AREA_PHRASE}"
    r"(?![\w-])",
    re.I,
)
#: Words just before a grade written bare that make it a grade ("with outstanding for
#: the experiences of children in care"), not an object's complement ("judging the
#: authority inadequate for child protection").
_BARE_BEFORE = re.compile(
    r"\b(?:with|as|and|be|been|was|were|is|are|rated|judged|graded|received|achieved|an?"
    r"|also|now|remains?|remained|both)\W*$",
    re.I,
)
#: The whole service's judgement named in a list of areas.
_OVERALL_NAMED = re.compile(r"\boverall effectiveness\b", re.I)
#: A plural rating verb whose grade the areas listed before it share: "adoption, care leavers
#: and leadership were all rated as 'good'" (a singular "was rated" is one area's).
_LIST_RATED = re.compile(
    rf"(?:(?:were|are|have been)(?: all| both| each)?|all|both)"
    rf" (?:(?:judged|rated|graded|found|assessed)(?: as| to be)?|(?:merited|received|earned"
    rf"|achieved|got|secured|were given|were awarded)(?: (?:the|a|an|its|their))?"
    rf"(?: (?:inspectorate|watchdog|regulator|ofsted)'s)?) {_Q}(?P<g>{GRADE})",
    re.I,
)


#: A plural "are" before a quoted grade, the areas listed before it: "the experiences and
#: progress of care leavers and overall effectiveness are 'inadequate'" (quoted: a grade,
#: not praise).
_LIST_ARE = re.compile(r"\b(?:are|were)(?: all| both| each)? ['\"](?P<g>" + GRADE + r")['\"]", re.I)


#: A line that opens on a grade and lists the areas given it: "Good: leadership; care
#: leavers", "Outstanding - children in care".
_GRADE_LINE = re.compile(rf"(?m)^\W{{0,3}}(?P<g>{GRADE}){_Q}\s*(?::|\s-\s|\u2013)\s*(?=\S)", re.I)


def _grade_lines(text: str, skip: list[Span], given: set[str], latest: int | None) -> list[Stated]:
    """The areas each grade-first line names, given its grade (areas not yet graded)."""
    out: list[Stated] = []
    for m in _GRADE_LINE.finditer(text):
        end = text.find("\n", m.end(), m.end() + _LINE_MAX)
        if end < 0 or _skipped(m, skip) or not now(text, m.start("g"), m.end("g"), latest):
            continue
        for n in _areas_in(text, m.end(), end, vocab.grade(m["g"])):
            if n.area not in given and n.area != "overall":
                given.add(n.area)
                out.append(n)
    return out


def _areas_in(text: str, a: int, b: int, grade: str, overall: bool = False) -> list[Stated]:
    """Each judgement area named between ``a`` and ``b``, given ``grade`` (and the overall
    judgement when ``overall`` and "overall effectiveness" is one of them)."""
    out: list[Stated] = []
    named = _OVERALL_NAMED.search(text, a, b) if overall else None
    if named:
        out.append(Stated("overall", vocab.grade(grade), named.span()))
    for n in _AREA_RE.finditer(text, a, b):
        key = vocab.area(n.group())
        if key and key != "overall":
            out.append(Stated(key, vocab.grade(grade), n.span()))
    return out


#: A count of areas given one grade, then those areas after a colon: "rated three of the
#: four areas as good: leadership, children in care and care leavers".
_COUNTED_LIST = re.compile(
    r"\b(?P<n>one|two|three|four|five|\d)(?: (?:of|out of)(?: the)? (?:four|five|six|\d))?"
    r" (?:key )?(?:areas|judgements)(?: (?:were|are))?(?: (?:rated|judged|graded|found))?"
    rf"(?: as| to be)? {_Q}(?P<g>{GRADE}){_Q}\s*:\s*(?P<list>[^.:;]{{1,200}})",
    re.I,
)
#: The grade first, then the count and the areas between dashes or after a colon: "rated as
#: good in three areas - leadership, children in care and care leavers - and ...".
_GRADE_IN_COUNTED = re.compile(
    rf"{_Q}(?P<g>{GRADE}){_Q} (?:in|for|across) (?P<n>one|two|three|four|five|\d)"
    r"(?: (?:of|out of)(?: the)? (?:four|five|six|\d))? (?:key )?(?:areas|judgements)"
    r"\s*(?::|\s-|\u2013)\s*(?P<list>[^.:;\u2013]{1,200}?)(?=\s-\s|\s\u2013|[.:;]|$)",
    re.I,
)


def _listed(text: str, a: int, b: int, skip: list[Span], latest: int | None) -> list[Stated]:
    """Areas listed with the one grade they all share: after a rating verb, after a grade
    given "for" them, after a count of them and a colon, or before the verb that rates
    them all."""
    out: list[Stated] = []
    counted = [*_COUNTED_LIST.finditer(text, a, b), *_GRADE_IN_COUNTED.finditer(text, a, b)]
    for m in counted:
        if _skipped(m, skip) or GRADE_RE.search(m["list"]) or not _now_at(text, m, latest):
            continue
        found = _areas_in(text, m.start("list"), m.end("list"), m["g"])
        told = vocab.count(m["n"])
        joined = [
            s for s in found if s.area == "in_care" and "care leavers" in text[slice(*s.span)]
        ]
        if len(found) == told - 1 and joined and not any(s.area == "care_leavers" for s in found):
            # "three areas: leadership, children in care and care leavers": the count says the
            # last two are two areas, not the one judgement that once joined them
            found.append(Stated("care_leavers", joined[0].grade, joined[0].span))
        if len(found) == told:  # "three of five areas - adoption" names too few: no list
            out += found
    for m in _WITH_LISTED.finditer(text, a, b):
        listed = not GRADE_RE.search(m["list"])
        if listed and not _skipped(m, skip) and _now_at(text, m, latest):
            out += _areas_in(text, m.start("list"), m.end("list"), m["g"])
    for pattern in (_LISTED, _GAVE_LIST):
        for m in pattern.finditer(text, a, b):
            if _skipped(m, skip) or GRADE_RE.search(m["list"]):
                continue
            if _now_at(text, m, latest):
                out += _areas_in(text, m.start("list"), m.end("list"), m["g"], overall=True)
    for m in _GRADE_FOR_LIST.finditer(text, a, b):
        colon = text.rfind(":", m.end("g"), m.end("list"))  # a list after a colon runs on
        brk = tense.CLAUSE_BREAK.search(text, max(m.end("g"), colon + 1), m.end("list"))
        stop = brk.start() if brk else m.end("list")
        later = GRADE_RE.search(text, m.end("g"), stop)
        stop = later.start() if later else stop
        named = _AREA_FIRST.match(text, m.end()) and _BARE_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        )
        if not m["n"] and not (_graded(text, m) or _quoted(text, m) or named):
            continue  # "good in adoption support" is praise; "'good' in adoption" a grade
        found = _areas_in(text, m.end("g"), stop, m["g"], overall=True)
        if colon >= 0 and text[colon + 1 : colon + 2] == "\n":  # a list on its own lines
            found += _line_areas(text, _list_lines(text, colon, forward=True), m["g"])
        if found and not _skipped(m, skip) and _now_at(text, m, latest):
            out += found
    rated = [(m, False) for m in _LIST_RATED.finditer(text, a, b)]
    for m, plain in rated + [(m, True) for m in _LIST_ARE.finditer(text, a, b)]:
        start = vocab.sentence_start(text, m.start(), 300)
        earlier = [g.end() for g in GRADE_RE.finditer(text, start, m.start())]
        begin = max([start, *earlier])
        begin = max(
            begin, text.rfind("\n", begin, m.start()) + 1, text.rfind(":", begin, m.start())
        )
        if _skipped(m, skip) or not _now_at(text, m, latest):
            continue
        found = _areas_in(text, begin, m.start(), m["g"], overall=plain)
        if len(found) == 1 and re.search(r"\bboth\b", m.group(), re.I):
            # "children in care and care leavers were both found to be good": two areas
            both = text[found[0].span[0] : found[0].span[1]]
            if found[0].area == "in_care" and re.search(r"care leavers", both, re.I):
                found.append(Stated("care_leavers", found[0].grade, found[0].span))
        if len(found) > 1:
            out += found
    return out


#: Words that put a grade in the past, in a comparison or in general: "since they were
#: judged inadequate", "no longer rated", "previously rated", "in 2015", "last year".
_NOT_NOW = re.compile(
    r"\b(?:since|no longer|previously|previous|earlier|formerly|former|last (?:year|month|time"
    r"|review|inspection|inspected|full|been)|back in|ago|after (?:it|they|the|being)|follows?"
    r"|following (?:a|an|the) (?:\d|report|inspection)|had been|at which point|once|used to"
    r"|(?:a|an|one|two|three|four|five|six|\d+|over a|just over a) (?:years?|months?)"
    r" (?:on|after)\b"
    r"|(?<!\d)(?:19|20)\d\d(?!\d)|every|few councils|councils (?:rated|judged)|when"
    r"|(?:is|are) (?:rated|judged) (?:as )?(?:Outstanding|Good|Requires|Inadequate)"
    r" (?:or|and) )",
    re.I,
)


#: A grade in a clause that sets the scene for the sentence's main one ("(when) services
#: were judged to be inadequate, leaders have improved practice"): background, not news.
#: A clause joined by "and" or "but" that grades a judgement area is another main one
#: ("services were judged good, and leadership was judged outstanding"), and one that says
#: who said it reports it ("'outstanding', Ofsted has confirmed").
_CLAUSE_AFTER = re.compile(
    rf"\W{{0,2}}, (?!(?:and|but|while|whilst) (?:its |their )?{AREA_PHRASE})(?:[\w']+ ){{1,3}}"
    r"(?:have|has|had|are|is|were|was|will|can|must)\b"
    r"(?! (?:said|says|confirmed|found|announced|reported|revealed|concluded|stated|added))",
    re.I,
)


#: Some of the areas, not the whole service: "two of three areas", "other areas", "most areas".
#: Narrower than vocab.SOME_AREAS: a bare count may head the list of areas a grade is shared
#: by ("Three areas require improvement: ... the overall effectiveness ...").
_SOME_AREAS = re.compile(
    r"\b(?:(?:one|two|three|four|five|\d) (?:of|out of) (?:the )?(?:\w+ )?(?:key )?"
    r"|(?:other|some|most|several|many|remaining) (?:key )?)(?:areas|judgements|categories)\b",
    re.I,
)
#: The grades listed as a scale, not given: "outstanding, good, requires improvement or
#: inadequate".
_SCALE = re.compile(rf"{GRADE}(?:, {GRADE}){{1,3}},? (?:or|and) {GRADE}", re.I)
#: A sentence about grades in general, not this inspection's: "few councils are rated
#: outstanding", "every council rated inadequate", "rated Outstanding or Good".
_GENERAL = re.compile(
    r"\b(?:every (?!area|judgement|section|aspect|categor|one of|single)|few councils"
    r"|self-?(?:assess|evaluat)\w*|(?:judged|rated|graded|assessed) (?:itself|themselves)"
    r"|(?<!the )(?<!this )\b(?:an?|any) (?:local )?(?:council|authority|service|department)"
    r" (?:that|which|whose)\b"
    r"|(?:councils|authorities)\b[^.]{0,30}?\b(?:rated|judged)|(?:is|are) (?:rated|judged)"
    r" (?:as )?(?:Outstanding|Good|Requires|Inadequate) (?:or|and) )",
    re.I,
)
#: Services or bodies other than the council's children's services: their grades are not
#: the inspection's ("its children's homes were judged good", "Northam College").
_OTHER_SERVICE = re.compile(
    r"\b(?:children's homes?|homes?|schools?|academ\w*|college|nurser\w*|youth (?:justice"
    r"|offending)|adults?|adult social care|police|(?<!bill of )health|hospital|provider"
    r"|fostering agency"
    r"|early years|childcare|university|neighbouring|neighbours?|nearby|another council"
    r"|other councils)\b",
    re.I,
)
#: Words just after a grade that say what the grade means, not that it was given.
_DEFINES = re.compile(
    r"\W{0,3}(?:means|would mean|triggers|allows|is given|is awarded when)\b", re.I
)
#: Another inspectorate named just after a grade ("rated 'good' by the CQC").
_OTHER_INSPECTORATE = re.compile(
    r"\W{0,3}(?:[\w']+ ){0,3}?(?:by |from )(?:the )?(?:CQC|Care Quality Commission|HMICFRS"
    r"|HM Inspectorate of (?:Probation|Constabulary|Prisons))\b",
    re.I,
)
#: Words just before a grade that make it a hope, a plan or a condition, not a finding
#: ("hopes to be rated outstanding", "if the council had been rated inadequate").
_UNREAL = re.compile(
    r"\b(?:hopes?|hoped|hoping|aims?|aimed|aiming|ambitions?|aspir\w*|wants?|wanted|wanting"
    r"|striv\w*|goals?|targets?|expects?|expected|expecting|plans?|planned|planning|bid|on track"
    r"|trajectory|to become|will|would|could (?:be|become|achieve|get|gain|earn)|might"
    r"|ought to|towards?"
    r"|(?-i:may)|must|if|unless|whether"
    r"|predict\w*)\b",
    re.I,
)


#: A denial just before a grade: the grade was not given.
_NEGATED = re.compile(
    r"\b(?:no|not|never|nor|none|without|failed to|fails to|fail to)\b(?! longer)"
    r"(?:\W+\w+){0,4}\W*$",
    re.I,
)
#: Words joining two grades into one phrase: "good but requires improvement".
_JOINED = re.compile(r"\W{0,3}(?:but|and|or|yet|with)\W{1,3}", re.I)


def _now_at(text: str, m: re.Match[str], latest: int | None) -> bool:
    """True when the grade of a match (group ``g``) is the current one, not a general one."""
    start = vocab.sentence_start(text, m.start(), 300)
    stop = vocab.sentence_end(text, m.end(), 300)
    if _GENERAL.search(text, start, stop):
        return False
    return now(text, m.start("g"), m.end("g"), latest)


class _Memo:
    """Answers of :func:`now` for the one text being read (dropped when another comes)."""

    text: str | None = None
    answers: dict[tuple[int, int, int | None], bool] = {}  # noqa: RUF012


def now(text: str, start: int, end: int, latest: int | None) -> bool:
    """True when the grade written at ``text[start:end]`` is the current inspection's (see
    :func:`_now`), remembered for the text being read."""
    if _Memo.text is not text:
        _Memo.text, _Memo.answers = text, {}
    key = (start, end, latest)
    if key not in _Memo.answers:
        _Memo.answers[key] = _now(text, start, end, latest)
    return _Memo.answers[key]


def _now(text: str, start: int, end: int, latest: int | None) -> bool:
    """True when the grade written at ``text[start:end]`` is the current inspection's: no
    time or comparison word of its own puts it in the past (see :mod:`tense`)."""
    sentence = vocab.sentence_start(text, start, 300)
    before = [g.end() for g in GRADE_RE.finditer(text, sentence, start)]
    stop = vocab.sentence_end(text, end, 300)
    later = GRADE_RE.search(text, end, stop)
    if tense.opens_on_year(text, sentence, start):
        return False
    if _NEGATED.search(text, max(sentence, *before, start - 50), start):
        return False  # "no area was awarded the top mark", "not yet 'good'"
    clause = tense.clause_start(text, max([sentence, *before]), start)
    if _UNREAL.search(text, max(clause, start - 60), start):
        return False  # "hopes to be rated outstanding", "if it had been rated inadequate"
    if before and _JOINED.fullmatch(text, before[-1], start):
        # "rated 'good but requires improvement in ...' in 2019": one time for both
        first = [g for g in GRADE_RE.finditer(text, sentence, start)][-1]
        return now(text, first.start(), first.end(), latest) and not tense.is_past(
            text, start, end, start, latest, later.start() if later else stop
        )
    return not tense.is_past(
        text, start, end, max([sentence, *before]), latest, later.start() if later else stop
    )


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_ANY_LINE = re.compile(r"\n")
#: A line that runs on into the next (a wrapped line of a PDF or an old web page).
_WRAPPED = re.compile(r"[a-z,]\n[a-z(]")


class _Marked:
    """The last view marked and its text (the same document is read by several steps)."""

    view: View | None = None
    text: str = ""


def marked(view: View) -> str:
    """The normalised text with a line feed where the original ends a paragraph or a line
    (a headline, a date line) when its lines are not wrapped: sentences stop there."""
    if _Marked.view is not view:
        _Marked.view, _Marked.text = view, _mark(view)
    return _Marked.text


def _mark(view: View) -> str:
    """The text of :func:`marked`, worked out."""
    raw = view.raw
    lines = raw.count("\n")
    wrapped = len(_WRAPPED.findall(raw)) > lines // 10
    chars = list(view.text)
    for m in (_BLANK_LINE if wrapped else _ANY_LINE).finditer(raw):
        pos = view.norm_pos(m.start())
        if pos < len(chars) and chars[pos] == " ":
            chars[pos] = "\n"
    return "".join(chars)


def _about_now(text: str, m: re.Match[str], latest: int | None) -> bool:
    """True when a loosely worded grade is the whole service's, now: its sentence puts it
    in no other time, and no judgement area is named just before or after it."""
    start = vocab.sentence_start(text, m.start(), 300)
    stop = vocab.sentence_end(text, m.end(), 200)
    if _CLAUSE_AFTER.match(text, m.end(), m.end() + 60) or _GENERAL.search(text, start, stop):
        return False
    if any(sc.start() <= m.start("g") < sc.end() for sc in _SCALE.finditer(text, start, stop)):
        return False  # "outstanding, good, requires improvement or inadequate": the scale
    if not now(text, m.start("g"), m.end("g"), latest):
        return False
    before = text[max(start, m.start() - 90) : m.end()]
    if _SOME_AREAS.search(before) or vocab.SOME_AREAS.search(before):
        return False  # "two of three areas were rated ...": not the whole service
    if _OTHER_SERVICE.search(before) or _OTHER_INSPECTORATE.match(text, m.end(), stop):
        return False  # "its children's homes were judged good", "... by the CQC"
    if _DEFINES.match(text, m.end(), stop):
        return False  # "a rating of inadequate means ...": what a grade means
    after = text[m.end() : min(stop, m.end() + 40)]
    if re.search(r"\b(?:overall|whole|across the board|all areas)\b", before, re.I) or re.match(
        r"\W{0,3}(?:overall|across (?:the board|all (?:\w+ )?areas)|in (?:all|every|each)"
        r" (?:\w+ )?(?:areas?|sections?|judgements?))\b",
        after,
        re.I,
    ):
        return True
    if re.search(
        r"\b(?:safeguarding|adoption|fostering|residential|leaders|looked[- ]after|education"
        r"|in care|care leavers)\b",
        before,
        re.I,
    ):
        return False
    return vocab.area(before) in (None, "overall") and not re.search(
        r"^\W{0,3}(?:for|in) (?:the |its )?(?:adoption|care|leader|help)", after, re.I
    )


@dataclass(frozen=True)
class Stated:
    """A grade stated in a sentence: the area (``overall`` or a sub-area) and the spans."""

    area: str
    grade: str
    span: Span


#: How far before its grade a sentence stating one can begin, and how far after the grade
#: it can end ("judged outstanding for leadership, management and governance"): every
#: pattern above fits in such a stretch.
_REACH = 320
_AFTER = 120


def _grade_windows(text: str) -> list[Span]:
    """The stretches of text around each grade word, merged: the only places a grade can be
    stated."""
    windows: list[Span] = []
    for m in GRADE_RE.finditer(text):
        a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


#: The most statements kept per area (the first ones): the first in the text is recorded,
#: and a hostile text may state a grade on every line.
_PER_AREA = 8


def stated(text: str, skip: list[Span], doc_date: str | None = None) -> list[Stated]:
    """Grades the text states for the inspection it is about, outside the ``skip`` spans
    (``doc_date``: the document's own date, which tells an earlier year)."""
    latest = tense.latest(text, doc_date)
    out: list[Stated] = []
    count: dict[str, int] = {}

    def keep(found: Stated) -> None:
        if count.get(found.area, 0) < _PER_AREA:
            count[found.area] = count.get(found.area, 0) + 1
            out.append(found)

    for a, b in _grade_windows(text):
        for pattern in OVERALL_PATTERNS:
            for m in pattern.finditer(text, a, b):
                if count.get("overall", 0) >= _PER_AREA or _skipped(m, skip):
                    continue
                if now(text, m.start("g"), m.end("g"), latest):
                    keep(Stated("overall", vocab.grade(m["g"]), m.span()))
        for pattern in LOOSE_OVERALL_PATTERNS:
            for m in pattern.finditer(text, a, b):
                if count.get("overall", 0) >= _PER_AREA or _skipped(m, skip):
                    continue
                if _about_now(text, m, latest):
                    keep(Stated("overall", vocab.grade(m["g"]), m.span()))
        for pattern in AREA_PATTERNS:
            for m in pattern.finditer(text, a, b):
                key = vocab.area(m["a"])
                if not key or key == "overall" or count.get(key, 0) >= _PER_AREA:
                    continue
                if not _skipped(m, skip) and _now_at(text, m, latest):
                    keep(Stated(key, vocab.grade(m["g"]), m.span()))
        for found in _listed(text, a, b, skip, latest):
            if found.area not in count:
                keep(found)
    for found in _shared_grades(text, skip, set(count), latest):
        keep(found)
    for found in _every_area(text, out):
        keep(found)
    for found in _all_areas(text, skip, set(count), latest):
        keep(found)
    for found in _area_grades(text, skip, set(count), latest):
        keep(found)
    for found in _grade_lines(text, skip, set(count), latest):
        keep(found)
    if _slac_era(text, doc_date, latest):
        out = _slac(text, out)
    else:
        out = [_slac_named(text, s) for s in out]
    out.sort(key=lambda s: s.span)
    return out


#: An overall grade given to every area: "graded all areas as", "inadequate in all areas",
#: "an inadequate score for each section".
_EVERY_AREA = re.compile(
    r"\b(?:all (?:(?:four|five|six|seven|the|key) )?(?:areas|judgements|sections)"
    r"|(?:each|every) (?:area|judgement|section))\b",
    re.I,
)


#: A sentence naming the areas that were graded: "The areas that receive a grade are: ...".
_GRADED_AREAS = re.compile(r"\b(?:areas|sections|judgements)\b[^.]{0,40}\b(?:grade|rat|judg)", re.I)


def _every_area(text: str, out: list[Stated]) -> list[Stated]:
    """The areas named, in the sentence of an overall grade given to every area or the next
    one ("graded all areas as inadequate. The areas graded are: ..."), given that grade."""
    given = {s.area for s in out}
    found: list[Stated] = []
    for s in out:
        if s.area != "overall":
            continue
        start = vocab.sentence_start(text, s.span[0], 300)
        first = vocab.SENTENCE_CUT.search(text, s.span[1], s.span[1] + 300)
        end = first.end() if first else min(len(text), s.span[1] + 300)
        if not _EVERY_AREA.search(text, start, end) or _NOT_NOW.search(text, start, end):
            continue
        second = vocab.SENTENCE_CUT.search(text, end, end + 400)
        stop = second.start() if second else min(len(text), end + 400)
        if not _GRADED_AREAS.search(text, end, stop) or _NOT_NOW.search(text, end, stop):
            stop = end  # the next sentence is not about the graded areas
        if {vocab.grade(g.group()) for g in GRADE_RE.finditer(text, start, stop)} != {s.grade}:
            continue  # another grade is given too: which area has which is not plain
        for n in _areas_in(text, start, stop, s.grade):
            if n.area not in given:
                given.add(n.area)
                found.append(n)
    return found


#: Every judgement area at once: "across all areas", "in all five areas of inspection",
#: "across the board", "all four areas were judged", "with every area receiving".
_ALL_AREAS = re.compile(
    r"\b(?:(?:in|across|for|on) (?:all|each|every one)(?: of)?(?: (?:the|these|its|their|those))?"
    r"(?: (?:two|three|four|five|six|seven|[2-7]))?(?: (?:key|main|inspection|inspected|judgement"
    r"|assessment|assessed|judged"
    r"|service))* (?:areas?|judge?ments?|categories|sub-?categories|criteria|aspects|sections"
    r"|domains)|across the board|(?:in|for|across|with) every (?:single )?(?:area|judge?ment"
    r"|category|aspect|section)|(?:all(?: of (?:the|these|its|their))?|each of the"
    r"|every one of the)(?: (?:two|three|four|five|six"
    r"|seven|[2-7]))?(?: (?:key|main|inspection|inspected))? (?:areas|judge?ments|categories"
    r"|sub-?categories|criteria|aspects|sections|domains)(?: of (?:the )?(?:service|inspection"
    r"|focus))? (?:were|was|are|have been|had been|received)|(?:each|every) (?:single )?(?:area"
    r"|judge?ment|category|aspect|section)(?: of (?:the )?(?:inspection|service))?"
    r" (?:was|were|is|has been|received))\b",
    re.I,
)
#: A quantifier that is the sentence's subject ("all five areas were judged ...").
_SUBJECT_FORM = re.compile(r"(?:was|were|are|is|been|received)$", re.I)
#: A quantifier that refers back to the areas named before it ("each area", "these areas").
_BACK_REFERENCE = re.compile(r"^(?:each|every|all of these|all these)\b", re.I)
#: Not every area: "all other areas", "at least good in all areas".
_NOT_ALL = re.compile(r"\b(?:other|remaining|rest|at least|or better|or above)\b", re.I)
#: A list item: a line that starts with a bullet or a number.
_ITEM = re.compile(r"^\W{0,3}(?:[-\u2022*\u25cf\u25aa\u25e6o]|\d{1,2}[.)])?\s*")
_BULLET = re.compile(r"\W{0,3}(?:[-\u2022*\u25cf\u25aa\u25e6]|\d{1,2}[.)])\s")
_LINE_MAX = 200


#: A sentence that enumerates the areas judged ("The report is divided into three sections:
#: ...", "judged the department in five areas including ...").
_ENUMERATES = re.compile(
    r"\b(?:areas|sections|judge?ments|categories|criteria)\b|^\W*(?:these|they|this|which)"
    r" (?:were|are|included?|includes|including|covered?)\b",
    re.I,
)
#: How far from an "all areas" sentence the sentence enumerating the areas may be.
_ENUMERATION_REACH = 700


def _enumeration(text: str, start: int, end: int) -> Span:
    """The nearest sentence around ``start:end`` that enumerates two or more areas and gives
    no grade (empty span if none)."""
    lo, hi = max(0, start - _ENUMERATION_REACH), min(len(text), end + _ENUMERATION_REACH)
    best: Span = (start, start)
    for s in _SENTENCE.finditer(text, lo, hi):
        a, b = s.span()
        if (a < end and start < b) or not _ENUMERATES.search(text[a:b].strip()):
            continue
        if (
            GRADE_RE.search(text, a, b)
            or len({vocab.area(n.group()) for n in _AREA_RE.finditer(text, a, b)}) < 2
        ):
            continue
        if best == (start, start) or abs(a - start) < abs(best[0] - start):
            best = (a, b)
    return best


def _line_areas(text: str, lines: list[Span], grade: str) -> list[Stated]:
    """The area each list line names ("- Leaders having a positive impact ..."), graded."""
    out: list[Stated] = []
    for a, b in lines:
        name = re.sub(r"\([^)]*\)?", "", _ITEM.sub("", text[a:b], count=1))  # not "(including ..."
        key = vocab.area(name)
        if key and key != "overall":
            out.append(Stated(key, vocab.grade(grade), (a, b)))
    return out


def _list_lines(text: str, pos: int, forward: bool) -> list[tuple[int, int]]:
    """The lines of a list just after (or before) ``pos`` that each name a judgement area."""
    found: list[tuple[int, int]] = []
    at = pos
    for _ in range(8):
        if forward:
            nl = text.find("\n", at)
            if nl < 0:
                break
            end = text.find("\n", nl + 1)
            line = (nl + 1, end if end >= 0 else len(text))
        else:
            nl = text.rfind("\n", 0, at)
            if nl < 0:
                break
            line = (text.rfind("\n", 0, nl) + 1, nl)
        a, b = line
        body = text[a:b].strip()
        if not body:
            if forward:
                at = b
                continue
            break
        if len(body) > _LINE_MAX or vocab.area(_ITEM.sub("", body, count=1)) is None:
            break
        if not forward and not _BULLET.match(body):
            break  # a list before its sentence is a bulleted one
        found.append(line)
        at = b if forward else a
    return found if forward or len(found) > 1 else []


def _all_areas(text: str, skip: list[Span], given: set[str], latest: int | None) -> list[Stated]:
    """One grade for every area: the whole service's and each area the sentence or the list
    beside it names ("good across all five areas: 1. Overall effectiveness 2. ...")."""
    out: list[Stated] = []
    for q in _ALL_AREAS.finditer(text):
        start = vocab.sentence_start(text, q.start(), _LIST_SENTENCE)
        end = vocab.sentence_end(text, q.end(), _LIST_SENTENCE)
        if inside((start, end), skip) or _NOT_ALL.search(text, start, end):
            continue
        # "good across all areas": the grade comes first; "all areas were rated good": after.
        subject = _SUBJECT_FORM.search(q.group())
        a, b = (q.end(), min(end, q.end() + 60)) if subject else (start, q.start())
        if q.start() == start and text[q.end() : q.end() + 30].find(",") >= 0:
            a, b = q.end(), end  # "In all areas of judgement, the service required improvement"
        found = [g for g in GRADE_RE.finditer(text, a, b) if now(text, g.start(), g.end(), latest)]
        grades = {vocab.grade(g.group()) for g in found}
        if len(grades) != 1 or not any(
            _graded(text, g) or _quoted(text, g) or q.start() - g.end() < 4 for g in found
        ):
            continue
        grade = grades.pop()
        if "overall" not in given:
            given.add("overall")
            out.append(Stated("overall", grade, (min(found[0].start(), q.start()), q.end())))
        named_after = [n for n in _AREA_RE.finditer(text, q.end(), end) if vocab.area(n.group())]
        spans = [(q.start() if named_after else start, end)]
        lines: list[Span] = []
        if text[end : end + 1] == "\n" or text[end - 1 : end] == ":":
            lines += _list_lines(text, end, forward=True)
        lines += _list_lines(text, start, forward=False)
        if _BACK_REFERENCE.search(q.group()):  # "each area was rated": the areas named before
            spans.append((text.rfind("\n", 0, start) + 1, start))
        if not any(_areas_in(text, a, b, grade) for a, b in spans) and not lines:
            spans.append(_enumeration(text, start, end))  # the areas a nearby sentence lists
        for a, b in spans:
            for n in [*_areas_in(text, a, b, grade), *_line_areas(text, lines, grade)]:
                if text.rfind("(", a, n.span[0]) > text.rfind(")", a, n.span[0]):
                    continue  # "children looked after (including adoption ...)": one area
                if n.area not in given:
                    given.add(n.area)
                    out.append(n)
    return out


#: Areas that share a grade, listed after it: "the aspects requiring improvement included
#: ...", "three areas in particular require improvement: - ...".
_AREAS_THEN_LIST = re.compile(
    rf"\b(?:areas?|aspects?|judge?ments?|categories)\b(?: (?:in particular|that|which|were|was"
    rf"|are|is|rated|judged|graded|found|deemed|as|to be|all|both|also|still|now)){{0,4}}"
    rf" {_Q}(?P<g>{GRADE}){_Q}(?: (?:were|are|was|is|included?|includes|including"
    rf"|are as follows)\s*:?| ?:| -)\s*(?=(?P<list>[^.!?]{{4,400}}))",
    re.I,
)
#: A grade in brackets, or after a colon or dash, after an area's name: "help and protection
#: (good)", "Children in care: Good.", "Adoption - Outstanding", "Care leavers: Good (2)"
#: (with its number on Ofsted's scale).
_BRACKETED = re.compile(
    rf"\(\s*{_Q}(?P<g>{GRADE}){_Q}\s*\)|(?::| -) ?{_Q}(?P<g2>{GRADE}){_Q}"
    rf"(?=\s*(?:\((?:grade\s*)?[1-4]\)\s*)?(?:[.;,\n]|$))",
    re.I,
)
#: Where the name before a bracketed grade begins.
_NAME_START = re.compile(r"[;:\n\u2022(]|\s-\s|\.\s|\band\s(?=the\b)", re.I)
#: A move from one grade to another: "uplifted from 'good' to 'outstanding'".
_MOVE = re.compile(rf"\bfrom {_Q}{GRADE}{_Q}(?: in (?:19|20)\d\d)?,? to {_Q}(?P<g>{GRADE})", re.I)
#: A grade shared with the overall judgement: "rated good along with the overall
#: effectiveness", "good, as was the overall effectiveness".
_ALONG_WITH_OVERALL = re.compile(
    rf"(?P<g>{GRADE}){_Q},? (?:(?:along with|as well as|together with|alongside|as (?:was|were|is)"
    rf"|and so (?:was|is)) (?:the )?(?:[\w']+ )?overall effectiveness\b|(?:with )?(?:this|which)"
    rf" (?:forming|forms|formed|making|makes|made|giving|gives|gave|setting|sets|resulting in"
    rf"|results in|led to|leads to|leading to) (?:the|its|their|an?) overall (?:rating|judge?ment"
    rf"|grade|verdict)\b)",
    re.I,
)
#: The areas a sentence does not name: "the other three areas were rated ...".
_OTHERS = re.compile(
    r"\b(?:the )?(?:other|remaining)(?: (?P<n>two|three|four|five|[2-5]))? (?:key )?"
    r"(?:areas|judge?ments|categories)\b",
    re.I,
)


def _area_grades(text: str, skip: list[Span], given: set[str], latest: int | None) -> list[Stated]:
    """Sub-judgements written as people list them: areas after "the areas requiring
    improvement included", an area's name before a bracketed grade, an area's move "from good
    to outstanding", and "the other three areas" of a list named before."""
    out: list[Stated] = []

    def take(found: list[Stated]) -> None:
        for n in found:
            if n.area not in given:
                given.add(n.area)
                out.append(n)

    for m in _AREAS_THEN_LIST.finditer(text):
        if _skipped(m, skip) or not _now_at(text, m, latest):
            continue
        if _OTHER_AREAS.search(text, m.start(), m.end()) or _NOT_ALL.search(m.group()):
            continue
        if _SOME_AREAS.search(text, max(0, m.start() - 30), m.end()):
            continue  # "two of three areas were rated ...": which two is not said here
        stop = m.end("list")
        later = GRADE_RE.search(text, m.end(), stop)
        take(_areas_in(text, m.end(), later.start() if later else stop, m["g"], overall=True))
    for m in _BRACKETED.finditer(text):
        g = "g" if m["g"] else "g2"
        lo = max(0, m.start() - _MAX_LABEL)
        cuts = [c.end() for c in _NAME_START.finditer(text, lo, m.start())]
        a = max([lo, *cuts])
        name = text[a : m.start()]
        key = vocab.area(name) if _AREA_RE.search(name) or _OVERALL_NAMED.search(name) else None
        if key and not _skipped(m, skip) and now(text, m.start(g), m.end(g), latest):
            take([Stated(key, vocab.grade(m[g]), (a + len(name) - len(name.lstrip()), m.end()))])
    for m in _MOVE.finditer(text):
        clause = tense.clause_start(text, vocab.sentence_start(text, m.start(), 300), m.start())
        named = [n for n in _AREA_RE.finditer(text, clause, m.start()) if vocab.area(n.group())]
        keys = {vocab.area(n.group()) for n in named}
        if len(keys) == 1 and not _skipped(m, skip) and _now_at(text, m, latest):
            take(_areas_in(text, named[-1].start(), named[-1].end(), m["g"]))
    for m in _ALONG_WITH_OVERALL.finditer(text):
        if not _skipped(m, skip) and _now_at(text, m, latest):
            take([Stated("overall", vocab.grade(m["g"]), m.span())])
    for m in _OTHERS.finditer(text):
        take(_other_areas(text, m, skip, given, latest))
    for m in _SOME_LISTED.finditer(text):
        take(_some_listed(text, m, skip, latest))
    return out


#: Some of the areas, then a list of them: "requiring improvement in three out of five
#: inspected areas - children looked after ..., care leavers and leadership", "three of the
#: four areas reviewed were given requires improvement - ...".
_SOME_LISTED = re.compile(
    r"\b(?P<n>one|two|three|four|five|[1-5]) (?:of|out of) (?:the )?(?:\w+ )?(?:\w+ )?(?:areas"
    r"|judge?ments|categories)\b(?P<mid>[^.!?:;]{0,80}?)(?: - |: ?)(?=(?P<list>[^.!?]{4,300}))",
    re.I,
)


def _some_listed(text: str, m: re.Match[str], skip: list[Span], latest: int | None) -> list[Stated]:
    """The areas listed after "three out of five areas - ...", given the grade written just
    before or in the phrase, when the list names as many areas as it says."""
    start = vocab.sentence_start(text, m.start(), 300)
    grades = list(GRADE_RE.finditer(text, max(start, m.start() - 60), m.start("list")))
    grades = [g for g in grades if now(text, g.start(), g.end(), latest)]
    if len({vocab.grade(g.group()) for g in grades}) != 1 or _skipped(m, skip):
        return []
    stop = m.end("list")
    later = GRADE_RE.search(text, m.start("list"), stop)
    stop = later.start() if later else stop
    found = _areas_in(text, m.start("list"), stop, grades[0].group(), overall=True)
    want = vocab.count(m["n"])
    return found if len({f.area for f in found}) == want else []


def _other_areas(
    text: str, m: re.Match[str], skip: list[Span], given: set[str], latest: int | None
) -> list[Stated]:
    """ "The other three areas were rated as good": the areas named in the lines before that
    have no grade yet, when there are as many as the sentence says."""
    stop = vocab.sentence_end(text, m.end(), 200)
    found = [
        g for g in GRADE_RE.finditer(text, m.end(), min(stop, m.end() + 60))
        if now(text, g.start(), g.end(), latest)
    ]  # fmt: skip
    if len({vocab.grade(g.group()) for g in found}) != 1 or _skipped(m, skip):
        return []
    lo = max(0, m.start() - 800)
    names: dict[str, Span] = {}
    for n in _AREA_RE.finditer(text, lo, m.start()):
        key = vocab.area(n.group())
        if key and key != "overall" and key not in names:
            names[key] = n.span()
    rest = {k: v for k, v in names.items() if k not in given}
    want = vocab.count(m["n"] or "")
    if not rest or len(rest) != want or len(names) - len(rest) < 1:
        return []
    grade = vocab.grade(found[0].group())
    return [Stated(k, grade, span) for k, span in rest.items()]


#: Before this month (as a count of months) councils were inspected for safeguarding and for
#: looked after children separately, with no grade for the whole service.
_SLAC_END = 2012 * 12 + 6
#: The pre-2013 scale's "adequate" given as a grade: a page about a SLAC-era inspection.
_OLD_SCALE = re.compile(
    r"(?:\b(?:rated|judged|graded|deemed|described as|found to be|were|was)(?: only| as)? ['\"]?"
    r"|['\"])(?P<a>adequate)\b",
    re.I,
)
#: SLAC's two judgements, as a sentence names them.
_SLAC_AREAS = [
    (re.compile(r"looked[- ]after|in care", re.I), "looked_after"),
    (re.compile(r"safeguarding|protection", re.I), "safeguarding"),
]


def _slac_era(text: str, doc_date: str | None, latest: int | None) -> bool:
    """True when the page is about a SLAC-era inspection: dated before mid-2012, or undated,
    writing no later year, and giving the old scale's "adequate" as a current grade."""
    if doc_date:
        return latest is not None and latest < _SLAC_END
    if latest is not None and latest >= _SLAC_END - 5:
        return False
    return any(now(text, m.start("a"), m.end("a"), latest) for m in _OLD_SCALE.finditer(text))


#: SLAC's whole-service judgements named outright: "the overall effectiveness of
#: safeguarding services", "... of services for looked after children".
_SLAC_NAMED = re.compile(
    r"overall effectiveness of (?:the )?(?:(?P<s>[\w']+ )?safeguarding|services for (?P<l>looked"
    r"[- ]after children))",
    re.I,
)


def _slac_named(text: str, s: Stated) -> Stated:
    """A whole-service grade that names a SLAC judgement is that judgement's."""
    if s.area != "overall":
        return s
    m = _SLAC_NAMED.search(text, max(0, s.span[0] - 120), s.span[1] + 80)
    if m is None:
        return s
    return Stated("looked_after" if m["l"] else "safeguarding", s.grade, s.span)


def _slac(text: str, out: list[Stated]) -> list[Stated]:
    """The grades of a SLAC-era page: children in care are "looked after children", child
    protection is "safeguarding", and a whole-service grade is one of those two when its
    sentence names it, else not a grade (SLAC gave none)."""
    found: list[Stated] = []
    for s in out:
        if s.area in ("in_care", "looked_after"):
            found.append(Stated("looked_after", s.grade, s.span))
        elif s.area in ("help_and_protection", "safeguarding"):
            found.append(Stated("safeguarding", s.grade, s.span))
        elif s.area == "overall":
            start = vocab.sentence_start(text, s.span[0], 300)
            named = [k for p, k in _SLAC_AREAS if p.search(text, start, s.span[1] + 40)]
            found.append(Stated(named[0], s.grade, s.span) if len(named) == 1 else s)
        else:
            found.append(s)
    return found


def _quoted(text: str, m: re.Match[str]) -> bool:
    """True when a grade word (group ``g`` if the match has one) is written in quotes or with
    a capital inside a sentence."""
    g = "g" if "g" in m.re.groupindex else 0
    a, word = m.start(g), m.group(g)
    return text[a - 1 : a] in ("'", '"') or (
        word[0].isupper() and text[a - 2 : a] not in (". ", "") and text[a - 1 : a] != "\n"
    )


_AREA_RE = re.compile(AREA_PHRASE, re.I)
#: A grade given as one: after a rating word ("rated as 'good'", "a rating of good"), before
#: one ("a 'good' rating"), or a grade that is a verb ("requires improvement").
_RATED_BEFORE = re.compile(
    r"\b(?:rated|judged|graded|deemed|ranked|assessed|(?:rating|judgement|verdict|grade) of)"
    # the object rated between the verb and its grade: "rated the council good"
    r"(?: (?:the |its )?(?:council|authority|local authority|services?|it|them"
    r"|(?-i:[A-Z])[\w'-]+))?"
    r"(?: (?:as|to be|all|both|now|being))*\W{0,3}$",
    re.I,
)
_RATED_AFTER = re.compile(r"\W{0,3}(?:ratings?|judge?ments?|grades?|verdicts?)\b", re.I)


def _graded(text: str, m: re.Match[str]) -> bool:
    """True when a grade word (group ``g`` if the match has one) is given as a grade, not as
    praise ("a good service")."""
    g = "g" if "g" in m.re.groupindex else 0
    a, b, word = m.start(g), m.end(g), m.group(g)
    if word.lower().startswith("requir") or re.search(r"rating|grad|mark|judge?ment", word, re.I):
        return True
    before = text[max(0, a - 40) : a]
    return bool(_RATED_BEFORE.search(before) or _RATED_AFTER.match(text, b, b + 12))


#: The grade of a sentence is for areas it does not name: "other areas still require ...".
_OTHER_AREAS = re.compile(
    r"\b(?:other|remaining|rest of the)(?: \w+)? (?:areas|judgements)\b", re.I
)
#: The longest sentence read for a list of areas sharing one grade.
_LIST_SENTENCE = 400


#: A verb of its own between a grade and an area named after it: the area is another
#: clause's ("'requires improvement', the inspectors have acknowledged the leadership").
_ANOTHER_VERB = re.compile(
    r"\b(?:have|has|had|acknowledg\w*|prais\w*|noted|said|says|found|highlight\w*"
    r"|recognis\w*|recogniz\w*|commend\w*|welcom\w*)\b",
    re.I,
)


#: A dash opening an aside: " – ", " — ", " - ".
_ASIDE = re.compile(r"\s[\u2013\u2014-]\s")


def _shared_grades(
    text: str, skip: list[Span], given: set[str], latest: int | None
) -> list[Stated]:
    """Areas listed in a sentence that states one grade for them all: "the impact of
    leaders, children in care and care leavers were all rated as outstanding", "requires
    improvement in regards to children who need help and protection and leadership"."""
    out: list[Stated] = []
    seen: set[int] = set()
    for g in GRADE_RE.finditer(text):
        start = vocab.sentence_start(text, g.start(), _LIST_SENTENCE)
        end = vocab.sentence_end(text, g.end(), _LIST_SENTENCE)
        if start in seen:
            continue
        seen.add(start)
        if not _AREA_RE.search(text, start, end):
            continue  # no area named: nothing to share a grade with
        aside = _ASIDE.search(text, g.end(), end)
        other = aside and any(
            vocab.grade(o.group()) != vocab.grade(g.group())
            for o in GRADE_RE.finditer(text, aside.end(), end)
        )
        if aside and other and _AREA_RE.search(text, start, aside.start()):
            # "... was Children Who Need Help and Protection – inspectors' comments were
            # mostly good about ...": an aside after the grade and its areas, with a grade
            # of its own, is not theirs
            end = aside.start()
        found = list(GRADE_RE.finditer(text, start, end))
        grades = {vocab.grade(m.group()) for m in found}
        if len(grades) != 1 or not any(_graded(text, m) for m in found):
            continue
        if inside((start, end), skip) or _GENERAL.search(text, start, end):
            continue
        if not all(now(text, m.start(), m.end(), latest) for m in found):
            continue
        if _OTHER_AREAS.search(text, start, end) or _SOME_AREAS.search(text, start, end):
            continue  # "progress in adoption, with other areas still requiring improvement"
        if (
            re.search(r"\boverall\b", text[start:end], re.I)
            or any(p.search(text, start, end) for p in OVERALL_PATTERNS)
            or any(
                _about_now(text, m, latest)
                for p in LOOSE_OVERALL_PATTERNS
                for m in p.finditer(text, start, end)
            )
        ):
            continue  # the sentence grades the whole service
        grade = grades.pop()
        for m in _AREA_RE.finditer(text, start, end):
            key = vocab.area(m.group())
            if any(_ANOTHER_VERB.search(text, g.end(), m.start()) for g in found):
                continue  # "... requires improvement; inspectors praised its leadership"
            if key and key != "overall" and key not in given:
                given.add(key)
                out.append(Stated(key, grade, (m.start(), m.end())))
    return out


def _skipped(m: re.Match[str], skip: list[Span]) -> bool:
    """True when the grade of a match (group ``g`` if it has one) lies in a skipped span."""
    g = "g" if "g" in m.re.groupindex and m["g"] else 0
    return inside(m.span(g), skip)


def inside(span: Span, spans: list[Span]) -> bool:
    """True when ``span`` overlaps one of ``spans``."""
    return any(span[0] < b and a < span[1] for a, b in spans)


# --- mentions of other judgements -----------------------------------------------------------

_TYPE = (
    r"(?:full |judgement |ILACS |SIF |standard |short |single |Ofsted |local authority )*"
    r"(?:inspection|focused visit|monitoring visit|re-inspection)"
)
_DATE = rf"(?P<date>{PARTIAL_DATE})"
_G = rf"{_Q}(?P<g>{GRADE}){_Q}"
#: The inspection and date a grade just written was given at: "at its last inspection in
#: June 2018", "when it was last inspected in 2020", "in 2015".
_WHEN = (
    rf"(?: (?:at|in|following|after) (?:the |its |their |an? )?(?:last |previous |prior )?"
    rf"(?P<type>{_TYPE})| when (?:it|they|we|the \w+) (?:was|were) (?:last |previously |first )?"
    rf"(?:inspected|visited))?(?: in| of)? {_DATE}"
)

MENTION_PATTERNS = [
    # "after an inspection in January 2015 found them to be inadequate";
    # "the last full inspection ... in September/October 2019, when ... graded as '...'".
    re.compile(
        rf"(?P<type>{_TYPE})[^.]{{0,70}}?\b(?:in|of|during|on),? {_DATE},?[^.]{{0,80}}?"
        rf"\b(?:found|judged|graded|rated|was|were|as|judging|rating|grading|finding)\b"
        rf"[^.]{{0,30}}?{_G}",
        re.I,
    ),
    # "judged inadequate in 2015", "were judged requires improvement to be good in November 2022".
    re.compile(
        rf"\b(?:judged|rated|graded|found)(?: to be| as)? {_G}(?: overall)?,?{_WHEN}",
        re.I,
    ),
    # "saw its 2014 rating go from requires improvement to good": the year of the rating
    re.compile(
        rf"\b(?:its|their|the|our) {_DATE} (?:Ofsted )?(?:rating|grade|judgement)"
        rf" (?:go|went|gone|move|moved|rise|rose|improve|improved|change|changed) from {_G}",
        re.I,
    ),
    # "improved from 'Requires Improvement' to 'Good'", "moved from an Ofsted rating of
    # inadequate in 2018 to good", "up from requires improvement".
    re.compile(
        rf"\bfrom (?:(?:an?|its|the|their) (?:\w+ )?(?:rating|judgement|grade) of )?{_G}"
        rf"(?:,? (?:(?:awarded|given|received|achieved|earned) )?in {_DATE})?,? to\b",
        re.I,
    ),
    re.compile(rf"\b(?:up|down) from (?:an? |its |the )?{_G}(?:,?{_WHEN})?", re.I),
    # "rated inadequate for a decade", "judged good for the past six years".
    re.compile(
        rf"\b(?:rated|judged|graded|been){_Q} {_G},? for (?:a decade|(?:the )?(?:past |last )?"
        rf"(?:\w+|\d+) (?:years|decades))\b",
        re.I,
    ),
    # "your last full inspection was in 2017", "your last focused visit early in 2019".
    re.compile(
        rf"\b(?:last|previous|most recent) (?P<type>{_TYPE})(?: was)?"
        rf"(?: (?:held|undertaken|carried out|conducted))?,?(?: in)? {_DATE}",
        re.I,
    ),
    # "Ofsted also rated our children's social care services 'Outstanding' in 2018": what
    # was rated between the verb and its grade (not an area: "its adoption work"), and the
    # date after it (last: the readers
    # above, and the tense reader, read the sentences they know better)
    re.compile(
        rf"\b(?:rated|judged|graded) (?:our|its|their|the|(?-i:[A-Z])[\w-]*'s)"
        rf" (?:(?!{AREA_PHRASE}|fostering\b)(?:[^.;:'\"]|(?<=\w)'(?=\w))){{1,60}}?"
        rf" {_G}(?: overall)?,?{_WHEN}"
        rf"(?! and (?:again )?in\b)",  # "... in 2013 and again in 2015": the tense reader's
        re.I,
    ),
]


@dataclass(frozen=True)
class Mention:
    """Another judgement or inspection the document refers to."""

    date: str | None
    type: str | None
    overall: str | None
    span: Span

    def value(self) -> dict[str, Any]:
        """The mention object of the JSON contract."""
        return {"date": self.date, "type": self.type, "overall": self.overall}


#: Words without which a sentence cannot mention another judgement (a cheap filter that
#: keeps the mention patterns off most of a long report), in lower case: searched for in
#: the sentence lowered, four times faster than the same words searched for ignoring case.
_MENTION_HINT = re.compile(r"inspect|visit|judged|rated|graded|from|found|decade|years")
#: Every mention holds a year or a grade.
_MENTION_NEEDS = re.compile(rf"(?<!\d)(?:19|20)\d\d(?!\d)|{GRADE}", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
#: The most mentions read from one document (a bound on work for hostile texts).
MAX_MENTIONS = 100


def mentions(text: str, end: int | None = None) -> list[Mention]:
    """Other judgements the text (or its first ``end`` characters) refers to, oldest first,
    one per (date, grade)."""
    found: list[Mention] = []
    for sentence in _SENTENCE.finditer(text, 0, len(text) if end is None else end):
        if not _MENTION_HINT.search(sentence.group().lower()) or not _MENTION_NEEDS.search(
            sentence.group()
        ):
            continue
        taken: list[Span] = []
        for pattern in MENTION_PATTERNS:
            for m in pattern.finditer(text, sentence.start(), sentence.end()):
                if inside(m.span(), taken):
                    continue
                groups = m.groupdict()
                when = vocab.partial_in(groups["date"]) if groups.get("date") else None
                kind = " ".join(groups["type"].lower().split()) if groups.get("type") else None
                grade = vocab.grade(groups["g"]) if groups.get("g") else None
                found.append(Mention(when, _type(kind), grade, m.span()))
                taken.append(m.span())
                if len(found) >= MAX_MENTIONS:
                    break
            if len(found) >= MAX_MENTIONS:
                break
        if len(found) >= MAX_MENTIONS:
            break
    unique: list[Mention] = []
    by_date: dict[str | None, list[Mention]] = {}
    for mention in sorted(found, key=lambda x: x.span):
        same_date = by_date.setdefault(mention.date, [])
        if any(_same(mention, u) for u in same_date):
            continue
        same_date.append(mention)
        unique.append(mention)
    unique.sort(key=lambda x: (x.date is None, x.date or "", x.span))
    return unique


def _same(a: Mention, b: Mention) -> bool:
    """True when two mentions refer to the same judgement."""
    if a.date != b.date:
        return False
    if a.overall and b.overall:
        return a.overall == b.overall
    return a.type == b.type and a.overall == b.overall


def _type(kind: str | None) -> str | None:
    """A mention's inspection type, tidied: "ILACS inspection" -> "inspection", "full Ofsted
    inspection" -> "full inspection"."""
    if kind is None:
        return None
    kind = re.sub(r"\b(?:ofsted|local authority|judgement|ilacs|sif|single) ", "", kind)
    return kind or None
