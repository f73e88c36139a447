"""The analysis tables and the timeline chart at a fixed width with colour off."""

from __future__ import annotations

import io
from typing import Any

import pytest

from ofstedcli import render
from ofstedcli.model import GOOD, GRADES, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT

RI = REQUIRES_IMPROVEMENT


def draw(view: str, data: Any, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    buf = io.StringIO()
    render.Output("table", no_color=True, stdout=buf).emit(view, data)
    return buf.getvalue()


def _event(date: str, overall: str | None = None, visit: bool = False) -> dict[str, Any]:
    return {
        "inspection": date,
        "framework": "ILACS",
        "type": "focused visit" if visit else "standard inspection",
        "date": date,
        "start_date": date,
        "published": date,
        "overall": overall,
        "provisional": False,
        "visit": visit,
        "theme": None,
    }


CHART: dict[str, Any] = {
    "from": 2012,
    "to": 2025,
    "authorities": [
        {
            "authority": {"name": "Leicester"},
            "inspections": [
                _event("2012-03-02"),
                _event("2015-03-20", INADEQUATE),
                _event("2017-09-04", RI),
                _event("2019-01-15", visit=True),
                _event("2021-09-20", GOOD),
                _event("2024-09-23", RI),
            ],
        },
        {
            "authority": {"name": "A very long authority name [bold] indeed"},
            "inspections": [
                _event("2018-06-04", OUTSTANDING),
                _event("2018-06-05", visit=True),  # same cell: moves beside the block
                _event("2025-12-31"),
            ],
        },
        {"authority": {"name": "Nowhere"}, "inspections": []},
    ],
}

EXPECTED_CHART = """\
Inspections over time
                              2012  2014  2016  2018  2020  2022  2024
Leicester                     ○────────I───────R───•───────G────────R───
A very long authority name …  ───────────────────O•────────────────────○
Nowhere                       ──────────────────────────────────────────
O Outstanding   G Good   R Requires improvement   I Inadequate
○ inspection without an overall grade   • focused or monitoring visit
"""


def test_chart_expected_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    text = draw("chart", CHART, 72, monkeypatch)
    assert "\n".join(line.rstrip() for line in text.splitlines()) + "\n" == EXPECTED_CHART


@pytest.mark.parametrize("width", [40, 80, 160])
def test_chart_fits_the_width(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = draw("chart", CHART, width, monkeypatch).splitlines()
    rows = [line for line in lines if line.startswith(("Leicester", "Nowhere"))]
    assert len(rows) == 2 and all(len(line) <= max(width, 72) for line in rows)
    assert rows[0].count("I") == 1 and rows[0].count("G") == 1 and rows[0].count("R") == 2


def test_chart_without_events(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"from": None, "to": None, "authorities": [{"authority": {"name": "X"}}]}
    assert "No inspections to draw" in draw("chart", data, 80, monkeypatch)


def test_chart_control_characters_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {**CHART, "authorities": [{**CHART["authorities"][0]}]}
    data["authorities"][0]["authority"] = {"name": "Bad\x1b[2Jname"}
    text = draw("chart", data, 80, monkeypatch)
    assert "\x1b" not in text and "Bad[2Jname" in text


def _group(name: str, counts: list[int], not_reported: int = 0) -> dict[str, Any]:
    graded = sum(counts)
    return {
        "name": name,
        "total": graded + not_reported,
        "graded": graded,
        "counts": dict(zip(GRADES, counts, strict=True)),
        "percentages": {
            g: round(100 * n / graded, 1) if graded else None
            for g, n in zip(GRADES, counts, strict=True)
        },
        "not_reported": not_reported,
        "not_inspected": 0,
    }


def test_stats_table(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {
        "as_at": "2025-03-31",
        "published_by": "2025-06-30",
        "by": "region",
        "england": _group("England", [36, 67, 31, 19]),
        "groups": [_group("London", [18, 11, 2, 2]), _group("Nowhere [red]", [0, 0, 0, 0], 2)],
        "authorities": [],
    }
    text = draw("stats", data, 100, monkeypatch)
    assert "as at 2025-03-31, reports published by 2025-06-30" in text
    england = next(line for line in text.splitlines() if "England" in line)
    assert england.split() == [
        *("England", "153", "36", "24%", "67", "44%", "31", "20%", "19", "12%", "0")
    ]
    assert "Nowhere [red]" in text and "None" in text.splitlines()[1]  # the column when used
    assert "Percentages are of the authorities with an overall grade" in text


def test_transitions_table(monkeypatch: pytest.MonkeyPatch) -> None:
    matrix = [
        {"from": g, "to": dict(zip(GRADES, row, strict=True)), "total": sum(row)}
        for g, row in zip(
            GRADES, [[1, 0, 0, 0], [2, 3, 0, 1], [0, 4, 1, 0], [0, 1, 1, 0]], strict=True
        )
    ]
    data = {
        "since": "2020-01-01",
        "until": None,
        "frameworks": ["ILACS"],
        "total": 14,
        "authorities": 9,
        "up": 8,
        "same": 5,
        "down": 1,
        "matrix": matrix,
        "pairs": [],
    }
    text = draw("transitions", data, 100, monkeypatch)
    assert "(ILACS) from 2020-01-01" in text
    good = next(line for line in text.splitlines() if line.strip().startswith("Good"))
    assert good.split() == ["Good", "2", "3", "0", "1", "6"]
    assert "14 transitions by 9 authorities: 8 up, 5 same, 1 down" in text


def _ref(name: str) -> dict[str, Any]:
    return {"name": name, "ons_code": "E0", "dfe_code": "1", "region": "R", "type": "T"}


def _current(overall: str | None) -> dict[str, Any]:
    return {"overall": overall, "start_date": "2024-01-01", "published": "2024-03-01"}


def test_neighbours_table(monkeypatch: pytest.MonkeyPatch) -> None:
    standing = {"members": 3, "better": 1, "same": 1, "worse": 0, "position": 2, "of": 3}
    data = {
        "authority": _ref("Home"),
        "current": _current(GOOD),
        "neighbours": [
            {
                "rank": 1,
                "authority": _ref("Near"),
                "current": _current(OUTSTANDING),
                "compared": "better",
            },
            {"rank": 2, "authority": _ref("Far"), "current": _current(GOOD), "compared": "same"},
            {"rank": 3, "authority": _ref("Unjudged"), "current": None, "compared": None},
        ],
        "standing": {
            "neighbours": standing,
            "region": {**standing, "position": None, "better": None},
        },
    }
    for width in (80, 120):
        text = draw("neighbours", data, width, monkeypatch)
        assert "Near" in text and "better" in text and "Unjudged" in text
        assert "Among its neighbours: joint 2nd of 3  (1 better, 1 same, 0 worse)" in text
        assert "In R: no current overall grade to place among 3" in text


def test_movers_and_recent_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {"improved": 0, "declined": 0, "unchanged": 0, "no_earlier_grade": 0}
    data = {
        "since": "2025-01-01",
        "improved": [],
        "declined": [],
        "unchanged": [],
        "counts": counts,
    }
    text = draw("movers", data, 80, monkeypatch)
    assert "Improved since 2025-01-01: none" in text and "0 improved, 0 declined" in text
    recent: dict[str, Any] = {"since": "2025-01-01", "until": None, "count": 0, "inspections": []}
    assert "Nothing published" in draw("recent", recent, 80, monkeypatch)
