"""A page's web address: whose site it is on, and the site's name as its host spells it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofstedcli.documents import extract
from ofstedcli.documents.address import publication, site, web_address
from ofstedcli.errors import UsageError

NEWS = (
    "Council told to improve children's services\n\n"
    "Inspectors have told Westbrook Council its children's services require improvement, "
    "a report published in Northam today says.\n"
)
#: A council's page about itself in the third person, as many councils write them.
RELEASE = (
    "Children's services rated good\n\n"
    "Leicester City Council's children's services have been rated good by Ofsted after an "
    "inspection in March. Councillor Jo Bloggs, lead member, said the council was proud.\n"
)


def test_a_council_site_under_gov_uk() -> None:
    assert site("https://news.westbrook.gov.uk/2024/ofsted", NEWS).council
    assert site("https://www.westbrook.gov.uk/news", NEWS).name is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.uk/government/news/ofsted-report",
        "https://assets.publishing.service.gov.uk/media/report.pdf",
        "https://files.ofsted.gov.uk/v1/file/50012345",
        "https://www.local.gov.uk/case-studies/westbrook",
    ],
)
def test_central_government_is_no_council(url: str) -> None:
    assert not site(url, NEWS).council


def test_a_newspaper_named_in_words_the_page_uses() -> None:
    assert site("https://www.northampost.co.uk/news/x-123", NEWS).name == "Northam Post"
    assert publication("thenorthamecho", NEWS) == "The Northam Echo"
    assert publication("westbrook-and-northam-times", NEWS) == "Westbrook and Northam Times"


@pytest.mark.parametrize(
    "label",
    [
        "southwoldpost",  # "Southwold" is not on the page: not guessed
        "northam",  # a place, not a newspaper's name
        "westbrookcouncil",  # no newspaper's last word
        "inspectorsreport",  # words of the page, but not a newspaper's name
    ],
)
def test_a_host_that_does_not_spell_a_newspaper_names_nothing(label: str) -> None:
    assert publication(label, NEWS) is None


def test_the_address_gives_the_sender_the_text_leaves_out() -> None:
    x = extract(NEWS, "https://www.northampost.co.uk/news/ofsted-123")
    fact = x.fact("sender.organisation")
    assert fact is not None and fact.value == "Northam Post"
    assert fact.evidence() == {
        "start": None,
        "end": None,
        "text": "https://www.northampost.co.uk/news/ofsted-123",
    }
    assert extract(NEWS).get("sender.organisation") is None


def test_the_text_s_own_sender_wins_over_the_address() -> None:
    byline = "By Jo Bloggs, Westbrook Gazette\n\n" + NEWS
    x = extract(byline, "https://www.northampost.co.uk/news/ofsted-123")
    assert x.get("sender.organisation") == "Westbrook Gazette"


def test_a_council_s_page_in_the_third_person_is_its_release() -> None:
    assert extract(RELEASE).kind == "other"  # the text alone reads as news
    x = extract(RELEASE, "https://news.leicester.gov.uk/news/ofsted-2024")
    assert x.kind == "press_release"
    cue = x.fact("kind")
    assert cue is not None and cue.evidence()["start"] is None
    assert x.get("sender.organisation") == "Leicester City Council"
    assert x.get("title") == "Children's services rated good"
    # a newspaper's page is still news
    assert extract(RELEASE, "https://www.leicestermercury.co.uk/news/1").kind == "other"


@pytest.mark.parametrize(
    "url", ["notaurl", "ftp://files.example.org/a.txt", "https://localhost/a", "http://a b.com/"]
)
def test_what_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(UsageError, match="--url must be a web address"):
        web_address(url)


def test_a_council_sites_own_name_comes_before_the_places_the_text_names() -> None:
    x = extract(RELEASE, "https://news.westbrook.gov.uk/ofsted")
    assert x.authority_names[:2] == ["westbrook", "Leicester City Council"]
    name = x.fact("authority.name")
    assert name is not None and name.evidence()["start"] is None
    # the text naming the same council: that name, with its evidence in the text
    same = extract(RELEASE, "https://www.leicester.gov.uk/news")
    assert same.authority_names[0] == "Leicester City Council"
    found = same.fact("authority.name")
    assert found is not None and found.start > 0
    # a newspaper's site says nothing of the authority
    assert extract(RELEASE, "https://www.northampost.co.uk/1").authority_names[0] == (
        "Leicester City Council"
    )


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://democracy.westbrook.gov.uk/ieListDocuments.aspx?CId=1", "committee_report"),
        ("https://westbrook.moderngov.co.uk/mgAi.aspx?ID=4627", "committee_report"),
        ("https://news.westbrook.gov.uk/2024/ofsted", "press_release"),
    ],
)
def test_a_council_committee_systems_page_is_a_committee_paper(url: str, kind: str) -> None:
    x = extract(RELEASE, url)
    assert x.kind == kind
    assert x.authority_names[0] == "westbrook"


def test_the_resolver_takes_the_council_whose_site_it_is(tiny_db_file: Path) -> None:
    from ofstedcli.documents.link import resolve_authority
    from ofstedcli.store import open_store

    x = extract(RELEASE, "https://news.bathnes.gov.uk/news/ofsted")
    with open_store(tiny_db_file) as store:
        found = resolve_authority(store, x)
        assert found is not None and found.ons_code == "E06000022"
        # read from the text alone, the page is Leicester's
        alone = resolve_authority(store, extract(RELEASE))
        assert alone is not None and alone.ons_code == "E06000016"


#: A council's release reprinted word for word on another's site.
REPRINTED = (
    "Westbrook Council welcomes Ofsted report\n\n12 March 2024\n\nWe are delighted that "
    "Ofsted has rated our children's services as good. Cllr Jo Bloggs, Cabinet Member for "
    'Children, said: "This is fantastic news for our children and families."\n'
)


def test_a_councils_words_on_anothers_site_are_that_sites_page() -> None:
    assert extract(REPRINTED).kind == "press_release"
    for url in (
        "https://westbrooklibdems.org.uk/news/ofsted",
        "https://www.northampost.co.uk/news/ofsted-1",
        "https://www.themj.co.uk/westbrook",
    ):
        x = extract(REPRINTED, url)
        assert x.kind == "other", url
        cue = x.fact("kind")
        assert cue is not None and cue.evidence() == {"start": None, "end": None, "text": url}
    # the council's own sites, its trust's and its newsroom's: still the council's release
    for url in (
        "https://news.westbrook.gov.uk/ofsted",
        "https://www.westbrookchildrenstrust.co.uk/news",
        "https://westbrooknewsroom.com/ofsted",
    ):
        assert extract(REPRINTED, url).kind == "press_release", url
