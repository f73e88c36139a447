"""Tables for ingest, letters, letter and search, and ingest's progress bar.

Document text is shown literally: every piece goes through :func:`safe` (no markup, no
control characters), and the search snippet's private-use match marks become a style here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.text import Text

from ofstedcli.render import Output
from ofstedcli.render.console import Cell, fit, grade, grid, make_console, print_lines, safe
from ofstedcli.render.plain import document_line, kind_label, party_line

#: Must match ofstedcli.documents.search (not imported: drawing must not load the core).
MARK_START = "\ue000"
MARK_END = "\ue001"
#: Longest evidence quoted in the facts table (the text follows in full).
EVIDENCE_SHOWN = 90
#: Columns from which ingest's table shows every column (its inspection ids are long).
INGEST_WIDE = 140
#: Columns below which documents are listed by their ids' first 8 characters (as `show`
#: prints them; `letter` takes an id's first characters).
SHORT_IDS_BELOW = 100
#: Fewest files for which ingest shows a progress bar.
PROGRESS_FROM = 5


@contextmanager
def progress_bar(out: Output) -> Iterator[Callable[[int, int, str], None] | None]:
    """A progress callback drawing a bar on stderr when it is a terminal (else None)."""
    if out.json or not out.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = make_console(out.stderr, out.color)
    bar = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), console=console,
        transient=True,
    )  # fmt: skip
    task = None

    def advance(done: int, total: int, path: str) -> None:
        nonlocal task
        if total < PROGRESS_FROM:
            return
        if task is None:
            bar.start()
            task = bar.add_task("ingest", total=total)
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if task is not None:
            bar.stop()


def draw_ingest(console: Console, data: dict[str, Any]) -> None:
    """One line per file: what became of it, its kind, authority and inspection.

    Below 140 columns the kinds are short, the inspection is left out (the JSON has it), the
    notes follow the table, and a file's path breaks where it must rather than overflow;
    below 100 the ids are their first 8 characters."""
    width = fit(console)
    wide = width is None or width >= INGEST_WIDE
    short_ids = width is not None and width < SHORT_IDS_BELOW
    rows: list[list[Cell]] = []
    notes: list[list[Cell]] = []
    for r in data["results"]:
        conflicts = len(r.get("conflicts") or [])
        note = r.get("reason") or (
            f"{conflicts} disagreement(s) with the record" if conflicts else ""
        )
        style = "red" if r["status"] == "failed" else ("dim" if r["status"] == "duplicate" else "")
        ident = (r.get("id") or "")[: 8 if short_ids else None]
        row: list[Cell] = [
            (r["status"].replace("_", " "), style),
            (ident, "dim"),
            (kind_label(r.get("kind"), short=not wide), ""),
            ((r.get("authority") or {}).get("name") or "", ""),
        ]  # fmt: skip
        if wide:
            row += [((r.get("inspection") or {}).get("id") or "", "dim"),
                    (note, "yellow" if conflicts else "")]  # fmt: skip
        elif note:
            notes.append([(ident or r["path"], "dim"), (note, "yellow" if conflicts else "")])
        rows.append([*row, (r["path"], "dim")])
    headers = ["Status", "Id", "Kind", "Authority", "Inspection", "Note", "File"]
    if wide:
        lines = grid(width, headers, rows, flexible=[5, 2, 3], breakable=[6])
    else:
        headers = [h for h in headers if h not in ("Inspection", "Note")]
        lines = grid(width, headers, rows, flexible=[2, 3], breakable=[4])
        if notes:
            lines.append(Text(""))
            lines += grid(width, ["Id or file", "Note"], notes, flexible=[1],
                          breakable=[0])  # fmt: skip
    lines.append(Text(
        f"{data['ingested']} ingested, {data['duplicates']} duplicate(s), {data['failed']} failed"
        + (" (dry run: nothing stored)" if data.get("dry_run") else ""), style="bold",
    ))  # fmt: skip
    print_lines(console, lines)


def draw_letters(console: Console, data: list[dict[str, Any]]) -> None:
    """The documents, newest first."""
    # Below 100 columns, short kinds and ids (as `show` prints them; `letter` takes an id's
    # first characters), so that a title keeps to one line.
    width = fit(console)
    wide = width is None or width >= SHORT_IDS_BELOW
    rows: list[list[Cell]] = [
        [
            (d.get("date") or "", ""),
            (kind_label(d.get("kind"), short=not wide), ""),
            ((d.get("authority") or {}).get("name") or "", ""),
            (d["id"] if wide else d["id"][:8], "dim"),
            (_described(d), ""),
        ]
        for d in data
    ]  # fmt: skip
    if not rows:
        print_lines(console, [Text("No documents.", style="dim")])
        return
    headers = ["Date", "Kind", "Authority", "Id", "Title, link, sender or file"]
    print_lines(console, grid(width, headers, rows, flexible=[4, 1, 2]))


def _described(doc: dict[str, Any]) -> str:
    """A document in a few words (else "(no text)" for one held without its text)."""
    return document_line(doc) or ("" if doc.get("has_text") else "(no text)")


def draw_letter(console: Console, data: dict[str, Any]) -> None:
    """One document: metadata, facts with evidence and disagreements, inspection, text."""
    lines: list[Text] = [Text(f"Document {data['id']}", style="bold")]
    meta = [
        ("Kind", (data.get("kind") or "").replace("_", " ")),
        ("Date", data.get("date") or ""),
        ("Title", data.get("title") or ""),
        ("Authority", (data.get("authority") or {}).get("name") or ""),
        ("From", party_line(data.get("sender"))),
        ("To", party_line(data.get("recipient"))),
        ("Link", data.get("url") or ""),
        ("File", data.get("path") or ""),
    ]
    width = fit(console)
    for label, value in meta:
        if value:
            lines += _field(label, safe(value), None if label in ("Link", "File") else width)
    insp = data.get("inspection")
    if insp:
        # What was judged on the first line, the inspection's id (for scripts) under it.
        if insp.get("overall") or insp.get("framework"):
            said = safe(f"{insp.get('framework') or ''} {insp.get('published') or ''}".strip())
            if insp.get("overall"):
                said.append("  ")
                said.append_text(grade(insp.get("overall"), short=False))
            lines += _field("Inspection", said, width)
            lines += _field("", safe(insp.get("id")), width)
        else:
            lines += _field("Inspection", safe(insp.get("id")), width)
    rows: list[list[Cell]] = []
    for f in data.get("facts", []):
        shown = fact_value(f["value"])
        evidence = " ".join(((f.get("evidence") or {}).get("text") or "").split())
        if len(evidence) > EVIDENCE_SHOWN:
            evidence = evidence[: EVIDENCE_SHOWN - 1] + "…"
        # Dotted names as words, so a narrow column wraps them: "inspection judgements lscb".
        rows.append([(fact_name(f["field"]), "bold"), (shown, ""), (evidence, "dim"),
                     (f.get("conflict") or "", "yellow")])  # fmt: skip
    if rows:
        headers = ["Fact", "Value", "Evidence", "Official record"]
        if not any(row[3][0] for row in rows):
            headers, rows = headers[:3], [row[:3] for row in rows]
        lines.append(Text(""))
        lines += grid(fit(console), headers, rows, flexible=[2, 0, 1, 3][: len(headers)],
                      title="Facts")  # fmt: skip
    if "text" not in data:
        print_lines(console, lines)  # --no-text
        return
    lines.append(Text(""))
    if data.get("has_text"):
        lines.append(Text("Text", style="bold"))
        lines += text_lines(data.get("text") or "")
    else:
        lines.append(Text(
            "This document is held without its text. To read and search it, add the file: "
            "ofsted ingest FILE", style="dim",
        ))  # fmt: skip
    print_lines(console, lines)


#: Width of the labels of a document's metadata ("Inspection" and two spaces).
_LABEL = 12


def _field(label: str, value: Text, width: int | None) -> list[Text]:
    """A labelled line of metadata, wrapped under its value when a terminal's width is known
    (``width`` None: one line, as for a link or a path, kept whole for copying)."""
    head = Text(f"{label:{_LABEL}}", style="bold")
    if width is None or _LABEL + len(value) <= width:
        return [Text.assemble(head, value)]
    parts = value.wrap(Console(width=width - _LABEL, no_color=True), width - _LABEL)
    indent = Text(" " * _LABEL)
    for part in parts:
        part.rstrip()
    return [Text.assemble(head if n == 0 else indent, part) for n, part in enumerate(parts)]


def text_lines(text: str) -> list[Text]:
    """A document's text as its own lines (a page break is a blank line), each cleaned."""
    return [safe(line.rstrip()) for line in text.replace("\f", "\n\n").splitlines()]


