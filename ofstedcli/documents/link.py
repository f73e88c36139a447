"""Tying an extraction to the database: which authority it names, which inspection it is about,
and where it disagrees with the official record.

The extractor gives authority names as written, best first; the project's resolver decides
which authority each names.  The first candidate that resolves to exactly one authority wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from ofstedcli.documents.extraction import Extraction
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.resolve import resolve_code
from ofstedcli.store import Store


@dataclass(frozen=True)
class Resolved:
    """The authority a document concerns and the name that told it."""

    ons_code: str
    name: str


def resolve_authority(store: Store, extraction: Extraction) -> Resolved | None:
    """The authority of the first candidate name that resolves to exactly one, if any."""
    for name in extraction.authority_names:
        try:
            return Resolved(resolve_code(store, name), name)
        except (NotFound, Ambiguous, UsageError):
            continue
    return None
