"""SVG drawing for the report pictures: grade palette, WCAG contrast, shapes, legend, HTML page.

Pictures are built as SVG text with the standard library only: no font or script is fetched
from anywhere (the fonts named are the reader's own sans-serif), the background is white, and
every grade is told apart by its letter and a pattern as well as its colour, so a picture
printed in black and white still reads.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ofstedcli.model import GOOD, GRADES, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT

FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
BACKGROUND = "#ffffff"
INK = "#1a1a1a"  # text and outlines
MUTED = "#4d4d4d"  # secondary text: still over 7:1 on white
GRID = "#d9d9d9"  # year lines: decoration only, never the only cue


@dataclass(frozen=True)
class Picture:
    """A finished picture: its title, the SVG document, and its data as an HTML table."""

    title: str
    svg: str
    table: str


@dataclass(frozen=True)
class Style:
    """How one grade is drawn: fill, text colour on it, stripes (None: solid) and its letter."""

    fill: str
    text: str
    stripes: str | None
    letter: str
    name: str


#: Dark fills carry white letters, light fills black ones; stripes tell apart the pairs that
#: would print as the same grey (Outstanding and Inadequate dark, Good and RI light).
STYLES: dict[str, Style] = {
    OUTSTANDING: Style("#1b5e20", "#ffffff", None, "O", "Outstanding"),
    GOOD: Style("#9ed8a4", "#000000", None, "G", "Good"),
    REQUIRES_IMPROVEMENT: Style("#ffd54f", "#000000", "#b38600", "R", "Requires improvement"),
    INADEQUATE: Style("#b3261e", "#ffffff", "#6d120d", "I", "Inadequate"),
}
UNGRADED = Style(BACKGROUND, INK, None, "–", "No overall grade")


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def esc(text: object) -> str:
    """Text made safe for XML element content, control characters dropped."""
    clean = "".join(c for c in str(text) if c in "\t\n" or (ord(c) >= 32 and ord(c) != 127))
    clean = "".join(c for c in clean if not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff")
    return escape(clean, quote=False)


def short(text: str, limit: int) -> str:
    """Text cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def text_width(text: str, size: float) -> float:
    """A generous estimate of the width of sans-serif text (no font metrics at hand)."""
    return len(text) * size * 0.6


class Canvas:
    """An SVG picture under construction: elements appended in drawing order."""

    def __init__(self, width: int, title: str, description: str) -> None:
        self.width = width
        self.title = title
        self.description = description
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        """Append raw SVG (already escaped)."""
        self.parts.append(element)

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 13,
        weight: str = "normal",
        anchor: str = "start",
        fill: str = INK,
        tip: str | None = None,
    ) -> None:
        """A line of text; ``tip`` the full text shown on hover when this is shortened."""
        hover = f"<title>{esc(tip)}</title>" if tip and tip != content else ""
        self.add(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}">{hover}{esc(content)}</text>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str = GRID) -> None:
        """A one-pixel line."""
        self.add(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )

    def block(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        style: Style,
        label: str | None = None,
        *,
        tip: str = "",
        dashed: bool = False,
        rounded: bool = False,
    ) -> None:
        """A rectangle in a grade's fill and pattern with an outline, and a label centred on it."""
        fill = f"url(#stripes-{style.letter})" if style.stripes else style.fill
        dash = ' stroke-dasharray="4 2"' if dashed else ""
        corner = f' rx="{h / 2:.1f}"' if rounded else ""
        hover = f"<title>{esc(tip)}</title>" if tip else ""
        self.add(
            f'<g class="mark">{hover}<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
            f'height="{h:.1f}"{corner} fill="{fill}" stroke="{INK}" stroke-width="1.5"{dash}/>'
        )
        if label and text_width(label, 13) <= w - 2:
            self.add(
                f'<text x="{x + w / 2:.1f}" y="{y + h / 2 + 4.5:.1f}" font-size="13" '
                f'font-weight="bold" text-anchor="middle" fill="{style.text}">{esc(label)}</text>'
            )
        self.add("</g>")

    def dot(self, x: float, y: float, tip: str) -> None:
        """A visit: a small dark circle."""
        self.add(
            f'<g class="mark"><title>{esc(tip)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" '
            f'fill="{INK}"/></g>'
        )

    def svg(self, height: float) -> str:
        """The finished picture as a standalone SVG document."""
        patterns = "".join(
            f'<pattern id="stripes-{s.letter}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate({45 if s.letter == "R" else -45})">'
            f'<rect width="6" height="6" fill="{s.fill}"/>'
            f'<rect width="1.6" height="6" fill="{s.stripes}"/></pattern>'
            for s in STYLES.values()
            if s.stripes
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
            f'height="{height:.0f}" viewBox="0 0 {self.width} {height:.0f}" role="img" '
            f'aria-labelledby="chart-title chart-desc" font-family="{FONT}">\n'
            f'<title id="chart-title">{esc(self.title)}</title>\n'
            f'<desc id="chart-desc">{esc(self.description)}</desc>\n'
            f"<defs>{patterns}</defs>\n"
            f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>\n'
            + "\n".join(self.parts)
            + "\n</svg>\n"
        )


def legend(
    canvas: Canvas, x: float, y: float, extra: Sequence[tuple[str, str]] = (), width: float = 0
) -> float:
    """The grade swatches (and ``extra`` marks: kind, words) from ``y``; the y below them."""
    items: list[tuple[str, str]] = [("grade:" + g, STYLES[g].name) for g in GRADES]
    items += extra
    limit = width or canvas.width - x
    cx, cy = x, y
    for kind, words in items:
        span = 30 + text_width(words, 13) + 18
        if cx > x and cx + span > x + limit:
            cx, cy = x, cy + 28
        if kind.startswith("grade:"):
            style = STYLES[kind[6:]]
            canvas.block(cx, cy, 22, 22, style, style.letter)
        elif kind == "ungraded":
            canvas.block(cx, cy, 22, 22, UNGRADED, UNGRADED.letter)
        elif kind == "provisional":
            canvas.block(cx, cy, 22, 22, UNGRADED, "*", dashed=True)
        elif kind == "visit":
            canvas.dot(cx + 11, cy + 11, words)
        elif kind.startswith("send:"):
            canvas.block(cx, cy, 22, 22, UNGRADED, kind[5:], rounded=True)
        canvas.text(cx + 30, cy + 16, words)
        cx += span
    return cy + 28


def heading(canvas: Canvas, x: float, title: str, subtitle: str) -> float:
    """The title, wrapped to the picture's width, and a muted subtitle; the y below them."""
    per_line = max(20, int((canvas.width - 2 * x) / (20 * 0.61)))  # bold 20px characters
    y = 34.0
    for line in textwrap.wrap(title, per_line) or [""]:
        canvas.text(x, y, line, size=20, weight="bold")
        y += 26
    canvas.text(x, y - 2, subtitle, size=13, fill=MUTED)
    return y + 24


def caption(canvas: Canvas, x: float, y: float, lines: Sequence[str]) -> float:
    """Small muted lines of notes and source from ``y``; the y below them."""
    for line in lines:
        canvas.text(x, y + 12, line, size=12, fill=MUTED)
        y += 18
    return y


def source_line(data_to: str | None) -> str:
    """The source caption every picture carries."""
    return "Source: Ofsted official statistics and D2I index" + (
        f", data to {data_to}" if data_to else ""
    )


def html_page(title: str, svg: str, table: str = "") -> str:
    """A self-contained HTML page showing the picture, with its data as a table below it."""
    body = svg.split("?>", 1)[1].strip() if svg.startswith("<?xml") else svg
    data = f"<details>\n<summary>The data in this picture</summary>\n{table}\n</details>\n"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        "<style>\n"
        f"body {{ background: {BACKGROUND}; color: {INK}; font-family: {FONT}; margin: 1.5em; }}\n"
        "figure { margin: 0; } svg { max-width: 100%; height: auto; }\n"
        "table { border-collapse: collapse; margin-top: 1em; font-size: 0.9em; }\n"
        "th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }\n"
        "@media print { details { display: none; } }\n"
        "</style>\n</head>\n<body>\n<figure>\n"
        + body
        + "\n</figure>\n"
        + (data if table else "")
        + "</body>\n</html>\n"
    )


def html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An HTML table of plain values, escaped."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc('' if v is None else v)}</td>" for v in row) + "</tr>\n"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