def fact_name(field: str) -> str:
    """A fact's field as words: "inspection.start_date" -> "inspection start date",
    "mentions[0]" -> "mention 1", "authority.candidates[1]" -> "authority candidate 2",
    "inspection.judgements.care_leavers" -> "care leavers judgement"."""
    if field.startswith("inspection.judgements."):
        return f"{field.rsplit('.', 1)[1].replace('_', ' ')} judgement"
    out = []
    for part in field.split("."):
        name, _, index = part.partition("[")
        name = name.replace("_", " ")
        if index:
            name = f"{name[:-1] if name.endswith('s') else name} {int(index.rstrip(']')) + 1}"
        out.append(name)
    return " ".join(out)


def fact_value(value: Any) -> str:
    """A fact's value as a reader would write it, never a Python repr."""
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(fact_value(v) for v in value)
    if isinstance(value, dict):
        if set(value) <= {"date", "type", "overall"}:
            # A mention of another judgement: "Inadequate (full inspection, 2018-03)".
            about = ", ".join(str(value[k]) for k in ("type", "date") if value.get(k))
            head = str(value.get("overall") or "")
            return f"{head} ({about})" if head and about else head or about
        return "; ".join(f"{k.replace('_', ' ')}: {fact_value(v)}" for k, v in value.items())
    return str(value)


