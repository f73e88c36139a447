"""The report pictures written to files: SVG, an HTML page, or PNG/PDF through cairosvg."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ofstedcli.render import figures
from ofstedcli.render.files import convert, write_atomic
from ofstedcli.render.svg import Picture, html_page

#: view -> the function drawing its picture.
PICTURES: dict[str, Callable[..., Picture]] = {
    "chart": figures.timeline,
    "stats": figures.stats_bars,
    "neighbours": figures.neighbour_bars,
}


def save(
    view: str,
    data: dict[str, Any],
    targets: Sequence[tuple[str, Path]],
    *,
    protected: tuple[Path | None, ...] = (),
    **context: Any,
) -> list[Path]:
    """Draw a view's picture and write it to each (format, path) of ``targets``; those paths."""
    picture = PICTURES[view](data, **context)
    written = []
    for fmt, path in targets:
        if fmt == "svg":
            content = picture.svg.encode("utf-8")
        elif fmt == "html":
            content = html_page(picture.title, picture.svg, picture.table).encode("utf-8")
        else:
            content = convert(picture.svg, fmt)
        write_atomic(path, content, protected)
        written.append(path)
    return written
