"""show, compare, list and inspections: one authority's history, several side by side, all."""

from typing import Annotated, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.errors import UsageError


def show(
    name: o.Name,
    since: o.Since = None,
    until: o.Until = None,
    framework: o.Framework = None,
    no_visits: o.NoVisits = False,
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """One authority: current judgement, path of grades, every inspection and document."""
    from ofstedcli.freshness import data_age, stale_note
    from ofstedcli.history import authority_history
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    start, end = o.dates(since, until)
    frameworks = o.frameworks(framework)
    with open_store(db) as store:
        authority = resolve(store, name)
        data = authority_history(
            store, authority, since=start, until=end, framework=frameworks, visits=not no_visits
        )
        # For a person at a terminal only: scripts and pipes get the data alone.
        age = data_age(store) if not out.json and out.stderr.isatty() else None
    out.emit("show", data)
    if age is not None and age["stale"]:
        out.message(stale_note(age))


def compare(
    names: o.Names,
    since: o.Since = None,
    until: o.Until = None,
    framework: o.Framework = None,
    no_visits: o.NoVisits = False,
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Authorities side by side: grades on one time axis and a summary row each."""
    from ofstedcli.history import authority_history
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    if len(names) < 2:
        raise UsageError("compare needs at least two authorities")
    start, end = o.dates(since, until)
    frameworks = o.frameworks(framework)
    with open_store(db) as store:
        authorities = [resolve(store, n) for n in names]
        data = {
            "authorities": [
                authority_history(
                    store, a, since=start, until=end, framework=frameworks, visits=not no_visits
                )
                for a in authorities
            ]
        }
    out.emit("compare", data)


def list_(
    region: o.Region = None,
    grade: o.Grade = None,
    type: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--type", help="Only this authority type (e.g. 'London Borough')."),
    ] = None,
    former: Annotated[
        bool, typer.Option("--former", help="List former authorities instead of current ones.")
    ] = False,
    all_: Annotated[bool, typer.Option("--all", help="List current and former.")] = False,
    sort: Annotated[
        str, typer.Option("--sort", help="Order by name, grade, date or region.")
    ] = "name",
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Every authority with its current grade and date."""
    from ofstedcli.history import SORTS, listing
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    if sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}, not {sort!r}")
    status = None if all_ else "former" if former else "current"
    with open_store(db) as store:
        rows = listing(
            store, region=region, type=type, status=status, grades=o.grades(grade), sort=sort
        )
    out.emit("list", rows)


def inspections(
    authority: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--authority", "-a", help="Only this authority (repeatable)."),
    ] = None,
    framework: o.Framework = None,
    type: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--type", help="Only this type: standard inspection, focused visit ..."),
    ] = None,
    grade: o.Grade = None,
    region: o.Region = None,
    since: o.Since = None,
    until: o.Until = None,
    json: o.Json = False,
    fmt: o.Format = None,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Every inspection and visit, oldest first, filtered."""
    from ofstedcli.history import inspection_rows
    from ofstedcli.resolve import resolve_code
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True)
    start, end = o.dates(since, until)
    frameworks, types, grades = o.frameworks(framework), o.types(type), o.grades(grade)
    with open_store(db) as store:
        codes = [resolve_code(store, a) for a in authority] if authority else None
        rows = inspection_rows(
            store,
            authorities=codes,
            framework=frameworks,
            type=types,
            grade=grades,
            region=region,
            since=start,
            until=end,
        )
    out.emit("inspections", rows)


def register(app: typer.Typer) -> None:
    """Add these commands to the app."""
    app.command()(show)
    app.command()(compare)
    app.command("list")(list_)
    app.command()(inspections)
