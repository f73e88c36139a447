"""Rich consoles, grade colours and safe text: shared by every table view."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import IO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ofstedcli.model import GOOD, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT, SHORT_GRADE

GRADE_STYLES = {
    OUTSTANDING: "bold green",
    GOOD: "green",
    REQUIRES_IMPROVEMENT: "yellow",
    INADEQUATE: "bold red",
}
CHANGE_MARKS = {"up": ("▲", "green"), "down": ("▼", "red"), "same": ("=", "dim")}

# C0/C1 controls (ESC starts every terminal escape sequence) but not tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Let the one closed-pipe handler in the CLI end the run (Rich would exit 1)."""
        raise BrokenPipeError


def make_console(stream: IO[str], color: bool) -> Console:
    """A console on ``stream``; width from COLUMNS when set, colour only when wanted."""
    width = os.environ.get("COLUMNS")
    return _Console(
        file=stream,
        no_color=not color,
        color_system="auto" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
        width=int(width) if width and width.isdigit() else None,
        soft_wrap=False,
    )


def safe(value: object, style: str = "") -> Text:
    """Data as literal text: markup is not interpreted and control characters are dropped."""
    return Text(_CONTROL.sub("", "" if value is None else str(value)), style=style)


def grade(value: str | None, *, short: bool = True, empty: str = "") -> Text:
    """A grade coloured by what it is."""
    if value is None:
        return Text(empty, style="dim")
    label = SHORT_GRADE.get(value, value) if short else value
    return safe(label, GRADE_STYLES.get(value, ""))


def change(value: str | None) -> Text:
    """A rise or fall mark."""
    if value is None:
        return Text("")
    mark, style = CHANGE_MARKS[value]
    return Text(mark, style=style)


Cell = tuple[str, str]
"""A grid cell: its text and its Rich style."""


def grid(
    width: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    flexible: Sequence[int] = (),
    title: str | None = None,
    gap: int = 2,
) -> list[Text]:
    """Aligned columns as lines: a light table (Rich's Table costs ~10 ms on a timeline).

    Columns fit their content; when ``width`` is too narrow the ``flexible`` columns (by
    index) shrink and their text wraps onto further lines.  Text is cleaned of control
    characters and never read as markup.
    """
    clean = [[(_CONTROL.sub("", text), style) for text, style in row] for row in rows]
    widths = [
        max([cell_len(h), *(cell_len(row[i][0]) for row in clean)]) for i, h in enumerate(headers)
    ]
    # A flexible column shrinks no further than its longest word, so words do not break.
    floor = {
        i: max([4, *(cell_len(w) for row in clean for w in row[i][0].split())]) for i in flexible
    }
    room = width - gap * (len(headers) - 1)
    while sum(widths) > room:
        shrinkable = [i for i in flexible if widths[i] > floor[i]]
        if not shrinkable:
            break
        widths[max(shrinkable, key=lambda i: widths[i] - floor[i])] -= 1
    spacer = " " * gap
    lines = [Text(title, style="bold")] if title else []
    labels = (h.ljust(w) for h, w in zip(headers, widths, strict=True))
    lines.append(Text(spacer.join(labels).rstrip(), style="bold"))
    lines.append(Text("─" * min(width, sum(widths) + gap * (len(widths) - 1)), "dim"))
    for row in clean:
        cells = [_wrap(text, w) for (text, _), w in zip(row, widths, strict=True)]
        for n in range(max(len(c) for c in cells)):
            line = Text()
            for i, ((_, style), parts) in enumerate(zip(row, cells, strict=True)):
                piece = parts[n] if n < len(parts) else ""
                line.append(piece, style)
                if i < len(row) - 1:
                    line.append(" " * (widths[i] - cell_len(piece)) + spacer)
            line.rstrip()
            lines.append(line)
    return lines


def print_lines(console: Console, lines: Sequence[Text]) -> None:
    """Print a whole view in one call (each print costs Rich a render pass)."""
    console.print(Text("\n").join(lines), soft_wrap=True)


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrap ``text`` to ``width`` cells, breaking long words where they must."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while cell_len(word) > width:
            room = width - cell_len(current) - (1 if current else 0)
            if room <= 0:
                lines.append(current)
                current = ""
                continue
            head, word = word[:room], word[room:]
            current = f"{current} {head}" if current else head
            lines.append(current)
            current = ""
        if current and cell_len(current) + 1 + cell_len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines
