"""One authority's inspection history, and several side by side, as plain JSON-ready data.

This is the core behind ``ofsted show``, ``compare``, ``list`` and ``inspections``: it reads
through the store and returns dictionaries in the documented JSON contract; the renderer
draws tables from exactly the same data.  The "path" is the sequence of overall grades from
whole-service inspections (SIF and ILACS), each placed at its publication year, which is how
councils and the press tell the story ("Inadequate (2015) -> Good (2021)").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ofstedcli import names
from ofstedcli.errors import NotFound, UsageError
from ofstedcli.model import (
    INADEQUATE,
    SEND_JUDGING,
    SHORT_GRADE,
    WHOLE_SERVICE_FRAMEWORKS,
    Authority,
    Inspection,
    grade_rank,
)
from ofstedcli.store import Store


def graded(inspections: Sequence[Inspection]) -> list[Inspection]:
    """Whole-service inspections that gave an overall grade, oldest first."""
    return [
        i for i in inspections if i.framework in WHOLE_SERVICE_FRAMEWORKS and i.overall is not None
    ]


def latest_inspection(inspections: Sequence[Inspection]) -> Inspection | None:
    """The newest whole-service inspection (graded or, from April 2026, without overall)."""
    full = [i for i in inspections if i.framework in WHOLE_SERVICE_FRAMEWORKS and not i.is_visit]
    return full[-1] if full else None


def change(previous: str | None, current: str | None) -> str | None:
    """'up', 'down' or 'same' from one overall grade to the next; None if either is missing."""
    a, b = grade_rank(previous), grade_rank(current)
    if a is None or b is None:
        return None
    return "up" if b < a else "down" if b > a else "same"


def path(
    inspections: Sequence[Inspection], owners: dict[str, dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The overall grades of whole-service inspections, with the year and the change.

    ``owners`` maps the ids of a predecessor's inspections to that authority's reference,
    which the step then carries as ``authority``.
    """
    steps: list[dict[str, Any]] = []
    previous: str | None = None
    for insp in graded(inspections):
        date = insp.published or insp.start_date
        step: dict[str, Any] = {
            "inspection": insp.id,
            "year": date[:4] if date else None,
            "overall": insp.overall,
            "change": change(previous, insp.overall),
            "provisional": insp.provisional,
        }
        if owners and insp.id in owners:
            step["authority"] = owners[insp.id]
        steps.append(step)
        previous = insp.overall
    return steps


def path_line(steps: Sequence[dict[str, Any]]) -> str:
    """The path as one line: "Inadequate (2015) -> Requires improvement (2017) -> Good (2021)"."""
    return " -> ".join(f"{SHORT_GRADE[s['overall']]} ({s['year']})" for s in steps)


#: Which date --since and --until read: the publication date (what the tables show first and
#: the path is placed by) or the start of the inspection.
DATE_BASES = ("published", "inspected")


def dated(insp: Inspection, by: str = "published") -> str | None:
    """The inspection's date on the chosen basis, falling back to the other one."""
    if by == "inspected":
        return insp.start_date or insp.published
    return insp.published or insp.start_date


def in_window(
    insp: Inspection, since: str | None, until: str | None, by: str = "published"
) -> bool:
    """Whether the inspection's date (on the basis ``by``) is in the inclusive window."""
    when = dated(insp, by)
    if when is None:
        return since is None and until is None
    return (since is None or when >= since) and (until is None or when[: len(until)] <= until)


def summary(inspections: Sequence[Inspection], today: dt.date | None = None) -> dict[str, Any]:
    """Current grade and date, counts, best and worst, years since the last Inadequate."""
    steps = graded(inspections)
    latest = latest_inspection(inspections)
    ranks = [(grade_rank(i.overall) or 9, i.overall) for i in steps]
    last_inadequate = [i for i in steps if i.overall == INADEQUATE]
    since: float | None = None
    if last_inadequate:
        when = last_inadequate[-1].published or last_inadequate[-1].start_date
        if when:
            days = ((today or dt.date.today()) - dt.date.fromisoformat(when[:10])).days
            since = round(days / 365.25, 1)
    return {
        "current": _current(latest),
        "inspections": sum(1 for i in inspections if not i.is_visit),
        "visits": sum(1 for i in inspections if i.is_visit),
        "graded": len(steps),
        "best": min(ranks)[1] if ranks else None,
        "worst": max(ranks)[1] if ranks else None,
        "last_inadequate": (
            (last_inadequate[-1].published or last_inadequate[-1].start_date)
            if last_inadequate
            else None
        ),
        "years_since_inadequate": since,
    }


