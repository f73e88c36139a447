"""show, compare, list and inspections, as lines of styled segments in light grids.

These views import no Rich unless colour is on (see :mod:`ofstedcli.render.plain`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ofstedcli.model import AREAS, GRADES, SHORT_GRADE, VISIT_TYPES, WHOLE_SERVICE_FRAMEWORKS
from ofstedcli.render.plain import (
    CHANGE_MARKS,
    GRADE_STYLES,
    Line,
    Segment,
    Target,
    document_line,
    emit,
    grade_seg,
    grid,
    kind_label,
    link_style,
    seg,
    width_of,
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
NBSP = "\u00a0"
#: The marks every view uses, explained by :func:`footnotes`.
PROVISIONAL = " *"
NO_OVERALL = "none"
FORMER = "†"


def overall_cell(insp: dict[str, Any] | None, *, short: bool = True, code: bool = False) -> Segment:
    """An inspection's overall grade, marked the same way in every view.

    A visit has none to give (blank); an inspection that gave none says ``none``; a
    provisional result carries `` *``.
    """
    if not insp:
        return ("-", "dim")
    value = insp.get("overall")
    if value is None:
        text, style = (NO_OVERALL if _gives_overall(insp) else ""), "dim"
    elif code:
        text, style = code_cell(value)
    else:
        text, style = grade_seg(value, short=short)
    if insp.get("provisional"):
        text += PROVISIONAL
    return (text, style)


def footnotes(records: Sequence[dict[str, Any] | None], former: str | None = None) -> list[Line]:
    """The lines explaining the marks used among ``records`` (inspections or currents)."""
    present = [r for r in records if r]
    lines: list[Line] = []
    if any(r.get("provisional") for r in present):
        lines.append([("* provisional: published after the newest official statistics", "dim")])
    if any(r.get("overall") is None and _gives_overall(r) for r in present):
        lines.append([(f"{NO_OVERALL}: no overall judgement given (ILACS from April 2026)", "dim")])
    if former:
        lines.append([(f"{FORMER} {former}", "dim")])
    return lines


def _gives_overall(insp: dict[str, Any]) -> bool:
    """Whether an inspection of this kind gives an overall judgement (SIF, ILACS; no visit)."""
    return insp.get("framework") in WHOLE_SERVICE_FRAMEWORKS and insp.get("type") not in VISIT_TYPES


def when(insp: dict[str, Any] | None) -> str:
    """The date every view shows for an inspection: its publication (else its start)."""
    if not insp:
        return ""
    return str(insp.get("published") or insp.get("start_date") or "")


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
    for n, g in enumerate(GRADES):
        line += [
            (CODES[g], GRADE_STYLES[g]),
            (f" {SHORT_GRADE[g]}" + ("  " if n < 3 else ""), "dim"),
        ]
    lines = [line]
    if areas:
        labels = [f"{SHORT_AREA[a]} {AREAS[a]}" for a in areas]
        row = "  "
        for label in labels:  # as many lines as 80 columns need, never a label broken
            if len(row) + len(label) > 78 and row.strip():
                lines.append([(row.rstrip(), "dim")])
                row = "  "
            row += label + "  "
        lines.append([(row.rstrip(), "dim")])
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


def _current_line(
    current: dict[str, Any] | None, status: str | None = "current", width: int | None = None
) -> Line:
    """The current (for a former authority, last) judgement, shortened to fit ``width``."""
    label = "Current: " if status != "former" else "Last judgement: "
    if current is None:
        return [(label, "bold"), ("no whole-service inspection on record", "dim")]
    for short in (False, True):
        line: Line = [(label, "bold")]
        if current["overall"] is None:
            line.append((f"{NO_OVERALL} (no overall judgement: ILACS from April 2026)", "italic"))
        else:
            line.append(grade_seg(current["overall"], short=short))
        if current.get("provisional"):
            line.append((PROVISIONAL, ""))
        date = when(current)
        kind = _kind(current) if short else f"{current['framework']} {current['type']}"
        line.append(seg(f"  {kind}, published {date}" if date else f"  {kind}", "dim"))
        if width is None or width_of("".join(t for t, _ in line)) <= width:
            break
    return line


def draw_show(target: Target, data: dict[str, Any]) -> None:
    """An authority's header, current judgement, path and whole timeline."""
    width = target.width
    lines = header_lines(data["authority"])
    lines.append(_current_line(data.get("current"), data["authority"].get("status"), width))
    if data.get("current_send"):
        lines.append(send_line(data["current_send"]))
    if data.get("path"):
        lines.append(path_line(data["path"], width))
    if data.get("next"):
        from ofstedcli.render.due import next_line

        lines.append(next_line(data["next"]))
    earlier = data.get("predecessor_inspections") or []
    inspections = earlier + data["inspections"]
    lines.append([])
    if inspections:
        lines += _timeline(width, inspections)
        areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
        lines += legend_lines(areas)
    else:
        lines.append([("No inspections match.", "dim")])
    if data.get("send"):
        lines.append([])
        lines += send_section(width or 10_000, data["send"])
    if data.get("documents"):
        lines.append([])
        lines += _documents(width, data["documents"])
    lines += footnotes([*inspections, *data.get("send", []), data.get("current")])
    emit(target, lines)


