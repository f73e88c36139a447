"""Long output on a terminal goes through a pager, as git's does (imported only then).

``$PAGER`` chooses it (empty or ``cat``: none), else ``less`` with ``LESS=FRX`` when LESS is
unset (quit if one screen, keep colours, leave the text on the screen), else ``more``.
Output that fits the terminal is written directly.  Never used when stdout is not a
terminal, nor with ``--no-pager``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ofstedcli.render.plain import Screen


def pager_command() -> str | None:
    """The pager to run, or None for none."""
    chosen = os.environ.get("OFSTED_PAGER", os.environ.get("PAGER"))
    if chosen is not None:
        chosen = chosen.strip()
        return None if chosen in ("", "cat") else chosen
    for name in ("less", "more"):
        if shutil.which(name):
            return name
    return None


@contextmanager
def paged(stdout: IO[str], color: bool) -> Iterator[Screen]:
    """A Screen of the terminal's size whose text goes through the pager when it is long."""
    size = shutil.get_terminal_size()
    buffer = io.StringIO()
    screen = Screen(buffer, color, width=size.columns, tty=True)
    yield screen
    text = buffer.getvalue()
    command = pager_command()
    if command is None or text.count("\n") < size.lines - 1:
        stdout.write(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    stdout.flush()
    try:
        with subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env) as proc:
            assert proc.stdin is not None
            try:
                proc.stdin.write(text.encode("utf-8", "replace"))
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the reader quit the pager early ("q")
            proc.wait()
    except OSError:
        stdout.write(text)
