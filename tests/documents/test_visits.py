"""Visit letters: the visit's dates in every phrasing, the inspectors, and the theme."""

from __future__ import annotations

import pytest

from ofstedcli.documents import extract
from tests.documents import factory

TEAM = "His Majesty's Inspectors for this visit were Robin Hood and Marian Green."
LOOKED = "Inspectors looked at the local authority's arrangements for care leavers."


def _inspection(text: str) -> dict:  # type: ignore[type-arg]
    x = extract(text)
    for fact in x.facts:
        assert text[fact.start : fact.end] == fact.text
    out = x.to_json()
    assert out["kind"] == "focused_visit_letter"
    return out["inspection"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("when", "start", "end"),
    [
        ("on 14 and 15 June 2022", "2022-06-14", "2022-06-15"),
        ("on 21 June 2022", "2022-06-21", "2022-06-21"),
        ("between 7 and 8 July", "2022-07-07", "2022-07-08"),
        ("on 29 and 30 June, and 1 July 2022", "2022-06-29", "2022-07-01"),
        ("on 22-23 June 2022", "2022-06-22", "2022-06-23"),
        ("on the 15 and 16 of June 2022", "2022-06-15", "2022-06-16"),
        ("on 13, 14 and 20 June 2022", "2022-06-13", "2022-06-20"),
        ("from 30 May to 1 June 2022", "2022-05-30", "2022-06-01"),
        ("on 14 June and 16 June 2022", "2022-06-14", "2022-06-16"),
    ],
)
def test_visit_dates_in_every_phrasing(when: str, start: str, end: str) -> None:
    insp = _inspection(factory.visit_letter("Northam", when, TEAM, LOOKED))
    assert (insp["start_date"], insp["end_date"]) == (start, end)


def test_a_visit_without_a_year_falls_before_the_letter() -> None:
    text = factory.visit_letter(
        "Northam", "on 20 and 21 December", TEAM, LOOKED, letter_date="30 January 2023"
    )
    insp = _inspection(text)
    assert (insp["start_date"], insp["end_date"]) == ("2022-12-20", "2022-12-21")


@pytest.mark.parametrize(
    ("letter_date", "when", "date"),
    [
        # January's slip: last year's year on a letter about December's visit
        ("21 January 2019", "on 18 and 19 December 2019", "2020-01-21"),
        # a letter after its visit stands as written
        ("21 January 2020", "on 18 and 19 December 2019", "2020-01-21"),
        # before the visit by more than a slip of the year: left as written
        ("21 January 2018", "on 18 and 19 December 2019", "2018-01-21"),
    ],
)
def test_a_letter_dated_before_its_visit_has_last_years_year(
    letter_date: str, when: str, date: str
) -> None:
    text = factory.visit_letter("Northam", when, TEAM, LOOKED, letter_date=letter_date)
    x = extract(text)
    assert x.get("date") == date
    assert x.fact("date").text == letter_date  # the evidence is what the letter says


@pytest.mark.parametrize(
    ("team", "inspectors"),
    [
        (TEAM, ["Robin Hood", "Marian Green"]),
        (
            "The inspectors were Robin Hood, Her Majesty's Inspector, and Marian Green, "
            "Her Majesty's Inspector.",
            ["Robin Hood", "Marian Green"],
        ),
        (
            "The visit was carried out by Her Majesty's Inspectors Robin Hood, Marian Green "
            "and Will Scarlet.",
            ["Robin Hood", "Marian Green", "Will Scarlet"],
        ),
        (
            "The inspectors were Robin Hood HMI, Marian Green HMI and Friar Tuck, Senior HMI.",
            ["Robin Hood", "Marian Green", "Friar Tuck"],
        ),
        (
            "His Majesty's Inspectors Robin Hood and Marian Green carried out this visit.",
            ["Robin Hood", "Marian Green"],
        ),
        (
            "Inspectors Robin Hood, Marian Green and Will Scarlet conducted the visit.",
            ["Robin Hood", "Marian Green", "Will Scarlet"],
        ),
    ],
)
def test_inspectors_and_the_lead(team: str, inspectors: list[str]) -> None:
    insp = _inspection(factory.visit_letter("Northam", "on 14 June 2022", team, LOOKED))
    assert insp["inspectors"] == inspectors
    assert insp["lead_inspector"] == "Robin Hood"


