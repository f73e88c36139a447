"""due on the bundled database: every current authority gets a window from a listed rule."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from ofstedcli import due
from ofstedcli.store import BUNDLED_PATH, Store, open_store

pytestmark = pytest.mark.skipif(
    not BUNDLED_PATH.exists(), reason="the bundled database is not built"
)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with open_store() as s:
        yield s


@pytest.mark.parametrize("as_at", ["2019-06-30", "2022-03-31", "2026-09-30"])
def test_every_current_authority_has_a_next_ilacs_inspection(store: Store, as_at: str) -> None:
    found = due.due(store, as_at=as_at)
    assert len(found) == len(store.authorities(status="current"))
    missing = []
    for item in found:
        ilacs = [e for e in item["next"] if e["event"] == "ILACS inspection"]
        if not ilacs:
            missing.append(item["authority"]["name"])
            continue
        event: dict[str, Any] = ilacs[0]
        assert event["rule"] in due.RULES
        assert event["earliest"] <= event["likely"] <= event["latest"]
        width = due.months_between(
            dt.date.fromisoformat(event["earliest"]),
            dt.date.fromisoformat(event["latest"]),
        )
        if event["pause"] is None and event["rule"] != "ilacs-from-sif":
            assert width == 12, (item["authority"]["name"], event)
        else:
            # Across the pause the close is put back by it, and the roll-out after the SIF
            # runs to the end of ILACS's first cycle: wider, never narrower, and bounded.
            assert 12 <= width <= 60, (item["authority"]["name"], event)
    # Only an authority formed from several others, before its own first inspection, has no
    # inspection to count from (one history alone is not its own).
    merged = {
        name
        for (name,) in store.rows(
            "SELECT a.name FROM successions s JOIN authorities a ON a.ons_code = s.successor "
            "GROUP BY s.successor HAVING count(*) > 1"
        )
    }
    assert set(missing) <= merged, missing


def test_area_send_outcomes_set_the_send_window(store: Store) -> None:
    found = due.due(store, as_at="2026-09-30")
    rules = {e["rule"] for item in found for e in item["next"] if e["event"] == "SEND inspection"}
    assert {"send-outcome-1", "send-outcome-2", "send-outcome-3"} <= rules
