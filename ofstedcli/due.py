"""When Ofsted is next expected, and for what, from the frameworks' own published rules.

Each authority's next event of each kind (ILACS short or standard inspection, focused visit,
monitoring visit, area SEND inspection) is a window (earliest, latest, most likely) computed
from the inspections published by the date asked about and one rule of :data:`RULES`.  Every
rule is read from Ofsted's framework texts and names its source; nothing here is fitted to
particular authorities or to what happened.  The COVID-19 pause is modelled as a stopped clock
over the dates Ofsted had announced by the date asked about (:data:`ANNOUNCED`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ofstedcli.errors import UsageError
from ofstedcli.model import (
    GOOD,
    INADEQUATE,
    OUTSTANDING,
    WHOLE_SERVICE_FRAMEWORKS,
    Authority,
    Inspection,
)
from ofstedcli.store import Store

ILACS_GUIDE = {
    "title": "Inspecting local authority children's services (ILACS framework, Ofsted)",
    "url": "https://www.gov.uk/government/publications/"
    "inspecting-local-authority-childrens-services-from-2018/"
    "inspecting-local-authority-childrens-services",
}
SEND_GUIDE = {
    "title": "Area SEND inspections: framework and handbook (Ofsted and CQC, 2023, updated 2025)",
    "url": "https://www.gov.uk/government/publications/area-send-framework-and-handbook/"
    "area-send-inspections-framework-and-handbook",
}
MONITORING_GUIDE = {
    "title": "Monitoring local authority children's services judged inadequate (Ofsted, 160035)",
    "url": "https://www.gov.uk/government/publications/"
    "monitoring-local-authority-childrens-services-judged-inadequate",
}
COVID_GUIDE = {
    "title": "Ofsted to visit local authorities and children's social care providers (press "
    "release, 2020) and social care plans from September 2020",
    "url": "https://www.gov.uk/government/news/"
    "ofsted-to-visit-local-authorities-and-childrens-social-care-providers",
}
CHANGES_2026 = {
    "title": "Ofsted confirms removal of headline judgement for inspections of local "
    "authorities' children's services (27 November 2025)",
    "url": "https://www.gov.uk/government/news/ofsted-confirms-removal-of-headline-judgement-"
    "for-inspections-of-local-authorities-childrens-services",
}


def _rule(
    event: str,
    type_: str | None,
    text: str,
    guide: dict[str, str],
    section: str,
    checked: tuple[str, ...],
) -> dict[str, Any]:
    return {
        "event": event,
        "type": type_,
        "text": text,
        "source": {**guide, "section": section, "checked_in": list(checked)},
    }


#: Stored public pages where the wording of a rule was read (the guidance pages themselves
#: were stored only from their beginning): each rule lists those it was checked in.
NOTTS = "https://www.nottinghamshire.gov.uk/global-content/one-minute-guides/ofsted-inspections"
KIRKLEES = (
    "https://www.kirkleessafeguardingchildren.co.uk/procedures-local-protocols-and-guidance/"
    "ilacs-inspection-guidance-for-professionals/"
)
LGA_FIRST = "https://www.lgafirst.co.uk/comment/inspecting-childrens-services/"
CYP_2018 = (
    "https://www.cypnow.co.uk/news/article/ofsted-relaxes-inspections-for-struggling-"
    "inadequate-councils"
)
SESLIP_FV = "https://www.seslip.co.uk/ofsted-visit-analysis-page-11/"
MONITORING_BLOG = (
    "https://edyourself.wordpress.com/2016/11/01/"
    "intervention-level-in-authorities-rated-inadequate-by-ofsted/comment-page-1/"
)
CC_2016 = "https://www.communitycare.co.uk/2016/05/31/ofsted-publish-reports-inadequate-councils/"
SGPC = "https://sgpc.org.uk/news-feed/inspection-possible-outcomes"
SNJ = "https://www.specialneedsjungle.com/guide-ofsted-cqcs-new-local-area-send-inspections-2023/"
WIRED_2025 = (
    "https://www.wired-gov.net/wg/news.nsf/articles/ofsted+confirms+removal+of+headline+"
    "judgement+for+inspections+of+local+authorities+childrens+services+27112025162500?open"
)
LGL_2025 = (
    "https://www.localgovernmentlawyer.co.uk/child-protection/392-children-protection-news/"
    "99155-ofsted-confirms-removal-of-headline-judgement-for-inspections-of-local-"
    "authorities-children-s-services-from-april-2026"
)
CYP_2021 = (
    "https://www.cypnow.co.uk/features/article/inspections-clinic-return-of-ofsted-visits-q-a"
)
ADCS = "https://adcs.org.uk/inspection/article/ilacs-overview"
WILLIS_2020 = (
    "https://www.willispalmer.com/ofsted-will-prioritise-inadequate-authorities-when-"
    "inspection-re-starts/"
)
PRESS_2020 = "https://www.parliamenttoday.com/free/viewnews.html?id=119664"


#: Every rule the windows come from, each with the framework text it is read from.  The
#: sections are named as the guidance names them; where the stored copy showed only the
#: heading, the heading is given rather than a paragraph number that could not be checked.
RULES: dict[str, dict[str, Any]] = {
    "ilacs-short": _rule(
        "ILACS inspection",
        "short inspection",
        "Judged good or outstanding: a short inspection, usually between six months before "
        "and six months after the three-year anniversary of the previous inspection (its "
        "report, from which the judgement stands).",
        ILACS_GUIDE,
        "The ILACS system: short inspections; timing of inspections",
        (NOTTS, KIRKLEES, LGA_FIRST),
    ),
    "ilacs-standard": _rule(
        "ILACS inspection",
        "standard inspection",
        "Judged requires improvement to be good: a standard inspection, usually between six "
        "months before and six months after the three-year anniversary of the previous "
        "inspection (its report, from which the judgement stands).",
        ILACS_GUIDE,
        "The ILACS system: standard inspections; timing of inspections",
        (NOTTS, KIRKLEES, LGA_FIRST),
    ),
    "ilacs-reinspection": _rule(
        "ILACS inspection",
        "standard inspection",
        "Judged inadequate: monitoring visits, then a re-inspection (a standard inspection) "
        "about two and a half years after the inspection that found services inadequate, "
        "its timing informed by the monitoring visits.",
        ILACS_GUIDE,
        "Local authorities judged inadequate: monitoring and re-inspection (re-inspection "
        "by a standard inspection from the September 2018 update)",
        (CYP_2018, LGA_FIRST),
    ),
    "ilacs-2026": _rule(
        "ILACS inspection",
        None,
        "From April 2026 there is no overall effectiveness grade: the next step follows the "
        "leadership and practice judgements (any inadequate: monitoring and re-inspection; "
        "all good or outstanding: short inspection; otherwise standard inspection), on the "
        "same three-year timing. A renewed children and families services framework is "
        "planned for 2027, so a window reaching past then may fall under it.",
        CHANGES_2026,
        "Removal of the overall effectiveness judgement from April 2026; a renewed children "
        "and families services framework planned for 2027 (the mapping of judgements "
        "to the next step is this tool's reading: the stored copies do not show the revised "
        "framework's wording)",
        (WIRED_2025, LGL_2025),
    ),
    "ilacs-from-sif": _rule(
        "ILACS inspection",
        None,
        "ILACS began in January 2018: an authority last inspected under the single "
        "inspection framework (SIF) has its first ILACS inspection by its SIF grade (short "
        "if good or outstanding, standard if requires improvement), on the three-year timing "
        "from the SIF inspection, not before January 2018 and, where that timing had passed, "
        "within the framework's first three-year cycle (by the end of 2020, the clock "
        "stopped through the COVID-19 pause once announced): a window wider than a year, "
        "because the framework names no order for the roll-out (Ofsted's 2020 notes still "
        "list authorities without an ILACS inspection). Within it the usual window is the "
        "usual timing, or ILACS's first year where that timing had passed.",
        ILACS_GUIDE,
        "Introduction (framework first published November 2017, in force January 2018); "
        "the first cycle is this tool's reading of the three-year timing",
        (ADCS, WILLIS_2020),
    ),
    "focused-visit": _rule(
        "focused visit",
        "focused visit",
        "Authorities judged good, outstanding or requires improvement may have a focused "
        "visit between inspections; inadequate authorities have monitoring visits instead.",
        ILACS_GUIDE,
        "Focused visits (paragraphs 106 to 117 of the version SESLIP cites)",
        (SESLIP_FV, LGA_FIRST),
    ),
    "monitoring-first": _rule(
        "monitoring visit",
        "monitoring visit",
        "Judged inadequate: the first monitoring visit comes within four weeks of the "
        "deadline for the action plan (70 days after the report).",
        MONITORING_GUIDE,
        "Monitoring visits",
        (MONITORING_BLOG, CC_2016),
    ),
    "monitoring-next": _rule(
        "monitoring visit",
        "monitoring visit",
        "Judged inadequate: monitoring visits are quarterly (about three months apart, not "
        "always equally spaced) until re-inspection; the window is the next visit of that "
        "cadence after the last one known.",
        MONITORING_GUIDE,
        "Monitoring visits",
        (MONITORING_BLOG, CC_2016),
    ),
    "send-cycle": _rule(
        "SEND inspection",
        "full inspection",
        "Every local area has a full area SEND inspection at least once in each five-year "
        "period of the framework, which came into force in January 2023.",
        SEND_GUIDE,
        "The area SEND inspection framework: frequency and timing",
        (SGPC, SNJ),
    ),
    "send-outcome-1": _rule(
        "SEND inspection",
        "full inspection",
        "Outcome 1 (typically positive experiences and outcomes): next full inspection within "
        "approximately five years (as the report states; counted from the report).",
        SEND_GUIDE,
        "Inspection outcomes and subsequent activity: frequency and timing",
        (SGPC,),
    ),
    "send-outcome-2": _rule(
        "SEND inspection",
        "full inspection",
        "Outcome 2 (inconsistent experiences and outcomes): next full inspection within "
        "approximately three years (as the report states; counted from the report).",
        SEND_GUIDE,
        "Inspection outcomes and subsequent activity: frequency and timing",
        (SGPC,),
    ),
    "send-outcome-3": _rule(
        "SEND inspection",
        "monitoring inspection",
        "Outcome 3 (widespread and/or systemic failings): a monitoring inspection usually 18 "
        "months after the final report, then a full inspection within approximately three "
        "years.",
        SEND_GUIDE,
        "Inspection outcomes and subsequent activity: frequency and timing",
        (SGPC,),
    ),
    "send-outcome-3-full": _rule(
        "SEND inspection",
        "full inspection",
        "After an outcome 3 inspection and its monitoring inspection: the full inspection "
        "within approximately three years of the outcome 3 report.",
        SEND_GUIDE,
        "Inspection outcomes and subsequent activity: frequency and timing",
        (SGPC,),
    ),
}

#: How each kind of interval wording is read as a window, the same everywhere: "usually at
#: T" as T with the half-year either side the ILACS framework states for its own "usually";
#: "within approximately T" as the year up to T, most likely the last quarter before it.
USUALLY = (-6, 0, 6)
WITHIN = (-12, -3, 0)

GRADED = ("ILACS inspection",)
VISITS = ("focused visit", "monitoring visit")
PAUSE_FROM = "2020-03-17"
SUSPENDED = {
    "title": "Ofsted: coronavirus (COVID-19) rolling update (Ofsted, from March 2020)",
    "url": "https://www.gov.uk/guidance/ofsted-coronavirus-covid-19-rolling-update",
    "section": "On 17 March 2020 all routine inspections were suspended (no date given for "
    "their return)",
    "checked_in": [
        "http://www.govwire.co.uk/news/ofsted/detailed-guide-ofsted-coronavirus-covid-19-"
        "rolling-update-77113"
    ],
}
INTERIM = {
    **COVID_GUIDE,
    "section": "Visits to local authorities from September 2020; full inspections of local "
    "authorities will not resume until January 2021 at the earliest",
    "checked_in": [
        PRESS_2020,
        "https://governmentbusiness.co.uk/news/17082020/ofsted-begin-local-authority-visits-"
        "september",
        "https://www.cypnow.co.uk/news/article/inadequate-children-s-services-targeted-as-"
        "ofsted-outlines-plans-to-restart-inspection-visits",
    ],
}
PHASED_2020 = {
    "title": "Ofsted: phased return to inspections (press release, 3 December 2020)",
    "url": "https://www.gov.uk/government/news/ofsted-phased-return-to-inspections",
    "section": "No graded inspections for education or social care planned before the summer "
    "term (2021); routine social care inspections returned on 12 April 2021",
    "checked_in": [
        "https://www.wired-gov.net/wg/news.nsf/print/Ofsted+phased+return+to+inspections+"
        "04122020101500",
        "https://cdn-6.fenews.co.uk/press-releases/217-resources/75179-ofsteds-plans-2021",
    ],
}
PHASED_2021 = {
    "title": "Return of Ofsted visits: Ofsted's national director for social care on the phased "
    "return (CYP Now, 27 April 2021)",
    "url": CYP_2021,
    "section": "Monitoring visits to all inadequate authorities by the end of May; then focused "
    "visits, fieldwork from June 2021 at the earliest; graded inspections after them",
    "checked_in": [CYP_2021],
}

#: What Ofsted had announced about the COVID-19 pause, in order: (announced, events, the
#: earliest date activity would resume or None when no date had been given, what, source).
#: A forecast uses only what was announced by its as-at date: one made before 17 March 2020
#: knows no pause; while no date had been given the clock stands still up to the as-at date
#: (the pause was still running then); once a date was given it is the resumption.
ANNOUNCED: tuple[tuple[str, tuple[str, ...], str | None, str, dict[str, Any]], ...] = (
    (
        PAUSE_FROM,
        GRADED + VISITS,
        None,
        "COVID-19: routine inspections and visits suspended from 17 March 2020, no date "
        "given for their return",
        SUSPENDED,
    ),
    (
        "2020-08-17",
        VISITS,
        "2020-09-01",
        "COVID-19: visits paused from 17 March 2020; visits to local authorities from "
        "September 2020",
        INTERIM,
    ),
    (
        "2020-08-17",
        GRADED,
        "2021-01-01",
        "COVID-19: graded inspections paused from 17 March 2020; full inspections of local "
        "authorities not before January 2021",
        INTERIM,
    ),
    (
        "2020-12-03",
        GRADED,
        "2021-04-12",
        "COVID-19: graded inspections paused from 17 March 2020; none planned before the "
        "summer term 2021",
        PHASED_2020,
    ),
    (
        "2021-04-27",
        GRADED,
        "2021-06-01",
        "COVID-19: graded inspections paused from 17 March 2020; in the phased return "
        "monitoring visits first, then focused visits from June 2021 at the earliest, "
        "graded inspections after them",
        PHASED_2021,
    ),
)


def pause_for(event: str, as_at: dt.date) -> dict[str, Any] | None:
    """The COVID-19 pause for ``event`` as announced by ``as_at`` (None if not yet begun)."""
    said = [a for a in ANNOUNCED if a[0] <= as_at.isoformat() and event in a[1]]
    if not said:
        return None
    announced, _, resumed, what, source = said[-1]
    return {
        "from": PAUSE_FROM,
        "resumed": resumed or as_at.isoformat(),
        "announced": announced,
        "what": what,
        "source": source,
    }


ILACS_START = "2018-01-01"
CHANGES_2026_START = "2026-04-01"
SEND_2023_START = "2023-01-01"
EVENTS = ("ILACS inspection", "focused visit", "monitoring visit", "SEND inspection")
PRACTICE = ("help_and_protection", "in_care", "care_leavers")
SEND_FULL = ("full inspection", "inspection")

#: The columns of the CSV, fixed whatever the rows hold.
CSV_COLUMNS = (
    "authority",
    "ons_code",
    "dfe_code",
    "event",
    "type",
    "earliest",
    "latest",
    "likely",
    "usual_from",
    "usual_to",
    "overdue",
    "rule",
    "source",
    "last",
    "months_since_last",
)


def add_months(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(date.day, last))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and months > 0:
        months -= 1
    return months


def clock(base: dt.date, months: int, event: str, as_at: dt.date) -> dt.date:
    """``months`` after ``base``, the clock stopped through the pause known at ``as_at``."""
    target = add_months(base, months)
    pause = pause_for(event, as_at)
    if pause is not None:
        start = dt.date.fromisoformat(pause["from"])
        end = dt.date.fromisoformat(pause["resumed"])
        if target > start and base < end:
            target += end - max(base, start)
    return target


def parse_span(text: str) -> int:
    """Months in a span like ``6m``, ``18 months``, ``1y`` or ``2 years``; UsageError else."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*(m|mo|months?|y|yr|years?)\s*", text.lower())
    if not match:
        raise UsageError(f"--within {text!r} is not a span: use e.g. 6m, 18m or 1y")
    number = int(match.group(1))
    return number * 12 if match.group(2).startswith("y") else number


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


