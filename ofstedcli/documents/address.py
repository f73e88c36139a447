"""What a page's web address says about it: whose site it is on, and that site's name.

A page saved from the web comes with the address it was published at (``ingest --url``).
The address is read only for what the text leaves open:

- a council's own site (a host under ``.gov.uk`` other than central government's, or its
  committee system's, ``<council>.moderngov.co.uk``) publishes the council speaking: a page
  there that reads as a news story is the council's release, or on its committee system's
  host (``democracy.``, ``moderngov.``, ``committees.`` ...) its committee paper; and the
  site's own name (``northnorthants``, which the resolver knows as a council's domain) is
  the council the page is about, before the places the text names;
- any other site is named by its host, split into words that the page itself uses or that
  end a newspaper's name: ``yorkshirepost.co.uk``, on a page that says "Yorkshire", is the
  Yorkshire Post.  A host that does not split so, or whose last word is not a newspaper's
  ("cypnow", "miltonkeynes"), names nothing: a name the address does not spell is not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ofstedcli.documents.parties import PAPER_WORDS
from ofstedcli.errors import UsageError

#: Second-level labels under gov.uk that are central government, not a council.
_CENTRAL = {"service", "ofsted", "education", "dfe", "local", "ons", "nhs", "digital"}
#: Endings of a host after the site's own label, longest first.
_SUFFIXES = (
    ".gov.uk", ".co.uk", ".org.uk", ".net.uk", ".ac.uk", ".ltd.uk", ".plc.uk", ".me.uk",
    ".com", ".org", ".net", ".uk", ".info", ".news", ".media", ".online",
)  # fmt: skip
#: Words a site's name may use that need not be on the page.
_GLUE = {"the", "and", "of", "for", "on", "upon", "in"}
#: Newspapers' last words as the address spells them.
_PAPERS = {w.lower() for w in PAPER_WORDS}
#: The longest word tried when splitting a host.
_LONGEST = 24
#: The longest web address taken.
_LONGEST_URL = 2000
#: The host of committee systems run for councils: "<council>.moderngov.co.uk".
_COMMITTEE_HOST = ".moderngov.co.uk"
#: A council host's first label when it is the council's committee system.
_COMMITTEE_LABELS = {
    "democracy", "democratic", "moderngov", "committee", "committees", "councillors",
    "mycouncil", "cmis", "meetings", "decisions", "minutes", "modgov",
}  # fmt: skip


def is_web_address(url: str) -> bool:
    """True for a page's web address: http or https, a host with a dot, no spaces."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and "." in host.strip(".")
        and len(url) <= _LONGEST_URL
        and not any(c.isspace() or ord(c) < 32 for c in url)
    )


def web_address(url: str) -> str:
    """``url`` checked as a page's web address; a usage error when it is not one."""
    url = url.strip()
    if not is_web_address(url):
        shown = url if len(url) <= 60 else url[:57] + "..."
        raise UsageError(f"--url must be a web address (http:// or https://), not {shown!r}")
    return url


#: Words in a host outside gov.uk that make it a council's or its children's services' own
#: ("birminghamchildrenstrust", "sloughchildrenfirst", "birminghamnewsroom").
_OWN_WORDS = ("children", "trust", "newsroom", "council", "partnership")


@dataclass(frozen=True)
class Site:
    """Whose site a page is on: a council's (``council``: its site's own name ``stem``, and
    whether it is the council's committee system), one named ``name``, and whether it is
    anyone else's (``third_party``: not a council's or a children's services trust's)."""

    council: bool
    name: str | None
    stem: str | None = None
    committee: bool = False
    third_party: bool = False


def site(url: str, text: str) -> Site:
    """What the address ``url`` says about the page whose text is ``text``."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host.endswith(_COMMITTEE_HOST):
        stem = host.removesuffix(_COMMITTEE_HOST).rsplit(".", 1)[-1]
        return Site(True, None, stem or None, committee=True)
    suffix = next((s for s in _SUFFIXES if host.endswith(s)), None)
    if suffix is None:
        return Site(False, None)
    labels = host[: -len(suffix)].split(".")
    label = labels[-1]
    if not label:
        return Site(False, None)
    if suffix == ".gov.uk":
        if label in _CENTRAL:
            return Site(False, None)
        committee = len(labels) > 1 and labels[0] in _COMMITTEE_LABELS
        return Site(True, None, label, committee=committee)
    own = any(word in host for word in _OWN_WORDS)
    return Site(False, publication(label, text), third_party=not own)


def publication(label: str, text: str) -> str | None:
    """A newspaper's name spelt by a host's label ("thenorthernecho" -> "The Northern Echo"),
    in words the text uses; None unless the last word is a newspaper's."""
    words = _split(label.replace("-", ""), _words(text))
    if not words or words[-1] not in _PAPERS:
        return None
    named = [w if i and w in _GLUE else w.capitalize() for i, w in enumerate(words)]
    return " ".join(named)


@lru_cache(maxsize=4)
def _words(text: str) -> frozenset[str]:
    """The words of a text, in lower case."""
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def _split(label: str, known: frozenset[str]) -> list[str] | None:
    """``label`` as the fewest words each known (the page's own, newspapers' or small
    joining words), or None when it cannot be split so."""
    # best[i]: the fewest words spelling label[:i], as the index where its last word begins.
    best: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(label)
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - _LONGEST), end):
            before = best[start]
            word = label[start:end]
            if before is None or not _known(word, known):
                continue
            held = best[end]
            if held is None or before[0] + 1 < held[0]:
                best[end] = (before[0] + 1, start)
    if best[-1] is None:
        return None
    words: list[str] = []
    end = len(label)
    while end:
        found = best[end]
        assert found is not None
        words.append(label[found[1] : end])
        end = found[1]
    return words[::-1]


def _known(word: str, known: frozenset[str]) -> bool:
    """True for a word a site's name may be split into."""
    return word in _PAPERS or word in _GLUE or (len(word) > 1 and word in known)
