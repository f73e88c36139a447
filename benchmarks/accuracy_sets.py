"""The labelled development sets of extract_accuracy.py: visit letters, SEND reports, web pages.

Each set scores, per kind and field, the facts its labels give: right, stated wrongly (a
value that differs from the label), missed (no value); and, for the web pages, where labels
say what a text does not state (``null``), the facts stated anyway.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ofstedcli import names
from ofstedcli.documents import Extraction, extract, read_document
from ofstedcli.store import Store


class Score:
    """Right, wrong and missed counts per (kind, field)."""

    def __init__(self, title: str, aside: frozenset[str] = frozenset()) -> None:
        self.title = title
        #: Fields printed but kept out of "all labelled facts" and the wrong rate.
        self.aside = aside
        self.counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.misses: list[str] = []

    def add(self, kind: str, field: str, want: Any, have: Any, doc: str) -> None:
        """Score one labelled fact (``want`` None: the text states none)."""
        c = self.counts[(kind, field)]
        if want is None:
            if have is not None:
                c[3] += 1
                self.misses.append(f"{doc} {field}: not stated, got {have!r}")
            return
        if have == want:
            c[0] += 1
        elif have is None:
            c[2] += 1
            self.misses.append(f"{doc} {field}: want {want!r}, missed")
        else:
            c[1] += 1
            self.misses.append(f"{doc} {field}: want {want!r}, got {have!r}")

    def report(self, goals: dict[str, float], verbose: bool) -> bool:
        """Print the table per field (all kinds) and per kind; True when goals are met."""
        ok = True
        fields = sorted({f for _, f in self.counts})
        kinds = sorted({k for k, _ in self.counts})
        total = [0, 0, 0, 0]
        print(f"{self.title}:")
        print(f"  {'field':24} {'right':>9} {'%':>6} {'wrong':>6} {'missed':>6} {'unlabelled':>10}")
        for field in fields:
            c = [sum(self.counts[(k, field)][i] for k in kinds) for i in range(4)]
            if field not in self.aside:
                total = [a + b for a, b in zip(total, c, strict=True)]
            ok = self._line(field, c, goals.get(field)) and ok
        ok = self._line("all labelled facts", total, goals.get("all")) and ok
        labelled = sum(total[:3])
        if labelled:
            wrong = 100 * total[1] / labelled
            goal = goals.get("wrong")
            met = goal is None or wrong <= goal
            ok = ok and met
            print(
                f"  stated wrongly: {total[1]}/{labelled} = {wrong:.2f}%"
                f"{f'  (goal at most {goal:.0f}%)' if goal is not None else ''}"
                f"{'' if met else '  MISSED'}"
            )
        if len(kinds) > 1:
            print("  per kind (labelled kind):")
            for kind in kinds:
                for field in fields:
                    c = self.counts.get((kind, field))
                    if c and sum(c[:3]):
                        self._line(f"{kind[:14]}.{field}", c, None, indent=4)
        for miss in self.misses if verbose else self.misses[:12]:
            print("  miss", miss)
        return ok

    @staticmethod
    def _line(name: str, c: list[int], goal: float | None, indent: int = 2) -> bool:
        """Print one row; True when there is no goal or it is met."""
        labelled = c[0] + c[1] + c[2]
        if not labelled and not c[3]:
            return True
        pct = 100 * c[0] / labelled if labelled else 0.0
        met = goal is None or not labelled or pct >= 100 * goal
        note = f"  (goal {100 * goal:.1f}%)" if goal is not None else ""
        print(
            f"{' ' * indent}{name:24} {c[0]:4}/{labelled:<4} {pct:6.1f} {c[1]:6} {c[2]:6} "
            f"{c[3]:10}{note}{'' if met else '  MISSED'}"
        )
        return met


def _resolved(store: Store | None, x: Extraction) -> str | None:
    """The ONS code the resolver gives the extraction's authority."""
    if store is None:
        return None
    from ofstedcli.documents.link import resolve_authority

    found = resolve_authority(store, x)
    return found.ons_code if found else None


def _same_code(
    store: Store | None, want: str, have: str | None, dfe: str | None = None
) -> str | None:
    """``want`` when ``have`` is the same authority under another ONS code (the same DfE
    code, or the DfE code ``dfe`` the label gives)."""
    if store is None or have is None or have == want:
        return have
    query = "SELECT dfe_code FROM authorities WHERE ons_code = ?"
    codes = {r[0] for r in store.rows(query, (have,))}
    if dfe and dfe in {str(c) for c in codes}:
        return want
    rows = store.rows(
        "SELECT COUNT(DISTINCT dfe_code) FROM authorities WHERE ons_code IN (?, ?)", (want, have)
    )
    return want if rows and rows[0][0] == 1 else have


