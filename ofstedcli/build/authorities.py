"""The authorities: codes, names, status, successions and aliases.

The DfE list says which authorities exist in which reporting years: an ONS code present in
the newest year is a current authority, any other a former one, and the years bound the
dates it existed (a first year of 2020 means from 1 April 2019).  Successions follow from
those years: an authority that ends is succeeded by the ones that begin the next year in the
same region and share its name (Northamptonshire by North and West Northamptonshire), or,
when none shares it, by all of them (Cumbria by Cumberland and by Westmorland and Furness).
The D2I lookup adds Ofsted URNs, types, other names and web domains; Ofsted's own
editions add the names Ofsted uses, which are the names shown.

A source row naming an authority is resolved here, taking its date into account: "Dorset"
in 2016 is the old county, in 2021 the new unitary authority.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ofstedcli import names
from ofstedcli.build.d2i import LookupRow
from ofstedcli.build.dfe_csv import DfeRow
from ofstedcli.build.records import AuthorityRef
from ofstedcli.build.tabular import Where, bad, fold

#: Councils that only changed ONS code in April 2023, when their districts merged into them:
#: DfE lists both codes under one DfE code and name.  Each is kept as one authority under its
#: new code, the old code an alias, so that the council's whole history shows on one
#: authority.  (Buckinghamshire, recoded the same way in April 2020, stays a former authority
#: succeeded by the new one, because issue 2 lists "Buckinghamshire before 2020" among the
#: former authorities.)  North Yorkshire and Somerset, as PROVENANCE.md names them.
RECODED = ("E10000023", "E10000027")

#: Successions that names and years cannot show.  Christchurch, part of the old Dorset county,
#: went to Bournemouth, Christchurch and Poole on 1 April 2019 (PROVENANCE.md; the
#: Bournemouth, Dorset and Poole (Structural Changes) Order 2018).
EXTRA_SUCCESSIONS = (("E10000009", "E06000058"),)

#: Alias kinds, the most telling first (one alias per normalised form and authority).
ALIAS_KINDS = ("name", "dfe_name", "ons_name", "also_known_as", "domain", "code")


@dataclass
class Authority:
    """One authority as it goes into the ``authorities`` table."""

    ons_code: str
    dfe_code: str
    name: str
    first_year: int
    last_year: int
    region: str | None
    source: str
    status: str = "current"
    #: The source of the name shown (Ofsted's edition when it names the authority).
    name_source: str | None = None
    ofsted_urn: str | None = None
    type: str | None = None
    #: First day it existed and first day it no longer did; None where the list is open.
    start: str | None = None
    end: str | None = None

    def active(self, on: str | None) -> bool:
        """True when the authority existed on an ISO date (or the date is unknown)."""
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Alias:
    """Another name or code an authority is known by."""

    alias: str
    norm: str
    authority: str
    kind: str
    source: str


@dataclass(frozen=True)
class Succession:
    """One authority succeeded (in whole or part) by another on a date."""

    predecessor: str
    successor: str
    date: str
    source: str


@dataclass
class Registry:
    """Every authority with its aliases and successions; resolves source names."""

    authorities: dict[str, Authority]
    aliases: list[Alias] = field(default_factory=list)
    successions: list[Succession] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    urns: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add_alias(self, alias: str, authority: str, kind: str, source: str) -> None:
        """Record an alias (and index it for resolving names in sources)."""
        alias = " ".join(alias.split())
        norm = names.normalise(alias)
        if alias and norm:
            self.aliases.append(Alias(alias, norm, authority, kind, source))
            if kind != "code":
                self.by_name[norm].add(authority)

    def resolve(self, ref: AuthorityRef, on: str | None, where: Where) -> list[str]:
        """The authorities a source reference can mean on a date, the likeliest first.

        An ONS code or URN means one authority; when that authority did not exist yet on the
        date, its predecessors that did follow it.  A name may mean several authorities, of
        which those that existed on the date are kept.
        """
        if ref.ons_code:
            if ref.ons_code not in self.codes:
                raise bad(where, f"unknown ONS code {ref.ons_code!r}")
            base = [self.codes[ref.ons_code]]
        elif ref.urn:
            if ref.urn not in self.urns:
                raise bad(where, f"unknown Ofsted URN {ref.urn!r}")
            base = [self.urns[ref.urn]]
        else:
            found = self.by_name.get(names.normalise(ref.name or ""), set())
            base = sorted(c for c in found if self.authorities[c].active(on)) or sorted(found)
            if not base:
                raise bad(where, f"unknown authority {ref.name!r}")
            if len(base) > 1:
                raise bad(where, f"authority {ref.name!r} could be any of {base}")
        found_on = [c for c in base if self.authorities[c].active(on)]
        earlier = [
            p
            for c in base
            if not self.authorities[c].active(on)
            for p in self.predecessors(c)
            if self.authorities[p].active(on)
        ]
        # A code kept after its authority was replaced by one other (Buckinghamshire's county
        # code in sources after 2020) means that successor.
        later = [
            n
            for c in base
            if not self.authorities[c].active(on)
            for n in self.successors(c)
            if self.authorities[n].active(on) and len(self.successors(c)) == 1
        ]
        return found_on + earlier + later or base

    def successors(self, code: str) -> list[str]:
        """The authorities that directly replaced this one."""
        return [s.successor for s in self.successions if s.predecessor == code]

    def predecessors(self, code: str) -> list[str]:
        """Every authority this one succeeded, directly or through others, nearest first."""
        found: list[str] = []
        todo = [code]
        while todo:
            current = todo.pop(0)
            for s in self.successions:
                if s.successor == current and s.predecessor not in found:
                    found.append(s.predecessor)
                    todo.append(s.predecessor)
        return found

    def note_type(self, code: str, la_type: str | None) -> None:
        """Fill in an authority's type from a source's wording, in the lookup's vocabulary."""
        authority = self.authorities[code]
        if authority.type or not la_type:
            return
        known = sorted({a.type for a in self.authorities.values() if a.type})
        words = set(fold(la_type).split())
        shared = [k for k in known if words & set(fold(k).split())]
        authority.type = shared[0] if len(shared) == 1 else la_type


