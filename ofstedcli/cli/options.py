"""Options written once, as Annotated aliases every command shares."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ofstedcli.errors import UsageError
from ofstedcli.render import FORMATS, Output


def complete_authority(incomplete: str) -> list[str]:
    from ofstedcli.resolve import complete
    from ofstedcli.store import open_store

    try:
        with open_store() as store:
            return complete(store, incomplete)
    except Exception:  # completion must never print a traceback into the shell
        return []


Json = Annotated[bool, typer.Option("--json", help="Print JSON (the documented contract).")]
Format = Annotated[
    Optional[str],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
    typer.Option("--format", "-f", help="Output format: table, json, csv or ndjson."),
]
NoColor = Annotated[bool, typer.Option("--no-color", help="Never colour the output.")]
NoText = Annotated[bool, typer.Option("--no-text", help="Leave the document's text out.")]
Db = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--db",
        envvar="OFSTED_DB",
        help="Use this one database file instead of the bundled and user databases.",
        show_envvar=True,
    ),
]
Since = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--since", help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
Until = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
Framework = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--framework", help="Only these frameworks: SLAC, CPI, TLAC, SIF, ILACS."),
]
Region = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--region", help="Only authorities in this region (as in `ofsted list`)."),
]
Grade = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--grade", help="Only this overall grade (any wording: good, RI, inadequate)."),
]
NoVisits = Annotated[
    bool, typer.Option("--no-visits", help="Leave out focused and monitoring visits.")
]
ChartFile = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--chart",
        help="Also draw a bar chart of the grades into FILE: .svg, .html, .png or .pdf "
        "(PNG and PDF need cairosvg).",
        metavar="FILE",
        show_default=False,
    ),
]
Name = Annotated[
    str,
    typer.Argument(
        help="An authority: name, alias, ONS or DfE code, or Ofsted URN.",
        autocompletion=complete_authority,
        show_default=False,
    ),
]
Names = Annotated[
    list[str],
    typer.Argument(
        help="Authorities, by name, alias or code.",
        autocompletion=complete_authority,
        show_default=False,
    ),
]


def output(json: bool, fmt: str | None, no_color: bool, *, lists: bool = False) -> Output:
    """The Output for a command's --json / --format / --no-color options."""
    chosen = (fmt if fmt is not None else ("json" if json else "table")).lower()
    if json and fmt and chosen != "json":
        raise UsageError(f"--json and --format {fmt} ask for two formats; give one")
    allowed = FORMATS if lists else ("table", "json")
    if chosen not in allowed:
        raise UsageError(f"--format must be one of {', '.join(allowed)}, not {fmt!r}")
    return Output(chosen, no_color=no_color)


def date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """An option's date as ISO (partial dates widened to their last day with ``end``)."""
    from ofstedcli.dates import parse_date

    return parse_date(value, option=option, end=end) if value is not None else None


def dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until as an inclusive ISO range."""
    return date(since, "--since"), date(until, "--until", end=True)


def frameworks(values: list[str] | None) -> list[str] | None:
    """--framework values in their canonical spelling."""
    from ofstedcli.model import FRAMEWORKS

    if not values:
        return None
    known = {f.lower(): f for f in FRAMEWORKS}
    out = []
    for value in values:
        if value.lower() not in known:
            raise UsageError(f"--framework must be one of {', '.join(FRAMEWORKS)}, not {value!r}")
        out.append(known[value.lower()])
    return out


def grades(values: list[str] | None) -> list[str] | None:
    """--grade values as canonical grades, from any wording."""
    from ofstedcli.model import parse_grade

    if not values:
        return None
    out = []
    for value in values:
        try:
            parsed = parse_grade(value)
        except ValueError:
            parsed = None
        if parsed is None:
            raise UsageError(
                f"--grade must be outstanding, good, requires improvement or inadequate, "
                f"not {value!r}"
            )
        out.append(parsed)
    return out


def types(values: list[str] | None) -> list[str] | None:
    """--type values, checked against the inspection types."""
    from ofstedcli.model import INSPECTION_TYPES

    if not values:
        return None
    for value in values:
        if value.lower() not in INSPECTION_TYPES:
            raise UsageError(f"--type must be one of {', '.join(INSPECTION_TYPES)}, not {value!r}")
    return [v.lower() for v in values]
