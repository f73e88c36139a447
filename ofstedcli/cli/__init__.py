"""The ``ofsted`` command line: a thin Typer layer over the core.

Each command parses its options, calls the core, and hands the result to
:class:`ofstedcli.render.Output`.  :func:`main` is the one place where domain errors become a
one-line message and an exit code (see the README): 0 ok, 1 error, 2 usage, 3 not found,
4 ambiguous, 130 interrupted.  No traceback reaches the user, and a closed pipe ends quietly.
"""

import importlib
import os
import re
import sys
from typing import Annotated, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.exceptions import Abort, Exit

from ofstedcli import __version__
from ofstedcli.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, OfstedError, UsageError
from ofstedcli.render import PipeClosed


def _new_app() -> typer.Typer:
    app = typer.Typer(
        name="ofsted",
        help="How Ofsted has judged each English council's children's social care.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    return app


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ofsted {__version__}{_data_edition()}\n")
        raise typer.Exit()


def _data_edition() -> str:
    """ ", data to DATE" from the databases in use: the newest publication they hold."""
    from ofstedcli.errors import OfstedError
    from ofstedcli.store import open_store

    try:
        with open_store() as store:
            newest = store.info().get("newest_published")
    except OfstedError:
        return " (no database)"
    return f", data to {newest}" if newest else ""


def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output (also after the command; PAGER chooses the pager, "
            "PAGER=cat turns it off; piped output is never paged).",
        ),
    ] = False,
) -> None:
    """How Ofsted has judged each English council's children's social care."""


#: The module under ofstedcli.cli that defines each command.  Typer turns every registered
#: command into a Click command on every run, so a run registers only the command it needs
#: (all of them for --help, completion or an unknown command).
COMMANDS: dict[str, str] = {
    "show": "history",
    "compare": "history",
    "list": "history",
    "inspections": "history",
    "stats": "analysis",
    "neighbours": "analysis",
    "transitions": "analysis",
    "movers": "analysis",
    "recent": "analysis",
    "chart": "analysis",
    "due": "due",
    "ingest": "documents",
    "letters": "documents",
    "letter": "documents",
    "search": "documents",
    "db": "db",
    "datasette-metadata": "datasette",
}


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The app with the command ``argv`` asks for registered, or every command."""
    args = sys.argv[1:] if argv is None else argv
    first = next((a for a in args if not a.startswith("-")), None)
    app = _new_app()
    wanted = [COMMANDS[first]] if first in COMMANDS else dict.fromkeys(COMMANDS.values())
    for name in wanted:
        try:
            module = importlib.import_module(f"ofstedcli.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ofstedcli.cli.{name}":
                raise
            continue
        module.register(app)
    if first in COMMANDS:
        app.registered_commands = [c for c in app.registered_commands if _command_name(c) == first]
    if "-h" in args or "--help" in args:
        from ofstedcli.cli.examples import help_for

        for info in app.registered_commands:
            info.help = help_for(_command_name(info), info.help or info.callback.__doc__)
    return app


def _command_name(info: typer.models.CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return getattr(callback, "__name__", "").lower().replace("_", "-")


def _report(err: OfstedError, args: list[str]) -> int:
    from ofstedcli import render

    out = render.active()
    if out is None:
        out = render.Output("json" if _wants_json(args) else "table")
    out.error(err)
    return err.exit_code


def _wants_json(args: list[str]) -> bool:
    """Whether a command line asks for JSON (for errors met before its options are read)."""
    for n, arg in enumerate(args):
        low = arg.lower()
        if arg == "--json" or low in ("--format=json", "-fjson"):
            return True
        if arg in ("--format", "-f") and args[n + 1 : n + 2] and args[n + 1].lower() == "json":
            return True
    return False


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with the documented code."""
    import signal

    # `kill PID` (SIGTERM) ends a command as Ctrl-C does: transactions roll back, worker
    # processes stop, and it says so (exit 130).
    signal.signal(signal.SIGTERM, _terminated)
    code = run(argv)
    sys.exit(code)


