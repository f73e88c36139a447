"""The document views drawn with Rich: widths fixed, colour off."""

from __future__ import annotations

import io
from typing import Any

from ofstedcli.render.console import make_console
from ofstedcli.render.documents import MARK_END, MARK_START, draw_search

HIT: dict[str, Any] = {
    "id": "38487b190723",
    "date": "2025-08-12",
    "kind": "press_release",
    "authority": {"name": "Leeds"},
    "title": "'Outstanding' Ofsted three in a row for Leeds' Children and Families services",
    "snippet": "…children in care and care leavers. Ofsted inspectors rated the council as "
    f"{MARK_START}Outstanding{MARK_END} for the impact of leaders on social work practice…",
}


def _search(width: int, piped: bool = False) -> list[str]:
    out = io.StringIO()
    console = make_console(out, False, width)
    console.piped = piped  # type: ignore[attr-defined]
    draw_search(console, [HIT])
    return out.getvalue().splitlines()


def test_search_at_80_columns_folds_the_title_and_snippet() -> None:
    lines = _search(80)
    assert all(len(line) <= 80 and line == line.rstrip() for line in lines), lines
    assert lines[0] == "38487b190723  2025-08-12  press release  Leeds"
    assert lines[1] == "  " + HIT["title"]  # beside the document it would not fit
    assert all(line.startswith("  ") for line in lines[1:] if line)
    assert "Outstanding for the impact" in " ".join(line.strip() for line in lines)


def test_search_piped_keeps_each_hit_on_two_lines() -> None:
    lines = _search(80, piped=True)
    assert lines[0].endswith(HIT["title"]) and lines[0].startswith(HIT["id"])
    assert lines[1].startswith("  …children") and lines[1].endswith("practice…")
    assert lines[2] == ""
