"""Web pages saved as HTML: the text a browser shows, and the address the page declares."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ofstedcli.documents import read_bytes
from ofstedcli.documents.html import is_html, page
from ofstedcli.documents.ingest import ingest
from ofstedcli.documents.read import MAX_HTML, read_page
from ofstedcli.errors import BadDocument
from ofstedcli.store import Store

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Ofsted rates Leicester good | Northam Post</title>
<meta property="og:url" content="https://www.northampost.co.uk/news/og-123">
<link rel="canonical" href="https://www.northampost.co.uk/news/leicester-ofsted-123">
<script>var s = "<p>Inadequate</p>";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Northam</a> &gt; News</nav>
<h1>Ofsted rates Leicester&#8217;s children&rsquo;s services good</h1>
<p>Children's services in   Leicester have been rated <b>good</b>
by Ofsted after an inspection in March 2021.<br>Inspectors praised its leaders.</p>
<table><tr><th>Judgement</th><th>Grade</th></tr>
<tr><td>Overall effectiveness</td><td>Good</td></tr></table>
<noscript>Please turn on JavaScript</noscript></body></html>
"""


def test_a_page_reads_as_a_browser_shows_it() -> None:
    shown = page(PAGE)
    assert shown.text.splitlines() == [
        "Northam > News",
        "",
        "Ofsted rates Leicester\u2019s children\u2019s services good",
        "",
        "Children's services in Leicester have been rated good by Ofsted after an inspection "
        "in March 2021.",
        "Inspectors praised its leaders.",
        "",
        "Judgement\tGrade",
        "Overall effectiveness\tGood",
    ]
    assert "Inadequate" not in shown.text and "color" not in shown.text
    assert shown.url == "https://www.northampost.co.uk/news/leicester-ofsted-123"
    assert page(PAGE.replace('rel="canonical"', 'rel="icon"')).url == (
        "https://www.northampost.co.uk/news/og-123"
    )


def test_html_is_told_by_its_content_whatever_the_file_is_called() -> None:
    assert is_html(PAGE) and is_html("<!-- saved -->\n<html><body>x</body></html>")
    assert not is_html("Children's services in Leicester are <b>good</b>.")
    assert read_bytes(PAGE.encode(), "saved.txt").startswith("Northam > News")
    plain = "Rated <b>good</b> today.\n"
    assert read_bytes(plain.encode(), "note.txt") == plain


def test_ingest_stores_the_shown_text_and_the_declared_address(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "saved" / "leicester.html"
    path.parent.mkdir()
    path.write_text(PAGE)
    doc = ingest(store, [str(path.parent)], workers=1).results[0]
    assert doc.status == "ingested" and doc.document is not None
    assert doc.document["url"] == "https://www.northampost.co.uk/news/leicester-ofsted-123"
    assert doc.document["sender"]["organisation"] == "Northam Post"
    assert doc.document["inspection"]["overall"] == "Good"
    row = store.rows("SELECT text, url FROM user.documents WHERE id = ?", (doc.id,))[0]
    assert "<" not in row["text"] and row["text"].startswith("Northam > News")
    evidence = doc.document["evidence"]["inspection.overall"]
    assert row["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    # an address given wins over the page's own
    again = tmp_path / "again.htm"
    again.write_text(PAGE.replace("March 2021", "April 2021"))
    given_url = "https://news.leicester.gov.uk/ofsted"
    doc = ingest(store, [str(again)], workers=1, url=given_url).results[0]
    assert doc.document is not None and doc.document["url"] == given_url


def test_a_head_left_open_ends_where_the_body_begins() -> None:
    text = read_bytes(b"<?xml version='1.0'?><html><head><title>T</title><body><p>Shown</p>")
    assert text == "Shown\n"


def test_the_site_name_a_page_declares_is_its_publisher(store: Store, tmp_path: Path) -> None:
    named = PAGE.replace(
        '<link rel="canonical"',
        '<meta property="og:site_name" content="Children &amp; Families Weekly">\n'
        '<link rel="canonical"',
    ).replace("northampost.co.uk", "cfweekly.co.uk")
    assert page(named).site_name == "Children & Families Weekly"
    path = tmp_path / "weekly.html"
    path.write_text(named)
    doc = ingest(store, [str(path)], workers=1).results[0]
    assert doc.document is not None
    assert doc.document["sender"]["organisation"] == "Children & Families Weekly"
    assert doc.document["evidence"]["sender.organisation"] == {
        "start": None,
        "end": None,
        "text": 'og:site_name "Children & Families Weekly"',
    }
    # the text's own byline wins over the page's metadata
    byline = named.replace("<h1>", "<p>By Jo Bloggs, Westbrook Gazette</p><h1>")
    assert page(byline).site_name is not None
    path.write_text(byline)
    doc = ingest(store, [str(path)], workers=1).results[0]
    assert doc.document is not None
    assert doc.document["sender"]["organisation"] == "Westbrook Gazette"


def test_a_page_declaring_no_web_address_has_none() -> None:
    assert read_page(PAGE.replace("https://", "javascript:").encode(), "a.html").url is None
    assert read_page(PAGE.replace("https://www.", "/").encode(), "a.html").url is None
    # a canonical link that is no web address gives way to og:url
    relative = PAGE.replace('href="https://www.northampost.co.uk', 'href="/news')
    assert read_page(relative.encode(), "a.html").url == "https://www.northampost.co.uk/news/og-123"


@pytest.mark.parametrize(
    "hostile",
    [
        "<svg><g>" * 100_000 + "hidden" + "</g></svg>" * 100_000,  # deep hidden elements
        "<a" * 1_000_000,  # unclosed tags: quadratic in html.parser (115 s for 250,000)
        "<!--" * 1_000_000 + "-->",
        "<script>" * 1_000_000 + "</script>",
        '<div class="' + '"' * 2_000_000 + '">',
    ],
)
def test_html_work_is_linear(hostile: str) -> None:
    started = time.perf_counter()
    text = page("<html><body>" + hostile + "<p>Leicester is good.</p></body></html>").text
    assert text.endswith("Leicester is good.\n") and time.perf_counter() - started < 10


def test_html_work_is_bounded() -> None:
    with pytest.raises(BadDocument, match="too large or complex"):
        read_bytes(b"<html>" + b"x" * (MAX_HTML + 1), "big.html")
    with pytest.raises(BadDocument, match="no text a browser would show"):
        read_bytes(b"<html><script>only()</script></html>", "empty.html")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_markup_reads_or_fails_in_one_line(body: str) -> None:
    try:
        text = read_bytes(("<!DOCTYPE html><html>" + body).encode("utf-8", "surrogatepass"))
    except BadDocument as exc:
        assert "\n" not in exc.message
    else:
        assert "<!DOCTYPE" not in text
