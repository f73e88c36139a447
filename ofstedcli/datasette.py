"""Metadata for publishing the database with Datasette: titles, descriptions, sources, licence.

``datasette inspections.db -m metadata.json`` then shows each table with a description, the
inspections with authority names (the authorities' ``name`` is their label), a search box on
the documents (``documents_fts`` is an external-content index over them), and the
bookkeeping tables (``_migrations``, the index) out of the way.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ofstedcli.store import Store

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
SOURCE = "Ofsted official statistics and D2I index"
OFSTED_URL = "https://www.gov.uk/government/organisations/ofsted/about/statistics"

#: table -> (title, description) for every table a visitor sees.
TABLES: dict[str, tuple[str, str]] = {
    "authorities": (
        "Local authorities",
        "English local authorities with children's services, current and former, with "
        "ONS and DfE codes, region and type.",
    ),
    "inspections": (
        "Inspections",
        "Every Ofsted inspection and visit of an authority's children's services (SLAC, SIF, "
        "ILACS) and every area SEND inspection, with the overall grade where there is one. "
        "Provisional rows were published after the newest official statistics.",
    ),
    "judgements": (
        "Sub-judgements",
        "The graded judgements within each inspection (leadership, help and protection, "
        "children in care, care leavers, adoption, LSCB).",
    ),
    "latest_judgements": (
        "Latest judgements",
        "Each current authority's latest children's services inspection with its "
        "sub-judgements, provisional flag and report link.",
    ),
    "timeline": ("Timeline", "Every inspection with the authority's name, oldest first."),
    "documents": (
        "Documents",
        "Reports, letters and other documents about the inspections: search their text.",
    ),
    "facts": (
        "Facts read from documents",
        "What was read from each document, with the words it was read from.",
    ),
    "disagreements": (
        "Disagreements",
        "Where a source disagrees with the official record, both values and their sources.",
    ),
    "aliases": ("Names", "The names and codes an authority is known by."),
    "successions": ("Successions", "Authorities replaced by others (reorganisations)."),
    "neighbours": (
        "Statistical neighbours",
        "DfE's statistical neighbours of each authority, closest first, per model year.",
    ),
    "districts": (
        "District councils",
        "England's shire districts: not children's services authorities themselves.",
    ),
    "sources": ("Sources", "Every file the data was built from, with publisher and licence."),
    "meta": ("Build facts", "Newest publication dates and schema version of this database."),
}

#: column descriptions that are not obvious from the name.
COLUMNS: dict[str, dict[str, str]] = {
    "inspections": {
        "authority": "ONS code of the authority (shown with its name)",
        "framework": "SLAC, SIF, ILACS or SEND",
        "start_date": "First day of the inspection",
        "published": "Date the report was published",
        "overall": "Overall effectiveness grade (none for visits, SEND and some inspections)",
        "provisional": "1 if published after the newest official statistics",
        "report_url": "Ofsted's page for the report",
        "source": "Source file the row came from (see sources)",
    },
    "latest_judgements": {
        "overall": "Overall effectiveness",
        "provisional": "1 if published after the newest official statistics",
        "report_url": "Ofsted's page for the report",
    },
}

#: tables a visitor need not see first (listed under "hidden tables").
HIDDEN = ("_migrations", "documents_fts")


def metadata(store: Store, database: str) -> dict[str, Any]:
    """Datasette metadata for the database named ``database`` (its file name without .db)."""
    sources = store.sources()
    newest = store.newest_published()
    listed = "".join(
        f'<li><a href="{escape(s["url"])}">{escape(s["title"])}</a> '
        f"({escape(s['publisher'])}; {escape(s.get('licence') or 'licence not stated')})</li>"
        if s.get("url")
        else f"<li>{escape(s['title'])} ({escape(s['publisher'])})</li>"
        for s in sources
    )
    statistics = [s for s in sources if "/statistics/" in str(s.get("url"))]
    newest_statistics = statistics[-1]["url"] if statistics else OFSTED_URL
    tables: dict[str, Any] = {}
    for table, (title, description) in TABLES.items():
        tables[table] = {"title": title, "description": description}
        if table in COLUMNS:
            tables[table]["columns"] = COLUMNS[table]
    tables["authorities"]["label_column"] = "name"
    tables["sources"]["label_column"] = "title"
    tables["documents"]["label_column"] = "title"
    if _external_index(store):  # an older file's index has rowids of its own: no search there
        tables["documents"]["fts_table"] = "documents_fts"
    tables["inspections"].update(
        {"facets": ["framework", "type", "overall"], "sort_desc": "published"}
    )
    for table in HIDDEN:
        tables[table] = {"hidden": True}
    return {
        "title": "Ofsted inspections of children's services",
        "description_html": (
            "<p>How Ofsted has judged each English council's children's services and SEND "
            f"area{f', with data to {escape(newest)}' if newest else ''}.</p>"
            f"<p>Built by <code>ofsted</code> from these sources:</p><ul>{listed}</ul>"
        ),
        "license": OGL,
        "license_url": OGL_URL,
        "source": SOURCE,
        "source_url": newest_statistics,
        "databases": {database: {"tables": tables}},
    }


def _external_index(store: Store) -> bool:
    """Whether the described file's document index reads ``documents`` (m003 and later)."""
    schema = store.schema(store.layers[0])
    found = store.rows(f"SELECT sql FROM {schema}.sqlite_master WHERE name = 'documents_fts'")
    return bool(found) and 'content="documents"' in str(found[0][0])
