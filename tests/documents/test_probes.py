"""Probes of generalisation: the same facts of an Ofsted judgement written as councils,
local papers, trade press and committee minutes write them, with other verbs, orders,
area names, hedges, tenses and date forms than the development pages use."""

from __future__ import annotations

import pytest

from ofstedcli import model
from ofstedcli.documents import extract
from ofstedcli.documents.extraction import judgement_field

G, OUT, RI, INAD = model.GOOD, model.OUTSTANDING, model.REQUIRES_IMPROVEMENT, model.INADEQUATE
#: A local news page dated in its own date line, about the made-up borough of Westbrook.
PAGE = "Westbrook Evening Post\nPosted on 14 March 2024\n\n{}\n\nComments are closed.\n"


def _todo(*values: object, reason: str) -> object:
    """A probe the reader does not yet pass: kept as a strict xfail with the reason."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


def _x(text: str):  # type: ignore[no-untyped-def]
    return extract(PAGE.format(text))


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Ofsted has judged Westbrook council's children's services to be good overall.", G),
        ("Westbrook's children's services have been awarded an 'outstanding' rating by "
         "Ofsted after a three-week inspection.", OUT),
        ("Westbrook handed 'inadequate' rating for children's services\n\nInspectors found "
         "serious and widespread failings in the council's work with families.", INAD),
        ("Children's services in Westbrook have climbed to 'good' following an inspection.",
         G),
        ("The borough's children's services have slipped to 'requires improvement' after "
         "inspectors visited in February.", RI),
        ("Westbrook council has retained its 'good' rating for children's services.", G),
        ("Children's services at Westbrook have been graded 'outstanding' by inspectors.", OUT),
        ("Westbrook secured an overall judgement of good from the inspectorate.", G),
        ("Ofsted assessed the council's services for children as requiring improvement to be "
         "good.", RI),
        ("The council received a 'requires improvement' grade from Ofsted for its "
         "children's services.", RI),
        ("Children's services in Westbrook have moved up to 'good' from 'requires "
         "improvement'.", G),
        ("Westbrook's children's services have dropped to 'inadequate', the lowest grade.", INAD),
        ("Overall effectiveness: Good\nLeadership: Good\nHelp and protection: Good", G),
        ("The overall effectiveness of the council's children's social care was judged "
         "outstanding.", OUT),
        ("Westbrook's social care services for children were branded 'inadequate' by Ofsted "
         "in a report published on Tuesday.", INAD),
        ("Ofsted gave the council's children's services a rating of 'good'.", G),
        ("Ofsted inspectors rated Westbrook Council's children's services as Outstanding "
         "in every area.", OUT),
        ("Inspectors concluded that services for children in Westbrook are good.", G),
        ("'We are thrilled,' said the council's leader, after Westbrook was rated 'good' "
         "overall.", G),
        ("Westbrook children's services now rated 'good' by Ofsted", G),
        # probes of a later session: an idiom with 'health' in it, social care as the
        # subject, 'now require improvement', a 'grading'
        ("Westbrook Council's children's services department has been given a clean bill of "
         "health, with Ofsted rating it good.", G),
        ("Children's social care in Westbrook is now officially 'outstanding', according to "
         "the education watchdog.", OUT),
        ("Westbrook council's children's services are no longer inadequate and now require "
         "improvement, Ofsted says.", RI),
        ("Inspectors have given Westbrook's services for vulnerable children a 'good' "
         "grading.", G),
        ("Ofsted has upgraded Westbrook's children's services to good.", G),
        ("Ofsted's report rates Westbrook as 'inadequate' - the lowest of four possible "
         "grades.", INAD),
        ("Ofsted has given children's services in Westbrook its second-highest rating.", G),
        ("Westbrook's children's services have been given a 'good' overall rating, with "
         "leadership rated 'outstanding'.", G),
        ("Westbrook has lost its outstanding rating, with Ofsted downgrading its children's "
         "services to good.", G),
        _todo("Westbrook children's services: Ofsted says 'good' but more to do", G,
              reason="'Ofsted says good' is also said of progress and practice"),
    ],
)  # fmt: skip
def test_overall_grade(text: str, grade: str) -> None:
    assert _x(text).get("inspection.overall") == grade


@pytest.mark.parametrize(
    "text",
    [
        "Westbrook is expected to be rated good when inspectors return next year.",
        "The council hopes to be judged good at its next inspection.",
        "If the council is judged inadequate, the government could step in.",
        "The council's ambition is to become outstanding by 2027.",
        "Westbrook had been rated inadequate in 2018 and is awaiting a new inspection.",
        "Services were previously rated 'requires improvement'.",
        "Councillors asked whether the service would be graded good or outstanding next time.",
        "The foster carers were praised for their outstanding commitment.",
        "Children's services were not rated inadequate, contrary to rumours.",
        "A council that is rated inadequate must draw up an improvement plan.",
    ],
)
def test_no_current_overall(text: str) -> None:
    assert _x(text).get("inspection.overall") is None


SUB = "inspection.judgements."


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The help and protection of children was judged good, while services for care "
         "leavers were rated as requiring improvement.",
         {"help_and_protection": G, "care_leavers": RI}),
        ("Leadership and management were rated outstanding.", {"leadership": OUT}),
        ("The experiences and progress of children in care was graded good.",
         {"in_care": G}),
        ("Ofsted rated leadership as good, help and protection as good, children in care as "
         "outstanding and care leavers as good.",
         {"leadership": G, "help_and_protection": G, "in_care": OUT, "care_leavers": G}),
        ("It was rated outstanding for children in care and good for the impact of leaders.",
         {"in_care": OUT, "leadership": G}),
        ("Three of the four areas were rated good, with care leavers judged to require "
         "improvement.", {"care_leavers": RI}),
        ("Support for care leavers was found to be outstanding.", {"care_leavers": OUT}),
        ("The judgements were:\nChildren who need help and protection - Good\nChildren in "
         "care - Requires improvement\nCare leavers - Good",
         {"help_and_protection": G, "in_care": RI, "care_leavers": G}),
        ("The council received 'good' for the experiences and progress of children in care "
         "and 'requires improvement' for services for care leavers.",
         {"in_care": G, "care_leavers": RI}),
        ("Inspectors gave an outstanding grade to leadership and management.",
         {"leadership": OUT}),
        ("The impact of leaders on social work practice: outstanding.", {"leadership": OUT}),
        ("Care leavers' services were judged to be inadequate.", {"care_leavers": INAD}),
        ("Help and protection for children was assessed as requiring improvement.",
         {"help_and_protection": RI}),
        ("Its work with children in care was rated good.", {"in_care": G}),
    ],
)  # fmt: skip
def test_sub_judgements(text: str, want: dict[str, str]) -> None:
    x = _x(text)
    assert {a: x.get(SUB + a) for a in want} == want


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The inspection took place on 4-8 March 2024.", "2024-03-04", "2024-03-08"),
        ("Inspectors were in the borough from 27 February to 10 March 2023.",
         "2023-02-27", "2023-03-10"),
        ("Ofsted inspected the service over three weeks in January 2024.", "2024-01", None),
        ("The inspection was carried out between 22 January and 2 February.",
         "2024-01-22", "2024-02-02"),
        ("The inspection, held from 11 to 22 September 2023, found much to praise.",
         "2023-09-11", "2023-09-22"),
        ("Inspectors visited on 9th and 10th October 2023.", "2023-10-09", "2023-10-10"),
        ("Ofsted inspectors visited the council earlier this month.", "2024-03", None),
        ("Ofsted inspected Westbrook's services last month.", "2024-02", None),
        ("The inspection ran from Monday 15 January to Friday 26 January 2024.",
         "2024-01-15", "2024-01-26"),
        ("Inspectors spent two weeks in Westbrook in February.", "2024-02", None),
        ("The inspection took place between 15.01.24 and 26.01.24.", "2024-01-15",
         "2024-01-26"),
        ("Ofsted inspected the council on 17/01/24.", "2024-01-17", None),
        ("Ofsted carried out the inspection between 29 January - 9 February 2024.",
         "2024-01-29", "2024-02-09"),
        ("Ofsted's inspection of children's services, which took place from January 15 to "
         "January 26, found strengths.", "2024-01-15", "2024-01-26"),
        ("The inspection took place in the week of 5 February 2024.", "2024-02-05", None),
    ],
)  # fmt: skip
def test_inspection_dates(text: str, start: str, end: str | None) -> None:
    x = _x(text)
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (start, end)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The report, published on 12 March 2024, rated the council good.", "2024-03-12"),
        ("Ofsted published its report today.", "2024-03-14"),
        ("Ofsted published its findings on Tuesday (12 March).", "2024-03-12"),
        ("The inspectorate's report was released on 8 March.", "2024-03-08"),
        ("In a report made public yesterday, inspectors rated the council good.",
         "2024-03-13"),
        # the page is dated Thursday 14 March 2024: its Tuesday is the 12th
        ("Ofsted published its report on Westbrook's children's services on Tuesday, rating "
         "them good.", "2024-03-12"),
    ],
)  # fmt: skip
def test_published(text: str, published: str) -> None:
    assert _x(text).get("inspection.published") == published


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ofsted carried out a focused visit to Westbrook's front door services in February.",
         "focused visit"),
        ("Inspectors returned for a third monitoring visit on 6 and 7 February 2024.",
         "monitoring visit"),
        ("The council's children's services were inspected under the ILACS framework last "
         "month, in a standard inspection.", "standard inspection"),
        ("Westbrook has had a short inspection of its children's services.",
         "short inspection"),
    ],
)  # fmt: skip
def test_visit_type(text: str, kind: str) -> None:
    assert _x(text).get("inspection.type") == kind


def _mentions(text: str) -> list[tuple[str | None, str | None]]:
    return [(m["overall"], m["date"]) for m in _x(text).mentions]


@pytest.mark.parametrize(
    ("text", "current", "want"),
    [
        ("Westbrook, which had been rated inadequate in 2019, is now judged good.", G,
         [(INAD, "2019")]),
        ("The council was previously judged to require improvement, in 2021; inspectors "
         "have now rated it good.", G, [(RI, "2021")]),
        ("Services have moved up to 'good' from 'requires improvement' in 2020.", G,
         [(RI, "2020")]),
        ("Westbrook is now rated good, up from inadequate at its last inspection in June "
         "2018.", G, [(INAD, "2018-06")]),
        ("Children's services slipped to 'requires improvement', having been rated good in "
         "2019.", RI, [(G, "2019")]),
        ("In its previous inspection, in 2017, Westbrook was rated good. This time Ofsted "
         "judged it outstanding.", OUT, [(G, "2017")]),
        ("Westbrook, which received an inadequate rating in 2016, has been judged good.", G,
         [(INAD, "2016")]),
        ("The council had been in intervention since being judged inadequate in March 2017; "
         "it is now rated requires improvement.", RI, [(INAD, "2017-03")]),
        ("Ofsted graded the council outstanding in 2018. This week's report rates it "
         "good.", G, [(OUT, "2018")]),
        ("The rating of 'good' replaces the 'inadequate' verdict handed down in 2015.", G,
         [(INAD, "2015")]),
        ("It is a big improvement on 2019, when the service was found to be inadequate. "
         "Inspectors rated it good.", G, [(INAD, "2019")]),
        ("Westbrook was rated as 'requires improvement' when it was last inspected in "
         "2020. It has now been rated good.", G, [(RI, "2020")]),
        # a later session's probes: the earlier grade in an aside, kept, or "the same as"
        ("Westbrook's rating has fallen from good, awarded in 2018, to requires "
         "improvement.", RI, [(G, "2018")]),
        ("Children's services were rated good, maintaining the grade awarded in 2019.", G,
         [(G, "2019")]),
        ("Ofsted rated the council good, the same as its last inspection in 2020.", G,
         [(G, "2020")]),
        ("The rating is an improvement on the 'requires improvement' verdict the council "
         "received in 2021.", None, [(RI, "2021")]),
        ("Ofsted also rated the borough's children's social care services 'Outstanding' in "
         "2018. This week it rated them good.", G, [(OUT, "2018")]),
        ("The watchdog rated the borough's fostering and adoption work 'good' in 2019. This "
         "week it rated the council outstanding overall.", OUT, []),
        ("Westbrook saw its 2019 rating rise from inadequate to good.", G, [(INAD, "2019")]),
        # a release's own words: "when we were last inspected", "our" services, a grade
        # retained since it was first awarded, "three years ago" counted from the page's date
        ("Our children's services have achieved 'good' in every area of the inspection, up "
         "from 'requires improvement' when we were last inspected in 2021.", G, [(RI, "2021")]),
        ("Ofsted has recognised the progress we have made, rating our services good. Three "
         "years ago, our services were rated inadequate.", G, [(INAD, "2021")]),
        ("We have retained our 'outstanding' rating from Ofsted, first awarded in 2018.", OUT,
         [(OUT, "2018")]),
        _todo("Westbrook, which was rated inadequate in 2017 and requires improvement in "
              "2020, is now good.", G, [(INAD, "2017"), (RI, "2020")],
              reason="a place as the subject of 'is now good' is not read (an area would be)"),
    ],
)  # fmt: skip
def test_two_inspections(text: str, current: str, want: list[tuple[str, str | None]]) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == current
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


#: A committee paper's minute, dated by its meeting.
MINUTE = (
    "Westbrook Borough Council\nChildren and Young People Scrutiny Committee\n"
    "Minutes of the meeting held on 9 April 2024\n\n7. Ofsted inspection of children's "
    "services\n\n{}\n\nRESOLVED: that the report be noted.\n"
)


@pytest.mark.parametrize(
    ("text", "overall", "areas"),
    [
        ("The Director reported that the service had been judged Good overall, with "
         "leadership rated Outstanding.", G, {"leadership": OUT}),
        ("Members noted the outcome of the inspection: overall effectiveness - requires "
         "improvement to be good.", RI, {}),
        ("The committee heard that Ofsted had graded the authority 'good' in all four "
         "judgement areas.", G, {}),  # the areas unnamed: which four is not stated
        ("The inspection outcome was as follows:\nOverall effectiveness: Good\nThe impact "
         "of leaders on social work practice with children and families: Good\nThe "
         "experiences and progress of children in care: Outstanding", G,
         {"leadership": G, "in_care": OUT}),
        ("Members were pleased that children's services had moved up to Good from "
         "Requires Improvement.", G, {}),
    ],
)  # fmt: skip
def test_minutes(text: str, overall: str, areas: dict[str, str]) -> None:
    x = extract(MINUTE.format(text))
    assert x.get("inspection.overall") == overall
    assert {a: x.get(SUB + a) for a in areas} == areas


@pytest.mark.parametrize(
    "text",
    [
        "Westbrook's neighbour, Eastmoor, was rated outstanding last year.",
        "Nationally, around one in ten councils are judged inadequate.",
        "The council's adult social care was rated good by the CQC.",
        "Westbrook's fostering agency was judged outstanding.",
        "Local schools were rated good or better in nine cases out of ten.",
        "The council's ambition remains to be rated outstanding.",
        "Leaders said they were 'not complacent' and would keep working to be outstanding.",
    ],
)
def test_other_grades_are_not_this_inspection(text: str) -> None:
    assert _x(text).get("inspection.overall") is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Westbrook was last inspected in 2019, when it was rated requires improvement.",
         [(RI, "2019")]),
        ("The borough's services have been rated inadequate since 2017.", [(INAD, "2017")]),
        ("Ofsted's 2018 inspection judged the council's services to be good.",
         [(G, "2018")]),
        ("The service, which was rated outstanding in 2015, slipped in 2019.",
         [(OUT, "2015")]),
    ],
)  # fmt: skip
def test_earlier_only(text: str, want: list[tuple[str, str | None]]) -> None:
    x = _x(text)
    assert x.get("inspection.overall") is None
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Inspectors spent a fortnight in the borough, from 4 to 15 March 2024.",
         "2024-03-04", "2024-03-15"),
        ("The visit took place on 20 and 21 February 2024.", "2024-02-20", "2024-02-21"),
        ("Ofsted visited between 5th-16th February 2024.", "2024-02-05", "2024-02-16"),
        ("The inspection ran from Jan 29 to Feb 9, 2024.", "2024-01-29", "2024-02-09"),
    ],
)  # fmt: skip
def test_more_dates(text: str, start: str, end: str | None) -> None:
    x = _x(text)
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (start, end)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Westbrook update after Ofsted focussed visit\n\nInspectors looked at services for "
         "children in care.", "focused visit"),
        ("The monitoring visit, the fourth since the council was judged inadequate, found "
         "progress.", "monitoring visit"),
        ("The re-inspection found that services are no longer inadequate.", "re-inspection"),
        ("Ofsted carried out a short inspection of Westbrook's children's services in "
         "January and rated them good.", "short inspection"),
    ],
)  # fmt: skip
def test_more_visit_types(text: str, kind: str) -> None:
    assert _x(text).get("inspection.type") == kind


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Good: leadership; help and protection; care leavers.\nOutstanding: children in care.",
         {"leadership": G, "help_and_protection": G, "care_leavers": G, "in_care": OUT}),
        ("| Judgement | Grade |\n| Overall effectiveness | Good |\n| Help and protection | "
         "Requires improvement |", {"help_and_protection": RI}),
        ("Inspectors graded the service for children in care 'good'.", {"in_care": G}),
        ("Children in care and care leavers were both judged to be good.",
         {"in_care": G, "care_leavers": G}),
        ("Ofsted found that leaders' impact on social work practice was outstanding.",
         {"leadership": OUT}),
        ("The experiences and progress of care leavers has improved to 'good'.",
         {"care_leavers": G}),
        ("Help and protection remains 'requires improvement', the report says.",
         {"help_and_protection": RI}),
        ("Leadership was deemed outstanding, and children in care good.",
         {"leadership": OUT}),
        ("The area for care leavers was rated as 'inadequate'.", {"care_leavers": INAD}),
        ("Westbrook was rated requires improvement for the help and protection of children.",
         {"help_and_protection": RI}),
        ("The judgements:\nOverall effectiveness Good\nThe impact of leaders Outstanding\n"
         "The experiences and progress of children in care and care leavers Good",
         {"in_care": G, "care_leavers": None}),  # one area before 2023, not two
        ("Leaders were judged good, with care leavers also good.",
         {"leadership": G, "care_leavers": G}),
        ("Ofsted rated the council good for leadership.", {"leadership": G}),
        ("Ofsted rated the council good for leadership and for care leavers, but said "
         "children in care services required improvement.",
         {"leadership": G, "care_leavers": G, "in_care": RI}),
        ("Inspectors rated three of the four areas as good: leadership, children in care and "
         "care leavers. Help and protection requires improvement.",
         {"leadership": G, "in_care": G, "help_and_protection": RI}),
        ("Ofsted rated Westbrook outstanding for its care leavers.", {"care_leavers": OUT}),
        ("Westbrook was judged good, having been rated inadequate in 2019.\n\nThe "
         "inspection took place in October 2022. Inspectors rated leadership "
         "'outstanding', help and protection 'good', children in care 'good' and care "
         "leavers 'requires improvement'.",
         {"leadership": OUT, "help_and_protection": G, "in_care": G, "care_leavers": RI}),
        # a later session's probes: an area's possessive, a passive move
        ("Care leavers' services were upgraded to good.", {"care_leavers": G}),
        ("The experiences and progress of children in care were judged to require "
         "improvement, as was the help and protection of children.",
         {"in_care": RI, "help_and_protection": RI}),
        ("Westbrook: overall effectiveness - good; leaders - good; help and protection - "
         "requires improvement; children in care - good; care leavers - good.",
         {"leadership": G, "help_and_protection": RI, "in_care": G, "care_leavers": G}),
        ("Inspectors said leadership had improved to good, but work with care leavers still "
         "requires improvement.", {"leadership": G, "care_leavers": RI}),
        ("Care leavers' services at Westbrook were the only area to be rated inadequate; the "
         "council was judged to require improvement overall.",
         {"overall": RI, "care_leavers": INAD}),
        # each grade with its number on Ofsted's scale, as a list and as a table
        ("Overall effectiveness: Inadequate (4)\nLeadership: Inadequate (4)\nHelp and "
         "protection: Requires improvement (3)\nChildren in care: Requires improvement (3)\n"
         "Care leavers: Good (2)",
         {"overall": INAD, "leadership": INAD, "help_and_protection": RI, "in_care": RI,
          "care_leavers": G}),
        ("Judgement Grade\nOverall effectiveness Inadequate (4)\nThe impact of leaders on "
         "social work practice Inadequate (4)\nThe experiences and progress of children who "
         "need help and protection Requires improvement (3)\nThe experiences and progress of "
         "children in care Good (2)",
         {"overall": INAD, "leadership": INAD, "help_and_protection": RI, "in_care": G}),
        _todo("Ofsted rated Westbrook good overall, with outstanding leadership.",
              {"leadership": OUT}, reason="'outstanding leadership' is praise as often"),
    ],
)  # fmt: skip
def test_sub_judgements_more(text: str, want: dict[str, str]) -> None:
    x = _x(text)
    assert {a: x.get(judgement_field(a)) for a in want} == want


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Westbrook: children's services judged 'Requires Improvement'", RI),
        ("OFSTED RATES WESTBROOK CHILDREN'S SERVICES AS GOOD", G),
        ("Inspectors have awarded Westbrook's children's services the top rating of "
         "'outstanding'.", OUT),
        ("Ofsted verdict: Westbrook children's services 'inadequate'", INAD),
        ("Children's social care in Westbrook is now rated 'Good' overall after a "
         "two-week inspection.", G),
        ("The service was given a 'requires improvement to be good' judgement.", RI),
        ("Westbrook has been awarded 'good' for its children's services.", G),
        ("Following the inspection, Westbrook was rated good.", G),
        ("The council's services were judged good, and leadership was judged outstanding.",
         G),
        ("Inspectors judged the council to require improvement.", RI),
        ("Inspectors judged Westbrook Children's Services Trust to require improvement.", RI),
        ("Inspectors found Westbrook's services to be outstanding.", OUT),
        ("Inspectors found that the council's services still require improvement.", RI),
        ("Ofsted said that the council's services for children remained inadequate.", INAD),
        ("Westbrook's children's services are now officially 'outstanding', Ofsted has "
         "confirmed.", OUT),
        ("Westbrook's children's services have been placed in the 'requires improvement' "
         "category.", RI),
        ("Westbrook celebrates 'good' Ofsted rating for children's services", G),
        ("Westbrook's children's services have been graded 'good' for the first time since "
         "2010.", G),
        ("Inspectors found children's services to be outstanding.", OUT),
        ("Ofsted verdict on Westbrook children's services: requires improvement", RI),
        ("An Ofsted inspection found that Westbrook's services for children in care were "
         "good, and that the council's children's services overall were good.", G),
    ],
)  # fmt: skip
def test_overall_grade_more(text: str, grade: str) -> None:
    assert _x(text).get("inspection.overall") == grade


@pytest.mark.parametrize(
    "text",
    [
        "Westbrook could be rated inadequate if progress stalls, councillors warned.",
        "The rating of 'inadequate' was removed after the 2022 inspection.",
        "Staff are working towards an 'outstanding' judgement.",
        "Which councils are rated outstanding? Here is the full list.",
        _todo(
            "Parents said the service should be graded inadequate.",
            reason="'should be rated' is how pages report a finding too ('inspectors concluded"
            " that the council should be rated Good'): who says it decides, not read",
        ),
        "It was the third time in a row the council has failed to achieve a good rating.",
        "Since services were judged to be inadequate, leaders have improved practice.",
        "Inspectors found the council's children's homes to be good.",
        "Inspectors found provision for disabled children to be good.",
        "Two areas were judged outstanding.",
        "Ofsted grades councils as outstanding, good, requires improvement or inadequate.",
        "Inspectors found that the quality of assessments is good.",
    ],
)
def test_no_current_overall_more(text: str) -> None:
    assert _x(text).get("inspection.overall") is None


@pytest.mark.parametrize(
    ("text", "current", "want"),
    [
        ("The council's children's services, rated inadequate in 2017 and requires "
         "improvement in 2021, have now been judged good.", G,
         [(INAD, "2017"), (RI, "2021")]),
        ("Westbrook has gone from requires improvement (2019) to good.", G, [(RI, "2019")]),
        ("Westbrook was judged good. At its previous inspection in 2018, it was rated "
         "requires improvement.", G, [(RI, "2018")]),
        ("Inspectors upgraded the council to 'good', having rated it 'inadequate' in "
         "March 2019.", G, [(INAD, "2019-03")]),
        ("Westbrook was judged good overall. This is a similar rating to the previous review "
         "in 2021.", G, [(G, "2021")]),
        ("Westbrook was judged good. Back in 2017, Ofsted found services to be inadequate.", G,
         [(INAD, "2017")]),
    ],
)  # fmt: skip
def test_two_inspections_more(text: str, current: str, want: list[tuple[str, str | None]]) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == current
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        _todo("The inspection was completed on 26 January 2024, having begun on 15 January.",
              "2024-01-15", "2024-01-26",
              reason="a start written after its end ('completed on ..., having begun on')"
              " is not joined to it: only the end is stated"),
        ("Inspectors were on site from the 4th until the 15th of March 2024.",
         "2024-03-04", "2024-03-15"),
        ("Ofsted's three-week visit began on 15 January.", "2024-01-15", None),
        ("Ofsted visited Westbrook during November and December 2023.", "2023-11",
         "2023-12"),
    ],
)  # fmt: skip
def test_dates_more(text: str, start: str, end: str | None) -> None:
    x = _x(text)
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (start, end)


#: A trade-press story: headline, standfirst, byline and body.
TRADE = "Children & Young People Now\n\n{}\n\nBy a staff reporter\nFriday 15 March 2024\n\n{}\n"


@pytest.mark.parametrize(
    ("headline", "body", "overall", "areas"),
    [
        ("Westbrook exits intervention after 'good' Ofsted verdict",
         "The council, which was rated inadequate in 2019, has been judged good in every "
         "area by inspectors.", G, {}),
        ("Inspectors find 'widespread failings' at Westbrook",
         "Ofsted has rated Westbrook inadequate, with help and protection also inadequate "
         "and care leavers requiring improvement.", INAD,
         {"help_and_protection": INAD, "care_leavers": RI}),
        ("Westbrook's children's services rise to outstanding",
         "Leadership, and the experiences of children in care, were both graded "
         "outstanding.", OUT, {"leadership": OUT, "in_care": OUT}),
        ("Ofsted: Westbrook 'requires improvement'",
         "The council's children's services require improvement to be good, according to "
         "a report published this week.", RI, {}),
    ],
)  # fmt: skip
def test_trade_press(headline: str, body: str, overall: str, areas: dict[str, str]) -> None:
    x = extract(TRADE.format(headline, body))
    assert x.get("inspection.overall") == overall
    assert {a: x.get(SUB + a) for a in areas} == areas


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Westbrook, judged inadequate back in 2016, is now rated good.", [(INAD, "2016")]),
        ("The council had held a 'requires improvement' rating since 2018 before this "
         "inspection found it good.", [(RI, "2018")]),
        ("It is the first 'good' rating for Westbrook since its services were judged "
         "inadequate in 2015.", [(INAD, "2015")]),
        ("Westbrook was graded outstanding - up two grades from its 2019 rating of "
         "requires improvement.", [(RI, "2019")]),
        # "three years ago", counted back from the page's date (14 March 2024), as the
        # development pages' labels count it ("good four years ago" in 2020: 2016)
        ("Three years ago Westbrook's services were branded inadequate; today they are "
         "good.", [(INAD, "2021")]),
        ("Seven years ago Westbrook's services were branded inadequate; today they are "
         "good.", [(INAD, "2017")]),
        ("The previous inspection, in November 2020, had judged the services to require "
         "improvement. Now they are good.", [(RI, "2020-11")]),
    ],
)  # fmt: skip
def test_mentions_more(text: str, want: list[tuple[str, str | None]]) -> None:
    assert _mentions(text) == want


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Westbrook children's services secure 'good' Ofsted rating", G),
        ("An Ofsted report has found Westbrook's children's services to be inadequate.",
         INAD),
        ("Westbrook's services for vulnerable children have been judged to require "
         "improvement.", RI),
        ("Ofsted has upgraded Westbrook's children's services to 'good'.", G),
        ("Westbrook's children's services have retained their outstanding rating.", OUT),
        ("The inspectorate has handed Westbrook its lowest rating, inadequate.", INAD),
        ("Ofsted handed Westbrook a 'good' rating after its three-week inspection.", G),
    ],
)  # fmt: skip
def test_overall_grade_verbs(text: str, grade: str) -> None:
    assert _x(text).get("inspection.overall") == grade


@pytest.mark.parametrize(
    "text",
    [
        "Westbrook was rated inadequate in 2016 and the council has been working hard since.",
        "Before the inspection, leaders had graded their own services as good.",
        "In its self-assessment, the council judged itself to be good.",
        "Ofsted rates one in five councils outstanding.",
        "Sources suggest the rating may be 'requires improvement'.",
    ],
)
def test_no_current_overall_again(text: str) -> None:
    assert _x(text).get("inspection.overall") is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("The full report was published on Ofsted's website on 8 March 2024.",
         "inspection.published", "2024-03-08"),
        ("Ofsted's report, released on Friday 8 March, rates the service good.",
         "inspection.published", "2024-03-08"),
        ("The findings were published on 8th March 2024.", "inspection.published",
         "2024-03-08"),
        ("The report (published 8 March 2024) rates Westbrook good.", "inspection.published",
         "2024-03-08"),
        ("The latest monitoring visit took place on 6 and 7 February.", "inspection.type",
         "monitoring visit"),
        ("Ofsted's focused visit looked at the 'front door' in January.", "inspection.type",
         "focused visit"),
        ("A team of five inspectors spent two weeks in Westbrook in late January and early "
         "February 2024.", "inspection.start_date", "2024-01"),
        ("The inspection took place between Monday 29 January and Friday 9 February.",
         "inspection.end_date", "2024-02-09"),
        ("Inspectors visited Westbrook between 29th January and 9th February 2024.",
         "inspection.start_date", "2024-01-29"),
        ("The inspection took place from 29 Jan to 9 Feb 2024.", "inspection.end_date",
         "2024-02-09"),
    ],
)  # fmt: skip
def test_field_as_written(text: str, field: str, value: str) -> None:
    assert _x(text).get(field) == value


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("The next full inspection is expected in 2027.", "inspection.start_date"),
        ("The council's improvement plan was published on 1 March 2024.",
         "inspection.published"),
        ("Westbrook's last monitoring visit was in 2022.", "inspection.type"),
        ("Ofsted will publish its report on 28 March.", "inspection.published"),
        ("Westbrook's previous inspection took place in January 2021.",
         "inspection.start_date"),
    ],
)  # fmt: skip
def test_field_not_this_inspections(text: str, field: str) -> None:
    assert _x(text).get(field) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Westbrook's services had been rated good at the previous inspection in 2019.",
         [(G, "2019")]),
        ("Ofsted last inspected Westbrook in 2020 and rated it inadequate.",
         [(INAD, "2020")]),
        ("When Ofsted last visited, in July 2021, it judged the service to require "
         "improvement.", [(RI, "2021-07")]),
        ("Westbrook's 2017 Ofsted judgement of inadequate led to a government commissioner "
         "being appointed.", [(INAD, "2017")]),
        ("The council's previous rating, awarded in 2018, was 'requires improvement'.",
         [(RI, "2018")]),
        ("Westbrook was rated inadequate in 2015, requires improvement in 2018 and good in "
         "2022.", [(INAD, "2015"), (RI, "2018"), (G, "2022")]),
        ("Services for care leavers were rated outstanding in 2019.", []),
        ("Westbrook was previously rated 'good' (in 2018).", [(G, "2018")]),
        ("Westbrook was rated inadequate in 2015 and good work followed in 2017.",
         [(INAD, "2015")]),
    ],
)  # fmt: skip
def test_mentions_as_written(text: str, want: list[tuple[str, str | None]]) -> None:
    x = _x(text)
    assert [(m["overall"], m["date"]) for m in x.mentions] == want
    assert x.get("inspection.overall") is None


@pytest.mark.parametrize(
    ("text", "overall", "areas"),
    [
        ("Inspectors did not find any area to be inadequate; overall, the service requires "
         "improvement to be good.", RI, {}),
        ("'This is a really positive outcome,' said the cabinet member. Ofsted judged "
         "Westbrook's services 'good' in each of the four areas inspected.", G, {}),
        ("The ratings were: overall - good; leadership - outstanding; children in care - "
         "good; care leavers - requires improvement.", G,
         {"leadership": OUT, "in_care": G, "care_leavers": RI}),
        ("Westbrook received a 'good' for the impact of leaders and an 'outstanding' for "
         "children in care, with an overall grade of good.", G,
         {"leadership": G, "in_care": OUT}),
        ("In their report, inspectors said the council's services for children were "
         "'inadequate' overall and that children in need of help and protection were not "
         "safe.", INAD, {}),
    ],
)  # fmt: skip
def test_mixed_pages(text: str, overall: str, areas: dict[str, str]) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == overall
    assert {a: x.get(SUB + a) for a in areas} == areas


@pytest.mark.parametrize(
    ("text", "start", "end", "published"),
    [
        ("Inspectors visited Westbrook from 22 January to 2 February 2024, and the report "
         "was published on 8 March 2024.", "2024-01-22", "2024-02-02", "2024-03-08"),
        ("The report of the inspection, carried out between 4 and 15 December 2023, was "
         "published on 1 February 2024.", "2023-12-04", "2023-12-15", "2024-02-01"),
        ("Published today, the report follows an inspection in January.", "2024-01", None,
         "2024-03-14"),
    ],
)  # fmt: skip
def test_dates_and_publication(text: str, start: str, end: str | None, published: str) -> None:
    x = _x(text)
    got = (x.get("inspection.start_date"), x.get("inspection.end_date"))
    assert (*got, x.get("inspection.published")) == (start, end, published)


@pytest.mark.parametrize(
    ("text", "overall", "areas"),
    [
        ("Westbrook is rated RI overall, with care leavers judged good.", RI,
         {"care_leavers": G}),
        ("The judgement for leadership was good; the judgement for children in care was "
         "requires improvement.", None, {"leadership": G, "in_care": RI}),
        ("Ofsted's verdict on the 'experiences and progress of children in care': good.",
         None, {"in_care": G}),
        ("Westbrook's children's services remain 'good', inspectors say, and leaders' "
         "impact is now outstanding.", G, {"leadership": OUT}),
        ("Help and protection: Good. Children in care: Good. Care leavers: Outstanding. "
         "Leadership: Good. Overall: Good.", G,
         {"help_and_protection": G, "in_care": G, "care_leavers": OUT, "leadership": G}),
        ("The experiences of care leavers, previously rated inadequate, are now good.", None,
         {"care_leavers": G}),
    ],
)  # fmt: skip
def test_areas_as_written(text: str, overall: str | None, areas: dict[str, str]) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == overall
    assert {a: x.get(SUB + a) for a in areas} == areas


def test_a_page_about_an_area_send_inspection() -> None:
    """Not children's social care: no ILACS from the date; the set outcome as quoted."""
    x = _x(
        "An Ofsted inspection of the area's special educational needs and disabilities "
        '(SEND) services has found "widespread and/or systemic failings". The inspection '
        "of the Westbrook local area partnership took place between 6 and 10 November 2023."
    )
    assert x.get("inspection.framework") == "SEND"
    assert x.get("inspection.outcome_level") == 3
    assert x.get("inspection.start_date") == "2023-11-06"


