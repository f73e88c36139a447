"""Tables for show, compare, list and inspections."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ofstedcli.model import AREAS, GRADES
from ofstedcli.render.console import GRADE_STYLES, change, grade, safe

SUB_AREAS = [a for a in AREAS if a != "overall"]
SHORT_AREA = {
    "leadership": "Ld",
    "help_and_protection": "HP",
    "in_care": "IC",
    "care_leavers": "CL",
    "adoption": "Ad",
    "lscb": "LS",
    "safeguarding": "Sg",
    "looked_after": "LA",
}
SHORT_TYPE = {
    "inspection": "",
    "re-inspection": "re-insp.",
    "standard inspection": "standard",
    "short inspection": "short",
    "focused visit": "focused visit",
    "monitoring visit": "monitoring visit",
}
CODES = {GRADES[0]: "O", GRADES[1]: "G", GRADES[2]: "RI", GRADES[3]: "I"}


def _kind(insp: dict[str, Any]) -> str:
    return f"{insp['framework']} {SHORT_TYPE.get(insp['type'], insp['type'])}".strip()


def code(value: str | None) -> Text:
    """A grade as a coloured code: O, G, RI, I."""
    if value is None:
        return Text("")
    return Text(CODES.get(value, "?"), style=GRADE_STYLES.get(value, ""))


def legend(console: Console, areas: list[str] | None = None) -> None:
    """What the grade codes and area headings mean."""
    text = Text("  ")
    for g in GRADES:
        text.append(CODES[g], style=GRADE_STYLES[g])
        text.append(f" {g}  ")
    console.print(text, style="dim")
    if areas:
        labels = "  ".join(f"{SHORT_AREA[a]} {AREAS[a]}" for a in areas)
        console.print(Text(f"  {labels}", style="dim"))


def header(console: Console, authority: dict[str, Any]) -> None:
    """Name, type, region, codes and status, with successions."""
    title = Text()
    title.append_text(safe(authority["name"], "bold"))
    detail = ", ".join(x for x in (authority.get("type"), authority.get("region")) if x)
    if detail:
        title.append_text(safe(f"  ({detail})", "dim"))
    console.print(title)
    codes = [
        f"ONS {authority['ons_code']}",
        f"DfE {authority.get('dfe_code') or '-'}",
        f"Ofsted URN {authority.get('ofsted_urn') or '-'}",
        authority.get("status") or "",
    ]
    console.print(safe(" · ".join(c for c in codes if c), "dim"))
    for key, label in (("predecessors", "Formed from"), ("successors", "Replaced by")):
        links = authority.get(key) or []
        if links:
            when = {link.get("date") for link in links} - {None}
            text = ", ".join(f"{link['name']} ({link['ons_code']})" for link in links)
            suffix = f" in {min(when)[:4]}" if when else ""
            console.print(safe(f"{label}: {text}{suffix}"))


def draw_show(console: Console, data: dict[str, Any]) -> None:
    """An authority's header, current judgement, path and whole timeline."""
    header(console, data["authority"])
    current = data.get("current")
    line = Text("Current: ", style="bold")
    if current is None:
        line.append("no whole-service inspection on record", style="dim")
    else:
        if current["overall"] is None:
            line.append("no overall judgement given (ILACS from April 2026)", style="italic")
        else:
            line.append_text(grade(current["overall"], short=False))
        when = current.get("published") or current.get("start_date")
        kind = f"{current['framework']} {current['type']}"
        line.append_text(safe(f"  {kind}, published {when}" if when else f"  {kind}", "dim"))
        if current.get("provisional"):
            line.append(" (provisional)", style="italic")
    console.print(line)
    if data.get("path"):
        path_text = Text("Path: ", style="bold")
        for n, step in enumerate(data["path"]):
            if n:
                path_text.append(" -> ")
            path_text.append_text(grade(step["overall"]))
            path_text.append(f" ({step['year']})")
        console.print(path_text)
    inspections = data["inspections"]
    if inspections:
        console.print(_timeline(inspections, wide=console.width >= 100))
        areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
        legend(console, areas)
    else:
        console.print(Text("No inspections match.", style="dim"))
    if data.get("documents"):
        console.print(_documents(data["documents"]))
    if any(i.get("provisional") for i in inspections):
        console.print(
            Text("* provisional: published after the newest official statistics", style="dim")
        )


