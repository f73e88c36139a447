"""stats, neighbours, transitions, movers, recent and chart: the wider picture."""

from pathlib import Path
from typing import Annotated, Any, Optional

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
            help="Count only reports published by this date (default with --as-at: the end "
            "of the following quarter, as Ofsted's 31 March sheets count reports published "
            "by 30 June).",
        ),
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Group by region or type (of authority).",
            autocompletion=o._complete(["region", "type"]),
        ),
    ] = "region",
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Area SEND outcomes instead: each area's latest area SEND inspection "
            "(2023 framework outcome 1-3, or 2016 framework written statement or not).",
        ),
    ] = False,
    chart_file: o.ChartFile = None,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Latest overall judgements of every authority, for England and by region or type."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    date = o.date(as_at, "--as-at", end=True)
    cutoff = o.date(published_by, "--published-by", end=True)
    if send and chart_file:
        raise UsageError("--chart draws children's services grades: not with --send")
    targets = _picture_files([("--chart", chart_file, _BAR_FORMATS)])
    picture = core.send_stats if send else core.stats
    with open_store(db) as store:
        data = picture(store, as_at=date, published_by=cutoff, by=by.lower())
        data_to = store.newest_published()
    _save_pictures(out, "stats", data, targets, db, data_to=data_to)
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
    chart_file: o.ChartFile = None,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """An authority's statistical neighbours with their grades, and where it stands."""
    from ofstedcli import analysis as core
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    targets = _picture_files([("--chart", chart_file, _BAR_FORMATS)])
    with open_store(db) as store:
        data = core.neighbours(store, resolve(store, name), model)
        data_to = store.newest_published()
    _save_pictures(out, "neighbours", data, targets, db, data_to=data_to)
    out.emit("neighbours", data, rows=core.neighbour_rows(data))


def transitions(
    since: o.Since = None,
    until: o.Until = None,
    by: o.By = "published",
    framework: o.Framework = None,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """How overall grades moved from one graded inspection to the next (a matrix)."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    start, end = o.dates(since, until)
    basis = o.basis(by)
    with open_store(db) as store:
        data = core.transitions(
            store, since=start, until=end, framework=o.frameworks(framework), by=basis
        )
    out.emit("transitions", data, rows=core.transition_rows(data))


def movers(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            help="Compare the last graded inspection before this date (of publication, unless "
            "--by inspected) with the latest since.",
            show_default=False,
        ),
    ],
    until: o.Until = None,
    by: o.By = "published",
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """Who improved and who declined since a date, and by how many grades."""
    from ofstedcli import analysis as core
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    start, end = o.dates(since, until)
    assert start is not None
    basis = o.basis(by)
    with open_store(db) as store:
        data = core.movers(store, since=start, until=end, by=basis)
    out.emit("movers", data, rows=core.mover_rows(data))


def recent(
    since: o.Since = None,
    days: Days = None,
    until: o.Until = None,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """Inspections and visits published recently, newest first (for a scheduled job)."""
    from ofstedcli import analysis as core
    from ofstedcli.dates import days_ago

    out = o.output(json, fmt, no_color, lists=True, to=output)
    if since is not None and days is not None:
        raise UsageError("--since and --days both set the start; give one")
    start, end = o.dates(since, until)
    if start is None:
        start = days_ago(30 if days is None else days)
        if end and end < start:
            raise UsageError(f"--until {until} is before the start, {days or 30} days ago")
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
    until: o.Until = None,
    by: o.By = "published",
    no_visits: o.NoVisits = False,
    svg: Annotated[
        File, typer.Option("--svg", help="Draw the picture into this .svg file.", metavar="FILE")
    ] = None,
    html: Annotated[
        File,
        typer.Option("--html", help="Draw it into this .html page.", metavar="FILE"),
    ] = None,
    png: Annotated[
        File, typer.Option("--png", help="Draw it into this .png (needs cairosvg).", metavar="FILE")
    ] = None,
    pdf: Annotated[
        File, typer.Option("--pdf", help="Draw it into this .pdf (needs cairosvg).", metavar="FILE")
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
    start, end = o.dates(since, until)
    basis = o.basis(by)
    targets = _picture_files(
        [
            (f"--{f}", path, (f,))
            for f, path in zip(_CHART_FORMATS, (svg, html, png, pdf), strict=True)
        ]
    )
    with open_store(db) as store:
        found = [resolve(store, n) for n in names or []]
        if region:
            found += core.region_authorities(store, region)
        chosen = list({a.ons_code: a for a in found}.values())
        data = core.chart(store, chosen, visits=not no_visits, since=start, until=end, by=basis)
        data_to = store.newest_published()
    if targets:
        named = chosen[0].region if region and chosen[0].region else None
        _save_pictures(out, "chart", data, targets, db, data_to=data_to, region=named)
        if not json:
            return
    out.emit("chart", data)


_CHART_FORMATS = ("svg", "html", "png", "pdf")
_BAR_FORMATS = _CHART_FORMATS


def _picture_files(
    asked: list[tuple[str, File, tuple[str, ...]]],
) -> list[tuple[str, Path]]:
    """(format, path) for each picture file asked for; UsageError for a wrong file ending."""
    from ofstedcli.render.files import format_of

    return [(format_of(path, formats, option), path) for option, path, formats in asked if path]


def _save_pictures(
    out: Any, view: str, data: Any, targets: list[tuple[str, Path]], db: File, **context: Any
) -> None:
    """Draw the picture into each file, never over a database, and say where."""
    if not targets:
        return
    from ofstedcli.render.pictures import save
    from ofstedcli.store import BUNDLED_PATH, paths

    where = paths(db)
    protected = (BUNDLED_PATH, where.bundled, where.user)
    for written in save(view, data, targets, protected=protected, **context):
        out.message(f"wrote {written}")


def register(app: typer.Typer) -> None:
    """Add these commands to the app."""
    app.command()(stats)
    app.command()(neighbours)
    app.command()(transitions)
    app.command()(movers)
    app.command()(recent)
    app.command()(chart)
