"""The due table: each authority's next expected events, then the rules they come from."""

from __future__ import annotations

from typing import Any

from ofstedcli.render.plain import Line, Segment, Target, emit, grid, seg

LABELS = {
    "ILACS inspection": "",
    "focused visit": "Focused visit",
    "monitoring visit": "Monitoring visit",
    "SEND inspection": "SEND ",
}


def what(event: dict[str, Any]) -> str:
    """ "Standard inspection", "Focused visit", "SEND full inspection"."""
    kind = str(event.get("type") or event["event"])
    if event["event"] == "SEND inspection":
        return f"SEND {kind}"
    if event["event"] == "ILACS inspection":
        return kind[:1].upper() + kind[1:]
    return LABELS[event["event"]]


def window_text(event: dict[str, Any]) -> str:
    """ "2027-09 to 2028-01", or "overdue since 2025-10" once the window has passed."""
    if not event.get("earliest"):
        return "no basis"
    if event.get("overdue"):
        return f"overdue since {event['latest'][:7]}"
    first, last = event["earliest"][:7], event["latest"][:7]
    return first if first == last else f"{first} to {last}"


def next_line(event: dict[str, Any]) -> Line:
    """The line ``show`` prints: "Next: standard inspection expected 2027-09 to 2028-01 ..."."""
    kind = what(event)
    kind = kind[:1].lower() + kind[1:]
    if event.get("overdue"):
        text = f"{kind} {window_text(event)}"
        style = "bold red"
    else:
        text = f"{kind} expected {window_text(event)}"
        style = ""
    return [("Next: ", "bold"), seg(text, style), seg(f" (rule {event['rule']})", "dim")]


def _since(event: dict[str, Any]) -> str:
    months = event.get("months_since_last")
    if months is None:
        return "-"
    years, rest = divmod(int(months), 12)
    return f"{years}y {rest}m" if years else f"{rest}m"


def _wrapped(text: str, width: int, style: str, indent: int = 0) -> list[Line]:
    import textwrap

    pad = " " * indent
    return [
        [seg(part, style)]
        for part in textwrap.wrap(text, max(20, width), initial_indent=pad, subsequent_indent=pad)
    ]


def draw_due(target: Target, data: list[dict[str, Any]]) -> None:
    """One row per expected event, the authority named once, then each rule and its source."""
    from ofstedcli.render.plain import Screen

    # Piped, a Screen has no width to fit (rows stay whole): lay out without a limit.
    width = (target.width if isinstance(target, Screen) else target.size.width) or 10_000
    if not data:
        emit(target, [[("No authority has an event due in that span.", "dim")]])
        return
    wide = width >= 100
    rows: list[list[Segment]] = []
    used: dict[str, dict[str, Any]] = {}
    pauses: set[str] = set()
    for item in data:
        name = item["authority"]["name"]
        events = item["next"] or [{"event": "", "rule": "", "earliest": None}]
        for n, event in enumerate(events):
            if event["rule"]:
                used.setdefault(event["rule"], event)
            if event.get("pause"):
                pauses.add(str(event["pause"]["what"]))
            window = window_text(event) if event["rule"] else "no inspection to go from"
            row = [
                seg(name if n == 0 else "", "bold"),
                seg(what(event) if event["event"] else ""),
                seg(window, "bold red" if event.get("overdue") else ""),
                seg((event.get("likely") or "")[:7] if not event.get("overdue") else ""),
                seg(_since(event) if event["event"] else ""),
                seg(event["rule"], "dim"),
            ]
            rows.append(row if wide else row[:3] + row[4:])
    as_at = data[0]["as_at"]
    headers = ["Authority", "Next", "Window", "Likely", "Since", "Rule"]
    if not wide:  # the likely month is in the JSON and CSV
        headers.remove("Likely")
    lines = grid(width, headers, rows, flexible=[0, 1], title=f"Next expected, as at {as_at}")
    lines.append([])
    lines.append([("Rules (each from the framework text named):", "bold")])
    for rule_id, event in used.items():
        source = event["source"]
        lines += _wrapped(f"{rule_id}: {event['rule_text']}", width, "")
        lines += _wrapped(f"{source['title']}, {source['section']}", width, "dim", indent=2)
        lines.append([seg(f"  {source['url']}", "dim")])
    for pause in sorted(pauses):
        lines += _wrapped(f"Pause counted (the clock stops): {pause}", width, "dim")
    emit(target, lines)
