"""Merging observations from every source into one record per inspection or visit.

Observations are taken in order of precedence: official editions newest first (a newer
edition corrects an older one), then the D2I index.  Each joins the event it matches, else
starts a new one.  An observation matches an event of the same authority, framework and kind
(visits by their type; an ILACS inspection whether standard or short) when:

- their publication dates, or their inspection dates, are within a few days;
- one knows only the inspection date and the other only the publication date, and the
  report came out within a few months of the inspection;
- for an official inspection (not a visit) from another edition, the publication dates are
  within a few months: one edition corrects the date another gave (Nottingham's 2022 ILACS).

Two rows of one sheet are never one event.  The first value of each field wins; a later,
different value is kept as a :class:`Disagreement`.

The D2I index only fills in what the official statistics leave empty (report links, lead
inspectors, dates), never a judgement: a grade it reads that the statistics lack is listed
as a disagreement.  A D2I row whose framework matches nothing is tried against any
inspection of the authority (its scraper takes some SIF reports for ILACS).  The inspections
that came after the newest official edition are added, marked provisional; a D2I report of
an earlier inspection that matches nothing official is listed as a disagreement, not added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ofstedcli.build.records import Observation
from ofstedcli.build.tabular import Where, bad, days_between
from ofstedcli.model import SEND_FIELDS, VISIT_TYPES

#: Days two publication dates, or two inspection dates, of one event may differ by.
DATE_SLACK = 7
#: Most days from an inspection's start to its report.
REPORT_LAG = 200
#: Days one official edition's publication date of an inspection may differ from another's.
REVISION_WINDOW = 92

#: Fields merged like scalars (the judgements are merged area by area).
_FIELDS = (
    "type",
    "start_date",
    "end_date",
    "published",
    "theme",
    "lead_inspector",
    "report_url",
    *SEND_FIELDS,
)


@dataclass
class Event:
    """One inspection or visit, merged from every observation of it."""

    authority: str
    framework: str
    type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    published: str | None = None
    theme: str | None = None
    lead_inspector: str | None = None
    report_url: str | None = None
    outcome_level: int | None = None
    outcome: str | None = None
    written_statement: bool | None = None
    significant_weaknesses: int | None = None
    progress: str | None = None
    next_inspection: str | None = None
    next_interval: str | None = None
    judgements: dict[str, str] = field(default_factory=dict)
    provisional: bool = False
    id: str = ""
    #: The source of each field's value ("judgement:<area>" for judgements).
    sources: dict[str, str] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)

    @property
    def source(self) -> str:
        """The source of the event: that of its first (highest-precedence) observation."""
        return self.observations[0].source

    @property
    def family(self) -> str:
        """What must agree for two observations to be one event: visit type or 'inspection'."""
        return family(self.framework, self.type)


@dataclass(frozen=True)
class Disagreement:
    """A value a source gives that differs from the one kept (or an event only it has)."""

    authority: str
    event: Event | None
    field: str
    official: str | None
    official_source: str | None
    other: str | None
    other_source: str
    where: Where

    def describe(self) -> str:
        """One line for the build report."""
        if self.event is None:
            return f"{self.authority}: {self.other} in {self.where} matches no official record"
        if self.official is None:
            return (
                f"{self.event.id}: {self.field} {self.other!r} in {self.where} "
                "is not in the official statistics"
            )
        return (
            f"{self.event.id}: {self.field} is {self.official!r} ({self.official_source}) "
            f"but {self.other!r} in {self.where}"
        )


def family(framework: str | None, type_: str | None) -> str:
    """Visits match by their type, ILACS inspections whether standard or short."""
    if framework == "ILACS" and type_ not in VISIT_TYPES:
        return "inspection"
    return type_ or "inspection"


Resolver = Callable[[Observation], list[str]]


@dataclass
class Merger:
    """Events and disagreements, built up one observation at a time."""

    resolve: Resolver
    events: list[Event] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    _by_authority: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))

    def add_official(self, observations: Iterable[Observation]) -> None:
        """Merge observations that may start events, each joining its event or starting one.

        Official rows, and the sources that hold events no statistics list (the area SEND
        index, Ofsted's visit letters); merged after the statistics, these fill gaps and
        differ as disagreements, and what they add alone is provisional where they say so.
        """
        for obs in observations:
            candidates = self.resolve(obs)
            if len(candidates) > 1:
                raise bad(obs.where, f"could be any of {candidates} on {obs.date}")
            authority = candidates[0]
            event = self._match(obs, authority)
            if event is None:
                assert obs.framework is not None
                event = self._new(authority, obs.framework)
                event.provisional = obs.provisional
            self._join(event, obs)

    def add_unofficial(
        self, observations: Iterable[Observation], newer: Callable[[Observation], bool]
    ) -> None:
        """Merge D2I observations: fill gaps, and add the inspections ``newer`` than the newest
        official edition as provisional."""
        for obs in observations:
            candidates = self.resolve(obs)
            anyframe = replace(obs, framework=None, type=None)
            event = next(
                (e for o in (obs, anyframe) for c in candidates if (e := self._match(o, c))),
                None,
            )
            if event is not None:
                self._join(event, obs if event.framework == obs.framework else anyframe)
            elif obs.framework and newer(obs):
                event = self._new(candidates[0], obs.framework)
                event.provisional = True
                self._join(event, obs)
            else:
                self.disagreements.append(
                    Disagreement(
                        candidates[0],
                        None,
                        "inspection",
                        None,
                        None,
                        f"{obs.framework or 'report'} published {obs.published}",
                        obs.source,
                        obs.where,
                    )
                )

    def finish(self) -> list[Event]:
        """Every event with its id, sorted; BadSource for an inspection of unknown type."""
        for event in self.events:
            if event.type is None:
                raise bad(
                    event.observations[0].where,
                    "ILACS inspection found in no sheet that gives its type",
                )
        self.events.sort(key=_sort_key)
        taken: set[str] = set()
        for event in self.events:
            base = "-".join(
                (
                    event.authority,
                    event.framework.lower(),
                    (event.type or "").replace(" ", "-"),
                    event.published or event.start_date or "undated",
                )
            )
            event.id, n = base, 1
            while event.id in taken:
                n += 1
                event.id = f"{base}-{n}"
            taken.add(event.id)
        return self.events

    def _new(self, authority: str, framework: str) -> Event:
        """A new, empty event."""
        event = Event(authority, framework)
        self.events.append(event)
        self._by_authority[authority].append(event)
        return event

    def _match(self, obs: Observation, authority: str) -> Event | None:
        """The event of an authority an observation is of, or None."""
        best: tuple[int, Event] | None = None
        for event in self._by_authority.get(authority, []):
            if obs.framework is None:
                if event.type in VISIT_TYPES:
                    continue
            elif event.framework != obs.framework or event.family != family(
                obs.framework, obs.type
            ):
                continue
            if any(
                o.where.file == obs.where.file
                and o.where.sheet == obs.where.sheet
                and o.where.row != obs.where.row
                for o in event.observations
            ):
                continue
            wide = (
                obs.official
                and event.family == "inspection"
                and all(o.where.file != obs.where.file for o in event.observations)
            )
            score = _closeness(obs, event, wide)
            if score is not None and (best is None or score < best[0]):
                best = (score, event)
        return best[1] if best else None

    def _join(self, event: Event, obs: Observation) -> None:
        """Add an observation's values to an event, keeping any differing ones aside."""
        event.observations.append(obs)
        for name in _FIELDS:
            self._set(event, name, getattr(obs, name), obs)
        # Judgements come from official rows, or from the D2I row a provisional event is of.
        gives = obs.official or event.observations[0] is obs
        for area, grade in sorted(obs.judgements.items()):
            if gives or area in event.judgements:
                self._set(event, f"judgement:{area}", grade, obs)
            else:
                self._differ(event, area, None, grade, obs)

    def _set(self, event: Event, name: str, value: object, obs: Observation) -> None:
        """Set one field if empty; record a disagreement if it holds another value."""
        if value is None:
            return
        area = name.removeprefix("judgement:") if name.startswith("judgement:") else None
        current = event.judgements.get(area) if area else getattr(event, name)
        if current is None:
            if area:
                event.judgements[area] = str(value)
            else:
                setattr(event, name, value)
            event.sources[name] = obs.source
        elif current != value:
            self._differ(event, area or name, current, value, obs)

    def _differ(
        self, event: Event, name: str, kept: object, other: object, obs: Observation
    ) -> None:
        """Record that an observation gives another value than the one kept."""
        field_key = name if name in _FIELDS else f"judgement:{name}"
        self.disagreements.append(
            Disagreement(
                event.authority,
                event,
                name,
                None if kept is None else str(kept),
                event.sources.get(field_key),
                str(other),
                obs.source,
                obs.where,
            )
        )


def _closeness(obs: Observation, event: Event, wide: bool = False) -> int | None:
    """How far apart an observation and an event are in days, or None if not the same one.

    ``wide`` allows publication dates a revision apart (see the module's description).
    """
    scores = [
        abs(days_between(a, b))
        for a, b in ((obs.published, event.published), (obs.start_date, event.start_date))
        if a and b and abs(days_between(a, b)) <= DATE_SLACK
    ]
    if scores:
        return min(scores)
    if wide and obs.published and event.published:
        apart = abs(days_between(obs.published, event.published))
        return REVISION_WINDOW + apart if apart <= REVISION_WINDOW else None
    if (obs.published and event.published) or (obs.start_date and event.start_date):
        return None
    start, published = (
        (obs.start_date, event.published) if obs.start_date else (event.start_date, obs.published)
    )
    if start and published and 0 <= days_between(start, published) <= REPORT_LAG:
        return DATE_SLACK + days_between(start, published)
    return None


def _sort_key(event: Event) -> tuple[str, str, str, str, str]:
    """Events by authority, then date, framework and type."""
    return (
        event.authority,
        event.start_date or event.published or "",
        event.published or "",
        event.framework,
        event.type or "",
    )