def known(insp: Inspection, as_at: str) -> bool:
    """Whether an inspection was public by ``as_at``: its report (or visit) dated by then."""
    when = insp.published or insp.end_date or insp.start_date
    return bool(when) and str(when)[:10] <= as_at


def _when(insp: Inspection) -> dt.date | None:
    """The date an interval runs from: the inspection's start, else its publication."""
    return _day(insp.start_date) or _day(insp.published)


def _report(insp: Inspection) -> dt.date | None:
    """The date of the report: publication, else the inspection's end or start."""
    return _day(insp.published) or _day(insp.end_date) or _day(insp.start_date)


def standing(insp: Inspection) -> str | None:
    """'good' (short next), 'ri' (standard next) or 'inadequate', from grade or judgements."""
    if insp.overall is not None:
        if insp.overall in (GOOD, OUTSTANDING):
            return "good"
        return "inadequate" if insp.overall == INADEQUATE else "ri"
    grades = [insp.judgements.get(a) for a in ("leadership", *PRACTICE)]
    present = [g for g in grades if g]
    if not present:
        return None
    if INADEQUATE in present:
        return "inadequate"
    return "good" if all(g in (GOOD, OUTSTANDING) for g in grades) else "ri"


Window = tuple[dt.date, dt.date, dt.date]


