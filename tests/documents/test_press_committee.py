"""Council press releases and committee reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofstedcli import model
from ofstedcli.documents import extract
from tests.documents import factory


def test_press_release() -> None:
    x = extract(factory.PRESS_RELEASE)
    out = x.to_json()
    assert out["kind"] == "press_release"
    assert out["date"] == "2023-06-06"
    assert out["authority"]["name"] == "Northam"
    assert out["sender"]["organisation"] == "Northam City Council"
    assert out["recipient"] is None
    insp = out["inspection"]
    assert insp["overall"] == model.GOOD
    assert insp["judgements"] == {"leadership": model.OUTSTANDING}
    # "carried out in April", in a release of June 2023: the month is given, never a day.
    assert insp["start_date"] == "2023-04"
    assert insp["published"] is None
    assert out["mentions"] == [
        {"date": "2019-03", "type": "inspection", "overall": model.INADEQUATE}
    ]
    assert out["evidence"]["sender.organisation"]["text"] in ("city council", "city mayor")


@pytest.mark.parametrize(
    "head",
    [
        "Skip to main content\nSign in to your Northam account\nPublished: 6 June 2023\n",
        "This article is more than 1 year old\n\n",
        "Toggle menu\nYou are currently in: News and events\n",
        "\u201cWe are delighted with the report, and proud\u201d,\n",
    ],
)
def test_a_releases_headline_is_not_site_furniture_or_a_quotation(head: str) -> None:
    text = head + "Children's services rated good by Ofsted\n\n" + factory.PRESS_RELEASE
    assert extract(text).get("title") == "Children's services rated good by Ofsted"


def test_a_release_that_begins_with_its_body_has_no_headline() -> None:
    """Not a sentence, nor a line further down the body taken for a heading."""
    text = (
        "Northam City Council's children's services have been rated good by Ofsted.\n"
        "Inspectors praised the council's work with care leavers\n\n" + factory.PRESS_RELEASE
    )
    assert extract(text).get("title") is None


def test_a_releases_date_is_not_the_report_it_answers() -> None:
    """ "the report published on ..." is the inspection's publication; the release's own
    "published on" line (even under a headline naming the inspection) is its date."""
    answer = extract(
        "Press release\n\nPublication of the Ofsted children's services report\n\n"
        "Northam City Council response to the Ofsted children's services report "
        "published on 23 May 2014\n\n"
        "Our cabinet member said the council would act on every recommendation.\n"
    )
    assert answer.kind == "press_release"
    assert answer.get("inspection.published") == "2014-05-23"
    assert answer.get("date") != "2014-05-23"
    release = extract(
        "Northam children's services rated good after latest inspection\n\n"
        "News Release PR9452 - published on 24 February 2026\n\n"
        "Following an inspection last month, Ofsted has rated our children's services as "
        "'Good' overall, the council said.\n"
    )
    assert release.get("date") == "2026-02-24"


def test_committee_report() -> None:
    out = extract(factory.COMMITTEE).to_json()
    assert out["kind"] == "committee_report"
    assert out["date"] == "2025-03-12"
    assert out["recipient"]["organisation"] == "People Overview and Scrutiny Committee"
    assert out["sender"]["role"] == "Director of Children's Services"
    assert out["sender"]["organisation"] == "Westshire County Council"
    insp = out["inspection"]
    assert insp["framework"] == "ILACS"
    assert (insp["start_date"], insp["end_date"]) == ("2025-01-13", "2025-01-24")
    assert insp["overall"] == model.GOOD
    assert insp["judgements"] == {
        "leadership": model.GOOD,
        "help_and_protection": model.GOOD,
        "in_care": model.REQUIRES_IMPROVEMENT,
        "care_leavers": model.GOOD,
    }
    assert out["mentions"] == [{"date": "2021", "type": "inspection", "overall": model.INADEQUATE}]


def test_a_place_named_exactly_wins_over_a_fuzzy_guess(tiny_db_file: Path) -> None:
    from ofstedcli.documents.extraction import Extraction, Fact
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    x = Extraction(
        "other",
        [
            Fact("authority.name", "Leicster", 0, 8, "Leicster"),
            Fact("authority.candidates[1]", "Leicestershire", 20, 34, "Leicestershire"),
        ],
    )
    with open_store(tiny_db_file) as store:
        found = resolve_authority(store, x)
        alone = resolve_authority(store, Extraction("other", x.facts[:1]))
    assert found is not None and found.ons_code == "E10000018"
    assert alone is not None and alone.ons_code == "E06000016"  # a typo still resolves


def test_a_place_named_only_in_passing_is_read(tiny_db_file: Path) -> None:
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    x = extract("Inspectors praised the work done in Solihull over the last year.\n")
    with open_store(tiny_db_file) as store:
        found = resolve_authority(store, x)
    assert found is not None and found.ons_code == "E08000029"


def test_the_place_named_most_wins_over_a_partner_council_named_once() -> None:
    text = (
        "Children's services in Rutland have made steady progress, inspectors found.\n\n"
        "Rutland's leaders were praised, and experts from Leicestershire County Council will\n"
        "keep supporting social workers in Rutland as the improvement plan continues.\n"
    )
    names = extract(text).authority_names
    assert names[0] == "Rutland"
    assert "Leicestershire County Council" in names


def test_a_council_named_in_lower_case_as_news_writes_it() -> None:
    text = (
        "The Isle of Wight council's services for children were rated good this week.\n\n"
        "Inspectors said the partnership with Hampshire County Council had helped, and the\n"
        "Isle of Wight council thanked its staff.\n"
    )
    assert extract(text).authority_names[0] == "Isle of Wight council"
    text = "A statutory direction was issued to Buckinghamshire county council in July.\n"
    assert extract(text).authority_names[0] == "Buckinghamshire county council"
    party = "The Labour council said it would act on the report into Sefton Council.\n"
    assert extract(party).authority_names[0] == "Sefton Council"


def test_a_council_named_in_passing_loses_a_tie_to_a_councils_title() -> None:
    text = (
        "A Surrey council merger has slowed improvement at Sutton Borough Council, "
        "inspectors said.\n"
    )
    assert extract(text).authority_names[0] == "Sutton Borough Council"


def test_the_fields_abbreviations_are_no_places() -> None:
    """The ILACS inspection, the SEND inspection, a JTAI: frameworks, never places."""
    text = (
        "1.1 To inform members of the outcome of the ILACS inspection of Westbrook Children's "
        "Trust in June.\n1.2 It follows the SEND inspection of the area and a visit by HMI.\n"
    )
    names = extract(text).authority_names
    assert names[0] == "Westbrook"
    assert not {"ILACS", "Ilacs", "SEND", "Send", "HMI", "Hmi"} & set(names)


def test_places_named_in_looser_ways() -> None:
    abbreviated = "The outstanding grade was awarded to Sefton MBC last spring.\n"
    assert "Sefton" in extract(abbreviated).authority_names
    heading = "8 Ofsted update - Children's Services in Thurrock PDF 161 KB\n\nMinutes:\n"
    names = extract(heading).authority_names
    assert "Thurrock" in names and not any("PDF" in n for n in names)
    subject = "North Somerset has improved its help for families, Ofsted said.\n"
    assert "North Somerset" in extract(subject).authority_names
    judged = "After two weeks of visits, Torbay was judged good by inspectors.\n"
    assert "Torbay" in extract(judged).authority_names
    again = "Inspectors say Torbay has once again been rated good, as it was in 2019.\n"
    assert "Torbay" in extract(again).authority_names
    plural = "Ofsted inspected Tower Hamlets' children's services in February 2024.\n"
    assert extract(plural).authority_names[0] == "Tower Hamlets"
    county = "Help for families in County Durham is strong, the letter said.\n"
    assert extract(county).authority_names == ["County Durham"]


@pytest.mark.parametrize(
    ("sentence", "council"),
    [
        ("Northam with Southam Council has accelerated its plans.", "Northam with Southam Council"),
        (
            "Staff at Northam with Southam Borough Council said",
            "Northam with Southam Borough Council",
        ),
        ("NORTHAM WITH SOUTHAM COUNCIL", "Northam with Southam Council"),
        ("Working with Westbrook Council, inspectors found", "Westbrook Council"),
        ("Together with Westbrook Council, the trust", "Westbrook Council"),
        ("Talks with Westbrook City Council went well.", "Westbrook City Council"),
        ("The trust agreed with Westbrook Council that", "Westbrook Council"),
    ],
)
def test_with_joins_two_places_in_a_councils_name(sentence: str, council: str) -> None:
    from ofstedcli.documents import places

    assert [n.value for n in places.councils(sentence)] == [council]


def test_a_councils_web_address_names_it(tiny_db_file: Path) -> None:
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    x = extract("Inspectors rated the service good. Read more at www.bathnes.gov.uk/news.\n")
    assert "bathnes" in x.authority_names
    with open_store(tiny_db_file) as store:
        found = resolve_authority(store, x)
    assert found is not None and found.ons_code == "E06000022"
    national = extract("The report is on www.ofsted.gov.uk and www.gov.uk.\n")
    assert national.authority_names == []


def test_a_committee_papers_date_is_its_meetings() -> None:
    body = (
        "Purpose of the report\n\n"
        "Inspectors visited between 3 and 14 March 2025 and their report was published on\n"
        "2 May 2025.\n"
    )
    assert extract(body).get("date") is None
    dated = "Cabinet\n\nDate of meeting: 18 June 2025\n\n" + body
    assert extract(dated).get("date") == "2025-06-18"
    minutes = "Minutes of the Children's Scrutiny Panel held on Tuesday 24 June 2025\n\n" + body
    assert extract(minutes).get("date") == "2025-06-24"


def test_a_borough_heading_a_page_does_not_run_into_the_next_paragraph() -> None:
    x = extract("Royal Borough of Wessex\n\nOfsted rates Wessex children's services good.\n")
    assert x.authority_names[0] == "Royal Borough of Wessex"


def test_a_common_word_is_not_counted_as_a_place() -> None:
    text = (
        "Children in Care in Rutland were seen by inspectors.\n\n"
        "Care leavers said their care was good; the care team in Rutland was praised.\n"
    )
    names = extract(text).authority_names
    assert names[0] == "Rutland" and "Care" not in names


def test_words_that_open_sentences_are_not_taken_for_places() -> None:
    text = (
        "Wessex children's services improve\n\n"
        "There's been real progress in Wessex, inspectors said. Leaders were judged to be "
        "effective. Progress has been steady since the visit to Wessex County Council.\n"
    )
    x = extract(text)
    names = [f.value for f in x.facts if f.field.startswith("authority.")]
    assert "There" not in names
    assert "Leaders" not in names
    assert "Progress" not in names
    assert any("Wessex" in n for n in names)


def test_national_bodies_are_not_taken_for_places() -> None:
    text = (
        "Wessex rated outstanding\n\n"
        "After the Independent Review of Children's Social Care praised Wessex's early help, "
        "inspectors gave Wessex the top grade. The Government's Department for Education's "
        "Families First programme was mentioned.\n"
    )
    names = extract(text).authority_names
    assert "Wessex" in names
    assert not [n for n in names if "Review" in n or "Department" in n or "Government" in n]


def test_only_names_of_authorities_are_kept_as_candidates(tiny_db_file: Path) -> None:
    from ofstedcli.documents.extraction import Extraction, Fact
    from ofstedcli.documents.link import named_candidates, resolve_authority
    from ofstedcli.store import open_store

    names = ["Leicester", "Family Network Meetings", "Leicestershire", "Cabinet"]
    x = Extraction(
        "other",
        [Fact("authority.name", names[0], 0, 9, names[0])]
        + [Fact(f"authority.candidates[{n}]", v, 0, 1, v) for n, v in enumerate(names[1:], 1)],
    )
    with open_store(tiny_db_file) as store:
        kept = named_candidates(store, x, resolve_authority(store, x))
    assert kept.authority_names == ["Leicester", "Leicestershire"]
    numbers = [f.field for f in kept.facts if f.field.startswith("authority.candidates")]
    assert numbers == ["authority.candidates[1]"]


def test_a_name_two_authorities_share_is_settled_by_the_region_the_text_gives(
    tiny_db_file: Path,
) -> None:
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    about = "Services in Kingston have improved again, inspectors said this week.\n"
    placed = "A London borough has moved up a grade. " + about
    north = "One Yorkshire council has moved up a grade. " + about
    with open_store(tiny_db_file) as store:
        london = resolve_authority(store, extract(placed))
        hull = resolve_authority(store, extract(north))
        unplaced = resolve_authority(store, extract(about))
    assert london is not None and london.ons_code == "E09000021"  # Kingston upon Thames
    assert hull is not None and hull.ons_code == "E06000010"  # Kingston upon Hull
    assert unplaced is None  # nothing in the text settles it: not guessed


def test_a_name_shared_with_a_former_authority_is_the_former_one_before_the_change(
    tiny_db_file: Path,
) -> None:
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    def page(year: int) -> str:
        return (
            f"Ofsted published its report on 12 May {year}: children's services in Dorset"
            " require improvement to be good.\n"
        )

    with open_store(tiny_db_file) as store:
        before = resolve_authority(store, extract(page(2016)))
        after = resolve_authority(store, extract(page(2022)))
    assert before is not None and before.ons_code == "E10000009"  # Dorset County Council
    assert after is not None and after.ons_code == "E06000059"  # Dorset Council


def test_a_partner_council_a_release_names_is_not_its_sender() -> None:
    text = (
        "Improvement found in latest Ofsted monitoring visit\n\n"
        "Published Thursday, 12th October 2017\n\n"
        "The latest monitoring visit to Northam children's services has found improvement.\n"
        "A report published in January found that services in Northam were inadequate. "
        "The County Council's improvement plan was described by inspectors as focused.\n"
        'Councillor Ann Lee, Cabinet Member for Children in Northam, said: "Our staff are '
        'working very hard for children in Northam."\n'
        "Westshire County Council was last month appointed as Northam's improvement "
        "partner, and Westshire County Council will keep supporting the work.\n"
    )
    x = extract(text)
    assert x.kind == "press_release"
    assert x.authority_names[0] == "Northam"
    assert x.get("sender.organisation") == "Northam County Council"


def test_a_place_s_name_never_runs_across_a_blank_line() -> None:
    text = (
        "Borough rises to the top grade\n\nPicture: Jo Bloggs\n\n"
        "A London borough's children's services have risen to outstanding, "
        "inspectors said of Kingston this week.\n"
    )
    names = extract(text).authority_names
    assert names and all("Bloggs" not in n for n in names)


def test_a_name_at_the_edge_of_the_text_read_for_places_is_not_cut_short() -> None:
    from ofstedcli.documents import places
    from ofstedcli.documents.text import View

    for pad in range(2950, 3000):
        text = "x" * pad + " Services for children in Leicestershire have improved.\n"
        found = [n.value for n in places.loose_places(View(text))]
        assert all(v == "Leicestershire" for v in found if v.startswith("Leic")), found


def test_a_page_in_the_first_person_names_no_place_from_its_furniture() -> None:
    """A breadcrumb trail, "Our children's services" and a director's title are no names
    of a council; minutes held "at Westbrook Town Hall" are the Westbrook council's."""
    release = (
        "Home > News > Council news\n\nOur children's services rated good by Ofsted\n\n"
        "Posted: 3 June 2024\n\nWe are delighted that Ofsted has judged our children's "
        "services to be good.\n"
    )
    x = extract(release)
    assert x.authority_names == [] and x.get("sender.organisation") is None
    minutes = (
        "Minutes of the Children and Families Scrutiny Panel\nHeld on 10 July 2023 at "
        "Westbrook Town Hall\n\n12. Ofsted inspection outcome\nThe Director of Children's "
        "Services reported that Ofsted had judged the council's children's services to be "
        "good.\n"
    )
    assert extract(minutes).authority_names[0] == "Westbrook"


