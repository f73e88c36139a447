"""Options written once, as Annotated aliases every command shares."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer

from ofstedcli.errors import UsageError
from ofstedcli.render import FORMATS, Output


def complete_authority(incomplete: str) -> list[str]:
    """Authority names for shell completion, from any part of a name or a code."""
    from ofstedcli.cli.completion import authority_names, keep
    from ofstedcli.store import open_store

    try:
        with open_store() as store:
            rows = store.rows("SELECT ons_code, name, dfe_code, status FROM authorities")
            found = authority_names([tuple(r) for r in rows], incomplete)
            return keep(found)
    except Exception:  # completion must never print a traceback into the shell
        return []


def _complete(values: list[str]) -> Callable[[str], list[str]]:
    """A completion function offering ``values`` that contain what was typed (any case)."""

    def offer(incomplete: str) -> list[str]:
        from ofstedcli.cli.completion import keep

        low = incomplete.lower()
        first = [v for v in values if v.lower().startswith(low)]
        return keep(first + [v for v in values if low in v.lower() and v not in first])

    return offer


REGION_NAMES = [
    "East Midlands",
    "East of England",
    "London",
    "North East",
    "North West",
    "South East",
    "South West",
    "West Midlands",
    "Yorkshire and the Humber",
]
AUTHORITY_TYPES = ["County", "London Borough", "Metropolitan District", "Unitary Authority"]

Json = Annotated[bool, typer.Option("--json", help="Print JSON (the documented contract).")]
Format = Annotated[
    Optional[str],  # noqa: UP045 - typer 0.28 reads Optional[...] on Python 3.10 too
    typer.Option(
        "--format",
        "-f",
        help="Output format: table (for people), json, csv, ndjson (one JSON object a line) "
        "or xlsx (a workbook, with --output FILE).",
        autocompletion=_complete(["table", "json", "csv", "ndjson", "xlsx"]),
    ),
]
Output_ = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write to this file (needed for --format xlsx)."),
]
By = Annotated[
    str,
    typer.Option(
        "--by",
        help="Which date --since and --until read: published (the report's publication, as "
        "the tables show; the default) or inspected (the inspection's first day).",
        autocompletion=_complete(["published", "inspected"]),
    ),
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
    typer.Option(
        "--since",
        help="From this date on, inclusive (YYYY, YYYY-MM or YYYY-MM-DD; the publication "
        "date unless --by inspected).",
    ),
]
Until = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--until",
        help="Up to this date, inclusive (YYYY or YYYY-MM mean its last day; the publication "
        "date unless --by inspected).",
    ),
]
Framework = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--framework",
        help="Only these frameworks (repeat, or separate with commas: sif,ilacs): SLAC "
        "(2009-12), CPI (2012-13), TLAC, SIF (2013-18), ILACS (2018-).",
        autocompletion=_complete(["SLAC", "CPI", "TLAC", "SIF", "ILACS"]),
    ),
]
Region = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--region",
        help="Only authorities in this region, as people write it ('yorkshire', 'midlands' "
        "for both, 'london').",
        autocompletion=_complete(REGION_NAMES),
    ),
]
Grade = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--grade",
        help="Only this overall grade (repeatable; any wording: outstanding, good, RI or "
        "'requires improvement', inadequate).",
        autocompletion=_complete(["outstanding", "good", "requires-improvement", "inadequate"]),
    ),
]
NoPager = Annotated[
    bool,
    typer.Option("--no-pager", help="Never page long output (PAGER=cat does the same)."),
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
        metavar="NAME",
        help="An authority: name, alias, ONS or DfE code, or Ofsted URN.",
        autocompletion=complete_authority,
        show_default=False,
    ),
]
Names = Annotated[
    list[str],
    typer.Argument(
        metavar="NAME...",
        help="Authorities, by name, alias or code.",
        autocompletion=complete_authority,
        show_default=False,
    ),
]


def output(
    json: bool,
    fmt: str | None,
    no_color: bool,
    *,
    lists: bool = False,
    to: Path | None = None,
) -> Output:
    """The Output for a command's --json / --format / --no-color / --output options."""
    chosen = (fmt if fmt is not None else ("json" if json else "table")).lower()
    if json and fmt and chosen != "json":
        raise UsageError(f"--json and --format {fmt} ask for two formats; give one")
    allowed = FORMATS if lists else ("table", "json")
    if chosen not in allowed:
        raise UsageError(f"--format must be one of {', '.join(allowed)}, not {fmt!r}")
    if chosen == "xlsx" and to is None:
        raise UsageError("--format xlsx writes a workbook: give --output FILE.xlsx")
    if to is not None and chosen != "xlsx":
        raise UsageError("--output is for --format xlsx; other formats go to standard output")
    if to is not None and to.suffix.lower() != ".xlsx":
        raise UsageError(f"--output {to.name!r} should end in .xlsx, the format written")
    return Output(chosen, no_color=no_color, path=to)


def date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """An option's date as ISO (partial dates widened to their last day with ``end``)."""
    from ofstedcli.dates import parse_date

    return parse_date(value, option=option, end=end) if value is not None else None


def dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until as an inclusive ISO range; a backwards window is a usage error."""
    start, end = date(since, "--since"), date(until, "--until", end=True)
    if start and end and end < start:
        raise UsageError(f"--until {until} is before --since {since}: no date is in that window")
    return start, end


def basis(value: str) -> str:
    """--by as 'published' or 'inspected' (also 'publication', 'start', 'started')."""
    low = value.strip().lower()
    if low in ("published", "publication", "pub"):
        return "published"
    if low in ("inspected", "inspection", "start", "started", "start_date"):
        return "inspected"
    raise UsageError(f"--by must be published or inspected, not {value!r}")


def frameworks(values: list[str] | None) -> list[str] | None:
    """--framework values (repeated or comma-separated) in their canonical spelling."""
    from ofstedcli.model import FRAMEWORKS

    if not values:
        return None
    known = {f.lower(): f for f in FRAMEWORKS}
    out = []
    for value in (v.strip() for vs in values for v in vs.split(",")):
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


def kinds(values: list[str] | None) -> list[str] | None:
    """--kind values (repeated or comma-separated) as document kinds, from any part of a kind's
    name ("ministerial", "focused", "report"); usage error with the kinds otherwise."""
    from ofstedcli.documents.kinds import KINDS

    if not values:
        return None
    out = []
    for value in (v.strip() for vs in values for v in vs.split(",")):
        key = value.lower().replace("-", "_").replace(" ", "_")
        found = [k for k in KINDS if k == key] or [k for k in KINDS if key and key in k]
        if len(found) != 1:
            which = (
                f"could be {', '.join(found)}" if found else f"must be one of {', '.join(KINDS)}"
            )
            raise UsageError(f"--kind {which}, not {value!r}")
        out.append(found[0])
    return out


def check_sort(sort: str, choices: Sequence[str]) -> tuple[str, bool]:
    """--sort KEY, or -KEY for the reverse order."""
    key = sort.strip().lower()
    reverse = key.startswith("-")
    key = key.lstrip("-")
    if key not in choices:
        raise UsageError(
            f"--sort must be one of {', '.join(choices)} (-KEY reverses), not {sort!r}"
        )
    return key, reverse
