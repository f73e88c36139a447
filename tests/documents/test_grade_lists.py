"""One grade for every area ("good across all four areas"), with the areas named in the
sentence or in a list beside it, and lists of areas with a grade each."""

from __future__ import annotations

import pytest

from ofstedcli import model
from ofstedcli.documents import extract

AREAS = ("leadership", "help_and_protection", "in_care", "care_leavers")


def _grades(text: str) -> dict[str, str | None]:
    x = extract(text)
    out = {"overall": x.get("inspection.overall")}
    out.update({a: x.get(f"inspection.judgements.{a}") for a in AREAS})
    return out


def test_every_area_with_the_list_after() -> None:
    text = (
        "Northam council news\n\nInspectors judged the council 'good' across all four areas:\n"
        "- The impact of leaders on social work practice\n"
        "- The experiences and progress of children who need help and protection\n"
        "- The experiences and progress of children in care\n"
        "- The experiences and progress of care leavers\n\nThe council thanked its staff.\n"
    )
    assert _grades(text) == {a: model.GOOD for a in ("overall", *AREAS)}


def test_every_area_with_the_list_before() -> None:
    text = (
        "Northam council news\nThe inspectors looked at:\n* leadership\n"
        "* help and protection\n* children in care\n"
        "All of these areas were rated 'requires improvement to be good'.\n"
    )
    got = _grades(text)
    assert got["overall"] == model.REQUIRES_IMPROVEMENT
    assert got["help_and_protection"] == got["in_care"] == model.REQUIRES_IMPROVEMENT
    assert got["care_leavers"] is None


def test_not_every_area() -> None:
    for sentence in (
        "Adoption was rated good and all other areas were judged inadequate.",
        "The council is rated at least 'good' in all areas.",
        "Staff give good support across all areas of the service.",
    ):
        assert _grades(f"Northam news\n\n{sentence}\n")["overall"] is None, sentence


def test_each_area_refers_back_to_the_areas_named_before() -> None:
    text = (
        "Northam news\n\nInspectors studied the impact of leaders and then the help and "
        "protection children receive. Each area was rated 'outstanding'.\n"
    )
    got = _grades(text)
    assert got["leadership"] == got["help_and_protection"] == model.OUTSTANDING
    assert got["overall"] == model.OUTSTANDING


def test_grade_for_a_list_after_a_colon() -> None:
    text = (
        "Northam news\n\nThe council received 'good' grades in these areas: - leadership "
        "- children in care - care leavers.\n"
    )
    got = _grades(text)
    assert got["leadership"] == got["in_care"] == got["care_leavers"] == model.GOOD
    assert got["help_and_protection"] is None


def test_area_with_its_service_word_and_a_kept_grade() -> None:
    text = (
        "Northam news\n\nAdoption services are 'good'. Help and protection remained "
        "'requires improvement'. The council kept the outstanding grade for leadership it "
        "first earned in 2017.\n"
    )
    x = extract(text)
    assert x.get("inspection.judgements.adoption") == model.GOOD
    assert x.get("inspection.judgements.help_and_protection") == model.REQUIRES_IMPROVEMENT
    assert x.get("inspection.judgements.leadership") == model.OUTSTANDING


def test_two_grades_each_for_its_own_list_with_overall_named() -> None:
    text = (
        "Northam news\n\nGood ratings were given for the impact of leaders and overall "
        "effectiveness; and an Outstanding rating for the experiences of care leavers.\n"
    )
    got = _grades(text)
    assert got["overall"] == got["leadership"] == model.GOOD
    assert got["care_leavers"] == model.OUTSTANDING
    assert got["in_care"] is None


def test_a_joined_grade_shares_the_time_of_the_first() -> None:
    text = (
        "Northam news\n\nNortham is now rated 'outstanding'. It comes after the service was "
        'rated "good but requires improvement in help and protection" in 2019.\n'
    )
    got = _grades(text)
    assert got["overall"] == model.OUTSTANDING
    assert got["help_and_protection"] is None


def test_areas_listed_after_the_grade_they_share() -> None:
    text = (
        "Northam news\n\nThe aspects requiring improvement included help and protection and "
        "the overall effectiveness of the service.\n"
    )
    got = _grades(text)
    assert got["help_and_protection"] == got["overall"] == model.REQUIRES_IMPROVEMENT
    some = "Northam news\n\nTwo of three areas were rated 'good', another - adoption - not.\n"
    assert extract(some).get("inspection.judgements.adoption") is None