def test_a_news_page_rating_a_council_with_an_earlier_visit() -> None:
    x = _x(
        "Ofsted has today published its report on Westbrook's children's services, rating "
        "them 'Requires Improvement to be Good'.\n\nIn 2021 Ofsted found services to be "
        "inadequate, and a monitoring visit in 2022 found progress."
    )
    assert x.get("inspection.overall") == RI
    assert x.get("inspection.published") == "2024-03-14"
    assert x.get("inspection.type") is None  # the monitoring visit of 2022 was an earlier one


@pytest.mark.parametrize(
    "text",
    [
        "A focused visit by Ofsted in February looked at Westbrook's front door. The visit, on "
        "8 and 9 February, found strengths.",
        "A focused visit by Ofsted in February looked at Westbrook's front door.\n\nThe visit, "
        "on 8 and 9 February, found strengths.",
    ],
)
def test_the_visit_named_again_gives_its_days(text: str) -> None:
    x = _x(text)
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (
        "2024-02-08",
        "2024-02-09",
    )


def test_a_visit_that_is_not_ofsteds_gives_no_days() -> None:
    assert (
        _x("The mayor's visit, on 8 February, was a success.").get("inspection.start_date") is None
    )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Westbrook Gazette\n8 April 2024\n\nThe inspection took place between 26 February "
         "and 8 March, and the report was published on Friday.", "2024-04-05"),
        ("Westbrook Gazette\n8 April 2024\n\nThe report, released on Monday, found services "
         "good.", "2024-04-08"),
        ("Westbrook Gazette\n8 April 2024\n\nThe report will be published on Friday.", None),
        ("Published on Monday, April 8, 2024\n\nOfsted has rated Westbrook good.", None),
    ],
)  # fmt: skip
def test_a_report_published_on_a_weekday_of_the_pages_week(
    text: str, published: str | None
) -> None:
    assert extract(text).get("inspection.published") == published


