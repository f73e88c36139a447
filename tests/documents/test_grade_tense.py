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
        ("A report found they required improvement, slipping from 'good'.",
         model.REQUIRES_IMPROVEMENT),
        ("Inspectors said Northam was providing a 'Good' service.", model.GOOD),
        ("Care leavers were rated 'good', while other areas were rated 'inadequate', with "
         "this forming the overall rating.", model.INADEQUATE),
        ("The inspection has rated them as 'Requiring Improvement'.",
         model.REQUIRES_IMPROVEMENT),
    ],
)  # fmt: skip
def test_grades_described_by_their_place_on_the_scale(text: str, grade: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") == grade


def test_a_later_time_after_an_opening_year_takes_the_grade_back_to_now() -> None:
    """ "In 2017 ...; this year they rated it good": the year dates only what comes before."""
    x = extract(NEWS.format("In 2017 inspectors found the service inadequate; this year they "
                            "rated it good."))  # fmt: skip
    assert x.get("inspection.overall") == model.GOOD
    assert [m for m in x.mentions if m["overall"] == model.GOOD] == []


def test_a_count_of_areas_is_not_a_move_out_of_a_grade() -> None:
    """ "three out of four" counts areas; "moved out of" a grade leaves it behind."""
    x = extract(NEWS.format("The report rated Northam 'outstanding' in three out of four of "
                            "the categories and 'good' for the experiences and progress of "
                            "care leavers."))  # fmt: skip
    assert x.get("inspection.judgements.care_leavers") == model.GOOD
    moved = extract(NEWS.format("Northam has moved out of 'inadequate' and is now rated "
                                "'requires improvement'."))  # fmt: skip
    assert moved.get("inspection.overall") == model.REQUIRES_IMPROVEMENT


def test_in_need_of_improvement_and_top_mark_for_areas() -> None:
    x = extract(NEWS.format("Help and protection is in need of improvement. Inspectors gave "
                            "the top mark in all areas judged, including adoption and care "
                            "leavers."))  # fmt: skip
    assert x.get("inspection.judgements.help_and_protection") == model.REQUIRES_IMPROVEMENT
    assert x.get("inspection.judgements.adoption") == model.OUTSTANDING
    assert x.get("inspection.judgements.care_leavers") == model.OUTSTANDING


@pytest.mark.parametrize(
    "text",
    [
        "The council's children's homes were judged good.",
        "Northam hopes to be rated outstanding next time.",
        "Only 10% of councils are rated outstanding.",
        "The youth justice service was rated good last year.",
        "Northam College was rated good by Ofsted.",
        "If the council had been rated inadequate, the minister would intervene.",
        "The council wants to be rated good at its next inspection.",
        "Most councils in the region are judged good.",
        "Northam will be rated outstanding, the leader predicted.",
        "Northam's adult social care was rated 'good' by the CQC.",
        "When Ofsted last visited, it rated the council good.",
        "Before this inspection, the council was rated good.",
        "Neighbouring Southam was rated 'inadequate' last month.",
        "A rating of inadequate means the government can intervene.",
    ],
)
def test_other_services_hopes_and_general_statements_are_not_the_grade(text: str) -> None:
    x = extract(NEWS.format(text))
    assert x.get("inspection.overall") is None
    assert not [f for f in x.facts if f.field.startswith("inspection.judgements.")]


def test_a_past_ability_is_still_a_grade() -> None:
    x = extract(NEWS.format("Adoption performance could only muster a 'requires improvement'."))
    assert x.get("inspection.judgements.adoption") == model.REQUIRES_IMPROVEMENT


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Ofsted rated the council's services for children as inadequate.", model.INADEQUATE),
        ("Ofsted inspectors concluded that services for children in Northam are good.",
         model.GOOD),
        ("Services for children in Northam are good, Ofsted says.", model.GOOD),
    ],
)  # fmt: skip
def test_services_for_children_as_the_subject_or_object(text: str, grade: str) -> None:
    assert extract(NEWS.format(text)).get("inspection.overall") == grade


@pytest.mark.parametrize(
    ("text", "now_grade", "mention"),
    [
        ("Northam is now rated good, up from requires improvement.", model.GOOD,
         {"date": None, "type": None, "overall": model.REQUIRES_IMPROVEMENT}),
        ("Northam's services, rated inadequate for a decade, were praised.", None,
         {"date": None, "type": None, "overall": model.INADEQUATE}),
        ("Northam moved from inadequate in 2018 to good.", model.GOOD,
         {"date": "2018", "type": None, "overall": model.INADEQUATE}),
    ],
)  # fmt: skip
def test_the_earlier_grade_goes_to_mentions(
    text: str, now_grade: str | None, mention: dict[str, str | None]
) -> None:
    x = extract(NEWS.format(text))
    assert x.get("inspection.overall") == now_grade
    assert x.mentions == [mention]


def test_earlier_grades_in_loose_wording_become_mentions() -> None:
    x = extract(NEWS.format("Northam's children's services are now rated 'good'. Two years ago "
                            "inspectors branded them 'inadequate'. The council had previously "
                            "been rated 'requires improvement' in 2016."))  # fmt: skip
    assert x.get("inspection.overall") == model.GOOD
    got = {(m["date"], m["overall"]) for m in x.mentions}
    assert (None, model.INADEQUATE) in got
    assert ("2016", model.REQUIRES_IMPROVEMENT) in got
    assert not [m for m in x.mentions if m["overall"] == model.GOOD]
