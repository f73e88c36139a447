"""Tables for ``ofsted db build`` and ``ofsted db update``."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ofstedcli.render.console import safe


def _table(title: str) -> Table:
    # As Text: a title given as a string keeps ESC (the build's --out path can hold one).
    title_text = safe(title, "italic")
    return Table(box=box.SIMPLE_HEAD, pad_edge=False, title=title_text, title_justify="left")


def draw_build(console: Console, data: dict[str, Any]) -> None:
    """What was built: counts by framework and type, authorities, and the disagreements."""
    table = _table(f"Built {data['out']} ({data['size'] / 1e6:.1f} MB)")
    table.add_column("Framework")
    table.add_column("Type")
    table.add_column("Count", justify="right")
    for row in data["counts"]:
        table.add_row(safe(row["framework"]), safe(row["type"]), safe(row["count"]))
    table.add_row(Text("Total", style="bold"), "", safe(sum(r["count"] for r in data["counts"])))
    console.print(table)
    authorities = data["authorities"]
    console.print(
        safe(
            f"{authorities['current']} current and {authorities['former']} former authorities; "
            f"{data['judgements']} sub-judgements; {data['documents']} documents; "
            f"{data['provisional']} provisional inspections (published after the newest "
            "official statistics)."
        )
    )
    if data["seeds"]:
        console.print(safe(data["seeds"] + "."))
    if data.get("letters"):
        console.print(safe(data["letters"] + "."))
    for name in data.get("skipped") or []:
        console.print(safe(f"{name}: recognised, not read (the history holds what it says)", "dim"))
    disagreements = data["disagreements"]
    console.print(
        Text(f"\n{len(disagreements)} places where sources disagree (official values kept):")
    )
    for line in disagreements:
        console.print(safe(f"  {line}"))


def draw_update(console: Console, data: dict[str, Any]) -> None:
    """What a newer edition brought: new inspections, changed values, differences kept."""
    verb = "Would load" if data.get("dry_run") else "Loaded"
    console.print(
        safe(
            f"{verb} {data['edition']} ({data['source']}) into {data['db']}: "
            f"{len(data['new'])} new, {len({c['inspection'] for c in data['changed']})} changed, "
            f"{data['unchanged']} unchanged."
        )
    )
    if not data.get("official", True):
        console.print(
            safe(
                "  Not a known published Ofsted file, so credited to you: it adds and fills "
                "in, never overrules the official record.",
                "yellow",
            )
        )
    for ident in data["new"]:
        console.print(safe(f"  new      {ident}", "green"))
    for key, title, columns in (
        ("changed", "Changed", ("Inspection", "Field", "Was", "Now")),
        (
            "kept",
            "Differences kept (the data held is newer)",
            ("Inspection", "Field", "Held", "This edition"),
        ),
    ):
        if not data[key]:
            continue
        table = _table(title)
        for column in columns:
            table.add_column(column)
        for c in data[key]:
            table.add_row(safe(c["inspection"]), safe(c["field"]), safe(c["old"]), safe(c["new"]))
        console.print(table)


def draw_info(console: Console, data: dict[str, Any]) -> None:
    """The files in use, what they hold, and where the data came from."""
    for f in data["files"]:
        size = f"{f['size'] / 1e6:.2f} MB" if f["size"] is not None else "missing"
        console.print(
            safe(
                f"{f['layer']:8} {f['path']}  ({size}; {f['inspections']} inspections, "
                f"{f['documents']} documents)"
            )
        )
    if not data["paths"]["explicit"] and all(f["layer"] != "user" for f in data["files"]):
        console.print(safe(f"user     {data['paths']['user']}  (not created yet)", "dim"))
    authorities = data["authorities"]
    console.print(
        safe(
            f"{authorities['current']} current and {authorities['former']} former authorities; "
            f"{sum(r['count'] for r in data['inspections'])} inspections and visits "
            f"({data['provisional']} provisional); {data['documents']} documents; "
            f"newest publication {data['newest_published']}"
        )
    )
    meta = data.get("meta") or {}
    if meta.get("newest_official_edition"):
        console.print(
            safe(
                f"Edition: Ofsted's official statistics of {meta['newest_official_edition']} "
                f"(as at {meta.get('newest_official_as_at') or '?'}, reports published by "
                f"{meta.get('newest_official_publication') or '?'}); later ones provisional"
            )
        )
    if (data.get("data_age") or {}).get("stale"):
        from ofstedcli.freshness import stale_note

        console.print(safe(stale_note(data["data_age"]), "yellow"))
    table = _table("Inspections")
    table.add_column("Framework")
    table.add_column("Type")
    table.add_column("Count", justify="right")
    for row in data["inspections"]:
        table.add_row(safe(row["framework"]), safe(row["type"]), safe(row["count"]))
    console.print(table)
    console.print()
    console.print(
        safe("Sources (each file's URL and SHA-256, to fetch and rebuild the same)", "bold")
    )
    for src in data["sources"]:
        head = " · ".join(str(src[k]) for k in ("publisher", "published", "licence") if src.get(k))
        console.print(safe(f"{src.get('title') or src['id']}", "bold"))
        console.print(safe(f"  {src['id']}: {head}", "dim"))
        for key in ("file", "url", "sha256"):
            if src.get(key):
                console.print(safe(f"  {key} {src[key]}", "dim"), overflow="fold")


def draw_update_online(console: Console, data: dict[str, Any]) -> None:
    """What a catch-up found: the edition, the new reports and inspections, what failed."""
    for f in data["fetched"]:
        console.print(safe(f"{f['place']}: {f['status']}  {f['url']}", "dim"))
    if data["edition"] is not None:
        draw_update(console, data["edition"])
    reports = data["reports"]
    if reports:
        table = _table("New reports (provisional: dates and grades read from each report)")
        table.add_column("Inspection", overflow="fold")
        table.add_column("Published", no_wrap=True)
        table.add_column("Overall")
        table.add_column("Where D2I's index differs (the report is kept)")
        for r in reports:
            differs = "; ".join(
                f"{d['field']}: index {d['index']}, report {d['report']}"
                for d in r["disagreements"]
            )
            table.add_row(
                safe(r["inspection"] + ("" if r["new_inspection"] else " (held)")),
                safe(r["published"] or ""),
                safe(r["overall"] or "not given"),
                safe(differs, "yellow"),
            )
        console.print(table)
    for p in data["pending"]:
        console.print(safe(f"would fetch: {p['published']} {p['authority']}", "green"))
        console.print(safe(f"  {p['url']}", "dim"))
    failed = len(data["failed"])
    nothing = not (reports or data["pending"] or data["new"]["inspections"] or data["changed"])
    if nothing and not failed:
        console.print(safe("Nothing new: the database is up to date with the places checked."))
    else:
        console.print(
            safe(
                f"New: {len(data['new']['inspections'])} inspections, {len(reports)} reports; "
                f"changed: {len(data['changed'])} values; failed: {failed}"
                + (" (dry run: nothing stored)." if data["dry_run"] else ".")
            )
        )
    console.print(
        safe(f"{data['requests']} requests, {data['received']:,} bytes downloaded.", "dim")
    )