#: The department's own page about a notice it issued, as GOV.UK lays it out.
NOTICE = (
    "Decision: Improvement notice issued to Westbrook council\n"
    "An improvement notice issued to Westbrook council due to poor performance in children's "
    "social care services.\nDetails\nThis improvement notice requires Westbrook council to "
    "take steps to improve its children's social care services.\n{}\nPublished 2 May 2024\n"
)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("It follows a report by Ofsted in March 2024 that judged the overall effectiveness "
         "of the council's children's social care services to be inadequate.",
         [(INAD, "2024-03")]),
        ("It follows an Ofsted report that judged the overall effectiveness of children's "
         "social care services provided by Westbrook council as inadequate.", [(INAD, None)]),
    ],
)  # fmt: skip
def test_the_judgement_a_notice_follows_is_an_earlier_one(
    sentence: str, want: list[tuple[str, str | None]]
) -> None:
    x = extract(NOTICE.format(sentence))
    assert x.get("inspection.overall") is None
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("At the last inspection in 2019, the overall effectiveness of services was judged "
         "to be inadequate. The overall effectiveness of children's services is now judged "
         "to be good.", G),
        ("Previously the overall effectiveness was judged inadequate.", None),
        ("The overall effectiveness of children's services is judged to be good.", G),
    ],
)  # fmt: skip
def test_an_overall_effectiveness_judged_before_is_not_this_inspections(
    text: str, overall: str | None
) -> None:
    assert _x(text).get("inspection.overall") == overall


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ofsted judged Westbrook's children's services to require improvement. The report "
         "also praised the experiences and progress of children in care, rating it as "
         "'good'.", {"in_care": G}),
        ("Two areas were rated good, while another - the experiences of care leavers - was "
         "deemed inadequate.", {"care_leavers": INAD}),
        ("The experiences of care leavers, which inspectors singled out, were deemed good.",
         {"care_leavers": G}),
        ("The service for children in care was rated as good, as was the support for care "
         "leavers, while leadership was rated outstanding.",
         {"in_care": G, "care_leavers": G, "leadership": OUT}),
        ("Ofsted rated Westbrook good. This time the only category which still required "
         "improvement was Children Who Need Help and Protection - inspectors' comments were "
         "mostly good about this part of the service.",
         {"help_and_protection": RI}),
    ],
)  # fmt: skip
def test_an_area_graded_after_an_aside(text: str, want: dict[str, str]) -> None:
    x = _x(text)
    assert {a: x.get(SUB + a) for a in want} == want


