"""Dates as news, releases and committee papers write them: the inspection's days, the
report's publication, and the page's own date kept apart."""

from __future__ import annotations

import pytest

from ofstedcli.documents import extract

#: A local news page with its own date line, then the sentence under test.
DATED = "Westmoor Gazette\n\nPublished: Thursday, 14 March 2024\n\n{}\n\nMore news soon."
#: The same page without a date line.
UNDATED = "Westmoor Gazette\n\n{}\n\nMore news soon."


def _dates(page: str) -> tuple[str | None, str | None]:
    x = extract(page)
    return x.get("inspection.start_date"), x.get("inspection.end_date")


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # A cue verb just before the days: "took place 4-8 December".
        ("The inspection of Westmoor, which took place 4-8 December 2023, found much to praise.",
         "2023-12-04", "2023-12-08"),
        # Days written month first, each with its weekday.
        ("The Ofsted visit happened between Tuesday, January 9 and Thursday, January 11, 2024.",
         "2024-01-09", "2024-01-11"),
        ("Ofsted carried out the monitoring visit conducted February 6-7 2024 in Westmoor.",
         "2024-02-06", "2024-02-07"),
        # A field copied from the report's front page.
        ("Inspection dates: 15 January to 26 January 2024", "2024-01-15", "2024-01-26"),
        # A clause that opens with its dates and goes on to the inspectors.
        ("On 6 and 7 February 2024 the council hosted Ofsted inspectors for a visit.",
         "2024-02-06", "2024-02-07"),
        # A month naming the inspection.
        ("Westmoor welcomed its October 2023 children's services inspection result.",
         "2023-10", None),
        # Two months, the year from the page's own date.
        ("Inspectors visited the service in November and December.", "2023-11", "2023-12"),
        # "This year" after the months: the page's year, though the months are later.
        ("The inspection took place in April and May this year.", "2024-04", "2024-05"),
        # "Last month", from the page's own date.
        ("The judgement follows an inspection last month of the council.", "2024-02", None),
        # A month, then the same month more precisely: the precise one wins.
        ("The inspection took place in January 2024. Inspectors were on site from 15 to 19 "
         "January 2024.", "2024-01-15", "2024-01-19"),
    ],
)  # fmt: skip
def test_inspection_dates_as_written(sentence: str, start: str, end: str | None) -> None:
    assert _dates(DATED.format(sentence)) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        # Another event's month after an inspection word.
        "Inspectors noted the new fostering hub, introduced in September 2023, works well.",
        # A first visit, where the text names a later one.
        "The second monitoring visit went well. The first monitoring visit in June 2023 was "
        "harder.",
        # An inspection that the sentence places before this one.
        "Services have improved since the inspection in May 2021.",
        # A date after the page's own: an inspection still to come.
        "The inspection will be carried out in July 2024.",
        # A visit that is not the inspectors'.
        "The children's minister visited Westmoor in January to open a family hub.",
        # A clause opening with its date, but no inspectors coming in it.
        "In November 2022, the council received a damning inspection report.",
        # A headline ending in "inspection" followed by the date line.
        "",
    ],
)
def test_other_dates_are_not_the_inspections(sentence: str) -> None:
    page = "Westmoor rated good after Ofsted inspection\n12 March 2024\n\n" + sentence
    assert _dates(page) == (None, None)


@pytest.mark.parametrize(
    ("page", "published"),
    [
        # "today" with a day and month: the year from the page's own date.
        (DATED.format("The Ofsted report, published today (Thursday 14 March), rates "
                      "Westmoor good."), "2024-03-14"),
        # The weekday settles the year where the page has no date: the inspection's.
        (UNDATED.format("The inspection took place in January 2024. In a report published "
                        "today (Thursday, March 14), Ofsted rated Westmoor good."),
         "2024-03-14"),
        # A report published on a day, far from the report word.
        (UNDATED.format("The inspection of Westmoor services for children in need of help "
                        "and protection and care leavers, published on 2 May 2019, is "
                        "attached."), "2019-05-02"),
        # "Published in April", the year from the inspection in the same sentence.
        (UNDATED.format("The inspection took place in February 2022 and the report was "
                        "published in April."), "2022-04"),
        # "Ofsted has today published": the page's date.
        (DATED.format("Ofsted has today published its report on Westmoor."), "2024-03-14"),
        # "Published today" wins over an earlier report's publication.
        (DATED.format("An Ofsted report, published in June 2022, found services inadequate. "
                      "A letter published today by Ofsted follows a visit in February."),
         "2024-03-14"),
    ],
)  # fmt: skip
def test_publication_as_written(page: str, published: str) -> None:
    assert extract(page).get("inspection.published") == published


