"""Lines of styled text, laid out in light grids, printed with Rich only when colour is on.

The history views (show, compare, list, inspections) are built as lines of ``(text, style)``
segments.  Without colour (a pipe, ``NO_COLOR``, ``--no-color``) a :class:`Screen` writes the
text itself and Rich is never imported, which keeps those commands fast; with colour the same
segments become Rich ``Text``.  Every segment is cleaned of control characters when it is
made, and no segment is ever read as markup, so text from sources cannot style or control the
terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, Union

from ofstedcli.model import GOOD, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT, SHORT_GRADE
from ofstedcli.render import HIDDEN

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text

Segment = tuple[str, str]
"""A piece of text and its Rich style ("" for none)."""
Line = list[Segment]

GRADE_STYLES = {
    OUTSTANDING: "bold green",
    GOOD: "green",
    REQUIRES_IMPROVEMENT: "yellow",
    INADEQUATE: "bold red",
}
#: Short kinds of document, so that a kind is never wrapped.
SHORT_KIND = {
    "inspection_report": "report",
    "focused_visit_letter": "FV letter",
    "monitoring_visit_letter": "MV letter",
    "ministerial_letter": "ministerial",
    "engagement_meeting_letter": "engagement",
    "press_release": "press",
    "committee_report": "committee",
    "area_send_report": "SEND report",
}


def kind_label(kind: str | None, short: bool) -> str:
    """A document's kind in words: "inspection report", or short ("report") for a narrow table."""
    kind = kind or ""
    return SHORT_KIND.get(kind, kind) if short else kind.replace("_", " ")


CHANGE_MARKS = {"up": ("▲", "green"), "down": ("▼", "red"), "same": ("=", "dim")}

# C0/C1 controls (ESC starts every terminal escape sequence) but not tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Invisible characters that reorder or hide text on a terminal (ofstedcli.render.HIDDEN).
#: Shown as ``\\uXXXX`` so a reader sees they are there.
INVISIBLE = re.compile("[" + "".join(map(chr, HIDDEN)) + "]")


def party_line(party: dict[str, object] | None, role: bool = True) -> str:
    """A letter's sender or recipient on one line: "Will Quince MP, Department for Education"
    (with the role between them when ``role``)."""
    if not party:
        return ""
    keys = ("name", "role", "organisation") if role else ("name", "organisation")
    return ", ".join(str(party[k]) for k in keys if party.get(k))


def document_line(doc: dict[str, Any], link_first: bool = False) -> str:
    """A document in a few words: its title and link (the link first when ``link_first``),
    else its sender, else the name of the file it was read from (never its folders)."""
    title, url = doc.get("title"), doc.get("url")
    said = (url or title) if link_first else (title or url)
    path = str(doc.get("path") or "").replace("\\", "/")
    return str(said or party_line(doc.get("sender"), role=False) or path.rsplit("/", 1)[-1])


def escape_invisible(text: str) -> str:
    """Text with each bidi control or zero-width character written as ``\\uXXXX``."""
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: The range of widths laid out in: a COLUMNS or terminal width outside it is brought in.
MIN_WIDTH, MAX_WIDTH = 20, 1000


def env_columns() -> int | None:
    """The width COLUMNS gives, brought into [MIN_WIDTH, MAX_WIDTH]; None when it is unset
    or not a positive number in ASCII digits (``0``, ``-5``, ``²``, ``abc``)."""
    raw = os.environ.get("COLUMNS", "").strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) <= 0:
        return None
    return max(MIN_WIDTH, min(int(raw), MAX_WIDTH))


def layout_width(stream: IO[str]) -> int:
    """Columns to lay out in: COLUMNS, else the terminal's, else 80; always in range."""
    given = env_columns()
    if given is not None:
        return given
    if stream.isatty():
        return max(MIN_WIDTH, min(shutil.get_terminal_size().columns, MAX_WIDTH))
    return 80


def seg(value: object, style: str = "") -> Segment:
    """A segment of data shown literally: control characters dropped, bidi and zero-width
    characters escaped, newlines folded."""
    text = "" if value is None else str(value)
    text = escape_invisible(CONTROL.sub("", text))
    return (text.replace("\n", " ").replace("\t", " "), style)


