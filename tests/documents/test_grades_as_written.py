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
        ("Ofsted has rated Northam County Council (NCC) as 'good' for the second time in "
         "three years.", model.GOOD),
        ("Ofsted's verdict: good.", model.GOOD),
        ("The inspectors' verdict was 'inadequate'.", model.INADEQUATE),
        ("Northam scored 'good' in its latest Ofsted inspection.", model.GOOD),
        ("The council was rated 'requires improvement' at its last inspection in 2021 and is "
         "now good.", model.GOOD),
        ("Northam's children's services, rated inadequate in 2019, are now good.", model.GOOD),
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
        "Ofsted rated the council 'good' for the adoption service.",
        "The verdict was 'inadequate' for adoption.",
    ],
)
def test_no_current_overall_grade(sentence: str) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") is None


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Ofsted inspected the council between the 23rd January and the 16th February 2017.",
         "2017-01-23", "2017-02-16"),
        ("The inspection was carried out between December 6 and December 17, 2021.",
         "2021-12-06", "2021-12-17"),
        ("Ofsted inspectors visited the council in April 2025.", "2025-04", None),
        ("The inspection had taken place between 9 - 13 March 2020.", "2020-03-09",
         "2020-03-13"),
    ],
)  # fmt: skip
def test_inspection_dates_as_written(sentence: str, start: str, end: str | None) -> None:
    x = extract(NEWS.format(sentence))
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "The last full inspection of the council took place in January 2019.",
        "It builds on the first monitoring visit in February 2025.",
        "The next monitoring visit will take place on 7 and 8 April 2020.",
        "The report of the inspection was published on Friday, 26 August 2016.",
    ],
)
def test_other_events_dates_are_not_the_inspections(sentence: str) -> None:
    assert extract(NEWS.format(sentence)).get("inspection.start_date") is None


@pytest.mark.parametrize(
    ("sentence", "areas", "grade"),
    [
        ("The report praises Northam's leaders, rating the impact of leaders as Outstanding.",
         ("leadership",), model.OUTSTANDING),
        ("Inspectors, rating leadership, management and governance, in addition to adoption "
         "support, as 'good', said much had improved.", ("leadership", "adoption"), model.GOOD),
        ("The inspection gave leadership and management an overall 'inadequate' rating.",
         ("leadership",), model.INADEQUATE),
        ("Ofsted awarded adoption and care leavers a 'good' grade.",
         ("adoption", "care_leavers"), model.GOOD),
        ("It says the experiences and progress of care leavers and overall effectiveness are "
         "\"inadequate\".", ("care_leavers", "overall"), model.INADEQUATE),
        ("Children who need help and protection, \u201clooked after\u201d children and "
         "leadership were all rated as \u201crequires improvement\u201d.",
         ("help_and_protection", "in_care", "leadership"), model.REQUIRES_IMPROVEMENT),
        ("The department's leadership, support for children in care and overall effectiveness "
         "all received the inspectorate's top rating once again.",
         ("leadership", "in_care"), model.OUTSTANDING),
    ],
)  # fmt: skip
def test_areas_rated_as_a_participle_or_given_a_grade(
    sentence: str, areas: tuple[str, ...], grade: str
) -> None:
    x = extract(NEWS.format(sentence))
    field = {a: "inspection.overall" if a == "overall" else f"inspection.judgements.{a}"
             for a in areas}  # fmt: skip
    assert {a: x.get(field[a]) for a in areas} == dict.fromkeys(areas, grade)


def test_areas_listed_with_one_grade_share_it() -> None:
    text = NEWS.format(
        "The impact of leaders, the experiences and progress of children in care, and the "
        "experiences and progress of care leavers were all rated as outstanding."
    )
    x = extract(text)
    got = {a: x.get(f"inspection.judgements.{a}") for a in ("leadership", "in_care")}
    assert got == {"leadership": model.OUTSTANDING, "in_care": model.OUTSTANDING}
    assert x.get("inspection.overall") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors found that children in care receive a good service from their workers.",
        "Children's services were rated good, and inspectors praised its leadership.",
        "Care leavers were judged inadequate in 2019, but leaders have since acted.",
    ],
)
def test_praise_a_whole_service_grade_or_an_old_grade_is_no_area_grade(sentence: str) -> None:
    x = extract(NEWS.format(sentence))
    assert not [f for f in x.facts if f.field.startswith("inspection.judgements.")]


