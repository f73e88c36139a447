"""``ofsted db build`` and ``ofsted db update``: making and extending the databases."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o

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
    no_color: o.NoColor = False,
) -> None:
    """Build the database from the official statistics; print counts and disagreements."""
    from ofstedcli.build import build_database

    output = o.output(json, fmt, no_color, lists=True)
    report = build_database(sources, out, seeds)
    data = report.to_json()
    output.emit("db_build", data, rows=data["counts"])


@db_app.command("update")
def update(
    edition: Annotated[
        Path,
        typer.Argument(
            help="An Ofsted 'LA inspection outcomes' spreadsheet (.ods), 2024 or 2025 layout.",
            show_default=False,
        ),
    ],
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Load a newer edition into your own database; print what is new and what changed."""
    from ofstedcli.build import update_database
    from ofstedcli.store import paths, refuse_bundled

    output = o.output(json, fmt, no_color, lists=True)
    where = paths(db)
    refuse_bundled(where)
    report = update_database(edition, where.user, where.bundled)
    data = report.to_json()
    rows = [{"inspection": i, "change": "new"} for i in data["new"]]
    rows += [{**c, "change": "changed"} for c in data["changed"]]
    output.emit("db_update", data, rows=rows)


@db_app.command("info")
def info(
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """The databases in use, their counts, the newest publication date and the sources."""
    from ofstedcli.store import open_store

    output = o.output(json, None, no_color)
    with open_store(db) as store:
        data = store.info()
    output.emit("db_info", data)


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group to the app."""
    app.add_typer(db_app, name="db")
