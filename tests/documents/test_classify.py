"""Telling a document's kind from its own structure and wording."""

from __future__ import annotations

from datetime import date

import pytest

from ofstedcli import model
from ofstedcli.documents import classify_text
from tests.documents import factory


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (factory.MINISTERIAL, "ministerial_letter"),
        (factory.ENGAGEMENT, "engagement_meeting_letter"),
        (factory.FOCUSED_VISIT, "focused_visit_letter"),
        (factory.MONITORING_VISIT, "monitoring_visit_letter"),
        (factory.PRESS_RELEASE, "press_release"),
        (factory.COMMITTEE, "committee_report"),
        ("A shopping list: eggs, milk, bread.", "other"),
        ("", "other"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert classify_text(text) == kind


def test_reports_of_both_frameworks() -> None:
    grades = dict.fromkeys(
        ("leadership", "help_and_protection", "in_care", "care_leavers", "adoption"), model.GOOD
    )
    ilacs = factory.ilacs_report(
        "Wessex",
        date(2024, 1, 8),
        date(2024, 1, 19),
        "A B",
        grades,
        overall=model.GOOD,
        separate_care_leavers=True,
    )
    sif = factory.sif_report(
        "Wessex",
        date(2015, 1, 8),
        date(2015, 1, 29),
        date(2015, 3, 1),
        "A B",
        grades,
        overall=model.GOOD,
        lscb=model.GOOD,
    )
    assert classify_text(ilacs) == "inspection_report"
    assert classify_text(sif) == "inspection_report"


def test_kind_does_not_come_from_a_file_name_like_first_line() -> None:
    text = "ministerial_letter.txt\n\nA note about the weather in Wessex."
    assert classify_text(text) == "other"


#: A council's meeting papers as a committee system publishes an agenda item.
AGENDA_ITEM = """\
Agenda item

Outcome of the inspection of Northam's children's services

To receive a report on the findings of the recent inspection of local authority children's
services.

Minutes:

The Director of Children's Services presented the report. Members welcomed the findings and
asked about recruitment of social workers.

RESOLVED: that the report be noted.
"""

#: A council's own news page: its date line and a cabinet member's words.
COUNCIL_NEWS = """\
Children's services rated good

Published: Monday, 17th January 2022

Inspectors have praised Northam Council's work with children in care.

Cllr Jo Bloggs, Cabinet Member for Children, said: "We are proud of our staff."
"""

#: A news story about a council: the reporter's "watchdog" and a spokesperson quoted.
NEWS_STORY = """\
Council's children's services 'require improvement'

The education watchdog Ofsted said Northam Council had more to do after an inspection in May.

A council spokesperson said: "We accept the findings."
Cllr Jo Bloggs added: "We will act quickly."
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (AGENDA_ITEM, "committee_report"),
        (COUNCIL_NEWS, "press_release"),
        (NEWS_STORY, "other"),
    ],
)
def test_council_papers_and_pages_told_from_news(text: str, kind: str) -> None:
    assert classify_text(text) == kind
