"""Tiny databases in the project's schema, written by the tests themselves.

The rows are a handful of authorities chosen for the cases the resolver and the renderer must
get right (Leicester/Leicestershire, Hull/Solihull, the two Kingstons, Dorset old and new,
a succession), with a short invented-for-test inspection history.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ofstedcli import names, schema

OUT, G, RI, INAD = "Outstanding", "Good", "Requires improvement to be good", "Inadequate"

AUTHORITIES: list[dict[str, Any]] = [
    dict(
        ons_code="E06000016",
        dfe_code="856",
        ofsted_urn="80482",
        name="Leicester",
        region="East Midlands",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E10000018",
        dfe_code="855",
        ofsted_urn="80483",
        name="Leicestershire",
        region="East Midlands",
        type="County",
        status="current",
    ),
    dict(
        ons_code="E06000010",
        dfe_code="810",
        ofsted_urn="80477",
        name="Kingston upon Hull, City of",
        region="Yorkshire and the Humber",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E08000029",
        dfe_code="334",
        ofsted_urn="80554",
        name="Solihull",
        region="West Midlands",
        type="Metropolitan District",
        status="current",
    ),
    dict(
        ons_code="E09000021",
        dfe_code="314",
        ofsted_urn="80545",
        name="Kingston upon Thames",
        region="London",
        type="London Borough",
        status="current",
    ),
    dict(
        ons_code="E06000014",
        dfe_code="816",
        ofsted_urn="80453",
        name="York",
        region="Yorkshire and the Humber",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E06000065",
        dfe_code="815",
        ofsted_urn="80530",
        name="North Yorkshire",
        region="Yorkshire and the Humber",
        type="County",
        status="current",
    ),
    dict(
        ons_code="E06000049",
        dfe_code="895",
        ofsted_urn="80447",
        name="Cheshire East",
        region="North West",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E06000050",
        dfe_code="896",
        ofsted_urn="80448",
        name="Cheshire West and Chester",
        region="North West",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E06000022",
        dfe_code="800",
        ofsted_urn="80427",
        name="Bath and North East Somerset",
        region="South West",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E06000059",
        dfe_code="838",
        ofsted_urn="2532283",
        name="Dorset",
        region="South West",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E10000009",
        dfe_code="835",
        ofsted_urn=None,
        name="Dorset",
        region="South West",
        type="County",
        status="former",
    ),
    dict(
        ons_code="E10000021",
        dfe_code="928",
        ofsted_urn="121939",
        name="Northamptonshire",
        region="East Midlands",
        type="County",
        status="former",
    ),
    dict(
        ons_code="E06000061",
        dfe_code="940",
        ofsted_urn="2637539",
        name="North Northamptonshire",
        region="East Midlands",
        type="Unitary Authority",
        status="current",
    ),
    dict(
        ons_code="E06000062",
        dfe_code="941",
        ofsted_urn="2637548",
        name="West Northamptonshire",
        region="East Midlands",
        type="Unitary Authority",
        status="current",
    ),
]

EXTRA_ALIASES = [
    ("Hull", "E06000010", "also_known_as"),
    ("Kingston Upon Hull", "E06000010", "also_known_as"),
    ("E10000023", "E06000065", "code"),
    ("bathnes", "E06000022", "domain"),
]

SUCCESSIONS = [
    ("E10000021", "E06000061", "2021-04-01"),
    ("E10000021", "E06000062", "2021-04-01"),
    ("E10000009", "E06000059", "2019-04-01"),
]


def _insp(
    code: str,
    framework: str,
    type_: str,
    start: str | None,
    published: str | None,
    overall: str | None,
    theme: str | None = None,
    provisional: bool = False,
    **judgements: str,
) -> dict[str, Any]:
    key = published or start or ""
    return {
        "id": f"{code}-{framework.lower()}-{type_.replace(' ', '-')}-{key}",
        "authority": code,
        "framework": framework,
        "type": type_,
        "start_date": start,
        "end_date": None,
        "published": published,
        "overall": overall,
        "lead_inspector": None,
        "theme": theme,
        "report_url": None,
        "provisional": int(provisional),
        "source": "test",
        "judgements": judgements,
    }


INSPECTIONS = [
    _insp(
        "E06000016", "SLAC", "inspection", None, "2012-03-02", None, safeguarding=RI, looked_after=G
    ),
    _insp(
        "E06000016",
        "SIF",
        "inspection",
        None,
        "2015-03-20",
        INAD,
        leadership=INAD,
        help_and_protection=INAD,
        in_care=INAD,
        adoption=RI,
        care_leavers=RI,
        lscb=INAD,
    ),
    _insp(
        "E06000016",
        "SIF",
        "re-inspection",
        None,
        "2017-09-04",
        RI,
        leadership=G,
        help_and_protection=RI,
        in_care=RI,
        adoption=G,
        care_leavers=RI,
    ),
    _insp(
        "E06000016", "ILACS", "focused visit", "2019-01-15", "2019-02-20", None, theme="Front door"
    ),
    _insp(
        "E06000016",
        "ILACS",
        "standard inspection",
        "2021-09-20",
        "2021-11-12",
        G,
        leadership=G,
        help_and_protection=G,
        in_care=G,
    ),
    _insp(
        "E06000016",
        "ILACS",
        "short inspection",
        "2024-09-23",
        "2025-01-29",
        RI,
        leadership=RI,
        help_and_protection=RI,
        in_care=G,
        care_leavers=RI,
    ),
    _insp("E10000018", "SIF", "inspection", None, "2017-01-20", RI, leadership=RI),
    _insp(
        "E10000018",
        "ILACS",
        "standard inspection",
        "2019-09-30",
        "2019-11-22",
        RI,
        leadership=RI,
        help_and_protection=RI,
        in_care=RI,
    ),
    _insp(
        "E10000018",
        "ILACS",
        "standard inspection",
        "2024-04-15",
        "2024-06-20",
        OUT,
        leadership=OUT,
        help_and_protection=G,
        in_care=OUT,
        care_leavers=OUT,
    ),
    _insp(
        "E06000010",
        "ILACS",
        "standard inspection",
        "2026-03-02",
        "2026-05-18",
        G,
        provisional=True,
        leadership=OUT,
    ),
    _insp(
        "E08000029",
        "ILACS",
        "standard inspection",
        "2019-01-07",
        "2019-03-01",
        INAD,
        leadership=INAD,
    ),
    _insp(
        "E10000021", "ILACS", "standard inspection", "2019-07-29", "2019-09-16", INAD, leadership=RI
    ),
    _insp(
        "E06000061",
        "ILACS",
        "standard inspection",
        "2026-05-11",
        "2026-07-07",
        None,
        provisional=True,
        leadership=OUT,
        help_and_protection=G,
    ),
]

DOCUMENTS = [
    {
        "id": "aaaaaaaaaaaa",
        "authority": "E06000016",
        "kind": "ministerial_letter",
        "date": "2021-11-22",
        "title": "Letter from the minister [bold]x[/bold]",
        "sender_name": "A Minister MP",
        "sender_org": "Department for Education",
        "recipient_name": "The Mayor",
        "recipient_org": "Leicester City Council",
        "inspection": "E06000016-ilacs-standard-inspection-2021-11-12",
        "source": "test",
    },
]


def insert_inspection(conn: sqlite3.Connection, insp: dict[str, Any]) -> None:
    """One inspection row (its judgements are the caller's)."""
    row = {k: v for k, v in insp.items() if k != "judgements"}
    conn.execute(
        f"INSERT INTO inspections ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


def _add_authorities(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Insert authorities, each with its name as an alias."""
    for a in rows:
        conn.execute(
            "INSERT INTO authorities (ons_code, dfe_code, ofsted_urn, name, region, type, status,"
            " source) VALUES (:ons_code, :dfe_code, :ofsted_urn, :name, :region, :type, :status,"
            " 'test')",
            a,
        )
        conn.execute(
            "INSERT OR IGNORE INTO aliases (alias, norm, authority, kind) VALUES (?, ?, ?, 'name')",
            (a["name"], names.normalise(a["name"]), a["ons_code"]),
        )


def make_db(path: Path) -> Path:
    """Write the tiny database to ``path`` and return it."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn)
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO sources (id, title, publisher, licence) "
        "VALUES ('test', 'Test fixture', 'ofsted tests', 'MIT')"
    )
    _add_authorities(conn, AUTHORITIES)
    for alias, code, kind in EXTRA_ALIASES:
        conn.execute(
            "INSERT OR IGNORE INTO aliases (alias, norm, authority, kind) VALUES (?, ?, ?, ?)",
            (alias, names.normalise(alias), code, kind),
        )
    conn.executemany(
        "INSERT INTO successions (predecessor, successor, date) VALUES (?, ?, ?)", SUCCESSIONS
    )
    for insp in INSPECTIONS:
        insert_inspection(conn, insp)
        for area, grade in insp["judgements"].items():
            conn.execute(
                "INSERT INTO judgements (inspection, area, grade, wording) VALUES (?, ?, ?, ?)",
                (insp["id"], area, grade, area.replace("_", " ")),
            )
    for doc in DOCUMENTS:
        conn.execute(
            f"INSERT INTO documents ({', '.join(doc)}) VALUES ({', '.join('?' * len(doc))})",
            list(doc.values()),
        )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('newest_official_publication', '2025-06-30')"
    )
    conn.execute("COMMIT")
    conn.close()
    return path


def _authority(code: str, name: str, type_: str) -> dict[str, Any]:
    return dict(
        ons_code=code,
        dfe_code=None,
        ofsted_urn=None,
        name=name,
        region=None,
        type=type_,
        status="current",
    )


#: Authorities whose names are a letter or two from a district council's (Boston/Bolton),
#: and the counties of those districts.
NEAR_DISTRICTS = [
    _authority("E08000001", "Bolton", "Metropolitan District"),
    _authority("E08000035", "Leeds", "Metropolitan District"),
    _authority("E08000003", "Manchester", "Metropolitan District"),
    _authority("E08000009", "Trafford", "Metropolitan District"),
    _authority("E09000015", "Harrow", "London Borough"),
    _authority("E09000024", "Merton", "London Borough"),
    _authority("E08000018", "Rotherham", "Metropolitan District"),
    _authority("E06000041", "Wokingham", "Unitary Authority"),
    _authority("E08000016", "Barnsley", "Metropolitan District"),
    _authority("E06000024", "North Somerset", "Unitary Authority"),
    _authority("E06000066", "Somerset", "Unitary Authority"),
    _authority("E10000019", "Lincolnshire", "County"),
    _authority("E10000011", "East Sussex", "County"),
    _authority("E10000014", "Hampshire", "County"),
    _authority("E10000028", "Staffordshire", "County"),
    _authority("E10000012", "Essex", "County"),
    _authority("E10000030", "Surrey", "County"),
    _authority("E10000017", "Lancashire", "County"),
]

#: Shire district councils (ONS code, name, the county council's code) and the authority
#: fuzzy matching used to make of each.
DISTRICTS = [
    ("E07000136", "Boston", "E10000019", "Bolton"),
    ("E07000063", "Lewes", "E10000011", "Leeds"),
    ("E07000094", "Winchester", "E10000014", "Manchester"),
    ("E07000197", "Stafford", "E10000028", "Trafford"),
    ("E07000073", "Harlow", "E10000012", "Harrow"),
    ("E07000133", "Melton", "E10000018", "Merton"),
    ("E07000064", "Rother", "E10000011", "Rotherham"),
    ("E07000217", "Woking", "E10000030", "Wokingham"),
    ("E07000117", "Burnley", "E10000017", "Barnsley"),
]


def make_district_db(path: Path, *, county: bool = False) -> Path:
    """The tiny database plus the authorities of :data:`NEAR_DISTRICTS` and a ``districts``
    table of :data:`DISTRICTS` (with a ``county`` column only when asked: the bundled
    table has none, having no source for it)."""
    make_db(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    _add_authorities(conn, NEAR_DISTRICTS)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS districts (ons_code TEXT PRIMARY KEY, name TEXT NOT NULL, "
        "norm TEXT NOT NULL, lat REAL, long REAL, source TEXT)"
    )
    if county:
        conn.execute("ALTER TABLE districts ADD COLUMN county TEXT")
    for code, name, county_code, _ in DISTRICTS:
        conn.execute(
            "INSERT INTO districts (ons_code, name, norm, source) VALUES (?, ?, ?, 'test')",
            (code, name, names.normalise(name)),
        )
        if county:
            conn.execute("UPDATE districts SET county = ? WHERE ons_code = ?", (county_code, code))
    conn.execute("COMMIT")
    conn.close()
    return path


#: Area SEND events (invented for tests) for the ``due`` tests: Leicester's 2023-framework
#: full inspection with outcome 2 and the next inspection the report states, and York's
#: 2016-framework inspection only.
SEND_EVENTS: list[dict[str, Any]] = [
    {
        **_insp("E06000016", "SEND", "full inspection", "2024-02-05", "2024-04-12", None),
        "outcome_level": 2,
        "next_inspection": "2027-02-05",
        "next_interval": "3 years",
    },
    {**_insp("E06000014", "SEND", "inspection", "2018-03-05", "2018-05-01", None)},
]


def make_send_db(path: Path) -> Path:
    """The tiny database plus :data:`SEND_EVENTS` (in the SEND columns of main's schema)."""
    make_db(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for event in SEND_EVENTS:
        insert_inspection(conn, event)
    conn.execute("COMMIT")
    conn.close()
    return path
