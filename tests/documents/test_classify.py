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
