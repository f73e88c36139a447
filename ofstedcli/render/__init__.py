"""The one place that decides how results look: a table for people, JSON, CSV or NDJSON.

Commands hand :class:`Output` plain data (the JSON contract) and a view name; for ``json``,
``csv`` and ``ndjson`` this module writes it without importing Rich, which keeps scripted
calls fast.  For tables it imports the view's drawing function from the module named in
:data:`VIEWS`, the only code that imports Rich.  All text that came from sources or documents
is made safe there: no markup or escape sequence in data can style or control a terminal.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from ofstedcli.errors import OfstedError

FORMATS = ("table", "json", "csv", "ndjson", "xlsx")

#: view name -> "module:function" drawing it as a table (modules under ofstedcli.render).
VIEWS: dict[str, str] = {
    "show": "history:draw_show",
    "compare": "history:draw_compare",
    "list": "history:draw_list",
    "inspections": "history:draw_inspections",
    "stats": "analysis:draw_stats",
    "send_stats": "send:draw_send_stats",
    "neighbours": "analysis:draw_neighbours",
    "transitions": "analysis:draw_transitions",
    "movers": "analysis:draw_movers",
    "recent": "analysis:draw_recent",
    "chart": "chart:draw_chart",
    "due": "due:draw_due",
    "ingest": "documents:draw_ingest",
    "letters": "documents:draw_letters",
    "letter": "documents:draw_letter",
    "search": "documents:draw_search",
    "db_build": "db:draw_build",
    "db_info": "db:draw_info",
    "db_update": "db:draw_update",
    "db_update_online": "db:draw_update_online",
}

#: Views drawn as plain lines (ofstedcli.render.plain), which need Rich only for colour.
PLAIN_VIEWS = {
    "show",
    "compare",
    "list",
    "inspections",
    "stats",
    "neighbours",
    "transitions",
    "movers",
    "recent",
    "send_stats",
    "due",
}

#: Set by ``--no-pager`` anywhere on the command line.
NO_PAGER = False


#: Views long enough to page on a terminal (as git pages log and show).
PAGED_VIEWS = {
    "show",
    "inspections",
    "list",
    "letter",
    "letters",
    "search",
    "recent",
    "movers",
    "due",
}

_active: Output | None = None


class PipeClosed(Exception):
    """The reader of stdout went away (``| head -1``): stop quietly."""


def colour_wanted(no_color: bool, stream: IO[str]) -> bool:
    """Colour on a terminal or with FORCE_COLOR; never with --no-color, NO_COLOR, TERM=dumb."""
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


class Output:
    """Writes one command's result in the format asked for, and its errors."""

    def __init__(
        self,
        fmt: str = "table",
        *,
        no_color: bool = False,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        path: Any = None,
    ) -> None:
        global _active
        self.format = fmt
        self.path = path
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.color = colour_wanted(no_color, self.stdout)
        #: Whether part of the result is already on stdout (see :meth:`json_list`).
        self.streamed = False
        _active = self

    @property
    def json(self) -> bool:
        """Whether results go out as JSON (errors then go to stdout as JSON too)."""
        return self.format == "json"

    def emit(
        self,
        view: str,
        data: Any,
        *,
        rows: Iterable[dict[str, Any]] | None = None,
        columns: Sequence[str] | None = None,
    ) -> None:
        """Write a result: ``data`` as JSON, ``rows`` (default ``data``) as CSV or NDJSON.

        ``columns`` fixes the CSV header (written even when there are no rows).
        """
        try:
            self._emit(view, data, rows, columns)
        except BrokenPipeError:
            raise PipeClosed from None

    def _emit(
        self,
        view: str,
        data: Any,
        rows: Iterable[dict[str, Any]] | None,
        columns: Sequence[str] | None = None,
    ) -> None:
        if self.format == "json":
            # Indented for a person at a terminal; compact (C encoder) for scripts and files.
            self.stdout.write(dumps(data, indent=2 if self.stdout.isatty() else None) + "\n")
        elif self.format in ("csv", "ndjson", "xlsx"):
            records = list(rows if rows is not None else data)
            if self.format == "ndjson":
                for record in records:
                    self.stdout.write(dumps(record, indent=None) + "\n")
            elif self.format == "xlsx":
                from ofstedcli.render.xlsx import write_xlsx

                write_xlsx(self.path, view, records)
                self.message(f"wrote {self.path}")
            else:
                write_csv(self.stdout, records, view, columns)
        else:
            self._draw(view, data)
        self.stdout.flush()

    def _draw(self, view: str, data: Any) -> None:
        module, _, name = VIEWS[view].partition(":")
        draw: Callable[[Any, Any], None] = getattr(
            importlib.import_module(f"ofstedcli.render.{module}"), name
        )
        from ofstedcli.render.plain import Screen

        if not NO_PAGER and self.stdout.isatty() and view in PAGED_VIEWS:
            from ofstedcli.render.pager import paged

            with paged(self.stdout, self.color) as screen:
                draw(screen if view in PLAIN_VIEWS else screen.console, data)
            return
        screen = Screen(self.stdout, self.color)
        # Views built of plain lines take the Screen (no Rich without colour); the others
        # draw Rich renderables on its console.
        draw(screen if view in PLAIN_VIEWS else screen.console, data)

    def message(self, text: str) -> None:
        """A one-line note to stderr (progress, warnings), never to stdout."""
        self.stderr.write(one_line(text) + "\n")
        self.stderr.flush()

    @contextmanager
    def json_list(self) -> Iterator[Callable[[Any], None]]:
        """Write a JSON list item by item, each as soon as it is known.  The list is closed
        however the block ends, so stdout stays valid JSON; an error after the first item
        then goes to stderr only."""
        indent = 2 if self.stdout.isatty() else None
        count = 0

        def item(record: Any) -> None:
            nonlocal count
            self.stdout.write(("[" if not count else ",") + "\n" + dumps(record, indent=indent))
            self.stdout.flush()
            count += 1
            self.streamed = True

        try:
            yield item
        except BaseException:
            if count:
                self._end_list("\n]\n")
            raise
        self._end_list("\n]\n" if count else "[]\n")

    def _end_list(self, text: str) -> None:
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed from None

    def error(self, err: OfstedError) -> None:
        """An error: its message on stderr, and under --json its object on stdout."""
        self.message(f"ofsted: {err.message}")
        if self.json and not self.streamed:
            # Compact (one line) for scripts, indented for a person, as results are.
            self.stdout.write(dumps(err.to_json(), indent=2 if self.stdout.isatty() else None))
            self.stdout.write("\n")
            self.stdout.flush()