@pytest.mark.parametrize(
    ("text", "overall", "want"),
    [
        ("It is the first time the council's children's services have been rated good since "
         "2012.", G, []),
        ("The watchdog rated the council's children's social care as 'requires improvement "
         "to be good' - the same grade it received in 2019.", RI, [(RI, "2019")]),
        ("Inspectors said the council's services for vulnerable children 'require "
         "improvement to be good'.", RI, []),
        ("Ofsted said services for vulnerable children in Westbrook require improvement.", RI,
         []),
    ],
)  # fmt: skip
def test_the_grade_against_an_earlier_one(
    text: str, overall: str, want: list[tuple[str, str | None]]
) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == overall
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The local area partnership has been told it has widespread and/or systemic "
         "failings following an area SEND inspection.", 3),
        ("Ofsted and the CQC found the SEND partnership's arrangements typically lead to "
         "positive experiences and outcomes for children and young people.", 1),
        ("The area SEND inspection found that arrangements in Westbrook lead to inconsistent "
         "experiences and outcomes for children with SEND.", 2),
        # the two inspectorates' joint inspection, not named as an area SEND inspection
        ("Westbrook's SEND services have been found to have 'widespread and/or systemic "
         "failings' after an inspection by Ofsted and the Care Quality Commission.", 3),
    ],
)  # fmt: skip
def test_a_send_news_page_giving_only_the_outcome(text: str, level: int) -> None:
    inspection = _x(text).to_json()["inspection"]
    assert inspection["framework"] == "SEND"
    assert inspection["outcome_level"] == level
    assert inspection["outcome"] == text  # the sentence, not the page's heading above it


