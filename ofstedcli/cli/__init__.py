"""The ``ofsted`` command line: a thin Typer layer over the core.

Each command parses its options, calls the core, and hands the result to
:class:`ofstedcli.render.Output`.  :func:`main` is the one place where domain errors become a
one-line message and an exit code (see the README): 0 ok, 1 error, 2 usage, 3 not found,
4 ambiguous, 130 interrupted.  No traceback reaches the user, and a closed pipe ends quietly.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.exceptions import Abort, Exit

from ofstedcli import __version__
from ofstedcli.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, OfstedError, UsageError
from ofstedcli.render import PipeClosed

app = typer.Typer(
    name="ofsted",
    help="How Ofsted has judged each English council's children's social care, and how it compares",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ofsted {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """How Ofsted has judged each English council's children's social care."""


def _register() -> None:
    from ofstedcli.cli import history

    history.register(app)
    for name in ("db", "documents", "analysis"):
        try:
            module = __import__(f"ofstedcli.cli.{name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"ofstedcli.cli.{name}":
                raise
            continue
        module.register(app)


_register()


def _report(err: OfstedError) -> int:
    from ofstedcli import render

    out = render.active()
    if out is None:
        out = render.Output("json" if "--json" in sys.argv[1:] else "table")
    out.error(err)
    return err.exit_code


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with the documented code."""
    code = run(argv)
    sys.exit(code)


def run(argv: list[str] | None = None) -> int:
    """Run one command line, returning its exit code instead of exiting."""
    try:
        try:
            app(args=argv, prog_name="ofsted", standalone_mode=False)
            return 0
        except OfstedError as err:
            return _report(err)
        except Exit as exit_:
            return int(exit_.exit_code or 0)
        except NoArgsIsHelpError as exc:
            sys.stderr.write(exc.format_message() + "\n")
            return EXIT_USAGE
        except ClickException as exc:
            # Usage mistakes: one line, not Typer's boxed panel.
            return _report(UsageError(exc.format_message(), kind="usage"))
        except Abort:
            sys.stderr.write("ofsted: interrupted\n")
            return EXIT_INTERRUPTED
        except KeyboardInterrupt:
            sys.stderr.write("\nofsted: interrupted\n")
            return EXIT_INTERRUPTED
    except (BrokenPipeError, PipeClosed):
        # The reader went away (`| head -1`): stop quietly, without a second error on exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        sys.stderr.write(f"ofsted: {exc.strerror or exc}\n")
        return EXIT_ERROR


__all__ = ["EXIT_USAGE", "app", "main", "run"]
