"""Which grade of a sentence is the current inspection's: time and comparison words belong
to the grade they stand next to, and a page's date line is not an earlier year."""

from __future__ import annotations

import pytest

from ofstedcli import model
from ofstedcli.documents import extract

NEWS = "Northam news\n\n{}\n\nThe report was published by Ofsted this week."


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Northam's children's services have been rated 'good', having previously been "
         "judged 'inadequate' three years ago.", model.GOOD),
        ("Northam children's services rated 'Outstanding'\n\nPOSTED: 09:12 4 May 2021\n\n"
         "The council was last inspected in 2017.", model.OUTSTANDING),
        ("Northam's services have been rated 'good' following a two-week inspection.",
         model.GOOD),
        ("Inspectors have renewed the council's rating of 'outstanding' five years after its "
         "previous full inspection.", model.OUTSTANDING),
        ("The council went from 'good' in 2019 to 'outstanding'.", model.OUTSTANDING),
    ],
)  # fmt: skip
def test_current_grade_beside_an_earlier_one(text: str, grade: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") == grade


@pytest.mark.parametrize(
    "text",
    [
        "Three years ago the inspectors branded Northam's children's services inadequate.",
        "This visit comes a year on from a report which deemed the service to require improvement.",
        "The council had itself self-assessed its services as 'good'.",
        "A second visit followed the inadequate judgement.",
        "Two areas were given the lowest mark, and no area was awarded the top mark.",
        "It was the first council to receive an 'outstanding' for any of its services.",
        "Inspectors said the service was not yet 'good'.",
        "Services were rated as requires improvement as recently as 2016, and 2023 brought "
        "new plans.",
    ],
)
def test_earlier_grade_is_not_current(text: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") is None


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Northam's service has been bumped up to 'outstanding' in a new report.",
         model.OUTSTANDING),
        ("The overall rating says the services 'require improvement'.",
         model.REQUIRES_IMPROVEMENT),
        ("An inspection found no serious failures, but that it \"requires improvement\".",
         model.REQUIRES_IMPROVEMENT),
        ("Northam has received an overall 'good' assessment from Ofsted.", model.GOOD),
        ("Northam kept an Outstanding overall rating in children's social care.",
         model.OUTSTANDING),
        ("While fostering was praised, overall services in Northam are inadequate.",
         model.INADEQUATE),
        ("Northam, which had previously been rated 'Good' in 2018, has now been judged to "
         "be 'Inadequate'.", model.INADEQUATE),
        ("The overall level of 'Good' remained the same as at the last report in 2019.",
         model.GOOD),
        ("Northam is the second council Ofsted has rated 'inadequate' in the past week.",
         model.INADEQUATE),
        ("Minutes: she explained that the services had been judged to be 'good' across all "
         "areas.", model.GOOD),
    ],
)  # fmt: skip
def test_more_ways_to_write_the_current_grade(text: str, grade: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") == grade


def test_a_grade_for_an_area_after_around_is_that_areas() -> None:
    x = extract(NEWS.format("The services 'require improvement to be good' around 'help and "
                            "protection'."))  # fmt: skip
    assert x.get("inspection.overall") is None
    assert x.get("inspection.judgements.help_and_protection") == model.REQUIRES_IMPROVEMENT


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("The worst possible rating has been handed out to Northam's children's services.",
         model.INADEQUATE),
        ("Northam's children's services have been rated RI by the inspectors.",
         model.REQUIRES_IMPROVEMENT),
        ("Northam was rated the second lowest of four ratings.", model.REQUIRES_IMPROVEMENT),
        ("Northam was awarded the highest possible rating.", model.OUTSTANDING),
    ],
)  # fmt: skip
def test_grades_described_by_their_place_on_the_scale(text: str, grade: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") == grade


def test_in_need_of_improvement_and_top_mark_for_areas() -> None:
    x = extract(NEWS.format("Help and protection is in need of improvement. Inspectors gave "
                            "the top mark in all areas judged, including adoption and care "
                            "leavers."))  # fmt: skip
    assert x.get("inspection.judgements.help_and_protection") == model.REQUIRES_IMPROVEMENT
    assert x.get("inspection.judgements.adoption") == model.OUTSTANDING
    assert x.get("inspection.judgements.care_leavers") == model.OUTSTANDING
