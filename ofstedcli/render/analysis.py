"""Tables for stats, neighbours, transitions, movers and recent, as light grids of lines.

Like the history views they import no Rich unless colour is on, fit the width on a terminal
(columns dropped before a name, date or grade is broken) and keep each row on one line when
piped.
"""

from __future__ import annotations

from typing import Any

from ofstedcli.model import GRADES, SHORT_GRADE
from ofstedcli.render.history import (
    FORMER,
    _count,
    code_cell,
    draw_inspections,
    footnotes,
    legend_lines,
    overall_cell,
    when,
)
from ofstedcli.render.plain import GRADE_STYLES, Line, Segment, Target, _wrap, emit, grid, seg
from ofstedcli.render.send import outcome_seg

COMPARED_STYLES = {"better": "green", "same": "dim", "worse": "red"}


def _pct(count: int, graded: int) -> str:
    """A share as a whole percentage, rounded half up (37.5 -> 38, 12.5 -> 13)."""
    return f"{(200 * count + graded) // (2 * graded)}%" if graded else ""


def draw_stats(target: Target, data: dict[str, Any]) -> None:
    """England and each group: authorities by latest overall grade, counted and as shares."""
    title = f"Latest overall judgements as at {data['as_at']}"
    if data.get("published_by"):
        title += f", reports published by {data['published_by']}"
    groups = [data["england"], *data["groups"]]
    extra = [k for k in ("not_reported", "not_inspected") if any(g[k] for g in groups)]
    headers = [str(data["by"]).capitalize(), "LAs", *(code_cell(g)[0] for g in GRADES)]
    headers += ["None" if k == "not_reported" else "Not insp." for k in extra]
    rows: list[list[Segment]] = []
    for n, group in enumerate(groups):
        cells: list[Segment] = [seg(group["name"], "bold" if n == 0 else ""), seg(group["total"])]
        for g in GRADES:
            count = group["counts"][g]
            cells.append((f"{count} {_pct(count, group['graded'])}".strip(), GRADE_STYLES[g]))
        cells += [seg(group[k]) for k in extra]
        rows.append(cells)
    lines = grid(target.width, headers, rows, flexible=[0], title=title)
    lines.append([("  " + "  ".join(f"{code_cell(g)[0]} {SHORT_GRADE[g]}" for g in GRADES), "dim")])
    lines.append([("Percentages are of the authorities with an overall grade.", "dim")])
    provisional = data["england"].get("provisional")
    if provisional:
        lines.append(
            [
                (
                    f"* {provisional} provisional: published after the newest official statistics.",
                    "dim",
                )
            ]
        )
    if "not_reported" in extra:
        lines.append([("None: the latest inspection gave no overall judgement.", "dim")])
    emit(target, lines)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def standing_line(label: str, s: dict[str, Any]) -> Line:
    """One line: where the authority stands in a group, by current overall grade."""
    line: Line = [seg(f"{label}: ", "bold")]  # the label holds the region's name, from the data
    if s["position"] is None:
        line.append((f"no current overall grade to place among {s['members']}", "dim"))
        return line
    joint = "joint " if s["same"] else ""
    line.append((f"{joint}{_ordinal(s['position'])} of {s['of']}", ""))
    line.append((f"  ({s['better']} better, {s['same']} same, {s['worse']} worse)", "dim"))
    return line


def draw_neighbours(target: Target, data: dict[str, Any]) -> None:
    """The authority, its neighbours in rank order with their grades, then its standing."""
    auth, current = data["authority"], data["current"]
    lines: list[Line] = [
        [
            seg(auth["name"], "bold"),
            seg(f"  ({auth.get('type') or ''}, {auth.get('region') or ''})", "dim"),
        ],
        [("Current: " if auth.get("status") != "former" else "Last: ", "bold")]
        + [overall_cell(current, short=True)]
        + ([seg(f"  published {when(current)}", "dim")] if current else []),
    ]
    if not data["neighbours"]:
        lines.append([("No statistical neighbours on record.", "dim")])
    else:
        rows: list[list[Segment]] = []
        for n in data["neighbours"]:
            latest = n["current"]
            compared = n["compared"] or ""
            rows.append(
                [
                    seg(n["rank"]),
                    seg(n["authority"].get("name") or n["authority"]["ons_code"]),
                    overall_cell(latest, short=True),
                    seg(when(latest)),
                    seg(compared, COMPARED_STYLES.get(compared, "")),
                    seg(n.get("band") or ""),
                    outcome_seg(n["current_send"], "-") if n.get("current_send") else ("-", "dim"),
                    seg(n["authority"].get("region") or ""),
                    seg((latest or {}).get("start_date") or ""),
                ]
            )
        headers = ["#", "Authority", "Current", "Published", "Compared", "Closeness", "SEND"]
        headers += ["Region", "Inspected"]
        lines += grid(
            target.width,
            headers,
            rows,
            optional=[8, 7, 5, 6],  # SEND outlasts closeness, region and start date
            title="Statistical neighbours",
        )
        if data.get("model"):
            lines.append([(f"DfE statistical neighbour model {data['model']}", "dim")])
        lines.append(standing_line("Among its neighbours", data["standing"]["neighbours"]))
    lines.append(
        standing_line(f"In {auth.get('region') or 'its region'}", data["standing"]["region"])
    )
    lines += footnotes([current, *(n["current"] for n in data["neighbours"])])
    emit(target, lines)