def test_a_place_whose_name_is_a_list_is_named_whole_first() -> None:
    """ "in Bournemouth, Christchurch and Poole" is one authority's name (the resolver takes
    it whole); a list of several places keeps each of them as a name too."""
    bcp = extract("Children's services in Bournemouth, Christchurch and Poole were rated good.\n")
    assert bcp.authority_names[0] == "Bournemouth, Christchurch and Poole"
    several = extract("Children's services in Leeds, Bradford and Wakefield were praised.\n")
    assert {"Leeds", "Bradford and Wakefield"} <= set(several.authority_names)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Report of: Director of Children's Services", "Director of Children's Services"),
        ("Report author: Head of Service, Children's Social Care",
         "Head of Service, Children's Social Care"),
        # a sentence naming the officer is no label: no role read from it
        ("The Committee received a report from Jo Bloggs, Director of Children's Services, "
         "which invites it to note the findings.", None),
    ],
)  # fmt: skip
def test_a_committee_papers_author_from_its_form(line: str, role: str | None) -> None:
    text = (
        "Westbrook Borough Council\n\nReport to: Children's Scrutiny Panel\nDate: 12 March "
        f"2024\n{line}\n\nPurpose of the report: to inform members of the outcome of the "
        "Ofsted inspection, which judged children's services good.\n"
    )
    x = extract(text)
    assert (x.kind, x.get("sender.role")) == ("committee_report", role)


def test_minutes_are_dated_by_the_meeting_they_record() -> None:
    text = (
        "MINUTES of a meeting of the CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE held at "
        "County Hall, Westbrook on Tuesday, 5 March 2024.\n\nPRESENT: Councillor A Smith "
        "(Chairman).\n\n23. OFSTED INSPECTION\n\nThe Director introduced the report on the "
        "inspection carried out from 15 to 26 January 2024, which judged children's services "
        "outstanding. A workshop was held at the Town Hall on 3 May 2024.\n"
    )
    x = extract(text)
    assert (x.kind, x.get("date")) == ("committee_report", "2024-03-05")


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("WESTBROOK BOROUGH COUNCIL\n\nCABINET", "Cabinet"),
        ("CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE",
         "Children and Young People Scrutiny Committee"),
    ],
)  # fmt: skip
def test_the_body_a_paper_goes_to_is_not_the_council_heading_it(heading: str, body: str) -> None:
    text = (
        f"{heading}\n\nDate of meeting: 12 March 2024\n\nReport author: Director of "
        "Children's Services\n\nOfsted inspected the council's children's services between 15 "
        "and 26 January 2024 and judged them good overall.\n"
    )
    assert extract(text).get("recipient.organisation") == body
