"""Documents about councils' children's services: reading them and extracting their facts.

The extractor knows nothing of files or databases: :func:`extract` takes text and returns an
:class:`Extraction` (the document's kind and its facts, each with the span of text it came
from).  :func:`read_document` and :func:`read_bytes` turn files into that text.  The names
below load their modules on first use, so that commands which only list or search stored
documents do not pay for compiling the extractor's patterns.

>>> x = extract("Children's services in Leicester are good.")
>>> x.kind
'other'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ofstedcli.documents.kinds import KINDS

if TYPE_CHECKING:
    from ofstedcli.documents.extraction import Extraction, Fact
    from ofstedcli.documents.read import SUFFIXES, read_bytes, read_document

__all__ = [
    "KINDS",
    "SUFFIXES",
    "Extraction",
    "Fact",
    "classify_text",
    "extract",
    "read_bytes",
    "read_document",
]

#: Where each lazily loaded name lives.
_LAZY = {
    "Extraction": "ofstedcli.documents.extraction",
    "Fact": "ofstedcli.documents.extraction",
    "SUFFIXES": "ofstedcli.documents.read",
    "read_bytes": "ofstedcli.documents.read",
    "read_document": "ofstedcli.documents.read",
    "extract": "ofstedcli.documents.extractor",
    "classify_text": "ofstedcli.documents.extractor",
}


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from ofstedcli.documents.extractor import classify_text, extract
