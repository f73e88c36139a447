"""How accurately the document extractor reads each development set, per kind and field.

    python benchmarks/extract_accuracy.py [--shared ../shared] [--db PATH] [-v]
        [--only seeds,reports,letters,send,web]

Prints, for the five seed documents, how many of the facts in ``seeds/expected.json`` the
extractor gets right; for the development set of real Ofsted reports (``reports/dev/*.pdf``
with ``labels.csv``), the accuracy of each field where it is labelled; for the focused-visit
letters (``letters/focused-visits``), the area SEND reports (``letters/area-send``, labelled
by ``sources/d2i/area_send_inspections_2023_2026.csv``) and the web pages
(``documents/web``), per kind and field: right, stated wrongly, and missed, out of the facts
labelled, plus facts stated where the label says the text does not state one.
Authorities are resolved to ONS codes through the project's resolver against ``--db``, else
the bundled database, else a database built into a temporary folder from ``shared/sources``;
with none of those, names are compared after :func:`ofstedcli.names.normalise`.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy_sets as sets  # noqa: E402

from ofstedcli import names  # noqa: E402
from ofstedcli.documents import Extraction, extract, read_document  # noqa: E402
from ofstedcli.store import BUNDLED_PATH, Store, open_store  # noqa: E402

#: labels.csv columns and the extraction's judgement areas they grade.
LABEL_AREAS = {
    "leadership": "leadership",
    "help_and_protection": "help_and_protection",
    "children_in_care": "in_care",
    "looked_after_permanence": "in_care",
    "adoption": "adoption",
    "care_leavers": "care_leavers",
    "lscb": "lscb",
}


def main() -> int:
    """Measure and print the figures; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--only", default="seeds,reports,letters,send,web")
    parser.add_argument(
        "--no-url", action="store_true", help="read web pages without their source addresses"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    if not args.shared.is_dir():
        print(f"no shared folder at {args.shared}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(args.db, args.shared, Path(tmp))
        try:
            ok = True
            if "seeds" in only:
                ok = seeds(args.shared / "seeds", store, args.verbose) and ok
            if "reports" in only:
                ok = dev(args.shared / "reports" / "dev", store, args.verbose) and ok
            if "letters" in only:
                ok = sets.letters(args.shared, store, args.verbose) and ok
            if "send" in only:
                ok = sets.send(args.shared, store, args.verbose) and ok
            if "web" in only:
                ok = sets.web(args.shared, store, args.verbose, not args.no_url) and ok
        finally:
            if store is not None:
                store.close()
    return 0 if ok else 1


def _store(db: Path | None, shared: Path, tmp: Path) -> Store | None:
    """The database to resolve names against, or None to compare names instead."""
    if db is not None:
        return open_store(db)
    if BUNDLED_PATH.exists():
        return open_store()
    sources = shared / "sources"
    if sources.is_dir():
        from ofstedcli.build.pipeline import build_database

        out = tmp / "inspections.db"
        build_database(sources, out)
        print(f"(no bundled database yet: resolving against one built from {sources})")
        return open_store(out)
    print("(no database: comparing authority names after names.normalise)")
    return None


def resolved(store: Store | None, x: Extraction) -> str | None:
    """The ONS code of the extraction's authority, through the resolver."""
    if store is None:
        return None
    from ofstedcli.documents.link import resolve_authority

    found = resolve_authority(store, x)
    return found.ons_code if found else None


# --- seeds --------------------------------------------------------------------------------


def seeds(folder: Path, store: Store | None, verbose: bool) -> bool:
    """Every fact of expected.json; True when all are right."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    right = total = 0
    misses: list[str] = []
    for name, want in expected.items():
        if name.startswith("_"):
            continue
        x = extract(read_document(folder / name))
        got = x.to_json()
        got["authority"]["ons_code"] = resolved(store, x)
        for path, value in _leaves(want):
            if path == "authority.ons_code" and store is None:
                continue
            total += 1
            have = _at(got, path)
            if _same(path, have, value):
                right += 1
            else:
                misses.append(f"{name} {path}: want {value!r}, got {have!r}")
    print(f"seeds: {right}/{total} facts correct")
    for miss in misses if verbose else misses[:10]:
        print("  miss", miss)
    return right == total


def _leaves(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(path, value) for every fact in an expected object; empty containers count as one."""
    if isinstance(obj, dict) and obj:
        out: list[tuple[str, Any]] = []
        for key, value in obj.items():
            out += _leaves(value, f"{prefix}.{key}" if prefix else key)
        return out
    if isinstance(obj, list) and obj:
        out = [(f"{prefix}#len", len(obj))]
        for i, value in enumerate(obj):
            out += _leaves(value, f"{prefix}[{i}]")
        return out
    return [(prefix, obj)]


def _at(obj: Any, path: str) -> Any:
    """The value at a path made by :func:`_leaves`."""
    if path.endswith("#len"):
        value = _at(obj, path[:-4])
        return len(value) if isinstance(value, list) else None
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            index = int(part[1:-1])
            obj = obj[index] if isinstance(obj, list) and index < len(obj) else None
        elif isinstance(obj, dict):
            obj = obj.get(part)
        else:
            return None
    return obj


def _same(path: str, have: Any, want: Any) -> bool:
    """Equality, with authority names compared in their normal form."""
    if path == "authority.name" and isinstance(have, str) and isinstance(want, str):
        return names.normalise(have) == names.normalise(want)
    return bool(have == want)


# --- development reports ------------------------------------------------------------------


def dev(folder: Path, store: Store | None, verbose: bool) -> bool:
    """Accuracy per field on the labelled development reports; True when goals are met."""
    labels = folder / "labels.csv"
    if not labels.exists():
        print(f"no labels at {labels}")
        return True
    rows = list(csv.DictReader(labels.open(encoding="utf-8")))
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        path = folder / f"{row['doc']}.pdf"
        if not path.exists():
            continue
        x = extract(read_document(path))
        for field, want, have in _compare(row, x, store):
            score[field][1] += 1
            if want == have:
                score[field][0] += 1
            else:
                misses.append(f"{row['doc'][:60]} {field}: want {want!r}, got {have!r}")
    seconds = time.perf_counter() - started
    print(
        f"dev reports: {len(rows)} read and extracted in {seconds:.2f} s "
        f"({len(rows) / seconds:.1f} per second)"
    )
    goals = {"start_date": 0.98, "end_date": 0.98, "lead_inspector": 0.98}
    ok = True
    for field in (
        "kind",
        "authority",
        "framework",
        "overall",
        *sorted(set(LABEL_AREAS.values())),
        "start_date",
        "end_date",
        "lead_inspector",
    ):
        right, total = score.get(field, [0, 0])
        if not total:
            continue
        goal = goals.get(field, 1.0)
        met = right / total >= goal
        ok = ok and met
        print(
            f"  {field:20} {right:3}/{total:<3} {100 * right / total:6.1f}%"
            f"  (goal {100 * goal:.0f}%){'' if met else '  MISSED'}"
        )
    for miss in misses if verbose else misses[:15]:
        print("  miss", miss)
    return ok


def _same_authority(store: Store, row: dict[str, str], code: str | None) -> str | None:
    """The label's ONS code when ``code`` is the labelled authority, else ``code``.

    Labels may give an authority's newer ONS code (Barnsley's E08000038) where the database
    keeps the one Ofsted and the DfE use (E08000016): the DfE code then tells it is the same.
    """
    if code is None or code == row["ons_code"]:
        return code
    found = store.rows("SELECT dfe_code FROM authorities WHERE ons_code = ?", (code,))
    same = found and row["dfe_code"] and found[0][0] == row["dfe_code"]
    return row["ons_code"] if same else code


def _compare(row: dict[str, str], x: Extraction, store: Store | None) -> list[tuple[str, Any, Any]]:
    """(field, label, extracted) for every labelled field of one report."""
    got = x.to_json()
    insp = got["inspection"] or {}
    out: list[tuple[str, Any, Any]] = [("kind", "inspection_report", got["kind"])]
    if store is not None:
        have = resolved(store, x)
        out.append(("authority", row["ons_code"], _same_authority(store, row, have)))
    else:
        out.append(
            (
                "authority",
                names.normalise(row["la_name"]),
                names.normalise(got["authority"]["name"] or ""),
            )
        )
    if row["framework"]:
        out.append(("framework", row["framework"], insp.get("framework")))
    overall = row["overall_effectiveness"]
    if overall.startswith("not given"):
        out.append(("overall", (None, False), (insp.get("overall"), insp.get("overall_reported"))))
    elif overall:
        out.append(("overall", overall, insp.get("overall")))
    for column, area in LABEL_AREAS.items():
        if row[column]:
            out.append((area, row[column], (insp.get("judgements") or {}).get(area)))
    start = row["official_inspection_start"] or row["d2i_inspection_start"]
    if start:
        out.append(("start_date", start, insp.get("start_date")))
    if row["d2i_inspection_end"]:
        out.append(("end_date", row["d2i_inspection_end"], insp.get("end_date")))
    if row["d2i_lead_inspector"]:
        want = " ".join(row["d2i_lead_inspector"].replace("’", "'").split()).lower()
        have = " ".join((insp.get("lead_inspector") or "").split()).lower()
        out.append(("lead_inspector", want, have))
    return out


if __name__ == "__main__":
    sys.exit(main())
