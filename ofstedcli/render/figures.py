"""The report pictures as SVG: the inspection timeline, and bar charts of grades.

Each function takes the command's JSON data and returns a :class:`Picture`: its title, the SVG,
and its data as an HTML table for the page version.  Sizes are fixed in pixels, never taken
from the terminal.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import Any

from ofstedcli.model import GRADES
from ofstedcli.render.svg import (
    GRID,
    MUTED,
    STYLES,
    UNGRADED,
    Canvas,
    Picture,
    caption,
    heading,
    html_table,
    legend,
    short,
    source_line,
    text_width,
)

WIDTH = 1000
LEFT = 24
LABEL = 230  # room for an authority's name
ROW = 44
BLOCK = 24
SEND_ROW = 30  # the area SEND lane under an authority's row, when it has SEND events
PROVISIONAL_NOTE = "* Provisional: published after the newest official statistics"


def names_title(names: Sequence[str], region: str | None = None) -> str:
    """'Leeds', 'Leeds and York', 'Leeds, York and Hull', 'Leeds, York, Hull and 4 more'."""
    if region:
        return region + (f" and {names_title(names)}" if names else "")
    if len(names) > 4:
        return ", ".join(names[:3]) + f" and {len(names) - 3} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def year_fraction(date: str) -> float:
    """How far through its year an ISO date falls, 0 to 1."""
    parts = [int(p) for p in date[:10].split("-")]
    year, month, day = [*parts, 1, 1][:3]
    days = 366 if calendar.isleap(year) else 365
    before = sum(calendar.monthrange(year, m)[1] for m in range(1, month))
    return (before + day - 1) / days


def _tip(name: str, e: dict[str, Any]) -> str:
    grade = e["overall"] or ("visit" if e["visit"] else "no overall grade")
    theme = f" ({e['theme']})" if e.get("theme") else ""
    mark = ", provisional" if e.get("provisional") else ""
    published = f", published {e['published']}" if e.get("published") else ""
    return f"{name}: {e['framework']} {e['type']}{theme}, {e['date']}{published}: {grade}{mark}"


#: The area SEND marks: rounded, white, never in a grade's colour (SEND is not graded so).
SEND_LEGEND = [
    ("send:2", "Area SEND outcome 1-3 (2023 framework; 1 the most positive)"),
    ("send:W", "Written statement of action (2016)"),
    ("send:N", "None needed (2016)"),
    ("send:V", "Revisit (2016)"),
    ("send:M", "Monitoring (2023)"),
]


def send_mark(e: dict[str, Any]) -> str:
    """The character on an area SEND event's mark."""
    if e["type"] == "full inspection":
        return str(e["outcome_level"]) if e.get("outcome_level") else "–"
    if e["type"] == "inspection":
        written = e.get("written_statement")
        return "W" if written else ("N" if written is False else "–")
    return {"revisit": "V", "monitoring inspection": "M"}.get(e["type"], "–")


def _send_words(e: dict[str, Any]) -> str:
    if e.get("outcome_level"):
        return f"outcome {e['outcome_level']}"
    if e.get("written_statement") is not None:
        return "written statement of action" if e["written_statement"] else "no written statement"
    if e.get("progress"):
        return f"{e['progress']} progress"
    return "no outcome recorded"


def _send_tip(name: str, e: dict[str, Any]) -> str:
    mark = ", provisional" if e.get("provisional") else ""
    published = f", published {e['published']}" if e.get("published") else ""
    return f"{name}: area SEND {e['type']}, {e['date']}{published}: {_send_words(e)}{mark}"


