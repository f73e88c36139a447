"""due: when Ofsted is next expected, and for what, by the frameworks' own rules."""

from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.errors import NotFound


def due(
    names: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Authorities, by name, alias or code (default: every current authority).",
            autocompletion=o.complete_authority,
            show_default=False,
        ),
    ] = None,
    as_at: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--as-at",
            help="Answer as on this date, from the reports published by then (YYYY, YYYY-MM "
            "or YYYY-MM-DD; a partial date means its last day).",
        ),
    ] = None,
    within: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--within",
            help="Only events whose window opens within this span (6m, 18m, 1y), or overdue.",
        ),
    ] = None,
    region: o.Region = None,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Next expected inspection and visits of each authority, with the rule behind each."""
    from ofstedcli import due as core
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    date = o.date(as_at, "--as-at", end=True)
    months = core.parse_span(within) if within is not None else None
    with open_store(db) as store:
        chosen = [resolve(store, n) for n in names or []]
        if region:
            found = store.authorities(status="current", region=region)
            if not found:
                raise NotFound(f"no current authority in region {region!r}", query=region)
            chosen += found
        unique = list({a.ons_code: a for a in chosen}.values())
        data = core.due(store, unique if (names or region) else None, as_at=date, within=months)
    out.emit("due", data, rows=core.csv_rows(data), columns=core.CSV_COLUMNS)


def register(app: typer.Typer) -> None:
    """Add this command to the app."""
    app.command()(due)