@pytest.mark.parametrize(
    ("page", "day"),
    [
        ("Council news\nPublished: Tuesday, 15th July 2025\nServices were rated good.",
         "2025-07-15"),
        ("Headline about children\nJo Writer Friday, September 20, 2019\nA story.",
         "2019-09-20"),
        ("Issue - meetings\nMeeting: 30/07/2020 - Executive Board\nItem 3.", "2020-07-30"),
        ("Posted by: Press Team on 10 May 2023 09:00\nNews.", "2023-05-10"),
    ],
)  # fmt: skip
def test_a_pages_own_date(page: str, day: str) -> None:
    assert extract(page).get("date") == day


def test_a_reports_publication_or_an_inspection_is_not_the_pages_date() -> None:
    page = (
        "Council news\nThe inspection took place between 21 March and 1 April 2022. The "
        "report was published on 26 April 2022.\n"
    )
    assert extract(page).get("date") is None


@pytest.mark.parametrize(
    ("page", "day"),
    [
        ("News\nThe report of the inspection was published on Friday, 26 August 2016.",
         "2016-08-26"),
        ("News\nPublished: 19 October 2021\nThe Ofsted report, published today, rated the "
         "council good.", "2021-10-19"),
    ],
)  # fmt: skip
def test_the_reports_publication(page: str, day: str) -> None:
    assert extract(page).get("inspection.published") == day


def test_a_page_about_a_visit_says_which() -> None:
    page = "Progress praised in latest Ofsted monitoring visit\n\nInspectors found progress."
    assert extract(page).get("inspection.type") == "monitoring visit"
    past = "Council rated good\n\nSince the last focused visit, services have improved."
    assert extract(past).get("inspection.type") is None


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Inspectors judged both adoption work and the support for care leavers as good.",
         {"adoption": model.GOOD, "care_leavers": model.GOOD}),
        ("Ofsted rated leadership and help and protection to be 'outstanding'.",
         {"leadership": model.OUTSTANDING, "help_and_protection": model.OUTSTANDING}),
        ("The Northam Safeguarding Children Board was judged to be 'good'.",
         {"lscb": model.GOOD}),
        ("The council requires improvement in regards to children in care and leadership.",
         {"in_care": model.REQUIRES_IMPROVEMENT, "leadership": model.REQUIRES_IMPROVEMENT}),
    ],
)  # fmt: skip
def test_areas_after_a_rating_verb_share_its_grade(sentence: str, want: dict[str, str]) -> None:
    x = extract(NEWS.format(sentence))
    got = {a: x.get(f"inspection.judgements.{a}") for a in want}
    assert got == want
    assert x.get("inspection.overall") is None


def test_areas_listed_for_an_old_grade_are_not_graded_now() -> None:
    x = extract(NEWS.format("In 2015 Ofsted judged adoption and care leavers as inadequate."))
    assert not [f for f in x.facts if f.field.startswith("inspection.judgements.")]


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Inspectors graded all four areas as 'requires improvement to be good'.",
         model.REQUIRES_IMPROVEMENT),
        ("The services have been labelled 'inadequate' in all areas by inspectors.",
         model.INADEQUATE),
        ("Northam was deemed to require improvement to be good across all areas.",
         model.REQUIRES_IMPROVEMENT),
        ("It says care leavers and overall effectiveness are 'inadequate'.", model.INADEQUATE),
        ("We are proud of our 'Good' Ofsted rating.", model.GOOD),
        ("Ofsted has judged the borough's provision to be 'Outstanding'.", model.OUTSTANDING),
        ("Services moved from a rating of 'inadequate' to 'good'.", model.GOOD),
        ("Services were rated as good overall - a big change. In 2015 they were not.",
         model.GOOD),
    ],
)  # fmt: skip
def test_more_overall_grades_as_written(sentence: str, grade: str) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") == grade


