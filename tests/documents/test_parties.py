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