def _window(
    base: dt.date,
    months: int,
    shape: tuple[int, int, int],
    event: str,
    as_at: dt.date,
    *,
    first_cycle: bool = False,
) -> tuple[Window, tuple[dt.date, dt.date]]:
    """The window (earliest, likely, latest) and within it the usual one (from, to)."""
    earliest, likely, latest = _shape(clock(base, months, event, as_at), shape)
    usual = (earliest, latest)
    opening = add_months(base, months + shape[0])
    if opening < earliest and clock(base, months + shape[0], event, as_at) == opening:
        # A window opening before a pause keeps its opening; only its close is put back
        # by the pause, so it is wider than usual (and says so), not moved whole.  The
        # usual window stays the usual timing counted on the stopped clock.
        earliest = opening
    if first_cycle:
        # The roll-out: not before ILACS began, and by the end of its first three years.
        # The usual window is the usual timing where ILACS had begun by then, else the
        # first year of ILACS (as near that timing as the framework allowed).
        start = dt.date.fromisoformat(ILACS_START)
        end = clock(start, months, event, as_at)
        earliest, latest = max(earliest, start), max(latest, end)
        likely = min(max(likely, earliest), latest)
        if usual[0] < start:
            usual = (start, max(usual[1], add_months(start, shape[2] - shape[0])))
    return (earliest, likely, latest), usual


