"""Properties: no text crashes the extractor, and a report in Ofsted's layout round-trips."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofstedcli import model
from ofstedcli.documents import extract
from tests.documents import factory

_WORDS = st.sampled_from(
    [
        "Dear", "Sam", "inspection", "Inspection dates:", "Judgement Grade", "Good",
        "Requires improvement", "to be good", "Outstanding", "Inadequate", "Lead inspector:",
        "children's services in", "Leicester", "City Council", "judged", "in 2015", "March",
        "Yours sincerely", "HMI", "Overall effectiveness", "\n", "\f", ".", ",", "'", "(",
        "Focused visit to", "Annual engagement meeting", "Report of the Director", "12/11/21",
        "31 February 2021", "20 September to 1 October 2021", "\u2019", "\ufffe", "**",
    ]
)  # fmt: skip


def _assert_sound(text: str) -> None:
    x = extract(text)
    out = x.to_json()
    assert out["kind"] in (
        "inspection_report", "focused_visit_letter", "monitoring_visit_letter",
        "ministerial_letter", "engagement_meeting_letter", "press_release",
        "committee_report", "other",
    )  # fmt: skip
    for fact in x.facts:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    _assert_sound(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_documentish_word_salad_never_crashes(text: str) -> None:
    _assert_sound(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_truncated_documents_never_crash(data: st.DataObject) -> None:
    text = data.draw(
        st.sampled_from(
            [
                factory.MINISTERIAL,
                factory.ENGAGEMENT,
                factory.FOCUSED_VISIT,
                factory.PRESS_RELEASE,
                factory.COMMITTEE,
            ]
        )
    )
    cut = data.draw(st.integers(0, len(text)))
    _assert_sound(text[:cut])
    _assert_sound(text[cut:])


_GRADE = st.sampled_from(model.GRADES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    grades=st.fixed_dictionaries(
        {
            "leadership": _GRADE,
            "help_and_protection": _GRADE,
            "in_care": _GRADE,
            "care_leavers": _GRADE,
        }
    ),
    overall=st.one_of(st.none(), _GRADE),
    separate=st.booleans(),
    start=st.dates(date(2018, 1, 1), date(2027, 12, 1)),
    days=st.integers(4, 13),
    width=st.integers(30, 90),
    name=st.sampled_from(["Wessex", "Barset City Council", "Northam and Southam", "Eastport"]),
)
def test_generated_ilacs_report_round_trips(
    grades: dict[str, str],
    overall: str | None,
    separate: bool,
    start: date,
    days: int,
    width: int,
    name: str,
) -> None:
    if not separate:
        del grades["care_leavers"]
    end = start + timedelta(days=days)
    text = factory.ilacs_report(
        name,
        start,
        end,
        "Jo Example",
        grades,
        overall=overall,
        separate_care_leavers=separate,
        width=width,
    )
    insp = extract(text).to_json()["inspection"]
    assert insp["judgements"] == grades
    assert insp["overall"] == overall
    assert insp["overall_reported"] is (overall is not None)
    assert (insp["start_date"], insp["end_date"]) == (start.isoformat(), end.isoformat())
    assert insp["lead_inspector"] == "Jo Example"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    grades=st.fixed_dictionaries(
        {
            "help_and_protection": _GRADE,
            "in_care": _GRADE,
            "adoption": _GRADE,
            "care_leavers": _GRADE,
            "leadership": _GRADE,
        }
    ),
    overall=_GRADE,
    lscb=st.one_of(st.none(), _GRADE),
)
def test_generated_sif_report_round_trips(
    grades: dict[str, str], overall: str, lscb: str | None
) -> None:
    text = factory.sif_report(
        "Wessex County Council",
        date(2016, 1, 11),
        date(2016, 2, 4),
        date(2016, 3, 29),
        "Jo Example",
        grades,
        overall=overall,
        lscb=lscb,
    )
    insp = extract(text).to_json()["inspection"]
    want = dict(grades, lscb=lscb) if lscb else grades
    assert insp["judgements"] == want
    assert insp["overall"] == overall
