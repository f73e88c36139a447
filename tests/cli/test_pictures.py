"""chart --svg/--html/--png/--pdf and neighbours/stats --chart through the real entry point."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.test_analysis import make_analysis_db


@pytest.fixture(scope="module")
def analysis_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analysis database, written once for this module."""
    return make_analysis_db(tmp_path_factory.mktemp("pictures-cli") / "analysis.db")


@pytest.fixture
def db(analysis_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFSTED_DB", str(analysis_file))
    return analysis_file


def _texts(path: Path) -> str:
    return " ".join("".join(t.itertext()) for t in ET.parse(path).getroot().iter())


def test_chart_svg_is_a_titled_picture_with_its_source(db: Path, cli: Any, tmp_path: Path) -> None:
    svg = tmp_path / "c.svg"
    result = cli("chart", "leicester", "york", "--svg", str(svg))
    assert result.code == 0 and result.stdout == "" and f"wrote {svg}" in result.stderr
    text = _texts(svg)
    assert "Ofsted inspections of children's services: Leicester and York" in text
    newest = cli("db", "info", "--json").json()["newest_published"]
    assert f"Source: Ofsted official statistics and D2I index, data to {newest}" in text


def test_region_chart_is_titled_by_its_region(db: Path, cli: Any, tmp_path: Path) -> None:
    html = tmp_path / "c.html"
    assert cli("chart", "--region", "east midlands", "--html", str(html)).code == 0
    assert "<title>Ofsted inspections of children's services: East Midlands</title>" in (
        html.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    "args",
    [
        ["chart", "leicester", "--svg", "c.html"],
        ["chart", "leicester", "--html", "c.svg"],
        ["chart", "leicester", "--png", "c.svg"],
        ["neighbours", "leicester", "--chart", "c.txt"],
        ["stats", "--chart", "c"],
    ],
)
def test_a_wrong_file_ending_is_a_usage_error(
    db: Path, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--json")
    assert result.code == 2 and "writes a file ending" in result.stderr
    assert result.json()["error"] and list(tmp_path.iterdir()) == []


def test_never_writes_over_the_database_in_use(
    analysis_file: Path, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = Path(shutil.copy(analysis_file, tmp_path / "data.svg"))  # a database with any name
    monkeypatch.setenv("OFSTED_DB", str(own))
    before = own.read_bytes()
    (tmp_path / "link.html").symlink_to(own)
    for option, target in (("--svg", own), ("--html", tmp_path / "link.html")):
        result = cli("chart", "leicester", option, str(target))
        assert result.code == 1 and "refusing to write a picture over" in result.stderr
    result = cli("stats", "--chart", str(own))
    assert result.code == 1 and result.stdout == ""
    assert own.read_bytes() == before


def test_bar_charts_beside_the_tables(db: Path, cli: Any, tmp_path: Path) -> None:
    stats_svg, neighbours_html = tmp_path / "s.svg", tmp_path / "n.html"
    stats = cli("stats", "--chart", str(stats_svg), "--no-color")
    assert stats.code == 0 and "England" in stats.stdout and f"wrote {stats_svg}" in stats.stderr
    assert "England" in _texts(stats_svg) and "by region" in _texts(stats_svg)
    result = cli("neighbours", "leicester", "--chart", str(neighbours_html), "--json")
    assert result.code == 0 and result.json()["authority"]["name"] == "Leicester"
    page = neighbours_html.read_text(encoding="utf-8")
    assert "Leicester and its statistical neighbours" in page
    assert all(n["authority"]["name"] in page for n in result.json()["neighbours"])


@pytest.mark.parametrize("columns", ["100000", "0", "²", "12"])
def test_files_do_not_depend_on_the_terminal_width(
    db: Path, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert cli("chart", "leicester", "york", "--svg", str(tmp_path / "80.svg")).code == 0
    monkeypatch.setenv("COLUMNS", columns)
    assert cli("chart", "leicester", "york", "--svg", str(tmp_path / "w.svg")).code == 0
    assert (tmp_path / "w.svg").read_bytes() == (tmp_path / "80.svg").read_bytes()


def test_png_and_pdf(db: Path, cli: Any, tmp_path: Path) -> None:
    pytest.importorskip("cairosvg", reason="cairosvg (the 'pictures' extra) is not installed")
    png, pdf = tmp_path / "c.png", tmp_path / "c.pdf"
    assert cli("chart", "leicester", "--png", str(png), "--pdf", str(pdf)).code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and pdf.read_bytes()[:5] == b"%PDF-"
