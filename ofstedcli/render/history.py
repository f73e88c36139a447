"""show, compare, list and inspections, as lines of styled segments in light grids.

These views import no Rich unless colour is on (see :mod:`ofstedcli.render.plain`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ofstedcli.model import AREAS, GRADES
from ofstedcli.render.plain import (
    CHANGE_MARKS,
    GRADE_STYLES,
    Line,
    Segment,
    Target,
    emit,
    grade_seg,
    grid,
    seg,
)
from ofstedcli.render.send import outcome_seg, send_line, send_section

if TYPE_CHECKING:
    from rich.text import Text

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


def code_cell(value: str | None) -> Segment:
    """A grade as its coloured code: O, G, RI, I."""
    if value is None:
        return ("", "")
    return (CODES.get(value, "?"), GRADE_STYLES.get(value, ""))


def code(value: str | None) -> Text:
    """A grade's coloured code as Rich Text (for the Rich-drawn views)."""
    from rich.text import Text

    text, style = code_cell(value)
    return Text(text, style=style)


def legend_lines(areas: list[str] | None = None) -> list[Line]:
    """What the grade codes and area headings mean."""
    line: Line = [("  ", "dim")]
    for g in GRADES:
        line += [(CODES[g], GRADE_STYLES[g]), (f" {g}  ", "dim")]
    lines = [line]
    if areas:
        labels = "  ".join(f"{SHORT_AREA[a]} {AREAS[a]}" for a in areas)
        lines.append([(f"  {labels}", "dim")])
    return lines


def legend(target: Target, areas: list[str] | None = None) -> None:
    """Print the legend of grade codes (and area headings)."""
    emit(target, legend_lines(areas))


def header_lines(authority: dict[str, Any]) -> list[Line]:
    """Name, type, region, codes and status, with successions."""
    title: Line = [seg(authority["name"], "bold")]
    detail = ", ".join(x for x in (authority.get("type"), authority.get("region")) if x)
    if detail:
        title.append(seg(f"  ({detail})", "dim"))
    codes = [
        f"ONS {authority['ons_code']}",
        f"DfE {authority.get('dfe_code') or '-'}",
        f"Ofsted URN {authority.get('ofsted_urn') or '-'}",
        authority.get("status") or "",
    ]
    lines = [title, [seg(" · ".join(c for c in codes if c), "dim")]]
    for key, label in (("predecessors", "Formed from"), ("successors", "Replaced by")):
        links = authority.get(key) or []
        if links:
            when = {link.get("date") for link in links} - {None}
            names = ", ".join(f"{link['name']} ({link['ons_code']})" for link in links)
            suffix = f" in {min(when)[:4]}" if when else ""
            lines.append([seg(f"{label}: {names}{suffix}")])
    return lines


def _current_line(current: dict[str, Any] | None) -> Line:
    line: Line = [("Current: ", "bold")]
    if current is None:
        return [*line, ("no whole-service inspection on record", "dim")]
    if current["overall"] is None:
        line.append(("no overall judgement given (ILACS from April 2026)", "italic"))
    else:
        line.append(grade_seg(current["overall"], short=False))
    when = current.get("published") or current.get("start_date")
    kind = f"{current['framework']} {current['type']}"
    line.append(seg(f"  {kind}, published {when}" if when else f"  {kind}", "dim"))
    if current.get("provisional"):
        line.append((" (provisional)", "italic"))
    return line


def draw_show(target: Target, data: dict[str, Any]) -> None:
    """An authority's header, current judgement, path and whole timeline."""
    lines = header_lines(data["authority"])
    lines.append(_current_line(data.get("current")))
    if data.get("current_send"):
        lines.append(send_line(data["current_send"]))
    if data.get("path"):
        path: Line = [("Path: ", "bold")]
        for n, step in enumerate(data["path"]):
            if n:
                path.append((" -> ", ""))
            path += [grade_seg(step["overall"]), (f" ({step['year']})", "")]
        lines.append(path)
    if data.get("next"):
        from ofstedcli.render.due import next_line

        lines.append(next_line(data["next"]))
    earlier = data.get("predecessor_inspections") or []
    inspections = earlier + data["inspections"]
    lines.append([])
    if inspections:
        lines += _timeline(target.width, inspections)
        areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
        lines += legend_lines(areas)
    else:
        lines.append([("No inspections match.", "dim")])
    if data.get("send"):
        lines.append([])
        lines += send_section(target.width, data["send"])
    if data.get("documents"):
        lines.append([])
        lines += _documents(target.width, data["documents"])
    if any(i.get("provisional") for i in inspections + data.get("send", [])):
        lines.append([("* provisional: not yet in Ofsted's official statistics", "dim")])
    emit(target, lines)


def _timeline(width: int, inspections: list[dict[str, Any]]) -> list[Line]:
    wide = width >= 100
    areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
    headers = ["Inspected", "Published", "Inspection", "Overall" if wide else "OE", ""]
    headers += [SHORT_AREA[a] for a in areas] + (["Theme"] if wide else [])
    rows: list[list[Segment]] = []
    for insp in inspections:
        overall = grade_seg(insp["overall"], empty="-") if wide else code_cell(insp["overall"])
        if insp.get("provisional"):
            overall = (overall[0] + " *", overall[1])
        mark = CHANGE_MARKS.get(insp.get("change") or "", ("", ""))
        theme = insp.get("theme") or ""
        kind = _kind(insp) if wide or not theme else f"{_kind(insp)}: {theme}"
        if "authority" in insp:  # a predecessor's inspection
            kind = f"{kind}, former {insp['authority']['name']}"
        row = [
            (insp.get("start_date") or "", ""),
            (insp.get("published") or "", ""),
            (kind, ""),
            overall,
            mark,
        ]
        row += [code_cell(insp["judgements"].get(a)) for a in areas]
        if wide:
            row.append((theme, ""))
        rows.append(row)
    flexible = [2, len(headers) - 1] if wide else [2]
    return grid(width, headers, rows, flexible=flexible, title="Inspections")


