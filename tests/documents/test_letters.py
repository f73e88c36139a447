"""Letters: the minister's, Ofsted's engagement meeting letter, focused and monitoring visits."""

from __future__ import annotations

from ofstedcli import model
from ofstedcli.documents import extract
from tests.documents import factory


def _json(text: str) -> dict:  # type: ignore[type-arg]
    x = extract(text)
    for fact in x.facts:
        assert text[fact.start : fact.end] == fact.text
    return x.to_json()


def test_ministerial_letter() -> None:
    out = _json(factory.MINISTERIAL)
    assert out["kind"] == "ministerial_letter"
    assert out["date"] == "2022-03-05"
    assert out["sender"] == {
        "name": "Jo Bloggs MP",
        "role": "Parliamentary Under-Secretary of State for Children and Families",
        "organisation": "Department for Education",
    }
    assert out["recipient"]["name"] == "Councillor Ann Other"
    assert out["recipient"]["organisation"] == "Wessex County Council"
    assert out["authority"]["name"] == "Wessex County Council"
    insp = out["inspection"]
    assert (insp["framework"], insp["published"], insp["overall"]) == (
        "ILACS",
        "2022-03-01",
        model.OUTSTANDING,
    )
    assert out["mentions"] == [{"date": None, "type": None, "overall": model.GOOD}]


def test_engagement_meeting_letter() -> None:
    out = _json(factory.ENGAGEMENT)
    assert out["kind"] == "engagement_meeting_letter"
    assert (out["date"], out["meeting_date"]) == ("2020-02-10", "2020-02-03")
    assert out["sender"] == {
        "name": "Chris Jones HMI",
        "role": "Regional Director, South West",
        "organisation": "Ofsted",
    }
    assert out["recipient"] == {
        "name": "Sam Smith",
        "role": "Director of Children's Services",
        "organisation": "Barset City Council",
    }
    assert out["inspection"] is None
    assert out["mentions"] == [
        {"date": "2016", "type": "full inspection", "overall": None},
        {"date": "2016-03", "type": None, "overall": model.INADEQUATE},
        {"date": "2018", "type": "monitoring visit", "overall": None},
    ]


def test_focused_visit_letter() -> None:
    out = _json(factory.FOCUSED_VISIT)
    assert out["kind"] == "focused_visit_letter"
    assert out["authority"]["name"] == "Midshire"
    assert out["title"] == "Focused visit to Midshire local authority children's services"
    insp = out["inspection"]
    assert insp["type"] == "focused visit"
    assert (insp["start_date"], insp["end_date"]) == ("2019-05-14", "2019-05-15")
    assert insp["lead_inspector"] == "Robin Hood"
    assert insp["overall"] is None
    assert out["sender"]["organisation"] == "Ofsted"


def test_monitoring_visit_letter() -> None:
    out = _json(factory.MONITORING_VISIT)
    assert out["kind"] == "monitoring_visit_letter"
    assert out["inspection"]["type"] == "monitoring visit"
    assert out["inspection"]["start_date"] == "2023-10-24"
    assert out["recipient"]["organisation"] == "Eastport Borough Council"
    assert out["mentions"] == [{"date": "2023-01", "type": None, "overall": model.INADEQUATE}]


IMPROVEMENT_NOTICE = """Department for Education
Sanctuary Buildings
20 Great Smith Street
London SW1P 3BT

Councillor Ann Leader
Leader, Westbrook Council

17 May 2023

Dear Councillor Leader,

IMPROVEMENT NOTICE

I am writing to confirm that, following Ofsted's inspection of Westbrook's children's
services, which found them to be inadequate and was published on 3 April 2023, I have
decided to issue an improvement notice.

Yours sincerely,

Jane Smith MP
Parliamentary Under Secretary of State for Children and Families
"""


def test_a_dfe_letter_signed_below_its_departments_address() -> None:
    """The minister who signs sends it; the department's address (with the only postcode)
    is not the addressee, who is the name above the date."""
    x = extract(IMPROVEMENT_NOTICE)
    assert x.kind == "ministerial_letter"
    assert (x.get("sender.name"), x.get("sender.organisation")) == (
        "Jane Smith MP",
        "Department for Education",
    )
    assert (
        x.get("sender.role") == "Parliamentary Under Secretary of State for Children and Families"
    )
    assert x.get("recipient.name") == "Councillor Ann Leader"
    assert x.get("recipient.organisation") == "Westbrook Council"
    assert x.get("date") == "2023-05-17"
    assert (x.get("inspection.overall"), x.get("inspection.published")) == (
        model.INADEQUATE,
        "2023-04-03",
    )


def test_a_ministers_letter_addressed_above_its_date_without_a_postcode() -> None:
    text = (
        "From the Minister for Children and Families\n\nMs Bea Chief\nChief Executive\n"
        "Westbrook Borough Council\n\n12 January 2022\n\nDear Ms Chief\n\nSTATUTORY DIRECTION"
        "\n\nOfsted's inspection of children's services in Westbrook, published on 10 "
        "December 2021, judged services to be inadequate.\n\nYours sincerely\n\nJohn Brown MP\n"
    )
    x = extract(text)
    assert x.get("sender.name") == "John Brown MP"
    assert (x.get("recipient.name"), x.get("recipient.role")) == ("Ms Bea Chief", "Chief Executive")


def test_a_notice_letter_dates_the_report_by_its_publication() -> None:
    """'following the publication of Ofsted's inspection report ... on <date>'."""
    x = extract(
        IMPROVEMENT_NOTICE.replace(
            "following Ofsted's inspection of Westbrook's children's\nservices, which found "
            "them to be inadequate and was published on 3 April 2023,",
            "following the publication of Ofsted's inspection report of Westbrook Council's\n"
            "children's social care services on 3 April 2023, which judged the overall "
            "effectiveness of services to be inadequate,",
        )
    )
    assert (x.get("inspection.overall"), x.get("inspection.published")) == (
        model.INADEQUATE,
        "2023-04-03",
    )