def draw_transitions(target: Target, data: dict[str, Any]) -> None:
    """The grade -> next grade matrix, rises green and falls red, with totals."""
    window = " ".join(
        x
        for x in (
            f"from {data['since']}" if data["since"] else "",
            f"to {data['until']}" if data["until"] else "",
            f"({data.get('by')})" if (data["since"] or data["until"]) and data.get("by") else "",
        )
        if x
    )
    title = f"Overall grade -> next overall grade ({', '.join(data['frameworks'])}) {window}"
    rows: list[list[Segment]] = []
    for i, row in enumerate(data["matrix"]):
        cells: list[Segment] = [(SHORT_GRADE[row["from"]], GRADE_STYLES[row["from"]])]
        for j, g in enumerate(GRADES):
            count = row["to"][g]
            style = "dim" if not count else "green" if j < i else "red" if j > i else ""
            cells.append((str(count), style))
        cells.append(seg(row["total"]))
        rows.append(cells)
    headers = ["From \\ to", *(code_cell(g)[0] for g in GRADES), "Total"]
    lines = grid(target.width, headers, rows, title=title.strip())
    lines.append([("  " + "  ".join(f"{code_cell(g)[0]} {SHORT_GRADE[g]}" for g in GRADES), "dim")])
    lines.append(
        [
            (
                f"{_count(data['total'], 'transition', 'transitions')} by "
                f"{_count(data['authorities'], 'authority', 'authorities')}: "
                f"{data['up']} up, {data['same']} same, {data['down']} down",
                "",
            )
        ]
    )
    emit(target, lines)


def _movers_grid(width: int | None, title: str, movers: list[dict[str, Any]]) -> list[Line]:
    rows: list[list[Segment]] = []
    for m in movers:
        before = overall_cell(m["before"], code=True)
        if "authority" in m["before"]:
            before = (before[0] + FORMER, before[1])
        rows.append(
            [
                seg(m["authority"]["name"]),
                before,
                seg(when(m["before"])),
                overall_cell(m["latest"], code=True),
                seg(when(m["latest"])),
                seg(f"{m['steps']:+d}", "green" if m["steps"] > 0 else "red"),
            ]
        )
    headers = ["Authority", "Before", "Published", "Latest", "Published", "Steps"]
    return grid(width, headers, rows, flexible=[0], title=title)


def draw_movers(target: Target, data: dict[str, Any]) -> None:
    """Who improved and who declined since the date, biggest moves first."""
    lines: list[Line] = []
    window = f"since {data['since']}" + (f" to {data['until']}" if data.get("until") else "")
    for key, label in (("improved", "Improved"), ("declined", "Declined")):
        if data[key]:
            lines += _movers_grid(target.width, f"{label} {window}", data[key])
        else:
            lines.append([(f"{label} {window}: none", "dim")])
        lines.append([])
    if data["improved"] or data["declined"]:
        lines += legend_lines()
    c = data["counts"]
    lines.append(
        [
            (
                f"{c['improved']} improved, {c['declined']} declined, {c['unchanged']} unchanged; "
                f"{c['no_earlier_grade']} graded since with no earlier grade",
                "dim",
            )
        ]
    )
    everyone = [*data["improved"], *data["declined"], *data["unchanged"]]
    formers = sorted(
        {m["before"]["authority"]["name"] for m in everyone if "authority" in m["before"]}
    )
    former = (
        f"the earlier grade is that of the authority replaced: {', '.join(formers)}"
        if formers
        else None
    )
    lines += footnotes([e for m in everyone for e in (m["before"], m["latest"])], former)
    emit(target, lines)


def draw_recent(target: Target, data: dict[str, Any]) -> None:
    """Inspections and visits published in the window, newest first."""
    window = f"Published from {data['since']}" + (f" to {data['until']}" if data["until"] else "")
    emit(target, [[(window, "bold")]])
    if data["inspections"]:
        draw_inspections(target, data["inspections"])
    else:
        emit(target, [[("Nothing published in that window.", "dim")]])
    newest = data.get("data_to")
    if (data.get("data_age") or {}).get("stale"):
        from ofstedcli.freshness import stale_note

        note = stale_note(data["data_age"])  # free text: wrapped to the width on a terminal
        pieces = _wrap(note, target.width) if target.width else [note]
        emit(target, [[(piece, "yellow")] for piece in pieces])
    elif newest and (data["until"] or "9999") > newest:
        emit(target, [[(f"Data to {newest}; `ofsted db update` loads a newer edition.", "dim")]])