def _from(party: dict[str, Any] | None) -> str:
    if not party:
        return ""
    return ", ".join(p for p in (party.get("name"), party.get("organisation")) if p)


def _documents(width: int, documents: list[dict[str, Any]]) -> list[Line]:
    rows = [
        [
            (doc.get("date") or "", ""),
            ((doc.get("kind") or "").replace("_", " "), ""),
            (doc["id"], "dim"),
            (doc.get("url") or doc.get("title") or _from(doc.get("sender")), ""),
        ]
        for doc in documents
    ]
    headers = ["Date", "Kind", "Id", "Link, title or sender"]
    return grid(width, headers, rows, flexible=[3, 1], title="Documents")


def draw_compare(target: Target, data: dict[str, Any]) -> None:
    """Authorities on one time axis of years, then a summary row for each."""
    shows = data["authorities"]
    years = sorted({s["year"] for show in shows for s in show["path"] if s["year"]})
    axis: list[list[Segment]] = []
    for show in shows:
        cells: dict[str, list[str]] = {}
        for step in show["path"]:
            cells.setdefault(step["year"], []).append(step["overall"])
        row: list[Segment] = [(show["authority"]["name"], "")]
        for y in years:
            grades = cells.get(y, [])
            text = "/".join(CODES[g] for g in grades)
            row.append((text, GRADE_STYLES[grades[-1]] if grades else ""))
        axis.append(row)
    lines = grid(
        target.width,
        ["Authority", *(f"'{y[2:]}" for y in years)],
        axis,
        flexible=[0],
        title="Overall judgements by year published",
    )
    lines += legend_lines()
    summary: list[list[Segment]] = []
    for show in shows:
        s = show["summary"]
        current = s["current"] or {}
        years_since = s["years_since_inadequate"]
        summary.append(
            [
                (show["authority"]["name"], ""),
                code_cell(current.get("overall")),
                (current.get("published") or current.get("start_date") or "", ""),
                (str(s["graded"]), ""),
                (str(s["visits"]), ""),
                code_cell(s["best"]),
                code_cell(s["worst"]),
                (f"{years_since} yrs" if years_since is not None else "never", ""),
            ]
        )
    lines.append([])
    lines += grid(
        target.width,
        ["Authority", "Current", "Published", "Graded", "Visits", "Best", "Worst", "Since I"],
        summary,
        flexible=[0],
        title="Summary",
    )
    if any(show.get("current_send") for show in shows):
        lines.append([])
        send_rows = [
            [
                seg(show["authority"]["name"]),
                outcome_seg(show.get("current_send") or {}, empty="-"),
                seg((show.get("current_send") or {}).get("published") or ""),
            ]
            for show in shows
        ]
        headers = ["Authority", "Area SEND outcome", "Published"]
        lines += grid(target.width, headers, send_rows, flexible=[0, 1], title="Area SEND")
    emit(target, lines)


def draw_list(target: Target, rows: list[dict[str, Any]]) -> None:
    """Every authority with its current grade and date."""
    cells: list[list[Segment]] = []
    for row in rows:
        latest = row.get("latest") or {}
        cells.append(
            [
                (row["name"], ""),
                (row.get("region") or "", ""),
                (row.get("type") or "", ""),
                grade_seg(latest.get("overall"), empty="-"),
                (latest.get("start_date") or "", ""),
                (latest.get("published") or "", ""),
                (_kind(latest) if latest else "", ""),
                outcome_seg(row.get("latest_send") or {}, empty="-"),
            ]
        )
    headers = [
        "Authority",
        "Region",
        "Type",
        "Current",
        "Inspected",
        "Published",
        "Inspection",
        "SEND",
    ]
    lines = grid(target.width, headers, cells, flexible=[0, 1, 2, 6, 7])
    lines.append([(_count(len(rows), "authority", "authorities"), "dim")])
    emit(target, lines)


def draw_inspections(target: Target, rows: list[dict[str, Any]]) -> None:
    """Every inspection event, oldest first."""
    cells: list[list[Segment]] = []
    for row in rows:
        overall = grade_seg(row["overall"], empty="-")
        if row.get("provisional"):
            overall = (overall[0] + " *", overall[1])
        cells.append(
            [
                (row["authority"].get("name") or row["authority"]["ons_code"], ""),
                (row.get("start_date") or "", ""),
                (row.get("published") or "", ""),
                (_kind(row), ""),
                overall,
                (row.get("theme") or "", "") if not row.get("outcome") else outcome_seg(row),
            ]
        )
    headers = ["Authority", "Inspected", "Published", "Inspection", "Overall", "Theme"]
    lines = grid(target.width, headers, cells, flexible=[0, 3, 5])
    lines.append([(_count(len(rows), "inspection", "inspections"), "dim")])
    emit(target, lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
