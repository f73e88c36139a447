"""Inspection reports: ILACS before and after 2023 and 2026, SIF with its LSCB review, TLAC."""

from __future__ import annotations

from datetime import date
from typing import Any

from ofstedcli import model
from ofstedcli.documents import Extraction, extract
from tests.documents import factory

G, RI, OUT, INAD = model.GOOD, model.REQUIRES_IMPROVEMENT, model.OUTSTANDING, model.INADEQUATE


def _check_evidence(text: str, x: Extraction) -> dict[str, Any]:
    """Every fact's evidence quotes the text at its span; the JSON contract."""
    for fact in x.facts:
        assert text[fact.start : fact.end] == fact.text, fact
        assert fact.text.strip(), fact
    out = x.to_json()
    assert set(out["evidence"]) == {f.field for f in x.facts}
    return out


def test_ilacs_2023_separate_care_leavers() -> None:
    grades = {"leadership": G, "help_and_protection": RI, "in_care": OUT, "care_leavers": INAD}
    text = factory.ilacs_report(
        "Wessex County Council",
        date(2024, 10, 7),
        date(2024, 10, 18),
        "Ann Example",
        grades,
        overall=G,
        separate_care_leavers=True,
    )
    out = _check_evidence(text, extract(text))
    assert out["kind"] == "inspection_report"
    assert out["authority"]["name"] == "Wessex County Council"
    insp = out["inspection"]
    assert insp["framework"] == "ILACS"
    assert (insp["start_date"], insp["end_date"]) == ("2024-10-07", "2024-10-18")
    assert insp["lead_inspector"] == "Ann Example"
    assert insp["overall"] == G and insp["overall_reported"] is True
    assert insp["judgements"] == grades
    assert out["evidence"]["inspection.judgements.care_leavers"]["text"].endswith("Inadequate")
    assert out["mentions"] == [{"date": "2020", "type": "inspection", "overall": INAD}]


def test_ilacs_before_2023_combines_children_in_care_and_care_leavers() -> None:
    grades = {"leadership": OUT, "help_and_protection": G, "in_care": RI}
    text = factory.ilacs_report(
        "Barset",
        date(2021, 9, 20),
        date(2021, 10, 1),
        "Sam Sample",
        grades,
        overall=G,
        separate_care_leavers=False,
    )
    insp = _check_evidence(text, extract(text))["inspection"]
    assert insp["judgements"] == grades
    assert (insp["start_date"], insp["end_date"]) == ("2021-09-20", "2021-10-01")


def test_after_april_2026_no_overall_judgement_and_it_says_so() -> None:
    grades = {"leadership": OUT, "help_and_protection": OUT, "in_care": G, "care_leavers": OUT}
    text = factory.ilacs_report(
        "Eastport",
        date(2026, 7, 6),
        date(2026, 7, 10),
        "Kim Lee",
        grades,
        overall=None,
        separate_care_leavers=True,
    )
    out = _check_evidence(text, extract(text))
    insp = out["inspection"]
    assert insp["overall"] is None
    assert insp["overall_reported"] is False
    assert insp["judgements"] == grades
    evidence = out["evidence"]["inspection.overall_reported"]["text"]
    assert evidence.startswith("The impact of leaders") and evidence.rstrip().endswith(
        "Outstanding"
    )


def test_sif_headline_table_and_lscb() -> None:
    grades = {
        "help_and_protection": RI,
        "in_care": G,
        "adoption": OUT,
        "care_leavers": INAD,
        "leadership": RI,
    }
    text = factory.sif_report(
        "Barset Borough Council",
        date(2015, 1, 5),
        date(2015, 1, 29),
        date(2015, 3, 2),
        "Ann Example",
        grades,
        overall=RI,
        lscb=G,
    )
    out = _check_evidence(text, extract(text))
    insp = out["inspection"]
    assert insp["framework"] == "SIF" and insp["type"] == "inspection"
    assert insp["overall"] == RI
    assert insp["judgements"] == {**grades, "lscb": G}
    assert insp["published"] == out["date"] == "2015-03-02"
    assert insp["lead_inspector"] == "Ann Example"
    assert out["authority"]["name"] == "Barset Borough Council"


def test_sif_reinspection_without_lscb_review() -> None:
    grades = dict.fromkeys(
        ("help_and_protection", "in_care", "adoption", "care_leavers", "leadership"), G
    )
    text = factory.sif_report(
        "Northam",
        date(2017, 6, 19),
        date(2017, 7, 13),
        date(2017, 9, 4),
        "Lee Chan",
        grades,
        overall=G,
        lscb=None,
    )
    text = text.replace("Inspection of services", "Re-inspection of services", 1)
    insp = _check_evidence(text, extract(text))["inspection"]
    assert insp["type"] == "re-inspection"
    assert "lscb" not in insp["judgements"]


