"""The due table and the show line, drawn at a fixed width without colour."""

from __future__ import annotations

import io
from typing import Any

import pytest

from ofstedcli.render.due import draw_due, next_line, window_text
from ofstedcli.render.plain import Screen, plain

SOURCE = {"title": "A framework", "url": "https://www.gov.uk/x", "section": "Timing"}


def event(**fields: Any) -> dict[str, Any]:
    """An ILACS inspection event, changed by ``fields``."""
    base = {
        "event": "ILACS inspection",
        "type": "standard inspection",
        "earliest": "2027-09-01",
        "latest": "2028-01-31",
        "likely": "2027-11-15",
        "overdue": False,
        "rule": "ilacs-standard",
        "rule_text": "Requires improvement: a standard inspection.",
        "source": SOURCE,
        "pause": None,
        "months_since_last": 27,
    }
    return {**base, **fields}


@pytest.fixture(autouse=True)
def _eighty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def draw(data: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    draw_due(Screen(out, False), data)
    return out.getvalue()


def test_show_line_reads_as_a_sentence() -> None:
    assert plain([next_line(event())]) == (
        "Next: standard inspection expected 2027-09 to 2028-01 (rule ilacs-standard)"
    )


def test_overdue_is_said_not_drawn_as_a_past_window() -> None:
    late = event(overdue=True, earliest="2023-01-01", latest="2024-01-01")
    assert window_text(late) == "overdue since 2024-01"
    assert "2023-01 to" not in plain([next_line(late)])
    text = draw([{"authority": {"name": "Testshire"}, "as_at": "2025-06-30", "next": [late]}])
    assert "overdue since 2024-01" in text and "2023-01 to 2024-01" not in text


def test_table_fits_80_columns_and_lists_each_rule_once() -> None:
    data = [
        {"authority": {"name": name}, "as_at": "2025-06-30", "next": [event()]}
        for name in ("Kingston upon Hull, City of", "Bournemouth, Christchurch and Poole")
    ]
    text = draw(data)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert text.count("ilacs-standard: ") == 1
    assert "A framework, Timing" in text and "https://www.gov.uk/x" in text


def test_no_rows_says_so() -> None:
    assert "No authority" in draw([])