def _current(latest: Inspection | None) -> dict[str, Any] | None:
    if latest is None:
        return None
    return {
        "inspection": latest.id,
        "overall": latest.overall,
        "overall_reported": latest.overall is not None,
        "framework": latest.framework,
        "type": latest.type,
        "start_date": latest.start_date,
        "published": latest.published,
        "provisional": latest.provisional,
    }


def authority_history(
    store: Store,
    authority: Authority,
    *,
    since: str | None = None,
    until: str | None = None,
    framework: Sequence[str] | None = None,
    visits: bool = True,
    by: str = "published",
    today: dt.date | None = None,
    window: bool = False,
) -> dict[str, Any]:
    """The ``show`` object: authority, inspections oldest first, documents, path, summary.

    The current judgement, path and summary are always of the whole history; ``since``,
    ``until`` (on the date basis ``by``), ``framework`` and ``visits`` filter the inspections
    listed, and the window filters the documents by their date.
    """
    everything, send = split_send(store.inspections(authorities=[authority.ons_code]))
    chosen = _chooser(since, until, framework, visits, by)
    listed = [i for i in everything if chosen(i)]
    steps = path(everything)
    predecessor, earlier = predecessor_history(store, authority)
    earlier_listed = [i for i in earlier if chosen(i)]
    documents = [
        d
        for d in store.documents(authorities=[authority.ons_code])
        if (since is None and until is None)
        or (
            d.date is not None
            and (since is None or d.date >= since)
            and (until is None or d.date[: len(until)] <= until)
        )
    ]
    result = {
        "authority": authority.to_json(),
        "current": _current(latest_inspection(everything)),
        "path": steps,
        "path_line": path_line(steps),
        "summary": summary(everything, today),
        "inspections": [_with_change(i, everything) for i in listed],
        "predecessor_inspections": [_with_change(i, earlier, predecessor) for i in earlier_listed],
        "documents": [{**d.to_json(), "authority": authority.ref()} for d in documents],
        "send": [i.to_json() for i in send if chosen(i)],
        "current_send": _json(current_send(send)),
        "next": _next(store, authority, everything, today),
    }
    if window:
        result["window"] = _window(
            listed, earlier_listed, predecessor, today, since=since, until=until, by=by
        )
    return result


def _window(
    own: Sequence[Inspection],
    earlier: Sequence[Inspection],
    predecessor: dict[str, Any] | None,
    today: dt.date | None,
    **asked: Any,
) -> dict[str, Any]:
    """Path and summary of the inspections listed, a sole predecessor's counted and marked."""
    owners = {i.id: predecessor for i in earlier} if predecessor else {}
    both = sorted([*earlier, *own], key=lambda i: (i.date or "", i.published or "", i.id))
    total = summary(both, today)
    steps = graded(both)
    marked = [
        key
        for key in ("best", "worst")
        if total[key] is not None
        and not any(i.overall == total[key] for i in steps if i.id not in owners)
    ]
    last_bad = [i for i in steps if i.overall == INADEQUATE]
    if last_bad and last_bad[-1].id in owners:
        marked.append("last_inadequate")
    if total["current"] and total["current"]["inspection"] in owners:
        marked.append("current")
    return {
        **asked,
        "path": path(both, owners),
        "summary": total,
        "predecessor": predecessor if earlier else None,
        "predecessor_fields": marked,
    }