def test_a_sif_reinspection_said_in_its_summary_not_its_title() -> None:
    grades = dict.fromkeys(
        ("help_and_protection", "in_care", "adoption", "care_leavers", "leadership"), RI
    )
    text = factory.sif_report(
        "Northam", date(2018, 1, 29), date(2018, 2, 22), date(2018, 5, 9), "Lee Chan",
        grades, overall=RI, lscb=None,
    )  # fmt: skip
    assert extract(text).get("inspection.type") == "inspection"
    said = text.replace(
        "It is Ofsted's expectation",
        "This is a re-inspection of children's services after they were judged to be "
        "inadequate in 2015. It is Ofsted's expectation",
        1,
    )
    insp = _check_evidence(said, extract(said))["inspection"]
    assert insp["type"] == "re-inspection"


def test_older_report_grades_overall_under_its_heading() -> None:
    text = (
        "Inspection of looked after children \nservices\nWessex County Council\n"
        "Inspection dates: 15 - 19 July 2013\nReporting inspector Pat Example HMI\n"
        "Published: 23 August 2013\f"
        "Overall effectiveness of services for looked after \nchildren and young people\n"
        "Grade 3 (Adequate)\n11. Services are adequate.\f"
    )
    out = _check_evidence(text, extract(text))
    insp = out["inspection"]
    assert insp["framework"] == "TLAC"
    assert insp["overall"] == RI
    assert insp["lead_inspector"] == "Pat Example"
    assert (insp["start_date"], insp["end_date"]) == ("2013-07-15", "2013-07-19")
    assert out["authority"]["name"] == "Wessex County Council"


def test_judgement_table_given_column_by_column() -> None:
    text = (
        "Inspection of Barset local authority children's services\n"
        "Inspection dates: 3 to 14 March 2025\n"
        "Lead inspector: Sam Sample, His Majesty's Inspector\n"
        "Judgement Grade\n"
        + "\n".join(
            factory.ILACS_LABELS[k]
            for k in ("leadership", "help_and_protection", "in_care", "care_leavers")
        )
        + "\nOverall effectiveness\nGood\nGood\nInadequate\nGood\nRequires improvement to be good\n"
        "Children in Barset are helped when they need it."
    )
    insp = _check_evidence(text, extract(text))["inspection"]
    assert insp["judgements"] == {
        "leadership": G,
        "help_and_protection": G,
        "in_care": INAD,
        "care_leavers": G,
    }
    assert insp["overall"] == RI


def test_a_council_page_banner_above_the_title_is_not_the_authority_name() -> None:
    banner = (
        "Wessex\nwarning icon\nPlanned website maintenance this weekend: online forms will be "
        "unavailable from Friday 20 September at 5pm until Monday 23 September 2019. We "
        "apologise for any inconvenience caused.\n\n"
    )
    text = (
        banner + "Inspection of Children's Social Care Services\n\n"
        "Wessex Council's children's services were inspected by Ofsted. Inspectors rated our "
        "services in Wessex overall as inadequate.\n\nJudgement Grade\n"
        "The impact of leaders on social work practice with children and families Inadequate\n"
        "The experiences and progress of children who need help and protection Requires "
        "improvement\nThe experiences and progress of children in care and care leavers "
        "Inadequate\nOverall effectiveness Inadequate\n"
    )
    out = _check_evidence(text, extract(text))
    assert out["authority"]["name"] in {"Wessex", "Wessex Council"}
    assert out["inspection"]["overall"] == INAD


def test_a_page_set_out_like_a_report_gives_its_dates_in_a_sentence() -> None:
    text = (
        "Inspection of Children's Social Care Services\n\n"
        "Wessex Council's children's services were inspected by Ofsted between 11 and 22 "
        "February 2019, after the inspection in 2016 that found them inadequate.\n\n"
        "Judgement Grade\n"
        "The impact of leaders on social work practice with children and families Good\n"
        "The experiences and progress of children who need help and protection Good\n"
        "The experiences and progress of children in care and care leavers Good\n"
        "Overall effectiveness Good\n"
    )
    insp = _check_evidence(text, extract(text))["inspection"]
    assert (insp["start_date"], insp["end_date"]) == ("2019-02-11", "2019-02-22")