def _linked(store: Store | None, x: Extraction, code: str | None) -> str | None:
    """The id of the inspection the document links to, as ingest would link it."""
    if store is None or code is None:
        return None
    from ofstedcli.documents.link import choose_inspection, inspections_of

    found = choose_inspection(x, inspections_of(store, code))
    return found.id if found else None


def _record(store: Store | None, code: str, framework: str, start: str) -> str | None:
    """The id of the database's record of an inspection starting on ``start`` (within a
    week), if the database has it."""
    if store is None or not start:
        return None
    from ofstedcli.documents.link import inspections_of
    from ofstedcli.errors import NotFound

    try:
        held = inspections_of(store, code)
    except NotFound:
        return None
    for i in held:
        if i.framework == framework and i.start_date and len(i.start_date) == 10:
            days = abs((date.fromisoformat(i.start_date) - date.fromisoformat(start)).days)
            if days <= 7:
                return i.id
    return None


def letters(shared: Path, store: Store | None, verbose: bool) -> bool:
    """Focused-visit letters: kind, authority, letter date, visit dates, theme, link."""
    folder = shared / "letters" / "focused-visits"
    labels = folder / "labels.csv"
    if not labels.exists():
        print(f"no labels at {labels}")
        return True
    score = Score("focused-visit letters")
    found = dict.fromkeys(("start_date", "end_date", "lead_inspector", "theme"), 0)
    rows = list(csv.DictReader(labels.open(encoding="utf-8")))
    started = time.perf_counter()
    for row in rows:
        path = folder / row["file"]
        if not path.exists():
            continue
        x = extract(read_document(path))
        insp = x.to_json()["inspection"] or {}
        for key in found:
            found[key] += bool(insp.get(key))
        doc, kind = row["file"][:48], row["kind"]
        score.add(kind, "kind", kind, x.kind, doc)
        have = _resolved(store, x)
        code = _same_code(store, row["ons_code"], have)
        if store is not None:
            score.add(kind, "authority", row["ons_code"], code, doc)
        score.add(kind, "date", row["published"], x.get("date"), doc)
        if row["official_visit_date"]:
            score.add(kind, "start_date", row["official_visit_date"], insp.get("start_date"), doc)
        if row["official_theme"]:
            score.add(kind, "theme", row["official_theme"], insp.get("theme"), doc)
        where = have if code == row["ons_code"] and have else row["ons_code"]
        record = _record(store, where, "ILACS", row["official_visit_date"])
        if record:
            score.add(kind, "linked", record, _linked(store, x, have), doc)
    seconds = time.perf_counter() - started
    print(f"visit letters: {len(rows)} read in {seconds:.1f} s; stated in every letter: ", end="")
    print(", ".join(f"{k} {v}/{len(rows)}" for k, v in found.items()))
    goals = {
        "authority": 0.995,
        "kind": 0.99,
        "date": 0.97,
        "start_date": 0.95,
        "theme": 0.90,
        "linked": 0.95,
    }
    return score.report(goals, verbose)


def _dmy(text: str) -> str | None:
    """An ISO date from the d2i index's dd/mm/yy or dd/mm/yyyy."""
    if not text:
        return None
    day, month, year = text.split("/")
    full = int(year) if len(year) == 4 else 2000 + int(year)
    return f"{full:04d}-{int(month):02d}-{int(day):02d}"


def _named_date(name: str) -> str | None:
    """The ISO date a file name ends with ("..._-_15_may_2024.pdf"), if any."""
    from ofstedcli.documents import vocab

    found = vocab.FULL_DATE_RE.search(name.rsplit("_-_", 1)[-1].replace("_", " "))
    return vocab.iso(found) if found else None