def draw_search(console: Console, data: list[dict[str, Any]]) -> None:
    """Each match: its document, then the snippet with the matched words highlighted (a
    title that does not fit beside the document goes on its own line; text is folded to
    the width, never when piped)."""
    if not data:
        print_lines(console, [Text("No matches.", style="dim")])
        return
    width = fit(console)
    lines: list[Text] = []
    for hit in data:
        head = Text.assemble(
            (hit["id"], "dim"), "  ", safe(hit.get("date") or ""), "  ",
            safe((hit.get("kind") or "").replace("_", " ")), "  ",
            safe((hit.get("authority") or {}).get("name") or "", "bold"),
        )  # fmt: skip
        title = safe(hit.get("title") or "", "italic")
        if title and (width is None or head.cell_len + 2 + title.cell_len <= width):
            head.append("  ")
            head.append_text(title)
            title = Text("")
        lines.append(head)
        if title:
            lines += _indented(console, title, width)
        lines += _indented(console, snippet(hit.get("snippet") or ""), width)
        lines.append(Text(""))
    print_lines(console, lines)


def _indented(console: Console, text: Text, width: int | None) -> list[Text]:
    """``text`` indented by two spaces, folded to ``width`` (one line when None)."""
    if width is None:
        return [Text("  ") + text]
    lines = list(text.wrap(console, max(10, width - 2)))
    for line in lines:
        line.rstrip()
    return [Text("  ") + line for line in lines]


def snippet(text: str) -> Text:
    """A snippet with its match marks turned into a highlight style."""
    out = Text()
    highlighted = False
    for piece in text.replace(MARK_END, MARK_START).split(MARK_START):
        if piece:
            out.append_text(safe(piece, "bold yellow" if highlighted else ""))
        highlighted = not highlighted
    return out
