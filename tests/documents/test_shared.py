"""The shared seeds and development reports, when ../shared is there (skipped otherwise).

The full figures come from benchmarks/extract_accuracy.py; these tests keep the seeds'
facts and a sample of real reports from regressing.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from ofstedcli import names
from ofstedcli.documents import extract, read_document
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
DEV = SHARED / "reports" / "dev"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/reports/dev is not here")


def _expected() -> dict[str, Any]:
    if not SEEDS.is_dir():
        return {}
    data = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _subset(want: Any, have: Any) -> bool:
    """True when every key the expected object gives has the same value in ``have``."""
    if isinstance(want, dict):
        return isinstance(have, dict) and all(_subset(v, have.get(k)) for k, v in want.items())
    if isinstance(want, list):
        return (
            isinstance(have, list)
            and len(want) == len(have)
            and all(_subset(w, h) for w, h in zip(want, have, strict=True))
        )
    return bool(want == have)


@needs_seeds
@pytest.mark.parametrize("name", sorted(_expected()))
def test_seed_facts(name: str) -> None:
    want = dict(_expected()[name])
    text = read_document(SEEDS / name)
    got = extract(text).to_json()
    authority = want.pop("authority")
    assert names.normalise(got["authority"]["name"]) == names.normalise(authority["name"])
    for key, value in want.items():
        assert _subset(value, got.get(key)), (key, value, got.get(key))
    for evidence in got["evidence"].values():
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def _sample() -> list[dict[str, str]]:
    if not DEV.is_dir():
        return []
    rows = list(csv.DictReader((DEV / "labels.csv").open(encoding="utf-8")))
    return rows[::8]


@needs_dev
@pytest.mark.parametrize("row", _sample(), ids=lambda r: r["doc"][:40])
def test_dev_report_sample(row: dict[str, str]) -> None:
    path: Path = DEV / f"{row['doc']}.pdf"
    insp = extract(read_document(path)).to_json()["inspection"]
    if row["framework"]:
        assert insp["framework"] == row["framework"]
    if row["overall_effectiveness"] and not row["overall_effectiveness"].startswith("not"):
        assert insp["overall"] == row["overall_effectiveness"]
    for column, area in (
        ("leadership", "leadership"),
        ("help_and_protection", "help_and_protection"),
        ("adoption", "adoption"),
    ):
        if row[column]:
            assert insp["judgements"].get(area) == row[column]