def send(shared: Path, store: Store | None, verbose: bool) -> bool:
    """Area SEND reports: kind, authority, outcome, dates, next inspection, link."""
    folder = shared / "letters" / "area-send"
    index = shared / "sources" / "d2i" / "area_send_inspections_2023_2026.csv"
    if not folder.is_dir() or not index.exists():
        print("no area SEND reports or index")
        return True
    by_urn = {r["urn"]: r for r in csv.DictReader(index.open(encoding="utf-8-sig"))}
    score = Score("area SEND reports")
    files = sorted(folder.glob("*.pdf"))
    stated = dict.fromkeys(("published", "lead_inspector"), 0)
    for path in files:
        row = by_urn.get(path.name.split("_", 1)[0])
        if row is None:
            continue
        x = extract(read_document(path))
        insp = x.to_json()["inspection"] or {}
        doc, kind = path.name[:48], "area_send_report"
        score.add(kind, "kind", kind, x.kind, doc)
        have = _resolved(store, x)
        code = _same_code(store, row["ltla23cd"], have, row["la_code"])
        if store is not None:
            score.add(kind, "authority", row["ltla23cd"], code, doc)
        score.add(kind, "framework", "SEND", insp.get("framework"), doc)
        score.add(kind, "type", "full inspection", insp.get("type"), doc)
        level = int(float(row["outcome_grade"])) if row["outcome_grade"] else None
        this = _dmy(row["publication_date"]) == _named_date(path.name)
        if this and level is not None:
            score.add(kind, "outcome_level", level, insp.get("outcome_level"), doc)
        start = _dmy(row["inspection_start_date"])
        # The index holds an authority's latest inspection: dates and outcome label this
        # report only when its publication date is the one in the report's file name.
        if this and start:
            score.add(kind, "start_date", start, insp.get("start_date"), doc)
        if this and row["inspection_end_date"]:
            end = _dmy(row["inspection_end_date"])
            score.add(kind, "end_date", end, insp.get("end_date"), doc)
        interval = row["next_inspection"].strip()
        if this and interval and interval != "NaN":
            score.add(kind, "next_interval", interval, insp.get("next_interval"), doc)
        stated["published"] += bool(insp.get("published"))
        stated["lead_inspector"] += bool(insp.get("lead_inspector"))
        where = have if code == row["ltla23cd"] and have else row["ltla23cd"]
        record = _record(store, where, "SEND", _dmy(row["inspection_start_date"]) or "")
        if this and record:
            score.add(kind, "linked", record, _linked(store, x, have), doc)
    goals = {
        "authority": 0.99,
        "kind": 0.99,
        "outcome_level": 0.97,
        "start_date": 0.95,
        "end_date": 0.95,
        "linked": 0.95,
    }
    print(f"area SEND reports: {len(files)}; stated: ", end="")
    print(", ".join(f"{k} {v}/{len(files)}" for k, v in stated.items()))
    return score.report(goals, verbose)


#: Web page label fields and where the extraction gives them.
_WEB_FIELDS = {
    "date": "date",
    "framework": "inspection.framework",
    "inspection_type": "inspection.type",
    "published": "inspection.published",
    "start_date": "inspection.start_date",
    "end_date": "inspection.end_date",
    "overall": "inspection.overall",
    "lead_inspector": "inspection.lead_inspector",
}


def _same_date(want: str | None, have: str | None) -> bool:
    """True when ``have`` is ``want`` at the label's precision (a null label: any date)."""
    return want is None or (have is not None and have[: len(want)] == want)


def _score_mentions(
    score: Score, kind: str, want: list[dict[str, Any]], have: list[dict[str, Any]], doc: str
) -> None:
    """Score a page's labelled earlier judgements against the extracted mentions.

    A labelled mention with a grade is right when an extracted mention has that grade and its
    date at the label's precision, stated wrongly when only an extracted mention of that
    grade with another date is left, else missed (an undated one of that grade: the date is
    not stated, so missed); an extracted graded mention that matches
    no label is stated wrongly too. Labels with only a type and date are scored apart as
    ``mentions_dated`` (right when an extracted mention has that date).
    """
    graded = sorted((m for m in want if m.get("overall")), key=lambda m: m.get("date") is None)
    left = [m for m in have if m.get("overall")]
    unmatched = []
    for label in graded:
        hit = next(
            (
                m
                for m in left
                if m["overall"] == label["overall"] and _same_date(label["date"], m.get("date"))
            ),
            None,
        )
        if hit is None:
            unmatched.append(label)
        else:
            left.remove(hit)
            score.add(kind, "mentions", _mention(label), _mention(label), doc)
    for label in unmatched:
        # the grade with another date is stated wrongly; undated, the date is only missed
        near = next((m for m in left if m["overall"] == label["overall"] and m.get("date")), None)
        near = near or next((m for m in left if m["overall"] == label["overall"]), None)
        if near is not None:
            left.remove(near)
        have_it = _mention(near) if near and near.get("date") else None
        score.add(kind, "mentions", _mention(label), have_it, doc)
    for extra in left:
        score.counts[(kind, "mentions")][1] += 1
        score.misses.append(f"{doc} mentions: none labelled like {_mention(extra)}")
    dated = [m for m in want if not m.get("overall") and m.get("date")]
    days = [m.get("date") for m in have]
    for label in dated:
        hit = next((d for d in days if _same_date(label["date"], d)), None)
        if hit is not None:
            days.remove(hit)
        score.add(kind, "mentions_dated", label["date"], label["date"] if hit else None, doc)