def _shape(centre: dt.date, shape: tuple[int, int, int]) -> tuple[dt.date, dt.date, dt.date]:
    """(earliest, likely, latest) as month offsets from ``centre``."""
    return add_months(centre, shape[0]), add_months(centre, shape[1]), add_months(centre, shape[2])


def _event(
    rule_id: str,
    window: Window | None,
    as_at: dt.date,
    last: Inspection | None,
    *,
    type_: str | None = None,
    basis: Inspection | None = None,
    usual: tuple[dt.date, dt.date] | None = None,
) -> dict[str, Any]:
    rule = RULES[rule_id]
    earliest, likely, latest = window if window else (None, None, None)
    usual_from, usual_to = usual or (earliest, latest)
    last_day = _when(last) if last else None
    pause = pause_for(rule["event"], as_at)
    counted = (
        pause is not None
        and basis is not None
        and latest is not None
        and (_when(basis) or as_at).isoformat() < pause["resumed"]
        and latest.isoformat() > pause["from"]
    )
    return {
        "event": rule["event"],
        "type": type_ or rule["type"],
        "earliest": earliest.isoformat() if earliest else None,
        "latest": latest.isoformat() if latest else None,
        "likely": likely.isoformat() if likely else None,
        "usual_from": usual_from.isoformat() if usual_from else None,
        "usual_to": usual_to.isoformat() if usual_to else None,
        "overdue": bool(latest and latest < as_at),
        "overdue_months": months_between(latest, as_at) if latest and latest < as_at else None,
        "rule": rule_id,
        "rule_text": rule["text"],
        "source": rule["source"],
        "pause": pause if counted else None,
        "basis": basis.id if basis else None,
        "last": {"id": last.id, "date": last_day.isoformat() if last_day else None}
        if last
        else None,
        "months_since_last": months_between(last_day, as_at) if last_day else None,
    }


