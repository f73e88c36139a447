"""Rich consoles, grade colours and safe text: shared by every table view."""

from __future__ import annotations

import os
import re
from typing import IO

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
