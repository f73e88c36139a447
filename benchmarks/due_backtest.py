"""Backtest of ``ofsted due``: were the predicted windows right about what happened next?

Run: python benchmarks/due_backtest.py [--db PATH] [--misses N] [--json]

For every quarter end from 2019 to 2026 it asks the core of ``due --as-at`` (from the reports
published by that date only) for every authority that existed then, and compares the window
for the next ILACS graded inspection (and the next area SEND full inspection) with the day that
inspection actually started.  A prediction counts when its inspection has started, or when its
window closed before the newest inspection in the database without one (a miss); windows still
open at the end of the data are left out as pending.  It prints the share that started inside
the window, the median window width, the figures with the COVID-19 period apart (predictions
whose interval ran across the pause, split by whether the forecast was made before the pause
was announced), the share inside the usual window each event gives within a window widened
by the pause or the roll-out, each rule's figures, and the misses.  The goal (issue 13) is
80% inside windows no wider than 12 months.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ofstedcli import due as core
from ofstedcli.model import Inspection
from ofstedcli.store import open_store

#: The issue's goal: 80% of next inspections inside windows no wider than this many months.
GOAL_WIDTH = 12.0


def quarter_ends(first: int, last: dt.date) -> list[str]:
    """Every quarter's last day from ``first``'s March to the last before ``last``."""
    ends = []
    for year in range(first, last.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            end = dt.date(year, month, day)
            if end <= last:
                ends.append(end.isoformat())
    return ends


def complete_until(found: list[Inspection]) -> str:
    """The last day by which every inspection that started is in the data.

    An inspection enters the data only when its report is published, weeks or months after it
    started: one started shortly before the newest publication may not be known yet.  The
    data is taken as complete up to the newest publication less the 95th percentile of the
    start-to-publication lag, so that a window closing after that is pending, not a miss.
    """
    lags = sorted(
        (dt.date.fromisoformat(i.published[:10]) - dt.date.fromisoformat(i.start_date[:10])).days
        for i in found
        if i.published and i.start_date
    )
    if not lags:
        return ""
    newest = max(dt.date.fromisoformat(i.published[:10]) for i in found if i.published)
    return (newest - dt.timedelta(days=lags[int(0.95 * (len(lags) - 1))])).isoformat()


def _graded(insp: Inspection) -> bool:
    return insp.framework == "ILACS" and not insp.is_visit


def _send_full(insp: Inspection) -> bool:
    return insp.framework == "SEND" and insp.type == "full inspection"


def backtest(db: Path | None = None) -> dict[str, Any]:
    """Every prediction with its outcome, and the summary figures."""
    with open_store(db) as store:
        everyone = store.authorities()
        sole = core.sole_predecessors(store)
        history = store.inspections()
        born = {
            r["successor"]: r["date"] for r in store.rows("SELECT successor, date FROM successions")
        }
        ended = {
            r["predecessor"]: r["date"]
            for r in store.rows("SELECT predecessor, date FROM successions")
        }
    by_code: dict[str, list[Inspection]] = defaultdict(list)
    for insp in history:
        by_code[insp.authority].append(insp)
    horizons = {
        "ILACS inspection": complete_until([i for i in history if _graded(i)]),
        "SEND inspection": complete_until([i for i in history if _send_full(i)]),
    }
    newest = max(i.start_date for i in history if _graded(i) and i.start_date)
    horizon = horizons["ILACS inspection"]
    results: list[dict[str, Any]] = []
    for as_at in quarter_ends(2019, dt.date.fromisoformat(newest)):
        for authority in everyone:
            code = authority.ons_code
            if (born.get(code) or "") > as_at or (ended.get(code) or "9999") <= as_at:
                continue
            own = by_code.get(code, [])
            past = by_code.get(sole[code], []) + own if code in sole else own
            starts = {i.id: i.start_date or i.published or "" for i in past}
            item = core.due_for(authority, past, as_at)
            for event in item["next"]:
                test = _graded if event["event"] == "ILACS inspection" else None
                if event["event"] == "SEND inspection" and event["type"] == "full inspection":
                    test = _send_full
                if test is None or not event["earliest"]:
                    continue
                end = horizons[event["event"]]
                row = _outcome(authority.name, as_at, event, own, test, end, ended.get(code))
                row["covid"] = _across(starts.get(event["basis"] or "", ""), row)
                results.append(row)
    return {
        "horizon": horizon,
        "newest_start": newest,
        "horizons": horizons,
        "predictions": [r for r in results if r["status"] != "pending"],
    }


def _outcome(
    name: str,
    as_at: str,
    event: dict[str, Any],
    own: list[Inspection],
    test: Any,
    horizon: str,
    ended: str | None,
) -> dict[str, Any]:
    last = (event.get("last") or {}).get("date") or ""
    after = [i for i in own if test(i) and (i.start_date or "") > last]
    actual = after[0].start_date if after else None
    status = "pending"
    if actual is not None:
        status = "inside" if event["earliest"] <= actual <= event["latest"] else "miss"
    elif event["latest"] < horizon and (ended is None or event["latest"] < ended):
        status = "miss"
    width = _months(event["earliest"], event["latest"])
    return {
        "authority": name,
        "as_at": as_at,
        "event": event["event"],
        "type": event["type"],
        "rule": event["rule"],
        "earliest": event["earliest"],
        "latest": event["latest"],
        "overdue": event["overdue"],
        "covid": event["pause"] is not None,
        "pause_known": as_at >= core.PAUSE_FROM,
        "usual_from": event["usual_from"],
        "usual_to": event["usual_to"],
        "usual_inside": bool(actual and event["usual_from"] <= actual <= event["usual_to"]),
        "usual_width_months": round(_months(event["usual_from"], event["usual_to"]), 1),
        "basis": event["basis"],
        "actual": actual,
        "actual_type": after[0].type if after else None,
        "status": status,
        "width_months": round(width, 1),
    }


def _across(basis: str, row: dict[str, Any]) -> bool:
    """Whether the interval ran across the graded pause: from its basis to what came next.

    Counted on the dates Ofsted gave in the end (17 March 2020 to June 2021), whatever the
    forecast knew at its as-at date, so that forecasts made before the pause was announced
    count as crossing it too.
    """
    start, resumed = core.PAUSE_FROM, core.ANNOUNCED[-1][2] or core.PAUSE_FROM
    close = max(row["actual"] or "", row["latest"])
    return bool(basis) and basis[:10] < resumed and close > start


def _months(first: str, last: str) -> float:
    return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days / 30.4375


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Share inside, median width and counts of a set of predictions."""
    if not rows:
        return {
            "predictions": 0,
            "inside": 0,
            "share": None,
            "inside_narrow": 0,
            "share_narrow": None,
            "inside_usual": 0,
            "share_usual": None,
            "median_width_months": None,
        }
    inside = sum(r["status"] == "inside" for r in rows)
    narrow = sum(r["status"] == "inside" and r["width_months"] <= GOAL_WIDTH for r in rows)
    usual = sum(r["usual_inside"] and r["usual_width_months"] <= GOAL_WIDTH for r in rows)
    return {
        "predictions": len(rows),
        "inside": inside,
        "share": round(100 * inside / len(rows), 1),
        "inside_narrow": narrow,
        "share_narrow": round(100 * narrow / len(rows), 1),
        "inside_usual": usual,
        "share_usual": round(100 * usual / len(rows), 1),
        "median_width_months": statistics.median(r["width_months"] for r in rows),
    }