def _ilacs(
    history: Sequence[Inspection], as_at: dt.date
) -> tuple[list[dict[str, Any]], str | None]:
    """The next ILACS inspection, focused visit and monitoring visit, and the standing."""
    full = [i for i in history if i.framework in WHOLE_SERVICE_FRAMEWORKS and not i.is_visit]
    basis = next((i for i in reversed(full) if standing(i) is not None), None)
    if basis is None:
        return [], None
    state = standing(basis)
    base = _when(basis)
    report = _report(basis)
    if base is None or report is None:
        return [], state
    event = "ILACS inspection"
    events: list[dict[str, Any]] = []
    from_sif = basis.framework != "ILACS"
    new_rules = basis.overall is None and base.isoformat() >= CHANGES_2026_START
    last_full = full[-1] if full else None
    visits_after = [i for i in history if i.is_visit and (_when(i) or base) >= base]
    if state == "inadequate":
        window, usual = _window(report, 30, USUALLY, event, as_at)
        rule_id = "ilacs-2026" if new_rules else "ilacs-reinspection"
        events.append(
            _event(
                rule_id,
                window,
                as_at,
                last_full,
                type_="standard inspection",
                basis=basis,
                usual=usual,
            )
        )
        monitoring = [i for i in visits_after if i.type == "monitoring visit"]
        last_mv = monitoring[-1] if monitoring else None
        start = clock(report + dt.timedelta(days=70), 0, "monitoring visit", as_at)
        mv = (start, start + dt.timedelta(days=14), start + dt.timedelta(days=28))
        rule_id = "monitoring-first"
        if last_mv is not None:
            mv, _ = _window(_when(last_mv) or report, 3, (-1, 0, 1), "monitoring visit", as_at)
            rule_id = "monitoring-next"
        while mv[2] < as_at:  # quarterly: the next visit of the cadence still to come
            mv = _shape(add_months(mv[1], 3), (-1, 0, 1))
            rule_id = "monitoring-next"
        events.append(_event(rule_id, mv, as_at, last_mv, basis=basis))
        return events, state
    kind = "short inspection" if state == "good" else "standard inspection"
    rule_id = (
        "ilacs-2026"
        if new_rules
        else "ilacs-from-sif"
        if from_sif
        else "ilacs-short"
        if state == "good"
        else "ilacs-standard"
    )
    window, usual = _window(report, 36, USUALLY, event, as_at, first_cycle=from_sif)
    events.append(_event(rule_id, window, as_at, last_full, type_=kind, basis=basis, usual=usual))
    focused = [i for i in visits_after if i.type == "focused visit"]
    since = max([report, *(_when(i) or report for i in focused)])
    until = window[0]
    if since < until and as_at <= until:  # the window closes when the inspection is due
        middle = since + (until - since) / 2
        events.append(
            _event(
                "focused-visit",
                (since, middle, until),
                as_at,
                focused[-1] if focused else _last(history, "focused visit"),
                basis=basis,
            )
        )
    return events, state