@pytest.mark.parametrize(
    "page",
    [
        # The page's own date line is not the report's publication.
        DATED.format("Ofsted inspectors have rated the council's services good."),
        # A weekday that does not fall on the day: no year can be trusted.
        UNDATED.format("The inspection took place in January 2024. The Ofsted report, "
                       "published today (Monday, March 14), rates Westmoor good."),
        # An earlier report's publication.
        DATED.format("Services have improved since the report published in May 2021."),
    ],
)  # fmt: skip
def test_other_publications_are_not_the_reports(page: str) -> None:
    assert extract(page).get("inspection.published") is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The council's services improved, inspectors found during a two-day monitoring "
         "visit to Westmoor.", "monitoring visit"),
        ("Westmoor has been praised following a Focussed Visit by Ofsted.", "focused visit"),
        ("Ofsted conducted a standard inspection under the ILACS framework.",
         "standard inspection"),
        ("Services were praised after the latest monitoring visit.", "monitoring visit"),
    ],
)  # fmt: skip
def test_visit_type_as_written(sentence: str, kind: str) -> None:
    page = UNDATED.format("Westmoor children's services news. " * 20 + sentence)
    assert extract(page).get("inspection.type") == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The next monitoring visit will look at care leavers.",
        "Westmoor has had seven monitoring visits since 2022.",
        "Gaps found at the previous focused visit remain.",
        "Ofsted's framework " * 20 + "includes focused visits and monitoring visits.",
    ],
)
def test_visits_mentioned_in_passing_are_not_the_type(sentence: str) -> None:
    assert extract(UNDATED.format(sentence)).get("inspection.type") is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("In her report lead inspector Mary Okafor said leaders know their services.",
         "Mary Okafor"),
        ("His Majesty's Inspector, Tom Reyes-Hall, who led the team, praised staff.",
         "Tom Reyes-Hall"),
        ("Her Majesty's Inspector Ann Lee found progress.", "Ann Lee"),
    ],
)  # fmt: skip
def test_lead_inspector_as_written(sentence: str, name: str) -> None:
    assert extract(UNDATED.format(sentence)).get("inspection.lead_inspector") == name


@pytest.mark.parametrize(
    "sentence",
    [
        "His Majesty's Chief Inspector Ann Lee said councils face pressure.",
        "The inspectors Mary Okafor and Tom Reyes met staff.",
        "An inspector said: 'Ofsted Children are safe'.",
        "Detective Inspector Sam Cole said the police worked with the council.",
    ],
)
def test_other_names_are_not_the_lead_inspector(sentence: str) -> None:
    assert extract(UNDATED.format(sentence)).get("inspection.lead_inspector") is None


def test_the_2009_framework_named_in_words() -> None:
    # Named in words, it wins over the framework the date alone would give (SIF).
    page = UNDATED.format(
        "The safeguarding and looked after children inspection of Westmoor took place in "
        "November 2013."
    )
    assert extract(page).get("inspection.framework") == "SLAC"


@pytest.mark.parametrize(
    ("page", "day"),
    [
        # A month and year alone on a line under the headline: a partial date.
        ("Council responds to Ofsted report\nOctober 2022\nOfsted rated the council good.",
         "2022-10"),
        # A day written with dots at the top of a trade news page.
        ("14.03.24 Westmoor services praised by Ofsted\nInspectors found much improved.",
         "2024-03-14"),
        # "today (date)" dates a page that has no date line.
        ("Westmoor news\n\nThe Ofsted results were published today (14/03/24).", "2024-03-14"),
    ],
)  # fmt: skip
def test_page_date_as_written(page: str, day: str) -> None:
    assert extract(page).get("date") == day


def test_a_focus_visit_is_a_focused_visit() -> None:
    page = UNDATED.format("Ofsted wrote to the council after a recent focus visit.")
    assert extract(page).get("inspection.type") == "focused visit"


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        # The newest inspection told, though the earlier one is not called "previous".
        ("The council, inspected by Ofsted in March 2018, has now been rated good "
         "following a visit in February.", "2024-02"),
        # Another service's inspection is not the children's services'.
        ("Inspectors visited in January. A fostering regulatory inspection in February "
         "followed.", "2024-01"),
        # A day the inspection ended on is its end, never its start.
        ("The inspection, which concluded on 9 February 2024, found services good.", None),
        # Days in brackets after the inspection.
        ("The inspection (5-9 February 2024) found services good.", "2024-02-05"),
    ],
)  # fmt: skip
def test_which_inspection_dates_are_this_one(sentence: str, start: str | None) -> None:
    found = _dates(DATED.format(sentence))
    assert found[0] == start
    if start is None:
        assert found[1] == "2024-02-09"


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        # What else a page says was published is not the report.
        ("The council's improvement plan, published in February, follows the Ofsted "
         "inspection.", None),
        ("Ofsted's annual report, published in December, found councils under strain.", None),
        ("The council published its response to the inspection report on 12 March.", None),
        # A publication still to come falls after the page's date.
        ("The Ofsted report will be published on 2 January.", "2025-01-02"),
    ],
)  # fmt: skip
def test_which_publication_is_the_reports(sentence: str, published: str | None) -> None:
    assert extract(DATED.format(sentence)).get("inspection.published") == published


