"""Tiny source files in the official layouts, written by the tests themselves.

``write_ods`` writes a minimal OpenDocument spreadsheet (a zip holding ``content.xml``);
``write_sources`` lays out a whole sources directory: the 2023 underlying data, the 2025
outcomes edition, the DfE list and the two D2I files, for a handful of authorities chosen
for the cases the build must get right (a recoded council, a succession, an authority split
by date, an ONS code only D2I uses).  Grades and dates are invented for the tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

OUT, GOOD, RI, INAD = "Outstanding", "Good", "Requires improvement to be good", "Inadequate"

Sheet = Sequence[Sequence[Any]]

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _cell(value: Any) -> str:
    """One table cell: a date, a number or a string."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
    return (
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
        "</table:table-cell>"
    )


def write_ods(path: Path, sheets: dict[str, Sheet]) -> Path:
    """Write a minimal .ods file with the given sheets of rows."""
    body = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(_cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    # Fixed timestamps: the same sheets make the same bytes (sources are checksummed).
    with zipfile.ZipFile(path, "w") as z:
        for name, data in (
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", _MANIFEST),
            (
                "content.xml",
                _HEAD + body + "</office:spreadsheet></office:body></office:document-content>",
            ),
        ):
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
    return path


def write_csv(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    """Write dict rows as a CSV file with a header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def d(text: str) -> dt.date:
    """A date from ISO text."""
    return dt.date.fromisoformat(text)


def cover(title: str, area: str, published: str, covered: str) -> list[list[Any]]:
    """A cover sheet in the official form."""
    return [
        [title, ""],
        ["Section", "Detail"],
        ["Policy area:", area],
        ["Published on:", d(published)],
        ["Period covered:", covered],
    ]


W = "Ofsted page"  # the web-link column's text

#: The 2023 underlying data: the wide history, in-year visits and latest judgements.
HISTORY_2023_HEADER = [
    "Web link",
    "Local authority name",
    "LA region",
    "LA Authority Type",
    "SLAC publication date",
    "SLAC safeguarding overall effectiveness",
    "SLAC looked after children overall effectiveness",
    "SLAC re-inspection of safeguarding publication date",
    "SLAC re-inspection safeguarding OE",
    "Child Protection Inspections (CPI) publication date",
    "CPI overall effectiveness",
    "First SIF publication date",
    "First SIF overall effectiveness",
    "First SIF children who need help and protection",
    "First SIF leadership, management and governance",
    "LSCB overall effectiveness",
    "SIF re-inspection publication date",
    "SIF re-inspection overall effectiveness",
    "SIF re-inspection leadership, management and governance",
    "First ILACS inspection type",
    "First ILACS publication date",
    "First ILACS overall effectiveness",
    "First ILACS impact of leaders",
]


def history_2023() -> list[list[Any]]:
    """The wide history sheet: current authorities, then those that no longer exist."""
    blank_sif_re = ["", "", ""]
    return [
        ["Inspections of local authorities, 2009 to 2023 (test)"],
        [],
        HISTORY_2023_HEADER,
        [
            W,
            "Leicester",
            "East Midlands",
            "Unitary",
            d("2012-01-25"),
            RI,
            GOOD,
            "",
            "",
            "",
            "",
            d("2015-03-20"),
            INAD,
            INAD,
            INAD,
            INAD,
            d("2017-09-04"),
            RI,
            GOOD,
            "ILACS Standard Inspection",
            d("2021-11-12"),
            GOOD,
            GOOD,
        ],
        [
            W,
            "Bournemouth, Christchurch and Poole",
            "South West",
            "Unitary",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            *blank_sif_re,
            "ILACS Standard Inspection",
            d("2022-02-11"),
            INAD,
            INAD,
        ],
        [
            W,
            "Dorset",
            "South West",
            "Unitary",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            *blank_sif_re,
            "ILACS Standard Inspection",
            d("2021-11-19"),
            GOOD,
            OUT,
        ],
        [
            W,
            "North Yorkshire",
            "North East",
            "Shire County",
            d("2009-10-23"),
            RI,
            GOOD,
            "",
            "",
            d("2012-11-09"),
            RI,
            d("2014-06-30"),
            GOOD,
            GOOD,
            GOOD,
            GOOD,
            *blank_sif_re,
            "ILACS Short Inspection",
            d("2018-08-06"),
            OUT,
            OUT,
        ],
        [
            W,
            "Barnsley",
            "North East",
            "Metropolitan District",
            d("2012-08-10"),
            INAD,
            RI,
            d("2013-09-10"),
            GOOD,
            "",
            "",
            d("2014-08-08"),
            RI,
            RI,
            RI,
            RI,
            *blank_sif_re,
            "ILACS Standard Inspection",
            d("2018-11-19"),
            GOOD,
            GOOD,
        ],
        [],
        ["Table 2: authorities that no longer exist"],
        HISTORY_2023_HEADER,
        [
            W,
            "Bournemouth",
            "South West",
            "Unitary",
            d("2011-04-08"),
            GOOD,
            GOOD,
            "",
            "",
            "",
            "",
            d("2014-06-30"),
            RI,
            RI,
            RI,
            RI,
            *blank_sif_re,
            "ILACS Standard Inspection",
            d("2018-08-24"),
            RI,
            INAD,
        ],
        [
            W,
            "Dorset",
            "South West",
            "Shire County",
            d("2011-10-28"),
            GOOD,
            GOOD,
            "",
            "",
            "",
            "",
            d("2016-05-23"),
            RI,
            RI,
            RI,
            INAD,
            *blank_sif_re,
            "",
            "",
            "",
            "",
        ],
    ]


IN_YEAR_HEADER = [
    "Web link",
    "Local authority name",
    "Ofsted region",
    "Inspection/Visit date",
    "Inspection/Visit type",
    "Overall effectiveness",
    "Impact of leaders",
    "Visit Theme",
]
LATEST_HEADER = [
    "Web link",
    "Local authority name",
    "Ofsted region",
    "Inspection date",
    "Overall effectiveness",
    "Impact of leaders",
]


def underlying_2023() -> dict[str, Sheet]:
    """Every sheet of the 2023 underlying data the build reads."""
    return {
        "Cover": cover(
            "Cover sheet - Official statistics",
            "Children's social care 2023 (test)",
            "2023-07-06",
            "As at 31 March 2023, published by 30 April 2023",
        ),
        "LA_level_at_31_Mar_2023": [
            ["Latest judgements (test)"],
            LATEST_HEADER,
            [W, "Leicester", "East Midlands", d("2021-09-20"), GOOD, GOOD],
            [W, "Barnsley", "North East", d("2018-10-08"), GOOD, GOOD],
        ],
        "LA_level_in_year_2022-23": [
            ["In-year (test)"],
            IN_YEAR_HEADER,
            [
                W,
                "Leicester",
                "East Midlands",
                d("2022-06-01"),
                "ILACS Focused Visit",
                "",
                "",
                "Front door",
            ],
            [
                W,
                "Bournemouth, Christchurch and Poole",
                "South West",
                d("2022-10-04"),
                "LA Monitoring visit",
                "",
                "",
                "Children in need",
            ],
        ],
        "LA_inspections_2009-2023": history_2023(),
    }


HISTORY_2025_HEADER = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    "Overall effectiveness",
    "The impact of leaders",
    "The experiences and progress of care leavers",
]


def outcomes_2025() -> dict[str, Sheet]:
    """Every sheet of the 2025 outcomes edition the build reads."""

    def row(code: str, name: str, start: str, pub: str, kind: str, *grades: str) -> list[Any]:
        return [W, code, name, "Current", "Region", d(start), d(pub), kind, *grades]

    return {
        "Cover": cover(
            "Local authority inspection outcomes as at 31 March 2025 (test)",
            "Local authority inspection outcomes",
            "2025-09-25",
            "Inspections as at 31 March 2025, with a report published by 30 June 2025",
        ),
        "Inspections_as_at_31_March": [
            ["Latest (test)"],
            [
                "Web link",
                "Local authority area code",
                "Local authority name",
                "Ofsted region",
                "Inspection date",
                "Publication date",
                "Overall effectiveness",
            ],
            [W, "E06000016", "Leicester", "East Midlands", d("2024-09-23"), d("2025-01-29"), RI],
        ],
        "In-year_inspections": [
            ["In-year 2024-25 (test)"],
            [
                "Web link",
                "Local authority area code",
                "Local authority name",
                "Region",
                "Inspection/Visit date",
                "Publication date",
                "Inspection/Visit type",
                "Overall effectiveness",
                "Visit Theme",
            ],
            [
                W,
                "E06000016",
                "Leicester",
                "East Midlands",
                d("2024-09-23"),
                d("2025-01-29"),
                "ILACS Short Inspection",
                RI,
                "",
            ],
            [
                W,
                "E06000065",
                "North Yorkshire",
                "North East",
                d("2024-11-05"),
                d("2024-12-05"),
                "ILACS Focused Visit",
                "",
                "Children in care",
            ],
        ],
        "ILACS_inspection_history": [
            ["ILACS history (test)"],
            HISTORY_2025_HEADER,
            row(
                "E06000016",
                "Leicester",
                "2021-09-20",
                "2021-11-12",
                "ILACS Standard Inspection",
                GOOD,
                GOOD,
                "",
            ),
            row(
                "E06000016",
                "Leicester",
                "2024-09-23",
                "2025-01-29",
                "ILACS Short Inspection",
                RI,
                RI,
                RI,
            ),
            row(
                "E06000058",
                "Bournemouth, Christchurch & Poole",
                "2021-12-06",
                "2022-02-11",
                "ILACS Standard Inspection",
                INAD,
                INAD,
                "",
            ),
            row(
                "E06000059",
                "Dorset",
                "2021-09-27",
                "2021-11-19",
                "ILACS Standard Inspection",
                GOOD,
                OUT,
                "",
            ),
            row(
                "E06000065",
                "North Yorkshire",
                "2018-07-02",
                "2018-08-06",
                "ILACS Short Inspection",
                OUT,
                OUT,
                "",
            ),
            row(
                "E08000016",
                "Barnsley",
                "2018-10-08",
                "2018-11-19",
                "ILACS Standard Inspection",
                GOOD,
                GOOD,
                "",
            ),
            [
                W,
                "E06000028",
                "Bournemouth",
                "No longer exists",
                "Region",
                d("2018-07-16"),
                d("2018-08-24"),
                "ILACS Standard Inspection",
                RI,
                INAD,
                "",
            ],
        ],
    }


def outcomes_2024() -> dict[str, Sheet]:
    """The sheets of a 2024-layout outcomes edition (wide ILACS history, no ONS codes)."""
    header = [
        "Web link",
        "Local authority name",
        "LA region",
        "First ILACS publication date",
        "First ILACS inspection type",
        "First ILACS overall effectiveness",
        "First ILACS impact of leaders",
        "Second ILACS publication date",
        "Second ILACS inspection type",
        "Second ILACS overall effectiveness",
        "Second ILACS impact of leaders",
    ]
    return {
        "Cover": cover(
            "Local authority inspection outcomes as at 31 March 2024 (test)",
            "Local authority inspection outcomes",
            "2024-08-30",
            "Inspections as at 31 March 2024, with a report published by 30 June 2024",
        ),
        "Inspections_31_March_2024": [
            ["Latest (test)"],
            LATEST_HEADER,
            [W, "Leicester", "East Midlands", d("2021-09-20"), GOOD, GOOD],
            [W, "Barnsley", "North East", d("2023-09-11"), GOOD, OUT],
        ],
        "Inspections_in_year_2023-24": [
            ["In-year 2023-24 (test)"],
            IN_YEAR_HEADER,
            [W, "Barnsley", "North East", d("2023-09-11"), "ILACS Short Inspection", GOOD, OUT, ""],
            [
                W,
                "Leicester",
                "East Midlands",
                d("2023-05-02"),
                "LA Monitoring visit",
                "",
                "",
                "Care leavers",
            ],
        ],
        "ILACS_inspections_2018-2024": [
            ["ILACS 2018-2024 (test)"],
            header,
            [
                W,
                "Leicester",
                "East Midlands",
                d("2021-11-12"),
                "ILACS Standard Inspection",
                GOOD,
                GOOD,
                "",
                "",
                "",
                "",
            ],
            [
                W,
                "Barnsley",
                "North East",
                d("2018-11-19"),
                "ILACS Standard Inspection",
                GOOD,
                GOOD,
                d("2023-10-27"),
                "ILACS Short Inspection",
                GOOD,
                OUT,
            ],
            [],
            [
                "",
                "Local authority name",
                "LA region",
                "ILACS framework publication date",
                "ILACS framework inspection type",
                "ILACS framework overall effectiveness",
                "ILACS framework impact of leaders",
            ],
            [
                "",
                "Bournemouth",
                "South West",
                d("2018-08-24"),
                "ILACS Standard Inspection",
                RI,
                INAD,
            ],
        ],
    }


def dfe_rows() -> list[dict[str, Any]]:
    """The DfE list, reporting years 2018 to 2025, with national and regional rows too."""
    spans = [
        ("856", "E06000016", "Leicester", "E12000004", "East Midlands", 2018, 2025),
        ("837", "E06000028", "Bournemouth", "E12000009", "South West", 2018, 2019),
        ("835", "E10000009", "Dorset", "E12000009", "South West", 2018, 2019),
        (
            "839",
            "E06000058",
            "Bournemouth, Christchurch and Poole",
            "E12000009",
            "South West",
            2020,
            2025,
        ),
        ("838", "E06000059", "Dorset", "E12000009", "South West", 2020, 2025),
        (
            "815",
            "E10000023",
            "North Yorkshire",
            "E12000003",
            "Yorkshire and The Humber",
            2018,
            2023,
        ),
        (
            "815",
            "E06000065",
            "North Yorkshire",
            "E12000003",
            "Yorkshire and The Humber",
            2024,
            2025,
        ),
        ("370", "E08000016", "Barnsley", "E12000003", "Yorkshire and The Humber", 2018, 2025),
    ]
    base = {
        "time_identifier": "Reporting year",
        "country_code": "E92000001",
        "country_name": "England",
        "category": "Children in Need",
        "At31_episodes": "10",
    }
    rows = [
        {
            "time_period": "2025",
            "geographic_level": "National",
            "region_code": "",
            "region_name": "",
            "old_la_code": "",
            "new_la_code": "",
            "la_name": "",
            **base,
        }
    ]
    for dfe, ons, name, rcode, rname, first, last in spans:
        for year in range(first, last + 1):
            rows.append(
                {
                    "time_period": str(year),
                    "geographic_level": "Local authority",
                    "region_code": rcode,
                    "region_name": rname,
                    "old_la_code": dfe,
                    "new_la_code": ons,
                    "la_name": name,
                    **base,
                }
            )
    return rows


def lookup_rows() -> list[dict[str, Any]]:
    """The D2I lookup: current authorities, Barnsley under its newer ONS code."""

    def row(
        urn: str,
        dfe: str,
        ons: str,
        name: str,
        known: str,
        region: str,
        domain: str,
        kind: str,
        neighbours: str,
    ) -> dict[str, Any]:
        return {
            "urn": urn,
            "la_code": dfe,
            "la_code_new": ons,
            "stat_neighbours": neighbours,
            "stat_neighbours_la_code": "",
            "stat_neighbours_previous": "",
            "local_authority_ons_name": name,
            "also_known_as": known,
            "region_code": "",
            "region_name": region,
            "domain": domain,
            "ofsted_ilacs_scrape_la_name": "",
            "rgn22cd": "",
            "rgn22nm": "",
            "ltla23nm": name,
            "ltla23nmw": "",
            "utla23nm": name,
            "country": "England",
            "ons_population_0-25": "1",
            "ons_la_type": kind,
        }

    return [
        row(
            "80482",
            "856",
            "E06000016",
            "Leicester",
            "",
            "East Midlands",
            "leicester.gov.uk",
            "Unitary Authority",
            "370, 839",
        ),
        row(
            "2532287",
            "839",
            "E06000058",
            "Bournemouth, Christchurch and Poole",
            "[BCP, Bournemouth, Christchurch & Poole]",
            "South West",
            "bcpcouncil.gov.uk",
            "Unitary Authority",
            "838, 856",
        ),
        row(
            "2532283",
            "838",
            "E06000059",
            "Dorset",
            "",
            "South West",
            "dorsetcouncil.gov.uk",
            "Unitary Authority",
            "839",
        ),
        row(
            "80530",
            "815",
            "E06000065",
            "North Yorkshire",
            "",
            "Yorkshire and the Humber",
            "northyorks.gov.uk",
            "County",
            "370",
        ),
        row(
            "80426",
            "370",
            "E08000038",
            "Barnsley",
            "",
            "Yorkshire and the Humber",
            "barnsley.gov.uk",
            "Metropolitan District",
            "815, 856",
        ),
    ]


def history_rows() -> list[dict[str, Any]]:
    """The D2I report index: links and inspectors for official inspections, one newer one."""

    def row(
        urn: str,
        la: str,
        link: str,
        pub: str,
        kind: str,
        lead: str,
        start: str,
        end: str,
        overall: str,
        leaders: str,
        care_leavers: str = "inspection_pre_dates_judgement",
    ) -> dict[str, Any]:
        return {
            "urn": urn,
            "local_authority": la,
            "inspection_link": link,
            "pdf_filename": "children's services inspection.pdf",
            "publication_date": pub,
            "inspection_framework": kind,
            "inspector_name": lead,
            "inspection_start_date": start,
            "inspection_end_date": end,
            "overall_effectiveness_grade": overall,
            "impact_of_leaders_grade": leaders,
            "help_and_protection_grade": "data_unreadable",
            "in_care_grade": "data_unreadable",
            "care_leavers_grade": care_leavers,
            "parser_version": "1",
        }

    return [
        # Leicester 2021: link, inspector and end date; the grade agrees.
        row(
            "80482",
            "leicester",
            "https://example.test/r/1",
            "12/11/21",
            "standard",
            "A Lead",
            "20/09/2021",
            "01/10/2021",
            "good",
            "good",
        ),
        # Leicester 2025: the scraper reads leaders as good; the official RI wins.
        row(
            "80482",
            "leicester",
            "https://example.test/r/2",
            "29/01/25",
            "short",
            "B Lead",
            "23/09/2024",
            "27/09/2024",
            "requires improvement",
            "good",
            "requires improvement",
        ),
        # Leicester SIF 2015: a link only, published a day later than Ofsted's date.
        row(
            "80482",
            "leicester",
            "https://example.test/r/0",
            "21/03/15",
            "",
            "",
            "",
            "",
            "",
            "data_unreadable",
            "data_unreadable",
        ),
        # Barnsley after the newest edition: provisional, no overall judgement (post-reform).
        row(
            "80426",
            "barnsley",
            "https://example.test/r/3",
            "07/07/26",
            "standard",
            "C Lead",
            "11/05/2026",
            "22/05/2026",
            "not_reported_post_reform",
            "outstanding",
            "good",
        ),
        # BCP before the newest edition but unknown to the statistics: listed, not added.
        row(
            "2532287",
            "bournemouth, christchurch & poole",
            "https://example.test/r/4",
            "01/03/24",
            "standard",
            "D Lead",
            "15/01/2024",
            "26/01/2024",
            "good",
            "good",
            "good",
        ),
    ]


def write_sources(root: Path) -> Path:
    """Write a whole tiny sources directory under ``root`` and return it."""
    write_ods(root / "ofsted" / "underlying_2023.ods", underlying_2023())
    write_ods(root / "ofsted" / "outcomes_2025.ods", outcomes_2025())
    write_csv(root / "dfe" / "children_in_need.csv", dfe_rows())
    write_csv(root / "d2i" / "lookup.csv", lookup_rows())
    write_csv(root / "d2i" / "history.csv", history_rows())
    return root


# -- the whole record: area SEND, an older edition's in-year sheet, neighbours, districts --

SEND_2016_HEADER = [
    "Web link to Ofsted local authority webpage",
    "Local authority code",
    "Area name",
    "Ofsted region",
    "Inspection start date",
    "Inspection publication date",
    "Inspection outcome: written statement of action required?",
    "Number significant weaknesses identified in written statement of action",
    "Revisit start date",
    "Revisit publication date",
    "Revisit outcome: sufficient progress in addressing all significant weaknesses?",
    "Number significant weaknesses where sufficient progress has been made",
    "Number significant weaknesses where sufficient progress has not been made",
]


def send_2016() -> dict[str, Sheet]:
    """The official area SEND statistics (2016 framework) for two areas."""
    return {
        "Cover": cover(
            "Cover page - Official statistics",
            "Area SEND",
            "2022-11-17",
            "Inspections and revisits as at 31 August 2022, published by 31 October 2022",
        ),
        "Area_SEND_up_to_31_Aug_2022": [
            ["Area SEND outcomes (test)"],
            ["This worksheet contains one table."],
            SEND_2016_HEADER,
            [
                W,
                "E06000016",
                "Leicester",
                "East Midlands",
                d("2018-04-30"),
                d("2018-06-25"),
                "Yes",
                5,
                d("2021-05-05"),
                d("2021-06-23"),
                "Some",
                3,
                2,
            ],
            [
                W,
                "E08000016",
                "Barnsley",
                "North East",
                d("2021-09-20"),
                d("2021-11-24"),
                "Yes",
                2,
                "Not revisited yet",
                "",
                "",
                "",
                "",
            ],
            [
                W,
                "E06000059",
                "Dorset",
                "South West",
                d("2019-06-03"),
                d("2019-07-30"),
                "No",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    }


def send_2023_rows() -> list[dict[str, Any]]:
    """D2I's index of 2023-framework area SEND inspections: two rows."""
    base = {
        "urn_href": "",
        "region_code": "EM",
        "previous_inspection_date": "01/01/1900",
        "last_seen_commit": "abc",
        "last_seen_date": "2026-06-29",
        "first_seen_in_index_html": "2025-12-01",
        "inspection_link": "x",
    }
    return [
        {
            **base,
            "urn": "80482",
            "la_code": "856",
            "ltla23cd": "E06000016",
            "local_authority": "leicester",
            "inspection_start_date": "22/09/25",
            "inspection_end_date": "26/09/25",
            "outcome_grade": "2.0",
            "inspection_outcome_text": "The arrangements lead to inconsistent experiences and "
            "outcomes for children and young people with SEND.",
            "publication_date": "20/11/25",
            "next_inspection": "3 years",
            "next_inspection_by_date": "22/09/28",
            "inspection_link_href": "https://files.example/send/1",
        },
        {
            **base,
            "urn": "80426",
            "la_code": "370",
            "ltla23cd": "E08000016",
            "local_authority": "barnsley",
            "inspection_start_date": "02/02/26",
            "inspection_end_date": "06/02/26",
            "outcome_grade": "NaN",
            "inspection_outcome_text": "There are widespread and/or systemic failings leading to "
            "significant concerns.",
            "publication_date": "18/05/26",
            "next_inspection": "NaN",
            "next_inspection_by_date": "Next inspection time frame not found",
            "inspection_link_href": "",
        },
    ]


def sn_model() -> dict[str, Sheet]:
    """A DfE statistical neighbour model in its published layout, for three authorities."""
    header = ["LA num", "LA Name", "LA number", "GOInd", "GOReg"]
    for n in range(1, 4):
        header += [f"SN{n}", "SNP"]
    return {
        "LA SN Groups": [
            ["A", "B", "C", "D", "E", 3, 4, 5, 6, 7, 8],
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            header,
            [
                856,
                "Leicester",
                856,
                1,
                "East Midlands",
                370,
                "Close",
                838,
                "Somewhat close",
                839,
                "Not close",
            ],
            [370, "Barnsley", 370, 9, "Yorkshire", 856, "Very Close", 815, "Close", "-", "-"],
            ["", "", "", "", "", "", "", "", "", "", ""],
            ["", "Old SNs:", "", "", "", "", "", "", "", "", ""],
            [835, "Dorset (Pre LG)", 835, 7, "South West", 837, "Close", 856, "Close", "", ""],
        ]
    }


def districts_json() -> dict[str, Any]:
    """ONS districts: a unitary authority (its own district), two shire districts, Wales."""

    def feature(code: str, name: str) -> dict[str, Any]:
        props = {"LAD23CD": code, "LAD23NM": name, "LAT": 52.5, "LONG": -1.1}
        return {"type": "Feature", "properties": props, "geometry": None}

    return {
        "type": "FeatureCollection",
        "features": [
            feature("E06000016", "Leicester"),
            feature("E07000136", "Boston"),
            feature("E07000063", "Lewes"),
            feature("W06000015", "Cardiff"),
        ],
    }


def underlying_2022() -> dict[str, Sheet]:
    """An older edition of the 2023 layout: its in-year sheet adds visits; the rest must not
    be read (its history dates Leicester's 2021 report a day early)."""
    latest = underlying_2023()
    return {
        "Cover": cover(
            "Cover sheet - Official statistics",
            "Children's social care 2022 (test)",
            "2022-07-07",
            "As at 31 March 2022, published by 30 April 2022",
        ),
        "LA_level_at_31_Mar_2022": latest["LA_level_at_31_Mar_2023"],
        "LA_level_in_year_2021-22": [
            ["In-year (test)"],
            IN_YEAR_HEADER,
            [
                W,
                "Leicester",
                "East Midlands",
                d("2021-05-26"),
                "ILACS Focused Visit",
                "",
                "",
                "Children in care",
            ],
            [
                W,
                "Leicester",
                "East Midlands",
                d("2021-09-20"),
                "ILACS Standard Inspection",
                GOOD,
                GOOD,
                "",
            ],
        ],
        "LA_inspections_2009-2022": [
            [*row[:-4], *(["", "", "", ""] if n > 1 else row[-4:])]
            for n, row in enumerate(history_2023())
        ],
    }


VISIT_LETTER = """\
Ofsted
Piccadilly Gate
Manchester

24 June 2019

Mr Sam Field
Director of Children's Services
Leicester City Council

Dear Sam

Focused visit to Leicester local authority children's services

This letter summarises the findings of the focused visit to Leicester local authority \
children's services on 14 May 2019 and 15 May 2019. The inspectors were Robin Hood, His \
Majesty's Inspector, and Marian Green, His Majesty's Inspector.

Yours sincerely

Robin Hood
His Majesty's Inspector
"""


def write_record_sources(root: Path) -> Path:
    """A tiny sources directory with every kind of source, and visit letters beside it."""
    import json

    sources = write_sources(root / "sources")
    write_ods(sources / "ofsted" / "underlying_2022.ods", underlying_2022())
    write_ods(sources / "ofsted" / "area_send.ods", send_2016())
    write_csv(sources / "d2i" / "area_send_2023.csv", send_2023_rows())
    write_ods(sources / "dfe" / "sn_may_2025.ods", sn_model())
    (sources / "ons").mkdir(parents=True, exist_ok=True)
    (sources / "ons" / "districts.json").write_text(json.dumps(districts_json()))
    letters = root / "letters" / "focused-visits"
    letters.mkdir(parents=True)
    (letters / "visit.txt").write_text(VISIT_LETTER)
    return sources
