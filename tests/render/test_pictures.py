"""The report pictures: colours that pass WCAG contrast, and what a reader finds in each."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.model import GOOD, GRADES, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT
from ofstedcli.render import figures
from ofstedcli.render.pictures import save
from ofstedcli.render.svg import (
    BACKGROUND,
    INK,
    MUTED,
    STYLES,
    contrast,
    html_page,
    luminance,
)
from tests.render.test_analysis import CHART, _event

SVG = "{http://www.w3.org/2000/svg}"
RI = REQUIRES_IMPROVEMENT


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert luminance("#ffffff") == pytest.approx(1.0) and luminance("#000000") == 0.0
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic fail
    assert contrast("#ffffff", "#767676") == pytest.approx(4.54, abs=0.01)  # the classic pass


@pytest.mark.parametrize("grade", GRADES)
def test_letters_on_every_grade_fill_pass_wcag_aa(grade: str) -> None:
    style = STYLES[grade]
    assert contrast(style.text, style.fill) >= 4.5
    if style.stripes:  # a letter may fall on a stripe as well as on the fill
        assert contrast(style.text, style.stripes) >= 4.5
    assert contrast(INK, BACKGROUND) >= 3  # every block's outline stands out from the page


def test_page_text_passes_wcag_aaa() -> None:
    assert contrast(INK, BACKGROUND) >= 7 and contrast(MUTED, BACKGROUND) >= 7


def test_grades_print_apart_in_black_and_white() -> None:
    """Two grades whose fills print as much the same grey differ in pattern (and letter)."""
    for a, b in itertools.combinations(GRADES, 2):
        sa, sb = STYLES[a], STYLES[b]
        assert sa.letter != sb.letter
        assert contrast(sa.fill, sb.fill) >= 1.6 or sa.stripes != sb.stripes, (a, b)


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.split("?>", 1)[1])


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_timeline_has_title_years_marks_legend_and_source() -> None:
    data = {**CHART, "authorities": CHART["authorities"][:2]}
    data["authorities"][0] = {  # a copy: CHART is shared with other tests
        **CHART["authorities"][0],
        "inspections": [
            *CHART["authorities"][0]["inspections"],
            {**_event("2025-06-01", GOOD), "provisional": True},
        ],
    }
    picture = figures.timeline(data, data_to="2026-08-20")
    root = _parse(picture.svg)
    texts = _texts(root)
    title = picture.title
    assert "Leicester" in title and "A very long authority name" in title
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}title").text == title  # type: ignore[union-attr]
    assert {"2012", "2016", "2020", "2024"} <= set(texts)
    assert "Source: Ofsted official statistics and D2I index, data to 2026-08-20" in texts
    assert texts.count("I") == 2 and texts.count("G*") == 1  # a mark and the legend; provisional
    assert any(t.startswith("* Provisional") for t in texts)
    background = root.find(f"{SVG}rect")
    assert background is not None and background.get("fill") == BACKGROUND
    tips = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert any("2015-03-20" in t and INADEQUATE in t for t in tips)


def _send(date: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {**_event(date), "framework": "SEND", "type": kind, "visit": False, **fields}


#: Leicester with an area SEND lane: a 2016 inspection with a written statement, its
#: revisit, and a provisional 2023-framework full inspection with outcome 2.
SEND_CHART: dict[str, Any] = {
    **CHART,
    "authorities": [
        {
            **CHART["authorities"][0],
            "send": [
                _send("2018-04-30", "inspection", written_statement=True),
                _send("2021-05-05", "revisit", progress="some"),
                {**_send("2025-09-22", "full inspection", outcome_level=2), "provisional": True},
            ],
        },
        CHART["authorities"][2],
    ],
}


def test_area_send_has_its_own_lane_never_in_grade_colours() -> None:
    picture = figures.timeline(SEND_CHART, data_to="2026-08-20")
    root = _parse(picture.svg)
    texts = _texts(root)
    assert "area SEND" in texts and {"W", "V", "2*"} <= set(texts)
    assert "N" not in texts and "M" not in texts  # the legend shows only the marks used
    assert any(t.startswith("Written statement of action") for t in texts)
    tips = {"".join(t.itertext()): t for t in root.iter(f"{SVG}title")}
    send_tips = [t for t in tips if ": area SEND " in t]
    assert len(send_tips) == 3 and any("outcome 2, provisional" in t for t in send_tips)
    for group in root.iter(f"{SVG}g"):
        tip = group.find(f"{SVG}title")
        if tip is not None and ": area SEND " in (tip.text or ""):
            rect = group.find(f"{SVG}rect")
            assert rect is not None and rect.get("fill") == BACKGROUND and rect.get("rx")
    assert picture.table.count("area SEND") == 3


def test_timeline_without_inspections_says_so() -> None:
    data = {"from": None, "to": None, "authorities": [{"authority": {"name": "X"}}]}
    assert "No inspections to draw." in _texts(_parse(figures.timeline(data).svg))


def test_pictures_fetch_nothing_and_run_no_script() -> None:
    picture = figures.timeline(CHART, data_to="2026-08-20")
    page = html_page(picture.title, picture.svg, picture.table)
    for text in (picture.svg, page):
        lowered = text.lower()
        assert "<script" not in lowered and "@import" not in lowered and "@font-face" not in lowered
        assert "href=" not in lowered and "src=" not in lowered
        assert lowered.count("http") == lowered.count("http://www.w3.org/2000/svg")


def test_region_title_names_the_region() -> None:
    assert figures.timeline(CHART, region="London").title.endswith(
        "London and Leicester, A very long authority name [bold] indeed and Nowhere"
    )
    assert figures.names_title([f"A{n}" for n in range(6)]) == "A0, A1, A2 and 3 more"


def test_hostile_names_are_escaped_and_control_characters_dropped() -> None:
    hostile = {"authority": {"name": "B&NES <x>\x1b[2J"}, "inspections": []}
    data = {**CHART, "authorities": [hostile]}
    root = _parse(figures.timeline(data).svg)
    assert "B&NES <x>[2J" in _texts(root)


def _group(name: str, counts: list[int], rest: int = 0) -> dict[str, Any]:
    return {
        "name": name,
        "total": sum(counts) + rest,
        "graded": sum(counts),
        "counts": dict(zip(GRADES, counts, strict=True)),
    }


STATS = {
    "as_at": "2025-03-31",
    "published_by": "2025-06-30",
    "by": "region",
    "england": _group("England", [36, 67, 31, 19], 1),
    "groups": [_group("London", [18, 11, 2, 2]), _group("North East", [1, 0, 0, 0], 2)],
}


def test_stats_bars_show_shares_and_who_is_left_out() -> None:
    picture = figures.stats_bars(STATS, data_to="2025-08-20")
    texts = _texts(_parse(picture.svg))
    assert "by region" in picture.title
    assert {"O 24%", "G 44%", "R 20%", "I 12%"} <= set(texts)  # England: 36/153 = 23.5% -> 24%
    assert "153 graded, 1 not" in texts and "1 graded, 2 not" in texts
    assert "O 100%" in texts
    assert any("reports published by 2025-06-30" in t for t in texts)


NEIGHBOURS = {
    "authority": {"name": "Home", "ons_code": "E1"},
    "current": {"overall": GOOD},
    "neighbours": [
        {"rank": 1, "authority": {"name": "Near", "ons_code": "E2"}, "current": {"overall": RI}},
        {"rank": 2, "authority": {"name": "Far", "ons_code": "E3"}, "current": {"overall": GOOD}},
        {"rank": 3, "authority": {"name": "Unjudged", "ons_code": "E4"}, "current": None},
        {"rank": 4, "authority": {"name": "Top"}, "current": {"overall": OUTSTANDING}},
    ],
}


def test_neighbour_bars_place_each_neighbour_under_its_grade() -> None:
    picture = figures.neighbour_bars(NEIGHBOURS, data_to="2025-08-20")
    texts = _texts(_parse(picture.svg))
    assert picture.title.startswith("Home and its statistical neighbours")
    assert "1   ◀ Home's own grade" in texts  # its own grade marked, after its count
    assert {"1. Near", "2. Far", "3. Unjudged", "4. Top"} <= set(texts)
    assert "Home: Good." in " ".join(texts)


def test_save_writes_each_format_asked_for(tmp_path: Path) -> None:
    svg, html = tmp_path / "c.svg", tmp_path / "c.HTM"
    assert save("chart", CHART, [("svg", svg), ("html", html)]) == [svg, html]
    assert ET.parse(svg).getroot().tag == f"{SVG}svg"
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<table>" in page
    assert page.count("<tr>") == 1 + sum(len(r["inspections"]) for r in CHART["authorities"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.HTM", "c.svg"]  # no temp left


def test_png_and_pdf_through_cairosvg(tmp_path: Path) -> None:
    pytest.importorskip("cairosvg", reason="cairosvg (the 'pictures' extra) is not installed")
    png, pdf = tmp_path / "c.png", tmp_path / "c.pdf"
    save("stats", STATS, [("png", png), ("pdf", pdf)])
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert pdf.read_bytes().startswith(b"%PDF-")
