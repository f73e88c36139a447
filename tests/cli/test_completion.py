"""Completion in real shells: the generated script loaded in bash (zsh, fish where installed),
Tab pressed in a pseudo-terminal, and the completed command line run."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect drives the shells in a pty")

BIN = str(Path(sys.executable).parent)

SETUP = {
    "bash": (
        ["--norc", "--noprofile"],
        'source <(ofsted --show-completion bash); bind "set bell-style none"',
    ),
    "zsh": (["-f"], "autoload -U compinit && compinit -u; source <(ofsted --show-completion zsh)"),
    "fish": (["--no-config"], "ofsted --show-completion fish | source"),
}


def shell(name: str, tmp_path: Path) -> Any:
    """A shell in a pty with ofsted's completion loaded (skipped where it is not installed)."""
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")
    args, setup = SETUP[name]
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}", TERM="dumb", ZDOTDIR=str(tmp_path))
    env.pop("OFSTED_DB", None)  # the bundled database, as a user has it
    child = pexpect.spawn(name, args, env=env, encoding="utf-8", dimensions=(40, 200), timeout=20)
    child.sendline(setup)
    child.sendline('echo READY""42')  # the echoed line is READY""42; the output READY42
    child.expect("READY42")
    return child


def completed(child: Any, typed: str, tabs: str = "\t") -> str:
    """Type ``typed``, press Tab, run the line, and return what it printed."""
    child.send(typed)
    time.sleep(0.3)
    child.send(tabs)
    time.sleep(1.5)  # completion runs ofsted once per Tab
    child.sendline(' --json | head -c 400; echo; echo DONE""2')
    child.expect("DONE2")
    return str(child.before)


@pytest.mark.parametrize("name", ["bash", "zsh", "fish"])
def test_a_name_completes_from_any_part_and_runs_quoted(name: str, tmp_path: Path) -> None:
    child = shell(name, tmp_path)
    # "solih": the only match; upper case and a code complete to the name too.
    assert '"name": "Solihull"' in completed(child, "ofsted show solih")
    # Three words with spaces: inserted quoted, so the command gets one argument.
    out = completed(child, "ofsted list --region york")
    assert '"region": "Yorkshire and the Humber"' in out
    child.sendline("exit")


def test_bash_offers_every_part_match_codes_and_letters(tmp_path: Path) -> None:
    child = shell("bash", tmp_path)
    assert '"name": "Leicester"' in completed(child, "ofsted show E06000016")
    child.send("ofsted show hul\t\t")
    child.expect("Solihull")
    listing = str(child.before) + "Solihull"
    assert "Kingston upon Hull" in listing  # "hul" is part of both, never only a prefix
    child.send("\x03")
    assert '"name": "Kingston upon Hull' in completed(child, 'ofsted show "kingston upon h')
    assert '"name": "Leicestershire"' in completed(child, "ofsted show LEICESTERS")
    child.sendline("exit")


def test_show_completion_prints_each_shells_script(cli: Any) -> None:
    zsh = cli("--show-completion", "zsh")
    assert zsh.code == 0 and zsh.stdout.startswith("#compdef ofsted")
    bash = cli("--show-completion", "bash")
    assert "complete -o default -F _ofsted_completion ofsted" in bash.stdout
    fish = cli("--show-completion=fish")
    assert fish.stdout.startswith("complete --command ofsted")
    bad = cli("--show-completion", "tcsh")
    assert bad.code == 2 and "bash, zsh, fish" in bad.stderr


def test_install_completion_writes_the_script_once(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for _ in range(2):
        assert cli("--install-completion", "bash").code == 0
    script = tmp_path / ".bash_completions" / "ofsted.sh"
    assert "_ofsted_completion" in script.read_text()
    assert (tmp_path / ".bashrc").read_text().count(f"source {script}") == 1
    assert cli("--install-completion=fish").code == 0
    fish = tmp_path / ".config" / "fish" / "completions" / "ofsted.fish"
    assert fish.read_text().startswith("complete --command ofsted")
    assert cli("--install-completion", "tcsh").code == 2
    assert not (tmp_path / ".tcsh_completions").exists()
