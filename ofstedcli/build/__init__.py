"""Building the bundled database from the official statistics, and loading newer editions.

One reader per source (:mod:`.ofsted_ods`, :mod:`.dfe_csv`, :mod:`.d2i`) turns a file into
plain records; :mod:`.authorities` and :mod:`.merge` check and combine them (official
statistics win, disagreements are listed); :mod:`.writer` writes a new database beside the
old one and moves it into place.  The core never prints: it returns reports.
"""

from __future__ import annotations

from ofstedcli.build.pipeline import build_database
from ofstedcli.build.report import BuildReport, Change, UpdateReport
from ofstedcli.build.update import update_database

__all__ = ["BuildReport", "Change", "UpdateReport", "build_database", "update_database"]