def test_a_dates_evidence_leaves_the_full_stop_out() -> None:
    x = extract(DATED.format("The inspection took place in January."))
    fact = x.fact("inspection.start_date")
    assert fact is not None and (fact.value, fact.text) == ("2024-01", "January")


def test_a_weekday_and_the_title_s_year_date_a_publication_written_without_a_year() -> None:
    head = "Ofsted children's services report 2016\n\n"
    body = "A report by Ofsted published today (Monday 23 May) found services improving.\n"
    later = "Services were first judged inadequate in 2011.\n"
    assert extract(head + body).get("inspection.published") == "2016-05-23"
    # A year named only further on is as often history: the weekday cannot choose it.
    assert (
        extract("Children's services report\n\n" + body + later).get("inspection.published") is None
    )
    # Nor can a title year on which the day fell on another weekday.
    assert extract(head.replace("2016", "2017") + body).get("inspection.published") is None


@pytest.mark.parametrize(
    "byline",
    ["By on 23/05/2014 in News", "By Jo Bloggs on 23 May 2014", "By Press Office on 23/05/2014"],
)
def test_a_posts_byline_dates_the_page(byline: str) -> None:
    # the headline above ends on "report", as the report's own publication line would
    text = (
        f"Publication of Ofsted children's services report\n\n{byline}\n\n"
        "Westbrook City Council responds to the Ofsted report published on 20 May 2014.\n"
    )
    assert extract(text).get("date") == "2014-05-23"


def test_a_sentence_opening_on_by_is_no_byline() -> None:
    text = (
        "Westbrook News\n\nBy the end of the inspection on 23 May 2014 inspectors had met "
        "staff.\nPosted on 2 June 2014\n"
    )
    assert extract(text).get("date") == "2014-06-02"


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Inspectors from Ofsted arrived for a two-week inspection of the council's children's "
         "services department today.", "2017-11-13"),
        ("Ofsted began its inspection of children's services in Westbrook today.",
         "2017-11-13"),
        ("The council began a consultation on its budget today.", None),
        ("Ofsted published its report today.", None),
    ],
)  # fmt: skip
def test_an_inspection_begun_today_starts_on_the_pages_day(
    sentence: str, start: str | None
) -> None:
    text = f"Westbrook News\n\nPUBLISHED: 16:28 13 November 2017\n\n{sentence}\n"
    assert extract(text).get("inspection.start_date") == start


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted has judged children's services in Westbrook to be good following an "
        "inspection between 22 April and 3 May 2024.",
        "Services were rated as 'requires improvement to be good' in the most recent "
        "inspection between 22 April and 3 May 2024.",
    ],
)
def test_a_grade_after_to_be_does_not_make_the_inspection_one_to_come(sentence: str) -> None:
    x = extract(f"Westbrook Council\n12/06/2024\n\n{sentence}\n")
    assert (x.get("inspection.start_date"), x.get("inspection.end_date")) == (
        "2024-04-22",
        "2024-05-03",
    )


def test_an_inspection_still_to_be_held_gives_no_dates() -> None:
    text = "Westbrook Council\n12/06/2024\n\nThe inspection is to be held between 22 and 26 July.\n"
    assert extract(text).get("inspection.start_date") is None


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("An inspection carried out in the week commencing 22 January found the council's "
         "children's services to be good.", "2024-01-22"),
        ("Inspectors visited the council in the week beginning 22 January and rated its "
         "children's services good.", "2024-01-22"),
        ("Ofsted has rated Westbrook's children's services as requiring improvement after a "
         "visit last November.", "2023-11"),
    ],
)  # fmt: skip
def test_an_inspections_week_or_last_month_of_that_name(sentence: str, start: str) -> None:
    assert _dates(f"Westbrook Gazette\nPublished: 7 March 2024\n\n{sentence}\n")[0] == start
