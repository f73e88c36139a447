"""How old the newest data is, so that commands can say when ``ofsted db update`` is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ofstedcli.store import Store

#: Days after which the newest publication held counts as stale (Ofsted publishes weekly).
STALE_AFTER = 28


def data_age(store: Store, today: dt.date | None = None) -> dict[str, Any]:
    """The newest publication date held, its age in days, and whether that is stale."""
    newest = store.rows("SELECT max(published) FROM inspections")[0][0]
    return age_of(newest, today)


def age_of(newest: str | None, today: dt.date | None = None) -> dict[str, Any]:
    """The age of a newest publication date (ISO, possibly partial) against today."""
    today = today or dt.date.today()
    days = None
    if newest and len(newest) == 10:
        try:
            days = (today - dt.date.fromisoformat(newest)).days
        except ValueError:
            days = None
    return {
        "newest_published": newest,
        "days_old": days,
        "stale": days is not None and days > STALE_AFTER,
    }


def stale_note(age: dict[str, Any]) -> str:
    """One line saying how old the data is and what to run (for stale data only)."""
    return (
        f"The newest data held was published on {age['newest_published']} "
        f"({age['days_old']} days ago): run `ofsted db update` to fetch what has been "
        "published since."
    )
