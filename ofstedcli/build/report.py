"""What a build or an update reports: plain data for the CLI to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BuildReport:
    """The outcome of building the bundled database."""

    out: Path
    size: int
    #: Events by (framework, type).
    counts: dict[tuple[str, str], int]
    provisional: int
    authorities_current: int
    authorities_former: int
    judgements: int
    documents: int
    #: One line per disagreement between sources.
    disagreements: list[str]
    #: Data rows read per "file: sheet" (or file, for CSV).
    rows_read: dict[str, int]
    sources: list[dict[str, Any]]
    #: What happened to the seed documents ("" when none were given).
    seeds: str = ""
    #: What happened to the visit letters, and each letter that gave no visit.
    letters: str = ""
    #: Source files recognised and deliberately not read.
    skipped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "out": str(self.out),
            "size": self.size,
            "counts": [
                {"framework": f, "type": t, "count": n} for (f, t), n in sorted(self.counts.items())
            ],
            "provisional": self.provisional,
            "authorities": {"current": self.authorities_current, "former": self.authorities_former},
            "judgements": self.judgements,
            "documents": self.documents,
            "disagreements": self.disagreements,
            "rows_read": self.rows_read,
            "sources": self.sources,
            "seeds": self.seeds,
            "letters": self.letters,
            "skipped": self.skipped,
        }


@dataclass
class Change:
    """One value a newer edition changes or adds on an inspection already held."""

    inspection: str
    field: str
    old: str | None
    new: str | None

    def to_json(self) -> dict[str, Any]:
        """The change as JSON-ready data."""
        return {
            "inspection": self.inspection,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class UpdateReport:
    """The outcome of loading an edition into the user database."""

    db: Path
    edition: str
    source: str
    #: Ids of the inspections and visits new to the databases.
    new: list[str] = field(default_factory=list)
    #: Values the edition changes or fills in on inspections already held.
    changed: list[Change] = field(default_factory=list)
    #: Values that differ but were kept, because the data held is from a newer edition.
    kept: list[Change] = field(default_factory=list)
    unchanged: int = 0
    #: False for a file that is not a known published Ofsted file (credited to the user).
    official: bool = True
    sha256: str | None = None
    dry_run: bool = False

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "db": str(self.db),
            "edition": self.edition,
            "source": self.source,
            "official": self.official,
            "sha256": self.sha256,
            "dry_run": self.dry_run,
            "new": self.new,
            "changed": [c.to_json() for c in self.changed],
            "kept": [c.to_json() for c in self.kept],
            "unchanged": self.unchanged,
        }
