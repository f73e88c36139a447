"""Resolving what a person typed to exactly one authority, or saying why not.

One resolver, in this order, stopping at the first step that finds anything:

1. an exact code: ONS (old codes too), DfE three-digit code, Ofsted URN;
2. an exact name or alias after :func:`names.normalise` (case, punctuation, ``&``, council
   words, county abbreviations) or in its compact form ("B&NES" = "bnes");
3. an exact district council's name (Boston, Lewes, Woking): not a children's services
   authority, so :class:`NotFound` saying so (and naming its county where the data gives it),
   never another authority with a similar name;
4. initials ("bcp"), then whole words: every word typed stands as a whole word in one
   authority's name, so ``hull`` is Kingston upon Hull and never Solihull;
5. fuzzy: rapidfuzz's plain ``ratio`` on the normal forms, which gives no substring a high
   score, so ``leicester`` can never drift to Leicestershire while ``leicster`` finds
   Leicester.  District names compete too: a near-miss of a district is that district.
   A fuzzy answer is recorded in :data:`guesses` so the CLI can say it was a guess.

A step that finds several authorities raises :class:`Ambiguous` with the candidates; it never
guesses.  An exact tie between a current authority and former ones of the same name (Dorset,
Buckinghamshire) goes to the current one, whose record lists its predecessors.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from ofstedcli import names
from ofstedcli.errors import Ambiguous, NotFound, UsageError
from ofstedcli.model import Authority
from ofstedcli.store import Store

MAX_QUERY = 200
FUZZY_CUTOFF = 80.0
FUZZY_MARGIN = 4.0
SUGGEST_CUTOFF = 55.0


class Guess(NamedTuple):
    """A name resolved by a close spelling, not exactly (a NamedTuple: importing
    dataclasses would cost every run a millisecond)."""

    query: str
    ons_code: str
    name: str


#: The command-line names this process resolved by a fuzzy guess (the CLI mentions them).
guesses: list[Guess] = []


def resolve(store: Store, query: str) -> Authority:
    """The one authority ``query`` names; NotFound or Ambiguous otherwise."""
    return store.authority(resolve_code(store, query))


def resolve_code(store: Store, query: str, *, fuzzy: bool = True, record: bool = True) -> str:
    """The ONS code of the one authority ``query`` names; without ``fuzzy`` only an exact
    code, name, alias, initials or whole words count.  A fuzzy answer is added to
    :data:`guesses` when ``record`` (names a person typed, not those read from documents)."""
    text = _clean(query)
    if not text.strip():
        raise UsageError("an authority name is needed, and this one is empty")
    if len(text) > MAX_QUERY:
        raise UsageError(f"an authority name of {len(text)} characters is too long to be one")
    found = store.codes(text)
    if found:
        return _one(store, query, found)
    _not_a_region(store, query, text)
    norm = names.normalise(text)
    if not norm:
        raise NotFound(f"no authority matches {query!r}", query=query, suggestions=[])
    found = store.alias_matches(sorted({norm, names.compact(text), names.fold(text)}))
    if found:
        return _one(store, query, found, prefer_current=True)
    districts = store.districts()
    exact = [d for d in districts if d["norm"] == norm]
    if exact:
        raise _district_error(store, query, exact[0], exact=True)
    aliases = store.all_aliases()
    found = _initials(text, aliases)
    if found:
        return _one(store, query, found, prefer_current=True)
    found = _whole_words(norm, aliases)
    if found:
        return _one(store, query, found, prefer_current=True)
    if not fuzzy:
        raise NotFound(f"no authority is named {_shown(query)!r}", query=query, suggestions=[])
    code = _fuzzy(store, query, norm, aliases, districts)
    if record:
        guesses.append(Guess(query.strip(), code, store.names().get(code, code)))
    return code


def resolve_first(store: Store, candidates: Sequence[str]) -> tuple[str, str] | None:
    """The code of the first of a document's names that resolves, and that name: exactly
    if any name does (a press release naming "Boston" and "Lincolnshire County Council" is
    Lincolnshire's), else by a close spelling; None when none resolves to one authority."""
    for fuzzy in (False, True):
        for name in candidates:
            try:
                return resolve_code(store, name, fuzzy=fuzzy, record=False), name
            except (NotFound, Ambiguous, UsageError):
                continue
    return None


def _district_error(store: Store, query: str, district: sqlite3.Row, *, exact: bool) -> NotFound:
    """NotFound for a district council's name, naming its county when the data gives it."""
    known = store.names()
    county = district["county"]
    how = "is" if exact else "looks like"
    message = (
        f"{_shown(query)!r} {how} {district['name']}, a district council: children's "
        "services there are its county council's"
    )
    suggestions = []
    if county and county in known:
        suggestions = [{"name": known[county], "ons_code": county}]
        message += f"; did you mean {known[county]}?"
    else:
        message += "; give the county's name"
    return NotFound(
        message,
        query=query,
        suggestions=suggestions,
        district={"ons_code": district["ons_code"], "name": district["name"]},
    )


def _shown(query: str) -> str:
    """A query as quoted in a message: trimmed, and cut short when long."""
    shown = query.strip()
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _not_a_region(store: Store, query: str, text: str) -> None:
    """A region's name ("london", "west midlands") is many authorities: Ambiguous, not one."""
    members = store.rows(
        "SELECT ons_code, name, region FROM authorities WHERE status = 'current' "
        "AND lower(region) = ? ORDER BY name",
        (names.fold(text),),
    )
    if not members:
        return
    region = members[0]["region"]
    shown = ", ".join(r["name"] for r in members[:3])
    raise Ambiguous(
        f"{query.strip()!r} is the region {region}, {len(members)} authorities ({shown}, ...): "
        f"name one, or use --region with list, inspections, stats or chart",
        query=query,
        candidates=[{"name": r["name"], "ons_code": r["ons_code"]} for r in members],
    )


def _clean(query: str) -> str:
    """Drop control characters (NUL, escape sequences' ESC) that no name contains."""
    return "".join(c if c.isprintable() else " " for c in query)


def _one(store: Store, query: str, codes: list[str], *, prefer_current: bool = False) -> str:
    unique = sorted(set(codes))
    if len(unique) == 1:
        return unique[0]
    if prefer_current:
        status = store.statuses(unique)
        current = [c for c in unique if status.get(c) == "current"]
        if len(current) == 1:
            return current[0]
        if current:
            unique = current
    raise _ambiguous(store, query, unique)


def _ambiguous(store: Store, query: str, codes: list[str]) -> Ambiguous:
    known = store.names()
    candidates = sorted(
        ({"name": known.get(c, c), "ons_code": c} for c in codes), key=lambda c: c["name"]
    )
    listed = ", ".join(c["name"] for c in candidates)
    return Ambiguous(
        f"{query.strip()!r} could mean {len(candidates)} authorities: {listed}",
        query=query,
        candidates=candidates,
    )


def _initials(text: str, aliases: list[tuple[str, str]]) -> list[str]:
    """Authorities whose name's initials are what was typed ("B&NES", "bcp"), 3+ letters."""
    key = names.compact(text)
    if len(key) < 3 or " " in text.strip():
        return []
    return sorted(
        {
            code
            for alias, code in aliases
            if len(alias.split()) >= 3 and names.initials(alias) == key
        }
    )


def _whole_words(norm: str, aliases: list[tuple[str, str]]) -> list[str]:
    """Authorities with an alias containing every typed word as a whole word, in order."""
    words = norm.split()
    found: set[str] = set()
    for alias, code in aliases:
        alias_words = alias.split()
        if _contains_in_order(alias_words, words):
            found.add(code)
    return sorted(found)


def _contains_in_order(haystack: list[str], needle: list[str]) -> bool:
    """True when ``needle``'s words appear in ``haystack`` as a contiguous run."""
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _fuzzy(
    store: Store,
    query: str,
    norm: str,
    aliases: list[tuple[str, str]],
    districts: Sequence[sqlite3.Row] = (),
) -> str:
    from rapidfuzz import fuzz, process

    by_alias: dict[str, set[str]] = defaultdict(set)
    for alias, code in aliases:
        by_alias[alias].add(code)
    # District councils compete under their own keys: "winchestr" is Winchester (a
    # district), never Manchester.
    district_of = {f"district:{d['ons_code']}": d for d in districts}
    for key, d in district_of.items():
        by_alias[d["norm"]].add(key)
    # An explicit processor (none: both sides are already normalised) and plain ratio, which
    # scores a substring by its edit distance, never as a near-perfect partial match.
    scored = process.extract(
        norm, list(by_alias), scorer=fuzz.ratio, processor=None, limit=12, score_cutoff=0
    )
    # A close spelling may fix a typo, never change a compass word: South Somerset is not
    # North Somerset, whatever their edit distance.  Such names are only suggested.
    compass = _compass(norm)
    best: dict[str, float] = {}
    anyway: dict[str, float] = {}
    for alias, score, _ in scored:
        for code in by_alias[alias]:
            anyway[code] = max(anyway.get(code, 0.0), float(score))
            if _compass(alias) == compass:
                best[code] = max(best.get(code, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and ranked[0][1] >= FUZZY_CUTOFF:
        close = [code for code, score in ranked if score >= ranked[0][1] - FUZZY_MARGIN]
        near = [district_of[c] for c in close if c in district_of]
        if near:
            raise _district_error(store, query, near[0], exact=False)
        if len(close) == 1:
            return close[0]
        raise _ambiguous(store, query, close)
    known = store.names()
    ranked = sorted(anyway.items(), key=lambda kv: (-kv[1], kv[0]))
    suggestions = [
        {"name": known.get(code, code), "ons_code": code}
        for code, score in ranked
        if score >= SUGGEST_CUTOFF and code not in district_of
    ][:3]
    hint = f"; did you mean {', '.join(s['name'] for s in suggestions)}?" if suggestions else ""
    raise NotFound(
        f"no authority matches {_shown(query)!r}{hint}", query=query, suggestions=suggestions
    )


#: Words that tell places apart by direction (North and South Tyneside).
_COMPASS = frozenset({"north", "south", "east", "west", "mid", "central"})


def _compass(norm: str) -> frozenset[str]:
    """The compass words of a normalised name."""
    return _COMPASS.intersection(norm.split())


def complete(store: Store, incomplete: str) -> list[str]:
    """Authority names starting with (or containing a word starting with) what was typed."""
    start = names.fold(incomplete)
    out: list[str] = []
    for auth in store.authorities(status="current"):
        folded = names.fold(auth.name)
        if folded.startswith(start) or any(w.startswith(start) for w in folded.split()):
            out.append(auth.name)
    return out
