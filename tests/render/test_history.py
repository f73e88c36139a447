"""Tables at a fixed width with colour off: what a person reads."""

from __future__ import annotations

import io
from typing import Any

import pytest

from ofstedcli import render
from ofstedcli.model import GOOD, INADEQUATE


def _show(inspections: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "authority": {
            "name": "Testshire [bold]",
            "ons_code": "E99999999",
            "dfe_code": "999",
            "ofsted_urn": "1",
            "region": "Nowhere",
            "type": "County",
            "status": "current",
            "predecessors": [],
            "successors": [],
        },
        "current": None,
        "path": [],
        "inspections": inspections,
        "documents": [],
        **extra,
    }


def _insp(**fields: Any) -> dict[str, Any]:
    base = {
        "id": "x",
        "framework": "ILACS",
        "type": "standard inspection",
        "start_date": "2021-01-04",
        "end_date": None,
        "published": "2021-03-01",
        "overall": GOOD,
        "judgements": {"leadership": GOOD},
        "theme": None,
        "provisional": False,
        "change": None,
    }
    return base | fields


def draw(view: str, data: Any, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    buf = io.StringIO()
    render.Output("table", no_color=True, stdout=buf).emit(view, data)
    return buf.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_timeline_rows_and_legend(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = draw(
        "show",
        _show(
            [
                _insp(
                    id="a",
                    published="2015-03-20",
                    start_date=None,
                    framework="SIF",
                    type="inspection",
                    overall=INADEQUATE,
                    judgements={"leadership": INADEQUATE},
                ),
                _insp(id="b", change="up"),
                _insp(
                    id="c",
                    type="focused visit",
                    overall=None,
                    judgements={},
                    theme="Front door",
                    start_date="2022-05-01",
                    published=None,
                ),
            ]
        ),
        width,
        monkeypatch,
    )
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "Testshire [bold]" in text  # markup in data is shown, not applied
    assert "▲" in text
    assert "Front" in text
    assert "O Outstanding" in text and "Ld Leadership" in text
    assert "\x1b" not in text


def test_control_characters_never_reach_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _show([_insp(theme="\x1b]0;pwned\x07evil\x1b[31m")], current=None)
    data["authority"]["name"] = "Bad\x1b[2Jname"
    text = draw("show", data, 120, monkeypatch)
    assert "\x1b" not in text and "\x07" not in text
    assert "Badname" in text.replace("[2J", "")


def test_list_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        {"name": "A", "region": "R", "type": "T", "latest": None},
        {"name": "B", "region": "R", "type": "T", "latest": _insp()},
    ]
    text = draw("list", rows, 100, monkeypatch)
    assert "2 authorities" in text and "Good" in text


def test_colour_only_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.StringIO()
    monkeypatch.setattr(buf, "isatty", lambda: True, raising=False)
    out = render.Output("table", stdout=buf)
    assert out.color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not render.Output("table", stdout=buf).color
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not render.Output("table", stdout=buf).color
    monkeypatch.setenv("TERM", "xterm")
    assert not render.Output("table", stdout=buf, no_color=True).color


def test_colour_through_rich_styles_never_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    data = _show([_insp(theme="\x1b[2Jwipe [red]x[/red]")])
    data["authority"]["name"] = "Evil\x1b]0;title\x07 [blink]"
    buf = io.StringIO()
    render.Output("table", stdout=buf).emit("show", data)
    text = buf.getvalue()
    assert "\x1b[1m" in text  # bold headings: colour is on
    assert "\x1b[2J" not in text and "\x1b]0;" not in text and "\x07" not in text
    assert "[red]x[/red]" in text and "[blink]" in text
    plain = draw("show", data, 120, monkeypatch)
    assert "\x1b" not in plain


def test_plain_and_rich_consoles_draw_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from ofstedcli.render.console import make_console
    from ofstedcli.render.history import draw_show

    data = _show([_insp(), _insp(id="b", type="focused visit", overall=None, theme="Front door")])
    plain = draw("show", data, 90, monkeypatch)
    buf = io.StringIO()
    draw_show(make_console(buf, color=False), data)
    assert buf.getvalue() == plain
