"""Telling what kind of document a text is, from its own structure and wording.

Each kind has cues: phrases that only that kind of document puts near its top (a minister's
title in the letterhead, "Annual Engagement Meeting" as a subject, "Focused visit to ..." under
the salutation, a committee heading, an inspection report's dates line and judgement table).
The first kind whose cues are met wins; the cue's span is the evidence.
"""

from __future__ import annotations

import re

from ofstedcli.documents import parties, voice
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
#: A committee named ("the overview and scrutiny committee", "a cabinet meeting"): in the
#: papers' own heading, but news about the council names its committees too.
_COMMITTEE_NAME = re.compile(
    r"\b(?:scrutiny|select|overview)(?: and scrutiny)? (?:committee|commission|board|panel)\b"
    r"|\b(?:cabinet|committee) (?:meeting|report)\b",
    _I,
)
#: A council's meeting papers as its committee system publishes them: the report's purpose
#: and author, an agenda item, its minutes ("Minutes of the Corporate Parenting Board held
#: on ...", "Present: Councillors ...") and decisions (a decision record, "RESOLVED:"), the
#: meeting's date, what the meeting is asked to do.
_COMMITTEE = re.compile(
    r"\bpurpose of (?:the|this) report\b"
    r"|\breport of the (?:director|chief|head|strategic|executive)"
    r"|\brecommendations? to (?:the )?(?:cabinet|committee)\b"
    r"|\bagenda item\b|\bissue - (?:meetings|decisions)\b|\bdate of meeting\b|\breport to:"
    r"|\bmeeting: \d{1,2}/\d{1,2}/\d{2,4}\b|\bminutes: |\bminutes of (?:a|the) meeting of\b"
    r"|\bminutes of the (?:[\w&',-]+ ){1,8}?(?:held|meeting) (?:on|at)\b"
    r"|\bpresent: (?:councillors?|cllrs?)\b"
    r"|\badditional documents:"
    r"|\breasons? for (?:the )?decision:|\bdate of decision:|\bdecision maker:"
    r"|\b(?:decision record|record of (?:the )?decision)\b|(?-i:\bRESOLVED\b)|\bresolved:"
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


#: Words a title leaves in lower case.
_SMALL_WORDS = frozenset(("and", "of", "for", "the", "&", "-", "on", "in"))


def _committee_heading(view: View, head: str) -> re.Match[str] | None:
    """A committee's name heading a line of its own ("Children's Scrutiny Committee - 3 May
    2024"), not named in a sentence as news names it."""
    for m in _COMMITTEE_NAME.finditer(head):
        raw = view.raw_start(m.start())
        line = view.raw[view.raw.rfind("\n", 0, raw) + 1 : raw]
        words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
        if len(line) < 80 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return m
    return None


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
    m = _COMMITTEE.search(head) or _committee_heading(view, head)
    if m and not _REPORT_STRUCTURE.search(text, 0, 400):
        return "committee_report", m.span()
    title = _REPORT_TITLE.search(text, 0, 600)
    structure = _REPORT_STRUCTURE.search(text, 0, HEAD)
    if title and structure:
        return "inspection_report", title.span()
    if parties.notice_page(view):
        # The department's page publishing a notice it issued: not the council speaking,
        # though it names "the Council" and prints its date as a council's news page does.
        return "other", None
    office = voice.press_office(view, HEAD)
    if office:
        return "press_release", office
    spoken = voice.own_voice(view)
    if spoken and not voice.reported(view):
        # The council speaking of itself ("our services", "the Council", its own dateline)
        # with nothing of a third party reporting about it: quotes from the council's people
        # appear in news about it too, so they are no sign.
        return "press_release", spoken
    if m:
        return "committee_report", m.span()
    if salutation and _MINISTER.search(text):
        found = _MINISTER.search(text)
        return "ministerial_letter", found.span() if found else None
    if structure and _REPORT_TITLE.search(text):
        return "inspection_report", structure.span()
    return "other", None
