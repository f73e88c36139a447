"""The pictures as a browser shows them: rendered in headless Chromium, compared with the
screenshots in ``tests/render/expected/`` that were checked by eye.

Set ``OFSTED_UPDATE_RENDERINGS=1`` to write new expected screenshots (then look at them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ofstedcli.render import figures
from ofstedcli.render.svg import STYLES, html_page
from tests.render.test_analysis import CHART
from tests.render.test_pictures import NEIGHBOURS, SEND_CHART, STATS

EXPECTED = Path(__file__).parent / "expected"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
BROWSER = next((b for b in map(shutil.which, BROWSERS) if b), None)

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium or Chrome on PATH")


def _pictures() -> dict[str, tuple[str, str]]:
    """name -> (file suffix, content) of each picture the screenshots cover."""
    timeline = figures.timeline(CHART, data_to="2026-08-20")
    return {
        "timeline-svg": (".svg", timeline.svg),
        "timeline-html": (".html", html_page(timeline.title, timeline.svg, timeline.table)),
        "timeline-send-svg": (".svg", figures.timeline(SEND_CHART, data_to="2026-08-20").svg),
        "stats-svg": (".svg", figures.stats_bars(STATS, data_to="2026-08-20").svg),
        "neighbours-svg": (".svg", figures.neighbour_bars(NEIGHBOURS, data_to="2026-08-20").svg),
    }


def _screenshot(page: Path, out: Path, width: int, height: int, profile: Path) -> None:
    assert BROWSER is not None
    args = [
        BROWSER,
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        f"--screenshot={out}",
        page.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
    subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert out.exists(), f"Chromium wrote no screenshot of {page.name}"


def _size(svg: str) -> tuple[int, int]:
    found = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg)
    assert found
    return int(found[1]), int(found[2])


@pytest.mark.parametrize("name", list(_pictures()))
def test_rendered_in_chromium_as_expected(name: str, tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image", reason="Pillow is needed to compare screenshots")
    suffix, content = _pictures()[name]
    page = tmp_path / f"{name}{suffix}"
    page.write_text(content, encoding="utf-8")
    width, height = _size(content)
    if suffix == ".html":
        width, height = width + 60, height + 90  # the page's margin and the data's summary line
    shot = tmp_path / f"{name}.png"
    _screenshot(page, shot, width, height, tmp_path / "profile")
    got = image.open(shot).convert("RGB")
    expected = EXPECTED / f"{name}.png"
    if os.environ.get("OFSTED_UPDATE_RENDERINGS"):
        EXPECTED.mkdir(exist_ok=True)
        got.save(expected, optimize=True)
    want = image.open(expected).convert("RGB")
    assert got.size == want.size
    colours = _colours(got)
    assert colours.get((255, 255, 255), 0) > 0.5 * width * height  # a light page
    fills = {_rgb(s.fill) for s in STYLES.values()}
    assert all(colours.get(f, 0) > 30 for f in fills), "a grade's colour is missing"
    if not _same_font():
        pytest.skip("the expected screenshots were taken with DejaVu Sans, not installed here")
    # Identical renderings differ in no pixel; one grade block changed is about 0.1% of them.
    assert _differing(got, want) < 0.0005, f"{name} looks different from {expected.name}"


def _same_font() -> bool:
    """Whether the pictures' first font, DejaVu Sans, is the one the browser will use."""
    found = shutil.which("fc-match")
    if not found:
        return False
    done = subprocess.run([found, "DejaVu Sans"], capture_output=True, text=True, check=False)
    return "DejaVuSans" in done.stdout


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _colours(img: Any) -> dict[tuple[int, int, int], int]:
    return {c: n for n, c in img.getcolors(maxcolors=1 << 24)}


def _differing(a: Any, b: Any) -> float:
    """The share of pixels that differ clearly (anti-aliasing and hinting aside)."""
    from PIL import ImageChops

    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 64 else 0)
    histogram = diff.histogram()
    return float(histogram[255]) / (a.size[0] * a.size[1])
