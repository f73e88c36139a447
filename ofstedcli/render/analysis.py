"""Tables for stats, neighbours, transitions, movers and recent."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ofstedcli.model import GRADES, SHORT_GRADE
from ofstedcli.render.console import GRADE_STYLES, grade, safe
from ofstedcli.render.history import _count, code, draw_inspections, legend
from ofstedcli.render.send import outcome_seg

COMPARED_STYLES = {"better": "green", "same": "dim", "worse": "red"}


def _table(title: str | None = None, *, tight: bool = False) -> Table:
    return Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0) if tight else (0, 1),
        title=title,
        title_justify="left",
    )


def _when(insp: dict[str, Any] | None) -> str:
    if not insp:
        return ""
    return str(insp.get("start_date") or insp.get("published") or "")


def _cell(count: int, pct: float | None) -> Text:
    text = Text(str(count))
    if pct is not None:
        text.append(f" {pct:3.0f}%", style="dim")
    return text


def draw_stats(console: Console, data: dict[str, Any]) -> None:
    """England and each group: authorities by latest overall grade, counted and as shares."""
    title = f"Latest overall judgements as at {data['as_at']}"
    if data.get("published_by"):
        title += f", reports published by {data['published_by']}"
    groups = [data["england"], *data["groups"]]
    extra = [k for k in ("not_reported", "not_inspected") if any(g[k] for g in groups)]
    table = _table(title, tight=True)
    table.add_column(str(data["by"]).capitalize(), min_width=12)
    table.add_column("LAs", justify="right")
    for g in GRADES:
        label = SHORT_GRADE[g].replace(" ", "\n")
        table.add_column(Text(label, style=GRADE_STYLES[g]), justify="right", no_wrap=True)
    for key in extra:
        table.add_column(key.replace("_", "\n").capitalize(), justify="right")
    for n, group in enumerate(groups):
        table.add_row(
            safe(group["name"], "bold" if n == 0 else ""),
            safe(group["total"]),
            *(_cell(group["counts"][g], group["percentages"][g]) for g in GRADES),
            *(safe(group[k]) for k in extra),
            end_section=n == 0,
        )
    console.print(table)
    console.print(Text("Percentages are of the authorities with an overall grade.", style="dim"))
    provisional = data["england"].get("provisional")
    if provisional:
        console.print(
            Text(
                f"{provisional} of these latest inspections are provisional: published after "
                "the newest official statistics.",
                style="dim",
            )
        )
    if "not_reported" in extra:
        console.print(
            Text("Not reported: the latest inspection gave no overall judgement.", style="dim")
        )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def standing_line(label: str, s: dict[str, Any]) -> Text:
    """One line: where the authority stands in a group, by current overall grade."""
    text = safe(f"{label}: ", "bold")  # the label holds the region's name, from the data
    if s["position"] is None:
        text.append(f"no current overall grade to place among {s['members']}", style="dim")
        return text
    joint = "joint " if s["same"] else ""
    text.append(f"{joint}{_ordinal(s['position'])} of {s['of']}")
    text.append(f"  ({s['better']} better, {s['same']} same, {s['worse']} worse)", style="dim")
    return text


def draw_neighbours(console: Console, data: dict[str, Any]) -> None:
    """The authority, its neighbours in rank order with their grades, then its standing."""
    auth, current = data["authority"], data["current"]
    head = Text()
    head.append_text(safe(auth["name"], "bold"))
    head.append_text(safe(f"  ({auth.get('type') or ''}, {auth.get('region') or ''})", "dim"))
    head.append("  current: ")
    head.append_text(grade((current or {}).get("overall"), empty="none"))
    head.append_text(safe(f"  {_when(current)}", "dim"))
    console.print(head)
    if not data["neighbours"]:
        console.print(Text("No statistical neighbours on record.", style="dim"))
    else:
        table = _table("Statistical neighbours")
        wide = console.width >= 100
        table.add_column("#", justify="right", no_wrap=True, min_width=2)
        table.add_column("Authority", no_wrap=True, max_width=28)
        if wide:
            table.add_column("Region", overflow="fold")
        for col in ("Current", "Inspected", *(["Published"] if wide else []), "Compared"):
            table.add_column(col, no_wrap=True)
        widest = console.width >= 150
        if widest:
            table.add_column("Closeness", no_wrap=True)
            table.add_column("SEND", no_wrap=True)
        for n in data["neighbours"]:
            latest = n["current"] or {}
            compared = n["compared"] or ""
            send = n.get("current_send")
            table.add_row(
                safe(n["rank"]),
                safe(n["authority"].get("name") or n["authority"]["ons_code"]),
                *([safe(n["authority"].get("region") or "")] if wide else []),
                grade(latest.get("overall"), empty="-"),
                safe(latest.get("start_date") or ""),
                *([safe(latest.get("published") or "")] if wide else []),
                safe(compared, COMPARED_STYLES.get(compared, "")),
                *(
                    [safe(n.get("band") or ""), safe(*outcome_seg(send, "-")) if send else "-"]
                    if widest
                    else []
                ),
            )
        console.print(table)
        if data.get("model"):
            console.print(Text(f"DfE statistical neighbour model {data['model']}", style="dim"))
        console.print(standing_line("Among its neighbours", data["standing"]["neighbours"]))
    console.print(
        standing_line(f"In {auth.get('region') or 'its region'}", data["standing"]["region"])
    )


def draw_transitions(console: Console, data: dict[str, Any]) -> None:
    """The grade -> next grade matrix, rises green and falls red, with totals."""
    window = " ".join(
        x
        for x in (
            f"from {data['since']}" if data["since"] else "",
            f"to {data['until']}" if data["until"] else "",
        )
        if x
    )
    title = f"Overall grade -> next overall grade ({', '.join(data['frameworks'])})"
    table = _table(f"{title} {window}".strip())
    table.add_column("From \\ to", no_wrap=True)
    for g in GRADES:
        table.add_column(Text(SHORT_GRADE[g], style=GRADE_STYLES[g]), justify="right")
    table.add_column("Total", justify="right")
    for i, row in enumerate(data["matrix"]):
        cells = []
        for j, g in enumerate(GRADES):
            count = row["to"][g]
            style = "dim" if not count else "green" if j < i else "red" if j > i else ""
            cells.append(Text(str(count), style=style))
        table.add_row(grade(row["from"]), *cells, safe(row["total"]))
    console.print(table)
    console.print(
        Text(
            f"{_count(data['total'], 'transition', 'transitions')} by "
            f"{_count(data['authorities'], 'authority', 'authorities')}: "
            f"{data['up']} up, {data['same']} same, {data['down']} down"
        )
    )


def _movers_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = _table(title)
    table.add_column("Authority", no_wrap=True, max_width=28)
    table.add_column("Before", no_wrap=True, justify="center")
    table.add_column("Inspected", no_wrap=True)
    table.add_column("Latest", no_wrap=True, justify="center")
    table.add_column("Inspected", no_wrap=True)
    table.add_column("Steps", justify="right", no_wrap=True)
    for m in rows:
        table.add_row(
            safe(m["authority"]["name"]),
            code(m["before"]["overall"]),
            safe(_when(m["before"])[:7]),
            code(m["latest"]["overall"]),
            safe(_when(m["latest"])[:7]),
            safe(f"{m['steps']:+d}", "green" if m["steps"] > 0 else "red"),
        )
    return table


def draw_movers(console: Console, data: dict[str, Any]) -> None:
    """Who improved and who declined since the date, biggest moves first."""
    for key, label in (("improved", "Improved"), ("declined", "Declined")):
        if data[key]:
            console.print(_movers_table(f"{label} since {data['since']}", data[key]))
        else:
            console.print(Text(f"{label} since {data['since']}: none", style="dim"))
    if data["improved"] or data["declined"]:
        legend(console)
    c = data["counts"]
    console.print(
        Text(
            f"{c['improved']} improved, {c['declined']} declined, {c['unchanged']} unchanged; "
            f"{c['no_earlier_grade']} graded since with no earlier grade",
            style="dim",
        )
    )


def draw_recent(console: Console, data: dict[str, Any]) -> None:
    """Inspections and visits published in the window, newest first."""
    window = f"Published from {data['since']}" + (f" to {data['until']}" if data["until"] else "")
    console.print(Text(window, style="bold"))
    if data["inspections"]:
        draw_inspections(console, data["inspections"])
    else:
        console.print(Text("Nothing published in that window.", style="dim"))
    if (data.get("data_age") or {}).get("stale"):
        from ofstedcli.freshness import stale_note

        console.print(Text(stale_note(data["data_age"]), style="yellow"))
