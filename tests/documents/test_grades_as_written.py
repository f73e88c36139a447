"""Grades as people write them in news and releases; earlier and partial grades are not the
current overall judgement."""

from __future__ import annotations

import pytest

from ofstedcli import model
from ofstedcli.documents import extract

NEWS = "Northam news\n\n{}\n\nThe report was published by Ofsted this week."


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Children's services in Northam have been rated 'good' by Ofsted.", model.GOOD),
        ("Inspectors have deemed the council as being outstanding.", model.OUTSTANDING),
        ("Northam's children's services have gone from inadequate to good.", model.GOOD),
        ("The service received a 'Good' rating across the board.", model.GOOD),
        ("The report gives an overall judgement of inadequate.", model.INADEQUATE),
        ("Children's services is officially good.", model.GOOD),
        ("Ofsted rated the overall service as 'requires improvement'.",
         model.REQUIRES_IMPROVEMENT),
        ("Ofsted has branded the council's services 'inadequate'.", model.INADEQUATE),
    ],
)  # fmt: skip
def test_overall_grade_as_written(sentence: str, grade: str) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") == grade


@pytest.mark.parametrize(
    "sentence",
    [
        "It is the fourth visit since services were judged to be inadequate last year.",
        "Services are no longer rated inadequate, inspectors said.",
        "Services previously rated as good have declined.",
        "While adoption services were rated good, other areas were not.",
        "The council was rated as 'good' in relation to care leavers.",
        "A report has branded the services 'inadequate' in a number of key areas.",
        "Social workers do outstanding work every day.",
        "The 'inadequate' judgement has been lifted.",
    ],
)
def test_no_current_overall_grade(sentence: str) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") is None
