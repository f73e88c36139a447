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


def path(inspections: Sequence[Inspection]) -> list[dict[str, Any]]:
    """The overall grades of whole-service inspections, with the year and the change."""
    steps: list[dict[str, Any]] = []
    previous: str | None = None
    for insp in graded(inspections):
        date = insp.published or insp.start_date
        steps.append(
            {
                "inspection": insp.id,
                "year": date[:4] if date else None,
                "overall": insp.overall,
                "change": change(previous, insp.overall),
                "provisional": insp.provisional,
            }
        )
        previous = insp.overall
    return steps


def path_line(steps: Sequence[dict[str, Any]]) -> str:
    """The path as one line: "Inadequate (2015) -> Requires improvement (2017) -> Good (2021)"."""
    return " -> ".join(f"{SHORT_GRADE[s['overall']]} ({s['year']})" for s in steps)


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
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The ``show`` object: authority, inspections oldest first, documents, path, summary.

    The current judgement, path and summary are always of the whole history; ``since``,
    ``until``, ``framework`` and ``visits`` filter only the inspections listed.
    """
    everything, send = split_send(store.inspections(authorities=[authority.ons_code]))

    def shown(i: Inspection) -> bool:
        return (
            (visits or not i.is_visit)
            and (not framework or i.framework.lower() in {f.lower() for f in framework})
            and (since is None or (i.date or "") >= since)
            and (until is None or (i.date or "") <= until)
        )

    listed = [i for i in everything if shown(i)]
    steps = path(everything)
    documents = store.documents(authorities=[authority.ons_code])
    return {
        "authority": authority.to_json(),
        "current": _current(latest_inspection(everything)),
        "path": steps,
        "path_line": path_line(steps),
        "summary": summary(everything, today),
        "inspections": [_with_change(i, everything) for i in listed],
        "predecessor_inspections": _predecessor_inspections(
            store, authority, since=since, until=until, framework=framework, visits=visits
        ),
        "documents": [d.to_json() for d in documents],
        "send": [i.to_json() for i in send if shown(i)],
        "current_send": _json(current_send(send)),
        "next": _next(store, authority, everything, today),
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


def _predecessor_inspections(
    store: Store,
    authority: Authority,
    *,
    since: str | None,
    until: str | None,
    framework: Sequence[str] | None,
    visits: bool,
) -> list[dict[str, Any]]:
    """A sole predecessor's inspections (Buckinghamshire's before 2020), each naming it.

    An authority formed from several (Bournemouth, Christchurch and Poole) lists them as
    predecessors only: no one of their histories is its own.
    """
    if len(authority.predecessors) != 1:
        return []
    before = authority.predecessors[0]
    found, _ = split_send(
        store.inspections(
            authorities=[before["ons_code"]],
            framework=framework,
            since=since,
            until=until,
            visits=visits,
        )
    )
    ref = {"name": before["name"], "ons_code": before["ons_code"]}
    return [{**_with_change(i, found), "authority": ref} for i in found]


def _with_change(insp: Inspection, everything: Sequence[Inspection]) -> dict[str, Any]:
    data = insp.to_json()
    data["change"] = None
    if insp.overall is not None and insp.framework in WHOLE_SERVICE_FRAMEWORKS:
        before = [i for i in graded(everything) if i is not insp and _before(i, insp)]
        data["change"] = change(before[-1].overall, insp.overall) if before else None
    return data


def _before(a: Inspection, b: Inspection) -> bool:
    return (a.date or "", a.published or "") < (b.date or "", b.published or "")


def listing(
    store: Store,
    *,
    region: str | None = None,
    type: str | None = None,
    status: str | None = "current",
    grades: Sequence[str] | None = None,
    sort: str = "name",
) -> list[dict[str, Any]]:
    """Every authority with its latest whole-service inspection (``ofsted list``)."""
    authorities = store.authorities(status=status, region=region, type=type)
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
        row["latest"] = latest.to_json() if latest else None
        row["latest_send"] = _json(send.get(auth.ons_code))
        out.append(row)
    return sorted(out, key=SORTS[sort])


def _latest(row: dict[str, Any], key: str) -> Any:
    latest = row["latest"] or {}
    return latest.get(key)


SORTS = {
    "name": lambda r: r["name"],
    "grade": lambda r: (grade_rank(_latest(r, "overall")) or 9, r["name"]),
    "date": lambda r: (
        _latest(r, "start_date") or _latest(r, "published") or "",
        r["name"],
    ),
    "region": lambda r: (r["region"] or "", r["name"]),
}


def inspection_rows(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Every inspection event with its authority reference (``ofsted inspections``)."""
    found = store.inspections(**filters)
    refs = {a.ons_code: a.ref() for a in store.authorities()}
    out = []
    for insp in found:
        data = insp.to_json()
        data["authority"] = refs.get(insp.authority, {"ons_code": insp.authority})
        out.append(data)
    return out
