"""A normalised view of a document's text whose positions map back to the original text.

Extraction matches against one flat, tidy line of text (single spaces, straight quotes, plain
hyphens, ligatures expanded, PDF line-break hyphens joined, Markdown emphasis and running page
headers dropped), but every fact's evidence must point into the text the caller stored.
:class:`View` keeps both and translates spans.

Fast by construction: the one-for-one replacements (line breaks become spaces, curly quotes
straight) keep every offset, so only the edits that change the length (runs of spaces,
deletions, ligatures, page headers) are recorded, each as an anchor of four numbers built by
list comprehensions; a position is mapped by bisecting the anchors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

#: One-for-one replacements: every character of a class becomes the one replacement (line
#: breaks and odd spaces a space, curly quotes straight, dashes a hyphen, soft hyphens a
#: line-break mark, zero-width characters a deletion mark).
_ONE_FOR_ONE: dict[str, str] = {
    "\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000": " ",
    "\u2018\u2019\u201a\u201b\u2032`": "'",
    "\u201c\u201d\u201e": '"',
    "\u2010-\u2015\u2212\u2500": "-",
    "\ufffe\u00ad": "\x01",
    "\u200b-\u200d\u2060\ufeff": "\x00",
}


def _characters(spec: str) -> str:
    """Every character of a class written as characters and ``a-b`` ranges."""
    out: list[str] = []
    i = 0
    while i < len(spec):
        if spec[i + 1 : i + 2] == "-" and i + 2 < len(spec):
            out += map(chr, range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return "".join(out)


_REPLACEMENT = {char: new for spec, new in _ONE_FOR_ONE.items() for char in _characters(spec)}
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
#: The edits that change the length, found in the flattened text: runs of spaces (by far the
#: most, so searched for on their own, which is several times faster), and the rare ones: a
#: line-break hyphen mark with the spaces after it, deletions, ligatures.
_SPACE_RUN = re.compile("  +")
#: The rare edits, one pattern each: each starts with a literal, which the regular
#: expression engine finds far faster than the alternation of them all.  Each is searched
#: for only when its probe is in the text (``in`` on a string is a fast scan).
_RARE_PARTS: list[tuple[str, re.Pattern[str]]] = [
    ("\x01", re.compile("\x01 *")),
    ("\x00", re.compile("\x00+")),
    ("**", re.compile("\\*\\*+")),
    ("__", re.compile("__+")),
    *((ligature, re.compile(ligature)) for ligature in _LIGATURES),
]


def _rare(m: re.Match[str]) -> str:
    """The replacement for a rare edit."""
    text = m.group()
    if text[0] == "\x01":
        return "-"
    return _LIGATURES.get(text, "")


def _flatten(raw: str) -> str:
    """The raw text with every one-for-one replacement made (same length, same offsets).

    A ``str.replace`` per character the text holds: ``in`` and ``replace`` are C scans, ten
    times faster than ``str.translate`` with a table and half again faster than one pattern
    with a lookup per match (a report has a line break every 60 characters)."""
    for char, new in _REPLACEMENT.items():
        if char in raw:
            raw = raw.replace(char, new)
    return raw


class View:
    """The normalised text of a document and the way back to the original offsets."""

    __slots__ = ("_norm_at", "_norm_to", "_open_end", "_raw_at", "_raw_to", "raw", "text")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        flat = _flatten(raw)
        edits = _rewrites(raw, flat)
        # Each edit i replaces raw[_raw_at[i]:_raw_to[i]] by text[_norm_at[i]:_norm_to[i]];
        # between two edits the text is the flattened raw text, offset by what the edits
        # before removed.  A space standing where a space already is (or at the very start)
        # becomes nothing: one loop over the edits, everything else list comprehensions.
        news: list[str] = []
        after_space = True
        at = 0
        for start, end, new in edits:
            if start > at:
                after_space = flat[start - 1] == " "
            if new == " " and after_space:
                new = ""
            after_space = new == " "
            news.append(new)
            at = end
        raw_at = [e[0] for e in edits]
        raw_to = [e[1] for e in edits]
        shrink = [b - a - len(n) for a, b, n in zip(raw_at, raw_to, news, strict=True)]
        # What the edits before each one removed (accumulate's extra last total is dropped).
        removed = accumulate(shrink, initial=0)
        norm_at = [a - r for a, r in zip(raw_at, removed, strict=False)]
        self._raw_at, self._raw_to, self._norm_at = raw_at, raw_to, norm_at
        self._norm_to = [a + len(n) for a, n in zip(norm_at, news, strict=True)]
        # An edit that runs to the end of the text has no kept text after it.
        self._open_end = bool(edits) and raw_to[-1] >= len(raw)
        kept_from = [0, *raw_to[:-1]] if edits else []
        parts = [flat[k:a] + n for k, a, n in zip(kept_from, raw_at, news, strict=True)]
        parts.append(flat[raw_to[-1] if edits else 0 :])
        self.text = "".join(parts)

    def _inside(self, i: int, pos: int, ends: list[int]) -> bool:
        """Whether ``pos`` falls in edit ``i``'s span of ``ends``' side (not the text after)."""
        return pos < ends[i] or (self._open_end and i == len(ends) - 1)

    def raw_start(self, pos: int) -> int:
        """The original offset where the normalised character at ``pos`` begins."""
        i = bisect_right(self._norm_at, pos) - 1
        if i < 0:
            return max(pos, 0)
        if self._inside(i, pos, self._norm_to):
            return self._raw_at[i]
        return self._raw_to[i] + (pos - self._norm_to[i])

    def raw_end(self, pos: int) -> int:
        """The original offset just after the normalised character before ``pos``."""
        if pos <= 0:
            return 0
        i = bisect_right(self._norm_at, pos - 1) - 1
        if i < 0:
            return pos
        if self._inside(i, pos - 1, self._norm_to):
            return self._raw_to[i]
        return self._raw_to[i] + (pos - self._norm_to[i])

    def norm_pos(self, raw_pos: int) -> int:
        """The normalised position of the character at an original offset (or the next one)."""
        i = bisect_right(self._raw_at, raw_pos) - 1
        if i < 0:
            return max(raw_pos, 0)
        if self._inside(i, raw_pos, self._raw_to):
            return self._norm_at[i]
        return self._norm_to[i] + (raw_pos - self._raw_to[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``start:end``, trimmed of whitespace."""
        a, b = self.raw_start(start), self.raw_end(end)
        while a < b and self.raw[a].isspace():
            a += 1
        while b > a and self.raw[b - 1].isspace():
            b -= 1
        return a, b