@pytest.mark.parametrize(
    ("text", "overall", "want"),
    [
        ("Westbrook's children's services have been rated outstanding, four years after a "
         "report found the services 'required improvement'.", OUT, [(RI, None)]),
        ("The report comes just over a year on from a damning Ofsted report, which found "
         "the services to be inadequate. Ofsted now rates Westbrook good.", G, [(INAD, None)]),
        ("Westbrook's services are now outstanding. This follows on from a 'good' rating "
         "in 2021.", OUT, [(G, "2021")]),
    ],
)  # fmt: skip
def test_a_grade_before_the_new_one(
    text: str, overall: str, want: list[tuple[str, str | None]]
) -> None:
    x = _x(text)
    assert x.get("inspection.overall") == overall
    assert [(m["overall"], m["date"]) for m in x.mentions] == want


def test_a_grade_given_back_in_a_month_is_not_the_new_one() -> None:
    x = _x(
        "Ofsted rated the borough's children's services 'inadequate' back in November. "
        "Inspectors have now found them to be good."
    )
    assert x.get("inspection.overall") == G


def test_two_inspectorates_rating_two_services_are_no_send_inspection() -> None:
    x = _x(
        "Westbrook is the only council to receive top grades from inspectors at Ofsted and "
        "the Care Quality Commission (CQC) for its services for children and adults. Its "
        "children's services were rated outstanding by Ofsted."
    )
    assert x.get("inspection.framework") != "SEND"
    assert x.get("inspection.overall") == OUT


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted will carry out a re-inspection of Westbrook's children's services next year.",
        "After a re-inspection in 2019 the council was judged good; it is now outstanding.",
    ],
)
def test_a_re_inspection_to_come_or_past_is_not_this_one(text: str) -> None:
    assert _x(text).get("inspection.type") != "re-inspection"
