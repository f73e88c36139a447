"""The resolver on the bundled database: the names the issues list and the forms people type."""

from collections.abc import Iterator

import pytest

from ofstedcli.errors import Ambiguous, NotFound
from ofstedcli.resolve import resolve_code, resolve_first
from ofstedcli.store import BUNDLED_PATH, Store, open_store

pytestmark = pytest.mark.skipif(
    not BUNDLED_PATH.exists(), reason="the bundled database is not built"
)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with open_store() as s:
        yield s


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("leicester", "E06000016"),
        ("Leicester City Council", "E06000016"),
        ("leicster", "E06000016"),
        ("leicestershire", "E10000018"),
        ("leics", "E10000018"),
        ("hull", "E06000010"),
        ("solihull", "E08000029"),
        ("north yorks", "E06000065"),
        ("york", "E06000014"),
        ("Notts", "E10000024"),
        ("Herts", "E10000015"),
        ("Northants", "E10000021"),
        ("B&NES", "E06000022"),
        # the body that runs a council's children's services, as people name it
        ("Birmingham Children's Trust", "E08000025"),
        ("Slough Children First", "E06000039"),
        ("Doncaster Children's Services Trust", "E08000017"),
        ("Sunderland Together for Children", "E08000024"),
        ("Leicester children's services", "E06000016"),
        ("BCP", "E06000058"),
        ("RBKC", "E09000020"),
        ("Bristol, City of", "E06000023"),
        ("County Durham", "E06000047"),
        ("st. helens", "E08000013"),
        ("telford and wrekin", "E06000020"),
        ("E08000038", "E08000016"),  # Barnsley's newer ONS code
        ("E08000039", "E08000019"),  # Sheffield's
        ("E10000023", "E06000065"),  # North Yorkshire before 2023
        ("E10000027", "E06000066"),  # Somerset before 2023
        ("856", "E06000016"),
        ("80482", "E06000016"),
        ("cumbria", "E10000006"),
        ("poole", "E06000029"),
    ],
)
def test_resolves(store: Store, typed: str, code: str) -> None:
    assert resolve_code(store, typed) == code


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("kingston", {"Kingston upon Hull", "Kingston upon Thames"}),
        ("cheshire", {"Cheshire East", "Cheshire West and Chester"}),
        ("sussex", {"East Sussex", "West Sussex"}),
    ],
)
def test_never_guesses(store: Store, typed: str, names: set[str]) -> None:
    with pytest.raises(Ambiguous) as caught:
        resolve_code(store, typed)
    assert {c["name"] for c in caught.value.details["candidates"]} == names


def test_every_official_name_and_code_resolves_to_itself(store: Store) -> None:
    for auth in store.authorities():
        if auth.status == "current":
            assert resolve_code(store, auth.name) == auth.ons_code, auth.name
        assert resolve_code(store, auth.ons_code) == auth.ons_code


#: District councils and the authorities fuzzy matching made of them (issue 14).
DISTRICT_LOOKALIKES = [
    ("Boston", "Bolton"),
    ("Lewes", "Leeds"),
    ("Winchester", "Manchester"),
    ("Stafford", "Trafford"),
    ("Harlow", "Harrow"),
    ("Melton", "Merton"),
    ("Rother", "Rotherham"),
    ("Woking", "Wokingham"),
    ("Burnley", "Barnsley"),
    ("South Somerset", "North Somerset"),
]


@pytest.mark.parametrize(("district", "lookalike"), DISTRICT_LOOKALIKES)
def test_a_district_never_becomes_its_lookalike(
    store: Store, district: str, lookalike: str
) -> None:
    if not store.districts():
        pytest.skip("this bundled database has no districts table yet")
    wrong = resolve_code(store, lookalike)
    for typed in (district, district.lower(), f"{district} District Council"):
        try:
            got = resolve_code(store, typed)
        except NotFound as exc:
            assert lookalike not in exc.message.split(";")[0]
        else:
            assert got != wrong, f"{typed!r} became {lookalike}"


def test_a_document_naming_a_district_and_its_county_is_the_countys(store: Store) -> None:
    if not store.districts():
        pytest.skip("this bundled database has no districts table yet")
    found = resolve_first(store, ["Boston Borough Council", "Lincolnshire County Council"])
    assert found == (resolve_code(store, "Lincolnshire"), "Lincolnshire County Council")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a former authority's name after it was replaced: its one successor
        (
            "Ofsted published its report on 3 March 2021: children's services in Bournemouth",
            "E06000058",
        ),
        (
            "Ofsted published its report on 3 March 2017: children's services in Bournemouth",
            "E06000028",
        ),
        # the same name as its successor, before the change: the former one
        ("Ofsted published its report on 23 May 2016: children's services in Dorset", "E10000009"),
        ("Ofsted published its report on 23 May 2023: children's services in Dorset", "E06000059"),
        # two successors: not chosen between, the former authority stands
        (
            "Ofsted published its report on 9 May 2022: children's services in Northamptonshire",
            "E10000021",
        ),
    ],
)
def test_a_document_s_time_chooses_between_an_authority_and_its_predecessor(
    store: Store, text: str, code: str
) -> None:
    from ofstedcli.documents import extract
    from ofstedcli.documents.link import resolve_authority

    found = resolve_authority(store, extract(text + " require improvement to be good.\n"))
    assert found is not None and found.ons_code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Children's services in the City of London have been rated outstanding.", "E09000001"),
        ("Ofsted has rated Bradford Children and Families Trust as requires improvement.",
         "E08000032"),
        # two councils named as one ("Richmond and Kingston" is no authority's name): the
        # first of them
        ("Achieving for Children, which runs children's services in Richmond and Kingston, "
         "has been rated outstanding by Ofsted.", "E09000027"),
        # minutes that name the council only in the meeting's venue
        ("Children and Young People Scrutiny Committee\nThursday, 3rd November, 2022\n\n"
         "Venue: LB 31-32 - Loxley House, Station Street, Nottingham, NG2 3NG\n\n"
         "The Committee noted the outcome of the Ofsted inspection of children's services, "
         "which judged them to require improvement to be good.", "E06000018"),
    ],
)  # fmt: skip
def test_a_document_names_its_authority_as_the_field_does(
    store: Store, text: str, code: str
) -> None:
    from ofstedcli.documents import extract
    from ofstedcli.documents.link import resolve_authority

    found = resolve_authority(store, extract(f"Local News\n12 May 2024\n\n{text}\n"))
    assert found is not None and found.ons_code == code
