"""``ofsted datasette-metadata``: metadata for publishing the database with Datasette."""

import typer

from ofstedcli.cli import options as o


def datasette_metadata(db: o.Db = None) -> None:
    """Print Datasette metadata (titles, descriptions, sources, licence) as JSON.

    Example: ofsted datasette-metadata > meta.json; datasette inspections.db -m meta.json
    """
    from ofstedcli.datasette import metadata
    from ofstedcli.store import open_store, paths

    out = o.output(True, None, False)
    where = paths(db)
    name = where.user.stem if where.explicit else "inspections"
    with open_store(db) as store:
        data = metadata(store, name)
    out.emit("datasette_metadata", data)


def register(app: typer.Typer) -> None:
    """Add this command to the app."""
    app.command("datasette-metadata")(datasette_metadata)