def compare(store: Store, authorities: Sequence[Authority], **filters: Any) -> dict[str, Any]:
    """Several authorities' ``show`` objects, each with the window's path and summary."""
    seen: set[str] = set()
    for auth in authorities:
        if auth.ons_code in seen:
            raise UsageError(f"{auth.name} is named twice; compare needs different authorities")
        seen.add(auth.ons_code)
    return {
        "authorities": [authority_history(store, a, window=True, **filters) for a in authorities]
    }


def _next(
    store: Store, authority: Authority, everything: list[Inspection], today: dt.date | None
) -> dict[str, Any] | None:
    """The next ILACS inspection expected (``ofsted due``), for the show line."""
    from ofstedcli.due import next_inspection

    return next_inspection(store, authority, everything, (today or dt.date.today()).isoformat())


def latest_send(store: Store, codes: Sequence[str] | None = None) -> dict[str, Inspection]:
    """Each authority's current area SEND outcome: its latest judging inspection, by code."""
    found = store.inspections(authorities=codes, framework=["SEND"], type=SEND_JUDGING)
    return {i.authority: i for i in found}


def current_send(send: Sequence[Inspection]) -> Inspection | None:
    """The latest judging area SEND inspection among an authority's SEND events."""
    judging = [i for i in send if i.type in SEND_JUDGING]
    return judging[-1] if judging else None


def _json(insp: Inspection | None) -> dict[str, Any] | None:
    return insp.to_json() if insp else None


def split_send(found: Sequence[Inspection]) -> tuple[list[Inspection], list[Inspection]]:
    """Children's services events and area SEND events apart, each oldest first."""
    return [i for i in found if not i.is_send], [i for i in found if i.is_send]


def _chooser(
    since: str | None,
    until: str | None,
    framework: Sequence[str] | None,
    visits: bool,
    by: str,
) -> Any:
    wanted = {f.lower() for f in framework} if framework else None

    def chosen(i: Inspection) -> bool:
        return (
            (visits or not i.is_visit)
            and (wanted is None or i.framework.lower() in wanted)
            and in_window(i, since, until, by)
        )

    return chosen


def predecessor_history(
    store: Store, authority: Authority
) -> tuple[dict[str, Any] | None, list[Inspection]]:
    """A sole predecessor (Buckinghamshire's county council before 2020) and its inspections.

    An authority formed from several (Bournemouth, Christchurch and Poole) lists them as
    predecessors only: no one of their histories is its own.  An authority formed from one
    (Cumberland from Cumbria) carries that one's history, marked as the predecessor's.
    """
    if len(authority.predecessors) != 1:
        return None, []
    before = authority.predecessors[0]
    try:
        ref = store.authority(before["ons_code"]).ref()
    except NotFound:
        ref = {"name": before["name"], "ons_code": before["ons_code"], "dfe_code": None}
    return ref, split_send(store.inspections(authorities=[before["ons_code"]]))[0]


def _with_change(
    insp: Inspection,
    everything: Sequence[Inspection],
    authority: dict[str, Any] | None = None,
) -> dict[str, Any]:
    data = insp.to_json()
    if authority is not None:
        data["authority"] = authority
    data["change"] = None
    if insp.overall is not None and insp.framework in WHOLE_SERVICE_FRAMEWORKS:
        before = [i for i in graded(everything) if i is not insp and _before(i, insp)]
        data["change"] = change(before[-1].overall, insp.overall) if before else None
    return data


def _before(a: Inspection, b: Inspection) -> bool:
    return (a.date or "", a.published or "") < (b.date or "", b.published or "")


def match_values(option: str, text: str, known: Sequence[str]) -> list[str]:
    """The known values (regions, types) that ``text`` names as people write them.

    Case and punctuation are ignored; an exact name is that one; otherwise every value with
    the typed words as whole words, or as the starts of words ("yorks", "midlands" for both
    Midlands, "unitary", "met").  Nothing matched is a usage error listing the valid values.
    """
    words = names.fold(text).split()
    folded = {value: names.fold(value).split() for value in known}
    exact = [v for v, w in folded.items() if w == words]
    if exact:
        return exact
    found = [
        value
        for value, have in folded.items()
        if words and all(any(h.startswith(w) for h in have) for w in words)
    ]
    if not found:
        raise UsageError(f"{option} must be one of {', '.join(sorted(known))}, not {text!r}")
    return sorted(found)


