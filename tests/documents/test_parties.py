"""Who a web page is from and to: the council or trust speaking, the body a paper goes to."""

from __future__ import annotations

import pytest

from ofstedcli.documents import extract

#: A committee system's page for one agenda item: the meeting line names the body.
_ITEM = """\
Issue - meetings

Ofsted inspection of children's services

Meeting: 14/03/2024 - {body} (Item 6)

6 Ofsted inspection of children's services PDF 90 KB

Minutes:

The report set out the findings of the Ofsted inspection of children's services in
Northam, carried out from 8 to 19 January 2024, which judged services to be good.
"""


@pytest.mark.parametrize("body", ["Executive Board", "Cabinet", "Corporate Parenting Panel"])
def test_meeting_line_names_the_recipient(body: str) -> None:
    out = extract(_ITEM.format(body=body)).to_json()
    assert out["kind"] == "committee_report"
    assert out["recipient"] == {"name": None, "role": None, "organisation": body}


def test_body_asked_to_act_is_the_recipient() -> None:
    text = (
        "Report to:\n\n\nDate of meeting:\n\n12 June 2024\n\n"
        "Purpose of the report: to set out the outcome of the inspection of children's "
        "services in Northam.\n\nCabinet is recommended to:\n\n1) note the findings.\n"
    )
    out = extract(text).to_json()
    assert out["recipient"]["organisation"] == "Cabinet"


def test_a_committee_named_in_a_sentence_is_no_recipient() -> None:
    text = (
        "Agenda item\n\nQuarterly performance report\n\n"
        "To consider the latest performance figures for children's services.\n\n"
        "Members are asked to give advance notice to the Overview and Scrutiny Team of any "
        "questions.\n\nMinutes:\n\nThe officer said Ofsted had judged the service good and "
        "that scrutiny of the plan would continue.\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "committee_report"
    assert out["recipient"] is None


def test_children_trust_named_first_speaks() -> None:
    text = (
        "Good news for children in Northam\n\nPublished: 3rd May 2024\n\n"
        "Northam Children's Trust has been judged good by Ofsted after its inspection in "
        "March. Northam Children's Trust runs children's social care for Northam City "
        "Council.\n\nThe trust's chief executive said staff had worked hard for the result.\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "press_release"
    assert out["sender"]["organisation"] == "Northam Children's Trust"


def test_council_speaks_when_the_trust_is_only_mentioned() -> None:
    text = (
        "Ofsted praises Northam's children's services\n\nPublished on 3 May 2024\n\n"
        "Northam City Council's children's services have been judged good by Ofsted. "
        "Northam City Council thanked its partners, among them Westshire Children's Trust, "
        "for their work.\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "press_release"
    assert out["sender"]["organisation"] == "Northam City Council"


def test_release_heading_names_its_issuer() -> None:
    text = (
        "Northam's children's services no longer inadequate\n"
        "FAIR START FOR CHILDREN & NORTHAM CITY COUNCIL PRESS RELEASE\n"
        "Fair Start for Children, the company that runs Northam City Council's children's "
        "services, has been rated good by Ofsted. The council leader said: 'We are "
        "delighted.' Published on 3 May 2024.\n"
    )
    out = extract(text).to_json()
    assert out["sender"]["organisation"] == "Fair Start for Children & Northam City Council"


def test_department_heading_is_the_sender() -> None:
    text = (
        "Department For Education\nMay 2\n2024\n"
        "This notice requires Northam City Council to improve its children's social care "
        "services. It follows an Ofsted report that judged them inadequate.\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "other"
    assert out["sender"]["organisation"] == "Department for Education"


@pytest.mark.parametrize(
    ("byline", "paper"),
    [
        ("By Sam Carter, Northam Echo reporter", "Northam Echo"),
        ("By Sam Carter, The Westshire Gazette", "The Westshire Gazette"),
        ("By Sam Carter", None),
        ("By Sam Carter, Chief Reporter", None),
    ],
)
def test_byline_names_the_paper(byline: str, paper: str | None) -> None:
    text = (
        f"Children's services in Northam rated good\n\n{byline}\n\n"
        "Ofsted inspectors have rated children's services in Northam good, the council "
        "said on Friday.\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "other"
    assert (out["sender"] or {}).get("organisation") == paper


def test_notice_names_its_recipient_never_its_sender() -> None:
    text = (
        "Decision: Improvement notice issued to Northam council\n"
        "An improvement notice issued to Northam council due to poor performance in "
        "children's social care services.\n"
        "This improvement notice requires Northam council to take steps to improve. It "
        "follows a report by Ofsted which judged children's services in Northam inadequate.\n"
        "Published 2 May 2024\n"
    )
    out = extract(text).to_json()
    assert out["recipient"]["organisation"] == "Northam council"
    assert out["sender"] is None


@pytest.mark.parametrize(
    "heading",
    [
        "Decision: Improvement notice issued to Northam council\n",
        "Independent report\n\nNortham council: report on children's social care\n",
    ],
)
def test_the_departments_notice_page_is_not_the_council_speaking(heading: str) -> None:
    # "the Council" with a capital and a dated line are a council's own style, but here the
    # department publishes what it did to the council
    text = (
        f"{heading}\nThe commissioner recommended that the Council retain control of its "
        "children's services.\nDfE issued a statutory direction to Northam council on 12 July "
        "2024.\n\nPublished 12 July 2024\n"
    )
    out = extract(text).to_json()
    assert out["kind"] == "other"
    assert out["sender"]["organisation"] == "Department for Education"