def build_registry(
    dfe: list[DfeRow],
    dfe_source: str,
    lookup: list[LookupRow],
    lookup_source: str,
    ofsted_names: Iterable[tuple[str, str, str]] = (),
) -> Registry:
    """The registry from the DfE list, the D2I lookup and Ofsted's names.

    ``ofsted_names`` are (ONS code, name, source) triples, oldest edition first: the name an
    authority is shown under is the last one given.
    """
    registry = Registry(_from_dfe(dfe, dfe_source))
    for code in registry.authorities:
        registry.codes[code] = code
    _merge_recoded(registry, dfe, dfe_source)
    _successions(registry, dfe_source)
    _add_lookup(registry, lookup, lookup_source)
    for row in dfe:
        registry.add_alias(row.name, registry.codes[row.ons_code], "dfe_name", dfe_source)
    for code, name, source in ofsted_names:
        if code not in registry.codes:
            continue
        authority = registry.authorities[registry.codes[code]]
        authority.name, authority.name_source = name, source
    for authority in registry.authorities.values():
        registry.add_alias(
            authority.name, authority.ons_code, "name", authority.name_source or authority.source
        )
    registry.aliases = _dedupe(registry.aliases)
    return registry


def _from_dfe(rows: list[DfeRow], source: str) -> dict[str, Authority]:
    """One authority per ONS code of the DfE list, named and placed as in its latest year."""
    first, last = min(r.year for r in rows), max(r.year for r in rows)
    found: dict[str, Authority] = {}
    for row in sorted(rows, key=lambda r: r.year):
        if row.ons_code in found:
            a = found[row.ons_code]
            a.last_year, a.name, a.region = row.year, row.name, row.region
        else:
            found[row.ons_code] = Authority(
                row.ons_code, row.dfe_code, row.name, row.year, row.year, row.region, source
            )
    for a in found.values():
        _set_period(a, first, last)
    return found


def _set_period(a: Authority, first: int, last: int) -> None:
    """Status and dates of existence from the first and last reporting years listed."""
    a.status = "current" if a.last_year == last else "former"
    a.start = None if a.first_year == first else f"{a.first_year - 1}-04-01"
    a.end = None if a.last_year == last else f"{a.last_year}-04-01"


def _merge_recoded(registry: Registry, rows: list[DfeRow], source: str) -> None:
    """Fold each recoded council's old ONS code into the authority under its new code."""
    first, last = min(r.year for r in rows), max(r.year for r in rows)
    for old in RECODED:
        if old not in registry.authorities:
            continue
        gone = registry.authorities[old]
        new = [
            a
            for a in registry.authorities.values()
            if a.dfe_code == gone.dfe_code and a.first_year == gone.last_year + 1
        ]
        if len(new) != 1:
            continue
        kept = new[0]
        kept.first_year = min(kept.first_year, gone.first_year)
        _set_period(kept, first, last)
        del registry.authorities[old]
        registry.codes[old] = kept.ons_code
        registry.add_alias(old, kept.ons_code, "code", source)


