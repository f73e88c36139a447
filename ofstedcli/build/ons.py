"""Reader of ONS's Local Authority Districts boundaries (GeoJSON): England's shire districts.

Unitary authorities, metropolitan and London boroughs are their own district and already
children's services authorities; the other English districts (Boston, Lewes, Woking ...)
are not, and are kept so that the name resolver can tell a district council from an
authority with a similar name.  Only codes, names and centroids are read; the file gives no
county for a district, so none is recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ofstedcli.build.records import OGL, SourceFile
from ofstedcli.build.tabular import Where, bad

SOURCE_ID = "ons-lad-2023"
PUBLISHER = "Office for National Statistics"
URL = (
    "https://geoportal.statistics.gov.uk/"
    "search?q=Local%20Authority%20Districts%20December%202023%20Boundaries"
)


@dataclass(frozen=True)
class District:
    """A local authority district: ONS code, name and centroid."""

    ons_code: str
    name: str
    lat: float | None
    long: float | None


def is_districts(data: Any) -> bool:
    """True for a GeoJSON collection of ONS local authority districts."""
    features = data.get("features") if isinstance(data, dict) else None
    return (
        isinstance(features, list)
        and bool(features)
        and all(
            isinstance(f, dict) and any(k.startswith("LAD") for k in f.get("properties") or {})
            for f in features[:5]
        )
    )


def read(path: Path, name: str) -> list[District]:
    """Every English district in the file."""
    data = load(path, name)
    found: list[District] = []
    for number, feature in enumerate(data["features"], start=1):
        props = feature.get("properties") or {}
        code = next((v for k, v in props.items() if k.startswith("LAD") and k.endswith("CD")), "")
        label = next((v for k, v in props.items() if k.startswith("LAD") and k.endswith("NM")), "")
        if not code or not label:
            raise bad(Where(name, row=number), "a district without a code or a name")
        if str(code).startswith("E"):
            name_ = " ".join(str(label).split())
            found.append(
                District(str(code), name_, _num(props.get("LAT")), _num(props.get("LONG")))
            )
    return sorted(found, key=lambda d: d.ons_code)


def load(path: Path, name: str) -> Any:
    """The parsed JSON of a file; BadSource when it is not JSON."""
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(Where(name), f"cannot be read as JSON ({exc})") from None


def source(name: str) -> SourceFile:
    """The credit of the districts file."""
    return SourceFile(
        SOURCE_ID,
        "Local Authority Districts (December 2023) Boundaries",
        PUBLISHER,
        None,
        OGL + " (contains OS data © Crown copyright)",
        name,
        url=URL,
    )


def _num(value: Any) -> float | None:
    """A coordinate, or None."""
    return float(value) if isinstance(value, (int, float)) else None
