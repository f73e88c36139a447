"""Grades, judgement areas, dates and frameworks as documents write them."""

from __future__ import annotations

import re

import pytest

from ofstedcli import model
from ofstedcli.documents import vocab


@pytest.mark.parametrize(
    ("words", "grade"),
    [
        ("Good", model.GOOD),
        ("outstanding", model.OUTSTANDING),
        ("Requires Improvement", model.REQUIRES_IMPROVEMENT),
        ("require improvement to be good", model.REQUIRES_IMPROVEMENT),
        ("requiring improvement", model.REQUIRES_IMPROVEMENT),
        ("Adequate", model.REQUIRES_IMPROVEMENT),
        ("inadequate", model.INADEQUATE),
    ],
)
def test_grade(words: str, grade: str) -> None:
    assert vocab.GRADE_RE.fullmatch(words)
    assert vocab.grade(words) == grade


def test_grade_pattern_tolerates_a_glued_page_number_but_not_longer_words() -> None:
    assert vocab.GRADE_RE.match("Requires improvement2").group() == "Requires improvement"  # type: ignore[union-attr]
    assert vocab.GRADE_RE.fullmatch("goodness") is None


@pytest.mark.parametrize(
    ("label", "area"),
    [
        ("The impact of leaders on social work practice with children and families", "leadership"),
        ("3. Leadership, management and governance", "leadership"),
        (
            "The experiences and progress of children who need help and protection",
            "help_and_protection",
        ),
        ("The experiences and progress of children in care and care leavers", "in_care"),
        ("The experiences and progress of children in care", "in_care"),
        ("2. Children looked after and achieving permanence", "in_care"),
        ("The experiences and progress of care leavers", "care_leavers"),
        ("2.2 Experiences and progress of care leavers", "care_leavers"),
        ("2.1 Adoption performance", "adoption"),
        ("The Local Safeguarding Children Board", "lscb"),
        ("Overall effectiveness", "overall"),
        ("Capacity to improve", None),
    ],
)
def test_area(label: str, area: str | None) -> None:
    assert vocab.area(label) == area


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("22 November 2021", "2021-11-22"),
        ("Monday, September 4, 2017", "2017-09-04"),
        ("12/11/21", "2021-11-12"),
        ("3 SEPTEMBER 2024", "2024-09-03"),
        ("18 Feb 2014", "2014-02-18"),
        ("2021-11-22", "2021-11-22"),
        ("31 February 2021", None),
    ],
)
def test_full_dates(text: str, iso: str | None) -> None:
    assert vocab.iso_in(text) == iso


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("20 September 2021 to 1 October 2021", "2021-09-20", "2021-10-01"),
        ("7 to 18 October 2024", "2024-10-07", "2024-10-18"),
        ("23 June - 16 July 2015", "2015-06-23", "2015-07-16"),
        ("11 - 22 July 2022", "2022-07-11", "2022-07-22"),
        ("14 and 15 May 2019", "2019-05-14", "2019-05-15"),
        ("28 December to 4 January 2021", "2020-12-28", "2021-01-04"),
    ],
)
def test_date_ranges(text: str, start: str, end: str) -> None:
    m = vocab.DATE_RANGE_RE.search(text)
    assert m is not None
    assert vocab.iso_range(m) == (start, end)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("January 2015", "2015-01"),
        ("2019", "2019"),
        ("early in 2019", "2019"),
        ("September/October 2019", "2019"),
        ("not a date", None),
    ],
)
def test_partial_dates_are_never_given_a_day(text: str, value: str | None) -> None:
    assert vocab.partial_in(text) == value
    assert value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value)


@pytest.mark.parametrize(
    ("day", "framework"),
    [("2012-05-01", "SLAC"), ("2015-03-27", "SIF"), ("2017-07", "SIF"), ("2021-11-12", "ILACS")],
)
def test_framework_at(day: str, framework: str) -> None:
    assert vocab.framework_at(day) == framework