def _without_no_pager(args: list[str]) -> list[str]:
    """The arguments without ``--no-pager`` (taken anywhere before ``--``), noting it."""
    from ofstedcli import render

    end = args.index("--") if "--" in args else len(args)
    if "--no-pager" not in args[:end]:
        return args
    render.NO_PAGER = True
    return [a for a in args[:end] if a != "--no-pager"] + args[end:]


def _usage_hint(exc: ClickException) -> str:
    """A usage mistake in one line: the message, the command's usage and where help is."""
    message = exc.format_message().rstrip(".")
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return message
    usage = re.sub(r"\{(\w+)\}", r"\1", ctx.get_usage().replace("Usage: ", "").strip())
    return f"{message} (usage: {usage}; see '{ctx.command_path} --help')"


SHORT_USAGE = (
    "Usage: ofsted [OPTIONS] COMMAND [ARGS]...  e.g. ofsted show leicester\n"
    "Commands: {commands}.  Try 'ofsted --help' or 'ofsted COMMAND --help'.\n"
)


def _mention_guesses() -> None:
    """Say on stderr which names were resolved by a close spelling, not exactly."""
    resolver = sys.modules.get("ofstedcli.resolve")
    if resolver is None:
        return
    from ofstedcli.render import one_line

    for guess in resolver.guesses:
        sys.stderr.write(
            one_line(
                f"ofsted: no authority is named {guess.query[:60]!r}; "
                f"taken to mean {guess.name}, the closest name"
            )
            + "\n"
        )
    resolver.guesses.clear()


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(argv: list[str] | None = None) -> int:
    """Run one command line, returning its exit code instead of exiting."""
    args = _without_no_pager(list(sys.argv[1:] if argv is None else argv))
    argv = args
    resolver = sys.modules.get("ofstedcli.resolve")
    if resolver is not None:
        resolver.guesses.clear()
    try:
        try:
            if args[:1] and args[0].partition("=")[0] == "--show-completion":
                from ofstedcli.cli.completion import script

                shell = args[0].partition("=")[2] or (args[1] if len(args) > 1 else None)
                sys.stdout.write(script(shell))
                return 0
            if args[:1] and args[0].partition("=")[0] == "--install-completion":
                from ofstedcli.cli.completion import install

                shell = args[0].partition("=")[2] or (args[1] if len(args) > 1 else None)
                sys.stderr.write(install(shell) + "\n")
                return 0
            if any("\x00" in arg for arg in args):
                # Only possible in-process (a real command line cannot hold one), but Path
                # options would raise ValueError on it.
                raise UsageError("an argument holds a NUL character; no name, date or path can")
            # Without standalone mode Click returns typer.Exit's code instead of raising it.
            result = build_app(argv)(args=argv, prog_name="ofsted", standalone_mode=False)
            code = result if isinstance(result, int) else 0
            if code == 0:
                _mention_guesses()
            if code == EXIT_INTERRUPTED:
                # Typer turns Ctrl-C in a command into a silent Exit(130).
                sys.stderr.write("\nofsted: interrupted\n")
            return code
        except OfstedError as err:
            return _report(err, args)
        except Exit as exit_:
            return int(exit_.exit_code or 0)
        except NoArgsIsHelpError as exc:
            if args:  # a group such as `ofsted db` on its own: its help
                sys.stderr.write(exc.format_message() + "\n")
            else:
                sys.stderr.write(SHORT_USAGE.format(commands=", ".join(COMMANDS)))
            return EXIT_USAGE
        except ClickException as exc:
            # Usage mistakes: one line, not Typer's boxed panel.
            return _report(UsageError(_usage_hint(exc), kind="usage"), args)
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
        from ofstedcli.render import one_line

        name = str(exc.filename or "")
        where = f"{name if len(name) <= 60 else name[:57] + '...'}: " if name else ""
        sys.stderr.write(one_line(f"ofsted: {where}{exc.strerror or exc}") + "\n")
        return EXIT_ERROR


__all__ = ["EXIT_USAGE", "build_app", "main", "run"]