def active() -> Output | None:
    """The Output of the command being run, if it has made one."""
    return _active


def reset() -> None:
    """Forget the active Output (between commands run in one process, as in tests)."""
    global _active
    _active = None


#: Characters that reorder or hide text: bidi embeddings, overrides and isolates
#: (U+202A-U+202E, U+2066-U+2069), marks (U+200E, U+200F, U+061C), zero-width space, word
#: joiner and BOM (the one list: the terminal views escape them too, render.plain.INVISIBLE).
HIDDEN = (
    0x061C, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A),
    0xFEFF,
)  # fmt: skip
#: DEL and the C1 controls (U+0080-U+009F; U+009B is a one-character CSI to some terminals),
#: which json.dumps leaves raw when ensure_ascii is off (it escapes only U+0000-U+001F), and
#: the hidden characters, each as its JSON escape.  A translation table, not a regular
#: expression: compiling the class cost every run half a millisecond.
_RAW_CONTROLS = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *HIDDEN)}
#: The same characters, looked for before translating (most output holds none of them, and
#: a search for each is a twentieth of the time of translating the text).
_RAW_CHARACTERS = tuple(chr(c) for c in _RAW_CONTROLS)
#: Control characters a CSV cell never keeps (tab and newline are text there; CSV has no
#: escape for the others), the hidden characters among them: each deleted.
CSV_CONTROLS: dict[int, None] = dict.fromkeys(
    (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *HIDDEN)
)


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON as the contract prints it: UTF-8 text, control characters escaped."""
    text = json.dumps(data, indent=indent, ensure_ascii=False, default=str)
    # These characters can only stand inside JSON strings, where \uXXXX means the same.
    if text.isascii() or not any(c in text for c in _RAW_CHARACTERS):
        return text
    return text.translate(_RAW_CONTROLS)


def one_line(text: str) -> str:
    """Text folded onto one line with every control character made visible or dropped."""
    return "".join(c if c.isprintable() else " " for c in str(text)).strip()


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted columns ("authority.name", "judgements.leadership")."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                dumps(v, indent=None) if isinstance(v, dict) else str(v) for v in value
            )
        else:
            flat[name] = value
    return flat


def table_rows(
    view: str, records: list[dict[str, Any]], fixed: Sequence[str] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """A header (``fixed``, else the view's from :mod:`ofstedcli.render.tabular`) and each
    row's cells under it."""
    from ofstedcli.render.tabular import header

    flat = [flatten(r) for r in records]
    columns = list(fixed) if fixed is not None else header(view, flat)
    return columns, [[row.get(c) for c in columns] for row in flat]


def write_csv(
    stream: IO[str],
    records: list[dict[str, Any]],
    view: str = "",
    fixed: Sequence[str] | None = None,
) -> None:
    """Records as CSV under a fixed header: ``fixed``, else the view's (every column seen
    for a view without one)."""
    import csv

    columns, rows = table_rows(view, records, fixed)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.translate(CSV_CONTROLS)
    return "" if value is None else value