def _rewrites(raw: str, flat: str) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits that change the length of the flattened text."""
    edits = [(m.start(), m.end(), " ") for m in _SPACE_RUN.finditer(flat)]
    rare: list[tuple[int, int, str]] = []
    for probe, part in _RARE_PARTS:
        if probe in flat:
            rare += [(m.start(), m.end(), _rare(m)) for m in part.finditer(flat)]
    rare += [(a, b, " ") for a, b in _running_heads(raw)]
    if rare:
        edits += rare
        edits.sort(key=lambda e: (e[0], -e[1]))  # an edit enclosing another comes first
    out: list[tuple[int, int, str]] = []
    append = out.append
    p_start, p_end, p_new = -1, -1, "x"
    for start, end, new in edits:
        if start < p_end and p_new == "-" and end > p_end:
            # A line-break mark and the page header after it: the mark keeps its own span
            # (its hyphen stands for the mark, not for the header's text) and the header is
            # deleted, so the word still joins across the page break.
            start, new = p_end, ""
        elif start < p_end:
            # Overlapping (a page header and the spaces inside it): one edit covers both.
            if end > p_end:
                p_end = end
                out[-1] = (p_start, p_end, p_new)
            continue
        if (
            out
            and len(new) < 2
            and new != "-"
            and len(p_new) < 2
            and p_new != "-"
            and (start == p_end or (flat[p_end].isspace() and not flat[p_end:start].strip()))
        ):
            # Only spaces between two edits that leave a space or nothing: one space.
            p_new = " " if (new or p_new or start > p_end) else ""
            p_end = end
            out[-1] = (p_start, p_end, p_new)
            continue
        p_start, p_end, p_new = start, end, new
        append((start, end, new))
    size = len(flat)
    for i, (start, end, new) in enumerate(out):
        if new == " " or (not new and start and flat[start - 1] == " "):
            # A space (or a deletion after one) stands for the whole gap: swallow the single
            # spaces after it too.
            stop = out[i + 1][0] if i + 1 < len(out) else size
            if end < stop and flat[end] == " ":
                while end < stop and flat[end] == " ":
                    end += 1
                out[i] = (start, end, new)
    return out


_DIGITS = re.compile(r"\d+")


def _running_heads(raw: str) -> list[tuple[int, int]]:
    """Spans of the page headers and footers that repeat on most pages (pages 2 onwards)."""
    if raw.count("\f") < 2:
        return []
    breaks = [m.start() for m in _PAGE_BREAK.finditer(raw)]
    pages = list(zip([b + 1 for b in breaks], [*breaks[1:], len(raw)], strict=True))
    edge_lines: list[list[tuple[int, int, str]]] = []
    counts: Counter[str] = Counter()
    for start, end in pages:
        edges = _lines(raw, start, end)
        edge_lines.append(edges)
        counts.update({key for _, _, key in edges})
    need = max(2, len(pages) // 2)
    spans: list[tuple[int, int]] = []
    for edges in edge_lines:
        for start, end, key in edges:
            if key == "" or counts[key] >= need:
                spans.append((start, end))
    return sorted(set(spans))


_PAGE_BREAK = re.compile("\f")


def _lines(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The first and last three non-blank lines of the page ``raw[start:end]`` as (start,
    end, key), where the key drops digits (page numbers) and is empty for a line that is
    only a number.  Found with ``find`` from each end: a page's middle is never read."""
    head: list[tuple[int, int]] = []
    at = start
    while len(head) < 3:
        newline = raw.find("\n", at, end)
        stop = end if newline < 0 else newline
        if raw[at:stop].strip():
            head.append((at, stop))
        if newline < 0:
            break
        at = newline + 1
    tail: list[tuple[int, int]] = []
    stop = end
    while len(tail) < 3:
        newline = raw.rfind("\n", start, stop)
        at = start if newline < 0 else newline + 1
        if head and at <= head[-1][0]:
            break
        if raw[at:stop].strip():
            tail.append((at, stop))
        if newline < 0:
            break
        stop = newline
    out: list[tuple[int, int, str]] = []
    for a, z in head + tail[::-1]:
        key = " ".join(_DIGITS.sub("#", raw[a:z]).split())
        out.append((a, z, "" if key == "#" else key))
    return out
