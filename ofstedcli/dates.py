"""Dates as people type them and as sources give them: ISO 8601, partial where partial."""

from __future__ import annotations

import datetime as dt
import re

from ofstedcli.errors import UsageError

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_date(text: str, *, option: str = "date", end: bool = False) -> str:
    """An ISO date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; UsageError otherwise.

    With ``end`` a partial date becomes the last day it covers ("2017" -> "2017-12-31"), so
    that it works as an inclusive upper bound.
    """
    value = text.strip()
    match = _ISO.match(value)
    if not match:
        raise UsageError(f"{option} {_show(text)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
        if month is not None:
            first = dt.date(year, month, 1)
            if not end:
                return first.isoformat()
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return (following - dt.timedelta(days=1)).isoformat()
        dt.date(year, 1, 1)
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    except ValueError as exc:
        raise UsageError(f"{option} {_show(text)} is not a valid date ({exc})") from None


def days_ago(days: int, today: dt.date | None = None) -> str:
    """The ISO date ``days`` before today."""
    if days < 0:
        raise UsageError(f"--days must be zero or more, not {days}")
    try:
        return ((today or dt.date.today()) - dt.timedelta(days=days)).isoformat()
    except OverflowError:
        raise UsageError(f"--days {days} reaches back before the year 1") from None


def year(date: str | None) -> str | None:
    """The year of an ISO date, partial or not."""
    return date[:4] if date else None


def _show(text: str) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in text)
    return repr(shown if len(shown) <= 40 else shown[:37] + "...")