def path_line(steps: list[dict[str, Any]], width: int | None) -> Line:
    """The path of overall grades on one line: words, or grade codes when words do not fit."""
    for short in (False, True):
        line: Line = [("Path: ", "bold")]
        for n, step in enumerate(steps):
            if n:
                line.append((" -> ", ""))
            text, style = code_cell(step["overall"]) if short else grade_seg(step["overall"])
            if step.get("provisional"):
                text += PROVISIONAL
            line += [(text, style), (f" ({step['year']})", "")]
        if width is None or width_of("".join(t for t, _ in line)) <= width:
            break
    return line


def _timeline(width: int | None, inspections: list[dict[str, Any]]) -> list[Line]:
    """The inspections as a grid: full grades and a theme column when they fit, else codes."""
    if width is None:
        return _timeline_as(width, inspections, wide=True)
    if width >= 100:
        lines = _timeline_as(width, inspections, wide=True)
        if all(width_of("".join(t for t, _ in line)) <= width for line in lines):
            return lines
    return _timeline_as(width, inspections, wide=False)


def _timeline_as(width: int | None, inspections: list[dict[str, Any]], *, wide: bool) -> list[Line]:
    areas = [a for a in SUB_AREAS if any(a in i["judgements"] for i in inspections)]
    headers = ["Inspected", "Published", "Inspection", "Overall" if wide else "OE", ""]
    headers += [SHORT_AREA[a] for a in areas] + (["Theme"] if wide else [])
    rows: list[list[Segment]] = []
    for insp in inspections:
        overall = overall_cell(insp, code=not wide)
        mark = CHANGE_MARKS.get(insp.get("change") or "", ("", ""))
        theme = insp.get("theme") or ""
        kind = _kind(insp)
        if not wide:  # the kind is kept whole and short; only the theme after it wraps
            kind = kind.replace("focused visit", "FV").replace("monitoring visit", "MV")
            kind = kind.replace(" ", NBSP)
            if "authority" in insp:
                kind += FORMER
            kind += f": {theme}" if theme else ""
        elif "authority" in insp:  # a predecessor's inspection
            kind = f"{kind}, former {insp['authority']['name']}"
        row = [
            (insp.get("start_date") or "", ""),
            (insp.get("published") or "", link_style(insp.get("report_url"))),
            (kind, ""),
            overall,
            mark,
        ]
        row += [code_cell(insp["judgements"].get(a)) for a in areas]
        if wide:
            row.append((theme, ""))
        rows.append(row)
    flexible = [2, len(headers) - 1] if wide else [2]
    # The start date goes first when room is short, unless it is some row's only date.
    optional = [0] if all(i.get("published") for i in inspections) else []
    lines = grid(width, headers, rows, flexible=flexible, optional=optional, title="Inspections")
    if not wide and any(i.get("type") in VISIT_TYPES for i in inspections):
        lines.append([("  FV focused visit  MV monitoring visit", "dim")])
    formers = sorted({i["authority"]["name"] for i in inspections if "authority" in i})
    if not wide and formers:
        lines.append([(f"  {FORMER} inspections of the former {', '.join(formers)}", "dim")])
    return lines


def _documents(width: int | None, documents: list[dict[str, Any]]) -> list[Line]:
    wide = width is None or width >= 100
    rows = [
        [
            (doc.get("date") or "", ""),
            (kind_label(doc.get("kind"), short=True), ""),
            (doc["id"] if wide else doc["id"][:8], "dim"),
            (document_line(doc, link_first=True), link_style(doc.get("url"))),
        ]
        for doc in documents
    ]
    headers = ["Date", "Kind", "Id", "Link, title, sender or file"]
    return grid(width, headers, rows, flexible=[3], title="Documents")


