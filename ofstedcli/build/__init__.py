"""Building the bundled database from the official statistics, and loading newer editions.

One reader per source (:mod:`.ofsted_ods`, :mod:`.dfe_csv`, :mod:`.d2i`) turns a file into
plain records; :mod:`.authorities` and :mod:`.merge` check and combine them (official
statistics win, disagreements are listed); :mod:`.writer` writes a new database beside the
old one and moves it into place.  The core never prints: it returns reports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ofstedcli.build.pipeline import build_database
    from ofstedcli.build.report import BuildReport, Change, UpdateReport
    from ofstedcli.build.update import update_database

__all__ = ["BuildReport", "Change", "UpdateReport", "build_database", "update_database"]

#: Where each public name lives, loaded on first use: ``db update`` with nothing new to do
#: reads only the fetch and report modules, never the build's (about 150 ms of imports).
_LAZY = {
    "build_database": "ofstedcli.build.pipeline",
    "BuildReport": "ofstedcli.build.report",
    "Change": "ofstedcli.build.report",
    "UpdateReport": "ofstedcli.build.report",
    "update_database": "ofstedcli.build.update",
}


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