def test_a_grade_a_year_on_is_the_earlier_reports() -> None:
    page = "This visit comes a year on from the report, which found services to be inadequate."
    x = extract(NEWS.format(page))
    assert x.get("inspection.overall") is None


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("We received 'Outstanding' sub judgements for our work with children in care; care "
         "leavers; and for the impact of leaders.",
         {"in_care": model.OUTSTANDING, "care_leavers": model.OUTSTANDING,
          "leadership": model.OUTSTANDING}),
        ("Inspectors judged the department good overall, with adoption performance and the "
         "progress of care leavers all judged to be outstanding.",
         {"adoption": model.OUTSTANDING, "care_leavers": model.OUTSTANDING}),
        ("Other key areas including adoption and help and protection were rated as 'good'.",
         {"adoption": model.GOOD, "help_and_protection": model.GOOD}),
        ("Services for young people leaving care were rated as 'outstanding'.",
         {"care_leavers": model.OUTSTANDING}),
    ],
)  # fmt: skip
def test_areas_listed_around_their_grade(sentence: str, want: dict[str, str]) -> None:
    x = extract(NEWS.format(sentence))
    got = {a: x.get(f"inspection.judgements.{a}") for a in want}
    assert got == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("It found progress in adoption and care leavers, with other areas still requiring "
         "improvement.", {}),
        ("Adoption, children in care and care leavers were inspected. The care leavers area "
         "was rated as 'good'.", {"care_leavers": model.GOOD}),
        ("In 2010: services for children in care were 'adequate'.", {}),
    ],
)  # fmt: skip
def test_a_grade_for_other_areas_one_area_or_an_old_year_is_not_theirs(
    sentence: str, want: dict[str, str]
) -> None:
    x = extract(NEWS.format(sentence))
    got = {
        f.field.rsplit(".", 1)[1]: f.value
        for f in x.facts
        if f.field.startswith("inspection.judgements.")
    }
    assert got == want


def test_a_grade_for_all_areas_goes_to_the_areas_named_as_graded() -> None:
    page = (
        "Ofsted graded all areas as 'inadequate'. The areas that receive a grade are: "
        "leadership, help and protection and children in care."
    )
    x = extract(NEWS.format(page))
    got = {a: x.get(f"inspection.judgements.{a}") for a in ("leadership", "in_care", "adoption")}
    assert got == {"leadership": model.INADEQUATE, "in_care": model.INADEQUATE, "adoption": None}
    assert x.get("inspection.overall") == model.INADEQUATE


def test_areas_a_service_covers_are_not_graded_by_an_all_areas_grade() -> None:
    page = (
        "Services were labelled 'inadequate' in all areas. "
        "The service looks after children in care and care leavers."
    )
    x = extract(NEWS.format(page))
    assert not [f for f in x.facts if f.field.startswith("inspection.judgements.")]


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Services have received a 'Good' rating, a step forward since the previous inspection "
         "in 2021.", model.GOOD),
        ("Services have been rated 'inadequate', since when changes have been made in 2019.",
         None),
    ],
)  # fmt: skip
def test_a_comparison_with_the_last_inspection_keeps_the_new_grade(
    sentence: str, grade: str | None
) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") == grade


def test_required_improvement_is_requires_improvement() -> None:
    x = extract(NEWS.format('Inspectors found its children\'s services "required improvement".'))
    assert x.get("inspection.overall") == model.REQUIRES_IMPROVEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "Two of three areas were rated as 'requires improvement'.",
        "Northam was rated good for safeguarding and for its fostering.",
        "Most areas were judged to be 'good'.",
    ],
)
def test_a_grade_for_some_areas_or_for_safeguarding_is_not_overall(sentence: str) -> None:
    x = extract(NEWS.format(sentence))
    assert x.get("inspection.overall") is None