def timeline(
    data: dict[str, Any], *, region: str | None = None, data_to: str | None = None
) -> Picture:
    """One lane per authority, years across, each inspection a lettered block, visits dots."""
    rows = data["authorities"]
    names = [
        r["authority"]["name"] for r in rows if not region or r["authority"].get("region") != region
    ]
    title = f"Ofsted inspections of children's services: {names_title(names, region)}"
    first = int(data["from"]) if data["from"] is not None else None
    last = int(data["to"]) if data["to"] is not None else None
    span = f", {first}–{last}" if first is not None and first != last else ""
    described = (
        f"Timeline of inspection judgements{span}, one row per authority; the letter in each "
        "block is the overall grade."
    )
    canvas = Canvas(WIDTH, title, described)
    subtitle = (
        f"Overall judgements by date of inspection{span}; dots are focused or monitoring visits"
        + ("; area SEND inspections on the line below" if any(r.get("send") for r in rows) else "")
    )
    top = heading(canvas, LEFT, title, subtitle) + 12
    x0, x1 = LEFT + LABEL, WIDTH - LEFT
    if first is None or last is None:
        canvas.text(LEFT, top + 20, "No inspections to draw.", size=14)
        bottom = top + 44
        provisional = False
    else:
        years = last - first + 1
        per_year = (x1 - x0) / years

        def at(date: str) -> float:
            return x0 + (int(date[:4]) - first + year_fraction(date)) * per_year

        step = next(s for s in (1, 2, 5, 10, 20, 50) if s * per_year >= 44)
        heights = [ROW + (SEND_ROW if row.get("send") else 0) for row in rows]
        bottom = top + 18 + sum(heights)
        for year in range(first, last + 2):
            x = x0 + (year - first) * per_year
            canvas.line(x, top + 6, x, bottom)
            if (year - first) % step == 0 and year <= last:
                canvas.text(x + 3, top, str(year), size=12, fill=MUTED)
        provisional = False
        y = top + 18
        for row, height in zip(rows, heights, strict=True):
            name = row["authority"]["name"]
            label = short(name, 30)
            canvas.text(LEFT, y + ROW / 2 + 5, label, size=13, weight="bold", tip=name)
            canvas.line(x0, y + ROW / 2, x1, y + ROW / 2, "#9e9e9e")
            right: float = x0 - BLOCK  # end of the last block drawn: later ones move clear of it
            for e in sorted(row.get("inspections", []), key=lambda e: e["date"]):
                x = at(e["date"])
                if e["visit"]:
                    canvas.dot(x, y + ROW / 2 + BLOCK / 2 + 7, _tip(name, e))
                    continue
                left = max(x - BLOCK / 2, right + 2)
                style = STYLES.get(e["overall"] or "", UNGRADED)
                mark = style.letter + ("*" if e.get("provisional") else "")
                provisional = provisional or bool(e.get("provisional"))
                width = BLOCK + (10 if e.get("provisional") else 0)
                canvas.block(
                    left,
                    y + (ROW - BLOCK) / 2,
                    width,
                    BLOCK,
                    style,
                    mark,
                    tip=_tip(name, e),
                    dashed=bool(e.get("provisional")),
                )
                right = left + width
            if row.get("send"):
                lane = y + ROW + SEND_ROW / 2 - 4
                canvas.text(LEFT + 12, lane + 4, "area SEND", size=12, fill=MUTED)
                canvas.line(x0, lane, x1, lane, GRID)
                right = x0 - BLOCK
                for e in sorted(row["send"], key=lambda e: e["date"]):
                    mark = send_mark(e) + ("*" if e.get("provisional") else "")
                    provisional = provisional or bool(e.get("provisional"))
                    width = 22 + (10 if e.get("provisional") else 0)
                    left = max(at(e["date"]) - 11, right + 2)
                    canvas.block(
                        left,
                        lane - 10,
                        width,
                        20,
                        UNGRADED,
                        mark,
                        tip=_send_tip(name, e),
                        dashed=bool(e.get("provisional")),
                        rounded=True,
                    )
                    right = left + width
            y += height
    extra = [("ungraded", "No overall grade"), ("visit", "Focused or monitoring visit")]
    used = {send_mark(e) for r in rows for e in r.get("send", [])}
    used |= {"2"} if used & {"1", "3"} else set()
    extra += [item for item in SEND_LEGEND if item[0][5:] in used]
    y = legend(canvas, LEFT, bottom + 18, extra, WIDTH - 2 * LEFT)
    notes = [PROVISIONAL_NOTE] if provisional else []
    y = caption(canvas, LEFT, y + 4, [*notes, source_line(data_to)])
    table = html_table(
        ["Authority", "Date", "Published", "Framework", "Type", "Overall", "Provisional"],
        [
            (
                r["authority"]["name"],
                e["date"],
                e.get("published"),
                e["framework"],
                e["type"],
                e["overall"] or ("visit" if e["visit"] else "no overall grade"),
                "yes" if e.get("provisional") else "",
            )
            for r in rows
            for e in r.get("inspections", [])
        ]
        + [
            (
                r["authority"]["name"],
                e["date"],
                e.get("published"),
                "area SEND",
                e["type"],
                _send_words(e),
                "yes" if e.get("provisional") else "",
            )
            for r in rows
            for e in r.get("send", [])
        ],
    )
    return Picture(title, canvas.svg(y + 12), table)


def _bar(
    canvas: Canvas, x: float, y: float, width: float, counts: dict[str, int], label: str
) -> None:
    """A stacked bar of grade counts filling ``width``, each part lettered when it fits."""
    total = sum(counts.values())
    for grade in GRADES:
        n = counts.get(grade, 0)
        if not n or not total:
            continue
        w = width * n / total
        style = STYLES[grade]
        share = round(100 * n / total)
        words = f"{style.letter} {share}%"
        text = words if text_width(words, 13) <= w - 6 else style.letter
        canvas.block(x, y, w, 26, style, text, tip=f"{label}: {style.name} {n} of {total}")
        x += w


