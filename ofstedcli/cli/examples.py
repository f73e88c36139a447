"""Examples and the meaning of values, added under each command's one-line help."""

#: The marks every table uses.
MARKS = (
    "Grades: O Outstanding, G Good, RI Requires improvement to be good,\n"
    "I Inadequate; 'none': the inspection gave no overall judgement (ILACS from\n"
    "April 2026); * provisional (published after the newest official statistics);\n"
    "† a predecessor's inspection; ▲ ▼ = against the previous overall grade.\n"
    "Dates shown are publication dates."
)

EXAMPLES: dict[str, str] = {
    "show": """ofsted show leicester
ofsted show E06000016 --since 2021 --no-visits
ofsted show "north yorkshire" --json | jq .current""",
    "compare": """ofsted compare leicester leicestershire nottingham
ofsted compare buckinghamshire cumberland --since 2015 --framework sif,ilacs""",
    "list": """ofsted list --region yorkshire --sort -date
ofsted list --grade inadequate --format csv
ofsted list --format xlsx --output authorities.xlsx""",
    "inspections": """ofsted inspections --grade inadequate --since 2024
ofsted inspections -a leicester --framework ilacs --by inspected
ofsted inspections --region midlands --type "focused visit" --format csv""",
    "stats": """ofsted stats
ofsted stats --as-at 2025-03-31 --by type""",
    "neighbours": """ofsted neighbours leicester
ofsted neighbours york --format csv""",
    "transitions": """ofsted transitions --since 2018 --framework ilacs
ofsted transitions --json | jq .matrix""",
    "movers": """ofsted movers --since 2023
ofsted movers --since 2020 --until 2023-12 --format xlsx -o movers.xlsx""",
    "recent": """ofsted recent --days 90
ofsted recent --since 2026-06 --format ndjson""",
    "chart": """ofsted chart leicester leicestershire
ofsted chart --region "east midlands" --since 2015""",
    "ingest": """ofsted ingest letters/
ofsted ingest report.pdf --dry-run --json
ofsted ingest page.txt --url https://news.leicester.gov.uk/news/ofsted""",
    "letters": """ofsted letters leicester
ofsted letters --kind ministerial --since 2020 --until 2022""",
    "letter": """ofsted letter 4162bcd9
ofsted letter 4162 --json | jq .facts""",
    "search": """ofsted search "front door"
ofsted search "care leavers" --authority york --since 2022""",
}

#: Commands whose tables use the grade marks.
MARKED = {"show", "compare", "list", "inspections", "neighbours", "movers", "recent"}


def help_for(name: str, summary: str | None) -> str | None:
    """The command's help: its summary, examples, and for tables the meaning of the marks."""
    if name not in EXAMPLES:
        return summary
    lines = "\n".join(f"  {line}" for line in EXAMPLES[name].splitlines())
    text = f"{(summary or '').strip()}\n\n\b\nExamples:\n{lines}"
    if name in MARKED:
        text += f"\n\n\b\n{MARKS}"
    return text
