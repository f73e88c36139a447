"""The pager, in a real pseudo-terminal: long output on a terminal goes through $PAGER, as
git's does; never with --no-pager, never when piped, never for output that fits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect runs ofsted in a pty")

OFSTED = str(Path(sys.executable).parent / "ofsted")


def run_in_pty(args: list[str], rows: int = 24, **env: str) -> str:
    """What ``ofsted ARGS`` shows in a terminal of ``rows`` rows (PAGER marks its lines)."""
    environ = dict(os.environ, TERM="xterm", NO_COLOR="1", **env)
    environ.pop("COLUMNS", None)
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", " ".join([OFSTED, *args])],
        env=environ,
        encoding="utf-8",
        dimensions=(rows, 100),
        timeout=30,
    )
    child.expect(pexpect.EOF)
    return str(child.before)


PAGER = "sed 's/^/PAGED: /'"


def test_long_output_on_a_terminal_goes_through_the_pager() -> None:
    out = run_in_pty(["inspections", "--since", "2024"], PAGER=PAGER)
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert len(lines) > 24
    assert all(ln.startswith("PAGED: ") for ln in lines)


def test_no_pager_option_and_pager_cat_and_short_output_are_not_paged() -> None:
    for args, env in (
        (["inspections", "--since", "2024", "--no-pager"], {"PAGER": PAGER}),
        (["--no-pager", "inspections", "--since", "2024"], {"PAGER": PAGER}),
        (["inspections", "--since", "2024"], {"PAGER": "cat"}),
        (["show", "york"], {"PAGER": PAGER}),  # fits a 60-row terminal
    ):
        out = run_in_pty(args, rows=60, **env)
        assert "York" in out or "Authority" in out, (args, out[:200])
        assert "PAGED" not in out, args


def test_piped_output_is_never_paged() -> None:
    out = run_in_pty(["inspections", "--since", "2024", "|", "head", "-3"], PAGER=PAGER)
    assert "PAGED" not in out and "Authority" in out


def test_less_is_the_default_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PAGER: less with LESS=FRX (a fake less on PATH records how it was run)."""
    fake = tmp_path / "less"
    fake.write_text('#!/bin/sh\necho "LESS=$LESS"\ncat >/dev/null\n')
    fake.chmod(0o755)
    environ = {"PATH": f"{tmp_path}:{os.environ['PATH']}"}
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("LESS", raising=False)
    out = run_in_pty(["inspections", "--since", "2024"], **environ)
    assert "LESS=FRX" in out
