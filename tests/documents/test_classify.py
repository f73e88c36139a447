"""Telling a document's kind from its own structure and wording."""

from __future__ import annotations

from datetime import date

import pytest

from ofstedcli import model
from ofstedcli.documents import classify_text
from tests.documents import factory


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (factory.MINISTERIAL, "ministerial_letter"),
        (factory.ENGAGEMENT, "engagement_meeting_letter"),
        (factory.FOCUSED_VISIT, "focused_visit_letter"),
        (factory.MONITORING_VISIT, "monitoring_visit_letter"),
        (factory.PRESS_RELEASE, "press_release"),
        (factory.COMMITTEE, "committee_report"),
        ("A shopping list: eggs, milk, bread.", "other"),
        ("", "other"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert classify_text(text) == kind


def test_reports_of_both_frameworks() -> None:
    grades = dict.fromkeys(
        ("leadership", "help_and_protection", "in_care", "care_leavers", "adoption"), model.GOOD
    )
    ilacs = factory.ilacs_report(
        "Wessex",
        date(2024, 1, 8),
        date(2024, 1, 19),
        "A B",
        grades,
        overall=model.GOOD,
        separate_care_leavers=True,
    )
    sif = factory.sif_report(
        "Wessex",
        date(2015, 1, 8),
        date(2015, 1, 29),
        date(2015, 3, 1),
        "A B",
        grades,
        overall=model.GOOD,
        lscb=model.GOOD,
    )
    assert classify_text(ilacs) == "inspection_report"
    assert classify_text(sif) == "inspection_report"


def test_kind_does_not_come_from_a_file_name_like_first_line() -> None:
    text = "ministerial_letter.txt\n\nA note about the weather in Wessex."
    assert classify_text(text) == "other"


#: A council's meeting papers as a committee system publishes an agenda item.
AGENDA_ITEM = """\
Agenda item

Outcome of the inspection of Northam's children's services

To receive a report on the findings of the recent inspection of local authority children's
services.

Minutes:

The Director of Children's Services presented the report. Members welcomed the findings and
asked about recruitment of social workers.

RESOLVED: that the report be noted.
"""

#: A council's own news page: its date line and a cabinet member's words.
COUNCIL_NEWS = """\
Children's services rated good

Published: Monday, 17th January 2022

Inspectors have praised Northam Council's work with children in care.

Cllr Jo Bloggs, Cabinet Member for Children, said: "We are proud of our staff."
"""

#: A news story about a council: the reporter's "watchdog" and a spokesperson quoted.
NEWS_STORY = """\
Council's children's services 'require improvement'

The education watchdog Ofsted said Northam Council had more to do after an inspection in May.

A council spokesperson said: "We accept the findings."
Cllr Jo Bloggs added: "We will act quickly."
"""


#: A cabinet's decision as a committee system records it.
DECISION_RECORD = """\
Decision record
Date of decision: 20 June 2024

The Cabinet noted that Ofsted had judged the council's children's services to be good in all
four areas following the inspection in April 2024.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (AGENDA_ITEM, "committee_report"),
        (DECISION_RECORD, "committee_report"),
        (COUNCIL_NEWS, "press_release"),
        (NEWS_STORY, "other"),
    ],
)
def test_council_papers_and_pages_told_from_news(text: str, kind: str) -> None:
    assert classify_text(text) == kind


#: The council's own page, in the first person outside any quote.
FIRST_PERSON = """\
Inspectors recognise progress in Northam

Ofsted inspectors spent two weeks with our social workers in March and found that the help
we give families has improved since their last visit.
"""

#: The same news told by a paper: the first person only inside a councillor's quote.
QUOTED_FIRST_PERSON = """\
Inspectors recognise progress in Northam

Ofsted inspectors spent two weeks with the council's social workers in March.

"We are glad our work is recognised," said Cllr Jo Bloggs. 'It shows what we can do.'
"""

#: "the Council", capitalised mid-sentence, as a council's own style writes itself.
COUNCIL_CAPITALISED = """\
Northam children's services judged good

Inspectors found that the Council knows its families well and that leaders act quickly.
"""

#: News furniture says "our": the site's newsletter, not the council's services.
NEWS_FURNITURE = """\
Northam children's services judged good

Inspectors found that the council knows its families well.

Sign up to our daily newsletter

Cllr Jo Bloggs said the result was deserved.
"""

#: A trade paper's byline: the reporter's name on the line above the date.
BYLINE_AND_DATE = """\
Northam leaves 'inadequate' behind

Sam Writer
Tuesday, March 7, 2023

Inspectors have lifted the rating of Northam's children's services.
"""

#: A party's page: "our" and a date line, but party politics a council's own page may not carry.
PARTY_PAGE = """\
Northam children's services improve

4 Apr 2023

Under Liberal Democrat leadership our children's services have improved, say inspectors.
"""


#: A children's trust writing of itself as "the Trust".
TRUST_SPEAKING = """\
Northam children's trust praised by inspectors

Inspectors found that leaders at the Trust and the council work well together.
"""

#: An officer's title naming the council ("at the council said") is no reporter's
#: "the council said".
OFFICER_AT_THE_COUNCIL = """\
Northam responds to Ofsted's findings

We accept what inspectors found and have begun to act.

Pat Smith, director of children's services at the council said: "Our plan is in place."
"""

#: A news site's line naming its reporter.
PUBLISHED_BY_A_REPORTER = """\
Northam children's services judged good

Published by Sam Writer at 9:15am 6th March 2023.

Inspectors found that the Council knows its families well.
"""

#: A quote set out after "said:" without quotation marks is still the councillor's words.
UNMARKED_QUOTE = """\
Northam children's services judged good

Inspectors praised social workers in Northam.

Cllr Jo Bloggs, cabinet member for children, said:

We are proud of our staff and of what they do every day.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (FIRST_PERSON, "press_release"),
        (QUOTED_FIRST_PERSON, "other"),
        (COUNCIL_CAPITALISED, "press_release"),
        (COUNCIL_CAPITALISED.replace("the Council", "the council"), "other"),
        (NEWS_FURNITURE, "other"),
        (BYLINE_AND_DATE, "other"),
        (PARTY_PAGE, "other"),
        (TRUST_SPEAKING, "press_release"),
        (OFFICER_AT_THE_COUNCIL, "press_release"),
        (PUBLISHED_BY_A_REPORTER, "other"),
        (UNMARKED_QUOTE, "other"),
    ],
)
def test_who_speaks(text: str, kind: str) -> None:
    assert classify_text(text) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Posted by: Press Team on 3 March 2023 10:00",
        "Published on Friday, March 10, 2023",
        "Monday 6 March 2023: Northam's children's services have been judged good.",
        "14/03/2023 - Permalink",
        "By on 14/03/2023 in News, Children",
    ],
)
def test_a_council_pages_own_date_line(line: str) -> None:
    text = f"Northam children's services judged good\n\n{line}\n\nInspectors praised leaders.\n"
    assert classify_text(text) == "press_release"
    assert classify_text(text.replace(line, "")) == "other"


