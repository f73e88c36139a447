"""A web page saved as HTML, read as the text a browser shows, and the address it declares.

Scripts, styles and the page's head are dropped; block elements (paragraphs, headings, list
items, table rows, line breaks) end lines, table cells are separated by tabs, entities are
decoded and runs of spaces collapsed, so the reader meets the page as it reads pages copied
from a browser.  The page's own address (``<link rel="canonical">``, else ``og:url``) is
what ``ingest --url`` would give; it is used when no address is given.

The page is read by a tokenizer of its own, not :mod:`html.parser`, whose reading of a page
of unclosed tags is quadratic (250,000 ``<a`` took 115 s): each tag's pattern looks no
further than the next ``<``, and a comment, script or style is skipped to its end in one
search, so the work is linear in the page whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from ofstedcli.documents.address import is_web_address

#: Elements whose content is never shown.
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
#: Elements set apart by a blank line, as a browser's margins set them apart.
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol"}
#: Elements that begin and end a line of their own.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul", "caption",
}  # fmt: skip
#: How a page begins when it is HTML, whatever its file is called.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


#: The longest site name taken from a page's metadata.
_LONGEST_NAME = 120


@dataclass(frozen=True)
class Page:
    """A document's text (a page's as a browser shows it), and the address and site name
    the page declares (if any)."""

    text: str
    url: str | None = None
    site_name: str | None = None


def is_html(text: str) -> bool:
    """True when a text is an HTML page (it begins with a doctype or an html element)."""
    return _HTML_START.match(text[:4096]) is not None


def page(markup: str) -> Page:
    """The text and declared address of an HTML page."""
    reader = _Reader()
    reader.feed(markup)
    url = next(
        (u.strip() for u in (reader.canonical, reader.og_url) if u and is_web_address(u.strip())),
        None,
    )
    name = " ".join((reader.site_name or "").split())[:_LONGEST_NAME] or None
    return Page(_tidy("".join(reader.parts)), url, name)


#: A tag, a comment's start, or a declaration; each match looks ahead no further than the
#: next "<", so reading is linear in the page whatever it holds ("<a<a<a..." included).
_TAG = re.compile(
    r"<(?:(?P<c>!--)|(?P<e>/?)(?P<n>[A-Za-z][A-Za-z0-9:-]*)(?P<a>[^<>]*)>|[!?][^<>]*>)"
)
#: An attribute: its name and value, quoted or not.
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
#: Elements whose content is raw text up to their end tag.
_RAW = {"script", "style"}


class _Reader:
    """Collects the shown text, line by line, and the page's declared address."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.hidden: dict[str, int] = {}  # open hidden elements by name (counts: O(1) work)
        self.hiding = 0
        self.breaks = 0  # line breaks owed before the next text shown
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.site_name: str | None = None

    def feed(self, markup: str) -> None:
        """Read a whole page."""
        pos = 0
        while True:
            m = _TAG.search(markup, pos)
            if m is None:
                self.data(markup[pos:])
                return
            self.data(markup[pos : m.start()])
            pos = m.end()
            if m["c"]:  # a comment, to its end (or the page's)
                close = markup.find("-->", pos)
                pos = len(markup) if close < 0 else close + 3
            elif m["n"]:
                name = m["n"].lower()
                if m["e"]:
                    self.end(name)
                    continue
                self.start(name, _attributes(m["a"]))
                if name in _RAW and not m["a"].rstrip().endswith("/"):
                    ended = re.compile(rf"</{name}\s*>", re.I).search(markup, pos)
                    pos = len(markup) if ended is None else ended.end()
                    self.end(name)
                elif m["a"].rstrip().endswith("/") and name in _HIDDEN:
                    self.end(name)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        """An element begins."""
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs.get("href") or None
        elif tag == "meta" and attrs.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or attrs.get("content") or None
        elif tag == "meta" and attrs.get("property", "").lower() == "og:site_name":
            self.site_name = self.site_name or attrs.get("content") or None
        if tag == "body":  # a head left open ends where the body begins
            self.hiding -= self.hidden.pop("head", 0)
        if tag in _HIDDEN:
            self.hidden[tag] = self.hidden.get(tag, 0) + 1
            self.hiding += 1
        elif tag in _BLOCKS:
            self._break(2 if tag in _PARAGRAPHS else 1)
        elif tag in ("td", "th") and self.parts and not self.breaks:
            self.parts.append("\t")

    def end(self, tag: str) -> None:
        """An element ends."""
        if self.hidden.get(tag):
            self.hidden[tag] -= 1
            self.hiding -= 1
        elif tag in _BLOCKS:
            self._break(2 if tag in _PARAGRAPHS else 1)

    def data(self, data: str) -> None:
        """Text between tags, shown unless inside a hidden element."""
        if self.hiding or not data:
            return
        text = re.sub(r"\s+", " ", unescape(data))
        if self.breaks and text.strip():
            self.parts.append("\n" * self.breaks)
            self.breaks = 0
            text = text.lstrip()
        self.parts.append(text)

    def _break(self, lines: int) -> None:
        """End the line (or the paragraph) before the next text shown."""
        if self.parts:
            self.breaks = max(self.breaks, lines)


def _attributes(text: str) -> dict[str, str]:
    """A tag's attributes, names in lower case, values unquoted and unescaped."""
    out: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(text):
        value = m[2] or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        out.setdefault(m[1].lower(), unescape(value))
    return out


def _tidy(text: str) -> str:
    """Lines without leading, trailing or doubled spaces, and at most one blank line."""
    lines = []
    for line in text.split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        lines.append("\t".join(cells).strip("\t "))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