def _first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each report's first forecast: the prediction at the first quarter end after it."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        seen.setdefault((row["authority"], str(row["basis"])), row)
    return list(seen.values())


def _types(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """How often the predicted type (short or standard) was the type that came."""
    known = [r for r in rows if r["actual_type"] and r["type"] != r["event"]]
    right = sum(r["type"] == r["actual_type"] for r in known)
    share = round(100 * right / len(known), 1) if known else None
    return {"predictions": len(known), "right": right, "share": share}


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The figures the README states: all, without and within COVID, by event and rule."""
    rows = result["predictions"]
    out: dict[str, Any] = {"horizon": result["horizon"]}
    for event in ("ILACS inspection", "SEND inspection"):
        chosen = [r for r in rows if r["event"] == event]
        out[event] = {
            "all": figures(chosen),
            "outside_covid": figures([r for r in chosen if not r["covid"]]),
            "covid": figures([r for r in chosen if r["covid"]]),
            "covid_unknown": figures([r for r in chosen if r["covid"] and not r["pause_known"]]),
            "covid_known": figures([r for r in chosen if r["covid"] and r["pause_known"]]),
            "not_overdue_at_as_at": figures([r for r in chosen if not r["overdue"]]),
            "first_after_each_report": figures(_first(chosen)),
            "type_right": _types(chosen),
            "by_rule": {
                rule: figures([r for r in chosen if r["rule"] == rule])
                for rule in sorted({r["rule"] for r in chosen})
            },
            "first_by_rule": {
                rule: figures(_first([r for r in chosen if r["rule"] == rule]))
                for rule in sorted({r["rule"] for r in chosen})
            },
            "by_rule_outside_covid": {
                rule: figures([r for r in chosen if r["rule"] == rule and not r["covid"]])
                for rule in sorted({r["rule"] for r in chosen if not r["covid"]})
            },
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--misses", type=int, default=25, help="misses to list (default 25)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = backtest(args.db)
    figs = summary(result)
    if args.json:
        sys.stdout.write(json.dumps(figs, indent=2) + "\n")
        return
    ends = result["horizons"]
    print(
        "Quarter ends 2019 on; data taken as complete (newest report less the 95th "
        f"percentile report lag) to: ILACS {ends['ILACS inspection']}, "
        f"SEND {ends['SEND inspection'] or '-'}"
    )
    for event in ("ILACS inspection", "SEND inspection"):
        print(f"\n{event}: next one started inside the predicted window")
        for label, key in (
            ("all quarters", "all"),
            ("outside COVID-19", "outside_covid"),
            ("across COVID-19", "covid"),
            ("  made before it was known", "covid_unknown"),
            ("  made knowing of it", "covid_known"),
            ("not yet overdue at as-at", "not_overdue_at_as_at"),
            ("first forecast per report", "first_after_each_report"),
        ):
            f = figs[event][key]
            if f["predictions"]:
                print(
                    f"  {label:<26} {f['inside']:>5}/{f['predictions']:<5} {f['share']:5.1f}%"
                    f"  median width {f['median_width_months']:.1f} months;"
                    f" inside <=12m {f['share_narrow']:5.1f}%;"
                    f" usual <=12m {f['share_usual']:5.1f}%"
                )
            else:
                print(f"  {label:<26} no predictions with an outcome yet")
        t = figs[event]["type_right"]
        if t["predictions"] and event == "ILACS inspection":
            print(
                f"  predicted type came        {t['right']:>5}/{t['predictions']:<5}"
                f" {t['share']:5.1f}%  (short or standard, of those that came)"
            )
        for key, label in (
            ("by_rule", "all"),
            ("by_rule_outside_covid", "outside COVID-19"),
            ("first_by_rule", "first forecast per report"),
        ):
            print(f"  by rule, {label}:")
            for rule, f in figs[event][key].items():
                print(
                    f"    {rule:<24} {f['inside']:>5}/{f['predictions']:<5} {f['share']:5.1f}%"
                    f"  median width {f['median_width_months']:.1f};"
                    f" inside <=12m {f['share_narrow']:5.1f}%;"
                    f" usual <=12m {f['share_usual']:5.1f}%"
                )
    print(
        "\n(inside <=12m: the share that started inside a window no wider than 12 months, "
        "the issue's goal; usual <=12m: inside the usual window the framework's own "
        "timing gives within it, where no wider than 12 months)"
    )
    misses = [r for r in result["predictions"] if r["status"] == "miss"]
    print(f"\nMisses ({len(misses)}; first {min(args.misses, len(misses))}):")
    for r in misses[: args.misses]:
        print(
            f"  {r['as_at']}  {r['authority'][:28]:<28} {r['rule']:<20} "
            f"{r['earliest']}..{r['latest']}  actual {r['actual'] or 'none yet'}"
        )


if __name__ == "__main__":
    main()