def regions(store: Store, text: str | None) -> list[str] | None:
    """The regions ``--region TEXT`` names (None without the option)."""
    if text is None:
        return None
    known = {a.region for a in store.authorities() if a.region}
    return match_values("--region", text, sorted(known))


def authority_types(store: Store, text: str | None) -> list[str] | None:
    """The authority types ``--type TEXT`` names (None without the option)."""
    if text is None:
        return None
    known = {a.type for a in store.authorities() if a.type}
    return match_values("--type", text, sorted(known))


def listing(
    store: Store,
    *,
    region: str | None = None,
    type: str | None = None,
    status: str | None = "current",
    grades: Sequence[str] | None = None,
    sort: str = "name",
    reverse: bool = False,
) -> list[dict[str, Any]]:
    """Every authority with its latest whole-service inspection (``ofsted list``).

    ``latest`` carries ``change`` against the authority's graded inspection before it.
    """
    in_regions, in_types = regions(store, region), authority_types(store, type)
    authorities = [
        a
        for a in store.authorities(status=status)
        if (in_regions is None or a.region in in_regions)
        and (in_types is None or a.type in in_types)
    ]
    by_code: dict[str, list[Inspection]] = {a.ons_code: [] for a in authorities}
    send: dict[str, Inspection] = {}
    for insp in store.inspections(authorities=list(by_code) or None, visits=False):
        if insp.is_send:
            if insp.type in SEND_JUDGING:
                send[insp.authority] = insp
        elif insp.authority in by_code:
            by_code[insp.authority].append(insp)
    out: list[dict[str, Any]] = []
    for auth in authorities:
        latest = latest_inspection(by_code[auth.ons_code])
        if grades and (latest is None or latest.overall not in grades):
            continue
        row = auth.to_json()
        del row["aliases"], row["predecessors"], row["successors"]
        row["latest"] = _with_change(latest, by_code[auth.ons_code]) if latest else None
        row["latest_send"] = _json(send.get(auth.ons_code))
        out.append(row)
    ordered = sorted(out, key=SORTS[sort])
    return ordered[::-1] if reverse else ordered


def _latest(row: dict[str, Any], key: str) -> Any:
    latest = row["latest"] or {}
    return latest.get(key)


SORTS = {
    "name": lambda r: r["name"],
    "grade": lambda r: (grade_rank(_latest(r, "overall")) or 9, r["name"]),
    "date": lambda r: (
        _latest(r, "published") or _latest(r, "start_date") or "",
        r["name"],
    ),
    "region": lambda r: (r["region"] or "", r["name"]),
}


def inspection_rows(
    store: Store,
    *,
    region: str | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = "published",
    **filters: Any,
) -> list[dict[str, Any]]:
    """Every inspection event with its authority and ``change`` (``ofsted inspections``).

    ``since`` and ``until`` read the date ``by`` names (publication by default).
    """
    in_regions = regions(store, region)
    everyone = store.authorities()
    refs = {a.ons_code: a.ref() for a in everyone}
    if in_regions is not None:
        codes = [a.ons_code for a in everyone if a.region in in_regions]
        asked = filters.get("authorities")
        filters["authorities"] = [c for c in asked if c in codes] if asked else codes
        if not filters["authorities"]:
            return []
    found = [i for i in store.inspections(**filters) if in_window(i, since, until, by)]
    histories: dict[str, list[Inspection]] = {}
    graded_ones = [i for i in found if i.overall is not None]
    if graded_ones:
        codes = sorted({i.authority for i in graded_ones})
        for insp in store.inspections(authorities=codes, framework=WHOLE_SERVICE_FRAMEWORKS):
            histories.setdefault(insp.authority, []).append(insp)
    out = []
    for insp in found:
        data = _with_change(insp, histories.get(insp.authority, []))
        data["authority"] = refs.get(
            insp.authority, {"name": None, "ons_code": insp.authority, "dfe_code": None}
        )
        out.append(data)
    return out
