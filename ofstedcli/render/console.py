"""Rich consoles and safe Rich text for the views drawn with Rich tables."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

from rich.console import Console
from rich.text import Text

from ofstedcli.render import plain
from ofstedcli.render.plain import CHANGE_MARKS, GRADE_STYLES, Segment, grade_seg, seg

__all__ = [
    "CHANGE_MARKS",
    "GRADE_STYLES",
    "Cell",
    "change",
    "fit",
    "grade",
    "grid",
    "make_console",
    "print_lines",
    "safe",
]


class _Console(Console):
    #: Set when the output is piped with no COLUMNS: tables keep each row on one line.
    piped = False

    def on_broken_pipe(self) -> None:
        """Let the one closed-pipe handler in the CLI end the run (Rich would exit 1)."""
        raise BrokenPipeError


def make_console(stream: IO[str], color: bool, fixed: int | None = None) -> Console:
    """A console on ``stream``; width ``fixed``, else from COLUMNS when set (in a sane
    range), colour only when wanted."""
    # Rich reads COLUMNS and LINES itself and fails on digits that int() refuses ("²"):
    # it gets the width from here and the environment without a bad LINES.
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES") or v.isascii()}
    return _Console(
        file=stream,
        no_color=not color,
        color_system="auto" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
        width=fixed or plain.layout_width(stream),
        soft_wrap=False,
        _environ=environ,
    )


def fit(console: Console) -> int | None:
    """Columns a table must fit on ``console``; None when piped (each row one line, so that
    grep finds whole rows)."""
    return None if getattr(console, "piped", False) else console.width


def safe(value: object, style: str = "") -> Text:
    """Data as literal text: markup is not interpreted and control characters are dropped."""
    text, style = seg(value, style)
    return Text(text, style=style)


def grade(value: str | None, *, short: bool = True, empty: str = "") -> Text:
    """A grade coloured by what it is."""
    text, style = grade_seg(value, short=short, empty=empty)
    return Text(text, style=style)


def change(value: str | None) -> Text:
    """A rise or fall mark."""
    if value is None:
        return Text("")
    mark, style = CHANGE_MARKS[value]
    return Text(mark, style=style)


Cell = Segment
"""A grid cell: its text and its Rich style."""


def grid(
    width: int | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    flexible: Sequence[int] = (),
    optional: Sequence[int] = (),
    breakable: Sequence[int] = (),
    title: str | None = None,
    gap: int = 2,
) -> list[Text]:
    """The light grid of :func:`ofstedcli.render.plain.grid`, as Rich Text lines."""
    lines = plain.grid(
        width, headers, rows, flexible=flexible, optional=optional, breakable=breakable,
        title=title, gap=gap,
    )  # fmt: skip
    return [plain.to_text([line]) for line in lines]


def print_lines(console: Console, lines: Sequence[Text]) -> None:
    """Print a whole view in one call (each print costs Rich a render pass)."""
    console.print(Text("\n").join(lines), soft_wrap=True)