def _successions(registry: Registry, source: str) -> None:
    """Successions from the years and names of the DfE list, plus the documented extras."""
    authorities = registry.authorities
    found: set[tuple[str, str]] = set()
    for gone in authorities.values():
        if gone.status != "former":
            continue
        starting = [
            a
            for a in authorities.values()
            if a.first_year == gone.last_year + 1 and a.region == gone.region
        ]
        named = [a for a in starting if fold(gone.name) in fold(a.name)]
        found.update((gone.ons_code, a.ons_code) for a in named or starting)
    found.update(p for p in EXTRA_SUCCESSIONS if p[0] in authorities and p[1] in authorities)
    registry.successions = [
        Succession(p, s, authorities[p].end or "", source) for p, s in sorted(found)
    ]


def _add_lookup(registry: Registry, rows: list[LookupRow], source: str) -> None:
    """URNs, types, regions, names and domains from the D2I lookup."""
    by_dfe: dict[str, list[Authority]] = defaultdict(list)
    for a in registry.authorities.values():
        by_dfe[a.dfe_code].append(a)
    domains: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.ons_code in registry.codes:
            authority = registry.authorities[registry.codes[row.ons_code]]
        else:
            same = sorted(by_dfe.get(row.dfe_code, []), key=lambda a: a.last_year)
            if not same:
                raise bad(row.where, f"DfE code {row.dfe_code!r} is not in the DfE list")
            authority = same[-1]
            registry.codes[row.ons_code] = authority.ons_code
            registry.add_alias(row.ons_code, authority.ons_code, "code", source)
        authority.ofsted_urn = row.urn
        authority.type = row.la_type or authority.type
        authority.region = row.region or authority.region
        registry.urns[row.urn] = authority.ons_code
        for name, kind in row.names:
            registry.add_alias(name, authority.ons_code, kind, source)
        if row.domain and row.domain.lower().endswith(".gov.uk"):
            domains[row.domain.lower().removesuffix(".gov.uk").split(".")[-1]].add(
                authority.ons_code
            )
    # A web domain's stem ("rbkc" of rbkc.gov.uk) is a name only when it points at one
    # authority: not shared (bcpcouncil.gov.uk), nor a word of another's name ("kingston").
    words = {code: set(names.normalise(a.name).split()) for code, a in registry.authorities.items()}
    for stem, owners in sorted(domains.items()):
        owner = next(iter(owners))
        norm = names.normalise(stem)
        if len(owners) == 1 and not any(norm in w for code, w in words.items() if code != owner):
            registry.add_alias(stem, owner, "domain", source)


def _dedupe(aliases: list[Alias]) -> list[Alias]:
    """One alias per normalised form and authority, the most telling kind kept, sorted."""
    best: dict[tuple[str, str], Alias] = {}
    for a in sorted(aliases, key=lambda a: (ALIAS_KINDS.index(a.kind), a.alias, a.source)):
        best.setdefault((a.norm, a.authority), a)
    return sorted(best.values(), key=lambda a: (a.authority, a.norm))


def registry_from_rows(
    authorities: Iterable[dict[str, Any]],
    aliases: Iterable[dict[str, Any]],
    successions: Iterable[dict[str, Any]],
) -> Registry:
    """The registry as a built database holds it, to resolve the rows of a newer edition.

    The dates an authority existed are those of its successions: it began when it succeeded
    others and ended when others succeeded it.
    """
    registry = Registry(
        {
            a["ons_code"]: Authority(
                ons_code=a["ons_code"],
                dfe_code=a["dfe_code"] or "",
                name=a["name"],
                first_year=0,
                last_year=0,
                region=a["region"],
                source=a["source"] or "",
                status=a["status"],
                ofsted_urn=a["ofsted_urn"],
                type=a["type"],
            )
            for a in authorities
        }
    )
    for code, authority in registry.authorities.items():
        registry.codes[code] = code
        if authority.ofsted_urn:
            registry.urns[authority.ofsted_urn] = code
    for s in successions:
        registry.successions.append(
            Succession(s["predecessor"], s["successor"], s["date"], s["source"] or "")
        )
        before, after = registry.authorities[s["predecessor"]], registry.authorities[s["successor"]]
        before.end = min(filter(None, (before.end, s["date"])))
        after.start = max(filter(None, (after.start, s["date"])))
    for a in aliases:
        if a["kind"] == "code":
            registry.codes[a["alias"].upper()] = a["authority"]
        else:
            registry.by_name[a["norm"]].add(a["authority"])
    return registry
