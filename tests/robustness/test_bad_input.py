"""Hostile and mistaken input on every read command: one line, a documented code, valid JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.helpers import HOSTILE


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("command", ["show", "compare", "inspections"])
def test_hostile_names(tiny_db: Path, cli: Any, command: str, text: str) -> None:
    args = {
        "show": ["show", text],
        "compare": ["compare", "leicester", text],
        "inspections": ["inspections", "--authority", text],
    }[command]
    plain = cli(*args)
    assert plain.code in (2, 3, 4), plain
    assert len(plain.stderr.strip().splitlines()) == 1
    assert "\x1b" not in plain.stderr and "\x00" not in plain.stderr
    as_json = cli(*args, "--json")
    assert as_json.code == plain.code
    assert json.loads(as_json.stdout)["error"] in ("usage", "not_found", "ambiguous")
    # nothing was dropped: the data is all still there
    assert cli("show", "leicester", "--json").code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["show", "leicester", "--since", "2024-13-01"],
        ["show", "leicester", "--since", "yesterday"],
        ["show", "leicester", "--until", "2024-02-30"],
        ["show", "leicester", "--since", "\x00"],
        ["inspections", "--since", "-1"],
        ["inspections", "--type", "raid"],
        ["list", "--grade", "[red]x[/red]"],
        ["list", "--unknown-option"],
        ["show"],
        ["compare"],
    ],
)
def test_bad_options_exit_2(tiny_db: Path, cli: Any, args: list[str]) -> None:
    result = cli(*args)
    assert result.code == 2, result
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    with_json = cli(*args, "--json")
    assert with_json.code == 2
    if with_json.stdout:
        assert json.loads(with_json.stdout)["error"] == "usage"
