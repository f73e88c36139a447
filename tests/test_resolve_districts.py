"""District councils are places, not children's services authorities: never silently
another authority with a similar name (Boston is not Bolton), on the command line or in a
document; a document naming a district and its county is the county's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ofstedcli import resolve
from ofstedcli.errors import NotFound
from ofstedcli.resolve import resolve_code, resolve_first
from ofstedcli.store import Store, open_store
from tests.conftest import invoke
from tests.dbfactory import DISTRICTS, make_district_db


@pytest.fixture(scope="module")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_district_db(tmp_path_factory.mktemp("districts") / "districts.db")


@pytest.fixture(scope="module")
def county_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_district_db(tmp_path_factory.mktemp("counties") / "counties.db", county=True)


@pytest.fixture
def store(district_db: Path) -> Iterator[Store]:
    with open_store(district_db) as opened:
        yield opened


@pytest.mark.parametrize(("code", "district", "county", "confused"), DISTRICTS)
def test_a_district_is_never_the_authority_it_resembles(
    store: Store, code: str, district: str, county: str, confused: str
) -> None:
    assert resolve_code(store, confused) != code  # the look-alike itself is there
    for typed in (district, district.upper(), f"{district} Borough Council", f"{district} DC"):
        with pytest.raises(NotFound) as caught:
            resolve_code(store, typed)
        assert f"{district}, a district council" in caught.value.message
        assert confused not in caught.value.message
        assert caught.value.details["district"] == {"ons_code": code, "name": district}


def test_a_near_miss_of_a_district_is_that_district(store: Store) -> None:
    """ "Winchestr" is closer to Winchester than to Manchester: a district, not found."""
    for typed, district in (("winchestr", "Winchester"), ("Bostonn", "Boston")):
        with pytest.raises(NotFound, match=f"looks like {district}, a district council"):
            resolve_code(store, typed)


def test_a_close_spelling_never_changes_a_compass_word(store: Store) -> None:
    """South Somerset (a district until 2023) is not North Somerset; a typo still is."""
    with pytest.raises(NotFound) as caught:
        resolve_code(store, "South Somerset")
    assert "North Somerset" in caught.value.message  # suggested, not chosen
    assert resolve_code(store, "north somerst") == "E06000024"


def test_the_county_is_suggested_when_the_data_gives_it(county_db: Path) -> None:
    with open_store(county_db) as store, pytest.raises(NotFound) as caught:
        resolve_code(store, "Boston")
    assert caught.value.message.endswith("did you mean Lincolnshire?")
    assert caught.value.details["suggestions"] == [
        {"name": "Lincolnshire", "ons_code": "E10000019"}
    ]


def test_without_a_districts_table_nothing_changes(tiny_db_file: Path) -> None:
    with open_store(tiny_db_file) as store:
        assert store.districts() == []
        assert resolve_code(store, "leicster") == "E06000016"


def test_a_document_naming_a_district_and_its_county_is_the_countys(store: Store) -> None:
    """A press release's names, best first: the district fails, the county is exact, and
    no name is tried by a close spelling while another matches exactly."""
    resolve.guesses.clear()
    assert resolve_first(store, ["Boston Borough Council", "Lincolnshire County Council"]) == (
        "E10000019",
        "Lincolnshire County Council",
    )
    # a fuzzy first name loses to an exact later one
    assert resolve_first(store, ["Leicstr City", "Leicestershire"]) == (
        "E10000018",
        "Leicestershire",
    )
    assert resolve_first(store, ["Leicstr City", "Boston"]) == ("E06000016", "Leicstr City")
    assert resolve_first(store, ["Boston", "Lewes"]) is None
    assert resolve.guesses == []  # names read from documents are not the user's guesses


def test_the_command_line_says_when_a_name_was_a_guess(
    district_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFSTED_DB", str(district_db))
    guessed = invoke("show", "leicster", "--json")
    assert guessed.code == 0
    assert guessed.stderr == (
        "ofsted: no authority is named 'leicster'; taken to mean Leicester, the closest name\n"
    )
    assert invoke("show", "leicester", "--json").stderr == ""
    refused = invoke("show", "Boston")
    assert refused.code == 3
    assert "Boston, a district council: children's services there are" in refused.stderr
    assert "Bolton" not in refused.stderr + refused.stdout


PRESS_RELEASE = """\
Press release

Boston Borough Council welcomes Ofsted report

12 March 2025

Boston Borough Council today welcomed the news that Lincolnshire County Council's children's
services have been judged Outstanding by Ofsted.
"""


def test_a_boston_press_release_is_filed_under_lincolnshire(
    district_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was filed under Bolton, though its next name matched exactly."""
    monkeypatch.setenv("OFSTED_DB", str(district_db))
    release = tmp_path / "release.txt"
    release.write_text(PRESS_RELEASE, encoding="utf-8")
    done = invoke("ingest", "--dry-run", "--json", str(release))
    assert done.code == 0, done.stderr
    [result] = done.json()
    assert result["authority"]["ons_code"] == "E10000019"
    # the name it was filed by first (a district's council names no authority of its own)
    assert result["authority"]["candidates"][0] == result["authority"]["as_written"]
    assert result["authority"]["as_written"].startswith("Lincolnshire County")
    assert not any("Bolton" in name for name in result["authority"]["candidates"])