def test_bracketed_grade_after_an_area() -> None:
    text = (
        "Northam news\n\nThe findings: impact of leaders (Outstanding); help and protection "
        "(Good); and overall effectiveness (Outstanding).\n"
    )
    got = _grades(text)
    assert got["leadership"] == got["overall"] == model.OUTSTANDING
    assert got["help_and_protection"] == model.GOOD


def test_an_area_moving_from_one_grade_to_another() -> None:
    text = (
        "Northam news\n\nIts care leavers service has gone from 'good' to 'outstanding' since "
        "the previous inspection.\n"
    )
    got = _grades(text)
    assert got["care_leavers"] == model.OUTSTANDING
    assert got["overall"] is None


def test_the_other_three_areas() -> None:
    text = (
        "Northam news\nInspectors graded four areas:\n- leadership\n- help and protection\n"
        "- children in care\n- care leavers\nCare leavers was rated 'good', but the other "
        "three areas were rated 'inadequate'.\n"
    )
    got = _grades(text)
    assert got["care_leavers"] == model.GOOD
    assert got["leadership"] == got["in_care"] == model.INADEQUATE
    assert got["help_and_protection"] == model.INADEQUATE


def test_quoted_grade_for_areas_and_a_list_on_its_own_lines() -> None:
    text = (
        "Northam news\n\nInspectors rated the council as 'Outstanding' for the impact of "
        "leaders, and for care leavers.\n\nThe council received good grades in the following "
        "areas:\n- Children in care making progress\n- Help and protection for families\n"
        "Northam had been rated inadequate before.\n"
    )
    got = _grades(text)
    assert got["leadership"] == got["care_leavers"] == model.OUTSTANDING
    assert got["in_care"] == got["help_and_protection"] == model.GOOD


def test_rated_a_long_list_as_one_grade_and_a_list_after_with() -> None:
    text = (
        "Northam news\n\nThe report rated the impact of leaders; help and protection, and the "
        "overall effectiveness of the service as inadequate. Care leavers are 'good', with "
        "adoption, and children in care rated as 'Outstanding'.\n"
    )
    got = _grades(text)
    assert got["leadership"] == got["help_and_protection"] == got["overall"] == model.INADEQUATE
    assert got["in_care"] == model.OUTSTANDING
    assert extract(text).get("inspection.judgements.adoption") == model.OUTSTANDING


def test_both_splits_children_in_care_and_care_leavers() -> None:
    got = _grades("Northam news\n\nChildren in care and care leavers were both found to be "
                  "'good'.\n")  # fmt: skip
    assert got["in_care"] == got["care_leavers"] == model.GOOD


def test_every_area_with_the_areas_enumerated_in_another_sentence() -> None:
    text = (
        "Northam news\n\nThe report is split into three sections: help and protection, "
        "children looked after, and leadership.\nIn all areas of judgement, the inspector "
        "said the service 'required improvement'.\n"
    )
    got = _grades(text)
    assert got["overall"] == got["leadership"] == got["in_care"] == model.REQUIRES_IMPROVEMENT
    assert got["help_and_protection"] == model.REQUIRES_IMPROVEMENT


def test_some_of_the_areas_then_their_list() -> None:
    text = (
        "Northam news\n\nThe council was rated as requiring improvement in two out of four "
        "areas - help and protection and the impact of leaders. Three of the four areas "
        "named were not graded here.\n"
    )
    got = _grades(text)
    assert got["help_and_protection"] == got["leadership"] == model.REQUIRES_IMPROVEMENT
    wrong_count = "Northam news\n\nIt required improvement in three of five areas - adoption.\n"
    assert extract(wrong_count).get("inspection.judgements.adoption") is None


def test_a_list_sharing_a_merited_grade_and_the_next_sentence_naming_the_areas() -> None:
    text = (
        "Northam news\n\nLeadership, help and protection, and the overall effectiveness of "
        "services all merited the 'good' grade.\n\nInspectors rated the department as "
        "'inadequate' in all three areas. These included adoption and looking after children.\n"
    )
    x = extract(text)
    assert x.get("inspection.judgements.leadership") == model.GOOD
    assert x.get("inspection.judgements.help_and_protection") == model.GOOD
    assert x.get("inspection.overall") == model.GOOD
    assert x.get("inspection.judgements.adoption") == model.INADEQUATE
    assert x.get("inspection.judgements.in_care") == model.INADEQUATE


