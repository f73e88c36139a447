"""Properties of reading and extracting documents that tests/documents does not already try.

tests/documents/test_properties.py feeds the extractor random text, word salad and cut
letters, and round-trips whole generated reports through ``extract``. Here: any bytes at all
through the reader (text and PDF), generated reports cut anywhere (never a wrong grade, only
a missing one), PDFs cut short or with bytes changed, and a generated report round-tripped
through the whole program (``ofsted ingest`` into a database, ``ofsted letter --json`` back).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofstedcli import model
from ofstedcli.documents import extract
from ofstedcli.documents.read import read_bytes
from ofstedcli.errors import BadDocument
from tests.conftest import invoke
from tests.documents import factory
from tests.documents.pdfs import make_pdf

#: How many inputs each property tries (the README's table quotes these).
BYTES_EXAMPLES = 200
CUT_EXAMPLES = 150
PDF_EXAMPLES = 100
ROUND_TRIP_EXAMPLES = 25

_GRADE = st.sampled_from(model.GRADES)
_ILACS = st.fixed_dictionaries(
    {"leadership": _GRADE, "help_and_protection": _GRADE, "in_care": _GRADE, "care_leavers": _GRADE}
)
_SIF = st.fixed_dictionaries(
    {
        "help_and_protection": _GRADE,
        "in_care": _GRADE,
        "adoption": _GRADE,
        "care_leavers": _GRADE,
        "leadership": _GRADE,
    }
)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def _read_or_refuse(data: bytes, name: str) -> str | None:
    """The text read from ``data``, or None when the reader refused it in one line."""
    try:
        text = read_bytes(data, name)
    except BadDocument as err:
        assert err.message and "\n" not in err.message
        return None
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text  # line ends are normalised
    return text


@_settings(BYTES_EXAMPLES)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=1000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=500).map(lambda b: b"\xff\xfe" + b),
    ),
    name=st.sampled_from(["letter.txt", "report.pdf", "notes.md", "-"]),
)
def test_any_bytes_are_read_or_refused(data: bytes, name: str) -> None:
    text = _read_or_refuse(data, name)
    if text is not None:
        extract(text)  # and whatever was read, the extractor takes


def _truth(grades: dict[str, str], separate: bool) -> dict[str, str]:
    """What a report says of each area: a combined row judges care leavers with children
    in care, so a cut that leaves only "... care leavers" may be read as either."""
    return dict(grades) if separate else dict(grades, care_leavers=grades["in_care"])


def _never_wrong(text: str, truth: dict[str, str], overall: str | None) -> None:
    found = extract(text).to_json()["inspection"] or {}
    for area, grade in (found.get("judgements") or {}).items():
        assert truth.get(area) == grade, (area, grade, truth)
    if found.get("overall") is not None:
        assert found["overall"] == overall


@_settings(CUT_EXAMPLES)
@given(
    grades=_ILACS,
    overall=st.one_of(st.none(), _GRADE),
    separate=st.booleans(),
    width=st.integers(30, 90),
    data=st.data(),
)
def test_a_cut_ilacs_report_misses_grades_but_never_invents_one(
    grades: dict[str, str], overall: str | None, separate: bool, width: int, data: st.DataObject
) -> None:
    if not separate:
        del grades["care_leavers"]
    start = date(2022, 1, 10)
    text = factory.ilacs_report(
        "Wessex", start, start + timedelta(days=11), "Jo Example", grades,
        overall=overall, separate_care_leavers=separate, width=width,
    )  # fmt: skip
    cut = data.draw(st.integers(0, len(text)), label="cut")
    for part in (text[:cut], text[cut:]):
        _never_wrong(part, _truth(grades, separate), overall)


@_settings(CUT_EXAMPLES)
@given(grades=_SIF, overall=_GRADE, lscb=st.one_of(st.none(), _GRADE), data=st.data())
def test_a_cut_sif_report_misses_grades_but_never_invents_one(
    grades: dict[str, str], overall: str, lscb: str | None, data: st.DataObject
) -> None:
    text = factory.sif_report(
        "Wessex County Council", date(2016, 1, 11), date(2016, 2, 4), date(2016, 3, 29),
        "Jo Example", grades, overall=overall, lscb=lscb,
    )  # fmt: skip
    truth = dict(grades, lscb=lscb) if lscb else grades
    cut = data.draw(st.integers(0, len(text)), label="cut")
    for part in (text[:cut], text[cut:]):
        _never_wrong(part, truth, overall)


_REPORT_PDF = make_pdf(
    [
        page.split("\n")
        for page in factory.ilacs_report(
            "Wessex", date(2022, 1, 10), date(2022, 1, 21), "Jo Example",
            {"leadership": model.GOOD, "help_and_protection": model.GOOD, "in_care": model.GOOD},
            overall=model.GOOD, separate_care_leavers=False,
        ).split("\f")
    ]
)  # fmt: skip


@_settings(PDF_EXAMPLES)
@given(
    cut=st.integers(0, len(_REPORT_PDF)),
    changes=st.lists(
        st.tuples(st.integers(0, len(_REPORT_PDF) - 1), st.integers(0, 255)), max_size=20
    ),
)
def test_a_damaged_pdf_is_read_or_refused(cut: int, changes: list[tuple[int, int]]) -> None:
    damaged = bytearray(_REPORT_PDF)
    for at, byte in changes:
        damaged[at] = byte
    text = _read_or_refuse(bytes(damaged[:cut]), "report.pdf")
    if text is not None:
        extract(text)


@pytest.fixture(scope="module")
def round_trip_db(tiny_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copy(tiny_db_file, tmp_path_factory.mktemp("trip") / "trip.db"))


@pytest.fixture
def trip(round_trip_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("OFSTED_DB", str(round_trip_db))
    yield round_trip_db.parent


@_settings(ROUND_TRIP_EXAMPLES)
@given(
    grades=_ILACS,
    overall=st.one_of(st.none(), _GRADE),
    separate=st.booleans(),
    start=st.dates(date(2018, 6, 1), date(2027, 6, 1)),
    days=st.integers(4, 13),
    as_pdf=st.booleans(),
)
def test_a_generated_report_round_trips_through_ingest_and_letter(
    trip: Path,
    grades: dict[str, str],
    overall: str | None,
    separate: bool,
    start: date,
    days: int,
    as_pdf: bool,
) -> None:
    if not separate:
        del grades["care_leavers"]
    end = start + timedelta(days=days)
    text = factory.ilacs_report(
        "Leicester City Council", start, end, "Jo Example", grades,
        overall=overall, separate_care_leavers=separate,
    )  # fmt: skip
    path = trip / f"report-{abs(hash((text, as_pdf)))}.{'pdf' if as_pdf else 'txt'}"
    if as_pdf:
        path.write_bytes(make_pdf([page.split("\n") for page in text.split("\f")]))
    else:
        path.write_text(text, encoding="utf-8")
    ingested = invoke("ingest", str(path), "--json")
    assert ingested.code == 0, ingested.stderr
    (result,) = ingested.json()
    assert result["status"] in ("ingested", "duplicate"), result
    shown = invoke("letter", result["id"], "--json")
    assert shown.code == 0, shown.stderr
    facts = {f["field"]: f["value"] for f in shown.json()["facts"]}
    stored = {
        field.removeprefix("inspection.judgements."): value
        for field, value in facts.items()
        if field.startswith("inspection.judgements.")
    }
    assert stored == grades
    assert facts.get("inspection.overall") == overall
    assert (facts["inspection.start_date"], facts["inspection.end_date"]) == (
        start.isoformat(),
        end.isoformat(),
    )
    assert shown.json()["authority"]["ons_code"] == "E06000016"
