"""Documents written for the tests in the layouts Ofsted, the DfE and councils use.

Nothing here is copied from real documents: the councils, people and sentences are made up;
only the layout (where the title, dates line, judgement table and signature stand) follows
the real ones, since that is what the extractor reads.
"""

from __future__ import annotations

import textwrap
from datetime import date

from ofstedcli import model

ILACS_LABELS = {
    "leadership": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and protection",
    "in_care_combined": "The experiences and progress of children in care and care leavers",
    "in_care": "The experiences and progress of children in care",
    "care_leavers": "The experiences and progress of care leavers",
}
SIF_LABELS = {
    "help_and_protection": "1. Children who need help and protection",
    "in_care": "2. Children looked after and achieving permanence",
    "adoption": "2.1 Adoption performance",
    "care_leavers": "2.2 Experiences and progress of care leavers",
    "leadership": "3. Leadership, management and governance",
}
#: How SIF reports wrote a grade in their table.
SIF_WORDS = {
    model.OUTSTANDING: "Outstanding",
    model.GOOD: "Good",
    model.REQUIRES_IMPROVEMENT: "Requires improvement",
    model.INADEQUATE: "Inadequate",
}


def long_date(day: date) -> str:
    """A date as reports write it: "7 October 2024"."""
    return f"{day.day} {day:%B %Y}"


def _wrap(label: str, width: int) -> list[str]:
    """A table cell broken over lines as PDF text comes out."""
    return textwrap.wrap(label, width) or [label]


def _body(paragraphs: int, seed: int) -> list[str]:
    """Filler paragraphs of plausible report prose, wrapped."""
    words = (
        "Leaders know their services well and act on what they learn from audits. "
        "Social workers visit children often and see them alone. Plans are clear and "
        "reviewed on time. Managers oversee decisions and record their reasons. "
    )
    out: list[str] = []
    for n in range(paragraphs):
        out += textwrap.wrap(f"{seed + n}. {words * (1 + n % 3)}", 84)
    return out


def _paginate(lines: list[str], header: str, per_page: int = 40) -> str:
    """Lines split into pages joined by form feeds, each after the first with a running
    header and page number, as pypdfium2 gives a report's text."""
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    out = []
    for number, page in enumerate(pages, start=1):
        top = [] if number == 1 else [header, str(number)]
        out.append("\n".join(top + page))
    return "\f".join(out)


def ilacs_report(
    authority: str,
    start: date,
    end: date,
    lead: str,
    grades: dict[str, str],
    *,
    overall: str | None,
    separate_care_leavers: bool,
    width: int = 46,
) -> str:
    """An ILACS report: title, dates, lead inspector, "Judgement Grade" table, then prose.

    ``grades`` holds leadership, help_and_protection, in_care and (when separate)
    care_leavers; ``overall`` None makes a post-April-2026 report without that row.
    """
    title = f"Inspection of {authority} local authority children's services"
    if (start.year, start.month) == (end.year, end.month):
        dates = f"{start.day} to {long_date(end)}"
    elif start.year == end.year:
        dates = f"{start.day} {start:%B} to {long_date(end)}"
    else:
        dates = f"{long_date(start)} to {long_date(end)}"
    lines = textwrap.wrap(title, 40)
    lines += [f"Inspection dates: {dates}", f"Lead inspector: {lead}, His Majesty's Inspector"]
    lines.append("Judgement Grade")
    rows = ["leadership", "help_and_protection"]
    rows += ["in_care", "care_leavers"] if separate_care_leavers else ["in_care_combined"]
    for key in rows:
        area = "in_care" if key == "in_care_combined" else key
        lines += _wrap(ILACS_LABELS[key], width)
        lines.append(grades[area] + " ")
    if overall is not None:
        lines.append(f"Overall effectiveness {overall} ")
    lines += textwrap.wrap(
        f"Children in {authority} receive help that is timely and well planned. Since the "
        f"last inspection in {start.year - 4}, when services were judged to be inadequate, "
        "leaders have improved practice steadily.",
        84,
    )
    lines += _body(40, 1)
    return _paginate(lines, f"{title}\n{dates}")