def test_a_slac_era_page_grades_safeguarding_and_looked_after_children() -> None:
    text = (
        "Northam news 3 March 2011\n\nSafeguarding services in Northam were found to be "
        "'adequate', but services for looked-after children in Northam were judged to be "
        "'inadequate'.\n"
    )
    x = extract(text)
    assert x.get("inspection.judgements.looked_after") == model.INADEQUATE
    assert x.get("inspection.judgements.in_care") is None
    named = extract("Northam news\n\nThe overall effectiveness of safeguarding services was "
                    "judged inadequate.\n")  # fmt: skip
    assert named.get("inspection.judgements.safeguarding") == model.INADEQUATE
    assert named.get("inspection.overall") is None


def test_a_mixed_sentence_gives_each_clause_its_grade() -> None:
    text = (
        "Northam news\n\nThe experiences and progress of care leavers and the impact of "
        "leaders were rated good along with the overall effectiveness while the experiences "
        "and progress of children who need help and protection requires improvement.\n"
    )
    got = _grades(text)
    assert got["overall"] == got["leadership"] == model.GOOD
    assert got["help_and_protection"] == model.REQUIRES_IMPROVEMENT


def test_a_history_list_gives_no_current_grade() -> None:
    text = (
        "Northam's record\n\n- 2010: Whilst services for children in care were 'adequate', "
        "safeguarding services were 'inadequate'.\n- 2016: Overall, Northam was rated "
        "'good'.\n- 2021: a focused visit took place.\n"
    )
    x = extract(text)
    assert not [f for f in x.facts if "judgements" in f.field or f.field.endswith("overall")]


def test_area_grades_as_written_in_releases() -> None:
    text = (
        "Northam news\n\nThe report rates the service 'requires improvement', but includes a "
        "'good rating' for the experiences of care leavers. The council moved to 'Good' with "
        "outstanding for the experiences and progress of children in care. Our sub judgement "
        "for help and protection has improved to Good.\n"
    )
    got = _grades(text)
    assert got["care_leavers"] == model.GOOD
    assert got["in_care"] == model.OUTSTANDING
    assert got["help_and_protection"] == model.GOOD


def test_a_bare_grade_after_an_object_is_not_an_area_grade() -> None:
    text = "Northam news\n\nThe visit ended by judging the authority inadequate for adoption.\n"
    assert extract(text).get("inspection.judgements.adoption") is None


def test_area_labels_with_a_colon_or_dash() -> None:
    got = _grades("Northam news\n\nChildren in care: Good. Care leavers - Requires "
                  "improvement.\nAdoption: good progress has been made.\n")  # fmt: skip
    assert got["in_care"] == model.GOOD
    assert got["care_leavers"] == model.REQUIRES_IMPROVEMENT
    assert (
        extract("Northam news\n\nAdoption: good progress has been made.\n").get(
            "inspection.judgements.adoption"
        )
        is None
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the grade first, then the count and the areas between dashes
        ("Inspectors rated Westbrook as good in three areas - leadership, children in care and "
         "care leavers - and requires improvement for help and protection.",
         {"leadership": model.GOOD, "in_care": model.GOOD, "care_leavers": model.GOOD,
          "help_and_protection": model.REQUIRES_IMPROVEMENT}),
        # the count says "children in care and care leavers" are two areas here
        ("Inspectors rated three of the four areas as good: leadership, children in care and "
         "care leavers.",
         {"leadership": model.GOOD, "in_care": model.GOOD, "care_leavers": model.GOOD}),
        # two areas named for a count of two: the joined phrase is the one judgement it was
        ("Inspectors rated two areas as good: leadership and children in care and care "
         "leavers.", {"leadership": model.GOOD, "in_care": model.GOOD}),
    ],
)  # fmt: skip
def test_a_counted_list_of_areas(text: str, want: dict[str, str]) -> None:
    got = _grades(f"Northam news\n\n{text}\n")
    assert {area: grade for area, grade in got.items() if grade and area != "overall"} == want
