"""Area SEND events as lines: the current outcome under the header, and their own section.

Area SEND outcomes are not children's services grades, so they are never drawn in the
grade columns: they have a line and a table of their own, coloured by how the outcome reads
(positive, inconsistent, failings).
"""

from __future__ import annotations

from typing import Any

from ofstedcli.model import GOOD, INADEQUATE, REQUIRES_IMPROVEMENT, half_up, send_outcome
from ofstedcli.render.plain import GRADE_STYLES, Line, Segment, Target, emit, grid, seg

#: The style of an outcome, by what it says: a positive, mixed or failing area.
_LEVEL_STYLES = {
    1: GRADE_STYLES[GOOD],
    2: GRADE_STYLES[REQUIRES_IMPROVEMENT],
    3: GRADE_STYLES[INADEQUATE],
}
_PROGRESS_STYLES = {
    "sufficient": GRADE_STYLES[GOOD],
    "some": GRADE_STYLES[REQUIRES_IMPROVEMENT],
    "insufficient": GRADE_STYLES[INADEQUATE],
}


def outcome_seg(event: dict[str, Any], empty: str = "", short: bool = True) -> Segment:
    """An area SEND event's outcome, coloured."""
    words = send_outcome(event, short=short)
    if words is None:
        return (empty, "dim")
    style = _LEVEL_STYLES.get(event.get("outcome_level") or 0) or _PROGRESS_STYLES.get(
        event.get("progress") or "", ""
    )
    if event.get("written_statement"):
        style = GRADE_STYLES[REQUIRES_IMPROVEMENT]
    return seg(words, style)


def _next(event: dict[str, Any]) -> str:
    """When the event's report says the next inspection will be."""
    interval, by = event.get("next_interval"), event.get("next_inspection")
    if interval and by:
        return f"{interval} ({by[:7]})"
    return by[:7] if by else interval or ""


def send_line(current: dict[str, Any] | None) -> Line:
    """The authority's latest area SEND event in one line."""
    line: Line = [("SEND: ", "bold")]
    if current is None:
        return [*line, ("no area SEND inspection on record", "dim")]
    line.append(outcome_seg(current, empty="outcome not recorded"))
    when = current.get("published") or current.get("start_date")
    line.append(
        seg(f"  {current['type']}, published {when}" if when else f"  {current['type']}", "dim")
    )
    if current.get("provisional"):
        line.append((" *", "italic"))
    return line


def send_section(width: int, events: list[dict[str, Any]]) -> list[Line]:
    """Every area SEND event of an authority, oldest first."""
    rows = [
        [
            seg(e.get("start_date") or ""),
            seg(e.get("published") or ""),
            seg(f"{e['type']}{' *' if e.get('provisional') else ''}"),
            outcome_seg(e, empty="-"),
            seg(_next(e)),
        ]
        for e in events
    ]
    headers = ["Inspected", "Published", "Inspection", "Outcome", "Next"]
    lines = grid(width, headers, rows, flexible=[3, 4], title="Area SEND (Ofsted and CQC)")
    return [*lines, [(_SECTION_NOTE, "dim")]]


#: What the short outcomes of the SEND section mean.
_SECTION_NOTE = "  WSoA written statement of action; outcomes 1 positive, 2 mixed, 3 failings"


#: The SEND picture's columns: count key, heading, style.
_STAT_COLUMNS = (
    ("outcome_1", "1 pos.", _LEVEL_STYLES[1]),
    ("outcome_2", "2 incon.", _LEVEL_STYLES[2]),
    ("outcome_3", "3 fail.", _LEVEL_STYLES[3]),
    ("written_statement", "WSoA", _LEVEL_STYLES[2]),
    ("no_written_statement", "no WSoA", ""),
)


_STATS_NOTE = (
    "  2023 framework: 1 typically positive, 2 inconsistent, 3 widespread or systemic",
    "  failings (% of areas whose latest is a 2023 inspection). 2016 framework: WSoA,",
    "  written statement of action required (% of areas whose latest is a 2016 one).",
)


def draw_send_stats(target: Target, data: dict[str, Any]) -> None:
    """Area SEND outcomes for England and each group: counts, and shares within a framework."""
    rows: list[list[Segment]] = []
    for group in [data["england"], *data["groups"]]:
        row = [seg(group["name"], "bold" if group is data["england"] else "")]
        for key, _, style in _STAT_COLUMNS:
            n, pct = group["counts"][key], group["percentages"][key]
            shown = f"{n} ({half_up(pct, 0):.0f}%)" if pct is not None and n else str(n)
            row.append(seg(shown, style))
        row.append(seg(group["not_inspected"], "dim"))
        rows.append(row)
    headers = ["Area", *(h for _, h, _ in _STAT_COLUMNS), "none"]
    when = f"as at {data['as_at']}"
    if data.get("published_by"):
        when += f", published by {data['published_by']}"
    lines = grid(target.width, headers, rows, flexible=[0], title=f"Area SEND outcomes {when}")
    lines += [[(text, "dim")] for text in _STATS_NOTE]
    if data["england"]["provisional"]:
        lines.append(
            [(f"  {data['england']['provisional']} provisional (D2I's index, unofficial)", "dim")]
        )
    emit(target, lines)
