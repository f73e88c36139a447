"""The wider picture: England and its regions at a date, neighbours, transitions, movers,
recent activity and timelines, as plain JSON-ready data.

This is the core behind ``ofsted stats``, ``neighbours``, ``transitions``, ``movers``,
``recent`` and ``chart``.  Like :mod:`ofstedcli.history` it reads through the store and
returns dictionaries in the documented JSON contract; it never prints.

``stats --as-at`` counts the way Ofsted's "as at 31 March" sheets do: each authority that
existed on the date is placed at its latest whole-service (SIF or ILACS) inspection that
*started* on or before the date and whose report was published by the publication cut-off,
a quarter later (inspected by 31 March, published by 30 June).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any

from ofstedcli.errors import UsageError
from ofstedcli.history import (
    _current,
    change,
    dated,
    graded,
    in_window,
    inspection_rows,
    latest_inspection,
    latest_send,
    predecessor_history,
    regions,
)
from ofstedcli.model import (
    GRADES,
    SEND_FIELDS,
    SEND_JUDGING,
    WHOLE_SERVICE_FRAMEWORKS,
    Authority,
    Inspection,
    grade_rank,
    half_up,
)
from ofstedcli.store import Store

#: What ``stats --by`` can group authorities by.
GROUPINGS = ("region", "type")

NOT_REPORTED = "not_reported"
NOT_INSPECTED = "not_inspected"
ENGLAND = "England"


# -- shared pieces ------------------------------------------------------------------------


def authority_ref(auth: Authority) -> dict[str, Any]:
    """The authority object used inside analysis results: codes, region, type, status."""
    return {**auth.ref(), "region": auth.region, "type": auth.type, "status": auth.status}


def event(insp: Inspection) -> dict[str, Any]:
    """A short inspection reference: id, framework, type, dates, overall, provisional."""
    return {
        "inspection": insp.id,
        "framework": insp.framework,
        "type": insp.type,
        "date": insp.date,
        "start_date": insp.start_date,
        "published": insp.published,
        "overall": insp.overall,
        "provisional": insp.provisional,
    }


def send_fields(insp: Inspection) -> dict[str, Any]:
    """An area SEND event's outcome fields, as in the inspection object."""
    data = insp.to_json()
    return {k: data[k] for k in SEND_FIELDS}


def by_authority(inspections: Iterable[Inspection]) -> dict[str, list[Inspection]]:
    """Inspections grouped by authority code, each group keeping the store's oldest-first order."""
    grouped: dict[str, list[Inspection]] = defaultdict(list)
    for insp in inspections:
        grouped[insp.authority].append(insp)
    return grouped


def _whole_service(store: Store, codes: Sequence[str] | None = None) -> dict[str, list[Inspection]]:
    found = store.inspections(authorities=codes, framework=WHOLE_SERVICE_FRAMEWORKS, visits=False)
    return by_authority(found)


def tally(latest: Iterable[Inspection | None]) -> dict[str, Any]:
    """Counts of overall grades, percentages of those graded, the rest apart, provisional."""
    counts = dict.fromkeys(GRADES, 0)
    not_reported = not_inspected = provisional = 0
    for insp in latest:
        if insp is None:
            not_inspected += 1
            continue
        provisional += insp.provisional
        if insp.overall is None:
            not_reported += 1
        else:
            counts[insp.overall] += 1
    graded_total = sum(counts.values())
    return {
        "total": graded_total + not_reported + not_inspected,
        "graded": graded_total,
        "counts": counts,
        "percentages": {
            g: percent(n, graded_total, 1) if graded_total else None for g, n in counts.items()
        },
        NOT_REPORTED: not_reported,
        NOT_INSPECTED: not_inspected,
        "provisional": provisional,
    }


def percent(part: int, whole: int, places: int = 0) -> float:
    """``part`` as a percentage of ``whole``, rounded half up (37.5 -> 38, 12.5 -> 13)."""
    return half_up(100 * part / whole, places)