def _last(history: Sequence[Inspection], type_: str) -> Inspection | None:
    found = [i for i in history if i.type == type_]
    return found[-1] if found else None


def _send(history: Sequence[Inspection], as_at: dt.date) -> list[dict[str, Any]]:
    """The next area SEND inspection, from the 2023 framework's outcomes and intervals."""
    send = [i for i in history if i.framework == "SEND"]
    full_2023 = [
        i
        for i in send
        if i.type == "full inspection" and (_when(i) or as_at).isoformat() >= SEND_2023_START
    ]
    last_any = next((i for i in reversed(send) if i.type in SEND_FULL), None)
    if not full_2023:
        if as_at.isoformat() < SEND_2023_START:
            return []
        start = dt.date.fromisoformat(SEND_2023_START)
        latest = add_months(start, 60) - dt.timedelta(days=1)
        window = (start, add_months(start, 30), latest)
        return [_event("send-cycle", window, as_at, last_any)]
    last = full_2023[-1]
    report = _report(last)
    if report is None:
        return []
    level = last.outcome_level
    # A report states an interval only ("within approximately 3 years"), never a date: the
    # dates in the source table are its compiler's arithmetic from the first day on site,
    # so the interval is counted here from the report, as the monitoring inspection is.
    interval = _interval(last.next_interval)
    later = [i for i in send if i.type == "monitoring inspection" and _after(i, last)]
    if level == 3 and not later:
        monitoring = add_months(report, 18)
        return [_event("send-outcome-3", _shape(monitoring, USUALLY), as_at, last, basis=last)]
    if level == 3:
        rule_id, due = "send-outcome-3-full", add_months(report, 36)
    else:
        rule_id = "send-outcome-1" if level == 1 else "send-outcome-2"
        months = 60 if level == 1 else 36
        due = add_months(report, interval or months)
    return [_event(rule_id, _shape(due, WITHIN), as_at, last, basis=last)]


