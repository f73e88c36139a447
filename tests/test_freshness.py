"""Staleness: recent, show and db info say how old the newest data is, and what to run."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ofstedcli.freshness import STALE_AFTER, age_of, stale_note


def test_age_of_a_date() -> None:
    """Stale only past the limit; partial or missing dates have no age."""
    today = dt.date(2026, 11, 29)
    fresh = (today - dt.timedelta(days=STALE_AFTER)).isoformat()
    old = (today - dt.timedelta(days=STALE_AFTER + 1)).isoformat()
    assert age_of(fresh, today) == {"newest_published": fresh, "days_old": 28, "stale": False}
    assert age_of(old, today)["stale"] is True
    assert age_of("2026-08", today)["stale"] is False
    assert age_of(None, today) == {"newest_published": None, "days_old": None, "stale": False}
    note = stale_note(age_of("2026-08-20", today))
    assert "2026-08-20 (101 days ago)" in note and "ofsted db update" in note


def test_recent_and_db_info_say_the_data_is_old(tiny_db: Any, cli: Any) -> None:
    """On data older than a few weeks, an empty `recent` says why, and db info says so too."""
    info = cli("db", "info", "--json").json()
    age = info["data_age"]
    assert age["newest_published"] == info["newest_published"] and age["stale"] is True
    recent = cli("recent", "--days", "7")
    assert recent.code == 0
    assert "Nothing published in that window." in recent.stdout
    assert f"published on {age['newest_published']}" in recent.stdout
    assert "ofsted db update" in recent.stdout
    assert cli("recent", "--days", "7", "--json").json()["data_age"] == age
    assert "ofsted db update" in cli("db", "info").stdout


def test_show_says_so_at_a_terminal_only(tiny_db: Any) -> None:
    """show adds the note on stderr when it is a terminal; piped, stderr stays empty."""
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-m", "ofstedcli", "show", "leicester"]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert piped.returncode == 0 and piped.stderr == ""
    main, child = pty.openpty()
    try:
        done = subprocess.run(
            command, stdout=subprocess.PIPE, stderr=child, timeout=60, check=False
        )
        os.close(child)
        note = os.read(main, 4096).decode()
    finally:
        os.close(main)
    assert done.returncode == 0 and "ofsted db update" in note and "days ago" in note