#: A council's decision record and an agenda item with its minutes (no "agenda item" words).
DECISION = """\
Issue - decisions

Children's improvement update

1. That the progress made since the last monitoring visit be noted.

Reason for decision: to keep the improvement plan under review.
"""
MINUTES = """\
7 Ofsted monitoring visit - children's services PDF 120 KB

Additional documents:

Minutes:

The Cabinet received an update on the improvement plan.
"""

#: A committee heading its own papers, and news naming a committee in a sentence.
COMMITTEE_HEADING = """\
Children and Young People Scrutiny Committee - 12 March 2023

Ofsted inspection of children's services: the outcome and next steps.
"""
COMMITTEE_IN_NEWS = """\
Northam's children's services still need to improve

The director told councillors on the children's overview and scrutiny panel that the
service had turned a corner.
"""


BOARD_MINUTES = """\
Minutes of the Corporate Parenting Board held on 12 March 2024

6. Ofsted inspection outcome
The Director reported that Ofsted had judged children's services in Northam as good.
"""
PRESENT = """\
Northam Council
Present: Councillors Bloggs (Chair), Smith and Jones

The Director reported that Ofsted had judged children's services as good.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (DECISION, "committee_report"),
        (MINUTES, "committee_report"),
        (COMMITTEE_HEADING, "committee_report"),
        (BOARD_MINUTES, "committee_report"),
        (PRESENT, "committee_report"),
        (COMMITTEE_IN_NEWS, "other"),
    ],
)
def test_committee_papers_by_their_structure(text: str, kind: str) -> None:
    assert classify_text(text) == kind
