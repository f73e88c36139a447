"""A progress bar for long downloads (``ofsted db update``), on a terminal only.

Rich is imported only when a bar is drawn, so that ``db update --json`` or a run in a pipe
does not pay for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ofstedcli.render import Output

#: Bytes from which a download shows a progress bar.
LONG_DOWNLOAD = 1024 * 1024


@contextmanager
def download_bar(out: Output) -> Iterator[Callable[[str, int, int | None], None] | None]:
    """A progress callback drawing a bar for long downloads on a terminal (else None)."""
    if out.json or not out.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

    from ofstedcli.render.console import make_console

    console = make_console(out.stderr, out.color)
    # make_console marks a console without colour as no terminal, where Rich draws no live
    # bar; stderr is a terminal here, so say so (the bar is then drawn without colour).
    console._force_terminal = True
    console.is_interactive = True
    bar = Progress(
        TextColumn("downloading"), BarColumn(), DownloadColumn(),
        console=console, transient=True,
    )  # fmt: skip
    tasks: dict[str, Any] = {}
    lock = threading.Lock()

    def advance(url: str, done: int, total: int | None) -> None:
        if total is None or total < LONG_DOWNLOAD:
            return
        with lock:
            if not tasks:
                bar.start()
            if url not in tasks:
                tasks[url] = bar.add_task(url, total=total)
            bar.update(tasks[url], completed=done)

    try:
        yield advance
    finally:
        if tasks:
            bar.stop()
