"""show, compare, list and inspections: one authority's history, several side by side, all."""

from typing import Annotated, Any, Optional

import typer

from ofstedcli.cli import options as o
from ofstedcli.errors import UsageError


def show(
    name: o.Name,
    since: o.Since = None,
    until: o.Until = None,
    by: o.By = "published",
    framework: o.Framework = None,
    no_visits: o.NoVisits = False,
    json: o.Json = False,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """One authority: current judgement, path of grades, every inspection and document."""
    from ofstedcli.history import authority_history
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    start, end = o.dates(since, until)
    frameworks, basis = o.frameworks(framework), o.basis(by)
    with open_store(db) as store:
        authority = resolve(store, name)
        data = authority_history(
            store,
            authority,
            since=start,
            until=end,
            framework=frameworks,
            visits=not no_visits,
            by=basis,
        )
        # For a person at a terminal only: scripts and pipes get the data alone (and pay
        # nothing for it).
        note = _stale_note(store) if not out.json and out.stderr.isatty() else None
    out.emit("show", data)
    if note:
        out.message(note)


def compare(
    names: o.Names,
    since: o.Since = None,
    until: o.Until = None,
    by: o.By = "published",
    framework: o.Framework = None,
    no_visits: o.NoVisits = False,
    json: o.Json = False,
    no_color: o.NoColor = False,
    db: o.Db = None,
) -> None:
    """Authorities side by side: grades on one time axis and a summary row each, both of the
    window asked for (--since, --until, --by, --framework, --no-visits), a predecessor's
    inspections counted and marked †."""
    from ofstedcli.history import compare as core_compare
    from ofstedcli.resolve import resolve
    from ofstedcli.store import open_store

    out = o.output(json, None, no_color)
    if len(names) < 2:
        raise UsageError("compare needs at least two authorities, e.g. ofsted compare hull york")
    start, end = o.dates(since, until)
    frameworks, basis = o.frameworks(framework), o.basis(by)
    with open_store(db) as store:
        data = core_compare(
            store,
            [resolve(store, n) for n in names],
            since=start,
            until=end,
            framework=frameworks,
            visits=not no_visits,
            by=basis,
        )
    out.emit("compare", data)


def list_(
    region: o.Region = None,
    grade: o.Grade = None,
    type: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--type",
            help="Only this authority type, as people write it: county, 'london borough', "
            "metropolitan (district), unitary (authority).",
            autocompletion=o._complete(o.AUTHORITY_TYPES),
        ),
    ] = None,
    former: Annotated[
        bool, typer.Option("--former", help="List former authorities instead of current ones.")
    ] = False,
    all_: Annotated[bool, typer.Option("--all", help="List current and former.")] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="Order by name, grade (best first), date (of publication, oldest first) or "
            "region; -KEY (e.g. --sort=-date) or --reverse for the other way.",
            autocompletion=o._complete(["name", "grade", "date", "region", "-date", "-grade"]),
        ),
    ] = "name",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the order.")] = False,
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """Every authority with its current grade and date."""
    from ofstedcli.history import SORTS, listing
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    key, backwards = o.check_sort(sort, list(SORTS))
    status = None if all_ else "former" if former else "current"
    with open_store(db) as store:
        rows = listing(
            store,
            region=region,
            type=type,
            status=status,
            grades=o.grades(grade),
            sort=key,
            reverse=backwards != reverse,
        )
    out.emit("list", rows)


def inspections(
    authority: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--authority",
            "-a",
            help="Only this authority (repeatable).",
            autocompletion=o.complete_authority,
        ),
    ] = None,
    framework: o.Framework = None,
    type: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--type",
            help="Only this type (repeatable): inspection, re-inspection, standard inspection, "
            "short inspection, focused visit, monitoring visit.",
        ),
    ] = None,
    grade: o.Grade = None,
    region: o.Region = None,
    since: o.Since = None,
    until: o.Until = None,
    by: o.By = "published",
    json: o.Json = False,
    fmt: o.Format = None,
    output: o.Output_ = None,
    no_color: o.NoColor = False,
    no_pager: o.NoPager = False,
    db: o.Db = None,
) -> None:
    """Every inspection and visit, oldest first, filtered."""
    from ofstedcli.history import inspection_rows
    from ofstedcli.resolve import resolve_code
    from ofstedcli.store import open_store

    out = o.output(json, fmt, no_color, lists=True, to=output)
    start, end = o.dates(since, until)
    frameworks, types, grades = o.frameworks(framework), o.types(type), o.grades(grade)
    basis = o.basis(by)
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
            by=basis,
        )
    out.emit("inspections", rows)


def register(app: typer.Typer) -> None:
    """Add these commands to the app."""
    app.command()(show)
    app.command()(compare)
    app.command("list")(list_)
    app.command()(inspections)


def _stale_note(store: Any) -> str | None:
    """The note saying the data is old, when it is."""
    from ofstedcli.freshness import data_age, stale_note

    age = data_age(store)
    return stale_note(age) if age["stale"] else None