def _timeline(inspections: list[dict[str, Any]], wide: bool) -> Table:
    areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        title="Inspections",
        title_justify="left",
    )
    table.add_column("Inspected", no_wrap=True)
    table.add_column("Published", no_wrap=True)
    table.add_column("Inspection", min_width=14)
    table.add_column("Overall" if wide else "OE", no_wrap=True)
    table.add_column("", no_wrap=True)
    for area in areas:
        table.add_column(SHORT_AREA[area], justify="center", no_wrap=True)
    if wide:
        table.add_column("Theme", overflow="fold", min_width=8)
    for insp in inspections:
        overall = grade(insp["overall"], empty="-") if wide else code(insp["overall"])
        if insp.get("provisional"):
            overall.append(" *")
        theme = insp.get("theme") or ""
        kind = _kind(insp) if wide or not theme else f"{_kind(insp)}: {theme}"
        table.add_row(
            safe(insp.get("start_date") or ""),
            safe(insp.get("published") or ""),
            safe(kind),
            overall,
            change(insp.get("change")),
            *(code(insp["judgements"].get(a)) for a in areas),
            *([safe(theme)] if wide else []),
        )
    return table


def _documents(documents: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Documents", title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind")
    table.add_column("Id", no_wrap=True)
    table.add_column("Title or link", overflow="fold")
    for doc in documents:
        table.add_row(
            safe(doc.get("date") or ""),
            safe((doc.get("kind") or "").replace("_", " ")),
            safe(doc["id"]),
            safe(doc.get("title") or doc.get("url") or ""),
        )
    return table


def draw_compare(console: Console, data: dict[str, Any]) -> None:
    """Authorities on one time axis of years, then a summary row for each."""
    shows = data["authorities"]
    years = sorted(
        {
            (i.get("published") or i.get("start_date") or "")[:4]
            for s in shows
            for i in s["inspections"]
            if i["overall"] is not None and i["framework"] in ("SIF", "ILACS")
        }
        - {""}
    )
    axis = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Overall judgements by year published")
    axis.add_column("Authority")
    for y in years:
        axis.add_column(f"'{y[2:]}", justify="center", no_wrap=True)
    for show in shows:
        cells: dict[str, Text] = {}
        for step in show["path"]:
            cell = cells.setdefault(step["year"], Text())
            if cell.plain:
                cell.append("/")
            cell.append_text(code(step["overall"]))
        axis.add_row(safe(show["authority"]["name"]), *(cells.get(y, Text("")) for y in years))
    console.print(axis)
    legend(console)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Summary")
    table.add_column("Authority", no_wrap=True)
    table.add_column("Current", no_wrap=True)
    table.add_column("Published", no_wrap=True)
    for col in ("Graded", "Visits", "Best", "Worst"):  # grades as codes: see the legend
        table.add_column(col, justify="center")
    table.add_column("Since I", no_wrap=True)
    for show in shows:
        s = show["summary"]
        current = s["current"] or {}
        years_since = s["years_since_inadequate"]
        table.add_row(
            safe(show["authority"]["name"]),
            code(current.get("overall")),
            safe(current.get("published") or current.get("start_date") or ""),
            safe(str(s["graded"])),
            safe(str(s["visits"])),
            code(s["best"]),
            code(s["worst"]),
            safe(f"{years_since} yrs" if years_since is not None else "never"),
        )
    console.print(table)


def draw_list(console: Console, rows: list[dict[str, Any]]) -> None:
    """Every authority with its current grade and date."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("Authority", "Region", "Type", "Current", "Inspected", "Published", "Inspection"):
        table.add_column(col)
    for row in rows:
        latest = row.get("latest") or {}
        table.add_row(
            safe(row["name"]),
            safe(row.get("region") or ""),
            safe(row.get("type") or ""),
            grade(latest.get("overall"), empty="-"),
            safe(latest.get("start_date") or ""),
            safe(latest.get("published") or ""),
            safe(_kind(latest) if latest else ""),
        )
    console.print(table)
    console.print(Text(_count(len(rows), "authority", "authorities"), style="dim"))


def draw_inspections(console: Console, rows: list[dict[str, Any]]) -> None:
    """Every inspection event, oldest first."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("Authority", "Date", "Published", "Inspection", "Overall", "Theme"):
        table.add_column(col)
    for row in rows:
        overall = grade(row["overall"], empty="-")
        if row.get("provisional"):
            overall.append(" *")
        table.add_row(
            safe(row["authority"].get("name") or row["authority"]["ons_code"]),
            safe(row.get("start_date") or ""),
            safe(row.get("published") or ""),
            safe(_kind(row)),
            overall,
            safe(row.get("theme") or ""),
        )
    console.print(table)
    console.print(Text(_count(len(rows), "inspection", "inspections"), style="dim"))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