def test_the_lead_is_the_inspector_who_signs() -> None:
    text = factory.visit_letter("Northam", "on 14 June 2022", TEAM, LOOKED, signer="Marian Green")
    assert _inspection(text)["lead_inspector"] == "Marian Green"


@pytest.mark.parametrize(
    ("looked_at", "theme"),
    [
        (
            "Inspectors looked at the local authority's arrangements for the 'front door'.",
            "Front door",
        ),
        (
            "Inspectors reviewed the arrangements for contacts and referrals in the "
            "multi-agency safeguarding hub and thresholds for children in need.",
            "Front door",
        ),
        (
            "Inspectors considered the local authority's arrangements at the first point of "
            "contact for children who need help and protection.",
            "Front door",
        ),
        (
            "Inspectors looked at the local authority's arrangements for children in need or "
            "subject to a child protection plan.",
            "Children in need/subject to a plan",
        ),
        (
            "Inspectors evaluated the arrangements for children who are the subject of child "
            "protection plans, including pre-proceedings.",
            "Children in need/subject to a plan",
        ),
        (
            "Inspectors looked at the local authority's arrangements for children in care, with "
            "a particular focus on care leavers.",
            "Children in care",
        ),
        (
            "Inspectors looked at the arrangements for placement decision-making for older "
            "children.",
            "Children in care",
        ),
        (
            "Inspectors looked at the local authority's arrangements for care-experienced young "
            "people, including children in care aged 16.",
            "Care leavers",
        ),
        (
            "Inspectors looked at the arrangements for planning and achieving permanence for "
            "children in care.",
            "Achieving permanence",
        ),
        (
            "Inspectors looked at the arrangements for the protection of vulnerable children "
            "from extra-familial risk.",
            "Vulnerable adolescents",
        ),
        (
            "This visit looked at the quality and impact of decision-making across help and "
            "protection, children in care and care leavers.",
            "Assurance visit",
        ),
        ("The focus of this visit was on the arrangements for care leavers.", "Care leavers"),
    ],
)
def test_theme_in_ofsteds_vocabulary(looked_at: str, theme: str) -> None:
    insp = _inspection(factory.visit_letter("Northam", "on 14 June 2022", TEAM, looked_at))
    assert insp["theme"] == theme


def test_no_theme_when_the_letter_does_not_say_what_was_looked_at() -> None:
    text = factory.visit_letter("Northam", "on 14 June 2022", TEAM, "Leaders were helpful.")
    assert _inspection(text)["theme"] is None


def test_a_visit_letter_mentioning_an_engagement_meeting_is_still_a_visit_letter() -> None:
    looked = LOOKED + " Leaders discussed this at the annual engagement meeting in 2021."
    text = factory.visit_letter("Northam", "on 14 June 2022", TEAM, looked)
    assert extract(text).kind == "focused_visit_letter"


def test_monitoring_visit_letter_has_dates_and_no_theme() -> None:
    text = factory.visit_letter(
        "Northam", "on 14 and 15 June 2022", TEAM, LOOKED, visit="monitoring visit"
    )
    out = extract(text).to_json()
    assert out["kind"] == "monitoring_visit_letter"
    insp = out["inspection"]
    assert (insp["type"], insp["start_date"], insp["end_date"]) == (
        "monitoring visit",
        "2022-06-14",
        "2022-06-15",
    )
    assert insp["theme"] is None


def test_a_focused_visit_is_ilacs_though_the_letter_names_the_single_inspection() -> None:
    """Focused visits exist only under ILACS (from January 2018); a letter of its first weeks
    naming only the single inspection, which it followed, is still an ILACS visit."""
    text = (
        "1 March 2018\n\nMs Pat Lee\nDirector of Children's Services\nNortham City Council\n\n"
        "Dear Ms Lee\n\nFocused visit to Northam children's services\n\n"
        "This letter summarises the findings of a focused visit to Northam children's services "
        "on 6 and 7 February 2018. The inspectors were Robin Hood, HMI, and Marian Green, HMI.\n"
        "Since the single inspection in 2016, when services were judged to require "
        "improvement, leaders have strengthened the front door.\n\nYours sincerely\n\n"
        "Robin Hood\nHer Majesty's Inspector\n"
    )
    insp = _inspection(text)
    assert (insp["type"], insp["start_date"]) == ("focused visit", "2018-02-06")
    assert insp["framework"] == "ILACS"
