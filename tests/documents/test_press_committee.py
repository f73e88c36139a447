"""Council press releases and committee reports."""

from __future__ import annotations

from pathlib import Path

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
