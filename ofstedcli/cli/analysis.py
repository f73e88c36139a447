"""stats, neighbours, transitions, movers, recent and chart: the wider picture."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.errors import UsageError

Days = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--days", help="Published in the last N days (default 30).", show_default=False),
]
File = Optional[Path]  # noqa: UP045


def stats(
    as_at: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--as-at",
            help="The picture on this date: inspections started by then (YYYY, YYYY-MM or "
            "YYYY-MM-DD; a partial date means its last day).",
        ),
    ] = None,
    published_by: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--published-by",
            help="Count only reports published by this date (default with --as-at: a quarter "
            "later, as Ofsted's 31 March sheets count reports published by 30 June).",
        ),
    ] = None,
    by: Annotated[str, typer.Option("--by", help="Group by region or type.")] = "region",
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Area SEND outcomes instead: each area's latest area SEND inspection "
            "(2023 framework outcome 1-3, or 2016 framework written statement or not).",
        ),
    ] = False,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Latest overall judgements of every authority, for England and by region or type."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    date = o.date(as_at, "--as-at", end=True)
    cutoff = o.date(published_by, "--published-by", end=True)
    picture = core.send_stats if send else core.stats
    with open_store(db) as store:
        data = picture(store, as_at=date, published_by=cutoff, by=by.lower())
    out.emit("send_stats" if send else "stats", data, rows=core.stats_rows(data))


def neighbours(
    name: o.Name,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="Year of DfE's statistical neighbour model (2025, the newest, or 2021).",
        ),
    ] = None,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """An authority's statistical neighbours with their grades, and where it stands."""
    from ofstedcli import analysis as core
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    with open_store(db) as store:
        data = core.neighbours(store, resolve(store, name), model)
    out.emit("neighbours", data, rows=core.neighbour_rows(data))


def transitions(
    since: o.Since = None,
    until: o.Until = None,
    framework: o.Framework = None,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """How overall grades moved from one graded inspection to the next (a matrix)."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    start, end = o.dates(since, until)
    with open_store(db) as store:
        data = core.transitions(store, since=start, until=end, framework=o.frameworks(framework))
    out.emit("transitions", data, rows=core.transition_rows(data))


def movers(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            help="Compare the last graded inspection before this date with the latest.",
            show_default=False,
        ),
    ],
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Who improved and who declined since a date, and by how many grades."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    start, _ = o.dates(since, None)
    assert start is not None
    with open_store(db) as store:
        data = core.movers(store, since=start)
    out.emit("movers", data, rows=core.mover_rows(data))


def recent(
    since: o.Since = None,
    days: Days = None,
    until: o.Until = None,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Inspections and visits published recently, newest first (for a scheduled job)."""
    from ofstedcli import analysis as core
    from ofstedcli.dates import days_ago

    out = o.output(json, fmt, no_color, lists=True)
    if since is not None and days is not None:
        raise UsageError("--since and --days both set the start; give one")
    start, end = o.dates(since, until)
    if start is None:
        start = days_ago(30 if days is None else days)
    from ofstedcli.freshness import data_age
    from ofstedcli.store import open_store

    with open_store(db) as store:
        data = core.recent(store, since=start, until=end)
        data["data_age"] = data_age(store)
    out.emit("recent", data, rows=data["inspections"])


def chart(
    names: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Authorities, by name, alias or code.",
            autocompletion=o.complete_authority,
            show_default=False,
        ),
    ] = None,
    region: o.Region = None,
    since: o.Since = None,
    no_visits: o.NoVisits = False,
    svg: Annotated[File, typer.Option("--svg", help="Write the picture to this SVG file.")] = None,
    html: Annotated[
        File, typer.Option("--html", help="Write the picture to this HTML file.")
    ] = None,
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """A timeline picture: one row per authority, each inspection a block coloured by grade."""
    from ofstedcli import analysis as core
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    if not names and not region:
        raise UsageError("chart needs authority names or --region")
    start, _ = o.dates(since, None)
    with open_store(db) as store:
        found = [resolve(store, n) for n in names or []]
        if region:
            found += core.region_authorities(store, region)
        chosen = list({a.ons_code: a for a in found}.values())
        data = core.chart(store, chosen, visits=not no_visits, since=start)
    if svg or html:
        from ofstedcli.render.chart import save

        for written in save(data, svg=svg, html=html):
            out.message(f"wrote {written}")
        if not json:
            return
    out.emit("chart", data)


def register(app: typer.Typer) -> None:
    """Add these commands to the app."""
    app.command()(stats)
    app.command()(neighbours)
    app.command()(transitions)
    app.command()(movers)
    app.command()(recent)
    app.command()(chart)
