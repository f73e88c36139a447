"""Earlier judgements a page mentions go to ``mentions`` with the date the text gives them,
never to the current inspection; praise and one area's grade are no mention."""

from __future__ import annotations

import pytest

from ofstedcli import model
from ofstedcli.documents import extract

NEWS = "Northam news\n\n{}\n\nThe report was published by Ofsted in March 2021."


def _mentions(text: str) -> list[tuple[str | None, str | None]]:
    """The (grade, date) of each mention read from a short news page."""
    return [(m["overall"], m["date"]) for m in extract(NEWS.format(text)).mentions]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Northam's children's services are now good, up from 'requires improvement' in "
         "2017.", [(model.REQUIRES_IMPROVEMENT, "2017")]),
        ("In 2012 and 2013 the inspectorate rated the service as inadequate; it is now good.",
         [(model.INADEQUATE, "2012"), (model.INADEQUATE, "2013")]),
        ("The service has come a long way since 2016, when it was judged inadequate.",
         [(model.INADEQUATE, "2016")]),
        ("Northam was rated inadequate in November 2015 and has since recovered.",
         [(model.INADEQUATE, "2015-11")]),
        ("Northam's services, previously rated 'good', were judged outstanding this time.",
         [(model.GOOD, None)]),
        ("Since 2015 the service has moved from an Ofsted judgement of adequate to good.",
         [(model.REQUIRES_IMPROVEMENT, None)]),
        ("Two years after they were branded inadequate by inspectors, Northam's services "
         "are good.", [(model.INADEQUATE, None)]),
        ("Ofsted's visit in 2017 resulted in it judging the county's services "
         "inadequate.", [(model.INADEQUATE, "2017")]),
        ("This is the second visit since the service was handed a rating of 'inadequate' in "
         "October 2020.", [(model.INADEQUATE, "2020-10")]),
        ("Northam was rated as requires improvement as recently as 2016.",
         [(model.REQUIRES_IMPROVEMENT, "2016")]),
        ("The upgrade from 'good' in 2019 to 'outstanding' delighted councillors.",
         [(model.GOOD, "2019")]),
        ("It improved on the last inspection in 2016, which achieved an overall score of "
         "'good'.", [(model.GOOD, "2016")]),
        ("Past judgements:\n2010: the county's safeguarding was rated 'inadequate'.",
         [(model.INADEQUATE, "2010")]),
        ("Back in 2016 the county was rated inadequate - the lowest of the four ratings.",
         [(model.INADEQUATE, "2016")]),
        ("The inspection took place in January 2021 and moved Northam from 'inadequate' to "
         "'requires improvement'.", [(model.INADEQUATE, None)]),
    ],
)  # fmt: skip
def test_an_earlier_grade_is_a_mention_dated_as_written(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert _mentions(text) == want


def test_the_current_grade_is_never_a_mention() -> None:
    text = (
        "Northam's children's services have been rated 'inadequate' by Ofsted, having "
        "previously been judged 'good' four years ago."
    )
    x = extract(NEWS.format(text))
    assert x.get("inspection.overall") == model.INADEQUATE
    assert [m["overall"] for m in x.mentions] == [model.GOOD]


@pytest.mark.parametrize(
    "text",
    [
        "Families in Northam benefit from good early help, inspectors said in 2019.",
        "Care leavers, previously rated good, are now served outstandingly well.",
        "The service has been far from outstanding since 2014.",
        "Northam is good overall; care rose from 'good' to 'outstanding' in this area.",
        "Northam's support for care leavers has been moved from 'good' to 'outstanding'.",
        "It is good everywhere, whereas previously some areas were deemed to require improvement.",
        "The inspection in January 2019 rated Northam 'good' in the adoption category.",
        "Efforts have not yet lifted the service out of its inadequate rating.",
    ],
)
def test_praise_an_area_or_a_denial_is_no_mention(text: str) -> None:
    assert _mentions(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Northam was last inspected, in 2016, under another framework.",
         [("inspection", "2016")]),
        ("Progress since the full inspection in May 2017 is clear; the subsequent focused "
         "visit in 2019 said so.", [("full inspection", "2017-05"), ("focused visit", "2019")]),
        ("Staff turnover is lower than at the June 2018 full Ofsted inspection.", []),
        ("Agency staff are fewer than following the June 2018 full Ofsted inspection.",
         [("full inspection", "2018-06")]),
    ],
)  # fmt: skip
def test_an_earlier_inspection_is_a_mention_of_its_type_and_date(
    text: str, want: list[tuple[str, str]]
) -> None:
    found = extract(NEWS.format(text)).mentions
    assert [(m["type"], m["date"]) for m in found if m["overall"] is None] == want


def test_a_grade_inside_a_longer_reading_of_another_is_its_own_mention() -> None:
    text = (
        "Northam is now outstanding, improving on the last inspection in 2016, which gave it "
        "an overall score of 'good' - up from its rating as 'adequate' in 2013."
    )
    found = {(m["overall"], m["date"]) for m in extract(NEWS.format(text)).mentions}
    assert {(model.GOOD, "2016"), (model.REQUIRES_IMPROVEMENT, "2013")} <= found


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("The council had attained the same rating at its previous inspection in 2017.",
         model.REQUIRES_IMPROVEMENT),
        ("It was not the same rating as at its previous inspection in 2017.", None),
    ],
)  # fmt: skip
def test_the_same_rating_at_an_earlier_inspection_is_the_current_grade(
    sentence: str, grade: str | None
) -> None:
    text = NEWS.format(
        "Ofsted has rated Northam's children's services as 'requires improvement'. " + sentence
    )
    x = extract(text)
    assert x.get("inspection.overall") == model.REQUIRES_IMPROVEMENT
    assert [(m["date"], m["overall"]) for m in x.mentions] == [("2017", grade)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The full Ofsted inspection in 2017 had found the service to be inadequate.",
         "full inspection"),
        ("The last ILACS inspection in 2017 had found the service to be inadequate.",
         "inspection"),
    ],
)  # fmt: skip
def test_an_earlier_inspections_type_in_the_contracts_words(text: str, kind: str) -> None:
    [mention] = extract(NEWS.format(text)).mentions
    assert (mention["type"], mention["date"], mention["overall"]) == (
        kind,
        "2017",
        model.INADEQUATE,
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the first visit of a page about the second, in the same months
        ("Westbrook news\n\nOfsted has published its letter on its second monitoring visit "
         "to Westbrook, in May 2025. It builds on the findings of the first monitoring visit "
         "in February 2025, which recognised that progress had accelerated.\n",
         ("monitoring visit", "2025-02")),
        # progress counted since it, on a page that names no later year
        ("Westbrook news\n\nOfsted rated the borough's children's services good, "
         "acknowledging improvements since the focused visit in 2018.\n",
         ("focused visit", "2018")),
        # dated before the words that name it
        ("Children's Scrutiny Committee - 30 September 2021\n\nIn February 2020, Ofsted "
         "undertook a focussed visit to look at the council's arrangements for children in "
         "need. Ofsted inspected the council's children's services in June 2021 and judged "
         "them good.\n", ("focused visit", "2020-02")),
    ],
)  # fmt: skip
def test_an_earlier_visit_as_pages_tell_of_it(text: str, want: tuple[str, str]) -> None:
    visits = [(m["type"], m["date"]) for m in extract(text).mentions if m["type"]]
    assert visits == [want]