def sif_report(
    authority: str,
    start: date,
    end: date,
    published: date,
    lead: str,
    grades: dict[str, str],
    *,
    overall: str,
    lscb: str | None,
) -> str:
    """A SIF report: authority, title, dates, headline, numbered table, LSCB review, team."""
    lines = ["1", authority]
    lines += [
        "Inspection of services for children in need of help and ",
        "protection, children looked after and care leavers",
    ]
    if lscb is not None:
        lines += [
            "and",
            "Review of the effectiveness of the Local Safeguarding Children ",
            "Board1",
        ]
    lines.append(f"Inspection date: {long_date(start)} to {long_date(end)}")
    lines.append(f"Report published: {long_date(published)}")
    if overall == model.REQUIRES_IMPROVEMENT:
        headline = f"Children's services in {authority} require improvement to be good"
    else:
        headline = f"Children's services in {authority} are {overall.lower()}"
    lines += textwrap.wrap(headline, 60)
    lines.append("It is Ofsted's expectation that all children receive good help and care.")
    for area, label in SIF_LABELS.items():
        lines += _wrap(label, 44)
        lines.append(SIF_WORDS[grades[area]])
    lines += _body(30, 1)
    if lscb is not None:
        lines.append("The Local Safeguarding Children Board (LSCB)")
        lines.append(f"The Local Safeguarding Children Board is {SIF_WORDS[lscb].lower()} ")
        lines += _body(8, 200)
    lines += ["Information about this inspection", f"Lead inspector: {lead}"]
    lines += ["Deputy lead inspector: Pat Example", "Team inspectors: Sam Sample, Alex Demo"]
    header = f"{authority} inspection report"
    return _paginate(lines, header)


MINISTERIAL = """\


Jo Bloggs MP Parliamentary Under-Secretary of State for Children and Families

Sanctuary Buildings 20 Great Smith Street Westminster London SW1P 3BT www.education.gov.uk

Councillor Ann Other Wessex County Council County Hall 1 High Street Wessex WX1 2AB

5 March 2022

Dear Councillor Other,

WESSEX COUNTY COUNCIL: INSPECTION OF LOCAL AUTHORITY CHILDREN'S SOCIAL CARE SERVICES \
(PUBLISHED 1/3/22)

I write following Ofsted's report on Wessex County Council's children's services, in which \
Ofsted has judged the overall effectiveness of these services to be 'Outstanding'. I am glad \
that services in Wessex have improved from 'Good' to 'Outstanding'.

I am copying this letter to your chief executive.

Yours sincerely

Jo Bloggs MP
Parliamentary Under-Secretary of State for Children and Families
"""

ENGAGEMENT = """\
Ofsted
1 Example Street
Manchester
M1 1AA

www.gov.uk/ofsted

10 February 2020

Sam Smith
Director of Children's Services
Barset City Council
Town Hall
Barset
BS1 9ZZ

Annual engagement meeting 3 February 2020

Dear Sam

Thank you for meeting us to talk about children's services in Barset.

Your last full inspection was in 2016 and your last monitoring visit late in 2018. \
Services were judged inadequate in March 2016.

Yours sincerely

Chris Jones HMI
Regional Director, South West
"""

FOCUSED_VISIT = """\
Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

12 June 2019

Ms Pat Lee
Director of Children's Services
Midshire County Council
Shire Hall
Midtown
MD1 1AA

Dear Pat

Focused visit to Midshire local authority children's services

This letter summarises the findings of the focused visit to Midshire local authority \
children's services on 14 May 2019 and 15 May 2019. The inspectors were Robin Hood, Her \
Majesty's Inspector, and Marian Green, Her Majesty's Inspector.

Since the last inspection in 2017, when services were judged to be good, leaders have kept \
their focus on practice.

Yours sincerely

Robin Hood
Her Majesty's Inspector
"""

MONITORING_VISIT = """\
22 November 2023

Mr Lee Chan
Director of Children's Services
Eastport Borough Council
Civic Centre
Eastport
EP1 2CD

Dear Lee

Monitoring visit to Eastport children's services

This letter summarises the findings of the monitoring visit to Eastport children's services \
on 24 and 25 October 2023. This was the second monitoring visit since the local authority \
was judged inadequate in January 2023.

Yours sincerely

Dana Scully
His Majesty's Inspector
"""