def quarter_end_after(date: str) -> str:
    """The last day of the quarter after the one ``date`` falls in (31 Mar -> 30 Jun)."""
    day = dt.date.fromisoformat(date)
    months = day.year * 12 + (day.month - 1) // 3 * 3 + 6  # the month after that quarter
    first_after = dt.date(months // 12, months % 12 + 1, 1)
    return (first_after - dt.timedelta(days=1)).isoformat()


# -- stats --------------------------------------------------------------------------------


def publication_cutoff(store: Store, as_at: str) -> str:
    """The last publication date that counts for an as-at date.

    The newest official edition's own cut-off when it is of that date, else the end of the
    following quarter, as Ofsted's 2024 and 2025 editions count (as at 31 March, published
    by 30 June).  The 2023 edition's was 30 April: pass it explicitly for that year.
    """
    meta = store.meta()
    if meta.get("newest_official_as_at") == as_at and meta.get("newest_official_publication"):
        return meta["newest_official_publication"]
    return quarter_end_after(as_at)


def existing_on(store: Store, date: str | None) -> list[Authority]:
    """Authorities that existed on ``date`` (current ones when no date), by successions."""
    if date is None:
        return store.authorities(status="current")
    created: dict[str, str] = {}
    ended: dict[str, str] = {}
    for r in store.rows("SELECT predecessor, successor, date FROM successions"):
        if r["date"]:
            created[r["successor"]] = min(created.get(r["successor"], r["date"]), r["date"])
            ended[r["predecessor"]] = min(ended.get(r["predecessor"], r["date"]), r["date"])
    out = []
    for auth in store.authorities():
        if auth.ons_code in created and created[auth.ons_code] > date:
            continue
        if auth.ons_code in ended:
            if ended[auth.ons_code] <= date:
                continue
        elif auth.status != "current":
            continue  # a former authority with no recorded end: we cannot place it in time
        out.append(auth)
    return out


def latest_as_at(
    inspections: Sequence[Inspection], as_at: str | None, published_by: str | None
) -> Inspection | None:
    """The latest whole-service inspection started by ``as_at`` and published by the cut-off."""
    return latest_inspection(known_by(inspections, as_at, published_by))


def known_by(
    inspections: Iterable[Inspection], as_at: str | None, published_by: str | None
) -> list[Inspection]:
    """The inspections started by ``as_at`` whose reports were published by the cut-off."""
    return [
        i
        for i in inspections
        if (as_at is None or (i.date is not None and i.date <= as_at))
        and (published_by is None or (i.published is not None and i.published <= published_by))
    ]


def stats(
    store: Store,
    *,
    as_at: str | None = None,
    published_by: str | None = None,
    by: str = "region",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Latest overall judgements of every authority on a date, for England and by group.

    Without ``as_at`` the picture is of today's current authorities and everything published.
    With it, ``published_by`` defaults to :func:`publication_cutoff` of the date.
    """
    if by not in GROUPINGS:
        raise UsageError(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    if as_at is not None and published_by is None:
        published_by = publication_cutoff(store, as_at)
    history = _whole_service(store)
    authorities = existing_on(store, as_at)
    latest = {
        a.ons_code: latest_as_at(history.get(a.ons_code, []), as_at, published_by)
        for a in authorities
    }
    return {
        "as_at": as_at or (today or dt.date.today()).isoformat(),
        "published_by": published_by,
        **_picture(authorities, latest, tally, "latest", by),
    }


def _picture(
    authorities: Sequence[Authority],
    latest: dict[str, Inspection | None],
    count: Callable[[Iterable[Inspection | None]], dict[str, Any]],
    key: str,
    by: str,
) -> dict[str, Any]:
    """England and each group counted, and each authority with its latest event as ``key``."""
    groups: dict[str, list[Authority]] = defaultdict(list)
    for auth in authorities:
        groups[getattr(auth, by) or "Unknown"].append(auth)
    rows = []
    for auth in authorities:
        insp = latest[auth.ons_code]
        if key == "latest":
            rows.append({**authority_ref(auth), key: _current(insp)})
        else:
            rows.append({**authority_ref(auth), key: insp.to_json() if insp else None})
    return {
        "by": by,
        "england": {"name": ENGLAND, **count(latest.values())},
        "groups": [
            {"name": name, **count(latest[a.ons_code] for a in members)}
            for name, members in sorted(groups.items())
        ],
        "authorities": rows,
    }


#: Keys of the SEND picture's counts: the 2023 framework's outcomes, then the 2016 framework's.
SEND_COUNTS = ("outcome_1", "outcome_2", "outcome_3", "written_statement", "no_written_statement")


def send_tally(latest: Iterable[Inspection | None]) -> dict[str, Any]:
    """Counts of area SEND outcomes, with percentages within each framework."""
    counts = dict.fromkeys(SEND_COUNTS, 0)
    not_inspected = not_recorded = provisional = 0
    for insp in latest:
        if insp is None:
            not_inspected += 1
            continue
        provisional += insp.provisional
        if insp.outcome_level is not None:
            counts[f"outcome_{insp.outcome_level}"] += 1
        elif insp.written_statement is not None:
            counts["written_statement" if insp.written_statement else "no_written_statement"] += 1
        else:
            not_recorded += 1
    new = sum(counts[k] for k in SEND_COUNTS[:3])
    old = sum(counts[k] for k in SEND_COUNTS[3:])

    def share(key: str, of: int) -> float | None:
        return half_up(100 * counts[key] / of) if of else None

    return {
        "total": new + old + not_recorded + not_inspected,
        "framework_2023": new,
        "framework_2016": old,
        "counts": counts,
        "percentages": {k: share(k, new if k in SEND_COUNTS[:3] else old) for k in SEND_COUNTS},
        "not_recorded": not_recorded,
        NOT_INSPECTED: not_inspected,
        "provisional": provisional,
    }


def send_stats(
    store: Store,
    *,
    as_at: str | None = None,
    published_by: str | None = None,
    by: str = "region",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Each area's latest area SEND inspection on a date, for England and by group.

    An area is placed at its latest judging inspection (a 2016-framework inspection or a
    2023-framework full inspection; revisits and monitoring inspections follow up and are not
    counted) that started by ``as_at`` and was published by ``published_by``.
    """
    if by not in GROUPINGS:
        raise UsageError(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    if as_at is not None and published_by is None:
        published_by = quarter_end_after(as_at)
    authorities = existing_on(store, as_at)
    history = by_authority(
        i for i in store.inspections(framework=["SEND"]) if i.type in SEND_JUDGING
    )
    latest: dict[str, Inspection | None] = {}
    for auth in authorities:
        found = known_by(history.get(auth.ons_code, []), as_at, published_by)
        latest[auth.ons_code] = found[-1] if found else None
    return {
        "send": True,
        "as_at": as_at or (today or dt.date.today()).isoformat(),
        "published_by": published_by,
        **_picture(authorities, latest, send_tally, "latest_send", by),
    }


def stats_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The stats as table rows (England first, then each group) for CSV and NDJSON."""
    return [
        {"group": g["name"], **{k: v for k, v in g.items() if k != "name"}}
        for g in [data["england"], *data["groups"]]
    ]


# -- neighbours ---------------------------------------------------------------------------


def standing(own: Inspection | None, others: Sequence[Inspection | None]) -> dict[str, Any]:
    """How an authority's current grade compares with a group: better, same, worse, position."""
    rank = grade_rank(own.overall) if own else None
    ranks = [grade_rank(o.overall) if o else None for o in others]
    known = [r for r in ranks if r is not None]
    better = sum(1 for r in known if rank is not None and r < rank)
    return {
        "members": len(others) + 1,
        **tally([own, *others]),
        "better": better if rank is not None else None,
        "same": sum(1 for r in known if r == rank) if rank is not None else None,
        "worse": sum(1 for r in known if rank is not None and r > rank)
        if rank is not None
        else None,
        "position": better + 1 if rank is not None else None,
        "of": len(known) + 1 if rank is not None else len(known),
    }


def neighbour_models(store: Store) -> list[str]:
    """The statistical neighbour models held, newest first ("2025", "2021")."""
    rows = store.rows("SELECT DISTINCT model FROM neighbours ORDER BY model DESC")
    return [r["model"] for r in rows]


def neighbours(store: Store, authority: Authority, model: str | None = None) -> dict[str, Any]:
    """The authority's statistical neighbours in rank order, with current grades, and standing.

    ``model`` is the year of DfE's statistical neighbour model; the newest by default.
    """
    models = neighbour_models(store)
    if model is not None and model not in models:
        raise UsageError(
            f"--model must be one of {', '.join(models) or 'none held'}, not {model!r}"
        )
    chosen = model or (models[0] if models else "")
    ranked = store.rows(
        "SELECT neighbour, rank, band FROM neighbours WHERE authority = ? AND model = ? "
        "ORDER BY rank",
        (authority.ons_code, chosen),
    )
    region = (
        store.authorities(status="current", region=authority.region) if authority.region else []
    )
    known = {a.ons_code: a for a in store.authorities()}
    codes = {authority.ons_code, *(r["neighbour"] for r in ranked), *(a.ons_code for a in region)}
    history = _whole_service(store, sorted(codes))
    latest = {code: latest_inspection(history.get(code, [])) for code in codes}
    own = latest[authority.ons_code]
    send = latest_send(store, sorted(codes))
    listed = []
    for r in ranked:
        auth = known.get(r["neighbour"])
        insp = latest[r["neighbour"]]
        listed.append(
            {
                "rank": r["rank"],
                "authority": authority_ref(auth) if auth else {"ons_code": r["neighbour"]},
                "current": _current(insp),
                "compared": _compared(insp, own),
                "band": r["band"],
                "current_send": _send_json(send.get(r["neighbour"])),
            }
        )
    peers = [a.ons_code for a in region if a.ons_code != authority.ons_code]
    return {
        "authority": authority_ref(authority),
        "current": _current(own),
        "current_send": _send_json(send.get(authority.ons_code)),
        "model": chosen or None,
        "models": models,
        "neighbours": listed,
        "standing": {
            "neighbours": standing(own, [latest[r["neighbour"]] for r in ranked]),
            "region": standing(own, [latest[c] for c in peers]),
        },
    }


def _send_json(event: Inspection | None) -> dict[str, Any] | None:
    return event.to_json() if event else None


def _compared(other: Inspection | None, own: Inspection | None) -> str | None:
    """'better', 'same' or 'worse': another authority's current grade against this one's."""
    moved = change(own.overall if own else None, other.overall if other else None)
    return {"up": "better", "down": "worse", "same": "same"}.get(moved or "")


def neighbour_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The neighbours as table rows for CSV and NDJSON."""
    return list(data["neighbours"])


# -- transitions and movers ---------------------------------------------------------------


def transitions(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    framework: Sequence[str] | None = None,
    by: str = "published",
) -> dict[str, Any]:
    """A matrix of overall grade -> next overall grade over consecutive graded inspections.

    Each authority's graded whole-service inspections (of ``framework`` when given) are paired
    in order; a pair counts when its second inspection's date (on the basis ``by``) falls
    between since and until.
    """
    frameworks = [f.upper() for f in framework] if framework else list(WHOLE_SERVICE_FRAMEWORKS)
    found = store.inspections(framework=frameworks, visits=False)
    names = {a.ons_code: a for a in store.authorities()}
    matrix = {g: dict.fromkeys(GRADES, 0) for g in GRADES}
    pairs: list[dict[str, Any]] = []
    for code, history in sorted(by_authority(found).items()):
        steps = graded(history)
        for before, after in pairwise(steps):
            if not in_window(after, since, until, by):
                continue
            assert before.overall is not None and after.overall is not None
            matrix[before.overall][after.overall] += 1
            auth = names.get(code)
            pairs.append(
                {
                    "authority": authority_ref(auth) if auth else {"ons_code": code},
                    "from": event(before),
                    "to": event(after),
                    "change": change(before.overall, after.overall),
                }
            )
    moves = [p["change"] for p in pairs]
    return {
        "since": since,
        "until": until,
        "by": by,
        "frameworks": frameworks,
        "total": len(pairs),
        "authorities": len({p["authority"]["ons_code"] for p in pairs}),
        "up": moves.count("up"),
        "same": moves.count("same"),
        "down": moves.count("down"),
        "matrix": [{"from": g, "to": row, "total": sum(row.values())} for g, row in matrix.items()],
        "pairs": pairs,
    }


def transition_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The matrix as table rows (one per starting grade) for CSV and NDJSON."""
    return list(data["matrix"])


def movers(
    store: Store, *, since: str, until: str | None = None, by: str = "published"
) -> dict[str, Any]:
    """Who improved and who declined: last graded inspection before ``since`` against the
    latest up to ``until``, dates read on the basis ``by`` (publication by default).

    ``steps`` is signed: +2 means two grades better (Inadequate -> Good).  An authority
    formed from one other (Buckinghamshire, Cumberland) counts that one's earlier grades;
    such a ``before`` event carries the predecessor as ``authority``.
    """
    authorities = store.authorities(status="current")
    history = _whole_service(store, [a.ons_code for a in authorities])
    out: dict[str, list[dict[str, Any]]] = {"up": [], "down": [], "same": []}
    no_earlier = 0
    made_from: dict[str, list[str]] = defaultdict(list)
    for r in store.rows("SELECT predecessor, successor FROM successions"):
        made_from[r["successor"]].append(r["predecessor"])
    for auth in authorities:
        steps = graded(history.get(auth.ons_code, []))
        after = [i for i in steps if in_window(i, since, until, by)]
        if not after:
            continue
        before = [i for i in steps if (dated(i, by) or "") < since]
        owner = None
        if not before and len(made_from[auth.ons_code]) == 1:
            owner, earlier = predecessor_history(store, store.authority(auth.ons_code))
            before = [i for i in graded(earlier) if (dated(i, by) or "") < since]
        if not before:
            no_earlier += 1
            continue
        first, last = before[-1], after[-1]
        moved = change(first.overall, last.overall)
        assert moved is not None
        out[moved].append(
            {
                "authority": authority_ref(auth),
                "before": {**event(first), **({"authority": owner} if owner else {})},
                "latest": event(last),
                "steps": (grade_rank(first.overall) or 0) - (grade_rank(last.overall) or 0),
                "change": moved,
            }
        )
    out["up"].sort(key=lambda m: (-m["steps"], m["authority"]["name"]))
    out["down"].sort(key=lambda m: (m["steps"], m["authority"]["name"]))
    out["same"].sort(key=lambda m: m["authority"]["name"])
    return {
        "since": since,
        "until": until,
        "by": by,
        "improved": out["up"],
        "declined": out["down"],
        "unchanged": out["same"],
        "counts": {
            "improved": len(out["up"]),
            "declined": len(out["down"]),
            "unchanged": len(out["same"]),
            "no_earlier_grade": no_earlier,
            "predecessor_grade": sum(1 for m in mover_rows_of(out) if "authority" in m["before"]),
        },
    }


def mover_rows_of(out: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every mover of the three lists."""
    return [*out["up"], *out["down"], *out["same"]]


def mover_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Improved, declined and unchanged authorities as one list of rows."""
    return [*data["improved"], *data["declined"], *data["unchanged"]]


# -- recent and chart ---------------------------------------------------------------------


def recent(store: Store, *, since: str, until: str | None = None) -> dict[str, Any]:
    """Inspections and visits published in the window, newest first.

    ``data_to`` is the newest publication date in the data: a window after it can only be
    empty, and the table says so.
    """
    rows = inspection_rows(store, published_since=since, published_until=until)
    rows.sort(key=lambda r: (r["published"] or "", r["start_date"] or "", r["id"]), reverse=True)
    newest = store.rows("SELECT max(published) FROM inspections")[0][0]
    return {
        "since": since,
        "until": until,
        "data_to": newest,
        "count": len(rows),
        "inspections": rows,
    }


def region_authorities(store: Store, region: str) -> list[Authority]:
    """The current authorities of the regions ``region`` names (UsageError listing them)."""
    wanted = regions(store, region) or []
    return [a for a in store.authorities(status="current") if a.region in wanted]


def chart(
    store: Store,
    authorities: Sequence[Authority],
    *,
    visits: bool = True,
    since: str | None = None,
    until: str | None = None,
    by: str = "published",
) -> dict[str, Any]:
    """Each authority's inspections (and visits) placed in time, for a timeline picture."""
    found = by_authority(
        i
        for i in store.inspections(authorities=[a.ons_code for a in authorities], visits=visits)
        if in_window(i, since, until, by)
    )
    rows = []
    years: list[int] = []
    for auth in authorities:
        events, send = [], []
        for insp in found.get(auth.ons_code, []):
            if insp.date is None:
                continue
            years.append(int(insp.date[:4]))
            if insp.is_send:
                send.append({**event(insp), **send_fields(insp)})
            else:
                events.append({**event(insp), "visit": insp.is_visit, "theme": insp.theme})
        rows.append({"authority": authority_ref(auth), "inspections": events, "send": send})
    return {
        "from": min(years) if years else None,
        "to": max(years) if years else None,
        "authorities": rows,
    }