def draw_compare(target: Target, data: dict[str, Any]) -> None:
    """Authorities on one time axis of years, then a summary row for each.

    Both are of the window asked for (``window`` in each object: the filters applied, a sole
    predecessor's inspections counted and marked †).
    """
    shows = data["authorities"]
    windows = [show.get("window") or show for show in shows]
    years = sorted({s["year"] for w in windows for s in w["path"] if s["year"]})
    axis: list[list[Segment]] = []
    for show, window in zip(shows, windows, strict=True):
        cells: dict[str, list[dict[str, Any]]] = {}
        for step in window["path"]:
            cells.setdefault(step["year"], []).append(step)
        row: list[Segment] = [(show["authority"]["name"], "")]
        for y in years:
            steps = cells.get(y, [])
            text = "/".join(
                CODES[st["overall"]]
                + (PROVISIONAL.strip() if st.get("provisional") else "")
                + (FORMER if "authority" in st else "")
                for st in steps
            )
            row.append((text, GRADE_STYLES[steps[-1]["overall"]] if steps else ""))
        axis.append(row)
    lines = grid(
        target.width,
        ["Authority", *(f"'{y[2:]}" for y in years)],
        axis,
        flexible=[0],
        title="Overall judgements by year published",
        gap=1 if len(years) > 10 else 2,
    )
    lines += legend_lines()
    summary: list[list[Segment]] = []
    formers: list[str] = []
    currents = []
    for show, window in zip(shows, windows, strict=True):
        s = window["summary"]
        marked = set(window.get("predecessor_fields") or [])
        if window.get("predecessor"):
            formers.append(window["predecessor"]["name"])

        def mark(field: str, cell: Segment, marked: set[str] = marked) -> Segment:
            return (cell[0] + FORMER, cell[1]) if field in marked and cell[0] else cell

        current = s["current"] or None
        currents.append(current)
        years_since = s["years_since_inadequate"]
        summary.append(
            [
                (show["authority"]["name"], ""),
                mark("current", overall_cell(current, code=True)),
                (when(current), ""),
                (str(s["graded"]), ""),
                (str(s["visits"]), ""),
                mark("best", code_cell(s["best"])),
                mark("worst", code_cell(s["worst"])),
                mark(
                    "last_inadequate",
                    (f"{years_since} yrs" if years_since is not None else "never", ""),
                ),
            ]
        )
    lines.append([])
    lines += grid(
        target.width,
        ["Authority", "Current", "Published", "Graded", "Visits", "Best", "Worst", "Since I"],
        summary,
        flexible=[0],
        title=f"Summary{_window_title(windows[0])}",
    )
    former = (
        f"counts the inspections of the authority it replaced: {', '.join(formers)}"
        if formers
        else None
    )
    lines += footnotes([*currents, *(st for w in windows for st in w["path"])], former)
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


def _window_title(window: dict[str, Any]) -> str:
    parts = []
    if window.get("since"):
        parts.append(f"from {window['since']}")
    if window.get("until"):
        parts.append(f"to {window['until']}")
    if parts and window.get("by"):
        parts.append(f"({window['by']})")
    return f" {' '.join(parts)}" if parts else ""


def draw_list(target: Target, rows: list[dict[str, Any]]) -> None:
    """Every authority with its current (or, for a former one, last) grade and date."""
    width = target.width
    wide = width is None or width >= 100
    cells: list[list[Segment]] = []
    for row in rows:
        latest = row.get("latest")
        name = row["name"] + (" (former)" if row.get("status") == "former" else "")
        cells.append(
            [
                (name, ""),
                overall_cell(latest, short=True),
                (when(latest), link_style((latest or {}).get("report_url"))),
                ((latest or {}).get("start_date") or "", ""),
                (_kind(latest) if latest else "", ""),
                (row.get("region") or "", ""),
                (row.get("type") or "", ""),
                outcome_seg(row.get("latest_send") or {}, empty="-"),
            ]
        )
    former = any(r.get("status") == "former" for r in rows)
    headers = [
        "Authority",
        "Last grade" if former else "Current",
        "Published",
        "Inspected",
        "Inspection",
        "Region",
        "Type",
        "SEND",
    ]
    lines = grid(
        width,
        headers,
        cells,
        flexible=[0, 5] if wide else [0],
        optional=[6, 3, 5, 7, 4],
    )
    lines.append([(_count(len(rows), "authority", "authorities"), "dim")])
    lines += footnotes([r.get("latest") for r in rows])
    emit(target, lines)


def draw_inspections(target: Target, rows: list[dict[str, Any]]) -> None:
    """Every inspection event, oldest first (or as given)."""
    width = target.width
    narrow = width is not None and width < 100
    cells: list[list[Segment]] = []
    for row in rows:
        mark = CHANGE_MARKS.get(row.get("change") or "", ("", ""))
        cells.append(
            [
                (row["authority"].get("name") or row["authority"]["ons_code"], ""),
                (row.get("published") or "", link_style(row.get("report_url"))),
                (_kind(row), ""),
                overall_cell(row, code=narrow),
                mark,
                outcome_seg(row) if row.get("framework") == "SEND" else seg(row.get("theme")),
                (row.get("start_date") or "", ""),
            ]
        )
    # An area SEND event's outcome stands where a visit's theme does.
    last = "Theme or outcome" if any(r.get("framework") == "SEND" for r in rows) else "Theme"
    headers = ["Authority", "Published", "Inspection", "Overall", "", last, "Inspected"]
    # The start date is dropped for room only when every row has its publication date.
    optional = [6, 5] if all(r.get("published") for r in rows) else [5, 2]
    lines = grid(width, headers, cells, flexible=[0, 5], optional=optional)
    lines.append([(_count(len(rows), "inspection", "inspections"), "dim")])
    if narrow and any(r.get("overall") for r in rows):
        lines += legend_lines()
    lines += footnotes(rows)
    emit(target, lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
