"""``ofsted db build`` and ``ofsted db update``: making and extending the databases."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.errors import EXIT_ERROR

db_app = typer.Typer(
    name="db",
    help="Build the bundled database, or load a newer edition into your own.",
    no_args_is_help=True,
)


@db_app.command("build")
def build(
    sources: Annotated[
        Path,
        typer.Option(
            "--sources",
            help="The folder of official source files (the project's ../shared/sources).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="The database file to write (replaced only when complete).",
            show_default=False,
        ),
    ],
    seeds: Annotated[
        Optional[Path],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
        typer.Option(
            "--seeds",
            help="A folder of seed documents (default: seeds beside the sources, if present).",
        ),
    ] = None,
    json: o.Json = False,
    fmt: o.Format = None,
    to: o.Output_ = None,
    no_color: o.NoColor = False,
) -> None:
    """Build the database from the official statistics; print counts and disagreements."""
    from ofstedcli.build import build_database

    output = o.output(json, fmt, no_color, lists=True, to=to)
    report = build_database(sources, out, seeds)
    data = report.to_json()
    output.emit("db_build", data, rows=data["counts"])


@db_app.command("update")
def update(
    edition: Annotated[
        Optional[str],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
        typer.Argument(
            help="An Ofsted 'LA inspection outcomes' spreadsheet (.ods, 2024 or 2025 layout), "
            "as a file or an http(s) URL. Without it: fetch what has been published since "
            "the data held (the newest edition, D2I's report index and the new reports).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change; store nothing.")
    ] = False,
    json: o.Json = False,
    fmt: o.Format = None,
    to: o.Output_ = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Bring your own database up to date, or load one edition; print what is new and changed."""
    from ofstedcli.store import paths, refuse_bundled

    output = o.output(json, fmt, no_color, lists=True, to=to)
    where = paths(db)
    refuse_bundled(where)
    if edition is not None and not edition.lower().startswith(("http://", "https://")):
        from ofstedcli.build import update_database

        report = update_database(Path(edition), where.user, where.bundled, dry_run=dry_run)
        data = report.to_json()
        rows = [{"inspection": i, "change": "new"} for i in data["new"]]
        rows += [{**c, "change": "changed"} for c in data["changed"]]
        output.emit("db_update", data, rows=rows)
        return
    from ofstedcli.build.fetch import Fetcher
    from ofstedcli.build.online import update_online
    from ofstedcli.render.downloads import download_bar

    with download_bar(output) as progress:
        result = update_online(
            where, Fetcher(progress=progress), dry_run=dry_run, edition_url=edition
        )
    data = result.to_json()
    for failure in data["failed"]:
        output.message(f"ofsted: {failure['reason']}")
    rows = [{"inspection": i, "change": "new"} for i in data["new"]["inspections"]]
    rows += [{**c, "change": "changed"} for c in data["changed"]]
    rows += [{"inspection": None, **f, "change": "failed"} for f in data["failed"]]
    output.emit("db_update_online", data, rows=rows)
    if data["failed"]:
        raise typer.Exit(EXIT_ERROR)


@db_app.command("info")
def info(
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """The databases in use, their counts, the newest publication date and the sources."""
    from ofstedcli.store import open_store

    output = o.output(json, None, no_color)
    from ofstedcli.freshness import age_of

    with open_store(db) as store:
        data = store.info()
    data["data_age"] = age_of(data["newest_published"])
    output.emit("db_info", data)


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group to the app."""
    app.add_typer(db_app, name="db")
