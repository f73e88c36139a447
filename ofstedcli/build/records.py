"""The plain records the source readers return; nothing here knows of SQLite.

An :class:`Observation` is what one row of one source says about one inspection or visit.
Several observations of the same event (the 2023 history, the 2025 history, an in-year
sheet, the D2I index) are merged into one event by :mod:`ofstedcli.build.merge`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ofstedcli.build.tabular import Where

OGL = "Open Government Licence v3.0"

MIT = "MIT"


@dataclass(frozen=True)
class SourceFile:
    """A source file as it is credited in the ``sources`` table."""

    id: str
    title: str
    publisher: str
    published: str | None
    licence: str | None
    file: str
    url: str | None = None
    official: bool = True
    sha256: str | None = None


@dataclass(frozen=True)
class AuthorityRef:
    """How a source names an authority: any of an ONS code, an Ofsted URN or a name."""

    ons_code: str | None = None
    urn: str | None = None
    name: str | None = None
    #: The authority type the source states, in its own vocabulary.
    la_type: str | None = None


@dataclass
class Observation:
    """What one source row says about one inspection or visit."""

    source: str
    where: Where
    ref: AuthorityRef
    #: None when the source does not say (D2I index rows before 2018: a report link only).
    framework: str | None
    #: None for an ILACS inspection whose sheet does not say standard or short.
    type: str | None
    start_date: str | None = None
    end_date: str | None = None
    published: str | None = None
    #: Graded judgements by canonical area, ``overall`` included; blanks are left out.
    judgements: dict[str, str] = field(default_factory=dict)
    #: The source's own title of each judgement, by canonical area.
    wording: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    lead_inspector: str | None = None
    report_url: str | None = None
    official: bool = True
    #: Area SEND outcomes (framework SEND): 2023 outcome level and wording, 2016 written
    #: statement of action and significant weaknesses, 2016 revisit progress, next inspection.
    outcome_level: int | None = None
    outcome: str | None = None
    written_statement: bool | None = None
    significant_weaknesses: int | None = None
    progress: str | None = None
    next_inspection: str | None = None
    next_interval: str | None = None
    #: Marks what the merge adds as provisional (an unofficial source's own events).
    provisional: bool = False

    @property
    def date(self) -> str | None:
        """The date that places the observation in time: its start, else its publication."""
        return self.start_date or self.published


@dataclass
class Edition:
    """One official Ofsted spreadsheet read: its credit, coverage and observations."""

    source: SourceFile
    layout: str
    #: The date the judgements are "as at" (31 March of the edition's year).
    as_at: str | None
    #: Reports published up to this date are in the edition.
    published_by: str | None
    observations: list[Observation]
    #: Rows read per sheet, for the build report.
    rows: dict[str, int] = field(default_factory=dict)
