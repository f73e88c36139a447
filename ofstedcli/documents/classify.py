"""Telling what kind of document a text is, from its own structure and wording.

Each kind has cues: phrases that only that kind of document puts near its top (a minister's
title in the letterhead, "Annual Engagement Meeting" as a subject, "Focused visit to ..." under
the salutation, a committee heading, an inspection report's dates line and judgement table).
The first kind whose cues are met wins; the cue's span is the evidence.
"""

from __future__ import annotations

import re

from ofstedcli.documents.text import View

Span = tuple[int, int]

#: How far from the top a heading cue may sit (normalised characters).
HEAD = 1500

_I = re.IGNORECASE
_SALUTATION = re.compile(r"\bDear (?:Sir|Madam|[A-Z])", 0)

_ENGAGEMENT = re.compile(r"\bannual (?:conversation|engagement meeting)\b", _I)
_FOCUSED = re.compile(
    r"\b(?:focused visit|focused assurance visit) (?:to|of|at)\b"
    r"|\bfindings of the (?:focused|assurance) visit\b",
    _I,
)
_MONITORING = re.compile(
    r"\bmonitoring visit (?:to|of|at)\b|\bfindings of the monitoring visit\b", _I
)
_MINISTER = re.compile(
    r"\b(?:Parliamentary Under[- ]Secretary of State|Minister of State|Minister for Children"
    r"|Secretary of State for Education|Minister for Children and Families)\b",
    _I,
)
_COMMITTEE = re.compile(
    r"\b(?:scrutiny|select|overview)(?: and scrutiny)? (?:committee|commission|board|panel)\b"
    r"|\bpurpose of (?:the|this) report\b"
    r"|\breport of the (?:director|chief|head|strategic|executive)"
    r"|\b(?:cabinet|committee) (?:meeting|report)\b"
    r"|\brecommendations? to (?:the )?(?:cabinet|committee)\b"
    # a council's meeting papers as its committee system publishes them: an agenda item, its
    # minutes, the meeting's date, what the meeting is asked to do
    r"|\bagenda item\b|\bissue - meetings\b|\bdate of meeting\b|\breport to:"
    r"|\bmeeting: \d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:cabinet|board|committee|council|panel|members) (?:is|are) (?:asked|recommended) to\b"
    r"|\b(?:submitted|presented|received|considered) (?:a|the) report\b",
    _I,
)
_REPORT_TITLE = re.compile(
    r"\b(?:Re-)?inspection of (?:(?:the )?[\w' ,-]{0,60}? )?(?:local authority children's"
    r"(?: social care)? services|children's social care services|services for children in need"
    r"|looked after children services|safeguarding and looked after children services"
    r"|local authority arrangements for the protection of children)",
    _I,
)
_REPORT_STRUCTURE = re.compile(
    r"\bInspection dates?:|\bLead inspector:|\bReporting inspector\b|\bJudgement Grade\b"
    r"|\bReport published:|\bThe overall judgement is\b",
    _I,
)
#: An area SEND report's title, at the top: "Area SEND inspection of ...", "Joint local area
#: SEND inspection in ...", "Area SEND monitoring inspection of ...", "... SEND revisit in".
_SEND_TITLE = re.compile(
    r"\b(?:area SEND|local area SEND) (?:full inspection|monitoring inspection|inspection"
    r"|revisit|re-visit) (?:of|in)\b",
    _I,
)
_PRESS = re.compile(
    r"\bpress release\b|\bnotes to editors\b|\bmedia enquiries\b|\bPublished on\b"
    r"|\bfor immediate release\b|\bsays Ofsted\b",
    _I,
)
_QUOTE_SAID = re.compile(r"\b(?:said|added|says)[:,]? ?\"", _I)
#: Cues a release states itself as one: the press office's own words.
_OWN_RELEASE = re.compile(
    r"\bpress release\b|\bnotes to editors\b|\bmedia enquiries\b|\bfor immediate release\b",
    _I,
)
#: A news page's own date line, as councils' websites print it ("Published: Monday, 17th
#: January 2022", "Published: 19 Nov 2018").
_DATED_LINE = re.compile(
    r"\bPublished: (?:[A-Z][a-z]+day,? )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\b"
)
#: A third party reporting: news language about the council and a news site's furniture.
_REPORTED = re.compile(
    r"\bwatchdog\b|\b(?:a|the) (?:council |authority )?spokes(?:man|woman|person)\b"
    r"|\btold (?:the|a|reporters|us)\b|\bhave your say\b"
    r"|\blocal democracy reporting\b|\bsign up to (?:our|the) newsletter\b",
    _I,
)


def classify(view: View) -> tuple[str, Span | None]:
    """The kind of a document and the normalised span of the cue that told it."""
    text = view.text
    head = text[:HEAD]
    send = _SEND_TITLE.search(text, 0, 600)
    if send:
        # A report's title, or a letter's subject line (just under "Dear ...").
        before = list(_SALUTATION.finditer(text, 0, send.start()))
        if not before or send.start() - before[-1].end() < 200:
            return "area_send_report", send.span()
    salutation = _SALUTATION.search(text, 0, HEAD * 2)

    if salutation:
        # A visit letter's subject line, just under "Dear ...", says which visit it is.
        for kind, pattern in (
            ("focused_visit_letter", _FOCUSED),
            ("monitoring_visit_letter", _MONITORING),
        ):
            m = pattern.search(text, salutation.end(), salutation.end() + 200)
            if m:
                return kind, m.span()
    m = _ENGAGEMENT.search(head)
    if m and salutation:
        return "engagement_meeting_letter", m.span()
    if salutation:
        for kind, pattern in (
            ("focused_visit_letter", _FOCUSED),
            ("monitoring_visit_letter", _MONITORING),
        ):
            m = pattern.search(text, 0, salutation.end() + 600)
            if m:
                return kind, m.span()
        m = _MINISTER.search(head)
        if m:
            return "ministerial_letter", m.span()
    m = _COMMITTEE.search(head)
    if m and not _REPORT_STRUCTURE.search(text, 0, 400):
        return "committee_report", m.span()
    title = _REPORT_TITLE.search(text, 0, 600)
    structure = _REPORT_STRUCTURE.search(text, 0, HEAD)
    if title and structure:
        return "inspection_report", title.span()
    own = _OWN_RELEASE.search(head)
    if own:
        return "press_release", own.span()
    dated = _DATED_LINE.search(text, 0, 600)
    if dated and not _REPORTED.search(text):
        # A council's news page states its date on a line of its own near the top.
        return "press_release", dated.span()
    press = list(_PRESS.finditer(head)) + list(_QUOTE_SAID.finditer(text))
    # Quotes from the council's people appear in news about it too: a reporter's words (the
    # "watchdog", "a council spokesperson said", "told the ...") make it news, not a release.
    if len(press) >= 2 and not _REPORTED.search(text):
        return "press_release", press[0].span()
    if m:
        return "committee_report", m.span()
    if salutation and _MINISTER.search(text):
        found = _MINISTER.search(text)
        return "ministerial_letter", found.span() if found else None
    if structure and _REPORT_TITLE.search(text):
        return "inspection_report", structure.span()
    return "other", None
