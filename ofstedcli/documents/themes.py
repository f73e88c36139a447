"""The theme of a focused visit, in the words of Ofsted's in-year statistics.

A focused visit letter says what inspectors looked at ("Inspectors looked at the local
authority's arrangements for the 'front door'", "... for care-experienced young people").
The ILACS framework names the areas a focused visit may look at; each theme below is one of
them, with the framework's own wording for it.  The theme is the one whose words come first
in that sentence (its main clause: "care leavers, including the preparation of children in
care" is about care leavers).  The COVID-19 visits of 2020-21 looked at every area at once:
Ofsted's statistics call them assurance visits.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: (theme as the statistics spell it, the framework's words for it).
THEMES: list[tuple[str, str]] = [
    (
        "Front door",
        r"front[- ]door|first point of contact|contacts? and referrals?|contact, referral"
        r"|(?:receiving|responding to|managing|considers) (?:contacts|referrals)"
        r"|multi-agency safeguarding hub|\bMASH\b",
    ),
    (
        "Vulnerable adolescents",
        r"vulnerable adolescents|extra[- ]familial (?:risk|harm)|adolescents at risk"
        r"|(?:criminal|sexual) exploitation",
    ),
    ("Achieving permanence", r"permanen(?:ce|cy)"),
    (
        "Care leavers",
        r"care leavers?|leaving care|care[- ]experienced|leave care|transition to adulthood",
    ),
    (
        "Children in care",
        r"children (?:in|who (?:come|are) (?:in|into)) care|looked[- ]after|into care"
        r"|placement decision",
    ),
    (
        "Children in need/subject to a plan",
        r"child(?:ren)?[- ]in[- ]need|child protection (?:plans?|planning)"
        r"|subject to (?:a |an )?(?:existing )?(?:child |protection )?plan"
        r"|(?:need|needing) (?:of )?help and protection|help and protection|pre-proceedings",
    ),
]
_THEME_RES = [(name, re.compile(words, _I)) for name, words in THEMES]

#: The sentence saying what a visit looked at ("Inspectors looked at ...", "This visit
#: evaluated ...").  Bounded: a cue, then at most 400 characters up to the full stop.
LOOKED_AT = re.compile(
    r"\b(?:(?:inspectors|the visit|this visit|the inspection)(?: [\w']+){0,2} "
    r"(?:looked at|evaluated|considered|reviewed|focused on|examined)"
    r"|the focus of (?:this|the) visit was(?: on)?)"
    r"(?P<what>[^.]{1,400})",
    _I,
)
#: The 2020-21 visits that looked at every area under the COVID-19 arrangements.
ASSURANCE = re.compile(
    r"\bassurance visit\b|context of the restrictions placed on society"
    r"|delivery model was adapted to reflect the COVID",
    _I,
)
#: Where the main clause of a "looked at" sentence ends.
_ASIDE = re.compile(
    r",? (?:with a (?:particular |specific )?focus|which included|in particular|specifically"
    r"|including|in accordance with)\b",
    _I,
)


ASSURANCE_VISIT = "Assurance visit"


def theme_in(what: str) -> tuple[str, int, int] | None:
    """The theme a "looked at" clause names first, with its span in ``what``; a clause that
    names three areas or more (help and protection, children in care and care leavers) is
    an assurance visit's, which looked at them all."""
    aside = _ASIDE.search(what)
    main = what[: aside.start()] if aside and aside.start() > 20 else what
    found: list[tuple[str, int, int]] = []
    for name, pattern in _THEME_RES:
        m = pattern.search(main)
        if m:
            found.append((name, m.start(), m.end()))
    if not found:
        return None
    if len(found) >= 3:
        return ASSURANCE_VISIT, min(f[1] for f in found), max(f[2] for f in found)
    return min(found, key=lambda f: f[1])