def stats_bars(data: dict[str, Any], *, data_to: str | None = None) -> Picture:
    """One 100% bar per group (England first): the share of each latest overall grade."""
    by = "authority type" if data["by"] == "type" else "region"
    title = f"Latest Ofsted judgements of children's services, England and by {by}"
    groups = [data["england"], *data["groups"]]
    canvas = Canvas(WIDTH, title, f"Stacked bars of the share of each overall grade by {by}.")
    cutoff = f", reports published by {data['published_by']}" if data.get("published_by") else ""
    subtitle = f"As at {data['as_at']}{cutoff}; shares of the authorities with an overall grade"
    y = heading(canvas, LEFT, title, subtitle)
    x0, x1 = LEFT + LABEL, WIDTH - LEFT - 150
    for n, g in enumerate(groups):
        canvas.text(LEFT, y + 18, short(g["name"], 30), weight="bold", tip=g["name"])
        _bar(canvas, x0, y, x1 - x0, g["counts"], g["name"])
        rest = g["total"] - g["graded"]
        canvas.text(x1 + 10, y + 18, f"{g['graded']} graded" + (f", {rest} not" if rest else ""))
        y += 38 + (10 if n == 0 else 0)  # England stands apart from the groups
    y = legend(canvas, LEFT, y + 10, (), WIDTH - 2 * LEFT)
    notes = [
        "Percentages are of the authorities with an overall grade; 'not' counts those without "
        "one (not yet reported, or not inspected)."
    ]
    y = caption(canvas, LEFT, y + 4, [*notes, source_line(data_to)])
    table = html_table(
        ["Group", "Authorities", *[STYLES[g].name for g in GRADES], "Without a grade"],
        [
            (g["name"], g["total"], *[g["counts"][k] for k in GRADES], g["total"] - g["graded"])
            for g in groups
        ],
    )
    return Picture(title, canvas.svg(y + 12), table)


def _name(authority: dict[str, Any]) -> str:
    """An authority's name, or its code when the store has no name for it."""
    return str(authority.get("name") or authority.get("ons_code") or "?")


def _wrap_items(items: Sequence[str], width: int) -> list[str]:
    """Items joined with commas into lines of at most ``width`` characters, never split."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += ", " + item
        else:
            lines.append(item)
    return lines


def neighbour_bars(data: dict[str, Any], *, data_to: str | None = None) -> Picture:
    """One bar per grade: how many of the statistical neighbours hold it, each one a block."""
    own = data["authority"]["name"]
    title = f"{own} and its statistical neighbours: latest Ofsted judgements"
    canvas = Canvas(WIDTH, title, "Bars counting the neighbours at each overall grade.")
    current = (data.get("current") or {}).get("overall")
    shown = STYLES[current].name if current in STYLES else "no overall grade"
    subtitle = f"{own}: {shown}. Each block is one neighbour, numbered by closeness (1 closest)."
    y = heading(canvas, LEFT, title, subtitle)
    rows: list[tuple[str | None, str]] = [(g, STYLES[g].name) for g in GRADES]
    rows.append((None, "No overall grade"))
    x0 = LEFT + LABEL
    for grade, words in rows:
        members = [
            n for n in data["neighbours"] if ((n.get("current") or {}).get("overall")) == grade
        ]
        style = STYLES[grade] if grade else UNGRADED
        marker = f"   ◀ {short(own, 40)}'s own grade" if grade == current else ""
        canvas.text(LEFT, y + 18, words, weight="bold")
        x: float = x0
        for m in members:
            tip = f"{m['rank']}. {_name(m['authority'])}: {words}"
            canvas.block(x, y, 34, 26, style, str(m["rank"]), tip=tip)
            x += 36
        canvas.text(x + 8, y + 18, f"{len(members)}{marker}")
        listed = [f"{m['rank']}. {_name(m['authority'])}" for m in members]
        for line in _wrap_items(listed, 100):
            y += 18
            canvas.text(x0, y + 32, line, size=12, fill=MUTED)
        y += 42
    y = legend(canvas, LEFT, y + 10, [("ungraded", "No overall grade")], WIDTH - 2 * LEFT)
    y = caption(canvas, LEFT, y + 4, [source_line(data_to)])
    table = html_table(
        ["Rank", "Neighbour", "Overall", "Published"],
        [
            (
                n["rank"],
                _name(n["authority"]),
                (n.get("current") or {}).get("overall") or "no overall grade",
                (n.get("current") or {}).get("published"),
            )
            for n in data["neighbours"]
        ],
    )
    return Picture(title, canvas.svg(y + 12), table)