PRESS_RELEASE = """\
Menu

Good news for children in Northam as inspectors praise services

Published on Tuesday, June 6, 2023

Children's services in Northam are now rated as good, according to inspectors.

The report says leaders acted quickly after an inspection in March 2019 found them to be \
inadequate. The most recent inspection was carried out in April.

The leadership, management and governance of children's services, which Ofsted says is now \
outstanding, was singled out.

Councillor Jane Doe said: "This is the result of hard work across the city council."

The city mayor said: "We will keep improving."
"""

COMMITTEE = """\


**PEOPLE OVERVIEW AND SCRUTINY
COMMITTEE - 12 MARCH 2025**

**OFSTED INSPECTION OF CHILDREN'S SERVICES**

**REPORT OF THE DIRECTOR OF CHILDREN'S
SERVICES**

Purpose of the Report

1. To tell the committee the outcome of the inspection of Westshire County Council's \
children's services.

2. The inspection took place from 13 January to 24 January 2025 under the framework for the \
Inspection of Local Authority Children's Services.

3. The previous inspection in 2021, when the judgement for overall effectiveness was \
'inadequate', led to an improvement plan.

Judgement\tGrade
The impact of leaders on social work practice with children and families\tGood
The experiences and progress of children who need help and protection\tGood
The experiences and progress of children in care\tRequires improvement to be good
The experiences and progress of care leavers\tGood

4. The overall effectiveness of children's services in Westshire has been judged to be Good.

Officers to Contact

Kim Park
Director of Children's Services
"""


def visit_letter(
    council: str,
    when: str,
    team: str,
    looked_at: str,
    *,
    letter_date: str = "3 August 2022",
    visit: str = "focused visit",
    signer: str = "Robin Hood",
) -> str:
    """An Ofsted visit letter: letterhead, date, address, subject, opening paragraph saying
    when the visit was (``when``: "on 14 and 15 June 2022"), who made it (``team``: a whole
    sentence) and what it looked at (``looked_at``: a whole sentence)."""
    return f"""\
Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

{letter_date}

Alex Doe
Director of Children's Services
{council} Council
Civic Centre
{council}
ZZ1 1ZZ

Dear Alex

{visit.capitalize()} to {council} children's services

This letter summarises the findings of the {visit} to {council} children's services \
{when}. {team}

{looked_at}

This visit was carried out in line with the inspection of local authority children's \
services (ILACS) framework.

Headline findings

Leaders know their services well. Children in care see their social workers often.

Yours sincerely

{signer}
His Majesty's Inspector
"""


#: The set outcome sentences of the 2023 area SEND framework, by level.
SEND_OUTCOMES = {
    1: "The local area partnership's special educational needs and/or disabilities (SEND) "
    "arrangements typically lead to positive experiences and outcomes for children and young "
    "people with SEND. The local area partnership is taking action where improvements are "
    "needed.\nThe next full area SEND inspection will be within approximately five years.",
    2: "The local area partnership's arrangements lead to inconsistent experiences and "
    "outcomes for children and young people with special educational needs and/or "
    "disabilities (SEND). The local area partnership must work jointly to make "
    "improvements.\nThe next full area SEND inspection will be within approximately 3 years.",
    3: "There are widespread and/or systemic failings leading to significant concerns about "
    "the experiences and outcomes of children and young people with special educational "
    "needs and/or disabilities (SEND), which the local area partnership must address "
    "urgently.\nA monitoring inspection will be carried out within approximately 18 months. "
    "The next full reinspection will be within approximately three years.",
}


def send_report(area: str, dates: str, level: int, lead: str = "Robin Hood") -> str:
    """A 2023-framework area SEND report: title, dates, outcome, partnership, team."""
    return f"""\
Local area partnership report
Area SEND inspection of {area} Local
Area Partnership
Inspection dates: {dates}
Dates of previous inspection: 6 to 10 March 2017
Inspection outcome
{SEND_OUTCOMES[level]}
Information about the local area partnership
{area} Council and the NHS {area} Integrated Care Board are jointly responsible for the
planning and commissioning of services for children and young people with SEND.
What is it like to be a child or young person with SEND in this area?
Children and young people are listened to and their needs are met well.
Inspection team
Ofsted Care Quality Commission
{lead}, Ofsted HMI Lead inspector Pat Green, CQC Lead inspector
Sam Brown, Ofsted HMI Lee White, CQC inspector
\f© Crown copyright 2024
"""