def _mention(m: dict[str, Any]) -> str:
    """A mention as a short string for the misses list: "Inadequate (2016)"."""
    return f"{m.get('overall') or m.get('type')} ({m.get('date') or 'undated'})"


def _party_name(name: str | None) -> str | None:
    """An organisation's name compared loosely: lower case, "&" read as "and", punctuation
    as spaces, a leading "the" dropped; a label's trailing bracketed note ("(local blog)")
    dropped too."""
    if not name:
        return None
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name).lower().replace("\u2019", "'")
    name = re.sub(r"[^\w']+", " ", name.replace("&", " and ")).replace("'", "")
    name = " ".join(name.split())
    return name.removeprefix("the ") or None


def _score_party(score: Score, kind: str, field: str, want: Any, have: Any, doc: str) -> None:
    """Score a page's sender or recipient organisation (names compared loosely).

    A labelled organisation the text does not name (a news story's publication, taken from
    its site) can only be missed, but another one stated there is stated wrongly.
    """
    label = _party_name((want or {}).get("organisation") if isinstance(want, dict) else None)
    score.add(kind, field, label, _party_name(have), doc)


def web(shared: Path, store: Store | None, verbose: bool, urls: bool = True) -> bool:
    """Web pages: kind, date, authority, inspection facts, judgements, per labelled kind;
    each page read with the address it came from (``source_url``) unless ``urls`` is off."""
    folder = shared / "documents" / "web"
    labels = folder / "labels.jsonl"
    if not labels.exists():
        print(f"no labels at {labels}")
        return True
    score = Score("web pages", aside=frozenset({"mentions_dated"}))
    rows = [json.loads(line) for line in labels.open(encoding="utf-8") if line.strip()]
    for row in rows:
        path = folder / "text" / row["file"]
        if not path.exists():
            path = folder / row["file"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        x = extract(text, row.get("source_url") if urls else None)
        doc, kind = row["file"], row.get("kind") or "unlabelled"
        if row.get("kind"):
            score.add(kind, "kind", row["kind"], x.kind, doc)
        if store is not None:
            code = _same_code(store, row["authority_ons_code"], _resolved(store, x))
            score.add(kind, "authority", row["authority_ons_code"], code, doc)
        else:
            want = names.normalise(row["authority_name"])
            have = x.authority_names[0] if x.authority_names else None
            score.add(kind, "authority", want, names.normalise(have) if have else None, doc)
        for label, field in _WEB_FIELDS.items():
            score.add(kind, label, row.get(label), x.get(field), doc)
        want_j = row.get("judgements") or {}
        for area, grade in want_j.items():
            score.add(kind, "judgements", grade, x.get(f"inspection.judgements.{area}"), doc)
        for fact in x.facts:
            area = fact.field.rsplit(".", 1)[-1]
            if fact.field.startswith("inspection.judgements.") and area not in want_j:
                score.add(kind, "judgements", None, fact.value, doc)
        for party in ("sender", "recipient"):
            have = x.get(f"{party}.organisation")
            _score_party(score, kind, party, row.get(party), have, doc)
        if "mentions" in row:  # absent: not annotated
            _score_mentions(score, kind, row["mentions"] or [], x.mentions, doc)
    goals = {
        "all": 0.85,
        "authority": 0.97,
        "overall": 0.90,
        "judgements": 0.85,
        "kind": 0.85,
        "date": 0.75,
        "start_date": 0.75,
        "end_date": 0.75,
        "published": 0.75,
        "wrong": 1.0,
    }
    print(f"web pages: {len(rows)}" + ("" if urls else " (read without their addresses)"))
    return score.report(goals, verbose)
