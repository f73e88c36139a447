"""ingest, letters, letter and search: the documents about councils' children's services."""

from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.documents.kinds import KINDS
from ofstedcli.errors import EXIT_ERROR

Kind = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
    typer.Option(
        "--kind",
        autocompletion=o._complete(list(KINDS)),
        help="Only these kinds (repeat, or separate with commas; any part of the name: "
        f"ministerial, focused, report): {', '.join(KINDS)}.",
    ),
]
Limit = Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")]
Url = Annotated[
    Optional[str],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
    typer.Option(
        "--url",
        metavar="ADDRESS",
        help="The web address one document was published at: stored as its link, and read "
        "for whose site it is on (a council's own: its release; a newspaper's: its name).",
    ),
]


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (read recursively) of .txt, .md, .html and .pdf; - for stdin.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Extract and link, but store nothing.")
    ] = False,
    url: Url = None,
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Read documents, extract their facts with evidence, link them and store them."""
    from contextlib import nullcontext

    from ofstedcli.documents.ingest import FAILED, ingest
    from ofstedcli.render.documents import progress_bar
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    with (
        open_store(db, write=not dry_run) as store,
        progress_bar(out) as progress,
        out.json_list() if json else nullcontext(None) as emit,
    ):
        # Under --json each file's result is written as soon as it is known; the summary
        # keeps only what the table shows.
        summary = ingest(
            store,
            paths,
            dry_run=dry_run,
            progress=progress,
            on_result=(lambda r: emit(r.to_json())) if emit else None,
            keep_documents=False,
            url=url,
        )
    for result in summary.results:
        if result.status == FAILED:
            out.message(f"ofsted: {result.path}: {result.reason}")
    data = summary.to_json()
    if json:
        # The table ends with this line; JSON is one object per file, so say it on stderr.
        done = summary.count("dry_run") if dry_run else data["ingested"]
        out.message(
            f"{'checked' if dry_run else 'ingested'} {done}, "
            f"duplicates {data['duplicates']}, failed {data['failed']}"
        )
    else:
        out.emit("ingest", data)
    if summary.failed:
        raise typer.Exit(EXIT_ERROR)


def letters(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Only this authority's documents (name, alias or code).",
            show_default=False,
            autocompletion=o.complete_authority,
        ),
    ] = None,
    kind: Kind = None,
    since: o.Since = None,
    until: o.Until = None,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--limit", "-n", help="At most this many documents."),
    ] = None,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """The documents, newest first."""
    from ofstedcli.documents.search import check_kinds
    from ofstedcli.errors import UsageError
    from ofstedcli.resolve import resolve_code
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    kinds = check_kinds(o.kinds(kind))
    start, end = o.dates(since, until)
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {limit}")
    with open_store(db) as store:
        codes = [resolve_code(store, name)] if name is not None else None
        refs = {a.ons_code: a.ref() for a in store.authorities()}
        found = store.documents(authorities=codes, kind=kinds, since=start, until=end, limit=limit)
    data = []
    for doc in found:
        record = doc.to_json()
        record["authority"] = refs.get(
            doc.authority or "", {"name": None, "ons_code": doc.authority, "dfe_code": None}
        )
        data.append(record)
    out.emit("letters", data)


def complete_letter(incomplete: str) -> list[str]:
    """Document ids starting with what was typed, for shell completion."""
    from ofstedcli.store import open_store

    try:
        with open_store() as store:
            return [d.id for d in store.documents() if d.id.startswith(incomplete.lower())][:200]
    except Exception:  # completion must never print a traceback into the shell
        return []


def letter(
    doc_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A document id (or its first 4+ characters).",
            autocompletion=complete_letter,
        ),
    ],
    no_text: o.NoText = False,
    json: o.Json = False,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """One document: metadata, facts with their evidence, its inspection, and its text."""
    from ofstedcli.documents.search import letter as read_letter
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    with open_store(db) as store:
        data = read_letter(store, doc_id)
        code = (data.get("authority") or {}).get("ons_code")
        if code:  # the authority object has the same shape everywhere
            found = [a.ref() for a in store.authorities() if a.ons_code == code]
            data["authority"] = {**data["authority"], **(found[0] if found else {})}
    if no_text:
        del data["text"]
    out.emit("letter", data)


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).", show_default=False)],
    authority: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--authority",
            help="Only this authority's documents.",
            autocompletion=o.complete_authority,
        ),
    ] = None,
    kind: Kind = None,
    since: o.Since = None,
    until: o.Until = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="The query is FTS5 syntax (NEAR, OR, prefix*).")
    ] = False,
    limit: Limit = 20,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """Full-text search of the documents, best matches first, with highlighted snippets."""
    from ofstedcli.documents.search import search as run_search
    from ofstedcli.documents.search import searchable
    from ofstedcli.resolve import resolve_code
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    _, end = o.dates(since, until)
    with open_store(db) as store:
        code = resolve_code(store, authority) if authority is not None else None
        hits = run_search(
            store,
            query,
            authority=code,
            kind=o.kinds(kind),
            since=since,
            until=end,
            raw=raw,
            limit=limit,
        )
        refs = {a.ons_code: a.ref() for a in store.authorities()} if hits else {}
        if not hits and not searchable(store):
            out.message(
                "ofsted: no document here is held with its text, so there is nothing to "
                "search: add letters and reports with `ofsted ingest FILE...` (`ofsted "
                "letters` lists the reports the database knows, with links to them)"
            )
    data = [h.to_json() for h in hits]
    for hit in data:  # the authority object has the same shape everywhere
        hit["authority"] = refs.get(hit["authority"]["ons_code"] or "", hit["authority"])
    out.emit("search", data, rows=[_flat_hit(h) for h in data])


def _flat_hit(hit: dict) -> dict:  # type: ignore[type-arg]
    """A search result as one flat CSV/NDJSON row, the snippet's marks as plain brackets."""
    from ofstedcli.documents.search import MARK_END, MARK_START

    row = {k: v for k, v in hit.items() if k != "authority"}
    row["authority"] = hit["authority"]["name"]
    row["ons_code"] = hit["authority"]["ons_code"]
    row["snippet"] = hit["snippet"].replace(MARK_START, "[").replace(MARK_END, "]")
    return row


def register(app: typer.Typer) -> None:
    """Add these commands to the app."""
    app.command()(ingest)
    app.command()(letters)
    app.command()(letter)
    app.command()(search)