def _after(a: Inspection, b: Inspection) -> bool:
    da, db = _when(a), _when(b)
    return bool(da and db and da > db)


def _interval(text: str | None) -> int | None:
    """Months in a stated interval ('3 years', '18 months', 'five years')."""
    if not text:
        return None
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "eighteen": 18}
    match = re.search(r"(\d+|one|two|three|four|five|eighteen)\s*(year|month)", text.lower())
    if not match:
        return None
    raw = match.group(1)
    number = int(raw) if raw.isdigit() else words[raw]
    return number * 12 if match.group(2) == "year" else number


def due_for(authority: Authority, history: Sequence[Inspection], as_at: str) -> dict[str, Any]:
    """One authority's next expected events as at an ISO date, from what was public then."""
    day = dt.date.fromisoformat(as_at)
    public = sorted(
        (i for i in history if known(i, as_at)),
        key=lambda i: ((_when(i) or day).isoformat(), i.published or ""),
    )
    ilacs, state = _ilacs(public, day)
    events = ilacs + _send(public, day)
    order = {e: n for n, e in enumerate(EVENTS)}
    events.sort(key=lambda e: order[e["event"]])
    return {
        "authority": authority.ref(),
        "as_at": as_at,
        "standing": state,
        "next": events,
    }


def due(
    store: Store,
    authorities: Sequence[Authority] | None = None,
    *,
    as_at: str | None = None,
    within: int | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The ``due`` list: one object per authority (all current ones by default)."""
    date = as_at or (today or dt.date.today()).isoformat()
    if date < ILACS_START:
        raise UsageError(
            f"--as-at {date} is before January 2018: due follows the ILACS (2018) and area "
            "SEND (2023) frameworks"
        )
    chosen = list(authorities) if authorities is not None else store.authorities(status="current")
    sole = sole_predecessors(store)
    everything = store.inspections(authorities=_codes(chosen, sole))
    by_code: dict[str, list[Inspection]] = {}
    for insp in everything:
        by_code.setdefault(insp.authority, []).append(insp)
    found = []
    for authority in chosen:
        history = list(by_code.get(authority.ons_code, []))
        if authority.ons_code in sole:
            history = by_code.get(sole[authority.ons_code], []) + history
        item = due_for(authority, history, date)
        if within is not None:
            horizon = add_months(dt.date.fromisoformat(date), within).isoformat()
            item["next"] = [e for e in item["next"] if e["earliest"] and e["earliest"] <= horizon]
            if not item["next"]:
                continue
        found.append(item)
    return found


def sole_predecessors(store: Store) -> dict[str, str]:
    """Successor -> predecessor, for authorities formed from exactly one other."""
    pairs: dict[str, list[str]] = {}
    for row in store.rows("SELECT predecessor, successor FROM successions"):
        pairs.setdefault(row["successor"], []).append(row["predecessor"])
    return {new: old[0] for new, old in pairs.items() if len(old) == 1}


def _codes(authorities: Sequence[Authority], sole: dict[str, str]) -> list[str]:
    codes = [a.ons_code for a in authorities]
    return codes + [sole[c] for c in codes if c in sole]


def next_inspection(
    store: Store, authority: Authority, own: Sequence[Inspection], as_at: str
) -> dict[str, Any] | None:
    """The next ILACS inspection event for ``show`` (None when there is no basis)."""
    history = list(own)
    if len(authority.predecessors) == 1:
        history = store.inspections(authorities=[authority.predecessors[0]["ons_code"]]) + history
    item = due_for(authority, history, as_at)
    return next((e for e in item["next"] if e["event"] == "ILACS inspection"), None)


def csv_rows(data: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per authority and event, in the fixed :data:`CSV_COLUMNS`."""
    rows = []
    for item in data:
        ref = item["authority"]
        for e in item["next"]:
            rows.append(
                {
                    "authority": ref["name"],
                    "ons_code": ref["ons_code"],
                    "dfe_code": ref["dfe_code"],
                    "event": e["event"],
                    "type": e["type"],
                    "earliest": e["earliest"],
                    "latest": e["latest"],
                    "likely": e["likely"],
                    "usual_from": e["usual_from"],
                    "usual_to": e["usual_to"],
                    "overdue": e["overdue"],
                    "rule": e["rule"],
                    "source": e["source"]["url"],
                    "last": e["last"]["date"] if e["last"] else None,
                    "months_since_last": e["months_since_last"],
                }
            )
    return rows