def grade_seg(value: str | None, *, short: bool = True, empty: str = "") -> Segment:
    """A grade coloured by what it is."""
    if value is None:
        return (empty, "dim")
    return (SHORT_GRADE.get(value, value) if short else value, GRADE_STYLES.get(value, ""))


def width_of(text: str) -> int:
    """Terminal cells a text takes (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def grid(
    width: int | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[Segment]],
    *,
    flexible: Sequence[int] = (),
    optional: Sequence[int] = (),
    breakable: Sequence[int] = (),
    title: str | None = None,
    gap: int = 2,
) -> list[Line]:
    """Aligned columns as lines: a light table (Rich's Table costs ~10 ms on a timeline).

    Columns fit their content.  With no ``width`` (output piped) nothing is fitted: each row
    is one line.  When ``width`` is too narrow the ``flexible`` columns (free text, by index)
    shrink, no further than their longest word (a ``breakable`` one, such as a file's path,
    as far as its header, its words broken), and wrap onto more lines; if that is not enough
    the ``optional`` columns are dropped, first listed first.  Names, dates and grades are
    never broken.
    """
    clean = [[seg(text, style) for text, style in row] for row in rows]
    keep = list(range(len(headers)))
    while True:
        widths = _fitted(width, headers, clean, keep, flexible, breakable, gap)
        dropping = [i for i in optional if i in keep]
        if width is None or sum(widths) + gap * (len(keep) - 1) <= width or not dropping:
            break
        keep.remove(dropping[0])
    headers = [headers[i] for i in keep]
    clean = [[row[i] for i in keep] for row in clean]
    spacer = " " * gap
    lines: list[Line] = [[(title, "bold")]] if title else []
    labels = (h + " " * (w - width_of(h)) for h, w in zip(headers, widths, strict=True))
    lines.append([(spacer.join(labels).rstrip(), "bold")])
    full = sum(widths) + gap * (len(widths) - 1)
    lines.append([("─" * (full if width is None else min(width, full)), "dim")])
    for row in clean:
        cells = [_wrap(text, w) for (text, _), w in zip(row, widths, strict=True)]
        for n in range(max(len(c) for c in cells)):
            line: Line = []
            pad = ""
            for i, ((_, style), parts) in enumerate(zip(row, cells, strict=True)):
                piece = parts[n] if n < len(parts) else ""
                if piece:
                    if pad:
                        line.append((pad, ""))
                    line.append((piece, style))
                    pad = ""
                if i < len(row) - 1:
                    pad += " " * (widths[i] - width_of(piece)) + spacer
            lines.append(line)
    return lines


def _fitted(
    width: int | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[Segment]],
    keep: Sequence[int],
    flexible: Sequence[int],
    breakable: Sequence[int],
    gap: int,
) -> list[int]:
    """Widths of the kept columns, the flexible ones shrunk towards ``width``."""
    widths = {i: max([width_of(headers[i]), *(width_of(row[i][0]) for row in rows)]) for i in keep}
    if width is not None:
        floor = {
            i: max(
                [
                    4,
                    width_of(headers[i]),
                    *(
                        width_of(w)
                        for row in rows
                        for w in ([] if i in breakable else row[i][0].split(" "))
                    ),
                ]
            )
            for i in (*flexible, *breakable)
            if i in keep
        }
        room = width - gap * (len(keep) - 1)
        while sum(widths.values()) > room:
            # Text that wraps at its spaces first; a breakable column's words are broken
            # only when nothing else can give.
            shrinkable = [i for i in floor if widths[i] > floor[i] and i not in breakable]
            shrinkable = shrinkable or [i for i in floor if widths[i] > floor[i]]
            if not shrinkable:
                break
            widths[max(shrinkable, key=lambda i: widths[i] - floor[i])] -= 1
    return [widths[i] for i in keep]


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrap ``text`` to ``width`` cells, breaking a word only when it must (after a
    slash, where it has one)."""
    if width_of(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while width_of(word) > width:
            room = width - width_of(current) - (1 if current else 0)
            if room <= 0:
                lines.append(current)
                current = ""
                continue
            head = word[:room]
            # A path or a link breaks after a slash where one is in reach: its names stay whole.
            cut = head.rfind("/", 1) + 1 if not current else 0
            head, word = word[: cut or room], word[cut or room :]
            lines.append(f"{current} {head}" if current else head)
            current = ""
        if current and width_of(current) + 1 + width_of(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def plain(lines: Sequence[Line]) -> str:
    """The lines as text without styles (and without trailing spaces)."""
    return "\n".join("".join(text for text, _ in line).rstrip() for line in lines)


def to_text(lines: Sequence[Line]) -> Text:
    """The lines as one Rich Text (for a coloured terminal)."""
    from rich.text import Text

    out = Text()
    for n, line in enumerate(lines):
        if n:
            out.append("\n")
        for text, style in _rstrip(line):
            out.append(text, _rich_style(style))
    return out


def _rich_style(style: str) -> str | Style:
    """A segment's style for Rich: link styles become Style(link=...)."""
    if not style.startswith(LINK):
        return style
    from rich.style import Style

    url, _, rest = style[len(LINK) :].partition(" ")
    return (Style.parse(rest) if rest else Style()) + Style(link=url)


def ansi(lines: Sequence[Line]) -> str:
    """The lines with their styles as ANSI codes, rendered by Rich's Style alone.

    rich.style costs 5 ms to import where rich.console costs 15 ms; the grade colours are the
    standard eight, which every ANSI terminal shows.
    """
    from rich.color import ColorSystem
    from rich.style import Style

    def render(text: str, style: str) -> str:
        if not style or not text:
            return text
        link = ""
        if style.startswith(LINK):
            link, _, style = style[len(LINK) :].partition(" ")
            text = f"\x1b]8;;{link}\x1b\\{text}\x1b]8;;\x1b\\"
            if not style:
                return text
        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    return "\n".join(
        "".join(render(text, style) for text, style in _rstrip(line)) for line in lines
    )


def _rstrip(line: Line) -> Line:
    """A line without trailing spaces (pieces of only spaces dropped at the end)."""
    out = list(line)
    while out and not out[-1][0].rstrip():
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


#: A style starting with this and a URL makes the text a hyperlink (OSC 8) on a terminal.
LINK = "link:"
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def link_style(url: object, style: str = "") -> str:
    """A style that makes a cell a clickable link to ``url`` (only a plain http(s) URL)."""
    if not isinstance(url, str) or not _SAFE_URL.fullmatch(url):
        return style
    return f"{LINK}{url} {style}".rstrip()


class Screen:
    """Where a history view is drawn: its width, and printing with Rich only for colour."""

    def __init__(
        self, stream: IO[str], color: bool, *, width: int | None = None, tty: bool | None = None
    ) -> None:
        self.stream = stream
        self.color = color
        self._width = width
        self._tty = stream.isatty() if tty is None else tty
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        """A Rich console on the same stream (imports Rich)."""
        if self._console is None:
            from ofstedcli.render.console import make_console

            self._console = make_console(self.stream, self.color, self.width or 80)
            self._console.piped = self.width is None  # type: ignore[attr-defined]
        return self._console

    @property
    def width(self) -> int | None:
        """Columns to fit: COLUMNS (in a sane range), else the terminal's; None when piped
        (rows stay whole)."""
        if self._width is not None:
            return self._width
        given = env_columns()
        if given is not None:
            return given
        if self._tty:
            return max(MIN_WIDTH, min(shutil.get_terminal_size().columns, MAX_WIDTH))
        return None

    def wide(self, at: int = 100) -> bool:
        """Whether there is room for the wide layout (always, when piped)."""
        return self.width is None or self.width >= at

    def write(self, lines: Sequence[Line]) -> None:
        """Print the lines: as plain text, or styled by Rich when colour is on."""
        if not self.color:
            self.stream.write(plain(lines) + "\n")
        elif sys.platform == "win32":  # the full console sets up the Windows terminal
            self.console.print(to_text(lines), soft_wrap=True)
        else:
            self.stream.write(ansi(lines) + "\n")


Target = Union[Screen, "Console"]


def emit(target: Target, lines: Sequence[Line]) -> None:
    """Print lines on a Screen, or on a Rich console (views drawn inside other views)."""
    if isinstance(target, Screen):
        target.write(lines)
    else:
        target.print(to_text(lines), soft_wrap=True)
