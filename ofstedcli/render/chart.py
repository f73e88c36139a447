"""The timeline picture: one row per authority, years across, each inspection a coloured block.

A graded inspection is drawn as its grade's letter on the grade's colour, so the picture
still reads without colour; an inspection without an overall grade is a hollow mark and a
visit a small dot.  The file versions are drawn by :mod:`ofstedcli.render.pictures`.
"""

from __future__ import annotations

import math
from typing import Any

from rich.console import Console
from rich.text import Text

from ofstedcli.model import (
    GOOD,
    GRADES,
    INADEQUATE,
    OUTSTANDING,
    REQUIRES_IMPROVEMENT,
    SHORT_GRADE,
)
from ofstedcli.render.console import safe
from ofstedcli.render.figures import year_fraction

LETTERS = {OUTSTANDING: "O", GOOD: "G", REQUIRES_IMPROVEMENT: "R", INADEQUATE: "I"}
BLOCK_STYLES = {
    OUTSTANDING: "bold white on dark_green",
    GOOD: "bold black on green3",
    REQUIRES_IMPROVEMENT: "bold black on yellow",
    INADEQUATE: "bold white on red",
}
UNGRADED = ("○", "bold")
VISIT = ("•", "cyan")
BASELINE = ("─", "bright_black")
MAX_LABEL = 28


def _label(name: str) -> str:
    plain = safe(name).plain
    return plain if len(plain) <= MAX_LABEL else plain[: MAX_LABEL - 1] + "…"


def _mark(event: dict[str, Any]) -> tuple[int, str, str]:
    """(priority, character, style) of one event: graded, then ungraded, then visits."""
    if event["visit"]:
        return 2, *VISIT
    if event["overall"] in LETTERS:
        return 0, LETTERS[event["overall"]], BLOCK_STYLES[event["overall"]]
    return 1, *UNGRADED


def _row(events: list[dict[str, Any]], first: int, per_year: int, width: int) -> Text:
    cells: list[tuple[int, str, str] | None] = [None] * width
    for priority, char, style, col in sorted(
        (*_mark(e), _column(e["date"], first, per_year, width)) for e in events
    ):
        spot = _free(cells, col)
        if spot is not None:
            cells[spot] = (priority, char, style)
    text = Text(no_wrap=True, overflow="crop")
    for cell in cells:
        text.append(cell[1], style=cell[2]) if cell else text.append(BASELINE[0], BASELINE[1])
    return text


def _column(date: str, first: int, per_year: int, width: int) -> int:
    col = (int(date[:4]) - first) * per_year + min(
        per_year - 1, int(year_fraction(date) * per_year)
    )
    return max(0, min(width - 1, col))


def _free(cells: list[Any], col: int) -> int | None:
    """The nearest empty cell to ``col``, looking right first."""
    for step in range(len(cells)):
        for spot in (col + step, col - step):
            if 0 <= spot < len(cells) and cells[spot] is None:
                return spot
    return None


def _axis(first: int, last: int, per_year: int) -> Text:
    width = (last - first + 1) * per_year
    line = [" "] * width
    step = max(1, math.ceil(5 / per_year))
    for year in range(first, last + 1, step):
        start = (year - first) * per_year
        label = str(year)
        if start + len(label) <= width:
            line[start : start + len(label)] = label
    return Text("".join(line), style="bold", no_wrap=True, overflow="crop")


def legend() -> list[Text]:
    """What the marks mean: the grades on one line, the other marks on the next."""
    grades = Text()
    for n, g in enumerate(GRADES):
        grades.append("   " if n else "")
        grades.append(LETTERS[g], style=BLOCK_STYLES[g])
        grades.append(f" {SHORT_GRADE[g]}")
    marks = Text()
    marks.append(UNGRADED[0], style=UNGRADED[1])
    marks.append(" inspection without an overall grade   ")
    marks.append(VISIT[0], style=VISIT[1])
    marks.append(" focused or monitoring visit")
    return [grades, marks]


def draw_chart(console: Console, data: dict[str, Any]) -> None:
    """One row per authority, years across, inspections as blocks coloured by grade."""
    rows = data["authorities"]
    if data["from"] is None:
        console.print(Text("No inspections to draw.", style="dim"))
        return
    first, last = int(data["from"]), int(data["to"])
    years = last - first + 1
    label_width = max(len(_label(r["authority"]["name"])) for r in rows) + 2
    label_width = min(label_width, max(8, console.width - years))
    per_year = max(1, (console.width - label_width) // years)
    width = per_year * years
    console.print(Text("Inspections over time", style="bold"))
    axis = Text(" " * label_width, no_wrap=True, overflow="crop")
    axis.append_text(_axis(first, last, per_year))
    console.print(axis)
    for row in rows:
        label = _label(row["authority"]["name"])[: label_width - 2]
        line = Text(label.ljust(label_width), no_wrap=True)
        line.overflow = "crop"
        line.append_text(_row(row["inspections"], first, per_year, width))
        console.print(line)
    for line in legend():
        console.print(line)
